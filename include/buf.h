/*
 * buf: a growable byte buffer for text, always NUL-terminated.
 *
 * A buf owns its memory; buf_release frees it and leaves an empty buf.
 * Growth goes through xrealloc, so appends cannot fail; code that feeds a
 * buf from an archive checks buf.len against its own cap first.
 */
#ifndef DMAUDIT_BUF_H
#define DMAUDIT_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *s;      /* NUL-terminated; points at a static "" while alloc == 0 */
	size_t len;
	size_t alloc;
};

extern char buf_empty[];
#define BUF_INIT { buf_empty, 0, 0 }

void buf_init(struct buf *b);
void buf_release(struct buf *b);
void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap);
void buf_reset(struct buf *b);
void buf_setlen(struct buf *b, size_t len);
/* Hand the string to the caller (who frees it) and reset b. */
char *buf_detach(struct buf *b);

#endif
