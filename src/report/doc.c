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

static void table_free(struct doc_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->ncols; i++)
		free(t->cols[i]);
	for (size_t i = 0; i < t->ncells; i++) {
		free(t->cells[i]);
		if (t->links)
			free(t->links[i]);
	}
	free(t->links);
	free(t->csv_href);
	free(t->cols);
	free(t->cells);
	free(t->numeric);
	free(t->name);
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
	add(d, DOC_TABLE)->table = t;
	return t;
}

static void cell_add(struct doc_table *t, const char *href, char *text)
{
	ALLOC_GROW(t->cells, t->ncells + 1, t->acells);
	if (href || t->links) {
		size_t had = t->links ? t->alinks : 0;
		if (t->alinks < t->acells) {
			t->links = xrealloc(t->links, t->acells * sizeof(char *));
			t->alinks = t->acells;
		}
		memset(t->links + had, 0, (t->alinks - had) * sizeof(char *));
		t->links[t->ncells] = href ? xstrdup(href) : NULL;
	}
	t->cells[t->ncells++] = text;
	t->nrows = t->ncells / t->ncols;
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
