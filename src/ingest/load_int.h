/*
 * load_int: what the parts of the loader share (load.h says what it does).
 * load.c holds the statements and hands each element to its family's
 * loader; load_batch.c the message batches; load_owner.c tells the owner;
 * load_fields.c reads the fields of an element and binds them;
 * load_dm.c the 1:1 and group conversations, load_tweet.c the tweets,
 * load_account.c the account, the follow lists, blocks, mutes, apps and
 * the manifest. Every statement of the loader is named here.
 */
#ifndef DMAUDIT_LOAD_INT_H
#define DMAUDIT_LOAD_INT_H

#include "load.h"

#include <stdbool.h>
#include <stdint.h>

enum {
	S_CONV, S_MSG, S_MSG_BATCH, S_URL, S_MEDIA, S_REACT, S_GEV, S_GEV_USER, S_CONV_NAME, S_FOLLOW,
	S_TWEET, S_MENTION, S_TURL, S_ACCOUNT, S_APP, S_BLOCK, S_MUTE, S_MEDIA_FILE, S_MSG_HELD,
	S_VERSION_OLD, S_VERSION_NEW, S_SEEN, S__COUNT
};

/* The statements' SQL, by name (load.c). */
extern const char *const load_sql[S__COUNT];

/* Fields (load_fields.c): a string member or NULL; ids as decimal strings or old integers;
 * ld_id gives 1 present, 0 absent or null, -1 malformed; the need_ forms fail naming what. */
const struct jnode *ld_str(const struct jnode *o, const char *key);
bool ld_parse_id(const char *s, size_t n, int64_t *out);
bool ld_node_id(const struct jnode *v, int64_t *out);
int ld_id(const struct jnode *o, const char *key, int64_t *out);
bool ld_node_time(const struct jnode *v, int64_t *out);
int ld_need_id(const struct jnode *o, const char *key, int64_t *out, const char *what,
	       struct err *err);
int ld_need_time(const struct jnode *o, const char *key, int64_t *out, const char *what,
		 struct err *err);
const struct jnode *ld_unwrap(const struct jnode *elem, const char *key);
char *ld_strdup(const struct jnode *v);
/* Statements: step one by name; bind a string node, a text or an id, or NULL. */
int ld_step(struct load *l, int which, struct err *err);
void ld_bind_str(sqlite3_stmt *st, int i, const struct jnode *v);
void ld_bind_text(sqlite3_stmt *st, int i, const char *s);
void ld_bind_id(sqlite3_stmt *st, int i, int64_t v, bool present);
void ld_note_time(struct load *l, int64_t t);
int ld_add_account(struct load *l, int64_t id, const struct jnode *handle,
		   const struct jnode *name, const char *source, struct err *err);

/* The owner (load_owner.c): a conversation id's hash; someone met in a group conversation. */
uint64_t ld_hash(const char *conv);
void ld_note_member(struct load *l, const char *conv, int64_t account);

/* One element of each family, as load_element dispatches them. */
int ld_conversation(struct load *l, const struct jnode *elem, bool group, struct err *err);
int ld_tweet(struct load *l, const struct jnode *elem, struct err *err);
int ld_follow(struct load *l, const struct jnode *elem, bool follower, struct err *err);
int ld_listed(struct load *l, const struct jnode *elem, bool block, struct err *err);
int ld_app(struct load *l, const struct jnode *elem, struct err *err);
int ld_account(struct load *l, const struct jnode *elem, struct err *err);
int ld_manifest(struct load *l, const struct jnode *m, struct err *err);
int ld_owner_hint(struct load *l, const struct jnode *elem);

#endif
