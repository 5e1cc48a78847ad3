/*
 * Rendering a doc (doc.h) to text, Markdown, HTML and CSV. Every byte that
 * came from the archive is escaped for the format it lands in.
 */
#include "doc.h"
#include "buf.h"
#include "html.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

#define TEXT_WIDTH 78
#define CELL_MAX 60 /* text tables cut longer cells */

/* Display columns of UTF-8 text: code points, wide East Asian ones counted twice. */
static size_t width(const char *s, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c & 0xC0) == 0x80)
			continue;
		w++;
		if (c >= 0xE1 && c <= 0xED && i + 1 < n) /* U+1100..U+DFFF: CJK, Hangul, kana */
			w++;
		else if (c == 0xF0)                       /* emoji and other astral */
			w++;
	}
	return w;
}

/* Bytes of s that fit in w columns, not splitting a character. */
static size_t fit(const char *s, size_t n, size_t w)
{
	size_t i = 0, cols = 0;
	while (i < n) {
		size_t j = i + 1;
		while (j < n && ((unsigned char)s[j] & 0xC0) == 0x80)
			j++;
		size_t cw = width(s + i, j - i);
		if (cols + cw > w)
			break;
		cols += cw;
		i = j;
	}
	return i;
}

/* Copy text with control characters (newlines, tabs, escapes) made spaces. */
static void add_flat(struct buf *b, const char *s)
{
	for (; *s; s++)
		buf_addc(b, (unsigned char)*s < 0x20 || *s == 0x7F ? ' ' : *s);
}

static void wrap(FILE *out, const char *text, const char *first, const char *rest)
{
	struct buf flat = BUF_INIT;
	add_flat(&flat, text);
	const char *p = flat.s, *lead = first;
	bool printed = false;
	size_t avail = TEXT_WIDTH - width(first, strlen(first));
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		size_t n = strlen(p);
		size_t take = n;
		if (width(p, n) > avail) {
			take = fit(p, n, avail);
			size_t sp = take;
			while (sp > 0 && p[sp] != ' ')
				sp--;
			if (sp > 0)
				take = sp;
			else if (take == 0)
				take = 1;
		}
		fputs(lead, out);
		fwrite(p, 1, take, out);
		fputc('\n', out);
		printed = true;
		p += take;
		lead = rest;
		avail = TEXT_WIDTH - width(rest, strlen(rest));
	}
	if (!printed) {
		fputs(first, out);
		fputc('\n', out);
	}
	buf_release(&flat);
}

static void text_table(const struct doc_table *t, FILE *out)
{
	size_t *w = xcalloc(t->ncols, sizeof(size_t));
	struct buf cell = BUF_INIT;
	for (size_t c = 0; c < t->ncols; c++)
		w[c] = width(t->cols[c], strlen(t->cols[c]));
	for (size_t i = 0; i < t->nrows * t->ncols; i++) {
		size_t cw = width(t->cells[i], strlen(t->cells[i]));
		size_t c = i % t->ncols;
		if (cw > CELL_MAX)
			cw = CELL_MAX;
		if (cw > w[c])
			w[c] = cw;
	}
	for (size_t r = 0; r <= t->nrows; r++) {
		fputs("  ", out);
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = r == 0 ? t->cols[c] : t->cells[(r - 1) * t->ncols + c];
			buf_reset(&cell);
			add_flat(&cell, s);
			size_t n = cell.len, cw = width(cell.s, n);
			if (cw > CELL_MAX) {
				n = fit(cell.s, n, CELL_MAX - 1);
				buf_setlen(&cell, n);
				buf_adds(&cell, "…");
				n = cell.len;
				cw = width(cell.s, n);
			}
			size_t pad = w[c] - cw;
			bool right = t->numeric[c] && r > 0;
			if (right)
				fprintf(out, "%*s", (int)pad, "");
			fwrite(cell.s, 1, n, out);
			if (!right && c + 1 < t->ncols)
				fprintf(out, "%*s", (int)pad, "");
			if (c + 1 < t->ncols)
				fputs("  ", out);
		}
		fputc('\n', out);
		if (r == 0) {
			fputs("  ", out);
			for (size_t c = 0; c < t->ncols; c++) {
				for (size_t k = 0; k < w[c]; k++)
					fputc('-', out);
				if (c + 1 < t->ncols)
					fputs("  ", out);
			}
			fputc('\n', out);
		}
	}
	if (t->nrows == 0)
		fputs("  (none)\n", out);
	buf_release(&cell);
	free(w);
}

