#include "tz.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static bool zone_set;

int tz_check(const char *zone)
{
	if (!strcmp(zone, "UTC") || !strcmp(zone, "Etc/UTC"))
		return 0;
	/* an IANA name: letters, digits, '/', '_', '-', '+'; no '..' */
	if (!*zone || zone[0] == '/' || strstr(zone, "..") ||
	    strspn(zone, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_-+") !=
		    strlen(zone))
		return -1;
	const char *dir = getenv("TZDIR");
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", zone);
	return access(path, R_OK) == 0 ? 0 : -1;
}

void tz_set(const char *zone)
{
	setenv("TZ", zone, 1);
	tzset();
	zone_set = true;
}

void tz_local(int64_t ms, struct tz_local *out)
{
	time_t t = (time_t)(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
	struct tm tm;
	if (zone_set)
		localtime_r(&t, &tm);
	else
		gmtime_r(&t, &tm);
	out->year = tm.tm_year + 1900;
	out->month = tm.tm_mon + 1;
	out->day = tm.tm_mday;
	out->hour = tm.tm_hour;
	out->minute = tm.tm_min;
	out->wday = tm.tm_wday;
}
