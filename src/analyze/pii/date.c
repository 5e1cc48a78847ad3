/*
 * date: calendar dates in digits (d/m/y, m/d/y, y-m-d, d.m.y), in words
 * ("5 March 1990", "March 5, 1990", "5 de marzo de 1990") and in CJK form
 * (1990年3月5日). A date is only ever reported as a date of birth, and only
 * when the scanner saw a birth word before it.
 */
#include "pii_check.h"
#include "pii_words.h"
#include "scan.h"

#include <string.h>

/*
 * The value of the digits t[p..e), saturating far above any day, month or
 * year; -1 when a byte there is not a digit (no date has such a part).
 */
int scan_small_int(const char *t, size_t p, size_t e)
{
	int v = 0;
	for (size_t i = p; i < e; i++) {
		unsigned d = (unsigned)((unsigned char)t[i] - '0');
		if (d > 9)
			return -1;
		if (v > 99999999)
			return 1000000000;
		v = v * 10 + (int)d;
	}
	return v;
}

/* Digits at q: their end, or q. */
size_t scan_digits_end(const struct scan *s, size_t q)
{
	while (q < s->len && is_digit((unsigned char)s->t[q]))
		q++;
	return q;
}

/* A date whose year may be of the Buddhist era (Thailand: 2533 is 1990). */
static bool date_valid(int y, int m, int d)
{
	return pii_date_valid(y >= 2443 && y <= 2642 ? y - 543 : y, m, d);
}

/* After the day and month at q: spaces or commas, then a four-digit year that makes a
 * valid date; returns the year's end or 0. */
static size_t year_after(const struct scan *s, size_t q, int m, int d)
{
	while (q < s->len && (s->t[q] == ' ' || s->t[q] == ','))
		q++;
	size_t ye = scan_digits_end(s, q);
	if (ye - q != 4)
		return 0;
	return date_valid(scan_small_int(s->t, q, ye), m, d) ? ye : 0;
}

/* "5 March 1990", "5. März 1990", "5 de marzo de 1990", "5th March, 1990"
 * starting with the day at p; returns the end or 0. */
size_t date_day_month(const struct scan *s, size_t p)
{
	size_t q = scan_digits_end(s, p), ws, we;
	if (q - p > 2)
		return 0;
	int d = scan_small_int(s->t, p, q);
	if (q < s->len && s->t[q] == '.')
		q++;
	if (q + 1 < s->len && is_alpha((unsigned char)s->t[q]) && is_alpha((unsigned char)s->t[q + 1]))
		q += 2;   /* st nd rd th */
	if (!scan_next_word(s, q, &ws, &we))
		return 0;
	char w[32];
	size_t n = scan_fold(s->t, ws, we, w, sizeof(w));
	if (n && (!strcmp(w, "de") || !strcmp(w, "of")) && scan_next_word(s, we, &ws, &we))
		n = scan_fold(s->t, ws, we, w, sizeof(w));
	int m = n ? pii_month(w, n) : 0;
	if (!m && we < s->len && s->t[we] == '.') {
		/* an abbreviation with dots inside, "พ.ค.": the whole chunk */
		size_t te = we;
		while (te < s->len && !is_blank((unsigned char)s->t[te]))
			te++;
		n = scan_fold(s->t, ws, te, w, sizeof(w));
		if (n && (m = pii_month(w, n)))
			we = te;
	}
	if (!m)
		return 0;
	q = we;
	if (q < s->len && s->t[q] == '.')
		q++;
	size_t a, b;
	if (scan_next_word(s, q, &a, &b) && b - a == 2 && lower(s->t[a]) == 'd' && lower(s->t[a + 1]) == 'e')
		q = b;
	return year_after(s, q, m, d);
}

