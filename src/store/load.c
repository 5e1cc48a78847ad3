#include "load.h"
#include "exitcode.h"
#include "html.h"
#include "timeutil.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

enum {
	S_CONV, S_MSG, S_MSG_BATCH, S_URL, S_MEDIA, S_REACT, S_GEV, S_GEV_USER, S_CONV_NAME, S_FOLLOW,
	S_TWEET, S_MENTION, S_TURL, S_ACCOUNT, S_APP, S_BLOCK, S_MUTE, S_MEDIA_FILE, S_MSG_HELD,
	S_VERSION_OLD, S_VERSION_NEW, S_SEEN, S__COUNT
};

static const char *const sql[S__COUNT] = {
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
		if (sql[i] && store_prepare(s, sql[i], &l->st[i], err))
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
static uint64_t hash_str(const char *conv)
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
static void note_member(struct load *l, const char *conv, int64_t account)
{
	if (l->manifest_owner || l->account_owner || l->hint_owner)
		return;
	uint64_t h = hash_str(conv);
	if (l->nmembers && l->members[l->nmembers - 1].account == account &&
	    l->members[l->nmembers - 1].conv == h)
		return;
	ALLOC_GROW(l->members, l->nmembers + 1, l->amembers);
	l->members[l->nmembers++] = (struct group_member){ account, h };
}

/* ---- field access ---- */

/* A string member of o, or NULL when absent or not a string. */
static const struct jnode *jstr(const struct jnode *o, const char *key)
{
	const struct jnode *v = jdoc_get(o, key);
	return jis(v, J_STRING) ? v : NULL;
}

/* Parse a decimal id; false unless the whole of s[0..n) is one. */
static bool parse_id(const char *s, size_t n, int64_t *out)
{
	int64_t v = 0;
	if (!n)
		return false;
	for (const char *end = s + n; s < end; s++) {
		if (*s < '0' || *s > '9')
			return false;
		int d = *s - '0';
		if (v > (INT64_MAX - d) / 10) /* exact: INT64_MAX itself is an id */
			return false;
		v = v * 10 + d;
	}
	*out = v;
	return true;
}

/* An id in node v: a decimal string or, in old files, a JSON integer. */
static bool node_id(const struct jnode *v, int64_t *out)
{
	if (jis(v, J_STRING))
		return parse_id(v->s, v->len, out);
	int64_t n;
	if (jdoc_int(v, &n) && n >= 0) {
		*out = n;
		return true;
	}
	return false;
}

/*
 * An id field: 1 when present and valid, 0 when absent or null, -1 when
 * malformed.
 */
static int jid(const struct jnode *o, const char *key, int64_t *out)
{
	const struct jnode *v = jdoc_get(o, key);
	if (!v || v->type == J_NULL)
		return 0;
	return node_id(v, out) ? 1 : -1;
}

/* A time in string node v (NULL: false). */
static bool node_time(const struct jnode *v, int64_t *out)
{
	char s[64];
	if (!jis(v, J_STRING) || v->len >= sizeof(s))
		return false;
	memcpy(s, v->s, v->len);
	s[v->len] = '\0';
	return strlen(s) == v->len && time_parse(s, out);
}

static int need_id(const struct jnode *o, const char *key, int64_t *out, const char *what,
		   struct err *err)
{
	int r = jid(o, key, out);
	if (r == 1)
		return 0;
	return err_set(err, EXIT_INPUT, "%s: '%s' is %s", what, key,
		       r == 0 ? "missing" : "not a decimal id");
}

static int need_time(const struct jnode *o, const char *key, int64_t *out, const char *what,
		     struct err *err)
{
	const struct jnode *v = jstr(o, key);
	if (!v)
		return err_set(err, EXIT_INPUT, "%s: '%s' is %s", what, key,
			       jdoc_get(o, key) ? "not a string" : "missing");
	if (!node_time(v, out))
		return err_set(err, EXIT_INPUT, "%s: '%s' is not a date: \"%.*s\"", what, key,
			       (int)(v->len < 40 ? v->len : 40), v->s);
	return 0;
}

/* The value of the single key of a wrapper object like {"follower": {...}}. */
static const struct jnode *unwrap(const struct jnode *elem, const char *key)
{
	const struct jnode *v = jdoc_get(elem, key);
	return jis(v, J_OBJECT) ? v : NULL;
}

/* A malloc'ed NUL-terminated copy of string node v, or NULL. */
static char *node_strdup(const struct jnode *v)
{
	return jis(v, J_STRING) ? xstrndup(v->s, v->len) : NULL;
}

static int step(struct load *l, int which, struct err *err)
{
	return store_step_done(l->store, l->st[which], err);
}

/*
 * Strings are bound SQLITE_STATIC: they live in the element (or its doc)
 * until the statement has been stepped, and every statement has all its
 * parameters bound again before each step.
 */
static void bind_str(sqlite3_stmt *st, int i, const struct jnode *v)
{
	if (v && v->len)
		sqlite3_bind_text(st, i, v->s, (int)v->len, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static void bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

static void bind_id_or_null(sqlite3_stmt *st, int i, int64_t v, bool present)
{
	if (present)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

static void note_time(struct load *l, int64_t t)
{
	if (t > l->newest_item)
		l->newest_item = t;
}

static int add_account(struct load *l, int64_t id, const struct jnode *handle,
		       const struct jnode *name, const char *source, struct err *err)
{
	sqlite3_stmt *st = l->st[S_ACCOUNT];
	sqlite3_bind_int64(st, 1, id);
	bind_str(st, 2, handle);
	bind_str(st, 3, name);
	sqlite3_bind_text(st, 4, source, -1, SQLITE_STATIC);
	return step(l, S_ACCOUNT, err);
}

/* ---- direct messages ---- */

/* Count a 1:1 conversation id once, however many chunks and parts carry it. */
static void note_conversation(struct load *l, const char *conv)
{
	uint32_t none = 0;
	if (u64map_put(&l->conv_seen, hash_str(conv), &none))
		l->conversations++;
}

/* Narrow the owner candidates with a 1:1 conversation id "a-b". */
static void infer_owner(struct load *l, const char *conv)
{
	const char *dash = strchr(conv, '-');
	int64_t a, b;
	if (!dash)
		return;
	char left[24];
	size_t n = (size_t)(dash - conv);
	if (n == 0 || n >= sizeof(left))
		return;
	memcpy(left, conv, n);
	left[n] = '\0';
	if (!parse_id(left, n, &a) || !parse_id(dash + 1, strlen(dash + 1), &b))
		return;
	if (l->ncand < 0) {
		l->cand[0] = a;
		l->cand[1] = b;
		l->ncand = a == b ? 1 : 2;
		return;
	}
	int k = 0;
	for (int i = 0; i < l->ncand; i++)
		if (l->cand[i] == a || l->cand[i] == b)
			l->cand[k++] = l->cand[i];
	l->ncand = k;
}

static int load_message(struct load *l, const char *conv, bool group, const struct jnode *m,
			bool welcome, struct err *err)
{
	int64_t id, sender, recipient = 0, created;
	int r_id = jid(m, "id", &id), r_sender = jid(m, "senderId", &sender);
	int has_recipient = jid(m, "recipientId", &recipient);

	/* The error text is built only on failure: this runs for every message. */
	if (r_id != 1 || r_sender != 1 || !node_time(jdoc_get(m, "createdAt"), &created) ||
	    has_recipient < 0) {
		char what[96];
		if (r_id != 1)
			snprintf(what, sizeof(what), "a message of conversation %.40s", conv);
		else
			snprintf(what, sizeof(what), "message %lld", (long long)id);
		if (r_id != 1)
			return need_id(m, "id", &id, what, err);
		if (r_sender != 1)
			return need_id(m, "senderId", &sender, what, err);
		if (has_recipient < 0)
			return err_set(err, EXIT_INPUT, "%s: 'recipientId' is not a decimal id", what);
		return need_time(m, "createdAt", &created, what, err);
	}
	if (group || recipient == 0)
		has_recipient = 0;
	if (group)
		note_member(l, conv, sender);

	const struct jnode *text = jdoc_get(m, "text");
	if (text && !jis(text, J_STRING) && !jis(text, J_NULL))
		return err_set(err, EXIT_INPUT, "message %lld: 'text' is not a string",
			       (long long)id);
	buf_reset(&l->scratch);
	if (jis(text, J_STRING))
		html_unescape(&l->scratch, text->s, text->len);

	const struct jnode *urls = jdoc_get(m, "urls");
	const struct jnode *media = jdoc_get(m, "mediaUrls");
	uint32_t nurls = jis(urls, J_ARRAY) ? urls->len : 0;
	uint32_t nmedia = jis(media, J_ARRAY) ? media->len : 0;

	/*
	 * Messages go in LOAD_BATCH at a time, one statement for all (a third of
	 * the inserting thread's time). Their URLs, media and reactions go in at
	 * once: their own keys make a second copy of a message add nothing.
	 */
	struct pending *p = &l->pending[l->npending++];
	*p = (struct pending){ .id = id, .sender = sender, .recipient = recipient,
			       .created = created, .media = nmedia, .urls = nurls,
			       .has_recipient = has_recipient == 1, .welcome = welcome,
			       .group = group };
	p->conv = l->batch_text.len;
	p->conv_len = strlen(conv);
	buf_add(&l->batch_text, conv, p->conv_len);
	p->text = l->batch_text.len;
	p->text_len = l->scratch.len;
	buf_add(&l->batch_text, l->scratch.s, l->scratch.len);
	if ((l->npending == LOAD_BATCH || l->batch_text.len > LOAD_BATCH_BYTES) &&
	    load_flush(l, err))
		return -1;

	sqlite3_stmt *st;
	int64_t pos = 0;
	JDOC_EACH(urls, u) {
		st = l->st[S_URL];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, pos++);
		bind_str(st, 3, jstr(u, "url"));
		bind_str(st, 4, jstr(u, "expanded"));
		bind_str(st, 5, jstr(u, "display"));
		if (step(l, S_URL, err))
			return -1;
	}
	pos = 0;
	JDOC_EACH(media, u) {
		int64_t at = pos++;
		if (!jis(u, J_STRING))
			continue;
		st = l->st[S_MEDIA];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, at);
		sqlite3_bind_text(st, 3, u->s, (int)u->len, SQLITE_STATIC);
		if (step(l, S_MEDIA, err))
			return -1;
	}
	pos = 0;
	JDOC_EACH(jdoc_get(m, "reactions"), r) {
		int64_t rs, ev, rt = 0, at = pos++;
		const struct jnode *key = jstr(r, "reactionKey");
		if (jid(r, "senderId", &rs) != 1 || !key)
			continue;
		if (jid(r, "eventId", &ev) != 1)
			ev = at;
		st = l->st[S_REACT];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, rs);
		sqlite3_bind_text(st, 3, key->s, (int)key->len, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, ev);
		bool has_rt = node_time(jdoc_get(r, "createdAt"), &rt);
		bind_id_or_null(st, 5, rt, has_rt);
		if (step(l, S_REACT, err))
			return -1;
	}
	note_time(l, created);
	if (group)
		l->n.group_messages++;
	else
		l->n.dm_messages++;
	return 0;
}

/* A standalone reactionCreate event: the reaction to message eventId. */
static int load_reaction_event(struct load *l, const struct jnode *r, struct err *err)
{
	int64_t msg, sender, t = 0;
	const struct jnode *key = jstr(r, "reactionKey");
	if (jid(r, "messageId", &msg) != 1 && jid(r, "eventId", &msg) != 1)
		return 0;
	if (jid(r, "senderId", &sender) != 1 || !key)
		return 0;
	int64_t ev;
	if (jid(r, "id", &ev) != 1)
		ev = msg;
	sqlite3_stmt *st = l->st[S_REACT];
	sqlite3_bind_int64(st, 1, msg);
	sqlite3_bind_int64(st, 2, sender);
	sqlite3_bind_text(st, 3, key->s, (int)key->len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, ev);
	bool has_t = node_time(jdoc_get(r, "createdAt"), &t);
	bind_id_or_null(st, 5, t, has_t);
	return step(l, S_REACT, err);
}

static int load_group_event(struct load *l, const char *conv, const struct jnode *type,
			    const struct jnode *e, struct err *err)
{
	static const struct {
		const char *type, *kind, *users;
	} kinds[] = {
		{ "joinConversation", "join", "participantsSnapshot" },
		{ "participantsJoin", "participants_join", "userIds" },
		{ "participantsLeave", "participants_leave", "userIds" },
		{ "conversationNameUpdate", "rename", NULL },
	};
	const char *kind = NULL, *users_key = NULL, *type_name = NULL;
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (jdoc_eq(type, kinds[i].type)) {
			kind = kinds[i].kind;
			users_key = kinds[i].users;
			type_name = kinds[i].type;
		}
	if (!kind)
		return 0; /* an event type this version does not know: skipped */

	int64_t t, initiator = 0;
	char what[96];
	snprintf(what, sizeof(what), "a %s event of conversation %.40s", type_name, conv);
	if (need_time(e, "createdAt", &t, what, err))
		return -1;
	int has_init = jid(e, "initiatingUserId", &initiator) == 1;
	if (has_init)
		note_member(l, conv, initiator);
	const struct jnode *name = !strcmp(kind, "rename") ? jstr(e, "name") : NULL;

	sqlite3_stmt *st = l->st[S_GEV];
	sqlite3_bind_text(st, 1, conv, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, t);
	bind_id_or_null(st, 4, initiator, has_init);
	bind_str(st, 5, name);
	if (step(l, S_GEV, err))
		return -1;
	if (name) {
		st = l->st[S_CONV_NAME];
		sqlite3_bind_text(st, 1, conv, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, name->s, (int)name->len, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, t);
		if (step(l, S_CONV_NAME, err))
			return -1;
	}
	JDOC_EACH(users_key ? jdoc_get(e, users_key) : NULL, u) {
		int64_t uid;
		if (!node_id(u, &uid))
			continue;
		/* who left is no longer a member; a snapshot and a join name members */
		if (strcmp(kind, "participants_leave"))
			note_member(l, conv, uid);
		st = l->st[S_GEV_USER];
		sqlite3_bind_text(st, 1, conv, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, t);
		sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, uid);
		if (step(l, S_GEV_USER, err))
			return -1;
	}
	note_time(l, t);
	return 0;
}

