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
#include <utf8proc.h>

/* ---- text ---- */

/*
 * Text fits the width the caller gives (the terminal's): every line but a
 * two-column margin, prose no wider than PROSE_MAX. Paragraphs and items
 * wrap at spaces; a key/value line
 * keeps its key in a column of its own and wraps the value beside it; a
 * table wraps its long cells within their columns and, when even its
 * narrowest form is wider than the line, is written one row a record
 * (column: value), as psql's expanded mode does.
 */
#define TEXT_MARGIN 2
#define KEY_COLS 32   /* key/value lines: the widest key column */
#define PROSE_MAX 98  /* paragraphs wrap here on wider terminals: long lines read badly */
#define CELL_CAP 400  /* a cell longer than this is cut (the JSON holds it whole) */
#define CELL_WHOLE 16 /* cells this short stay on one line: dates, ages, handles */
#define WORD_WHOLE 24 /* words this short are never broken: ids, times */

/* Display columns of one code point, as a terminal draws it. */
static size_t char_cols(const char *s, size_t n, size_t *len)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp);
	if (l <= 0) {
		*len = 1;
		return 1;
	}
	*len = (size_t)l;
	int w = utf8proc_charwidth(cp);
	return w < 0 ? 1 : (size_t)w;
}

/* Display columns of UTF-8 text: wide East Asian characters and emoji count twice. */
static size_t text_cols(const char *s, size_t n)
{
	size_t w = 0, len;
	for (size_t i = 0; i < n; i += len)
		w += char_cols(s + i, n - i, &len);
	return w;
}

/* Bytes of s that fit in w columns, not splitting a character. */
static size_t fit(const char *s, size_t n, size_t w)
{
	size_t i = 0, cols = 0, len;
	while (i < n) {
		size_t cw = char_cols(s + i, n - i, &len);
		if (cols + cw > w)
			break;
		cols += cw;
		i += len;
	}
	return i;
}

/* Copy text with control characters (newlines, tabs, escapes) made spaces. */
static void add_flat(struct buf *b, const char *s)
{
	for (; *s; s++)
		buf_addc(b, (unsigned char)*s < 0x20 || *s == 0x7F ? ' ' : *s);
}

/*
 * The next line of p[0..n) in w columns (w >= 1): its length in bytes,
 * broken at the last space that fits, else after the last '-' or '/' (ids
 * "low-high", paths, links), else where the columns end; *next is where
 * the line after it starts (the spaces skipped).
 */
static size_t next_line(const char *p, size_t n, size_t w, size_t *next)
{
	size_t take = n;
	if (text_cols(p, n) > w) {
		take = fit(p, n, w);
		size_t sp = take;
		while (sp > 0 && p[sp] != ' ')
			sp--;
		if (sp > 0) {
			take = sp;
		} else {
			size_t br = take;
			while (br > 1 && p[br - 1] != '-' && p[br - 1] != '/')
				br--;
			if (br > 1)
				take = br;
			else if (take == 0)
				take = fit(p, n, 2) ? fit(p, n, 2) : 1; /* a wide character in 1 column */
		}
	}
	size_t e = take;
	while (e < n && p[e] == ' ')
		e++;
	*next = e;
	while (take > 0 && p[take - 1] == ' ')
		take--;
	return take;
}

/* text wrapped in width columns: the first line after first, the others after rest */
static void wrap(FILE *out, const char *text, const char *first, const char *rest, size_t width)
{
	struct buf flat = BUF_INIT;
	add_flat(&flat, text);
	const char *p = flat.s, *lead = first;
	size_t n = flat.len, next;
	while (n && *p == ' ')
		p++, n--;
	if (!n) {
		fputs(first, out);
		fputc('\n', out);
	}
	while (n) {
		size_t lw = text_cols(lead, strlen(lead));
		size_t avail = width > lw + 4 ? width - lw : 4;
		size_t take = next_line(p, n, avail, &next);
		fputs(lead, out);
		fwrite(p, 1, take, out);
		fputc('\n', out);
		p += next;
		n -= next;
		lead = rest;
	}
	buf_release(&flat);
}

