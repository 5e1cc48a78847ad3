#include "jsonw.h"
#include "timeutil.h"

#include "fmt.h"
#include "jplain.h"
#include "xalloc.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#define OUT_SIZE ((size_t)256 << 10)

/* The output: a file through a staging buffer, or text appended to a buf. */
struct w {
	FILE *f;            /* NULL: text */
	struct buf *text;
	char *buf;          /* staging (file), or text's own bytes */
	size_t n, cap;
	int failed;
};

/* Make room for need more bytes: write the staging buffer out, or grow the text. */
static void flush(struct w *w, size_t need)
{
	if (w->text) {
		w->text->len = w->n;
		buf_grow(w->text, need > 4096 ? need : 4096);
		w->buf = w->text->s;
		w->cap = w->text->alloc - 1;
		return;
	}
	if (w->n && !w->failed && fwrite(w->buf, 1, w->n, w->f) != w->n)
		w->failed = 1;
	w->n = 0;
}

/* Room for n more bytes (n much less than OUT_SIZE). */
static inline char *room(struct w *w, size_t n)
{
	if (w->cap - w->n < n)
		flush(w, n);
	return w->buf + w->n;
}

static void put(struct w *w, const char *s, size_t n)
{
	while (n) {
		if (w->n == w->cap)
			flush(w, n);
		size_t k = w->cap - w->n < n ? w->cap - w->n : n;
		memcpy(w->buf + w->n, s, k);
		w->n += k;
		s += k;
		n -= k;
	}
}

static void newline_indent(struct w *w, size_t depth)
{
	size_t n = 1 + 2 * depth;
	char *p = room(w, n);
	p[0] = '\n';
	memset(p + 1, ' ', n - 1);
	w->n += n;
}

static const char hex[] = "0123456789ABCDEF";

static char *put_u(char *p, unsigned c)
{
	*p++ = '\\';
	*p++ = 'u';
	*p++ = hex[c >> 12 & 15];
	*p++ = hex[c >> 8 & 15];
	*p++ = hex[c >> 4 & 15];
	*p++ = hex[c & 15];
	return p;
}

/* One code point decoded from valid UTF-8 at s (jansson strings are valid). */
static unsigned decode(const unsigned char *s, size_t n, size_t *len)
{
	unsigned c = s[0];
	if (c >= 0xF0 && n >= 4) {
		*len = 4;
		return (c & 7) << 18 | (s[1] & 0x3Fu) << 12 | (s[2] & 0x3Fu) << 6 | (s[3] & 0x3Fu);
	}
	if (c >= 0xE0 && n >= 3) {
		*len = 3;
		return (c & 15) << 12 | (s[1] & 0x3Fu) << 6 | (s[2] & 0x3Fu);
	}
	if (c >= 0xC0 && n >= 2) {
		*len = 2;
		return (c & 31) << 6 | (s[1] & 0x3Fu);
	}
	*len = 1;
	return 0xFFFD;
}

static void put_string(struct w *w, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str, *end = s + n;
	*room(w, 1) = '"';
	w->n++;
	while (s < end) {
		const unsigned char *q = jplain_end(s, end);
		put(w, (const char *)s, (size_t)(q - s));
		if (q == end)
			break;
		char *p = room(w, 12);
		size_t len = 1;
		unsigned c = *q;
		switch (c) {
		case '"': *p++ = '\\'; *p++ = '"'; break;
		case '\\': *p++ = '\\'; *p++ = '\\'; break;
		case '\b': *p++ = '\\'; *p++ = 'b'; break;
		case '\f': *p++ = '\\'; *p++ = 'f'; break;
		case '\n': *p++ = '\\'; *p++ = 'n'; break;
		case '\r': *p++ = '\\'; *p++ = 'r'; break;
		case '\t': *p++ = '\\'; *p++ = 't'; break;
		default:
			if (c >= 0x80)
				c = decode(q, (size_t)(end - q), &len);
			if (c < 0x10000) {
				p = put_u(p, c);
			} else {
				c -= 0x10000;
				p = put_u(p, 0xD800 | (c >> 10 & 0x3FF));
				p = put_u(p, 0xDC00 | (c & 0x3FF));
			}
		}
		w->n = (size_t)(p - w->buf);
		s = q + len;
	}
	*room(w, 1) = '"';
	w->n++;
}

/* As jansson: %.6g, ".0" when it would read as an integer, exponent without '+' or zeros. */
static void put_real(struct w *w, double v)
{
	char b[64];
	int len = snprintf(b, sizeof(b) - 3, "%.6g", v);
	if (len < 0)
		len = 0;
	if (!strchr(b, '.') && !strchr(b, 'e')) {
		b[len++] = '.';
		b[len++] = '0';
		b[len] = '\0';
	}
	char *start = strchr(b, 'e');
	if (start) {
		start++;
		char *e = start + 1;
		if (*start == '-')
			start++;
		while (*e == '0')
			e++;
		if (e != start) {
			memmove(start, e, (size_t)(b + len + 1 - e));
			len -= (int)(e - start);
		}
	}
	put(w, b, (size_t)len);
}

