/*
 * xalloc: allocation that never returns NULL.
 *
 * Running out of memory is fatal for dmaudit: these wrappers print one line
 * and exit with the database/I-O status. Callers never check for NULL.
 */
#ifndef DMAUDIT_XALLOC_H
#define DMAUDIT_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh string */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grow *p (holding *alloc elements of size) to at least need elements. */
#define ALLOC_GROW(p, need, alloc)                                          \
	do {                                                                \
		if ((need) > (alloc)) {                                     \
			size_t alloc_grow_n = (alloc) ? (alloc) * 2 : 16;   \
			while (alloc_grow_n < (need))                       \
				alloc_grow_n *= 2;                          \
			(p) = xrealloc((p), alloc_grow_n * sizeof(*(p)));   \
			(alloc) = alloc_grow_n;                             \
		}                                                           \
	} while (0)

#endif
