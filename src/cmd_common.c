/*
 * What the subcommands share: opening the database the same way for all,
 * and refusing an output that would overwrite it.
 */
#include "cmd.h"
#include "exitcode.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void say_waiting(const char *path)
{
	if (isatty(STDERR_FILENO))
		fprintf(stderr, "dmaudit: '%s': another dmaudit is writing to it; waiting "
				"(Ctrl-C to stop)\n", path);
}

int cmd_store_open(struct store *s, const char *db, enum store_mode mode, struct err *err)
{
	/* DMAUDIT_BUSY_TIMEOUT: seconds to wait for another dmaudit's lock */
	const char *t = getenv("DMAUDIT_BUSY_TIMEOUT");
	if (t && *t) {
		char *end;
		double v = strtod(t, &end);
		if (*end == '\0' && v >= 0 && v < 86400)
			s->busy_ms = v > 0 ? (int)(v * 1000) : 1;
	}
	s->waiting = say_waiting;
	return store_open(s, db, mode, err);
}

int cmd_check_output(const struct store *s, const char *path, struct err *err)
{
	if (path && store_is_file(s, path))
		return err_set(err, EXIT_USAGE, "'%s' is the database '%s'; choose another "
						"output file", path, s->path);
	return 0;
}
