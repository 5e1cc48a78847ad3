#include "jdoc.h"
#include "jplain.h"
#include "utf8.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* What a byte means inside a string: most are plain and are skipped in runs. */
enum { S_PLAIN, S_QUOTE, S_ESCAPE, S_CONTROL, S_HIGH };
static const unsigned char string_class[256] = {
	[0 ... 0x1F] = S_CONTROL, ['"'] = S_QUOTE, ['\\'] = S_ESCAPE, [0x80 ... 0xFF] = S_HIGH,
};

struct parser {
	struct jdoc *d;
	const unsigned char *p, *start, *end;
	const char *why;
};

static int fail(struct parser *ps, const unsigned char *at, const char *why)
{
	ps->p = at;
	ps->why = why;
	return -1;
}

static struct jnode *add_node(struct jdoc *d, enum jtype type)
{
	if (d->n == d->alloc) {
		d->alloc = d->alloc ? d->alloc * 2 : 64;
		d->nodes = xrealloc(d->nodes, d->alloc * sizeof(*d->nodes));
	}
	struct jnode *n = &d->nodes[d->n++];
	n->type = (uint8_t)type;
	n->len = 0;
	n->skip = 1;
	n->s = NULL;
	return n;
}

static inline void skip_ws(struct parser *ps)
{
	const unsigned char *p = ps->p, *end = ps->end;
	while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
		p++;
	ps->p = p;
}

static int hex4(const unsigned char *p, unsigned *out)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		unsigned c = p[i], d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			d = (c | 0x20) - 'a' + 10;
		else
			return -1;
		v = v << 4 | d;
	}
	*out = v;
	return 0;
}

static char *put_utf8(char *w, unsigned c)
{
	if (c < 0x80) {
		*w++ = (char)c;
	} else if (c < 0x800) {
		*w++ = (char)(0xC0 | c >> 6);
		*w++ = (char)(0x80 | (c & 0x3F));
	} else if (c < 0x10000) {
		*w++ = (char)(0xE0 | c >> 12);
		*w++ = (char)(0x80 | (c >> 6 & 0x3F));
		*w++ = (char)(0x80 | (c & 0x3F));
	} else {
		*w++ = (char)(0xF0 | c >> 18);
		*w++ = (char)(0x80 | (c >> 12 & 0x3F));
		*w++ = (char)(0x80 | (c >> 6 & 0x3F));
		*w++ = (char)(0x80 | (c & 0x3F));
	}
	return w;
}

/*
 * The rest of a string with escapes, from the first backslash at p (the raw
 * bytes from start are copied first). Decoded bytes never outnumber raw ones,
 * so the output is reserved once.
 */
