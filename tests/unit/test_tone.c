/*
 * The tone detector: every case of tests/cases/tone.tsv (one TAP result
 * each), grouped there by family, each with its hard negatives. A case is
 * "tone" (the text, read as the owner's message, would embarrass them) or
 * "-" (no finding), a TAB, the text; "\n" stands for a line break.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "tone.h"
#include "xalloc.h"
#include "cases.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tcase {
	bool want;
	char *text;
	int line;
};

static void run_case(void **state)
{
	const struct tcase *c = *state;
	struct tone_hit h;
	size_t n = strlen(c->text);
	bool got = tone_scan(c->text, n, &h);
	if (got) {
		assert_true(h.start < h.end && h.end <= n);
		assert_true(h.score > 0 && h.score <= 1 && h.why);
	}
	if (got != c->want)
		print_message("# line %d: %s\n# wanted %s, found %s%.*s%s\n", c->line, c->text,
			      c->want ? "tone" : "-", got ? "tone [" : "-", got ? (int)(h.end - h.start) : 0,
			      got ? c->text + h.start : "", got ? "]" : "");
	assert_int_equal(got, c->want);
}

struct case_list {
	struct tcase *c;
	size_t n, alloc;
	int bad;
};

static void add_case(void *ctx, char *want, char *text, int line)
{
	struct case_list *l = ctx;
	if (strcmp(want, "tone") && strcmp(want, "-")) {
		printf("not ok - tone.tsv line %d: want \"tone\" or \"-\", not \"%s\"\n", line, want);
		l->bad = 1;
		return;
	}
	ALLOC_GROW(l->c, l->n + 1, l->alloc);
	struct tcase *c = &l->c[l->n++];
	c->want = !strcmp(want, "tone");
	c->line = line;
	c->text = xstrdup(text);
	for (char *r = c->text, *w = r; ; r++, w++) {
		if (r[0] == '\\' && r[1] == 'n') {
			*w = '\n';
			r++;
		} else {
			*w = *r;
		}
		if (!*r)
			break;
	}
}

int main(void)
{
	struct case_list l = { NULL, 0, 0, 0 };
	if (cases_read("tone.tsv", add_case, &l) || l.bad)
		return 1;
	struct CMUnitTest *tests = xcalloc(l.n + 1, sizeof(*tests));
	for (size_t i = 0; i < l.n; i++)
		tests[i] = (struct CMUnitTest){ xasprintf("tone case line %d: %.60s", l.c[i].line,
							  l.c[i].text),
						run_case, NULL, NULL, &l.c[i] };
	return _cmocka_run_group_tests("tone", tests, l.n, NULL, NULL);
}
