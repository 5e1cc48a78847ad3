/*
 * One conversation as a thread (thread.h).
 */
#include "thread.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static char *column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);
	return v ? xstrdup((const char *)v) : NULL;
}

/* ---- finding the conversation ---- */

static const char summary_sql[] =
	"SELECT c.id, c.kind = 'group', c.name, c.counterpart_id, "
	"(SELECT count(*) FROM message m WHERE m.conversation_id = c.id), "
	"(SELECT min(created_at) FROM message m WHERE m.conversation_id = c.id), "
	"(SELECT max(created_at) FROM message m WHERE m.conversation_id = c.id) "
	"FROM conversation c WHERE ";

/* Append the conversations that `where` (with ?1 = arg) selects. */
static int add_matches(struct store *s, const char *where, const char *text, int64_t id,
		       struct thread_matches *m, struct err *err)
{
	sqlite3_stmt *st;
	char *sql = xasprintf("%s%s ORDER BY 7 DESC, 1", summary_sql, where);
	int rc = store_prepare(s, sql, &st, err);
	free(sql);
	if (rc)
		return -1;
	if (text)
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(m->c, m->n + 1, m->alloc);
		struct thread_summary *c = &m->c[m->n++];
		c->id = column_dup(st, 0);
		c->group = sqlite3_column_int(st, 1) != 0;
		c->name = column_dup(st, 2);
		c->counterpart = sqlite3_column_int64(st, 3);
		c->messages = sqlite3_column_int64(st, 4);
		c->first_at = sqlite3_column_int64(st, 5);
		c->last_at = sqlite3_column_int64(st, 6);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, err, "cannot read the conversations");
}

int thread_find(struct store *s, const char *target, struct thread_matches *m,
		struct err *err)
{
	if (add_matches(s, "c.id = ?1", target, 0, m, err))
		return -1;
	if (m->n)
		return 0;
	m->account = store_account(s, target);
	if (!m->account)
		return 0;
	if (add_matches(s, "c.kind = 'dm' AND c.counterpart_id = ?1", NULL, m->account, m, err))
		return -1;
	if (m->n)
		return 0;
	/* no 1:1 conversation: the groups the account wrote in or was named in */
	return add_matches(s, "c.kind = 'group' AND c.id IN (SELECT conversation_id FROM "
			      "group_event_user WHERE account_id = ?1 UNION SELECT "
			      "conversation_id FROM group_event WHERE initiator_id = ?1 UNION "
			      "SELECT conversation_id FROM message WHERE sender_id = ?1 AND "
			      "recipient_id IS NULL)", NULL, m->account, m, err);
}

static void summary_release(struct thread_summary *c)
{
	free(c->id);
	free(c->name);
	c->id = c->name = NULL;
}

void thread_matches_release(struct thread_matches *m)
{
	for (size_t i = 0; i < m->n; i++)
		summary_release(&m->c[i]);
	free(m->c);
	m->c = NULL;
	m->n = m->alloc = 0;
}

/* ---- loading it ---- */

