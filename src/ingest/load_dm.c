/*
 * load_dm: 1:1 and group conversations, their messages and events (load_int.h).
 */
#include "load_int.h"
#include "exitcode.h"
#include "html.h"
#include "timeutil.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Count a 1:1 conversation id once, however many chunks and parts carry it. */
static void note_conversation(struct load *l, const char *conv)
{
	uint32_t none = 0;
	if (u64map_put(&l->conv_seen, ld_hash(conv), &none))
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
	if (!ld_parse_id(left, n, &a) || !ld_parse_id(dash + 1, strlen(dash + 1), &b))
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

/* The one-line error of a message whose id, sender or time is missing or bad. */
static int message_error(const struct jnode *m, const char *conv, int64_t id, int r_id,
			 int r_sender, int has_recipient, struct err *err)
{
	int64_t sender, created;
	char what[96];
	if (r_id != 1)
		snprintf(what, sizeof(what), "a message of conversation %.40s", conv);
	else
		snprintf(what, sizeof(what), "message %lld", (long long)id);
	if (r_id != 1)
		return ld_need_id(m, "id", &id, what, err);
	if (r_sender != 1)
		return ld_need_id(m, "senderId", &sender, what, err);
	if (has_recipient < 0)
		return err_set(err, EXIT_INPUT, "%s: 'recipientId' is not a decimal id", what);
	return ld_need_time(m, "createdAt", &created, what, err);
}

/* A message's links, in their order. */
static int load_urls(struct load *l, int64_t id, const struct jnode *urls, struct err *err)
{
	int64_t pos = 0;
	JDOC_EACH(urls, u) {
		sqlite3_stmt *st = l->st[S_URL];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, pos++);
		ld_bind_str(st, 3, ld_str(u, "url"));
		ld_bind_str(st, 4, ld_str(u, "expanded"));
		ld_bind_str(st, 5, ld_str(u, "display"));
		if (ld_step(l, S_URL, err))
			return -1;
	}
	return 0;
}

/* A message's media addresses; a position keeps its number when an entry is not text. */
static int load_media(struct load *l, int64_t id, const struct jnode *media, struct err *err)
{
	int64_t pos = 0;
	JDOC_EACH(media, u) {
		int64_t at = pos++;
		if (!jis(u, J_STRING))
			continue;
		sqlite3_stmt *st = l->st[S_MEDIA];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, at);
		sqlite3_bind_text(st, 3, u->s, (int)u->len, SQLITE_STATIC);
		if (ld_step(l, S_MEDIA, err))
			return -1;
	}
	return 0;
}

/* The reactions written inside a message; one without a sender or a key is skipped. */
static int load_reactions(struct load *l, int64_t id, const struct jnode *reactions,
			  struct err *err)
{
	int64_t pos = 0;
	JDOC_EACH(reactions, r) {
		int64_t rs, ev, rt = 0, at = pos++;
		const struct jnode *key = ld_str(r, "reactionKey");
		if (ld_id(r, "senderId", &rs) != 1 || !key)
			continue;
		if (ld_id(r, "eventId", &ev) != 1)
			ev = at;
		sqlite3_stmt *st = l->st[S_REACT];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, rs);
		sqlite3_bind_text(st, 3, key->s, (int)key->len, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, ev);
		bool has_rt = ld_node_time(jdoc_get(r, "createdAt"), &rt);
		ld_bind_id(st, 5, rt, has_rt);
		if (ld_step(l, S_REACT, err))
			return -1;
	}
	return 0;
}

static int load_message(struct load *l, const char *conv, bool group, const struct jnode *m,
			bool welcome, struct err *err)
{
	int64_t id, sender, recipient = 0, created;
	int r_id = ld_id(m, "id", &id), r_sender = ld_id(m, "senderId", &sender);
	int has_recipient = ld_id(m, "recipientId", &recipient);

	/* The error text is built only on failure: this runs for every message. */
	if (r_id != 1 || r_sender != 1 || !ld_node_time(jdoc_get(m, "createdAt"), &created) ||
	    has_recipient < 0)
		return message_error(m, conv, id, r_id, r_sender, has_recipient, err);
	if (group || recipient == 0)
		has_recipient = 0;
	if (group)
		ld_note_member(l, conv, sender);

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
	if (load_urls(l, id, urls, err) || load_media(l, id, media, err) ||
	    load_reactions(l, id, jdoc_get(m, "reactions"), err))
		return -1;
	ld_note_time(l, created);
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
	const struct jnode *key = ld_str(r, "reactionKey");
	if (ld_id(r, "messageId", &msg) != 1 && ld_id(r, "eventId", &msg) != 1)
		return 0;
	if (ld_id(r, "senderId", &sender) != 1 || !key)
		return 0;
	int64_t ev;
	if (ld_id(r, "id", &ev) != 1)
		ev = msg;
	sqlite3_stmt *st = l->st[S_REACT];
	sqlite3_bind_int64(st, 1, msg);
	sqlite3_bind_int64(st, 2, sender);
	sqlite3_bind_text(st, 3, key->s, (int)key->len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, ev);
	bool has_t = ld_node_time(jdoc_get(r, "createdAt"), &t);
	ld_bind_id(st, 5, t, has_t);
	return ld_step(l, S_REACT, err);
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
	if (ld_need_time(e, "createdAt", &t, what, err))
		return -1;
	int has_init = ld_id(e, "initiatingUserId", &initiator) == 1;
	if (has_init)
		ld_note_member(l, conv, initiator);
	const struct jnode *name = !strcmp(kind, "rename") ? ld_str(e, "name") : NULL;

	sqlite3_stmt *st = l->st[S_GEV];
	sqlite3_bind_text(st, 1, conv, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, t);
	ld_bind_id(st, 4, initiator, has_init);
	ld_bind_str(st, 5, name);
	if (ld_step(l, S_GEV, err))
		return -1;
	if (name) {
		st = l->st[S_CONV_NAME];
		sqlite3_bind_text(st, 1, conv, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, name->s, (int)name->len, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, t);
		if (ld_step(l, S_CONV_NAME, err))
			return -1;
	}
	JDOC_EACH(users_key ? jdoc_get(e, users_key) : NULL, u) {
		int64_t uid;
		if (!ld_node_id(u, &uid))
			continue;
		/* who left is no longer a member; a snapshot and a join name members */
		if (strcmp(kind, "participants_leave"))
			ld_note_member(l, conv, uid);
		st = l->st[S_GEV_USER];
		sqlite3_bind_text(st, 1, conv, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, t);
		sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, uid);
		if (ld_step(l, S_GEV_USER, err))
			return -1;
	}
	ld_note_time(l, t);
	return 0;
}

int ld_conversation(struct load *l, const struct jnode *elem, bool group,
			     struct err *err)
{
	const struct jnode *c = ld_unwrap(elem, "dmConversation");
	if (!c)
		return err_set(err, EXIT_INPUT, "not a dmConversation object");
	const struct jnode *id = ld_str(c, "conversationId");
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
	if (ld_step(l, S_CONV, err))
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

