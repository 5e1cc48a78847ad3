/*
 * cases: the reader of the detector case files (the .tsv files of tests/cases/), shared
 * by the unit tests that run them. A case is a line "WANT<TAB>TEXT"; blank
 * lines, lines starting with '#' and lines without a tab are skipped. The
 * file is found under $TOP (the checkout), else the current folder.
 */
#ifndef DMAUDIT_TEST_CASES_H
#define DMAUDIT_TEST_CASES_H

#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Called for each case; want and text live until the next call. */
typedef void (*case_fn)(void *ctx, char *want, char *text, int line);

/* Read tests/cases/NAME; -1 (after a "not ok" line) when it cannot be opened. */
static int cases_read(const char *name, case_fn fn, void *ctx)
{
	const char *top = getenv("TOP");
	char *path = xasprintf("%s/tests/cases/%s", top ? top : ".", name);
	FILE *f = fopen(path, "r");
	if (!f) {
		printf("not ok - cannot open %s\n", path);
		free(path);
		return -1;
	}
	char line[4096];
	int ln = 0;
	while (fgets(line, sizeof(line), f)) {
		ln++;
		size_t l = strlen(line);
		while (l && (line[l - 1] == '\n' || line[l - 1] == '\r'))
			line[--l] = '\0';
		char *tab = l && line[0] != '#' ? strchr(line, '\t') : NULL;
		if (!tab)
			continue;
		*tab = '\0';
		fn(ctx, line, tab + 1, ln);
	}
	fclose(f);
	free(path);
	return 0;
}

#endif