static void render_text(const struct doc *d, FILE *out)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct doc_block *b = &d->blocks[i];
		switch (b->kind) {
		case DOC_HEADING: {
			size_t w = width(b->text, strlen(b->text));
			if (i)
				fputc('\n', out);
			fprintf(out, "%s\n", b->text);
			if (b->level < 3) {
				for (size_t k = 0; k < w; k++)
					fputc(b->level == 1 ? '=' : '-', out);
				fputc('\n', out);
			}
			break;
		}
		case DOC_PARA:
			wrap(out, b->text, "", "");
			if (i + 1 < d->n && d->blocks[i + 1].kind != DOC_HEADING)
				fputc('\n', out);
			break;
		case DOC_ITEM:
			wrap(out, b->text, "  - ", "    ");
			if (i + 1 < d->n && d->blocks[i + 1].kind != DOC_ITEM &&
			    d->blocks[i + 1].kind != DOC_HEADING)
				fputc('\n', out);
			break;
		case DOC_KV: {
			char lead[64];
			snprintf(lead, sizeof(lead), "  %-24s ", b->text);
			wrap(out, b->value, lead, "                           ");
			if (i + 1 < d->n && d->blocks[i + 1].kind != DOC_KV &&
			    d->blocks[i + 1].kind != DOC_HEADING)
				fputc('\n', out);
			break;
		}
		case DOC_TABLE:
			text_table(b->table, out);
			if (i + 1 < d->n && d->blocks[i + 1].kind != DOC_HEADING)
				fputc('\n', out);
			break;
		case DOC_HTML:
			break;
		}
	}
}

/* ---- Markdown ---- */

static void md_text(FILE *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x20 || c == 0x7F)
			fputc(' ', out);
		else if (strchr("\\`*_[]<>|#", c))
			fprintf(out, "\\%c", c);
		else
			fputc(c, out);
	}
}

static void render_md(const struct doc *d, FILE *out)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct doc_block *b = &d->blocks[i];
		bool next_same = i + 1 < d->n && d->blocks[i + 1].kind == b->kind;
		switch (b->kind) {
		case DOC_HEADING:
			fprintf(out, "%.*s ", b->level, "###");
			md_text(out, b->text);
			fputs("\n\n", out);
			break;
		case DOC_PARA:
			md_text(out, b->text);
			fputs("\n\n", out);
			break;
		case DOC_ITEM:
			fputs("- ", out);
			md_text(out, b->text);
			fputs(next_same ? "\n" : "\n\n", out);
			break;
		case DOC_KV:
			fputs("- **", out);
			md_text(out, b->text);
			fputs(":** ", out);
			md_text(out, b->value);
			fputs(next_same ? "\n" : "\n\n", out);
			break;
		case DOC_TABLE: {
			const struct doc_table *t = b->table;
			fputs("|", out);
			for (size_t c = 0; c < t->ncols; c++) {
				fputc(' ', out);
				md_text(out, t->cols[c]);
				fputs(" |", out);
			}
			fputs("\n|", out);
			for (size_t c = 0; c < t->ncols; c++)
				fputs(t->numeric[c] ? " ---: |" : " --- |", out);
			fputc('\n', out);
			for (size_t r = 0; r < t->nrows; r++) {
				fputs("|", out);
				for (size_t c = 0; c < t->ncols; c++) {
					fputc(' ', out);
					md_text(out, t->cells[r * t->ncols + c]);
					fputs(" |", out);
				}
				fputc('\n', out);
			}
			if (t->nrows == 0)
				fputs("\n_(none)_\n", out);
			fputc('\n', out);
			break;
		}
		case DOC_HTML:
			break;
		}
	}
}

/* ---- HTML ---- */

static void h(FILE *out, const char *s)
{
	struct buf b = BUF_INIT;
	html_escape(&b, s, strlen(s));
	fwrite(b.s, 1, b.len, out);
	buf_release(&b);
}

static const char css[] =
	"body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1f24;"
	"background:#fff;margin:0}"
	"main{max-width:60rem;margin:0 auto;padding:1.5rem 1.25rem 4rem}"
	"h1{font-size:1.7rem;margin:.2rem 0 1rem;border-bottom:3px solid #1d6fb8;padding-bottom:.3rem}"
	"h2{font-size:1.3rem;margin:2.2rem 0 .6rem;border-bottom:1px solid #d0d7de;"
	"padding-bottom:.2rem}"
	"h3{font-size:1.05rem;margin:1.4rem 0 .4rem}"
	"p{margin:.4rem 0 .8rem}ul{margin:.3rem 0 .9rem;padding-left:1.3rem}"
	"dl{display:grid;grid-template-columns:max-content auto;gap:.15rem 1rem;margin:.4rem 0 1rem}"
	"dt{color:#57606a}dd{margin:0;font-weight:600}"
	"table{border-collapse:collapse;width:100%;margin:.4rem 0 1.2rem;font-size:.9rem}"
	"th,td{border-bottom:1px solid #d8dee4;padding:.3rem .5rem;text-align:left;"
	"vertical-align:top;overflow-wrap:anywhere}"
	"th{background:#f3f6f9;font-weight:600}td.n,th.n{text-align:right;"
	"font-variant-numeric:tabular-nums;white-space:nowrap}"
	"tbody tr:nth-child(even){background:#fafbfc}"
	".none{color:#57606a;font-style:italic}"
	"figure{margin:1rem 0 1.6rem}figure svg,figure img{max-width:100%;height:auto}"
	"figcaption{color:#57606a;font-size:.85rem}"
	"footer{margin-top:3rem;color:#57606a;font-size:.8rem}"
	"@media print{body{font-size:11pt}main{max-width:none;padding:0}"
	"h2{break-after:avoid}tr,figure{break-inside:avoid}}";

