/*
 * libFuzzer target: the SVG sanitiser (svg.h). Whatever it returns must be
 * safe inline in a page, checked here by reading the output again: it
 * starts with <svg; every tag is one of the allowed SVG elements; no
 * attribute is an event handler; every attribute value is double-quoted and
 * holds no script URL, entity or backslash; links and url() point inside the
 * picture (at a prefixed id). Anything else aborts.
 */
#include "svg.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PREFIX "fz-"

static const char *const allowed[] = {
	"svg", "g", "path", "text", "tspan", "title", "desc", "defs", "circle", "rect", "use",
	"filter", "feFlood", "feComposite", "clipPath", "line", "polyline", "polygon",
	"ellipse", "linearGradient", "radialGradient", "stop", "pattern", "marker", NULL,
};

static void fail(const char *why, const char *out)
{
	fprintf(stderr, "unsafe output (%s): %.200s\n", why, out);
	abort();
}

static bool allowed_name(const char *s, size_t n)
{
	for (size_t i = 0; allowed[i]; i++)
		if (strlen(allowed[i]) == n && !strncmp(allowed[i], s, n))
			return true;
	return false;
}

/* One tag t[0..n) without its brackets. */
static void check_tag(const char *t, size_t n, const char *out)
{
	size_t i = t[0] == '/';
	size_t name = i;
	while (i < n && !strchr(" /", t[i]))
		i++;
	if (!allowed_name(t + name, i - name))
		fail("element", out);
	while (i < n) {
		if (t[i] == ' ' || t[i] == '/') {
			i++;
			continue;
		}
		size_t a = i;
		while (i < n && t[i] != '=')
			i++;
		if (i + 1 >= n || t[i + 1] != '"')
			fail("unquoted value", out);
		if (i - a >= 2 && !strncasecmp(t + a, "on", 2))
			fail("event handler", out);
		for (size_t k = a; k < i; k++)
			if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:-_.",
				    t[k]))
				fail("attribute name", out);
		size_t v = i + 2, e = v;
		while (e < n && t[e] != '"')
			e++;
		if (e >= n)
			fail("open value", out);
		if (memmem(t + v, e - v, "javascript:", 11) || memmem(t + v, e - v, "&#", 2) ||
		    memchr(t + v, '\\', e - v) || memchr(t + v, '<', e - v))
			fail("value", out);
		bool href = (i - a == 4 && !strncmp(t + a, "href", 4)) ||
			    (i - a == 10 && !strncmp(t + a, "xlink:href", 10));
		if (href && strncmp(t + v, "#" PREFIX, strlen("#" PREFIX)))
			fail("link outside the picture", out);
		/* an href is a fragment whole ("#fz-…" above), whatever it holds */
		for (const char *u = t + v; !href && (u = memmem(u, (size_t)(t + e - u), "url(", 4));
		     u += 4) {
			const char *h = u + 4;
			while (h < t + e && (*h == ' ' || *h == '\'' || *h == '"'))
				h++;
			if (h >= t + e || strncmp(h, "#" PREFIX, strlen("#" PREFIX)))
				fail("url() outside the picture", out);
		}
		i = e + 1;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *why = NULL;
	char *out = svg_sanitize((const char *)data, size, PREFIX, &why);
	if (!out) {
		if (!why)
			abort();
		return 0;
	}
	if (strncmp(out, "<svg", 4))
		fail("start", out);
	for (const char *p = out; (p = strchr(p, '<'));) {
		/* the tag ends at the first '>' outside a quoted value ('>' is
		 * harmless inside one, as HTML reads it) */
		const char *gt = p + 1;
		bool quoted = false;
		while (*gt && (quoted || *gt != '>'))
			quoted ^= *gt++ == '"';
		if (!*gt)
			fail("open tag", out);
		check_tag(p + 1, (size_t)(gt - p - 1), out);
		p = gt + 1;
	}
	free(out);
	return 0;
}