static int load_conversation(struct load *l, const struct jnode *elem, bool group,
			     struct err *err)
{
	const struct jnode *c = unwrap(elem, "dmConversation");
	if (!c)
		return err_set(err, EXIT_INPUT, "not a dmConversation object");
	const struct jnode *id = jstr(c, "conversationId");
	char conv[65];
	if (!id || !id->len || id->len >= sizeof(conv) || memchr(id->s, 0, id->len))
		return err_set(err, EXIT_INPUT, "dmConversation: 'conversationId' is %s",
			       !jdoc_get(c, "conversationId") ? "missing" : "not a short string");
	memcpy(conv, id->s, id->len);
	conv[id->len] = '\0';
	const struct jnode *msgs = jdoc_get(c, "messages");
	if (msgs && !jis(msgs, J_ARRAY))
		return err_set(err, EXIT_INPUT, "conversation %.40s: 'messages' is not an array",
			       conv);
	if (!group) {
		infer_owner(l, conv);
		note_conversation(l, conv);
	}

	sqlite3_stmt *st = l->st[S_CONV];
	sqlite3_bind_text(st, 1, conv, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, group ? "group" : "dm", -1, SQLITE_STATIC);
	if (step(l, S_CONV, err))
		return -1;
	if (group)
		l->n.group_chunks++;
	else
		l->n.dm_chunks++;

