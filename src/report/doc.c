#include "doc.h"
#include "buf.h"
#include "html.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

void doc_init(struct doc *d, const char *title)
{
	memset(d, 0, sizeof(*d));
	d->title = xstrdup(title ? title : "dmaudit report");
}

struct doc_row_cache {
	size_t row;
	bool valid;
	struct spill_cursor cursor;   /* rows are mostly read in order */
	const char **cells, **links;
};

static void table_free(struct doc_table *t)
{
	if (!t)
		return;
	free(t->name);
	for (size_t i = 0; i < t->ncols; i++)
		free(t->cols[i]);
	free(t->cols);
	spill_release(&t->rows);
	spill_cursor_release(&t->cache->cursor);
	free(t->cache->cells);
	free(t->cache->links);
	free(t->cache);
	free(t->numeric);
	free(t->csv_href);
	free(t);
}

void doc_release(struct doc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->blocks[i].text);
		free(d->blocks[i].value);
		free(d->blocks[i].anchor);
		free(d->blocks[i].href);
		free(d->blocks[i].link_text);
		table_free(d->blocks[i].table);
	}
	free(d->blocks);
	free(d->title);
	free(d->footer);
	memset(d, 0, sizeof(*d));
}

static struct doc_block *add(struct doc *d, enum doc_block_kind k)
{
	ALLOC_GROW(d->blocks, d->n + 1, d->alloc);
	struct doc_block *b = &d->blocks[d->n++];
	memset(b, 0, sizeof(*b));
	b->kind = k;
	return b;
}

static char *vfmt(const char *fmt, va_list ap)
{
	struct buf b = BUF_INIT;
	buf_vaddf(&b, fmt, ap);
	return buf_detach(&b);
}

void doc_heading(struct doc *d, int level, const char *fmt, ...)
{
	va_list ap;
	struct doc_block *b = add(d, DOC_HEADING);
	b->level = level < 1 ? 1 : level > 3 ? 3 : level;
	va_start(ap, fmt);
	b->text = vfmt(fmt, ap);
	va_end(ap);
}

void doc_para(struct doc *d, const char *fmt, ...)
{
	va_list ap;
	struct doc_block *b = add(d, DOC_PARA);
	va_start(ap, fmt);
	b->text = vfmt(fmt, ap);
	va_end(ap);
}

void doc_item(struct doc *d, const char *fmt, ...)
{
	va_list ap;
	struct doc_block *b = add(d, DOC_ITEM);
	va_start(ap, fmt);
	b->text = vfmt(fmt, ap);
	va_end(ap);
}

void doc_kv(struct doc *d, const char *key, const char *fmt, ...)
{
	va_list ap;
	struct doc_block *b = add(d, DOC_KV);
	b->text = xstrdup(key);
	va_start(ap, fmt);
	b->value = vfmt(fmt, ap);
	va_end(ap);
}

void doc_html(struct doc *d, const char *html)
{
	add(d, DOC_HTML)->text = xstrdup(html);
}

void doc_heading_at(struct doc *d, int level, const char *anchor, const char *fmt, ...)
{
	va_list ap;
	struct doc_block *b = add(d, DOC_HEADING);
	b->level = level < 1 ? 1 : level > 3 ? 3 : level;
	b->anchor = xstrdup(anchor);
	va_start(ap, fmt);
	b->text = vfmt(fmt, ap);
	va_end(ap);
}

void doc_item_link(struct doc *d, const char *href, const char *link_text, const char *fmt, ...)
{
	va_list ap;
	struct doc_block *b = add(d, DOC_ITEM);
	va_start(ap, fmt);
	b->text = vfmt(fmt, ap);
	va_end(ap);
	if (href) {
		b->href = xstrdup(href);
		b->link_text = xstrdup(link_text ? link_text : href);
	}
}

void doc_toc(struct doc *d)
{
	add(d, DOC_TOC);
}

void doc_footer(struct doc *d, const char *fmt, ...)
{
	va_list ap;
	free(d->footer);
	va_start(ap, fmt);
	d->footer = vfmt(fmt, ap);
	va_end(ap);
}

struct doc_table *doc_table(struct doc *d, const char *name, const char *const *cols)
{
	struct doc_table *t = xcalloc(1, sizeof(*t));
	while (cols[t->ncols])
		t->ncols++;
	t->cols = xcalloc(t->ncols, sizeof(char *));
	t->numeric = xcalloc(t->ncols, sizeof(bool));
	for (size_t i = 0; i < t->ncols; i++) {
		t->numeric[i] = cols[i][0] == '>';
		t->cols[i] = xstrdup(cols[i] + t->numeric[i]);
	}
	t->name = xstrdup(name);
	spill_init(&t->rows, DOC_TABLE_MEMORY);
	t->cache = xcalloc(1, sizeof(*t->cache));
	t->cache->cursor = (struct spill_cursor)SPILL_CURSOR_INIT;
	t->cache->cells = xcalloc(t->ncols + 1, sizeof(char *));
	t->cache->links = xcalloc(t->ncols + 1, sizeof(char *));
	add(d, DOC_TABLE)->table = t;
	return t;
}

static void cell_add(struct doc_table *t, const char *href, char *text)
{
	struct buf *b = spill_begin(&t->rows);
	buf_adds(b, text);
	buf_addc(b, 0);
	buf_adds(b, href ? href : "");
	buf_addc(b, 0);
	free(text);
	if (++t->filled == t->ncols) {
		spill_end(&t->rows);
		t->filled = 0;
		t->nrows++;
	}
}

const char *doc_cell_at(const struct doc_table *t, size_t r, size_t c, const char **href)
{
	struct doc_row_cache *k = t->cache;
	if (!k->valid || k->row != r) {
		size_t len = 0;
		const char *s = r < t->nrows ? spill_get_next(&t->rows, r, &k->cursor, &len) : NULL;
		const char *end = s ? s + len : NULL;
		for (size_t i = 0; i < t->ncols; i++) {
			k->cells[i] = s && s < end ? s : "";
			s = s && s < end ? s + strlen(s) + 1 : NULL;
			k->links[i] = s && s < end ? s : "";
			s = s && s < end ? s + strlen(s) + 1 : NULL;
		}
		k->row = r;
		k->valid = true;
	}
	if (href)
		*href = *k->links[c] ? k->links[c] : NULL;
	return k->cells[c];
}

void doc_cell(struct doc_table *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = vfmt(fmt, ap);
	va_end(ap);
	cell_add(t, NULL, text);
}

void doc_cell_link(struct doc_table *t, const char *href, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = vfmt(fmt, ap);
	va_end(ap);
	cell_add(t, href, text);
}

void doc_append(struct doc *to, struct doc *from)
{
	for (size_t i = 0; i < from->n; i++) {
		ALLOC_GROW(to->blocks, to->n + 1, to->alloc);
		to->blocks[to->n++] = from->blocks[i];
	}
	free(from->blocks);
	from->blocks = NULL;
	from->n = from->alloc = 0;
}
