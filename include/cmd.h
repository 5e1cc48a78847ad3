/*
 * cmd: the subcommands, one file each (src/cmd_*.c), dispatched by main.c.
 * Each takes argc/argv starting at its own name and returns an exit code
 * (exitcode.h); each prints its own errors, one line per failure.
 */
#ifndef DMAUDIT_CMD_H
#define DMAUDIT_CMD_H

#include "error.h"
#include "store.h"

int cmd_ingest(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_charts(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_snapshots(int argc, char **argv);

/*
 * Open the database as every command does: waiting for another dmaudit's
 * lock (DMAUDIT_BUSY_TIMEOUT seconds, 30 by default; said once on a
 * terminal), then as store_open.
 */
int cmd_store_open(struct store *s, const char *db, enum store_mode mode, struct err *err);
/* Refuse (EXIT_USAGE) an output or input path that is the database file itself. */
int cmd_check_output(const struct store *s, const char *path, struct err *err);

/* Finish writing stdout: a report that could not be written is a failure. */
int cmd_close_stdout(void);

#endif
