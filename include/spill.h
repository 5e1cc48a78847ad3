/*
 * spill: an append-only list of byte records that holds a bounded amount
 * in memory and the rest in an unlinked temporary file.
 *
 * The lists of a report grow with the archive (a row per conversation, per
 * sender, per table line): past its bound a list moves what it holds into
 * a temporary file (mode 0600, in $TMPDIR or /tmp, unlinked at once, so
 * nothing is left behind even by a crash), and reads records back with one
 * pread each. When no file can be made or written, the records stay in
 * memory: more memory, never a lost record. One list is filled by one
 * thread; reading needs a scratch buffer of the reader's own.
 *
 * A record is written straight into the list's buffer: spill_begin() gives
 * the buffer to append to, spill_end() closes the record and returns its
 * number. Records are numbered from 0 in the order they were closed.
 */
#ifndef DMAUDIT_SPILL_H
#define DMAUDIT_SPILL_H

#include "buf.h"

#include <stdbool.h>
#include <stddef.h>

struct spill {
	struct buf mem;      /* the records not in the file, one after another */
	int fd;              /* the temporary file, or -1 */
	size_t in_file;      /* bytes in it; offsets below that are in the file */
	size_t bound;        /* bytes of mem that make it move to the file */
	bool memory_only;    /* no file could be made or written */
	size_t *start;       /* record k is bytes [start[k], start[k + 1]) of file, then mem */
	size_t n, alloc;
};

void spill_init(struct spill *s, size_t bound);
void spill_release(struct spill *s);

/* The buffer the next record is appended to (it may already hold records). */
struct buf *spill_begin(struct spill *s);
/* Close the record appended since spill_begin(); returns its number. */
size_t spill_end(struct spill *s);
/* A whole record at once. */
size_t spill_add(struct spill *s, const void *p, size_t n);

static inline size_t spill_count(const struct spill *s)
{
	return s->n;
}

/*
 * Record k and its length: in memory, or read into scratch (which the
 * caller owns). NULL when the file cannot be read (errno set).
 */
const char *spill_get(const struct spill *s, size_t k, struct buf *scratch, size_t *len);

/*
 * The same for a reader that goes through the records in order: a record
 * read from the file brings the ones after it (SPILL_AHEAD bytes) into the
 * cursor, so the next ones cost no read. A jump reads only the record.
 * The cursor is the reader's; spill_cursor_release() frees it.
 */
#define SPILL_AHEAD ((size_t)256 << 10)
struct spill_cursor {
	struct buf win;   /* file bytes [from, from + win.len) */
	size_t from;
	size_t next;      /* the record expected next: a read ahead pays off */
};
#define SPILL_CURSOR_INIT { BUF_INIT, 0, 0 }
const char *spill_get_next(const struct spill *s, size_t k, struct spill_cursor *c,
			   size_t *len);
void spill_cursor_release(struct spill_cursor *c);

/*
 * A string inside a record: a 32-bit length (UINT32_MAX for NULL), the
 * bytes and a NUL. spill_get_str reads the one at *p of a record ending at
 * end and moves *p past it; NULL for NULL, or *ok cleared when cut short.
 */
void spill_put_str(struct buf *b, const char *s);
const char *spill_get_str(const char **p, const char *end, bool *ok);

#endif