/*
 * The key column for keys up to longest wide in width columns: as wide as
 * the longest, but at most two fifths of the line (a longer key gets a line
 * of its own).
 */
static size_t key_cols(size_t longest, size_t width)
{
	size_t k = width * 2 / 5;
	if (k > KEY_COLS)
		k = KEY_COLS;
	return longest < k ? longest : k;
}

/* The widest key of the run of key/value blocks that starts at block i. */
static size_t kv_run_keys(const struct doc *d, size_t i)
{
	size_t w = 1;
	for (; i < d->n && d->blocks[i].kind == DOC_KV; i++) {
		size_t k = text_cols(d->blocks[i].text, strlen(d->blocks[i].text));
		w = k > w ? k : w;
	}
	return w;
}

/*
 * "  key   value": the value wraps beside the key column; a key wider than
 * the column gets a line of its own, the value below it, so a label never
 * runs into its value.
 */
static void text_kv(FILE *out, const char *key, const char *value, size_t kcols, size_t width)
{
	struct buf k = BUF_INIT, lead = BUF_INIT, rest = BUF_INIT;
	add_flat(&k, key);
	size_t kw = text_cols(k.s, k.len);
	buf_adds(&rest, "  ");
	for (size_t i = 0; i < kcols + 2; i++)
		buf_addc(&rest, ' ');
	if (kw <= kcols) {
		buf_addf(&lead, "  %s", k.s);
		for (size_t i = kw; i < kcols + 2; i++)
			buf_addc(&lead, ' ');
	} else {
		wrap(out, k.s, "  ", "  ", width);
		buf_adds(&lead, rest.s);
	}
	wrap(out, value, lead.s, rest.s, width);
	buf_release(&k);
	buf_release(&lead);
	buf_release(&rest);
}

/* The narrowest a cell may be: short cells whole, else its longest word that must stay whole. */
static size_t cell_min(const char *s, size_t n)
{
	size_t w = text_cols(s, n);
	if (w <= CELL_WHOLE)
		return w;
	size_t m = 1;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && s[j] != ' ')
			j++;
		size_t tw = text_cols(s + i, j - i);
		if (tw > WORD_WHOLE) {
			/* a long word breaks after '-' or '/', else anywhere */
			size_t seg = 0, best = 0;
			for (size_t k = i; k < j; k++) {
				seg++;
				if (s[k] == '-' || s[k] == '/' || k + 1 == j) {
					best = seg > best ? seg : best;
					seg = 0;
				}
			}
			tw = best > WORD_WHOLE ? 8 : best;
		}
		m = tw > m ? tw : m;
		i = j + 1;
	}
	return m < w ? m : w;
}

static size_t table_cols(const size_t *w, size_t n)
{
	size_t total = TEXT_MARGIN;
	for (size_t c = 0; c < n; c++)
		total += w[c] + (c ? 2 : 0);
	return total;
}

/* One table row in columns of widths w, its cells wrapped over as many lines as they need. */
static void text_row(FILE *out, char **cells, const struct doc_table *t, const size_t *w,
		     bool header)
{
	size_t nc = t->ncols;
	size_t *at = xcalloc(nc, sizeof(size_t));
	struct buf line = BUF_INIT;
	for (bool more = true; more;) {
		more = false;
		buf_reset(&line);
		buf_adds(&line, "  ");
		for (size_t c = 0; c < nc; c++) {
			const char *s = cells[c] + at[c];
			size_t n = strlen(s), next = 0;
			size_t take = n ? next_line(s, n, w[c], &next) : 0;
			size_t tw = text_cols(s, take);
			size_t pad = tw < w[c] ? w[c] - tw : 0; /* a wide character in a 1-column cell */
			bool right = t->numeric[c] && !header;
			if (right)
				for (size_t k = 0; k < pad; k++)
					buf_addc(&line, ' ');
			buf_add(&line, s, take);
			if (!right)
				for (size_t k = 0; k < pad; k++)
					buf_addc(&line, ' ');
			if (c + 1 < nc)
				buf_adds(&line, "  ");
			at[c] += next;
			if (cells[c][at[c]])
				more = true;
		}
		while (line.len && line.s[line.len - 1] == ' ')
			line.len--;
		fwrite(line.s, 1, line.len, out);
		fputc('\n', out);
	}
	buf_release(&line);
	free(at);
}