	size_t i = 0;
	JDOC_EACH(msgs, ev) {
		i++;
		if (!jis(ev, J_OBJECT))
			return err_set(err, EXIT_INPUT, "conversation %.40s: event %zu is not an object",
				       conv, i);
		JDOC_KEYS(ev, type) {
			const struct jnode *body = type + 1;
			if (!jis(body, J_OBJECT) || jdoc_repeated(ev, type))
				continue; /* of a repeated key, the last counts */
			int rc = 0;
			if (jdoc_eq(type, "messageCreate"))
				rc = load_message(l, conv, group, body, false, err);
			else if (jdoc_eq(type, "welcomeMessageCreate"))
				rc = load_message(l, conv, group, body, true, err);
			else if (jdoc_eq(type, "reactionCreate"))
				rc = load_reaction_event(l, body, err);
			else
				rc = load_group_event(l, conv, type, body, err);
			if (rc)
				return -1;
		}
	}
	return 0;
}

/* ---- tweets ---- */

/* The app name inside a `source` anchor: <a href="…">Twitter Web App</a> */
static void source_app(const struct jnode *src, struct buf *out)
{
	buf_reset(out);
	if (!src)
		return;
	const char *s = src->s, *end = s + src->len;
	const char *gt = memchr(s, '>', src->len);
	const char *lt = gt ? memchr(gt, '<', (size_t)(end - gt)) : NULL;
	if (gt && lt)
		html_unescape(out, gt + 1, (size_t)(lt - gt - 1));
	else
		html_unescape(out, s, src->len);
}

