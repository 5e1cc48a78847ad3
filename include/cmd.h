/*
 * cmd: the subcommands, one file each (src/cmd_*.c), dispatched by main.c.
 * Each takes argc/argv starting at its own name and returns an exit code
 * (exitcode.h); each prints its own errors, one line per failure.
 */
#ifndef DMAUDIT_CMD_H
#define DMAUDIT_CMD_H

#include "error.h"
#include "store.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

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

/*
 * Misuse of command cmd: one line on stderr, "dmaudit: CMD: <what>; see
 * 'dmaudit help CMD'", and EXIT_USAGE to return.
 */
int cmd_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

struct option;
/*
 * What getopt_long returned c ('?' or ':', with opterr 0 and the option
 * string opening with ':') means, said as cmd_usage_error does; an unknown
 * long option gets a "did you mean" from opts. Returns EXIT_USAGE.
 */
int cmd_bad_option(const char *cmd, int c, char **argv, const struct option *opts);

/*
 * DATE (2021-06-01, 2021-06-01T12:00:00Z, epoch seconds or ms) as ms; a
 * date without a time is its day's first ms, or with end_of_day its last.
 */
int cmd_parse_date(const char *s, bool end_of_day, int64_t *ms);
/*
 * --since (c == 's') or --until (c == 'u') of cmd: arg into *since or
 * *until; 0, or EXIT_USAGE after one line on stderr.
 */
int cmd_period_option(const char *cmd, int c, const char *arg, int64_t *since, int64_t *until);

/* "dmaudit X.Y.Z" and the run-time versions of the libraries, one a line. */
void cmd_print_versions(FILE *out);

/*
 * Columns for text written to out: $COLUMNS when it is a number, else the
 * terminal's width when out is one, else 80. Never below 20.
 */
int cmd_term_width(FILE *out);

#endif