/*
 * A linked cell as text: the address alone when it holds the text (an id in
 * its link), else the text and the address.
 */
static void add_linked(struct buf *b, const char *text, const char *href)
{
	if (*text && strstr(href, text)) {
		add_flat(b, href);
		return;
	}
	add_flat(b, text);
	buf_addf(b, "%s", *text ? " " : "");
	add_flat(b, href);
}

/*
 * Every cell of t, header first (row 0), flattened to one line and capped;
 * nat[c] is column c's natural width, minw[c] the narrowest it can wrap to.
 */
static char **text_cells(const struct doc_table *t, size_t *nat, size_t *minw)
{
	size_t nc = t->ncols, ncells = (t->nrows + 1) * nc;
	char **cell = xcalloc(ncells, sizeof(char *));
	for (size_t i = 0; i < ncells; i++) {
		struct buf b = BUF_INIT;
		const char *href = NULL;
		const char *text = i < nc ? t->cols[i] : doc_cell_at(t, i / nc - 1, i % nc, &href);
		if (href)
			add_linked(&b, text, href);
		else
			add_flat(&b, text);
		if (text_cols(b.s, b.len) > CELL_CAP) {
			buf_setlen(&b, fit(b.s, b.len, CELL_CAP - 1));
			buf_adds(&b, "…");
		}
		size_t c = i % nc, cw = text_cols(b.s, b.len);
		/* a header wraps at its spaces only; numbers never wrap */
		size_t m = i < nc ? cell_min(b.s, b.len) : t->numeric[c] ? cw : cell_min(b.s, b.len);
		if (i < nc && m > WORD_WHOLE)
			m = WORD_WHOLE;
		nat[c] = cw > nat[c] ? cw : nat[c];
		minw[c] = m > minw[c] ? m : minw[c];
		cell[i] = buf_detach(&b);
	}
	for (size_t c = 0; c < nc; c++) {
		if (minw[c] > nat[c])
			minw[c] = nat[c];
		if (!nat[c])
			nat[c] = minw[c] = 1;
	}
	return cell;
}

/* Columns side by side, the widest that can give narrowed first until the line fits. */
static void text_grid(const struct doc_table *t, char **cell, const size_t *minw, size_t *w,
		      FILE *out, size_t width)
{
	size_t nc = t->ncols;
	while (table_cols(w, nc) > width) {
		size_t pick = nc;
		for (size_t c = 0; c < nc; c++)
			if (w[c] > minw[c] && (pick == nc || w[c] > w[pick]))
				pick = c;
		w[pick]--;
	}
	for (size_t r = 0; r <= t->nrows; r++) {
		text_row(out, cell + r * nc, t, w, r == 0);
		if (r == 0) {
			fputs("  ", out);
			for (size_t c = 0; c < nc; c++) {
				for (size_t k = 0; k < w[c]; k++)
					fputc('-', out);
				if (c + 1 < nc)
					fputs("  ", out);
			}
			fputc('\n', out);
		}
	}
}

/* Too many columns for the line: one record a row, "column  value". */
static void text_records(const struct doc_table *t, char **cell, FILE *out, size_t width)
{
	size_t nc = t->ncols, kcols = 1;
	for (size_t c = 0; c < nc; c++) {
		size_t hw = text_cols(cell[c], strlen(cell[c]));
		kcols = hw > kcols ? hw : kcols;
	}
	kcols = key_cols(kcols, width);
	for (size_t r = 1; r <= t->nrows; r++) {
		if (r > 1)
			fputc('\n', out);
		for (size_t c = 0; c < nc; c++)
			if (cell[r * nc + c][0])
				text_kv(out, cell[c], cell[r * nc + c], kcols, width);
	}
}

