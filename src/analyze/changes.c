/*
 * changes: what changed from one snapshot to the next, for each pair of
 * consecutive snapshots (by generation time): the messages and
 * conversations the earlier one held and the later one no longer does
 * (deleted or unsent), and the follows gained and lost, each with the
 * bounds follow_change gives (narrowed at ingest, ingest.c).
 *
 * A snapshot's messages are those first seen in it (message.snapshot_id)
 * and those it held again (message_seen). A database of an earlier dmaudit
 * did not record the second kind before meta.messages_seen_from: a pair
 * with such a snapshot has null vanished lists (unknown), never a guess.
 */
#include "changes.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct snap {
	int64_t id, at;
	bool followers, following;
};

/* The snapshots, oldest first; NULL with err filled on failure. */
static struct snap *read_snaps(struct store *s, size_t *n, struct err *err)
{
	sqlite3_stmt *st;
	struct snap *v = NULL;
	size_t alloc = 0;
	*n = 0;
	if (store_prepare(s, "SELECT id, generated_at, has_followers, has_following FROM snapshot"
			     " ORDER BY generated_at, id", &st, err))
		return NULL;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(v, *n + 1, alloc);
		v[*n].id = sqlite3_column_int64(st, 0);
		v[*n].at = sqlite3_column_int64(st, 1);
		v[*n].followers = sqlite3_column_int(st, 2);
		v[*n].following = sqlite3_column_int(st, 3);
		(*n)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(v);
		store_fail(s, err, "cannot read the snapshots");
		return NULL;
	}
	if (!v)
		v = xmalloc(sizeof(*v));
	return v;
}

/*
 * The first snapshot id from which every snapshot's repeats are recorded:
 * meta.messages_seen_from, or past the last snapshot when message_seen does
 * not exist yet (a file of an earlier dmaudit opened only to read); 0 when
 * all are.
 */
static int64_t seen_from(struct store *s)
{
	if (!store_int(s, "SELECT count(*) FROM sqlite_schema WHERE name = 'message_seen'", 0))
		return store_int(s, "SELECT max(id) + 1 FROM snapshot", 0);
	char *v = store_meta_get(s, "messages_seen_from");
	int64_t from = v ? strtoll(v, NULL, 10) : 0;
	free(v);
	return from;
}

static bool whole(int64_t id, int64_t from, int64_t first)
{
	return !from || id >= from || id == first;
}

/*
 * The messages of snapshot a that snapshot b does not hold, as rows of
 * (id, conversation, sender, time), in id order; the conversations of a
 * none of whose messages b holds.
 */
static const char vanished_sql[] =
	"WITH held(sid, id) AS (SELECT snapshot_id, id FROM message WHERE snapshot_id IN (?1, ?2)"
	"  UNION SELECT v.snapshot_id, v.message_id FROM message_seen v JOIN message m"
	"  ON m.id = v.message_id WHERE v.snapshot_id IN (?1, ?2))"
	" SELECT m.id, m.conversation_id, m.sender_id, m.created_at FROM message m"
	" WHERE m.id IN (SELECT id FROM held WHERE sid = ?1 EXCEPT SELECT id FROM held WHERE sid = ?2)"
	" ORDER BY m.id";

static const char conv_sql[] =
	"WITH held(sid, conv) AS (SELECT snapshot_id, conversation_id FROM message"
	"  WHERE snapshot_id IN (?1, ?2)"
	"  UNION SELECT v.snapshot_id, m.conversation_id FROM message_seen v JOIN message m"
	"  ON m.id = v.message_id WHERE v.snapshot_id IN (?1, ?2))"
	" SELECT conv FROM held WHERE sid = ?1 EXCEPT SELECT conv FROM held WHERE sid = ?2"
	" ORDER BY 1";

