/*
 * What the subcommands share: opening the database the same way for all,
 * refusing an output that would overwrite it, saying what is wrong with a
 * command line, the versions, the terminal's width.
 */
#include "cmd.h"
#include "exitcode.h"
#include "buf.h"
#include "suggest.h"
#include "timeutil.h"
#include "version.h"

#include <archive.h>
#include <getopt.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <utf8proc.h>

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

int cmd_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "dmaudit: %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "; see 'dmaudit help %s'\n", cmd);
	return EXIT_USAGE;
}

int cmd_bad_option(const char *cmd, int c, char **argv, const struct option *opts)
{
	/* getopt has moved past the word it could not take */
	const char *word = optind > 0 ? argv[optind - 1] : "";
	if (c == ':')
		return cmd_usage_error(cmd, "option '%s' needs a value", word);
	if (optopt && optopt != '?')
		return cmd_usage_error(cmd, "unknown option '-%c'", optopt);
	if (strncmp(word, "--", 2))
		return cmd_usage_error(cmd, "unknown option '%s'", word);
	char name[64];
	snprintf(name, sizeof(name), "%.*s", (int)strcspn(word + 2, "="), word + 2);
	struct suggest sg;
	suggest_init(&sg, name);
	for (size_t i = 0; opts[i].name; i++)
		suggest_add(&sg, opts[i].name);
	/* the names as typed, with their dashes */
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < sg.n; i++)
		buf_addf(&b, "%s'--%s'", i == 0 ? " (did you mean " : i + 1 < sg.n ? ", " : " or ",
			 sg.best[i]);
	int rc = cmd_usage_error(cmd, "unknown option '--%s'%s%s", name, b.s, sg.n ? "?)" : "");
	buf_release(&b);
	return rc;
}

void cmd_print_versions(FILE *out)
{
	fprintf(out, "dmaudit %s\n", DMAUDIT_VERSION);
	/* the libraries as loaded, which may be newer than the headers built against */
	fprintf(out, "SQLite %s\n", sqlite3_libversion());
	fprintf(out, "%s\n", archive_version_string());
#if JANSSON_VERSION_HEX >= 0x020d00
	fprintf(out, "jansson %s\n", jansson_version_str());
#else
	fprintf(out, "jansson %s\n", JANSSON_VERSION);
#endif
	fprintf(out, "utf8proc %s\n", utf8proc_version());
	/* libphonenumber's headers carry no version, and the library has no call for it */
}

int cmd_term_width(FILE *out)
{
	const char *cols = getenv("COLUMNS");
	long w = 0;
	if (cols && *cols) {
		char *end;
		w = strtol(cols, &end, 10);
		if (*end || w <= 0)
			w = 0;
	}
	if (!w) {
		struct winsize ws;
		int fd = fileno(out);
		if (fd >= 0 && isatty(fd) && !ioctl(fd, TIOCGWINSZ, &ws) && ws.ws_col)
			w = ws.ws_col;
	}
	if (!w)
		w = 80;
	return w < 20 ? 20 : w > 1000 ? 1000 : (int)w;
}

int cmd_parse_date(const char *s, bool end_of_day, int64_t *ms)
{
	if (!time_parse(s, ms))
		return -1;
	if (end_of_day && strlen(s) == 10)
		*ms += 86400000 - 1;
	return 0;
}

int cmd_period_option(const char *cmd, int c, const char *arg, int64_t *since, int64_t *until)
{
	if (cmd_parse_date(arg, c == 'u', c == 's' ? since : until))
		return cmd_usage_error(cmd, "--%s '%s' is not a date (YYYY-MM-DD, or "
				       "YYYY-MM-DDTHH:MM:SSZ)", c == 's' ? "since" : "until", arg);
	return 0;
}