static void text_table(const struct doc_table *t, FILE *out, size_t width)
{
	size_t nc = t->ncols, ncells = (t->nrows + 1) * nc;
	size_t *nat = xcalloc(nc, sizeof(size_t)), *minw = xcalloc(nc, sizeof(size_t));
	char **cell = text_cells(t, nat, minw);
	if (table_cols(minw, nc) <= width)
		text_grid(t, cell, minw, nat, out, width);
	else
		text_records(t, cell, out, width);
	if (t->nrows == 0)
		fputs("  (none)\n", out);
	for (size_t i = 0; i < ncells; i++)
		free(cell[i]);
	free(cell);
	free(nat);
	free(minw);
}

static void render_text(const struct doc *d, FILE *out, size_t columns)
{
	/* the last columns stay free: a terminal wraps a line that fills its width */
	size_t width = columns > 10 + TEXT_MARGIN ? columns - TEXT_MARGIN : 10;
	size_t prose = width < PROSE_MAX ? width : PROSE_MAX;
	size_t kcols = 1; /* the key column of the current run of key/value lines */
	for (size_t i = 0; i < d->n; i++) {
		const struct doc_block *b = &d->blocks[i];
		switch (b->kind) {
		case DOC_HEADING: {
			struct buf flat = BUF_INIT;
			add_flat(&flat, b->text);
			size_t w = text_cols(flat.s, flat.len);
			if (i)
				fputc('\n', out);
			wrap(out, flat.s, "", "", prose);
			if (b->level < 3) {
				for (size_t k = 0; k < (w < prose ? w : prose); k++)
					fputc(b->level == 1 ? '=' : '-', out);
				fputc('\n', out);
			}
			buf_release(&flat);
			break;
		}
		case DOC_PARA:
			wrap(out, b->text, "", "", prose);
			if (i + 1 < d->n && d->blocks[i + 1].kind != DOC_HEADING)
				fputc('\n', out);
			break;
		case DOC_ITEM: {
			/* a link to the page's own anchor has no use in text */
			char *t = b->href && b->href[0] != '#'
					  ? xasprintf("%s %s: %s", b->text, b->link_text, b->href)
					  : NULL;
			wrap(out, t ? t : b->text, "  - ", "    ", prose);
			free(t);
			if (i + 1 < d->n && d->blocks[i + 1].kind != DOC_ITEM &&
			    d->blocks[i + 1].kind != DOC_HEADING)
				fputc('\n', out);
			break;
		}
		case DOC_KV:
			if (i == 0 || d->blocks[i - 1].kind != DOC_KV)
				kcols = key_cols(kv_run_keys(d, i), width);
			text_kv(out, b->text, b->value, kcols, prose);
			if (i + 1 < d->n && d->blocks[i + 1].kind != DOC_KV &&
			    d->blocks[i + 1].kind != DOC_HEADING)
				fputc('\n', out);
			break;
		case DOC_TABLE:
			text_table(b->table, out, width);
			if (i + 1 < d->n && d->blocks[i + 1].kind != DOC_HEADING)
				fputc('\n', out);
			break;
		case DOC_HTML:
		case DOC_TOC:
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
			if (b->href && b->href[0] != '#') {
				fputs(" [", out);
				md_text(out, b->link_text);
				fprintf(out, "](%s)", b->href);
			}
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
					const char *href;
					const char *text = doc_cell_at(t, r, c, &href);
					fputs(href ? " [" : " ", out);
					md_text(out, text);
					if (href)
						fprintf(out, "](%s)", href);
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
		case DOC_TOC:
			break;
		}
	}
}

/* ---- HTML ---- */

/*
 * Tables never break a cell at any character: a wide table scrolls sideways
 * in its own box, dates, ids, numbers and headers stay on one line, and only
 * columns of prose (snippets, evidence) wrap, at spaces.
 */
