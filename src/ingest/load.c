/*
 * load: the statements, the message batches and the owner (load_int.h).
 */
#include "load_int.h"
#include "exitcode.h"
#include "html.h"
#include "timeutil.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const load_sql[S__COUNT] = {
	[S_CONV] = "INSERT OR IGNORE INTO conversation (id, kind) VALUES (?1, ?2)",
	[S_MSG] = "INSERT OR IGNORE INTO message (id, conversation_id, sender_id, recipient_id, "
		  "created_at, text, kind, media_count, url_count, snapshot_id) "
		  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[S_MSG_BATCH] = NULL, /* S_MSG's VALUES, LOAD_BATCH times: made by load_init */
	[S_URL] = "INSERT OR IGNORE INTO message_url (message_id, pos, url, expanded, display) "
		  "VALUES (?1, ?2, ?3, ?4, ?5)",
	[S_MEDIA] = "INSERT OR IGNORE INTO message_media (message_id, pos, url) VALUES (?1, ?2, ?3)",
	[S_REACT] = "INSERT OR IGNORE INTO reaction (message_id, sender_id, reaction_key, event_id, "
		    "created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
	[S_GEV] = "INSERT OR IGNORE INTO group_event (conversation_id, kind, created_at, "
		  "initiator_id, name) VALUES (?1, ?2, ?3, ?4, ?5)",
	[S_GEV_USER] = "INSERT OR IGNORE INTO group_event_user (conversation_id, created_at, kind, "
		       "account_id) VALUES (?1, ?2, ?3, ?4)",
	[S_CONV_NAME] = "UPDATE conversation SET name = ?2 WHERE id = ?1 AND NOT EXISTS ("
			"SELECT 1 FROM group_event WHERE conversation_id = ?1 AND kind = 'rename' "
			"AND created_at > ?3)",
	[S_FOLLOW] = "INSERT OR IGNORE INTO follow (snapshot_id, direction, account_id, pos) "
		     "VALUES (?1, ?2, ?3, ?4)",
	[S_TWEET] = "INSERT OR IGNORE INTO tweet (id, created_at, text, reply_to_status_id, "
		    "reply_to_user_id, reply_to_handle, source_app, lang, is_retweet, snapshot_id) "
		    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[S_MENTION] = "INSERT OR IGNORE INTO tweet_mention (tweet_id, account_id, handle) "
		      "VALUES (?1, ?2, ?3)",
	[S_TURL] = "INSERT OR IGNORE INTO tweet_url (tweet_id, pos, url, expanded) "
		   "VALUES (?1, ?2, ?3, ?4)",
	[S_ACCOUNT] = "INSERT INTO account (id, handle, name, source) VALUES (?1, ?2, ?3, ?4) "
		      "ON CONFLICT (id) DO UPDATE SET "
		      "handle = coalesce(excluded.handle, handle), "
		      "name = coalesce(excluded.name, name), "
		      "source = CASE WHEN excluded.handle IS NOT NULL THEN excluded.source "
		      "ELSE source END",
	[S_APP] = "INSERT OR IGNORE INTO app (id, snapshot_id, name, organization, permissions, "
		  "approved_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[S_BLOCK] = "INSERT OR IGNORE INTO block (snapshot_id, account_id) VALUES (?1, ?2)",
	[S_MUTE] = "INSERT OR IGNORE INTO mute (snapshot_id, account_id) VALUES (?1, ?2)",
	[S_MEDIA_FILE] = "INSERT OR IGNORE INTO media_file (path, message_id) VALUES (?1, ?2)",
	[S_MSG_HELD] = "SELECT rowid, text, snapshot_id FROM message WHERE id = ?1",
	/* the text held so far, under the snapshot it came from, kept once */
	[S_VERSION_OLD] = "INSERT OR IGNORE INTO message_version (message_id, snapshot_id, text) "
			  "VALUES (?1, ?2, ?3)",
	[S_VERSION_NEW] = "INSERT OR REPLACE INTO message_version (message_id, snapshot_id, text) "
			  "VALUES (?1, ?2, ?3)",
	/* a message held from an earlier snapshot, seen again in this one */
	[S_SEEN] = "INSERT OR IGNORE INTO message_seen (snapshot_id, message_id) VALUES (?1, ?2)",
};

