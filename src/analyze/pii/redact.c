/*
 * redact: the shown form of a value. Each type keeps just enough to let the
 * owner recognise what it was (last four of a card, +CC of a phone, first
 * letters of an e-mail address) and no more; secrets keep nothing, not even
 * their length.
 */
#include "pii.h"
#include "xalloc.h"

#include <string.h>

static int isdig(char c)
{
	return c >= '0' && c <= '9';
}

static int isaln(char c)
{
	return isdig(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Mask every ASCII letter and digit except the last `keep` of them; the rest
 * (separators) stays. */
static void mask_keep_last(const char *v, size_t n, size_t keep, struct buf *out)
{
	size_t total = 0, seen = 0;
	for (size_t i = 0; i < n; i++)
		total += isaln(v[i]) != 0;
	for (size_t i = 0; i < n; i++) {
		if (isaln(v[i])) {
			seen++;
			buf_addc(out, seen + keep > total ? v[i] : '*');
		} else {
			/* separators stay, no-break spaces included: numbers and
			 * identifiers hold no other non-ASCII characters worth hiding */
			buf_addc(out, v[i]);
		}
	}
}

static void email(const char *v, size_t n, struct buf *out)
{
	const char *at = memchr(v, '@', n);
	if (!at || at == v) {
		buf_adds(out, "***");
		return;
	}
	buf_addc(out, v[0]);
	buf_adds(out, "***@");
	const char *dom = at + 1, *end = v + n;
	const char *dot = memchr(dom, '.', (size_t)(end - dom));
	if (!dot || dot == dom) {
		buf_adds(out, "***");
		return;
	}
	buf_addc(out, *dom);
	buf_adds(out, "***");
	buf_add(out, dot, (size_t)(end - dot));
}

static void card(const char *v, size_t n, struct buf *out)
{
	/* the number: its digits up to the first word or comma; after it, as in
	 * "… exp 01/30 cvv 395", every digit masked */
	size_t num = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)v[i];
		if (c == ',' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= 0xc3 && c <= 0xdf) || (c >= 0xe3 && c <= 0xed))
			break;   /* a letter of Latin, Greek, Cyrillic… or CJK */
		if (isdig(v[i]))
			num = i + 1;
	}
	if (num && num < n) {
		card(v, num, out);
		for (size_t i = num; i < n; i++)
			buf_addc(out, isdig(v[i]) ? '*' : v[i]);
		return;
	}
	size_t digits = 0;
	int grouped = 0;
	for (size_t i = 0; i < n; i++) {
		digits += isdig(v[i]) != 0;
		grouped |= !isdig(v[i]);
	}
	if (grouped) {
		mask_keep_last(v, n, 4, out);
		return;
	}
	/* ungrouped: show it in groups of four, the usual way to read a card */
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (k && k % 4 == 0)
			buf_addc(out, ' ');
		buf_addc(out, k + 4 >= digits ? v[i] : '*');
		k++;
	}
}

static void phone(const char *v, size_t n, struct buf *out)
{
	size_t i = 0;
	if (n && v[0] == '+') {
		/* the +CC: up to the first separator, at most 3 digits */
		buf_addc(out, '+');
		i = 1;
		while (i < n && isdig(v[i]) && i <= 3)
			buf_addc(out, v[i++]);
	}
	mask_keep_last(v + i, n - i, 2, out);
}

static void iban(const char *v, size_t n, struct buf *out)
{
	if (n < 2) {
		buf_adds(out, "**");
		return;
	}
	buf_add(out, v, 2);
	mask_keep_last(v + 2, n - 2, 4, out);
}

/* Dates of birth keep the first three digits of the year: 12.05.1987 -> **.**.198* */
static void dob(const char *v, size_t n, struct buf *out)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		if (isdig(v[i])) {
			size_t e = i;
			while (e < n && isdig(v[e]))
				e++;
			run = e - i;
			for (size_t k = i; k < e; k++)
				buf_addc(out, run == 4 && k < i + 3 ? v[k] : '*');
			i = e - 1;
		} else if (isaln(v[i]) || (unsigned char)v[i] >= 0x80) {
			if (((unsigned char)v[i] & 0xc0) != 0x80)
				buf_addc(out, '*');
		} else {
			buf_addc(out, v[i]);
		}
	}
}

/* Addresses keep the first letter of each word: "** B**** L***, L**** *** ***". */
static void address(const char *v, size_t n, struct buf *out)
{
	int start = 1;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)v[i];
		if (c == ' ' || c == ',' || c == '\n') {
			buf_addc(out, (char)c);
			start = 1;
		} else if (isdig((char)c)) {
			buf_addc(out, '*');
			start = 0;
		} else if (c < 0x80 && !isaln((char)c)) {
			buf_addc(out, (char)c);
		} else {
			if ((c & 0xc0) == 0x80)
				continue;
			if (start) {
				size_t k = 1;
				while (i + k < n && ((unsigned char)v[i + k] & 0xc0) == 0x80)
					k++;
				buf_add(out, v + i, k);
				i += k - 1;
			} else {
				buf_addc(out, '*');
			}
			start = 0;
		}
	}
}

void pii_redact_value(enum pii_type t, const char *v, size_t n, struct buf *out)
{
	switch (t) {
	case PII_EMAIL:
		email(v, n, out);
		break;
	case PII_PAYMENT_CARD:
		card(v, n, out);
		break;
	case PII_PHONE:
		phone(v, n, out);
		break;
	case PII_IBAN:
		iban(v, n, out);
		break;
	case PII_CREDENTIAL:
		buf_adds(out, "********");
		break;
	case PII_DATE_OF_BIRTH:
		dob(v, n, out);
		break;
	case PII_POSTAL_ADDRESS:
		address(v, n, out);
		break;
	case PII_NATIONAL_ID:
	case PII_ACCOUNT_NUMBER:
	case PII_REFERENCE_NUMBER:
	default:
		mask_keep_last(v, n, 2, out);
		break;
	}
}

void pii_redact_text(const char *text, size_t len, struct buf *out)
{
	struct pii_match m[64];
	size_t found = pii_scan(text, len, m, 64), at = 0;
	if (found > 64) {
		/* more values than the stack holds: scan again with room for all */
		struct pii_match *big = xmalloc(found * sizeof(*big));
		{
			pii_scan(text, len, big, found);
			for (size_t i = 0; i < found; i++) {
				buf_add(out, text + at, big[i].start - at);
				pii_redact_value(big[i].type, text + big[i].start,
						 big[i].end - big[i].start, out);
				at = big[i].end;
			}
			free(big);
			buf_add(out, text + at, len - at);
			return;
		}
	}
	for (size_t i = 0; i < found; i++) {
		buf_add(out, text + at, m[i].start - at);
		pii_redact_value(m[i].type, text + m[i].start, m[i].end - m[i].start, out);
		at = m[i].end;
	}
	buf_add(out, text + at, len - at);
}
