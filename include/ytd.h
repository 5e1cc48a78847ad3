/*
 * ytd: the element reader for `window.YTD.<name>.partN = [ ... ]` files.
 *
 * Bytes are pushed in arbitrary chunks (as they come out of the ZIP stream or
 * a file); the reader skips the JavaScript prefix (everything up to the first
 * '=', a BOM, whitespace), then hands each top-level array element to a
 * callback as the exact bytes of one JSON value. Memory is bounded by the
 * largest element (capped at YTD_MAX_ELEMENT), never by the file. A file
 * whose value is an object (manifest.js) yields that object as its one
 * element. A trailing ';' is allowed.
 *
 * The reader checks structure only (strings, escapes, brackets, depth); JSON
 * proper is checked by whoever parses the element. It owns its buffer and
 * never prints.
 */
#ifndef DMAUDIT_YTD_H
#define DMAUDIT_YTD_H

#include "buf.h"
#include "error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define YTD_MAX_ELEMENT ((size_t)256 << 20) /* one element, bytes */
#define YTD_MAX_DEPTH 512                   /* nesting of one element */
#define YTD_MAX_PREFIX 4096                 /* bytes before the '=' */

/*
 * Called once per element. json/len are valid only during the call; index
 * counts elements from 0; offset is the element's byte offset in the file.
 * Return 0 to go on, -1 (with err filled) to stop the read.
 */
typedef int (*ytd_element_fn)(void *ctx, const char *json, size_t len, size_t index,
			      uint64_t offset, struct err *err);

struct ytd_reader {
	int state;
	int depth;
	bool in_string, escape;
	bool is_object;     /* the file's value is an object, not an array */
	uint64_t offset;    /* bytes consumed so far */
	uint64_t elem_offset;
	size_t index;       /* elements delivered */
	struct buf elem;    /* the element being collected */
	ytd_element_fn fn;
	void *ctx;
};

void ytd_init(struct ytd_reader *r, ytd_element_fn fn, void *ctx);
void ytd_release(struct ytd_reader *r);
/* Push n bytes. Returns 0, or -1 with err filled (code EXIT_INPUT for bad data). */
int ytd_feed(struct ytd_reader *r, const char *p, size_t n, struct err *err);
/* End of file: fails if the array or an element is unterminated. */
int ytd_finish(struct ytd_reader *r, struct err *err);

#endif
