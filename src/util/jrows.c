#include "jrows.h"
#include "buf.h"
#include "jsonw.h"
#include "spill.h"
#include "xalloc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct jrows {
	const json_t *array;  /* the placeholder in the result */
	struct spill text;    /* the rows' text, a record a row */
	size_t *at;           /* the order rows are read in */
	size_t alloc;
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
	spill_init(&r->text, JROWS_MEMORY_BOUND);
	r->alloc = 64;
	r->at = xmalloc(r->alloc * sizeof(*r->at));
	pthread_mutex_lock(&mu);
	r->next = all;
	all = r;
	pthread_mutex_unlock(&mu);
	return a;
}

size_t jrows_add(json_t *rows, const json_t *v)
{
	struct jrows *r = find(rows);
	size_t n = spill_count(&r->text);
	if (n == r->alloc) {
		r->alloc *= 2;
		r->at = xrealloc(r->at, r->alloc * sizeof(*r->at));
	}
	jsonw_text(spill_begin(&r->text), v);
	r->at[n] = n;
	return spill_end(&r->text);
}

json_t *jrows_from(json_t *a)
{
	json_t *rows = jrows_new(), *v;
	size_t i;
	json_array_foreach(a, i, v)
		jrows_add(rows, v);
	json_decref(a);
	return rows;
}

void jrows_order(json_t *rows, const size_t *order, size_t n)
{
	struct jrows *r = find(rows);
	if (n == spill_count(&r->text))
		memcpy(r->at, order, n * sizeof(*order));
}

const struct jrows *jrows_of(const json_t *a)
{
	/* placeholders are empty arrays: the others need no lookup */
	return json_is_array(a) && !json_array_size(a) ? find(a) : NULL;
}

size_t jrows_count(const struct jrows *r)
{
	return spill_count(&r->text);
}

const char *jrows_text(const struct jrows *r, size_t i, struct buf *scratch, size_t *len)
{
	return spill_get(&r->text, r->at[i], scratch, len);
}

json_t *jrows_tree(const json_t *v)
{
	if (json_is_object(v)) {
		json_t *o = json_object(), *x;
		const char *k;
		json_object_foreach((json_t *)v, k, x) {
			json_t *c = jrows_tree(x);
			if (!c) {
				json_decref(o);
				return NULL;
			}
			json_object_set_new(o, k, c);
		}
		return o;
	}
	if (!json_is_array(v))
		return json_deep_copy(v);
	json_t *a = json_array();
	struct jrows_iter it;
	for (json_t *e = jrows_first(&it, v); e; e = jrows_next(&it))
		json_array_append_new(a, jrows_tree(e));
	if (it.failed) {
		json_decref(a);
		return NULL;
	}
	return a;
}

size_t jrows_size(const json_t *a)
{
	const struct jrows *r = jrows_of(a);
	return r ? jrows_count(r) : json_array_size(a);
}

void jrows_open(struct jrows_iter *it, const json_t *a)
{
	memset(it, 0, sizeof(*it));
	buf_init(&it->scratch);
	it->a = a;
	it->rows = jrows_of(a);
	it->n = it->rows ? jrows_count(it->rows) : json_array_size(a);
}

json_t *jrows_get(struct jrows_iter *it, size_t i)
{
	json_decref(it->cur);
	it->cur = NULL;
	if (i >= it->n)
		return NULL;
	if (!it->rows)
		return json_array_get(it->a, i);
	size_t len;
	const char *s = jrows_text(it->rows, i, &it->scratch, &len);
	if (!s || !(it->cur = json_loadb(s, len, JSON_DECODE_ANY, NULL)))
		it->failed = true;
	return it->cur;
}

json_t *jrows_first(struct jrows_iter *it, const json_t *a)
{
	jrows_open(it, a);
	it->i = (size_t)-1;
	return jrows_next(it);
}

json_t *jrows_next(struct jrows_iter *it)
{
	json_t *v = ++it->i < it->n ? jrows_get(it, it->i) : NULL;
	if (!v)
		jrows_stop(it);
	return v;
}

void jrows_stop(struct jrows_iter *it)
{
	json_decref(it->cur);
	it->cur = NULL;
	it->i = it->n;
	buf_release(&it->scratch);
}

void jrows_release_all(void)
{
	pthread_mutex_lock(&mu);
	while (all) {
		struct jrows *r = all;
		all = r->next;
		spill_release(&r->text);
		free(r->at);
		free(r);
	}
	pthread_mutex_unlock(&mu);
}
