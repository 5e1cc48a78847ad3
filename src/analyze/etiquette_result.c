/*
 * etiquette_result: the typed result's lists as records on spill lists, and
 * autodm's verdicts applied when the rows are read (etiquette.h).
 *
 * A record is the row's struct with its pointers cleared, then its four
 * strings (a 32-bit length, UINT32_MAX for NULL, the bytes and a NUL), then
 * its reply seconds. Reading copies the struct out (records are not
 * aligned) and points the strings into the record's bytes.
 */
#include "etiquette.h"
#include "exitcode.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Bytes of a list kept in memory before it moves to its temporary file. */
#define LIST_BOUND ((size_t)64 << 10)

void etiquette_add(struct etiquette_result *r, enum etiquette_list list,
		   const struct etiquette_row *row)
{
	struct spill *s = &r->lists[list];
	struct buf *b = spill_begin(s);
	/* field by field on zeros: no padding byte is left unset in the file */
	struct etiquette_row head;
	memset(&head, 0, sizeof(head));
	head.counterpart = row->counterpart;
	head.at = row->at;
	head.last_at = row->last_at;
	head.messages = row->messages;
	head.age_seconds = row->age_seconds;
	head.owner_before = row->owner_before;
	head.tweet_id = row->tweet_id;
	head.first_response.set = row->first_response.set;
	head.first_response.s = row->first_response.s;
	head.owner_first = row->owner_first;
	head.cold = row->cold;
	head.first_has_url = row->first_has_url;
	head.counterpart_replied = row->counterpart_replied;
	head.dm_followed = row->dm_followed;
	head.within_7_days = row->within_7_days;
	head.nreplies = row->nreplies;
	buf_add(b, &head, sizeof(head));
	spill_put_str(b, row->conversation_id);
	spill_put_str(b, row->handle);
	spill_put_str(b, row->snippet);
	spill_put_str(b, row->cue);
	if (row->nreplies)
		buf_add(b, row->reply_seconds, row->nreplies * sizeof(*row->reply_seconds));
	spill_end(s);
}

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static bool has_id(const int64_t *v, size_t n, int64_t id)
{
	return n && bsearch(&id, v, n, sizeof(*v), cmp_id);
}

bool etiquette_is_automated(const struct etiquette_result *r, int64_t account)
{
	return has_id(r->automated_ids, r->nautomated, account);
}

size_t etiquette_count(const struct etiquette_result *r, enum etiquette_list list)
{
	return spill_count(&r->lists[list]);
}

void etiquette_open(struct etiquette_iter *it, const struct etiquette_result *r,
		    enum etiquette_list list)
{
	memset(it, 0, sizeof(*it));
	it->cursor = (struct spill_cursor)SPILL_CURSOR_INIT;
	it->r = r;
	it->list = list;
	it->n = etiquette_count(r, list);
}

const struct etiquette_row *etiquette_get(struct etiquette_iter *it, size_t i)
{
	size_t len;
	if (i >= it->n)
		return NULL;
	const char *rec = spill_get_next(&it->r->lists[it->list], i, &it->cursor, &len);
	if (!rec || len < sizeof(it->row)) {
		it->failed = true;
		return NULL;
	}
	const char *end = rec + len, *p = rec;
	bool ok = true;
	struct etiquette_row *row = &it->row;
	memcpy(row, p, sizeof(*row));
	p += sizeof(*row);
	row->conversation_id = spill_get_str(&p, end, &ok);
	row->handle = spill_get_str(&p, end, &ok);
	row->snippet = spill_get_str(&p, end, &ok);
	row->cue = spill_get_str(&p, end, &ok);
	if (!ok || (size_t)(end - p) != row->nreplies * sizeof(int64_t)) {
		it->failed = true;
		return NULL;
	}
	ALLOC_GROW(it->replies, row->nreplies, it->areplies);
	if (row->nreplies)
		memcpy(it->replies, p, row->nreplies * sizeof(int64_t));
	row->reply_seconds = it->replies;
	row->automated = etiquette_is_automated(it->r, row->counterpart);
	row->maybe_automated = !row->automated &&
			       has_id(it->r->likely_ids, it->r->nlikely, row->counterpart);
	return row;
}

const struct etiquette_row *etiquette_first(struct etiquette_iter *it,
					    const struct etiquette_result *r,
					    enum etiquette_list list)
{
	etiquette_open(it, r, list);
	it->i = (size_t)-1;
	return etiquette_next(it);
}

const struct etiquette_row *etiquette_next(struct etiquette_iter *it)
{
	const struct etiquette_row *e = ++it->i < it->n ? etiquette_get(it, it->i) : NULL;
	if (!e)
		etiquette_stop(it);
	return e;
}

void etiquette_stop(struct etiquette_iter *it)
{
	it->i = it->n;
	spill_cursor_release(&it->cursor);
	free(it->replies);
	it->replies = NULL;
	it->areplies = 0;
}

struct etiquette_result *etiquette_result_new(void)
{
	struct etiquette_result *r = xcalloc(1, sizeof(*r));
	for (int i = 0; i < ETIQUETTE_LISTS; i++)
		spill_init(&r->lists[i], LIST_BOUND);
	return r;
}

void etiquette_result_free(struct etiquette_result *r)
{
	if (!r)
		return;
	for (int i = 0; i < ETIQUETTE_LISTS; i++)
		spill_release(&r->lists[i]);
	free(r->time_zone);
	free(r->months);
	free(r->automated_ids);
	free(r->likely_ids);
	free(r);
}

static int64_t *copy_ids(const int64_t *v, size_t n)
{
	int64_t *c = xmalloc((n ? n : 1) * sizeof(*c));
	if (n)
		memcpy(c, v, n * sizeof(*c));
	return c;
}

int etiquette_judge(struct etiquette_result *r, const struct autodm_verdicts *v,
		    struct err *err)
{
	free(r->automated_ids);
	free(r->likely_ids);
	r->automated_ids = copy_ids(v->automated, v->nautomated);
	r->nautomated = v->nautomated;
	r->likely_ids = copy_ids(v->likely, v->nlikely);
	r->nlikely = v->nlikely;
	r->judged = true;
	/*
	 * Near-certain automated senders need no answer: counted, so the advice
	 * can leave them out. The likely ones may be customers: they stay in
	 * the advice, marked as maybe automated.
	 */
	struct etiquette_iter it;
	int64_t automated = 0;
	for (const struct etiquette_row *e = etiquette_first(&it, r, ETIQUETTE_UNANSWERED); e;
	     e = etiquette_next(&it))
		automated += e->automated;
	if (it.failed)
		return err_set(err, EXIT_IO, "reading the unanswered conversations back from a "
			       "temporary file failed");
	r->unanswered_automated = automated;
	return 0;
}
