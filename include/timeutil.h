/*
 * timeutil: the archive's time formats to and from milliseconds since the
 * Unix epoch (UTC). Pure functions, no time zone state, no allocation.
 */
#ifndef DMAUDIT_TIMEUTIL_H
#define DMAUDIT_TIMEUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Parse any time the archive uses into *ms:
 *   ISO 8601 "2021-12-15T21:55:37.367Z" (fraction and Z optional, +hh:mm offsets),
 *   tweet dates "Sat Feb 18 12:33:11 +0000 2023",
 *   classic "2009-02-28 00:00:00 +0000",
 *   an all-digit Unix time in milliseconds.
 * Returns false on anything else (and on out-of-range fields).
 */
bool time_parse(const char *s, int64_t *ms);

/* Days since 1970-01-01 of a proleptic Gregorian date. */
int64_t time_days_from_civil(int64_t y, unsigned m, unsigned d);
void time_civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d);

/* "2021-12-15T21:55:37Z", or with ".367" when ms is not a whole second. */
void time_format_iso(int64_t ms, char out[32]);
/* "2021-12-15" */
void time_format_date(int64_t ms, char out[16]);

/* ms since the epoch now. */
int64_t time_now_ms(void);

#endif
