#include "jrows.h"
#include "buf.h"
#include "jsonw.h"
#include "xalloc.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct jrows {
	const json_t *array;  /* the placeholder in the result */
	struct buf text;      /* the rows not yet in the file, one after another */
	int fd;               /* the unlinked temporary file, or -1 */
	size_t in_file;       /* bytes of rows in it: row offsets below are in the file */
	bool memory_only;     /* no file could be made or written: all stays in text */
	size_t *start;        /* row k is bytes [start[k], start[k + 1]) of file then text */
	size_t *at;           /* the order rows are read in */
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
	r->fd = -1;
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

static int temp_file(void)
{
	const char *dir = getenv("TMPDIR");
	char *path = xasprintf("%s/dmaudit-rows-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);   /* 0600 */
	if (fd >= 0)
		unlink(path);
	free(path);
	return fd;
}

/* Move the rows held in memory to the end of the file. */
static void spill(struct jrows *r)
{
	if (r->fd < 0 && (r->fd = temp_file()) < 0) {
		r->memory_only = true;
		return;
	}
	for (size_t off = 0; off < r->text.len;) {
		ssize_t w = pwrite(r->fd, r->text.s + off, r->text.len - off,
				   (off_t)(r->in_file + off));
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			/* what the file holds stays good; the rest stays here */
			r->memory_only = true;
			return;
		}
		off += (size_t)w;
	}
	r->in_file += r->text.len;
	buf_reset(&r->text);
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
	r->start[++r->n] = r->in_file + r->text.len;
	if (r->text.len >= JROWS_MEMORY_BOUND && !r->memory_only)
		spill(r);
	return r->n - 1;
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
	if (n == r->n)
		memcpy(r->at, order, n * sizeof(*order));
}

const struct jrows *jrows_of(const json_t *a)
{
	/* placeholders are empty arrays: the others need no lookup */
	return json_is_array(a) && !json_array_size(a) ? find(a) : NULL;
}

size_t jrows_count(const struct jrows *r)
{
	return r->n;
}

const char *jrows_text(const struct jrows *r, size_t i, struct buf *scratch, size_t *len)
{
	size_t k = r->at[i], from = r->start[k];
	*len = r->start[k + 1] - from;
	if (from >= r->in_file)
		return r->text.s + (from - r->in_file);
	buf_reset(scratch);
	buf_grow(scratch, *len);
	for (size_t got = 0; got < *len;) {
		ssize_t n = pread(r->fd, scratch->s + got, *len - got, (off_t)(from + got));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (!n)
				errno = EIO;
			return NULL;
		}
		got += (size_t)n;
	}
	buf_setlen(scratch, *len);
	return scratch->s;
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
	return r ? r->n : json_array_size(a);
}

void jrows_open(struct jrows_iter *it, const json_t *a)
{
	memset(it, 0, sizeof(*it));
	buf_init(&it->scratch);
	it->a = a;
	it->rows = jrows_of(a);
	it->n = it->rows ? it->rows->n : json_array_size(a);
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
		buf_release(&r->text);
		if (r->fd >= 0)
			close(r->fd);
		free(r->start);
		free(r->at);
		free(r);
	}
	pthread_mutex_unlock(&mu);
}
