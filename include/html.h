/*
 * html: the HTML entities of archive text, both ways.
 *
 * The archive HTML-escapes DM text and tweet full_text (&amp; &lt; &gt;);
 * dmaudit stores text decoded, and escapes it again only when writing HTML.
 * Decoding also drops NUL bytes, which real archives carry as \u0000.
 */
#ifndef DMAUDIT_HTML_H
#define DMAUDIT_HTML_H

#include "buf.h"

#include <stddef.h>

/* Append s[0..n) to out with &amp; &lt; &gt; &quot; &#39; &apos; &#N; &#xH; decoded. */
void html_unescape(struct buf *out, const char *s, size_t n);

/* Append s to out escaped for HTML text and attribute values. */
void html_escape(struct buf *out, const char *s, size_t n);

#endif