static const char css[] =
	"body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1f24;"
	"background:#fff;margin:0}"
	"main{max-width:68rem;margin:0 auto;padding:1.5rem 1.25rem 4rem}"
	"h1{font-size:1.7rem;margin:.2rem 0 1rem;border-bottom:3px solid #1d6fb8;padding-bottom:.3rem}"
	"h2{font-size:1.3rem;margin:2.2rem 0 .6rem;border-bottom:1px solid #d0d7de;"
	"padding-bottom:.2rem}"
	"h3{font-size:1.05rem;margin:1.4rem 0 .4rem}"
	"p{margin:.4rem 0 .8rem}ul{margin:.3rem 0 .9rem;padding-left:1.3rem}"
	"a{color:#0b5cad}"
	"dl{display:grid;grid-template-columns:max-content auto;gap:.15rem 1rem;margin:.4rem 0 1rem}"
	"dt{color:#57606a}dd{margin:0;font-weight:600}"
	".scroll{overflow-x:auto;margin:.4rem 0 1.2rem}"
	"table{border-collapse:collapse;min-width:100%;font-size:.9rem}"
	"th,td{border-bottom:1px solid #d8dee4;padding:.3rem .5rem;text-align:left;"
	"vertical-align:top;white-space:nowrap}"
	"td.t{white-space:normal;min-width:14rem;max-width:34rem}"
	"th{background:#f3f6f9;font-weight:600}td.n,th.n{text-align:right;"
	"font-variant-numeric:tabular-nums}"
	"tbody tr:nth-child(even){background:#fafbfc}"
	"details{margin:-.8rem 0 1.2rem}summary{cursor:pointer;color:#0b5cad}"
	".none{color:#57606a;font-style:italic}"
	"nav.toc{background:#f6f8fa;border:1px solid #d8dee4;border-radius:6px;"
	"padding:.5rem 1rem;margin:1rem 0 1.5rem}nav.toc ul{margin:.2rem 0}"
	"figure{margin:1rem 0 1.6rem}figure svg,figure img{width:100%;max-width:100%;height:auto}"
	"figcaption{color:#57606a;font-size:.85rem}"
	"footer{margin-top:3rem;color:#57606a;font-size:.8rem;border-top:1px solid #d8dee4;"
	"padding-top:.6rem}"
	"@media (max-width:600px){body{font-size:14px}main{padding:1rem .7rem 3rem}"
	"h1{font-size:1.4rem}dl{grid-template-columns:minmax(7rem,38%) 1fr;gap:.15rem .6rem}"
	"td.t{min-width:16rem}"
	/* a chart keeps legible text on a phone: it scrolls rather than shrinks */
	"figure{overflow-x:auto}figure svg{min-width:560px}}"
	"@media print{body{font-size:11pt}main{max-width:none;padding:0}"
	".scroll{overflow:visible}details>*{display:block}"
	"h2{break-after:avoid}tr,figure{break-inside:avoid}}";

#define OPEN_ROWS 12  /* rows of a table shown before the rest fold away */
#define PROSE_AT 40   /* a column with a cell this long, spaces in it, is prose: it wraps */

static void h(FILE *out, const char *s)
{
	struct buf b = BUF_INIT;
	html_escape(&b, s, strlen(s));
	fwrite(b.s, 1, b.len, out);
	buf_release(&b);
}

/* A heading's id: its anchor, else one made from its place in the doc. */
static void heading_id(const struct doc_block *b, size_t i, char out[64])
{
	if (b->anchor)
		snprintf(out, 64, "%s", b->anchor);
	else
		snprintf(out, 64, "s%zu", i);
}