/* "March 5, 1990" with the month word at [p, e); returns the end or 0. */
size_t date_month_day(const struct scan *s, int m, size_t e)
{
	size_t q = e;
	if (q < s->len && s->t[q] == '.')
		q++;
	while (q < s->len && s->t[q] == ' ')
		q++;
	size_t de = scan_digits_end(s, q);
	if (de == q || de - q > 2)
		return 0;
	int d = scan_small_int(s->t, q, de);
	q = de;
	if (q + 1 < s->len && is_alpha((unsigned char)s->t[q]) && is_alpha((unsigned char)s->t[q + 1]))
		q += 2;
	return year_after(s, q, m, d);
}

/* "1990年3月5日" with the year's digits at [p, e); returns the end or 0. */
size_t date_cjk(const struct scan *s, size_t p, size_t e)
{
	/* 年 月 日, and Korean 년 월 일 (written with a space after each unit) */
	static const char units[2][3][4] = {
		{ "\xe5\xb9\xb4", "\xe6\x9c\x88", "\xe6\x97\xa5" },
		{ "\xeb\x85\x84", "\xec\x9b\x94", "\xec\x9d\xbc" },
	};
	size_t q = e;
	int u = 0;
	while (u < 2 && (q + 3 > s->len || memcmp(s->t + q, units[u][0], 3)))
		u++;
	if (u == 2)
		return 0;
	q += 3;
	if (q + 1 < s->len && s->t[q] == ' ' && is_digit((unsigned char)s->t[q + 1]))
		q++;
	size_t me = scan_digits_end(s, q);
	if (me == q || me - q > 2 || me + 3 > s->len || memcmp(s->t + me, units[u][1], 3))
		return 0;
	size_t ds = me + 3;
	if (ds + 1 < s->len && s->t[ds] == ' ' && is_digit((unsigned char)s->t[ds + 1]))
		ds++;
	size_t de = scan_digits_end(s, ds);
	if (de == ds || de - ds > 2 || de + 3 > s->len || memcmp(s->t + de, units[u][2], 3))
		return 0;
	if (!date_valid(scan_small_int(s->t, p, e), scan_small_int(s->t, q, me), scan_small_int(s->t, ds, de)))
		return 0;
	return de + 3;
}

/* A calendar date (d/m/y, m/d/y, y-m-d, d.m.y) in the first three groups. */
bool date_run(const struct run *r)
{
	if (r->ng < 3 || r->sep[1] != r->sep[2] || !strchr("/-.", r->sep[1]))
		return false;
	if (r->ng > 3 && r->sep[3] == r->sep[1])
		return false;   /* 06.12.58.44.91: a date has three parts */
	/* no date has longer parts; this also keeps the reads within r->d's 39 digits */
	if (r->glen[0] > 4 || r->glen[1] > 2 || r->glen[2] > 4)
		return false;
	int a = scan_small_int(r->d, 0, r->glen[0]);
	int b = scan_small_int(r->d, r->glen[0], r->glen[0] + r->glen[1]);
	int c = scan_small_int(r->d, r->glen[0] + r->glen[1], r->glen[0] + r->glen[1] + r->glen[2]);
	if (r->glen[0] == 4 && r->glen[1] <= 2 && r->glen[2] <= 2)
		return date_valid(a, b, c);
	if (r->glen[0] > 2 || r->glen[1] > 2 || (r->glen[2] != 2 && r->glen[2] != 4))
		return false;
	if (r->glen[2] == 2)
		c += c < 30 ? 2000 : 1900;
	return date_valid(c, b, a) || date_valid(c, a, b);
}

/* A date in digits only, d[0..n): 19900512 or 12051990 (eight), 900512 or
 * 120590 (six, a two-digit year), in any order a calendar reads. */
bool date_compact(const char *d, size_t n)
{
	if (n != 6 && n != 8)
		return false;
	int y = n == 8 ? 4 : 2;
	int head = scan_small_int(d, 0, (size_t)y), tail = scan_small_int(d, n - (size_t)y, n);
	int a = scan_small_int(d, (size_t)y, (size_t)y + 2), b = scan_small_int(d, (size_t)y + 2, n);
	int c = scan_small_int(d, 0, 2), e = scan_small_int(d, 2, 4);
	if (n == 6) {
		head += head < 30 ? 2000 : 1900;
		tail += tail < 30 ? 2000 : 1900;
	}
	return date_valid(head, a, b) || date_valid(tail, e, c) || date_valid(tail, c, e);
}

