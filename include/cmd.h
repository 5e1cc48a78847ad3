/*
 * cmd: the subcommands, one file each (src/cmd_*.c), dispatched by main.c.
 * Each takes argc/argv starting at its own name and returns an exit code
 * (exitcode.h); each prints its own errors, one line per failure.
 */
#ifndef DMAUDIT_CMD_H
#define DMAUDIT_CMD_H

int cmd_ingest(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_charts(int argc, char **argv);

/* Finish writing stdout: a report that could not be written is a failure. */
int cmd_close_stdout(void);

#endif