static int load_tweet(struct load *l, const struct jnode *elem, struct err *err)
{
	const struct jnode *t = unwrap(elem, "tweet");
	if (!t)
		t = elem; /* before 2020 tweets were bare objects */
	int64_t id, created, reply_status = 0, reply_user = 0;
	if (jid(t, "id_str", &id) != 1 && need_id(t, "id", &id, "tweet", err))
		return -1;
	char what[48];
	snprintf(what, sizeof(what), "tweet %lld", (long long)id);
	if (need_time(t, "created_at", &created, what, err))
		return -1;
	const struct jnode *text = jstr(t, "full_text");
	if (!text)
		text = jstr(t, "text");
	buf_reset(&l->scratch);
	if (text)
		html_unescape(&l->scratch, text->s, text->len);
	int has_status = jid(t, "in_reply_to_status_id_str", &reply_status) == 1 ||
			 jid(t, "in_reply_to_status_id", &reply_status) == 1;
	int has_user = jid(t, "in_reply_to_user_id_str", &reply_user) == 1 ||
		       jid(t, "in_reply_to_user_id", &reply_user) == 1;
	const struct jnode *reply_handle = jstr(t, "in_reply_to_screen_name");
	source_app(jstr(t, "source"), &l->scratch2);

	sqlite3_stmt *st = l->st[S_TWEET];
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, created);
	sqlite3_bind_text(st, 3, l->scratch.s, (int)l->scratch.len, SQLITE_STATIC);
	bind_id_or_null(st, 4, reply_status, has_status);
	bind_id_or_null(st, 5, reply_user, has_user);
	bind_str(st, 6, reply_handle);
	bind_text_or_null(st, 7, l->scratch2.s);
	bind_str(st, 8, jstr(t, "lang"));
	sqlite3_bind_int(st, 9, !strncmp(l->scratch.s, "RT @", 4));
	sqlite3_bind_int64(st, 10, l->snapshot_id);
	if (step(l, S_TWEET, err))
		return -1;
	l->n.tweets++;
	l->stored.tweets += sqlite3_changes(l->store->db);
	note_time(l, created);

	if (has_user && reply_handle && add_account(l, reply_user, reply_handle, NULL, "reply", err))
		return -1;
	const struct jnode *ent = jdoc_get(t, "entities");
	JDOC_EACH(jdoc_get(ent, "user_mentions"), m) {
		int64_t uid;
		if (jid(m, "id_str", &uid) != 1 && jid(m, "id", &uid) != 1)
			continue; /* ids of -1 appear for suspended accounts */
		const struct jnode *handle = jstr(m, "screen_name");
		st = l->st[S_MENTION];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, uid);
		bind_str(st, 3, handle);
		if (step(l, S_MENTION, err) ||
		    (handle && add_account(l, uid, handle, jstr(m, "name"), "mention", err)))
			return -1;
	}
	int64_t pos = 0;
	JDOC_EACH(jdoc_get(ent, "urls"), u) {
		st = l->st[S_TURL];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, pos++);
		bind_str(st, 3, jstr(u, "url"));
		bind_str(st, 4, jstr(u, "expanded_url"));
		if (step(l, S_TURL, err))
			return -1;
	}
	return 0;
}

