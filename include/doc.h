/*
 * doc: a small document model that every report is written into once and
 * rendered from in each output format: text for the terminal, Markdown,
 * HTML (escaped, self-contained) and CSV (the tables only).
 *
 * Blocks are headings, paragraphs, bullet items, key/value lines, tables,
 * raw HTML fragments (charts) and a table of contents, in order. Headings
 * may carry an anchor, items and table cells a link (an x.com address or
 * "#anchor"). A doc owns all its strings; text passed in is copied. Text
 * from the archive goes in as is: each renderer escapes for its own format.
 */
#ifndef DMAUDIT_DOC_H
#define DMAUDIT_DOC_H

#include "spill.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum doc_block_kind { DOC_HEADING, DOC_PARA, DOC_ITEM, DOC_KV, DOC_TABLE, DOC_HTML, DOC_TOC };

struct doc_row_cache;

/*
 * A table's rows are records of a spill list (spill.h): a table of a
 * hundred thousand rows holds DOC_TABLE_MEMORY bytes of them in memory and
 * the rest in a temporary file. Read a cell with doc_cell_at().
 */
#define DOC_TABLE_MEMORY ((size_t)256 << 10)

struct doc_table {
	char *name;        /* short id, used by CSV ("conversations") */
	size_t ncols;
	char **cols;
	struct spill rows; /* a record a row: per cell its text, NUL, its link ("" none), NUL */
	size_t filled;     /* cells of the row being filled */
	size_t nrows;      /* complete rows */
	struct doc_row_cache *cache; /* the row doc_cell_at read last */
	bool *numeric;     /* per column: right-align */
	bool beside;       /* HTML: a reference table, linked (csv_href) rather than shown */
	char *csv_href;    /* HTML: the CSV file beside the page that holds every row */
};

struct doc_block {
	enum doc_block_kind kind;
	int level;         /* heading level 1-3 */
	char *text;        /* heading, paragraph, item, key, raw html */
	char *value;       /* kv value */
	char *anchor;      /* heading: its id in HTML ("exposure-findings"), or NULL */
	char *href;        /* item: where it points ("#anchor" or an address), or NULL */
	char *link_text;   /* item: the words of that link */
	struct doc_table *table;
};

struct doc {
	struct doc_block *blocks;
	size_t n, alloc;
	char *title;
	char *footer;      /* HTML: the page's last line (version, archive, dates) */
};

void doc_init(struct doc *d, const char *title);
void doc_release(struct doc *d);

void doc_heading(struct doc *d, int level, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void doc_para(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void doc_item(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void doc_kv(struct doc *d, const char *key, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void doc_html(struct doc *d, const char *html);
/* A heading with an anchor that items and the contents link to. */
void doc_heading_at(struct doc *d, int level, const char *anchor, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/*
 * An item followed by a link: in HTML an <a>; in text and Markdown the
 * words, and the address unless it is an anchor of the page.
 */
void doc_item_link(struct doc *d, const char *href, const char *link_text, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* The contents: in HTML, links to the headings of levels 1-2 that follow. */
void doc_toc(struct doc *d);
void doc_footer(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A table: columns named in a NULL-terminated list; a leading '>' marks a numeric column. */
struct doc_table *doc_table(struct doc *d, const char *name, const char *const *cols);
/* Append one cell (rows fill left to right, top to bottom). */
void doc_cell(struct doc_table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/*
 * A cell that links to href (NULL: none). HTML makes it an <a>; text and
 * Markdown show the address too (the text, then the address, unless the
 * address already holds the text); CSV writes the text only.
 */
void doc_cell_link(struct doc_table *t, const char *href, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Cell c of row r (below nrows) and, when href is not NULL, its link (NULL:
 * none): valid until the next call on the same table. "" when the row
 * cannot be read back.
 */
const char *doc_cell_at(const struct doc_table *t, size_t r, size_t c, const char **href);

/*
 * HTML shows a long table's first rows and folds the rest; a table longer
 * than this is, when the page has a CSV file beside it (csv_href), linked
 * there instead, so the page stays small whatever the archive's size.
 */
#define DOC_HTML_FOLD_ROWS 1000

enum doc_format { DOC_TEXT, DOC_MD, DOC_HTML_PAGE, DOC_HTML_PART, DOC_CSV };

/*
 * Render to out. DOC_HTML_PAGE writes a whole self-contained page (inline
 * CSS, no scripts, no network); DOC_HTML_PART only the body fragment. CSV
 * writes the tables named csv_table (all tables when NULL), cells guarded
 * against spreadsheet formulas.
 */
void doc_render(const struct doc *d, enum doc_format f, FILE *out, const char *csv_table);

/*
 * Text fitted to a line of columns (the terminal's width; DOC_TEXT is 80):
 * paragraphs wrap, tables wrap their long cells, or become one record a row
 * when their columns cannot fit.
 */
void doc_render_text(const struct doc *d, FILE *out, int columns);

/*
 * One table as CSV (RFC 4180, CRLF): a header line, then its rows. Cells a
 * spreadsheet would run as a formula (= + - @ tab CR) are quoted with a
 * leading apostrophe; so are ids (digits only in a text column, or 16
 * digits or more anywhere), which a spreadsheet would otherwise round to
 * 15 significant digits.
 */
void doc_table_csv(const struct doc_table *t, FILE *out);

/* Append a doc's blocks to another (for `report all`). */
void doc_append(struct doc *to, struct doc *from);

#endif