static void put_value(struct w *w, const json_t *v, size_t depth)
{
	switch (json_typeof(v)) {
	case JSON_NULL: put(w, "null", 4); break;
	case JSON_TRUE: put(w, "true", 4); break;
	case JSON_FALSE: put(w, "false", 5); break;
	case JSON_STRING: put_string(w, json_string_value(v), json_string_length(v)); break;
	case JSON_REAL: put_real(w, json_real_value(v)); break;
	case JSON_INTEGER:
		w->n += fmt_i64(room(w, FMT_I64_SIZE), (int64_t)json_integer_value(v));
		break;
	case JSON_ARRAY: {
		size_t n = json_array_size(v);
		if (!n) {
			put(w, "[]", 2);
			break;
		}
		put(w, "[", 1);
		for (size_t i = 0; i < n; i++) {
			newline_indent(w, depth + 1);
			put_value(w, json_array_get(v, i), depth + 1);
			if (i + 1 < n)
				put(w, ",", 1);
		}
		newline_indent(w, depth);
		put(w, "]", 1);
		break;
	}
	case JSON_OBJECT: {
		void *it = json_object_iter((json_t *)v);
		if (!it) {
			put(w, "{}", 2);
			break;
		}
		put(w, "{", 1);
		while (it) {
			newline_indent(w, depth + 1);
			put_string(w, json_object_iter_key(it), json_object_iter_key_len(it));
			put(w, ": ", 2);
			put_value(w, json_object_iter_value(it), depth + 1);
			it = json_object_iter_next((json_t *)v, it);
			if (it)
				put(w, ",", 1);
		}
		newline_indent(w, depth);
		put(w, "}", 1);
		break;
	}
	}
}

int jsonw_write(FILE *out, const json_t *v)
{
	struct w w = { .f = out, .cap = OUT_SIZE };
	w.buf = xmalloc(OUT_SIZE);
	put_value(&w, v, 0);
	put(&w, "\n", 1);
	flush(&w, 0);
	free(w.buf);
	if (w.failed && !errno)
		errno = EIO;
	return w.failed ? -1 : 0;
}

void jsonw_text(struct buf *out, const json_t *v)
{
	buf_grow(out, 256);
	struct w w = { .text = out, .buf = out->s, .n = out->len, .cap = out->alloc - 1 };
	put_value(&w, v, 0);
	buf_setlen(out, w.n);
}

/* ---- streaming ---------------------------------------------------------- */

struct jsonw {
	struct w w;
	size_t depth;                 /* containers open */
	struct {
		bool array;
		size_t n;             /* values (arrays) or keys (objects) so far */
	} open[JSONW_DEPTH];
};

struct jsonw *jsonw_open(FILE *out)
{
	struct jsonw *j = xcalloc(1, sizeof(*j));
	j->w = (struct w){ .f = out, .cap = OUT_SIZE };
	j->w.buf = xmalloc(OUT_SIZE);
	return j;
}

int jsonw_close(struct jsonw *j)
{
	put(&j->w, "\n", 1);
	flush(&j->w, 0);
	int failed = j->w.failed;
	free(j->w.buf);
	free(j);
	if (failed && !errno)
		errno = EIO;
	return failed ? -1 : 0;
}

/* Before a value: inside an array, the comma and the new line that place it. */
static void value_place(struct jsonw *j)
{
	if (!j->depth || !j->open[j->depth - 1].array)
		return;
	if (j->open[j->depth - 1].n++)
		put(&j->w, ",", 1);
	newline_indent(&j->w, j->depth);
}

static void open_container(struct jsonw *j, bool array)
{
	value_place(j);
	put(&j->w, array ? "[" : "{", 1);
	if (j->depth < JSONW_DEPTH)
		j->open[j->depth].array = array, j->open[j->depth].n = 0;
	j->depth++;
}

void jsonw_object(struct jsonw *j)
{
	open_container(j, false);
}

void jsonw_array(struct jsonw *j)
{
	open_container(j, true);
}

void jsonw_end(struct jsonw *j)
{
	if (!j->depth)
		return;
	j->depth--;
	bool array = j->open[j->depth].array;
	if (j->open[j->depth].n)
		newline_indent(&j->w, j->depth);
	put(&j->w, array ? "]" : "}", 1);
}

void jsonw_key(struct jsonw *j, const char *key)
{
	if (j->open[j->depth - 1].n++)
		put(&j->w, ",", 1);
	newline_indent(&j->w, j->depth);
	put_string(&j->w, key, strlen(key));
	put(&j->w, ": ", 2);
}

void jsonw_int(struct jsonw *j, int64_t v)
{
	value_place(j);
	j->w.n += fmt_i64(room(&j->w, FMT_I64_SIZE), v);
}

void jsonw_real(struct jsonw *j, double v)
{
	value_place(j);
	put_real(&j->w, v);
}

void jsonw_bool(struct jsonw *j, bool v)
{
	value_place(j);
	put(&j->w, v ? "true" : "false", v ? 4 : 5);
}

void jsonw_null(struct jsonw *j)
{
	value_place(j);
	put(&j->w, "null", 4);
}

void jsonw_str(struct jsonw *j, const char *s)
{
	value_place(j);
	put_string(&j->w, s, strlen(s));
}

void jsonw_id(struct jsonw *j, int64_t id)
{
	char s[FMT_I64_SIZE + 1];
	s[fmt_i64(s, id)] = '\0';
	jsonw_str(j, s);
}

void jsonw_time(struct jsonw *j, int64_t ms)
{
	char s[32];
	time_format_iso(ms, s);
	jsonw_str(j, s);
}

void jsonw_str_or_null(struct jsonw *j, const char *s)
{
	if (s)
		jsonw_str(j, s);
	else
		jsonw_null(j);
}

void jsonw_tree(struct jsonw *j, const json_t *v)
{
	value_place(j);
	put_value(&j->w, v, j->depth);
}