/* ---- follows, apps, blocks, mutes, account, manifest ---- */

static int load_follow(struct load *l, const struct jnode *elem, bool follower, struct err *err)
{
	const char *key = follower ? "follower" : "following";
	const struct jnode *f = unwrap(elem, key);
	int64_t id;
	char what[32];
	snprintf(what, sizeof(what), "%s entry", key);
	if (!f)
		return err_set(err, EXIT_INPUT, "not a {\"%s\": …} object", key);
	if (need_id(f, "accountId", &id, what, err))
		return -1;
	sqlite3_stmt *st = l->st[S_FOLLOW];
	sqlite3_bind_int64(st, 1, l->snapshot_id);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, id);
	/* the place in the list, across its parts in the order they were read */
	sqlite3_bind_int64(st, 4, follower ? l->n.followers : l->n.following);
	if (follower)
		l->n.followers++;
	else
		l->n.following++;
	return step(l, S_FOLLOW, err);
}

static int load_listed(struct load *l, const struct jnode *elem, bool block, struct err *err)
{
	const struct jnode *f = unwrap(elem, block ? "blocking" : "muting");
	int64_t id;
	if (!f || jid(f, "accountId", &id) != 1)
		return 0; /* wrapper names vary across eras; nothing else to take */
	int which = block ? S_BLOCK : S_MUTE;
	sqlite3_bind_int64(l->st[which], 1, l->snapshot_id);
	sqlite3_bind_int64(l->st[which], 2, id);
	if (block)
		l->n.blocks++;
	else
		l->n.mutes++;
	return step(l, which, err);
}

