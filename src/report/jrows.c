#include "jrows.h"
#include "buf.h"
#include "jsonw.h"
#include "xalloc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct jrows {
	const json_t *array;  /* the placeholder in the result */
	struct buf text;      /* the rows, one after another */
	size_t *start;        /* row i is text[start[at[i]] .. start[at[i] + 1]) */
	size_t *at;           /* the order rows are written in */
	size_t n, alloc;
	struct jrows *next;
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static struct jrows *all;

static struct jrows *find(const json_t *a)
{
	pthread_mutex_lock(&mu);
	struct jrows *r = all;
	while (r && r->array != a)
		r = r->next;
	pthread_mutex_unlock(&mu);
	return r;
}

json_t *jrows_new(void)
{
	json_t *a = json_array();
	struct jrows *r = xcalloc(1, sizeof(*r));
	r->array = a;
	buf_init(&r->text);
	r->alloc = 64;
	r->start = xmalloc((r->alloc + 1) * sizeof(*r->start));
	r->at = xmalloc(r->alloc * sizeof(*r->at));
	r->start[0] = 0;
	pthread_mutex_lock(&mu);
	r->next = all;
	all = r;
	pthread_mutex_unlock(&mu);
	return a;
}

size_t jrows_add(json_t *rows, const json_t *v)
{
	struct jrows *r = find(rows);
	if (r->n == r->alloc) {
		r->alloc *= 2;
		r->start = xrealloc(r->start, (r->alloc + 1) * sizeof(*r->start));
		r->at = xrealloc(r->at, r->alloc * sizeof(*r->at));
	}
	jsonw_text(&r->text, v);
	r->at[r->n] = r->n;
	r->start[++r->n] = r->text.len;
	return r->n - 1;
}

void jrows_order(json_t *rows, const size_t *order, size_t n)
{
	struct jrows *r = find(rows);
	if (n == r->n)
		memcpy(r->at, order, n * sizeof(*order));
}

const struct jrows *jrows_of(const json_t *a)
{
	/* placeholders are empty arrays: the others need no lookup */
	return json_array_size(a) ? NULL : find(a);
}

size_t jrows_count(const struct jrows *r)
{
	return r->n;
}

const char *jrows_text(const struct jrows *r, size_t i, size_t *len)
{
	size_t k = r->at[i];
	*len = r->start[k + 1] - r->start[k];
	return r->text.s + r->start[k];
}

void jrows_release_all(void)
{
	pthread_mutex_lock(&mu);
	while (all) {
		struct jrows *r = all;
		all = r->next;
		buf_release(&r->text);
		free(r->start);
		free(r->at);
		free(r);
	}
	pthread_mutex_unlock(&mu);
}
