/*
 * tz: IANA time zones for showing local times and business hours. The zone
 * comes from the system's tz database (/usr/share/zoneinfo) through TZ and
 * localtime_r; nothing is fetched.
 */
#ifndef DMAUDIT_TZ_H
#define DMAUDIT_TZ_H

#include <stdint.h>

struct tz_local {
	int year, month, day, hour, minute, wday; /* wday 0 = Sunday */
};

/* 0 when zone is UTC or a zone the system's tz database holds. */
int tz_check(const char *zone);
/* Make zone the one tz_local uses (process-wide). */
void tz_set(const char *zone);
/* Local calendar time of ms since the epoch in the zone set (UTC by default). */
void tz_local(int64_t ms, struct tz_local *out);

#endif
