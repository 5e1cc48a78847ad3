/*
 * summary: what the database holds: owner, snapshots, counts, follow changes.
 */
#include "summary.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int64_t count(struct report_ctx *ctx, const char *sql)
{
	return store_int(ctx->store, sql, 0);
}

static char *column_dup(sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);
	return v ? xstrdup(v) : NULL;
}

static int read_snapshots(struct report_ctx *ctx, struct summary_result *r, struct err *err)
{
	sqlite3_stmt *st;
	size_t alloc = 0;
	if (store_prepare(ctx->store,
			  "SELECT s.id, s.generated_at, s.source, s.sha256, s.generated_from,"
			  " (SELECT count(*) FROM follow f WHERE f.snapshot_id = s.id AND"
			  "  f.direction = 'follower'),"
			  " (SELECT count(*) FROM follow f WHERE f.snapshot_id = s.id AND"
			  "  f.direction = 'following'), s.ingested_at, s.has_followers,"
			  " (SELECT count(*) FROM follow_change g WHERE g.to_snapshot = s.id"
			  "  AND g.direction = 'follower' AND g.change = 'gained'),"
			  " (SELECT count(*) FROM follow_change g WHERE g.to_snapshot = s.id"
			  "  AND g.direction = 'follower' AND g.change = 'lost')"
			  " FROM snapshot s ORDER BY s.generated_at, s.id", &st, err))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		ALLOC_GROW(r->snaps, r->nsnaps + 1, alloc);
		r->snaps[r->nsnaps++] = (struct summary_snapshot){
			.generated_at = sqlite3_column_int64(st, 1),
			.ingested_at = sqlite3_column_int64(st, 7),
			.followers = sqlite3_column_int64(st, 5),
			.following = sqlite3_column_int64(st, 6),
			.has_followers = sqlite3_column_int(st, 8) != 0,
			.followers_gained = sqlite3_column_int64(st, 9),
			.followers_lost = sqlite3_column_int64(st, 10),
			.source = column_dup(st, 2),
			.sha256 = column_dup(st, 3),
			.generated_from = column_dup(st, 4),
		};
	}
	sqlite3_finalize(st);
	return 0;
}

static void read_counts(struct report_ctx *ctx, struct summary_result *r)
{
	r->dm_conversations = count(ctx, "SELECT count(*) FROM conversation WHERE kind = 'dm'");
	r->dm_messages = count(ctx, "SELECT count(*) FROM conversation c CROSS JOIN message m "
				    "ON m.conversation_id = c.id WHERE c.kind = 'dm'");
	r->group_conversations = count(ctx, "SELECT count(*) FROM conversation WHERE kind = "
					    "'group'");
	r->group_messages = count(ctx, "SELECT count(*) FROM conversation c CROSS JOIN message m "
				       "ON m.conversation_id = c.id WHERE c.kind = 'group'");
	r->tweets = count(ctx, "SELECT count(*) FROM tweet");
	r->followers = count(ctx, "SELECT count(*) FROM follow WHERE direction = 'follower' "
				  "AND snapshot_id = (SELECT id FROM snapshot WHERE has_followers "
				  "ORDER BY generated_at DESC, id DESC LIMIT 1)");
	r->following = count(ctx, "SELECT count(*) FROM follow WHERE direction = 'following' "
				  "AND snapshot_id = (SELECT id FROM snapshot WHERE has_following "
				  "ORDER BY generated_at DESC, id DESC LIMIT 1)");
	r->followers_gained = count(ctx, "SELECT count(*) FROM follow_change WHERE direction = "
					 "'follower' AND change = 'gained'");
	r->followers_lost = count(ctx, "SELECT count(*) FROM follow_change WHERE direction = "
				       "'follower' AND change = 'lost'");
	r->following_gained = count(ctx, "SELECT count(*) FROM follow_change WHERE direction = "
					 "'following' AND change = 'gained'");
	r->following_lost = count(ctx, "SELECT count(*) FROM follow_change WHERE direction = "
				       "'following' AND change = 'lost'");
	r->owner_replies = count(ctx, "SELECT count(*) FROM owner_reply");
	r->apps_with_dm_access = count(ctx, "SELECT count(DISTINCT id) FROM app WHERE "
					    "permissions LIKE '%directmessages%'");
}

/* One pass over the messages: media, welcome messages, the first and last, the months. */
static int read_messages(struct report_ctx *ctx, struct summary_result *r, struct err *err)
{
	sqlite3_stmt *st;
	if (store_prepare(ctx->store, "SELECT created_at, sender_id = ?1, media_count > 0,"
				      " kind = 'welcome' FROM message", &st, err))
		return -1;
	sqlite3_bind_int64(st, 1, ctx->owner);
	bool any = false;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t at = sqlite3_column_int64(st, 0);
		long *cell = months_cell(&r->volume, month_key(at));
		cell[sqlite3_column_int(st, 1) ? 1 : 0]++;
		r->media_messages += sqlite3_column_int(st, 2) != 0;
		r->welcome_messages += sqlite3_column_int(st, 3) != 0;
		if (!any || at < r->first_message_at)
			r->first_message_at = at;
		if (!any || at > r->last_message_at)
			r->last_message_at = at;
		any = true;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(ctx->store, err, "cannot read the messages");
	return 0;
}

struct summary_result *summary_analyse(struct report_ctx *ctx, struct err *err)
{
	struct summary_result *r = xcalloc(1, sizeof(*r));
	r->owner = ctx->owner;
	snprintf(r->owner_handle, sizeof(r->owner_handle), "%s", ctx->owner_handle);
	months_init(&r->volume, 2 * sizeof(long));
	if (read_snapshots(ctx, r, err) || read_messages(ctx, r, err)) {
		summary_result_free(r);
		return NULL;
	}
	read_counts(ctx, r);
	return r;
}

void summary_result_free(struct summary_result *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nsnaps; i++) {
		free(r->snaps[i].source);
		free(r->snaps[i].sha256);
		free(r->snaps[i].generated_from);
	}
	free(r->snaps);
	months_release(&r->volume);
	free(r);
}
