#include "suggest.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

size_t suggest_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	/* three rows of the matrix: two back (for swaps), one back, this one */
	size_t *rows = xcalloc(3 * (m + 1), sizeof(size_t));
	size_t *r0 = rows, *r1 = r0 + m + 1, *r2 = r1 + m + 1;
	for (size_t j = 0; j <= m; j++)
		r1[j] = j;
	for (size_t i = 1; i <= n; i++) {
		r2[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t d = r1[j - 1] + cost;
			if (r1[j] + 1 < d)
				d = r1[j] + 1;
			if (r2[j - 1] + 1 < d)
				d = r2[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    r0[j - 2] + 1 < d)
				d = r0[j - 2] + 1;
			r2[j] = d;
		}
		size_t *t = r0;
		r0 = r1;
		r1 = r2;
		r2 = t;
	}
	size_t d = r1[m];
	free(rows);
	return d;
}

void suggest_init(struct suggest *s, const char *word)
{
	memset(s, 0, sizeof(*s));
	s->word = word;
	s->dist = SIZE_MAX;
}

void suggest_add(struct suggest *s, const char *name)
{
	size_t len = strlen(s->word);
	size_t d = suggest_distance(s->word, name);
	/* "rep" for "report": a prefix of three or more letters is as good as one typo */
	if (len >= 3 && !strncmp(name, s->word, len) && d > 1)
		d = 1;
	if (d == 0 || d > (len + 2) / 3 || d > s->dist)
		return;
	if (d < s->dist) {
		s->dist = d;
		s->n = 0;
	}
	if (s->n < SUGGEST_MAX)
		s->best[s->n++] = name;
}

const char *suggest_text(const struct suggest *s, char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < s->n && used < size; i++) {
		const char *sep = i == 0 ? " Did you mean " : i + 1 < s->n ? ", " : " or ";
		int w = snprintf(out + used, size - used, "%s'%s'%s", sep, s->best[i],
				 i + 1 == s->n ? "?" : "");
		if (w < 0)
			break;
		used += (size_t)w;
	}
	return out;
}