static struct thread_item *new_item(struct thread *t, enum thread_item_kind kind)
{
	ALLOC_GROW(t->item, t->n + 1, t->alloc);
	struct thread_item *it = &t->item[t->n++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	return it;
}

static void name_account(struct thread *t, int64_t id)
{
	if (!id)
		return;
	for (size_t i = 0; i < t->nacct; i++)
		if (t->acct[i].id == id)
			return;
	ALLOC_GROW(t->acct, t->nacct + 1, t->aacct);
	t->acct[t->nacct].id = id;
	t->acct[t->nacct++].handle = NULL;
}

/* The message item with this id (messages are few enough per thread to bsearch a copy). */
struct by_id {
	int64_t id;
	size_t index;
};

static int cmp_by_id(const void *a, const void *b)
{
	int64_t x = ((const struct by_id *)a)->id, y = ((const struct by_id *)b)->id;
	return (x > y) - (x < y);
}

static struct thread_item *find_message(struct thread *t, struct by_id *ids, size_t n,
					int64_t id)
{
	struct by_id key = { id, 0 };
	struct by_id *hit = bsearch(&key, ids, n, sizeof(*ids), cmp_by_id);
	return hit ? &t->item[hit->index] : NULL;
}

static void add_media(struct thread_item *it, const char *path, bool in_archive)
{
	const char *base = strrchr(path, '/');
	it->media = xrealloc(it->media, (it->nmedia + 1) * sizeof(*it->media));
	it->media[it->nmedia++] = xstrdup(base && base[1] ? base + 1 : path);
	it->nmedia_missing += !in_archive;
}

static int load_messages(struct store *s, struct thread *t, struct err *err)
{
	sqlite3_stmt *st;
	if (store_prepare(s, "SELECT id, sender_id, created_at, text, kind = 'welcome' FROM message "
			     "WHERE conversation_id = ?1 ORDER BY created_at, id", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, t->info.id, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct thread_item *it = new_item(t, THREAD_MESSAGE);
		it->id = sqlite3_column_int64(st, 0);
		it->sender = sqlite3_column_int64(st, 1);
		it->at = sqlite3_column_int64(st, 2);
		it->text = column_dup(st, 3);
		it->welcome = sqlite3_column_int(st, 4) != 0;
		name_account(t, it->sender);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, err, "cannot read the messages");
}

/* Reactions and media of the thread's messages, one query each. */
static int load_extras(struct store *s, struct thread *t, struct err *err)
{
	static const char *const sql[] = {
		"SELECT r.message_id, r.sender_id, r.reaction_key FROM message m JOIN reaction r "
		"ON r.message_id = m.id WHERE m.conversation_id = ?1 "
		"ORDER BY r.message_id, r.created_at, r.event_id",
		"SELECT f.message_id, f.path FROM media_file f JOIN message m ON m.id = "
		"f.message_id WHERE m.conversation_id = ?1 ORDER BY f.message_id, f.path",
		"SELECT mm.message_id, mm.url FROM message m JOIN message_media mm ON "
		"mm.message_id = m.id WHERE m.conversation_id = ?1 AND m.media_count > 0 "
		"ORDER BY mm.message_id, mm.pos",
	};
	size_t n = 0;
	struct by_id *ids = xmalloc((t->n + 1) * sizeof(*ids));
	for (size_t i = 0; i < t->n; i++)
		if (t->item[i].kind == THREAD_MESSAGE)
			ids[n++] = (struct by_id){ t->item[i].id, i };
	qsort(ids, n, sizeof(*ids), cmp_by_id);

	int rc = 0;
	for (size_t q = 0; q < 3 && !rc; q++) {
		sqlite3_stmt *st;
		if (store_prepare(s, sql[q], &st, err)) {
			rc = -1;
			break;
		}
		sqlite3_bind_text(st, 1, t->info.id, -1, SQLITE_STATIC);
		int step;
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			struct thread_item *it = find_message(t, ids, n, sqlite3_column_int64(st, 0));
			const char *v = (const char *)sqlite3_column_text(st, q ? 1 : 2);
			if (!it || !v)
				continue;
			if (q == 0) {
				it->reactions = xrealloc(it->reactions, (it->nreactions + 1) *
									sizeof(*it->reactions));
				struct thread_reaction *r = &it->reactions[it->nreactions++];
				r->sender = sqlite3_column_int64(st, 1);
				r->key = xstrdup(v);
				name_account(t, r->sender);
			} else if (q == 1) {
				add_media(it, v, true);
			} else if (!it->nmedia || it->nmedia_missing) {
				/* a media URL stands in only for a message without its files */
				add_media(it, v, false);
			}
		}
		sqlite3_finalize(st);
		if (step != SQLITE_DONE)
			rc = store_fail(s, err, "cannot read the reactions and media");
	}
	free(ids);
	return rc;
}

static int load_events(struct store *s, struct thread *t, struct err *err)
{
	sqlite3_stmt *st, *users;
	if (store_prepare(s, "SELECT kind, created_at, initiator_id, name FROM group_event "
			     "WHERE conversation_id = ?1 ORDER BY created_at", &st, err))
		return -1;
	if (store_prepare(s, "SELECT account_id FROM group_event_user WHERE conversation_id = ?1 "
			     "AND created_at = ?2 AND kind = ?3 ORDER BY account_id", &users, err)) {
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_bind_text(st, 1, t->info.id, -1, SQLITE_STATIC);
	sqlite3_bind_text(users, 1, t->info.id, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct thread_item *it = new_item(t, THREAD_EVENT);
		it->event = column_dup(st, 0);
		it->at = sqlite3_column_int64(st, 1);
		it->sender = sqlite3_column_int64(st, 2);
		it->text = column_dup(st, 3);
		name_account(t, it->sender);
		sqlite3_bind_int64(users, 2, it->at);
		sqlite3_bind_text(users, 3, it->event ? it->event : "", -1, SQLITE_STATIC);
		while (sqlite3_step(users) == SQLITE_ROW) {
			it->accounts = xrealloc(it->accounts, (it->naccounts + 1) *
								sizeof(*it->accounts));
			it->accounts[it->naccounts++] = sqlite3_column_int64(users, 0);
			name_account(t, it->accounts[it->naccounts - 1]);
		}
		sqlite3_reset(users);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(users);
	return rc == SQLITE_DONE ? 0 : store_fail(s, err, "cannot read the group events");
}

static int load_handles(struct store *s, struct thread *t, struct err *err)
{
	sqlite3_stmt *st;
	if (store_prepare(s, "SELECT handle FROM account WHERE id = ?1", &st, err))
		return -1;
	for (size_t i = 0; i < t->nacct; i++) {
		sqlite3_bind_int64(st, 1, t->acct[i].id);
		if (sqlite3_step(st) == SQLITE_ROW)
			t->acct[i].handle = column_dup(st, 0);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return 0;
}

/* Time order; an event before a message of the same millisecond, messages by id. */
static int cmp_item(const void *a, const void *b)
{
	const struct thread_item *x = a, *y = b;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind == THREAD_EVENT ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

int thread_load(struct store *s, const struct thread_summary *c, struct thread *t,
		struct err *err)
{
	t->info = *c;
	t->info.id = xstrdup(c->id);
	t->info.name = c->name ? xstrdup(c->name) : NULL;
	t->owner = store_owner(s);
	name_account(t, t->owner);
	name_account(t, c->counterpart);
	if (load_messages(s, t, err) || load_events(s, t, err))
		return -1;
	/* the messages come ordered; the events join them by time */
	qsort(t->item, t->n, sizeof(*t->item), cmp_item);
	return load_extras(s, t, err) || load_handles(s, t, err) ? -1 : 0;
}

const char *thread_handle(const struct thread *t, int64_t id)
{
	for (size_t i = 0; i < t->nacct; i++)
		if (t->acct[i].id == id)
			return t->acct[i].handle;
	return NULL;
}

size_t thread_members(const struct thread *t)
{
	size_t n = 0;
	for (size_t i = 0; i < t->nacct; i++)
		n += t->acct[i].id != t->owner;
	return n;
}

void thread_release(struct thread *t)
{
	for (size_t i = 0; i < t->n; i++) {
		struct thread_item *it = &t->item[i];
		free(it->text);
		free(it->event);
		free(it->accounts);
		for (size_t k = 0; k < it->nreactions; k++)
			free(it->reactions[k].key);
		free(it->reactions);
		for (size_t k = 0; k < it->nmedia; k++)
			free(it->media[k]);
		free(it->media);
	}
	free(t->item);
	for (size_t i = 0; i < t->nacct; i++)
		free(t->acct[i].handle);
	free(t->acct);
	summary_release(&t->info);
	memset(t, 0, sizeof(*t));
}
