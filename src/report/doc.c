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
	for (size_t i = 0; i < t->ncells; i++)
		free(t->cells[i]);
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
		table_free(d->blocks[i].table);
	}
	free(d->blocks);
	free(d->title);
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

void doc_cell(struct doc_table *t, const char *fmt, ...)
{
	va_list ap;
	ALLOC_GROW(t->cells, t->ncells + 1, t->acells);
	va_start(ap, fmt);
	t->cells[t->ncells++] = vfmt(fmt, ap);
	va_end(ap);
	t->nrows = t->ncells / t->ncols;
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