/* The year of the four digits ending at e, or 0. */
static int year_before(const char *t, size_t e)
{
	return e >= 4 ? scan_small_int(t, e - 4, e) : 0;
}

/*
 * A full date anywhere in text[0..len): "06/17/1977", "20.09.1989",
 * "1990-03-05", "10 November 1978", "February 5, 1982", "4 de outubro de
 * 2001". For the caller that knows, from elsewhere, that the text answers a
 * question about a birth: no birth word is needed here.
 */
bool pii_full_date(const char *text, size_t len, size_t *start, size_t *end, int *year)
{
	/* most texts hold no year: four digits in a run, 19xx or 20xx, first */
	bool year_seen = false;
	for (size_t i = 0, run = 0; i < len && !year_seen; i++) {
		run = text[i] >= '0' && text[i] <= '9' ? run + 1 : 0;
		year_seen = run == 4 && (text[i - 3] == '1' || text[i - 3] == '2') &&
			    (i + 1 == len || text[i + 1] < '0' || text[i + 1] > '9');
	}
	if (!year_seen)
		return false;
	struct scan s;
	memset(&s, 0, sizeof(s));
	s.t = text;
	s.len = len;
	for (size_t p = 0; p < len; p++) {
		unsigned char c = (unsigned char)text[p];
		bool boundary = p == 0 || !(is_alnum((unsigned char)text[p - 1]) || text[p - 1] == '/' ||
					    text[p - 1] == '.' || text[p - 1] == '-');
		if (!boundary)
			continue;
		if (is_digit(c)) {
			size_t a = scan_digits_end(&s, p), b, e;
			/* d/m/y, m/d/y, d.m.y, d-m-y with a four-digit year; y-m-d */
			if (a - p <= 2 && a < len && strchr("/.-", text[a])) {
				char sep = text[a];
				b = scan_digits_end(&s, a + 1);
				if (b - a - 1 >= 1 && b - a - 1 <= 2 && b < len && text[b] == sep) {
					e = scan_digits_end(&s, b + 1);
					int x = scan_small_int(text, p, a), y = scan_small_int(text, a + 1, b);
					int yr = e - b - 1 == 4 ? scan_small_int(text, b + 1, e) : 0;
					if (yr && (e == len || !is_alnum((unsigned char)text[e])) &&
					    (date_valid(yr, y, x) || date_valid(yr, x, y))) {
						*start = p, *end = e, *year = yr;
						return true;
					}
				}
			}
			if (a - p == 4 && a < len && text[a] == '-') {
				b = scan_digits_end(&s, a + 1);
				if (b - a - 1 == 2 && b < len && text[b] == '-') {
					e = scan_digits_end(&s, b + 1);
					int yr = scan_small_int(text, p, a);
					if (e - b - 1 == 2 && date_valid(yr, scan_small_int(text, a + 1, b),
									 scan_small_int(text, b + 1, e))) {
						*start = p, *end = e, *year = yr;
						return true;
					}
				}
			}
			if (a - p <= 2 && (e = date_day_month(&s, p))) {
				*start = p, *end = e, *year = year_before(text, e);
				return true;
			}
			p = a;
		} else if (is_alpha(c) || c >= 0xc0) {
			size_t ws, we;
			if (!scan_next_word(&s, p, &ws, &we) || ws != p)
				continue;
			char w[40];
			size_t n = scan_fold(text, ws, we, w, sizeof(w) - 1);
			int m = n ? pii_month(w, n) : 0;
			size_t e = m ? date_month_day(&s, m, we) : 0;
			if (e) {
				*start = p, *end = e, *year = year_before(text, e);
				return true;
			}
			p = we - 1;
		}
	}
	return false;
}