/* The contents: the level 1 and 2 headings after block `from`, 2 nested under 1. */
static void html_toc(const struct doc *d, size_t from, FILE *out)
{
	bool open1 = false, open2 = false;
	char id[64];
	fputs("<nav class=\"toc\" aria-label=\"Contents\"><strong>Contents</strong>\n<ul>\n", out);
	for (size_t i = from; i < d->n; i++) {
		const struct doc_block *b = &d->blocks[i];
		if (b->kind != DOC_HEADING || b->level > 2)
			continue;
		heading_id(b, i, id);
		if (b->level == 1) {
			fputs(open2 ? "</ul></li>\n" : open1 ? "</li>\n" : "", out);
			open1 = true;
			open2 = false;
		} else if (open1 && !open2) {
			fputs("<ul>", out);
			open2 = true;
		}
		fprintf(out, "<li><a href=\"#%s\">", id);
		h(out, b->text);
		fputs(b->level == 1 ? "</a>" : "</a></li>\n", out);
	}
	fputs(open2 ? "</ul></li>" : open1 ? "</li>" : "", out);
	fputs("\n</ul></nav>\n", out);
}

/* Columns of prose: some cell is long and has spaces (a snippet, evidence). */
static bool *prose_columns(const struct doc_table *t)
{
	bool *p = xcalloc(t->ncols, sizeof(bool));
	for (size_t i = 0; i < t->nrows * t->ncols; i++) {
		const char *c = doc_cell_at(t, i / t->ncols, i % t->ncols, NULL);
		if (!t->numeric[i % t->ncols] && strlen(c) > PROSE_AT && strchr(c, ' '))
			p[i % t->ncols] = true;
	}
	return p;
}

static void html_head_row(const struct doc_table *t, FILE *out)
{
	fputs("<thead><tr>", out);
	for (size_t c = 0; c < t->ncols; c++) {
		fputs(t->numeric[c] ? "<th class=\"n\">" : "<th>", out);
		h(out, t->cols[c]);
		fputs("</th>", out);
	}
	fputs("</tr></thead>\n", out);
}

/* Rows [from, to) of t in a scrolling box of their own. */
static void html_rows(const struct doc_table *t, const bool *prose, size_t from, size_t to,
		      FILE *out)
{
	fputs("<div class=\"scroll\"><table>\n", out);
	html_head_row(t, out);
	fputs("<tbody>\n", out);
	for (size_t r = from; r < to; r++) {
		fputs("<tr>", out);
		for (size_t c = 0; c < t->ncols; c++) {
			const char *href;
			const char *text = doc_cell_at(t, r, c, &href);
			fputs(t->numeric[c] ? "<td class=\"n\">" : prose[c] ? "<td class=\"t\">" : "<td>",
			      out);
			if (href) {
				fputs("<a href=\"", out);
				h(out, href);
				fputs("\">", out);
			}
			h(out, text);
			fputs(href ? "</a></td>" : "</td>", out);
		}
		fputs("</tr>\n", out);
	}
	fputs("</tbody>\n</table></div>\n", out);
}

static void html_csv_link(const struct doc_table *t, const char *what, FILE *out)
{
	fprintf(out, "<p>%s <a href=\"", what);
	h(out, t->csv_href);
	fputs("\">", out);
	h(out, t->csv_href);
	fputs("</a>, a CSV file beside this page (a spreadsheet opens it).</p>\n", out);
}

/*
 * A table, complete: the first OPEN_ROWS rows open, the rest folded in a
 * <details> (no script needed), or, past FOLD_ROWS rows and when the page
 * has a CSV file beside it, in that file, which the page links to.
 */
static void html_table(const struct doc_table *t, FILE *out)
{
	if (t->beside) {
		if (t->csv_href) {
			char *what = xasprintf("All %zu rows are in", t->nrows);
			html_csv_link(t, what, out);
			free(what);
		} else {
			fprintf(out, "<p class=\"none\">%zu rows, left out of this page: "
				"--format csv writes them.</p>\n", t->nrows);
		}
		return;
	}
	if (t->nrows == 0) {
		fputs("<p class=\"none\">(none)</p>\n", out);
		return;
	}
	bool *prose = prose_columns(t);
	size_t open = t->nrows <= OPEN_ROWS + 3 ? t->nrows : OPEN_ROWS;
	html_rows(t, prose, 0, open, out);
	if (open < t->nrows && t->csv_href && t->nrows > DOC_HTML_FOLD_ROWS) {
		char *what = xasprintf("The other %zu rows (all %zu) are in", t->nrows - open,
				       t->nrows);
		html_csv_link(t, what, out);
		free(what);
	} else if (open < t->nrows) {
		fprintf(out, "<details><summary>Show the other %zu rows</summary>\n",
			t->nrows - open);
		html_rows(t, prose, open, t->nrows, out);
		fputs("</details>\n", out);
	}
	free(prose);
}