static int load_app(struct load *l, const struct jnode *elem, struct err *err)
{
	const struct jnode *a = unwrap(elem, "connectedApplication");
	int64_t id, t = 0;
	if (!a || jid(a, "id", &id) != 1)
		return 0;
	buf_reset(&l->scratch);
	JDOC_EACH(jdoc_get(a, "permissions"), p) {
		if (!jis(p, J_STRING))
			continue;
		if (l->scratch.len)
			buf_addc(&l->scratch, ',');
		buf_add(&l->scratch, p->s, p->len);
	}
	sqlite3_stmt *st = l->st[S_APP];
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, l->snapshot_id);
	bind_str(st, 3, jstr(a, "name"));
	bind_str(st, 4, jstr(jdoc_get(a, "organization"), "name"));
	bind_text_or_null(st, 5, l->scratch.s);
	bool has_t = node_time(jdoc_get(a, "approvedAt"), &t);
	bind_id_or_null(st, 6, t, has_t);
	l->n.apps++;
	return step(l, S_APP, err);
}

static int load_account(struct load *l, const struct jnode *elem, struct err *err)
{
	const struct jnode *a = unwrap(elem, "account");
	int64_t id;
	if (!a)
		return err_set(err, EXIT_INPUT, "not an {\"account\": …} object");
	if (need_id(a, "accountId", &id, "account", err))
		return -1;
	l->account_owner = id;
	const struct jnode *handle = jstr(a, "username"), *name = jstr(a, "accountDisplayName");
	if (handle && !l->owner_handle)
		l->owner_handle = node_strdup(handle);
	if (name && !l->owner_name)
		l->owner_name = node_strdup(name);
	return add_account(l, id, handle, name, "account", err);
}

