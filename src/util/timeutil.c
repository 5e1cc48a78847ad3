#include "timeutil.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar. */
int64_t time_days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

void time_civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t yy = (int64_t)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yy + (*m <= 2);
}

static bool digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

static bool make_ms(int y, int mo, int d, int h, int mi, int s, int frac_ms,
		    int offset_min, int64_t *ms)
{
	static const unsigned char mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] ||
	    (mo == 2 && d == 29 && !leap) || h > 23 || mi > 59 || s > 60)
		return false;
	int64_t days = time_days_from_civil(y, (unsigned)mo, (unsigned)d);
	int64_t secs = days * 86400 + h * 3600 + mi * 60 + s - (int64_t)offset_min * 60;
	*ms = secs * 1000 + frac_ms;
	return true;
}

/* "+0000", "+00:00", "Z" or "" at p; sets minutes east of UTC. */
static bool parse_offset(const char *p, int *off, const char **end)
{
	int hh, mm;
	if (*p == 'Z') {
		*off = 0;
		*end = p + 1;
		return true;
	}
	if (*p != '+' && *p != '-') {
		*off = 0;
		*end = p;
		return true;
	}
	int sign = *p == '-' ? -1 : 1;
	p++;
	if (!digits(p, 2, &hh))
		return false;
	p += 2;
	if (*p == ':')
		p++;
	/* real offsets run from -12:00 to +14:00, in whole quarters of an hour at most */
	if (!digits(p, 2, &mm) || hh > 14 || mm > 59)
		return false;
	*off = sign * (hh * 60 + mm);
	*end = p + 2;
	return true;
}

static bool parse_iso(const char *s, int64_t *ms)
{
	int y, mo, d, h = 0, mi = 0, sec = 0, frac = 0, off = 0;
	if (!digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &mo) || s[7] != '-' ||
	    !digits(s + 8, 2, &d))
		return false;
	const char *p = s + 10;
	if (*p == 'T' || *p == ' ') {
		if (!digits(p + 1, 2, &h) || p[3] != ':' || !digits(p + 4, 2, &mi))
			return false;
		p += 6;
		if (*p == ':') {
			if (!digits(p + 1, 2, &sec))
				return false;
			p += 3;
		}
		if (*p == '.') {
			int n = 0;
			p++;
			while (*p >= '0' && *p <= '9') {
				if (n < 3)
					frac = frac * 10 + (*p - '0');
				n++;
				p++;
			}
			if (n == 0)
				return false;
			for (; n < 3; n++)
				frac *= 10;
		}
		while (*p == ' ')
			p++;
		if (!parse_offset(p, &off, &p))
			return false;
	}
	if (*p)
		return false;
	return make_ms(y, mo, d, h, mi, sec, frac, off, ms);
}

static int month_index(const char *p)
{
	static const char names[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	for (int i = 0; i < 12; i++)
		if (!strncmp(p, names + 3 * i, 3))
			return i + 1;
	return 0;
}

/* "Sat Feb 18 12:33:11 +0000 2023" */
static bool parse_tweet_date(const char *s, int64_t *ms)
{
	int d, h, mi, sec, y, off;
	const char *p;
	if (strlen(s) < 30 || s[3] != ' ' || s[7] != ' ' || s[10] != ' ')
		return false;
	int mo = month_index(s + 4);
	if (!mo || !digits(s + 8, 2, &d) || !digits(s + 11, 2, &h) || s[13] != ':' ||
	    !digits(s + 14, 2, &mi) || s[16] != ':' || !digits(s + 17, 2, &sec) ||
	    s[19] != ' ' || !parse_offset(s + 20, &off, &p) || *p != ' ' ||
	    !digits(p + 1, 4, &y) || p[5])
		return false;
	return make_ms(y, mo, d, h, mi, sec, 0, off, ms);
}

bool time_parse(const char *s, int64_t *ms)
{
	if (!s || !*s)
		return false;
	size_t n = strlen(s);
	/*
	 * Epoch numbers: 13 digits are milliseconds (2001 to 2286), 10 digits
	 * seconds (2001 to 2286 as well); 11 and 12 digits are milliseconds of
	 * 1970-2001, 14 to 16 microseconds or more and refused, as are 10
	 * digits read as milliseconds, which would put a 2021 DM in January 1970.
	 */
	if (n >= 10 && n <= 13 && strspn(s, "0123456789") == n) {
		int64_t v = 0;
		for (size_t i = 0; i < n; i++)
			v = v * 10 + (s[i] - '0');
		*ms = n == 10 ? v * 1000 : v;
		return true;
	}
	if (s[0] >= '0' && s[0] <= '9')
		return parse_iso(s, ms);
	return parse_tweet_date(s, ms);
}

static char *two(char *p, unsigned v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
	return p + 2;
}

void time_format_iso(int64_t ms, char out[32])
{
	int64_t secs = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
	int frac = (int)(ms - secs * 1000);
	int64_t days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
	int rem = (int)(secs - days * 86400);
	int64_t y;
	unsigned m, d;
	time_civil_from_days(days, &y, &m, &d);
	if (y < 0 || y > 9999) {
		if (frac)
			snprintf(out, 32, "%04lld-%02u-%02uT%02d:%02d:%02d.%03dZ", (long long)y, m,
				 d, rem / 3600, rem / 60 % 60, rem % 60, frac);
		else
			snprintf(out, 32, "%04lld-%02u-%02uT%02d:%02d:%02dZ", (long long)y, m, d,
				 rem / 3600, rem / 60 % 60, rem % 60);
		return;
	}
	/* the usual years without snprintf: reports print a million of these */
	char *p = two(two(out, (unsigned)(y / 100)), (unsigned)(y % 100));
	*p++ = '-';
	p = two(p, m);
	*p++ = '-';
	p = two(p, d);
	*p++ = 'T';
	p = two(p, (unsigned)(rem / 3600));
	*p++ = ':';
	p = two(p, (unsigned)(rem / 60 % 60));
	*p++ = ':';
	p = two(p, (unsigned)(rem % 60));
	if (frac) {
		*p++ = '.';
		*p++ = (char)('0' + frac / 100);
		p = two(p, (unsigned)(frac % 100));
	}
	*p++ = 'Z';
	*p = '\0';
}

void time_format_date(int64_t ms, char out[16])
{
	char iso[32];
	time_format_iso(ms, iso);
	memcpy(out, iso, 10);
	out[10] = '\0';
}

int64_t time_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
