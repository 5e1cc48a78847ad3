/*
 * autodm_result: the inbound rows as records on a spill list, and the
 * result's release (autodm_result.h).
 *
 * A record is the row's struct with its pointers cleared, then its handle
 * and template (a 32-bit length, UINT32_MAX for NULL, the bytes and a NUL),
 * its evidence lines (the bytes as counted), then its message ids. Reading
 * copies the struct out (records are not aligned), points the strings into
 * the record and copies the ids into the iterator's array.
 */
#include "autodm_result.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Bytes of the list kept in memory before it moves to its temporary file. */
#define LIST_BOUND ((size_t)256 << 10)

struct autodm_result *autodm_result_new(void)
{
	struct autodm_result *r = xcalloc(1, sizeof(*r));
	spill_init(&r->inbound, LIST_BOUND);
	return r;
}

size_t autodm_add(struct autodm_result *r, const struct autodm_row *row)
{
	struct buf *b = spill_begin(&r->inbound);
	/* field by field on zeros: no padding byte is left unset in the file */
	struct autodm_row head;
	memset(&head, 0, sizeof(head));
	head.account = row->account;
	head.messages = row->messages;
	head.template_id = row->template_id;
	head.first_at = row->first_at;
	head.last_at = row->last_at;
	head.score = row->score;
	head.signal = row->signal;
	head.kind = row->kind;
	head.confidence = row->confidence;
	head.is_auto = row->is_auto;
	head.answered = row->answered;
	head.nevidence = row->nevidence;
	head.evidence_len = row->evidence_len;
	head.nmessage_ids = row->nmessage_ids;
	buf_add(b, &head, sizeof(head));
	spill_put_str(b, row->handle);
	spill_put_str(b, row->template);
	buf_add(b, row->evidence, row->evidence_len);
	buf_add(b, row->message_ids, row->nmessage_ids * sizeof(*row->message_ids));
	return spill_end(&r->inbound);
}

void autodm_open(struct autodm_iter *it, const struct autodm_result *r)
{
	memset(it, 0, sizeof(*it));
	it->cursor = (struct spill_cursor)SPILL_CURSOR_INIT;
	it->r = r;
	it->n = r ? r->ninbound : 0;
}

const struct autodm_row *autodm_get(struct autodm_iter *it, size_t k)
{
	size_t len;
	if (k >= it->n)
		return NULL;
	const char *rec = spill_get_next(&it->r->inbound, it->r->order[k], &it->cursor, &len);
	if (!rec || len < sizeof(it->row)) {
		it->failed = true;
		return NULL;
	}
	const char *end = rec + len, *p = rec;
	bool ok = true;
	struct autodm_row *o = &it->row;
	memcpy(o, p, sizeof(*o));
	p += sizeof(*o);
	o->handle = spill_get_str(&p, end, &ok);
	o->template = spill_get_str(&p, end, &ok);
	size_t ids = (size_t)o->nmessage_ids * sizeof(int64_t);
	if (!ok || (size_t)(end - p) != o->evidence_len + ids) {
		it->failed = true;
		return NULL;
	}
	o->evidence = p;
	p += o->evidence_len;
	if (o->nmessage_ids > it->aids) {
		it->aids = o->nmessage_ids;
		it->ids = xrealloc(it->ids, it->aids * sizeof(*it->ids));
	}
	if (ids)
		memcpy(it->ids, p, ids);
	o->message_ids = it->ids;
	return o;
}

const struct autodm_row *autodm_first(struct autodm_iter *it, const struct autodm_result *r)
{
	autodm_open(it, r);
	it->i = (size_t)-1;
	return autodm_next(it);
}

const struct autodm_row *autodm_next(struct autodm_iter *it)
{
	const struct autodm_row *o = ++it->i < it->n ? autodm_get(it, it->i) : NULL;
	if (!o)
		autodm_stop(it);
	return o;
}

void autodm_stop(struct autodm_iter *it)
{
	it->i = it->n;
	spill_cursor_release(&it->cursor);
	free(it->ids);
	it->ids = NULL;
	it->aids = 0;
}

const char *autodm_evidence_next(const struct autodm_row *o, const char *e)
{
	const char *end = o->evidence + o->evidence_len;
	const char *next = e ? e + strlen(e) + 1 : o->evidence;
	return next < end ? next : NULL;
}

void autodm_result_free(struct autodm_result *r)
{
	if (!r)
		return;
	spill_release(&r->inbound);
	free(r->order);
	free(r->certain);
	free(r->likely);
	free(r->senders);
	free(r->own_ids);
	free(r->own_at);
	for (size_t i = 0; i < r->ntemplates; i++)
		free(r->templates[i].text);
	free(r->templates);
	for (size_t i = 0; i < r->napps; i++) {
		free(r->apps[i].name);
		free(r->apps[i].organization);
	}
	free(r->apps);
	free(r);
}