static void render_html(const struct doc *d, FILE *out, bool page)
{
	if (page) {
		fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		      "style-src 'unsafe-inline'; img-src data:\">\n<title>",
		      out);
		h(out, d->title);
		fprintf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n", css);
	}
	for (size_t i = 0; i < d->n; i++) {
		const struct doc_block *b = &d->blocks[i];
		bool prev_same = i > 0 && d->blocks[i - 1].kind == b->kind;
		bool next_same = i + 1 < d->n && d->blocks[i + 1].kind == b->kind;
		switch (b->kind) {
		case DOC_HEADING:
			fprintf(out, "<h%d>", b->level);
			h(out, b->text);
			fprintf(out, "</h%d>\n", b->level);
			break;
		case DOC_PARA:
			fputs("<p>", out);
			h(out, b->text);
			fputs("</p>\n", out);
			break;
		case DOC_ITEM:
			if (!prev_same)
				fputs("<ul>\n", out);
			fputs("<li>", out);
			h(out, b->text);
			fputs("</li>\n", out);
			if (!next_same)
				fputs("</ul>\n", out);
			break;
		case DOC_KV:
			if (!prev_same)
				fputs("<dl>\n", out);
			fputs("<dt>", out);
			h(out, b->text);
			fputs("</dt><dd>", out);
			h(out, b->value);
			fputs("</dd>\n", out);
			if (!next_same)
				fputs("</dl>\n", out);
			break;
		case DOC_TABLE: {
			const struct doc_table *t = b->table;
			if (t->nrows == 0) {
				fputs("<p class=\"none\">(none)</p>\n", out);
				break;
			}
			fputs("<table>\n<thead><tr>", out);
			for (size_t c = 0; c < t->ncols; c++) {
				fputs(t->numeric[c] ? "<th class=\"n\">" : "<th>", out);
				h(out, t->cols[c]);
				fputs("</th>", out);
			}
			fputs("</tr></thead>\n<tbody>\n", out);
			for (size_t r = 0; r < t->nrows; r++) {
				fputs("<tr>", out);
				for (size_t c = 0; c < t->ncols; c++) {
					fputs(t->numeric[c] ? "<td class=\"n\">" : "<td>", out);
					h(out, t->cells[r * t->ncols + c]);
					fputs("</td>", out);
				}
				fputs("</tr>\n", out);
			}
			fputs("</tbody>\n</table>\n", out);
			break;
		}
		case DOC_HTML:
			fputs(b->text, out);
			fputc('\n', out);
			break;
		}
	}
	if (page)
		fputs("<footer>Written by dmaudit from the archive alone, offline. Personal data "
		      "is redacted unless the report was made with --reveal.</footer>\n"
		      "</main>\n</body>\n</html>\n",
		      out);
}

/* ---- CSV ---- */

static bool is_number(const char *s)
{
	char *end;
	if (!*s)
		return false;
	strtod(s, &end);
	return *end == '\0';
}

/* RFC 4180 quoting; cells that a spreadsheet would run as a formula get a leading quote. */
static void csv_cell(FILE *out, const char *s, bool numeric)
{
	bool formula = strchr("=+-@\t\r", s[0]) && s[0] && !(numeric && is_number(s));
	bool quote = formula || strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		fputc('"', out);
	if (formula)
		fputc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	if (quote)
		fputc('"', out);
}

static void render_csv(const struct doc *d, FILE *out, const char *only)
{
	bool first = true;
	for (size_t i = 0; i < d->n; i++) {
		const struct doc_table *t = d->blocks[i].table;
		if (d->blocks[i].kind != DOC_TABLE || (only && strcmp(t->name, only)))
			continue;
		if (!first)
			fputs("\r\n", out);
		first = false;
		for (size_t c = 0; c < t->ncols; c++) {
			csv_cell(out, t->cols[c], false);
			fputs(c + 1 < t->ncols ? "," : "\r\n", out);
		}
		for (size_t r = 0; r < t->nrows; r++)
			for (size_t c = 0; c < t->ncols; c++) {
				csv_cell(out, t->cells[r * t->ncols + c], t->numeric[c]);
				fputs(c + 1 < t->ncols ? "," : "\r\n", out);
			}
	}
}

void doc_render(const struct doc *d, enum doc_format f, FILE *out, const char *csv_table)
{
	switch (f) {
	case DOC_TEXT: render_text(d, out); break;
	case DOC_MD: render_md(d, out); break;
	case DOC_HTML_PAGE: render_html(d, out, true); break;
	case DOC_HTML_PART: render_html(d, out, false); break;
	case DOC_CSV: render_csv(d, out, csv_table); break;
	}
}
