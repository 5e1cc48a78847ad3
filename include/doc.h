/*
 * doc: a small document model that every report is written into once and
 * rendered from in each output format: text for the terminal, Markdown,
 * HTML (escaped, self-contained) and CSV (the tables only).
 *
 * Blocks are headings, paragraphs, bullet items, key/value lines, tables and
 * raw HTML fragments (charts), in order. A doc owns all its strings; text
 * passed in is copied. Text from the archive goes in as is: each renderer
 * escapes for its own format.
 */
#ifndef DMAUDIT_DOC_H
#define DMAUDIT_DOC_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum doc_block_kind { DOC_HEADING, DOC_PARA, DOC_ITEM, DOC_KV, DOC_TABLE, DOC_HTML };

struct doc_table {
	char *name;        /* short id, used by CSV ("conversations") */
	size_t ncols;
	char **cols;
	char **cells;      /* nrows * ncols, row-major */
	size_t ncells, acells;
	size_t nrows;      /* complete rows */
	bool *numeric;     /* per column: right-align */
};

struct doc_block {
	enum doc_block_kind kind;
	int level;         /* heading level 1-3 */
	char *text;        /* heading, paragraph, item, key, raw html */
	char *value;       /* kv value */
	struct doc_table *table;
};

struct doc {
	struct doc_block *blocks;
	size_t n, alloc;
	char *title;
};

void doc_init(struct doc *d, const char *title);
void doc_release(struct doc *d);

void doc_heading(struct doc *d, int level, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void doc_para(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void doc_item(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void doc_kv(struct doc *d, const char *key, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void doc_html(struct doc *d, const char *html);

/* A table: columns named in a NULL-terminated list; a leading '>' marks a numeric column. */
struct doc_table *doc_table(struct doc *d, const char *name, const char *const *cols);
/* Append one cell (rows fill left to right, top to bottom). */
void doc_cell(struct doc_table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

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
