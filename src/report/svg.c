/*
 * svg: a gnuplot SVG made safe to paste into an HTML page. An allow-list of
 * SVG elements, attributes with quoted values only, no event handlers, no
 * script or expression, no entity or escape tricks, links only to the
 * picture's own ids; ids and local references get a prefix, so that several
 * pictures on one page cannot collide. Anything else refuses the picture
 * whole rather than trying to clean it (svg.h).
 */
#include "svg.h"
#include "buf.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

static const char *const svg_tags[] = {
	"svg", "g", "path", "text", "tspan", "title", "desc", "defs", "circle", "rect", "use",
	"filter", "feFlood", "feComposite", "clipPath", "line", "polyline", "polygon",
	"ellipse", "linearGradient", "radialGradient", "stop", "pattern", "marker", NULL,
};

static bool allowed_tag(const char *s, size_t n)
{
	for (size_t i = 0; svg_tags[i]; i++)
		if (strlen(svg_tags[i]) == n && !strncmp(svg_tags[i], s, n))
			return true;
	return false;
}

/* Copy an attribute value, ids and local references prefixed; -1 when unsafe. */
static int copy_value(struct buf *out, const char *name, size_t nlen, const char *v,
		      size_t vlen, const char *prefix)
{
	bool id = nlen == 2 && !strncmp(name, "id", 2);
	bool href = (nlen == 4 && !strncmp(name, "href", 4)) ||
		    (nlen == 10 && !strncmp(name, "xlink:href", 10));
	if (memmem(v, vlen, "javascript:", 11) || memmem(v, vlen, "&#", 2) ||
	    memmem(v, vlen, "\\", 1))
		return -1;
	if (href) {
		if (vlen == 0 || v[0] != '#')
			return -1;
		buf_addc(out, '#');
		buf_adds(out, prefix);
		buf_add(out, v + 1, vlen - 1);
		return 0;
	}
	if (id)
		buf_adds(out, prefix);
	for (size_t i = 0; i < vlen; i++) {
		if (vlen - i >= 4 && !strncasecmp(v + i, "url(", 4)) {
			size_t j = i + 4;
			while (j < vlen && (v[j] == ' ' || v[j] == '\'' || v[j] == '"'))
				j++;
			if (j >= vlen || v[j] != '#')
				return -1;
			buf_add(out, v + i, j - i + 1);
			buf_adds(out, prefix);
			i = j;
			continue;
		}
		buf_addc(out, v[i]);
	}
	return 0;
}

static bool attr_name(const char *s, size_t n)
{
	if (n == 0 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return false;
	for (size_t i = 1; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == ':' || c == '-' || c == '_' || c == '.'))
			return false;
	}
	return true;
}

/* Copy one start or end tag p[0..n) (without < and >); -1 when unsafe. */
static int copy_tag(struct buf *out, const char *p, size_t n, const char *prefix)
{
	size_t i = 0;
	if (i < n && p[i] == '/')
		i++;
	size_t name = i;
	while (i < n && p[i] != ' ' && p[i] != '\t' && p[i] != '\n' && p[i] != '\r' &&
	       p[i] != '/')
		i++;
	if (!allowed_tag(p + name, i - name))
		return -1;
	buf_addc(out, '<');
	buf_add(out, p, i);
	while (i < n) {
		while (i < n && strchr(" \t\r\n", p[i]))
			i++;
		if (i >= n)
			break;
		if (p[i] == '/') {
			buf_addc(out, '/');
			i++;
			continue;
		}
		size_t a = i;
		while (i < n && p[i] != '=' && !strchr(" \t\r\n/", p[i]))
			i++;
		size_t alen = i - a;
		if (!attr_name(p + a, alen))
			return -1;   /* names are plain: letters, digits, ':', '-', '_', '.' */
		while (i < n && (p[i] == ' ' || p[i] == '\t'))
			i++;   /* gnuplot writes "fill = 'red'" */
		if (alen == 0 || i >= n || p[i] != '=')
			return -1;   /* attributes without values: not from gnuplot */
		if ((alen >= 2 && !strncasecmp(p + a, "on", 2)) ||
		    (alen == 5 && !strncasecmp(p + a, "style", 5) &&
		     memmem(p + i, n - i, "expression", 10)))
			return -1;
		i++;
		while (i < n && (p[i] == ' ' || p[i] == '\t'))
			i++;
		if (i >= n || (p[i] != '"' && p[i] != '\''))
			return -1;
		char q = p[i++];
		size_t v = i;
		while (i < n && p[i] != q)
			i++;
		if (i >= n)
			return -1;
		if (alen >= 5 && !strncmp(p + a, "xmlns", 5)) {
			i++;   /* namespaces: HTML knows SVG's, and the page names no URL */
			continue;
		}
		buf_addc(out, ' ');
		buf_add(out, p + a, alen);
		buf_adds(out, "=\"");
		for (size_t k = v; k < i; k++)
			if (p[k] == '"' || p[k] == '<')
				return -1;
		if (copy_value(out, p + a, alen, p + v, i - v, prefix))
			return -1;
		buf_addc(out, '"');
		i++;
	}
	buf_addc(out, '>');
	return 0;
}

char *svg_sanitize(const char *svg, size_t n, const char *prefix, const char **why)
{
	if (memchr(svg, '\0', n)) {   /* the fragment is a C string: a NUL would cut the page */
		*why = "not an SVG chart";
		return NULL;
	}
	const char *p = svg, *end = svg + n;
	struct buf out = BUF_INIT;
	bool started = false;
	while (p < end) {
		if (*p != '<') {
			const char *lt = memchr(p, '<', (size_t)(end - p));
			if (!lt)
				lt = end;
			if (started)
				buf_add(&out, p, (size_t)(lt - p));
			p = lt;
			continue;
		}
		if (end - p >= 4 && !memcmp(p, "<!--", 4)) {   /* comments go */
			const char *c = memmem(p, (size_t)(end - p), "-->", 3);
			p = c ? c + 3 : end;
			continue;
		}
		if (end - p >= 2 && (p[1] == '?' || p[1] == '!')) {   /* prolog, doctype */
			const char *gt = memchr(p, '>', (size_t)(end - p));
			p = gt ? gt + 1 : end;
			continue;
		}
		const char *gt = p + 1;
		char q = 0;
		while (gt < end && (q || *gt != '>')) {
			if (q && *gt == q)
				q = 0;
			else if (!q && (*gt == '"' || *gt == '\''))
				q = *gt;
			gt++;
		}
		if (gt >= end || copy_tag(&out, p + 1, (size_t)(gt - p - 1), prefix)) {
			*why = "the chart holds something unsafe for a web page";
			goto fail;
		}
		started = true;
		p = gt + 1;
	}
	if (!started || strncmp(out.s, "<svg", 4)) {
		*why = "not an SVG chart";
		goto fail;
	}
	return buf_detach(&out);
fail:
	buf_release(&out);
	return NULL;
}
