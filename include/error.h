/*
 * error: errors as values.
 *
 * A failing function fills a caller-supplied struct err with an exit code
 * (exitcode.h) and one line of text naming the subject and the problem, and
 * returns -1. Nothing below the command layer prints or exits; the command
 * layer prints err.msg once and exits with err.code.
 */
#ifndef DMAUDIT_ERROR_H
#define DMAUDIT_ERROR_H

#include <stdarg.h>

struct err {
	int code;       /* an enum exit_code; 0 while no error */
	char msg[1024]; /* one line, lower-case start, no trailing newline */
};

#define ERR_INIT { 0, "" }

/* Fill e (if not NULL) and return -1. Newlines in the message become spaces. */
int err_set(struct err *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Prefix an existing message with "prefix: " (for adding a file name). */
void err_prefix(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Print "dmaudit: <msg>" (or "dmaudit: warning: <msg>") to stderr. */
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void err_print(const struct err *e);

#endif
