#include "ytd.h"
#include "exitcode.h"

#include <string.h>

enum {
	ST_BOM,       /* first bytes: maybe a UTF-8 BOM */
	ST_PREFIX,    /* before '=' */
	ST_VALUE,     /* after '=', expecting '[' or '{' */
	ST_ARRAY,     /* between elements */
	ST_AFTER,     /* after an element: ',' or ']' */
	ST_ELEMENT,   /* inside an element */
	ST_TRAILER,   /* after the closing bracket */
};

/* Bytes that matter inside an element: quote, backslash, brackets. */
static const unsigned char special[256] = {
	['"'] = 1, ['\\'] = 1, ['{'] = 1, ['}'] = 1, ['['] = 1, [']'] = 1,
};

void ytd_init(struct ytd_reader *r, ytd_element_fn fn, void *ctx)
{
	memset(r, 0, sizeof(*r));
	buf_init(&r->elem);
	r->state = ST_BOM;
	r->fn = fn;
	r->ctx = ctx;
}

void ytd_release(struct ytd_reader *r)
{
	buf_release(&r->elem);
}

static int is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int bad(struct ytd_reader *r, struct err *err, uint64_t at, const char *what)
{
	return err_set(err, EXIT_INPUT, "%s at byte %llu (element %zu)", what,
		       (unsigned long long)at, r->index + 1);
}

static int deliver(struct ytd_reader *r, struct err *err)
{
	int rc = r->fn(r->ctx, r->elem.s, r->elem.len, r->index, r->elem_offset, err);
	r->index++;
	buf_reset(&r->elem);
	return rc;
}

/*
 * Scan element bytes from p; returns how many were consumed. Sets *done when
 * the element closed. The inner loop skips runs of ordinary bytes.
 */
static size_t scan_element(struct ytd_reader *r, const char *p, size_t n, bool *done,
			   struct err *err, int *fail)
{
	size_t i = 0;
	*done = false;
	while (i < n) {
		if (r->in_string) {
			while (i < n && !special[(unsigned char)p[i]] && !r->escape)
				i++;
			if (i == n)
				break;
			if (r->escape) {
				r->escape = false;
				i++;
				continue;
			}
			if (p[i] == '\\')
				r->escape = true;
			else if (p[i] == '"')
				r->in_string = false;
			i++;
			continue;
		}
		while (i < n && !special[(unsigned char)p[i]])
			i++;
		if (i == n)
			break;
		char c = p[i++];
		if (c == '"') {
			r->in_string = true;
		} else if (c == '{' || c == '[') {
			if (++r->depth > YTD_MAX_DEPTH) {
				*fail = bad(r, err, r->offset + i - 1, "JSON nested too deep");
				return i;
			}
		} else if (c == '}' || c == ']') {
			if (--r->depth == 0) {
				*done = true;
				return i;
			}
		}
	}
	return i;
}

int ytd_feed(struct ytd_reader *r, const char *p, size_t n, struct err *err)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)p[i];
		switch (r->state) {
		case ST_BOM:
			/* a UTF-8 BOM, possibly split across chunks */
			if (r->offset + i < 3 && c == "\xEF\xBB\xBF"[r->offset + i]) {
				i++;
				continue;
			}
			r->state = ST_PREFIX;
			continue;
		case ST_PREFIX:
			if (c == '=') {
				r->state = ST_VALUE;
			} else if ((c == '[' || c == '{') && r->offset + i < YTD_MAX_PREFIX) {
				/* plain JSON without the JavaScript prefix */
				r->state = ST_VALUE;
				continue;
			} else if (r->offset + i >= YTD_MAX_PREFIX || c == '\0') {
				return bad(r, err, r->offset + i,
					   "not a window.YTD data file (no '=' prefix)");
			}
			i++;
			continue;
		case ST_VALUE:
			if (is_ws(c)) {
				i++;
				continue;
			}
			if (c == '[') {
				r->state = ST_ARRAY;
				i++;
				continue;
			}
			if (c == '{') {
				r->is_object = true;
				r->state = ST_ELEMENT;
				r->elem_offset = r->offset + i;
				continue;
			}
			return bad(r, err, r->offset + i, "expected '[' or '{' after '='");
		case ST_ARRAY:
		case ST_AFTER:
			if (is_ws(c)) {
				i++;
				continue;
			}
			if (c == ']') {
				r->state = ST_TRAILER;
				i++;
				continue;
			}
			if (c == ',' && r->state == ST_AFTER) {
				r->state = ST_ARRAY;
				i++;
				continue;
			}
			if (r->state == ST_AFTER)
				return bad(r, err, r->offset + i, "expected ',' or ']' between elements");
			if (c != '{' && c != '[')
				return bad(r, err, r->offset + i, "array element is not an object");
			r->state = ST_ELEMENT;
			r->elem_offset = r->offset + i;
			continue;
		case ST_ELEMENT: {
			bool done;
			int fail = 0;
			size_t used = scan_element(r, p + i, n - i, &done, err, &fail);
			if (fail)
				return -1;
			if (r->elem.len + used > YTD_MAX_ELEMENT)
				return bad(r, err, r->offset + i, "element larger than 256 MiB");
			buf_add(&r->elem, p + i, used);
			i += used;
			if (done) {
				r->offset += i;
				p += i;
				n -= i;
				i = 0;
				if (deliver(r, err))
					return -1;
				r->state = r->is_object ? ST_TRAILER : ST_AFTER;
			}
			continue;
		}
		case ST_TRAILER:
			if (is_ws(c) || c == ';' || c == '\0') {
				i++;
				continue;
			}
			return bad(r, err, r->offset + i, "unexpected data after the closing bracket");
		}
	}
	r->offset += n;
	return 0;
}

int ytd_finish(struct ytd_reader *r, struct err *err)
{
	switch (r->state) {
	case ST_TRAILER:
		return 0;
	case ST_BOM:
	case ST_PREFIX:
		if (r->offset == 0)
			return 0; /* an empty file holds no data */
		return err_set(err, EXIT_INPUT, "not a window.YTD data file (no '=' prefix)");
	case ST_ELEMENT:
		return bad(r, err, r->offset, "truncated inside an element");
	default:
		return bad(r, err, r->offset, "truncated: the array is not closed");
	}
}
