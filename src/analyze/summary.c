/*
 * summary: what the database holds: owner, snapshots, counts, follow changes.
 */
#include "analyze.h"
#include "timeutil.h"

#include <stdio.h>
#include <string.h>

static json_t *count(struct report_ctx *ctx, const char *sql)
{
	return json_integer(store_int(ctx->store, sql, 0));
}

json_t *summary_analyse(struct report_ctx *ctx, struct err *err)
{
	struct store *s = ctx->store;
	sqlite3_stmt *st;
	json_t *r = json_object(), *owner = json_object(), *snaps = json_array();
	json_t *counts = json_object(), *changes = json_object();

	json_object_set_new(owner, "account_id", report_id(ctx->owner));
	json_object_set_new(owner, "username",
			    ctx->owner_handle[0] ? json_string(ctx->owner_handle) : json_null());
	json_object_set_new(r, "owner", owner);

	if (store_prepare(s, "SELECT s.id, s.generated_at, s.source, s.sha256, s.generated_from,"
			     " (SELECT count(*) FROM follow f WHERE f.snapshot_id = s.id AND"
			     "  f.direction = 'follower'),"
			     " (SELECT count(*) FROM follow f WHERE f.snapshot_id = s.id AND"
			     "  f.direction = 'following'), s.ingested_at"
			     " FROM snapshot s ORDER BY s.generated_at, s.id", &st, err)) {
		json_decref(r);
		json_decref(snaps);
		json_decref(counts);
		json_decref(changes);
		return NULL;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		json_t *o = json_object();
		json_object_set_new(o, "generated_at", report_time(sqlite3_column_int64(st, 1)));
		json_object_set_new(o, "followers", json_integer(sqlite3_column_int64(st, 5)));
		json_object_set_new(o, "following", json_integer(sqlite3_column_int64(st, 6)));
		json_object_set_new(o, "source", json_string((const char *)sqlite3_column_text(st, 2)));
		json_object_set_new(o, "sha256", json_string((const char *)sqlite3_column_text(st, 3)));
		json_object_set_new(o, "generated_at_from",
				    json_string((const char *)sqlite3_column_text(st, 4)));
		json_object_set_new(o, "ingested_at", report_time(sqlite3_column_int64(st, 7)));
		json_array_append_new(snaps, o);
	}
	sqlite3_finalize(st);
	json_object_set_new(r, "snapshots", snaps);

	json_object_set_new(counts, "dm_conversations",
			    count(ctx, "SELECT count(*) FROM conversation WHERE kind = 'dm'"));
	json_object_set_new(counts, "dm_messages",
			    count(ctx, "SELECT count(*) FROM conversation c CROSS JOIN message m "
				       "ON m.conversation_id = c.id WHERE c.kind = 'dm'"));
	json_object_set_new(counts, "group_conversations",
			    count(ctx, "SELECT count(*) FROM conversation WHERE kind = 'group'"));
	json_object_set_new(counts, "group_messages",
			    count(ctx, "SELECT count(*) FROM conversation c CROSS JOIN message m "
				       "ON m.conversation_id = c.id WHERE c.kind = 'group'"));
	json_object_set_new(counts, "tweets", count(ctx, "SELECT count(*) FROM tweet"));
	json_object_set_new(counts, "followers",
			    count(ctx, "SELECT count(*) FROM follow WHERE direction = 'follower' "
				       "AND snapshot_id = (SELECT id FROM snapshot WHERE has_followers "
				       "ORDER BY generated_at DESC, id DESC LIMIT 1)"));
	json_object_set_new(counts, "following",
			    count(ctx, "SELECT count(*) FROM follow WHERE direction = 'following' "
				       "AND snapshot_id = (SELECT id FROM snapshot WHERE has_following "
				       "ORDER BY generated_at DESC, id DESC LIMIT 1)"));
	json_object_set_new(r, "counts", counts);

	json_object_set_new(changes, "gained",
			    count(ctx, "SELECT count(*) FROM follow_change WHERE direction = "
				       "'follower' AND change = 'gained'"));
	json_object_set_new(changes, "lost",
			    count(ctx, "SELECT count(*) FROM follow_change WHERE direction = "
				       "'follower' AND change = 'lost'"));
	json_object_set_new(r, "follower_changes", changes);

	/* extras beyond the contract */
	json_t *x = json_object();
	json_object_set_new(x, "following_gained",
			    count(ctx, "SELECT count(*) FROM follow_change WHERE direction = "
				       "'following' AND change = 'gained'"));
	json_object_set_new(x, "following_lost",
			    count(ctx, "SELECT count(*) FROM follow_change WHERE direction = "
				       "'following' AND change = 'lost'"));
	/* one pass over the messages for four figures */
	int64_t media = 0, welcome = 0, first = 0, last = 0;
	if (store_prepare(s, "SELECT count(CASE WHEN media_count > 0 THEN 1 END),"
			     " count(CASE WHEN kind = 'welcome' THEN 1 END),"
			     " min(created_at), max(created_at) FROM message", &st, err) == 0) {
		if (sqlite3_step(st) == SQLITE_ROW) {
			media = sqlite3_column_int64(st, 0);
			welcome = sqlite3_column_int64(st, 1);
			first = sqlite3_column_int64(st, 2);
			last = sqlite3_column_int64(st, 3);
		}
		sqlite3_finalize(st);
	}
	json_object_set_new(x, "media_messages", json_integer(media));
	json_object_set_new(x, "welcome_messages", json_integer(welcome));
	json_object_set_new(x, "owner_replies",
			    count(ctx, "SELECT count(*) FROM owner_reply"));
	json_object_set_new(x, "apps_with_dm_access",
			    count(ctx, "SELECT count(DISTINCT id) FROM app WHERE permissions "
				       "LIKE '%directmessages%'"));
	json_object_set_new(x, "first_message_at", first ? report_time(first) : json_null());
	json_object_set_new(x, "last_message_at", last ? report_time(last) : json_null());
	json_object_set_new(r, "extra", x);
	return r;
}
