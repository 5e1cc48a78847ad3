/*
 * fmt: decimal formatting for hot paths. Reports print millions of ids and
 * counts; snprintf's format parsing was a visible share of their time.
 */
#ifndef DMAUDIT_FMT_H
#define DMAUDIT_FMT_H

#include <stddef.h>
#include <stdint.h>

#define FMT_I64_SIZE 21 /* "-9223372036854775808" and the NUL */

/* Write v in decimal, NUL-terminated, into out; returns the length. */
size_t fmt_i64(char out[FMT_I64_SIZE], int64_t v);

#endif