static int load_manifest(struct load *l, const struct jnode *m, struct err *err)
{
	const struct jnode *user = jdoc_get(m, "userInfo");
	int64_t id;
	l->has_manifest = true;
	if (jid(user, "accountId", &id) == 1) {
		const struct jnode *handle = jstr(user, "userName"), *name = jstr(user, "displayName");
		l->manifest_owner = id;
		free(l->owner_handle);
		free(l->owner_name);
		l->owner_handle = node_strdup(handle);
		l->owner_name = node_strdup(name);
		if (add_account(l, id, handle, name, "manifest", err))
			return -1;
	}
	const struct jnode *gen = jstr(jdoc_get(m, "archiveInfo"), "generationDate");
	if (gen && !node_time(gen, &l->generated_at))
		return err_set(err, EXIT_INPUT, "archiveInfo.generationDate is not a date: \"%.*s\"",
			       (int)(gen->len < 40 ? gen->len : 40), gen->s);

	JDOC_KEYS(jdoc_get(m, "dataTypes"), type) {
		JDOC_EACH(jdoc_get(type + 1, "files"), f) {
			const struct jnode *name = jstr(f, "fileName"), *count = jstr(f, "count");
			int64_t c;
			if (!name || !count || !parse_id(count->s, count->len, &c))
				continue;
			const char *base = name->s, *end = name->s + name->len;
			for (const char *q = name->s; q < end; q++)
				if (*q == '/')
					base = q + 1;
			ALLOC_GROW(l->manifest, l->nmanifest + 1, l->amanifest);
			l->manifest[l->nmanifest].file = xstrndup(base, (size_t)(end - base));
			l->manifest[l->nmanifest].count = c;
			l->nmanifest++;
		}
	}
	return 0;
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
		has_id = parse_id(digits, (size_t)(dash - base), &id);
	}
	sqlite3_stmt *st = l->st[S_MEDIA_FILE];
	sqlite3_bind_text(st, 1, path, -1, SQLITE_TRANSIENT);
	bind_id_or_null(st, 2, id, has_id);
	l->n.media_files++;
	return step(l, S_MEDIA_FILE, err);
}

/* {"accountTimezone": {"accountId": "…", "timeZone": "…"}} and the like. */
static int load_owner_hint(struct load *l, const struct jnode *elem)
{
	JDOC_KEYS(elem, key) {
		const struct jnode *o = key + 1;
		int64_t id;
		if (!jis(o, J_OBJECT) || jid(o, "accountId", &id) != 1)
			continue;
		if (l->hint_owner && l->hint_owner != id)
			l->hint_conflict = true;
		l->hint_owner = id;
		const struct jnode *tz = jstr(o, "timeZone");
		if (tz && !l->owner_timezone && jdoc_eq(key, "accountTimezone"))
			l->owner_timezone = node_strdup(tz);
	}
	return 0;
}

int load_element(struct load *l, enum data_kind kind, const struct jnode *elem,
		 struct err *err)
{
	if (!jis(elem, J_OBJECT))
		return err_set(err, EXIT_INPUT, "element is not a JSON object");
	l->seen[kind] = true;
	switch (kind) {
	case KIND_MANIFEST: return load_manifest(l, elem, err);
	case KIND_ACCOUNT: return load_account(l, elem, err);
	case KIND_DM: return load_conversation(l, elem, false, err);
	case KIND_GROUP_DM: return load_conversation(l, elem, true, err);
	case KIND_TWEET: return load_tweet(l, elem, err);
	case KIND_FOLLOWER: return load_follow(l, elem, true, err);
	case KIND_FOLLOWING: return load_follow(l, elem, false, err);
	case KIND_APP: return load_app(l, elem, err);
	case KIND_BLOCK: return load_listed(l, elem, true, err);
	case KIND_MUTE: return load_listed(l, elem, false, err);
	case KIND_OWNER_HINT: return load_owner_hint(l, elem);
	default: return 0;
	}
}
