/*
 * runs: digit groups joined by single separators ("+1 (415) 555-2671",
 * "4111 1111 1111 1111", "12/03/2023"), cut once so that every validator
 * can look at groups, separators and digits without reading the text again.
 */
#include "pii_check.h"
#include "pii_words.h"
#include "scan.h"

#include <string.h>

void run_parse(const struct scan *s, size_t p, struct run *r)
{
	const char *t = s->t;
	size_t q = p, len = s->len;
	/* the arrays are written before they are read: clear only the counters */
	r->nd = r->ng = 0;
	r->plus = false;
	r->sep[0] = 0;
	r->s = p;
	if (t[q] == '+') {
		r->plus = true;
		q++;
	}
	for (;;) {
		size_t gs = q;
		while (q < len && is_digit((unsigned char)t[q])) {
			if (r->nd < sizeof(r->d) - 1)
				r->d[r->nd] = t[q];
			r->nd++;
			q++;
		}
		r->glen[r->ng] = (unsigned char)(q - gs > 255 ? 255 : q - gs);
		r->gend[r->ng] = q;
		r->gdig[r->ng] = r->nd;
		r->ng++;
		if (r->ng == 16)
			break;
		char sk = 0;
		size_t x = q;
		unsigned char c = x < len ? (unsigned char)t[x] : 0;
		unsigned char c1 = x + 1 < len ? (unsigned char)t[x + 1] : 0;
		unsigned char c2 = x + 2 < len ? (unsigned char)t[x + 2] : 0;
		if ((c == ' ' || c == '-' || c == '.' || c == '/') && is_digit(c1)) {
			sk = (char)c;
			x++;
		} else if (c == ' ' && c1 == '(' && is_digit(c2)) {
			sk = '(';
			x += 2;
		} else if (c == ' ' && c1 == '-' && c2 == ' ' && x + 3 < len &&
			   is_digit((unsigned char)t[x + 3])) {
			sk = '-';
			x += 3;
		} else if (c == ')' && is_digit(c1)) {
			sk = ')';
			x++;
		} else if (c == ')' && c1 == ' ' && is_digit(c2)) {
			sk = ')';
			x += 2;
		} else if ((c == '(' || c == ':' || c == ',') && is_digit(c1)) {
			sk = (char)c;
			x++;
		} else if (c == 0xc2 && c1 == 0xa0 && is_digit(c2)) {
			sk = ' ';   /* no-break space, as French typography groups numbers */
			x += 2;
		} else if (c == 0xe2 && c1 == 0x80 && c2 == 0xaf && x + 3 < len &&
			   is_digit((unsigned char)t[x + 3])) {
			sk = ' ';   /* narrow no-break space */
			x += 3;
		}
		if (!sk)
			break;
		r->sep[r->ng] = sk;
		q = x;
	}
	r->e = q;
	r->d[r->nd < sizeof(r->d) ? r->nd : sizeof(r->d) - 1] = '\0';
	r->e1 = r->gend[0];
	r->nd1 = r->gdig[0];
	for (int i = 1; i < r->ng && r->sep[i] != ' ' && r->sep[i] != '(' && r->sep[i] != ')'; i++) {
		r->e1 = r->gend[i];
		r->nd1 = r->gdig[i];
	}
}

bool run_has(const struct run *r, int upto, char c)
{
	for (int i = 1; i < upto; i++)
		if (r->sep[i] == c)
			return true;
	return false;
}

/* One separator kind (or none) among the first k groups. */
bool run_uniform(const struct run *r, int k)
{
	for (int i = 2; i < k; i++)
		if (r->sep[i] != r->sep[1])
			return false;
	return true;
}
