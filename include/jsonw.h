/*
 * jsonw: a jansson tree written as the report's JSON text.
 *
 * The output is byte for byte what json_dumpf gives with JSON_INDENT(2),
 * JSON_ENSURE_ASCII and JSON_REAL_PRECISION(6) (objects in insertion
 * order), followed by a newline; a unit test holds the two together. It is
 * written through one large buffer rather than a call per token, which makes
 * a report of a million messages (175 MB of JSON) several times faster to
 * write. Arrays of rows (jrows.h) are written from their text. Returns 0,
 * or -1 when a write failed (errno set).
 */
#ifndef DMAUDIT_JSONW_H
#define DMAUDIT_JSONW_H

#include "buf.h"

#include <jansson.h>
#include <stdio.h>

int jsonw_write(FILE *out, const json_t *v);
/* Append v as it would be written at depth 0, without the final newline. */
void jsonw_text(struct buf *out, const json_t *v);

#endif
