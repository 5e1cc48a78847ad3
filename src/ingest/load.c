/*
 * load: the statements, and each element to its family's loader (load_int.h).
 */
#include "load_int.h"
#include "exitcode.h"
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