static int vanished(struct report_ctx *ctx, const struct snap *a, const struct snap *b,
		    bool have_seen, struct changes_pair *pair, struct err *err)
{
	struct store *s = ctx->store;
	sqlite3_stmt *st;
	size_t alloc = 0;
	pair->vanished_known = true;
	if (!have_seen)
		return 0; /* no repeats recorded anywhere: nothing vanished that can be told */
	if (store_prepare(s, vanished_sql, &st, err))
		return -1;
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_int64(st, 2, b->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(pair->messages, pair->nmessages + 1, alloc);
		const char *conv = (const char *)sqlite3_column_text(st, 1);
		pair->messages[pair->nmessages++] = (struct changes_message){
			sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 2),
			sqlite3_column_int64(st, 3), xstrdup(conv ? conv : "") };
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, err, "cannot compare the snapshots' messages");
	if (store_prepare(s, conv_sql, &st, err))
		return -1;
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_int64(st, 2, b->id);
	alloc = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *conv = (const char *)sqlite3_column_text(st, 0);
		ALLOC_GROW(pair->convs, pair->nconvs + 1, alloc);
		pair->convs[pair->nconvs++] = xstrdup(conv ? conv : "");
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, err, "cannot compare the snapshots' conversations");
	return 0;
}

static const char *const follow_kind[CHANGES__FOLLOW_KINDS][3] = {
	{ "follower", "gained", "followers_gained" },
	{ "follower", "lost", "followers_lost" },
	{ "following", "gained", "following_gained" },
	{ "following", "lost", "following_lost" },
};

const char *changes_follow_key(enum changes_follow_kind k)
{
	return follow_kind[k][2];
}

const char *changes_follow_list(enum changes_follow_kind k)
{
	return k < CHANGES_FOLLOWING_GAINED ? "followers" : "following";
}

const char *changes_follow_change(enum changes_follow_kind k)
{
	return follow_kind[k][1];
}

/* The follow changes of one direction and kind into snapshot b, by account id. */
static int follows(struct report_ctx *ctx, const struct snap *b, enum changes_follow_kind k,
		   struct changes_follows *out, struct err *err)
{
	sqlite3_stmt *st;
	size_t alloc = 0;
	out->known = true;
	if (store_prepare(ctx->store, "SELECT account_id, after, before FROM follow_change"
				      " WHERE to_snapshot = ?1 AND direction = ?2 AND change = ?3"
				      " ORDER BY account_id", &st, err))
		return -1;
	sqlite3_bind_int64(st, 1, b->id);
	sqlite3_bind_text(st, 2, follow_kind[k][0], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, follow_kind[k][1], -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->v, out->n + 1, alloc);
		out->v[out->n++] = (struct changes_follow){ sqlite3_column_int64(st, 0),
			sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2) };
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(ctx->store, err, "cannot read the follow changes");
	return 0;
}

struct changes_result *changes_analyse(struct report_ctx *ctx, struct err *err)
{
	struct store *s = ctx->store;
	size_t n;
	struct snap *v = read_snaps(s, &n, err);
	if (!v)
		return NULL;
	int64_t from = seen_from(s);
	bool have_seen = store_int(s, "SELECT count(*) FROM sqlite_schema WHERE name = "
				      "'message_seen'", 0) > 0;
	int64_t first = n ? v[0].id : 0;
	for (size_t i = 1; i < n; i++)
		if (v[i].id < first)
			first = v[i].id;
	struct changes_result *r = xcalloc(1, sizeof(*r));
	r->pairs = xcalloc(n ? n : 1, sizeof(*r->pairs));
	for (size_t i = 1; i < n; i++) {
		const struct snap *a = &v[i - 1], *b = &v[i];
		struct changes_pair *pair = &r->pairs[r->npairs++];
		pair->from = a->at;
		pair->to = b->at;
		if (whole(a->id, from, first) && whole(b->id, from, first) &&
		    vanished(ctx, a, b, have_seen, pair, err))
			goto fail;
		for (int k = 0; k < CHANGES__FOLLOW_KINDS; k++) {
			bool lists = k < CHANGES_FOLLOWING_GAINED ? a->followers && b->followers
								  : a->following && b->following;
			if (lists && follows(ctx, b, (enum changes_follow_kind)k, &pair->follows[k],
					     err))
				goto fail;
		}
	}
	free(v);
	return r;
fail:
	free(v);
	changes_result_free(r);
	return NULL;
}

void changes_result_free(struct changes_result *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->npairs; i++) {
		struct changes_pair *p = &r->pairs[i];
		for (size_t j = 0; j < p->nmessages; j++)
			free(p->messages[j].conv);
		free(p->messages);
		for (size_t j = 0; j < p->nconvs; j++)
			free(p->convs[j]);
		free(p->convs);
		for (int k = 0; k < CHANGES__FOLLOW_KINDS; k++)
			free(p->follows[k].v);
	}
	free(r->pairs);
	free(r);
}
