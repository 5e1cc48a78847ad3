/*
 * jsonw: the report's JSON text, from a typed result value by value, or
 * from a jansson tree.
 *
 * The output is byte for byte what json_dumpf gives with JSON_INDENT(2),
 * JSON_ENSURE_ASCII and JSON_REAL_PRECISION(6) (objects in insertion
 * order), followed by a newline; a unit test holds the two together. It is
 * written through one large buffer rather than a call per token, which makes
 * a report of a million messages (175 MB of JSON) several times faster to
 * write. Returns 0, or -1 when a write failed (errno set).
 */
#ifndef DMAUDIT_JSONW_H
#define DMAUDIT_JSONW_H

#include "buf.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

int jsonw_write(FILE *out, const json_t *v);
/* Append v as it would be written at depth 0, without the final newline. */
void jsonw_text(struct buf *out, const json_t *v);

/*
 * The same text written value by value, for results that are not trees
 * (a typed result writes its figures and rows straight from its fields):
 *
 *	struct jsonw *w = jsonw_open(out);
 *	jsonw_object(w);
 *	jsonw_key(w, "n"); jsonw_int(w, 3);
 *	jsonw_key(w, "list"); jsonw_array(w); jsonw_null(w); jsonw_end(w);
 *	jsonw_end(w);
 *	rc = jsonw_close(w);
 *
 * A value inside an object follows its jsonw_key(); inside an array it
 * takes its place after the others. jsonw_tree() writes a jansson tree where
 * a value goes. Nesting is at most JSONW_DEPTH deep.
 * jsonw_close() ends the document with its newline and frees the writer:
 * 0, or -1 when a write failed (errno set).
 */
#define JSONW_DEPTH 32

struct jsonw;
struct jsonw *jsonw_open(FILE *out);
int jsonw_close(struct jsonw *w);
void jsonw_object(struct jsonw *w);
void jsonw_array(struct jsonw *w);
void jsonw_end(struct jsonw *w);
void jsonw_key(struct jsonw *w, const char *key);
void jsonw_int(struct jsonw *w, int64_t v);
void jsonw_real(struct jsonw *w, double v);
void jsonw_bool(struct jsonw *w, bool v);
void jsonw_null(struct jsonw *w);
/* A string of valid UTF-8 (escaped as jansson does). */
void jsonw_str(struct jsonw *w, const char *s);
/* An id as the report writes ids: its decimal digits as a string. */
void jsonw_id(struct jsonw *w, int64_t id);
/* A time in ms as an ISO 8601 UTC string (time_format_iso). */
void jsonw_time(struct jsonw *w, int64_t ms);
/* s, or null when s is NULL. */
void jsonw_str_or_null(struct jsonw *w, const char *s);
void jsonw_tree(struct jsonw *w, const json_t *v);

#endif
