/*
 * jrows: the big arrays of a JSON report kept as text, not as trees.
 *
 * A report of a million messages lists every conversation and every inbound
 * sender. As jansson trees those lists took most of a gigabyte; as text they
 * take a fifth of that, and they are written on the analyser's own thread,
 * in parallel, instead of at the end. A rows array is an empty jansson array
 * in the result, so the tree keeps its shape and key order, registered here
 * with its rows; jsonw writes the rows in its place. Each row is the text of
 * one value as jsonw writes it at depth 0.
 *
 * Only JSON output uses rows (report_opts.rows): the other formats, and the
 * charts, read the trees. Rows live until jrows_release_all(), which the
 * command calls once the report is written; a rows array is known by its
 * address, so it must not be freed before then (reports keep theirs in
 * arenas, which free nothing early). Registration is thread-safe.
 */
#ifndef DMAUDIT_JROWS_H
#define DMAUDIT_JROWS_H

#include <jansson.h>
#include <stddef.h>

struct jrows;

/* A new, empty rows array (a jansson array the caller owns, like any other). */
json_t *jrows_new(void);
/* Append v's text as the next row; returns the row's number. */
size_t jrows_add(json_t *rows, const json_t *v);
/* Put the rows in the order given: order[k] is the number of the row to be k-th. */
void jrows_order(json_t *rows, const size_t *order, size_t n);

/* The rows of array a, or NULL when a is an ordinary array. */
const struct jrows *jrows_of(const json_t *a);
size_t jrows_count(const struct jrows *r);
const char *jrows_text(const struct jrows *r, size_t i, size_t *len);

void jrows_release_all(void);

#endif
