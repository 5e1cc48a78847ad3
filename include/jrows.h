/*
 * jrows: the big lists of a report kept as rows of JSON text, not as trees,
 * and beyond a bound not in memory at all.
 *
 * A report of a million messages lists every conversation, every inbound
 * sender and every finding. As jansson trees those lists took most of a
 * gigabyte; as text a fifth of that; and the text of a list is a spill list
 * (spill.h): past JROWS_MEMORY_BOUND it moves into a temporary file, so a
 * report's memory no longer grows with the lists.
 *
 * A rows array is an empty jansson array in the result, so the tree keeps
 * its shape and key order, registered here with its rows: jsonw writes the
 * rows in its place, and the views, charts and findings tables read them
 * back one at a time (jrows_iter). Each row is the text of one value as
 * jsonw writes it at depth 0. Every list that grows with the archive is
 * rows, in every output format, except etiquette's: typed records on spill
 * lists of their own (etiquette.h).
 *
 * Rows live until jrows_release_all(), which the command calls once the
 * report is written; a rows array is known by its address, so it must not
 * be freed before then. Registration is thread-safe; one list is filled by
 * one thread.
 */
#ifndef DMAUDIT_JROWS_H
#define DMAUDIT_JROWS_H

#include "buf.h"
#include "spill.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#define JROWS_MEMORY_BOUND ((size_t)1 << 20)

struct jrows;

/* A new, empty rows array (a jansson array the caller owns, like any other). */
json_t *jrows_new(void);
/* Append v's text as the next row; returns the row's number. */
size_t jrows_add(json_t *rows, const json_t *v);
/* An ordinary array's elements as the rows of a new rows array; a is released. */
json_t *jrows_from(json_t *a);
/* Put the rows in the order given: order[k] is the number of the row to be k-th. */
void jrows_order(json_t *rows, const size_t *order, size_t n);

/* The rows of array a, or NULL when a is an ordinary array. */
const struct jrows *jrows_of(const json_t *a);
size_t jrows_count(const struct jrows *r);
/*
 * The text of the i-th row (in the order set) and its length: in memory,
 * or read into scratch. NULL when the temporary file cannot be read (errno).
 */
const char *jrows_text(const struct jrows *r, size_t i, struct buf *scratch, size_t *len);

/*
 * A deep copy of v with every rows array in it made an ordinary array of
 * its elements (for tests and tools that want the whole tree); NULL when
 * a row cannot be read back.
 */
json_t *jrows_tree(const json_t *v);

/* The number of elements of array a, rows or not. */
size_t jrows_size(const json_t *a);

/*
 * The elements of array a, whichever form it has, in order:
 *
 *	struct jrows_iter it;
 *	for (json_t *v = jrows_first(&it, a); v; v = jrows_next(&it))
 *		...;
 *
 * or by position: jrows_open(&it, a), then jrows_get(&it, i) for any i
 * below it.n, then jrows_stop(&it). Each element is borrowed until the
 * next step; the last step of a loop (NULL) releases everything, and
 * jrows_stop() ends a loop left early. A row that cannot be read back gives
 * NULL and sets it.failed.
 */
struct jrows_iter {
	const json_t *a;
	const struct jrows *rows;
	size_t i, n;
	json_t *cur;         /* a row's tree, owned */
	struct buf scratch;
	bool failed;
};
void jrows_open(struct jrows_iter *it, const json_t *a);
json_t *jrows_get(struct jrows_iter *it, size_t i);
json_t *jrows_first(struct jrows_iter *it, const json_t *a);
json_t *jrows_next(struct jrows_iter *it);
void jrows_stop(struct jrows_iter *it);

void jrows_release_all(void);

#endif