static int decode_escaped(struct parser *ps, struct jnode *n, const unsigned char *start,
			  const unsigned char *p)
{
	struct jdoc *d = ps->d;
	const unsigned char *end = ps->end;
	/*
	 * Decoded strings never outgrow the text, so the buffer is sized to it at
	 * the parse's first escaped string (nothing is in it yet to move).
	 */
	size_t need = (size_t)(end - ps->start);
	if (d->astrings < need) {
		free(d->strings);
		d->strings = xmalloc(need);
		d->astrings = need;
	}
	char *out = d->strings + d->nstrings, *w = out;
	memcpy(w, start, (size_t)(p - start));
	w += p - start;

	for (;;) {
		const unsigned char *q = jplain_end(p, end);
		memcpy(w, p, (size_t)(q - p));
		w += q - p;
		p = q;
		if (p == end)
			return fail(ps, p, "unterminated string");
		switch (string_class[*p]) {
		case S_QUOTE:
			n->s = out;
			n->len = (uint32_t)(w - out);
			d->nstrings += (size_t)(w - out);
			ps->p = p + 1;
			return 0;
		case S_CONTROL:
			return fail(ps, p, "control character in a string");
		case S_HIGH: {
			size_t l = utf8_seq_len(p, (size_t)(end - p));
			if (!l)
				return fail(ps, p, "invalid UTF-8 in a string");
			memcpy(w, p, l);
			w += l;
			p += l;
			break;
		}
		case S_ESCAPE: {
			if (end - p < 2)
				return fail(ps, p, "unterminated string");
			unsigned c = p[1], u;
			p += 2;
			switch (c) {
			case '"': case '\\': case '/': *w++ = (char)c; break;
			case 'b': *w++ = '\b'; break;
			case 'f': *w++ = '\f'; break;
			case 'n': *w++ = '\n'; break;
			case 'r': *w++ = '\r'; break;
			case 't': *w++ = '\t'; break;
			case 'u':
				if (end - p < 4 || hex4(p, &u))
					return fail(ps, p - 2, "invalid \\u escape");
				p += 4;
				if (u >= 0xDC00 && u <= 0xDFFF)
					return fail(ps, p - 6, "lone low surrogate in a \\u escape");
				if (u >= 0xD800 && u <= 0xDBFF) {
					unsigned lo;
					if (end - p < 6 || p[0] != '\\' || p[1] != 'u' ||
					    hex4(p + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF)
						return fail(ps, p - 6, "unpaired high surrogate in a "
								       "\\u escape");
					p += 6;
					u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
				}
				w = put_utf8(w, u);
				break;
			default:
				return fail(ps, p - 2, "invalid escape in a string");
			}
			break;
		}
		}
	}
}

/* A string from the opening quote at ps->p. */
static int parse_string(struct parser *ps, struct jnode *n)
{
	const unsigned char *start = ps->p + 1, *p = start, *end = ps->end;
	for (;;) {
		p = jplain_end(p, end);
		if (p == end)
			return fail(ps, p, "unterminated string");
		switch (string_class[*p]) {
		case S_QUOTE:
			n->s = (const char *)start;
			n->len = (uint32_t)(p - start);
			ps->p = p + 1;
			return 0;
		case S_HIGH: {
			size_t l = utf8_seq_len(p, (size_t)(end - p));
			if (!l)
				return fail(ps, p, "invalid UTF-8 in a string");
			p += l;
			break;
		}
		case S_ESCAPE:
			return decode_escaped(ps, n, start, p);
		default:
			return fail(ps, p, "control character in a string");
		}
	}
}

static bool digit(const unsigned char *p, const unsigned char *end)
{
	return p < end && *p >= '0' && *p <= '9';
}

static int parse_number(struct parser *ps, struct jnode *n)
{
	const unsigned char *p = ps->p, *end = ps->end, *start = p;
	if (*p == '-')
		p++;
	if (!digit(p, end))
		return fail(ps, p, "invalid number");
	if (*p == '0')
		p++;
	else
		while (digit(p, end))
			p++;
	if (p < end && *p == '.') {
		if (!digit(++p, end))
			return fail(ps, p, "invalid number");
		while (digit(p, end))
			p++;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (!digit(p, end))
			return fail(ps, p, "invalid number");
		while (digit(p, end))
			p++;
	}
	n->s = (const char *)start;
	n->len = (uint32_t)(p - start);
	ps->p = p;
	return 0;
}

static int parse_literal(struct parser *ps, const char *word, enum jtype type)
{
	size_t l = strlen(word);
	if ((size_t)(ps->end - ps->p) < l || memcmp(ps->p, word, l))
		return fail(ps, ps->p, "invalid literal");
	add_node(ps->d, type);
	ps->p += l;
	return 0;
}

/* One scalar value at ps->p (containers are handled by the caller's loop). */
static int parse_scalar(struct parser *ps)
{
	switch (*ps->p) {
	case '"': return parse_string(ps, add_node(ps->d, J_STRING));
	case 't': return parse_literal(ps, "true", J_TRUE);
	case 'f': return parse_literal(ps, "false", J_FALSE);
	case 'n': return parse_literal(ps, "null", J_NULL);
	default:
		if (*ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9'))
			return parse_number(ps, add_node(ps->d, J_NUMBER));
		return fail(ps, ps->p, "unexpected character");
	}
}

/*
 * The value loop: containers are opened on an explicit stack (no recursion),
 * and closed by fixing their member count and subtree size.
 */
static int parse(struct parser *ps)
{
	struct jdoc *d = ps->d;
	size_t stack[JDOC_MAX_DEPTH];
	int depth = 0;

	skip_ws(ps);
	if (ps->p == ps->end || (*ps->p != '{' && *ps->p != '['))
		return fail(ps, ps->p, "'[' or '{' expected");
	for (;;) {
		/* here a value starts */
		skip_ws(ps);
		if (ps->p == ps->end)
			return fail(ps, ps->p, "unexpected end of input");
		unsigned char c = *ps->p;
		if (c == '{' || c == '[') {
			if (depth == JDOC_MAX_DEPTH)
				return fail(ps, ps->p, "nested too deeply");
			stack[depth++] = d->n;
			add_node(d, c == '{' ? J_OBJECT : J_ARRAY);
			ps->p++;
			skip_ws(ps);
			if (ps->p < ps->end && *ps->p == (c == '{' ? '}' : ']'))
				goto close; /* empty */
			if (c == '{')
				goto key;
			continue;
		}
		if (parse_scalar(ps))
			return -1;
after_value:
		if (depth == 0)
			return 0;
		skip_ws(ps);
		if (ps->p == ps->end)
			return fail(ps, ps->p, "unexpected end of input");
		{
			struct jnode *top = &d->nodes[stack[depth - 1]];
			top->len++;
			bool object = top->type == J_OBJECT;
			if (*ps->p == ',') {
				ps->p++;
				if (object)
					goto key;
				continue;
			}
			if (*ps->p != (object ? '}' : ']'))
				return fail(ps, ps->p, object ? "',' or '}' expected"
							      : "',' or ']' expected");
		}
close:
		{
			size_t at = stack[--depth];
			d->nodes[at].skip = (uint32_t)(d->n - at);
			ps->p++;
			goto after_value;
		}
key:
		skip_ws(ps);
		if (ps->p == ps->end || *ps->p != '"')
			return fail(ps, ps->p, "string key expected");
		const unsigned char *key_at = ps->p;
		struct jnode *k = add_node(d, J_STRING);
		if (parse_string(ps, k))
			return -1;
		if (memchr(k->s, 0, k->len)) /* only an escape can put one there */
			return fail(ps, key_at, "U+0000 in an object key");
		skip_ws(ps);
		if (ps->p == ps->end || *ps->p != ':')
			return fail(ps, ps->p, "':' expected");
		ps->p++;
	}
}

int jdoc_parse(struct jdoc *d, const char *text, size_t len, size_t *at, const char **why)
{
	struct parser ps = {
		.d = d,
		.p = (const unsigned char *)text,
		.start = (const unsigned char *)text,
		.end = (const unsigned char *)text + len,
	};
	d->n = 0;
	d->nstrings = 0;
	if (len > UINT32_MAX / 2) {
		ps.why = "element too large";
	} else if (parse(&ps) == 0) {
		skip_ws(&ps);
		if (ps.p == ps.end)
			return 0;
		ps.why = "end of input expected";
	}
	d->n = 0;
	*at = (size_t)(ps.p - ps.start);
	*why = ps.why;
	return -1;
}

void jdoc_release(struct jdoc *d)
{
	free(d->nodes);
	free(d->strings);
	memset(d, 0, sizeof(*d));
}

bool jdoc_eq(const struct jnode *n, const char *s)
{
	size_t l = strlen(s);
	return jis(n, J_STRING) && n->len == l && !memcmp(n->s, s, l);
}

const struct jnode *jdoc_get(const struct jnode *o, const char *key)
{
	const struct jnode *found = NULL;
	size_t l = strlen(key);
	JDOC_KEYS(o, k)
		if (k->len == l && !memcmp(k->s, key, l))
			found = k + 1;
	return found;
}

bool jdoc_repeated(const struct jnode *o, const struct jnode *k)
{
	const struct jnode *end = jnext(o);
	for (const struct jnode *q = jnext(k + 1); q < end; q = jnext(q + 1))
		if (q->len == k->len && !memcmp(q->s, k->s, k->len))
			return true;
	return false;
}

bool jdoc_int(const struct jnode *n, int64_t *out)
{
	if (!jis(n, J_NUMBER))
		return false;
	const char *p = n->s, *end = p + n->len;
	bool neg = *p == '-';
	uint64_t v = 0;
	if (neg)
		p++;
	for (; p < end; p++) {
		if (*p < '0' || *p > '9')
			return false; /* a fraction or an exponent */
		unsigned dg = (unsigned)(*p - '0');
		if (v > (UINT64_MAX - dg) / 10)
			return false;
		v = v * 10 + dg;
	}
	if (v > (uint64_t)INT64_MAX + neg)
		return false;
	*out = neg ? (int64_t)(0 - v) : (int64_t)v;
	return true;
}