int load_init(struct load *l, struct store *s, int64_t snapshot_id, struct err *err)
{
	memset(l, 0, sizeof(*l));
	l->store = s;
	l->snapshot_id = snapshot_id;
	l->ncand = -1;
	buf_init(&l->scratch);
	buf_init(&l->scratch2);
	buf_init(&l->batch_text);
	for (int i = 0; i < S__COUNT; i++)
		if (load_sql[i] && store_prepare(s, load_sql[i], &l->st[i], err))
			return -1;
	struct buf batch = BUF_INIT;
	buf_adds(&batch, "INSERT OR IGNORE INTO message (id, conversation_id, sender_id, "
			 "recipient_id, created_at, text, kind, media_count, url_count, snapshot_id) "
			 "VALUES ");
	for (int i = 0; i < LOAD_BATCH; i++)
		buf_adds(&batch, i ? ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	int rc = store_prepare(s, batch.s, &l->st[S_MSG_BATCH], err);
	buf_release(&batch);
	/* rows are appended: every rowid past this one is this ingest's */
	l->max_rowid = store_int(s, "SELECT max(rowid) FROM message", 0);
	return rc;
}

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

void load_release(struct load *l)
{
	for (int i = 0; i < S__COUNT; i++)
		sqlite3_finalize(l->st[i]);
	u64map_release(&l->conv_seen);
	for (size_t i = 0; i < l->nmanifest; i++)
		free(l->manifest[i].file);
	free(l->manifest);
	free(l->owner_handle);
	free(l->owner_name);
	free(l->owner_timezone);
	free(l->members);
	buf_release(&l->scratch);
	buf_release(&l->scratch2);
	buf_release(&l->batch_text);
	memset(l, 0, sizeof(*l));
}

/* FNV-1a of a conversation id; never 0, which marks an empty slot. */
uint64_t ld_hash(const char *conv)
{
	uint64_t h = 1469598103934665603ULL;
	for (const unsigned char *p = (const unsigned char *)conv; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	return h | 1;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static int cmp_member(const void *a, const void *b)
{
	const struct group_member *x = a, *y = b;
	if (x->account != y->account)
		return x->account < y->account ? -1 : 1;
	return x->conv < y->conv ? -1 : x->conv > y->conv;
}

/* The one account that appears in every group conversation, or 0. */
static int64_t group_owner(struct load *l)
{
	if (!l->nmembers)
		return 0;
	qsort(l->members, l->nmembers, sizeof(*l->members), cmp_member);
	/* distinct conversations, then accounts in as many */
	uint64_t *convs = xmalloc(l->nmembers * sizeof(*convs));
	for (size_t i = 0; i < l->nmembers; i++)
		convs[i] = l->members[i].conv;
	qsort(convs, l->nmembers, sizeof(*convs), cmp_u64);
	size_t nconv = 0;
	for (size_t i = 0; i < l->nmembers; i++)
		if (!i || convs[i] != convs[i - 1])
			nconv++;
	free(convs);
	int64_t found = 0;
	int nfound = 0;
	for (size_t i = 0; i < l->nmembers;) {
		size_t j = i, n = 0;
		for (; j < l->nmembers && l->members[j].account == l->members[i].account; j++)
			if (j == i || l->members[j].conv != l->members[j - 1].conv)
				n++;
		if (n == nconv) {
			found = l->members[i].account;
			nfound++;
		}
		i = j;
	}
	return nfound == 1 ? found : 0;
}

int64_t load_owner(struct load *l)
{
	if (l->manifest_owner)
		return l->manifest_owner;
	if (l->account_owner)
		return l->account_owner;
	if (l->hint_owner && !l->hint_conflict)
		return l->hint_owner;
	if (l->ncand == 1)
		return l->cand[0];
	return l->ncand < 0 ? group_owner(l) : 0;
}

/* Someone seen in a group conversation, while the owner is not known yet. */
void ld_note_member(struct load *l, const char *conv, int64_t account)
{
	if (l->manifest_owner || l->account_owner || l->hint_owner)
		return;
	uint64_t h = ld_hash(conv);
	if (l->nmembers && l->members[l->nmembers - 1].account == account &&
	    l->members[l->nmembers - 1].conv == h)
		return;
	ALLOC_GROW(l->members, l->nmembers + 1, l->amembers);
	l->members[l->nmembers++] = (struct group_member){ account, h };
}

int load_media_path(struct load *l, const char *path, struct err *err)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	int64_t id = 0;
	bool has_id = false;
	const char *dash = strchr(base, '-');
	if (dash && dash > base && dash - base < 20) {
		char digits[24];
		memcpy(digits, base, (size_t)(dash - base));
		digits[dash - base] = '\0';
		has_id = ld_parse_id(digits, (size_t)(dash - base), &id);
	}
	sqlite3_stmt *st = l->st[S_MEDIA_FILE];
	sqlite3_bind_text(st, 1, path, -1, SQLITE_TRANSIENT);
	ld_bind_id(st, 2, id, has_id);
	l->n.media_files++;
	return ld_step(l, S_MEDIA_FILE, err);
}

int load_element(struct load *l, enum data_kind kind, const struct jnode *elem,
		 struct err *err)
{
	if (!jis(elem, J_OBJECT))
		return err_set(err, EXIT_INPUT, "element is not a JSON object");
	l->seen[kind] = true;
	switch (kind) {
	case KIND_MANIFEST: return ld_manifest(l, elem, err);
	case KIND_ACCOUNT: return ld_account(l, elem, err);
	case KIND_DM: return ld_conversation(l, elem, false, err);
	case KIND_GROUP_DM: return ld_conversation(l, elem, true, err);
	case KIND_TWEET: return ld_tweet(l, elem, err);
	case KIND_FOLLOWER: return ld_follow(l, elem, true, err);
	case KIND_FOLLOWING: return ld_follow(l, elem, false, err);
	case KIND_APP: return ld_app(l, elem, err);
	case KIND_BLOCK: return ld_listed(l, elem, true, err);
	case KIND_MUTE: return ld_listed(l, elem, false, err);
	case KIND_OWNER_HINT: return ld_owner_hint(l, elem);
	default: return 0;
	}
}
