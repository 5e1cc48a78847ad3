/*
 * load_tweet: the owner's tweets, their mentions and links (load_int.h).
 */
#include "load_int.h"
#include "exitcode.h"
#include "html.h"
#include "timeutil.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int ld_tweet(struct load *l, const struct jnode *elem, struct err *err)
{
	const struct jnode *t = ld_unwrap(elem, "tweet");
	if (!t)
		t = elem; /* before 2020 tweets were bare objects */
	int64_t id, created, reply_status = 0, reply_user = 0;
	if (ld_id(t, "id_str", &id) != 1 && ld_need_id(t, "id", &id, "tweet", err))
		return -1;
	char what[48];
	snprintf(what, sizeof(what), "tweet %lld", (long long)id);
	if (ld_need_time(t, "created_at", &created, what, err))
		return -1;
	const struct jnode *text = ld_str(t, "full_text");
	if (!text)
		text = ld_str(t, "text");
	buf_reset(&l->scratch);
	if (text)
		html_unescape(&l->scratch, text->s, text->len);
	int has_status = ld_id(t, "in_reply_to_status_id_str", &reply_status) == 1 ||
			 ld_id(t, "in_reply_to_status_id", &reply_status) == 1;
	int has_user = ld_id(t, "in_reply_to_user_id_str", &reply_user) == 1 ||
		       ld_id(t, "in_reply_to_user_id", &reply_user) == 1;
	const struct jnode *reply_handle = ld_str(t, "in_reply_to_screen_name");
	source_app(ld_str(t, "source"), &l->scratch2);

	sqlite3_stmt *st = l->st[S_TWEET];
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, created);
	sqlite3_bind_text(st, 3, l->scratch.s, (int)l->scratch.len, SQLITE_STATIC);
	ld_bind_id(st, 4, reply_status, has_status);
	ld_bind_id(st, 5, reply_user, has_user);
	ld_bind_str(st, 6, reply_handle);
	ld_bind_text(st, 7, l->scratch2.s);
	ld_bind_str(st, 8, ld_str(t, "lang"));
	sqlite3_bind_int(st, 9, !strncmp(l->scratch.s, "RT @", 4));
	sqlite3_bind_int64(st, 10, l->snapshot_id);
	if (ld_step(l, S_TWEET, err))
		return -1;
	l->n.tweets++;
	l->stored.tweets += sqlite3_changes(l->store->db);
	ld_note_time(l, created);

	if (has_user && reply_handle && ld_add_account(l, reply_user, reply_handle, NULL, "reply", err))
		return -1;
	const struct jnode *ent = jdoc_get(t, "entities");
	JDOC_EACH(jdoc_get(ent, "user_mentions"), m) {
		int64_t uid;
		if (ld_id(m, "id_str", &uid) != 1 && ld_id(m, "id", &uid) != 1)
			continue; /* ids of -1 appear for suspended accounts */
		const struct jnode *handle = ld_str(m, "screen_name");
		st = l->st[S_MENTION];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, uid);
		ld_bind_str(st, 3, handle);
		if (ld_step(l, S_MENTION, err) ||
		    (handle && ld_add_account(l, uid, handle, ld_str(m, "name"), "mention", err)))
			return -1;
	}
	int64_t pos = 0;
	JDOC_EACH(jdoc_get(ent, "urls"), u) {
		st = l->st[S_TURL];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, pos++);
		ld_bind_str(st, 3, ld_str(u, "url"));
		ld_bind_str(st, 4, ld_str(u, "expanded_url"));
		if (ld_step(l, S_TURL, err))
			return -1;
	}
	return 0;
}

/* ---- follows, apps, blocks, mutes, account, manifest ---- */

