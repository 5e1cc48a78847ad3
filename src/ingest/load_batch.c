/*
 * load_batch: the messages go in LOAD_BATCH at a time, one statement for
 * all; a batch that did not insert every row is read back to tell the new
 * messages from the repeats and the edits (load_int.h).
 */
#include "load_int.h"
#include "exitcode.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bind pending message p as the 10 parameters from `first` of st. */
static void bind_pending(struct load *l, sqlite3_stmt *st, int first, const struct pending *p)
{
	const char *t = l->batch_text.s;
	sqlite3_bind_int64(st, first, p->id);
	sqlite3_bind_text(st, first + 1, t + p->conv, (int)p->conv_len, SQLITE_STATIC);
	sqlite3_bind_int64(st, first + 2, p->sender);
	if (p->has_recipient)
		sqlite3_bind_int64(st, first + 3, p->recipient);
	else
		sqlite3_bind_null(st, first + 3);
	sqlite3_bind_int64(st, first + 4, p->created);
	sqlite3_bind_text(st, first + 5, t + p->text, (int)p->text_len, SQLITE_STATIC);
	sqlite3_bind_text(st, first + 6, p->welcome ? "welcome" : "message", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, first + 7, p->media);
	sqlite3_bind_int64(st, first + 8, p->urls);
	sqlite3_bind_int64(st, first + 9, l->snapshot_id);
}

/*
 * The row holding pending message p: inserted by the statement just run
 * when its rowid is past first_new (rows are appended, rowids grow), the
 * same text held before (a repeat: split chunks, parts, a snapshot ingested
 * before), or another text, an edit: both texts are kept in message_version
 * until load_settle_edits picks the newest snapshot's. *rowid gets the row's.
 */
static int held_message(struct load *l, const struct pending *p, int64_t first_new,
			int64_t *rowid, struct err *err)
{
	sqlite3_stmt *st = l->st[S_MSG_HELD];
	const char *t = l->batch_text.s + p->text;
	sqlite3_bind_int64(st, 1, p->id);
	int rc = sqlite3_step(st);
	*rowid = 0;
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? 0 : store_fail(l->store, err, "read failed");
	}
	*rowid = sqlite3_column_int64(st, 0);
	if (*rowid >= first_new) {
		sqlite3_reset(st);
		return 0;
	}
	const char *held = (const char *)sqlite3_column_text(st, 1);
	size_t hn = (size_t)sqlite3_column_bytes(st, 1);
	int64_t held_snap = sqlite3_column_int64(st, 2);
	bool same = hn == p->text_len && (!hn || !memcmp(held, t, hn));
	if (held_snap != l->snapshot_id) {
		sqlite3_stmt *seen = l->st[S_SEEN];
		sqlite3_bind_int64(seen, 1, l->snapshot_id);
		sqlite3_bind_int64(seen, 2, p->id);
		if (store_step_done(l->store, seen, err)) {
			sqlite3_reset(st);
			return -1;
		}
	}
	if (same) {
		sqlite3_reset(st);
		if (held_snap == l->snapshot_id)
			l->repeated++;
		else
			l->known++;
		return 0;
	}
	sqlite3_stmt *v = l->st[S_VERSION_OLD];
	sqlite3_bind_int64(v, 1, p->id);
	sqlite3_bind_int64(v, 2, held_snap);
	sqlite3_bind_text(v, 3, held, (int)hn, SQLITE_TRANSIENT);
	sqlite3_reset(st);
	if (store_step_done(l->store, v, err))
		return -1;
	v = l->st[S_VERSION_NEW];
	sqlite3_bind_int64(v, 1, p->id);
	sqlite3_bind_int64(v, 2, l->snapshot_id);
	sqlite3_bind_text(v, 3, t, (int)p->text_len, SQLITE_STATIC);
	if (store_step_done(l->store, v, err))
		return -1;
	l->edited++;
	return 0;
}

static void count_stored(struct load *l, const struct pending *p)
{
	if (p->group)
		l->stored.group_messages++;
	else
		l->stored.dm_messages++;
}

/*
 * Insert the pending messages. When the batch inserted all of them (a first
 * ingest, nearly always) nothing more is read; otherwise each is looked up
 * to tell the new rows from the repeats and the edits.
 */
int load_flush(struct load *l, struct err *err)
{
	sqlite3 *db = l->store->db;
	int64_t first_new = l->max_rowid + 1;
	int64_t claimed[LOAD_BATCH];
	size_t nclaimed = 0;
	int rc = 0;
	if (l->npending == LOAD_BATCH) {
		sqlite3_stmt *st = l->st[S_MSG_BATCH];
		for (int i = 0; i < LOAD_BATCH; i++)
			bind_pending(l, st, 1 + 10 * i, &l->pending[i]);
		rc = store_step_done(l->store, st, err);
		int64_t k = rc ? 0 : sqlite3_changes64(db);
		l->max_rowid += k;
		for (size_t i = 0; i < l->npending && !rc; i++) {
			if (k == LOAD_BATCH) {
				count_stored(l, &l->pending[i]);
				continue;
			}
			int64_t rowid;
			rc = held_message(l, &l->pending[i], first_new, &rowid, err);
			if (rc || rowid < first_new)
				continue;
			/* the same id twice in one batch: its row counts once */
			bool dup = false;
			for (size_t j = 0; j < nclaimed; j++)
				dup |= claimed[j] == rowid;
			if (!dup) {
				claimed[nclaimed++] = rowid;
				count_stored(l, &l->pending[i]);
			}
		}
	} else {
		for (size_t i = 0; i < l->npending && !rc; i++) {
			bind_pending(l, l->st[S_MSG], 1, &l->pending[i]);
			rc = store_step_done(l->store, l->st[S_MSG], err);
			if (rc)
				break;
			if (sqlite3_changes64(db)) {
				l->max_rowid++;
				count_stored(l, &l->pending[i]);
			} else {
				int64_t rowid;
				rc = held_message(l, &l->pending[i], l->max_rowid + 1, &rowid, err);
			}
		}
	}
	l->npending = 0;
	buf_reset(&l->batch_text);
	return rc;
}

int load_settle_edits(struct load *l, struct err *err)
{
	if (!l->edited)
		return 0;
	sqlite3_stmt *st;
	if (store_prepare(l->store,
			  "UPDATE message SET text = (SELECT v.text FROM message_version v"
			  " JOIN snapshot s ON s.id = v.snapshot_id WHERE v.message_id = message.id"
			  " ORDER BY s.generated_at DESC, s.id DESC LIMIT 1)"
			  " WHERE id IN (SELECT message_id FROM message_version WHERE snapshot_id = ?1)",
			  &st, err))
		return -1;
	sqlite3_bind_int64(st, 1, l->snapshot_id);
	int rc = store_step_done(l->store, st, err);
	sqlite3_finalize(st);
	return rc;
}
