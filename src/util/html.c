#include "html.h"

#include <string.h>

static size_t put_utf8(char *o, unsigned long cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Decode the entity at s (s[0] == '&'); returns its length, 0 if none. */
static size_t entity(const char *s, size_t n, char *o, size_t *olen)
{
	static const struct {
		const char *name;
		char c;
	} named[] = { { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' },
		      { "&quot;", '"' }, { "&apos;", '\'' } };
	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++) {
		size_t l = strlen(named[i].name);
		if (n >= l && !memcmp(s, named[i].name, l)) {
			o[0] = named[i].c;
			*olen = 1;
			return l;
		}
	}
	if (n < 4 || s[1] != '#')
		return 0;
	size_t i = 2;
	int hex = s[2] == 'x' || s[2] == 'X';
	unsigned long cp = 0;
	if (hex)
		i++;
	size_t start = i;
	for (; i < n && i < start + 7; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9')
			cp = cp * (hex ? 16 : 10) + (unsigned long)(c - '0');
		else if (hex && c >= 'a' && c <= 'f')
			cp = cp * 16 + (unsigned long)(c - 'a' + 10);
		else if (hex && c >= 'A' && c <= 'F')
			cp = cp * 16 + (unsigned long)(c - 'A' + 10);
		else
			break;
	}
	if (i == start || i >= n || s[i] != ';' || cp == 0 || cp > 0x10FFFF ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	*olen = put_utf8(o, cp);
	return i + 1;
}

void html_unescape(struct buf *out, const char *s, size_t n)
{
	buf_grow(out, n);
	size_t i = 0;
	while (i < n) {
		const char *amp = memchr(s + i, '&', n - i);
		const char *nul = memchr(s + i, '\0', n - i);
		const char *stop = amp && (!nul || amp < nul) ? amp : nul;
		if (!stop) {
			buf_add(out, s + i, n - i);
			return;
		}
		buf_add(out, s + i, (size_t)(stop - s) - i);
		i = (size_t)(stop - s);
		if (*stop == '\0') {
			i++;
			continue;
		}
		char o[4];
		size_t olen, used = entity(s + i, n - i, o, &olen);
		if (used) {
			buf_add(out, o, olen);
			i += used;
		} else {
			buf_addc(out, '&');
			i++;
		}
	}
}

void html_escape(struct buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '&': buf_adds(out, "&amp;"); break;
		case '<': buf_adds(out, "&lt;"); break;
		case '>': buf_adds(out, "&gt;"); break;
		case '"': buf_adds(out, "&quot;"); break;
		case '\'': buf_adds(out, "&#39;"); break;
		default: buf_addc(out, s[i]);
		}
	}
}
