#include "spill.h"
#include "xalloc.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void spill_init(struct spill *s, size_t bound)
{
	memset(s, 0, sizeof(*s));
	buf_init(&s->mem);
	s->fd = -1;
	s->bound = bound;
	s->alloc = 16;
	s->start = xmalloc((s->alloc + 1) * sizeof(*s->start));
	s->start[0] = 0;
}

void spill_release(struct spill *s)
{
	buf_release(&s->mem);
	if (s->fd >= 0)
		close(s->fd);
	free(s->start);
	memset(s, 0, sizeof(*s));
	s->fd = -1;
}

static int temp_file(void)
{
	const char *dir = getenv("TMPDIR");
	char *path = xasprintf("%s/dmaudit-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);   /* 0600 */
	if (fd >= 0)
		unlink(path);
	free(path);
	return fd;
}

/* Move the records held in memory to the end of the file. */
static void move_out(struct spill *s)
{
	if (s->fd < 0 && (s->fd = temp_file()) < 0) {
		s->memory_only = true;
		return;
	}
	for (size_t off = 0; off < s->mem.len;) {
		ssize_t w = pwrite(s->fd, s->mem.s + off, s->mem.len - off,
				   (off_t)(s->in_file + off));
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			/* what the file holds stays good; the rest stays here */
			s->memory_only = true;
			return;
		}
		off += (size_t)w;
	}
	s->in_file += s->mem.len;
	buf_reset(&s->mem);
}

struct buf *spill_begin(struct spill *s)
{
	return &s->mem;
}

size_t spill_end(struct spill *s)
{
	if (s->n == s->alloc) {
		s->alloc *= 2;
		s->start = xrealloc(s->start, (s->alloc + 1) * sizeof(*s->start));
	}
	s->start[++s->n] = s->in_file + s->mem.len;
	if (s->mem.len >= s->bound && !s->memory_only)
		move_out(s);
	return s->n - 1;
}

size_t spill_add(struct spill *s, const void *p, size_t n)
{
	buf_add(spill_begin(s), p, n);
	return spill_end(s);
}

/* n bytes of the file from offset from into b; -1 (errno) when they cannot be read. */
static int read_file(const struct spill *s, size_t from, size_t n, struct buf *b)
{
	buf_reset(b);
	buf_grow(b, n);
	for (size_t got = 0; got < n;) {
		ssize_t r = pread(s->fd, b->s + got, n - got, (off_t)(from + got));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (!r)
				errno = EIO;
			return -1;
		}
		got += (size_t)r;
	}
	buf_setlen(b, n);
	return 0;
}

const char *spill_get(const struct spill *s, size_t k, struct buf *scratch, size_t *len)
{
	size_t from = s->start[k];
	*len = s->start[k + 1] - from;
	if (from >= s->in_file)
		return s->mem.s + (from - s->in_file);
	return read_file(s, from, *len, scratch) ? NULL : scratch->s;
}

const char *spill_get_next(const struct spill *s, size_t k, struct spill_cursor *c,
			   size_t *len)
{
	size_t from = s->start[k];
	bool in_order = k == c->next;
	*len = s->start[k + 1] - from;
	c->next = k + 1;
	if (from >= s->in_file)
		return s->mem.s + (from - s->in_file);
	/* records never straddle the file's end: a window up to it holds whole ones */
	if (c->win.len && from >= c->from && from + *len <= c->from + c->win.len)
		return c->win.s + (from - c->from);
	size_t n = *len;
	if (in_order && n < SPILL_AHEAD)
		n = s->in_file - from < SPILL_AHEAD ? s->in_file - from : SPILL_AHEAD;
	if (read_file(s, from, n, &c->win)) {
		buf_reset(&c->win);
		return NULL;
	}
	c->from = from;
	return c->win.s;
}

void spill_cursor_release(struct spill_cursor *c)
{
	buf_release(&c->win);
	c->from = c->next = 0;
}

#define NO_STRING UINT32_MAX

void spill_put_str(struct buf *b, const char *s)
{
	uint32_t n = s ? (uint32_t)strlen(s) : NO_STRING;
	buf_add(b, &n, sizeof(n));
	if (s)
		buf_add(b, s, (size_t)n + 1);
}

const char *spill_get_str(const char **p, const char *end, bool *ok)
{
	uint32_t n;
	if ((size_t)(end - *p) < sizeof(n)) {
		*ok = false;
		return NULL;
	}
	memcpy(&n, *p, sizeof(n));
	*p += sizeof(n);
	if (n == NO_STRING)
		return NULL;
	if ((size_t)(end - *p) < (size_t)n + 1) {
		*ok = false;
		return NULL;
	}
	const char *s = *p;
	*p += (size_t)n + 1;
	return s;
}