static void html_item(const struct doc_block *b, FILE *out)
{
	fputs("<li>", out);
	h(out, b->text);
	if (b->href) {
		fputs(" <a href=\"", out);
		h(out, b->href);
		fputs("\">", out);
		h(out, b->link_text);
		fputs("</a>", out);
	}
	fputs("</li>\n", out);
}

static void render_html(const struct doc *d, FILE *out, bool page)
{
	char id[64];
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
			heading_id(b, i, id);
			fprintf(out, "<h%d id=\"%s\">", b->level, id);
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
			html_item(b, out);
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
		case DOC_TABLE:
			html_table(b->table, out);
			break;
		case DOC_HTML:
			fputs(b->text, out);
			fputc('\n', out);
			break;
		case DOC_TOC:
			html_toc(d, i + 1, out);
			break;
		}
	}
	if (page) {
		fputs("<footer>", out);
		if (d->footer) {
			h(out, d->footer);
			fputs("<br>", out);
		}
		fputs("Written by dmaudit from the archive alone, offline. Personal data "
		      "is redacted unless the report was made with --reveal.</footer>\n"
		      "</main>\n</body>\n</html>\n",
		      out);
	}
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

static bool all_digits(const char *s, size_t *n)
{
	size_t i = 0;
	while (s[i] >= '0' && s[i] <= '9')
		i++;
	*n = i;
	return i > 0 && s[i] == '\0';
}

/*
 * RFC 4180 quoting. Two kinds of cell get a leading apostrophe inside
 * quotes, the mark spreadsheets take for "this is text": those a
 * spreadsheet would run as a formula (OWASP's list: = + - @ tab CR), and
 * ids, digits only in a text column or of 16 digits or more in any column,
 * which a spreadsheet would read as a number and round to 15 significant
 * digits. The apostrophe was chosen over a leading tab: a program that
 * trims the tab reads the rounded number again, while the apostrophe keeps
 * every digit wherever it lands, at worst shown.
 */
static void csv_cell(FILE *out, const char *s, bool numeric)
{
	size_t digits;
	bool formula = strchr("=+-@\t\r", s[0]) && s[0] && !(numeric && is_number(s));
	bool id = all_digits(s, &digits) && (!numeric || digits >= 16);
	bool quote = formula || id || strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		fputc('"', out);
	if (formula || id)
		fputc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	if (quote)
		fputc('"', out);
}

void doc_table_csv(const struct doc_table *t, FILE *out)
{
	for (size_t c = 0; c < t->ncols; c++) {
		csv_cell(out, t->cols[c], false);
		fputs(c + 1 < t->ncols ? "," : "\r\n", out);
	}
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			csv_cell(out, doc_cell_at(t, r, c, NULL), t->numeric[c]);
			fputs(c + 1 < t->ncols ? "," : "\r\n", out);
		}
}

/* The tables named only (all when NULL), a blank line between them. */
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
		doc_table_csv(t, out);
	}
}

void doc_render(const struct doc *d, enum doc_format f, FILE *out, const char *csv_table)
{
	switch (f) {
	case DOC_TEXT: render_text(d, out, 80); break;
	case DOC_MD: render_md(d, out); break;
	case DOC_HTML_PAGE: render_html(d, out, true); break;
	case DOC_HTML_PART: render_html(d, out, false); break;
	case DOC_CSV: render_csv(d, out, csv_table); break;
	}
}

void doc_render_text(const struct doc *d, FILE *out, int columns)
{
	render_text(d, out, columns > 0 ? (size_t)columns : 80);
}
