/*
 * thread: one conversation read back from the store as a thread.
 *
 * thread_find turns what a user names (a conversation id, an @handle, an
 * account id) into conversations: the conversation itself, else the
 * account's 1:1 conversation, else the groups it took part in.
 * thread_load reads one conversation in order (createdAt, then id, as
 * every report orders messages), its group events placed among the
 * messages by time, each message with its reactions and media file names,
 * and the handles of every account it names. Texts are as stored: redaction
 * is the caller's (pii.h). Reads only; never prints.
 */
#ifndef DMAUDIT_THREAD_H
#define DMAUDIT_THREAD_H

#include "error.h"
#include "store.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct thread_summary {
	char *id;
	bool group;
	char *name;                 /* groups: the latest name; NULL when none */
	int64_t counterpart;        /* 1:1: the other account */
	int64_t messages;
	int64_t first_at, last_at;  /* ms; 0 when it has no messages */
};

struct thread_matches {
	int64_t account;            /* the account named, 0 when a conversation id was */
	struct thread_summary *c;   /* most recent first */
	size_t n, alloc;
};

#define THREAD_MATCHES_INIT { 0, NULL, 0, 0 }

/* Fill m with what target names (m->n == 0: nothing). */
int thread_find(struct store *s, const char *target, struct thread_matches *m,
		struct err *err);
void thread_matches_release(struct thread_matches *m);

struct thread_reaction {
	int64_t sender;
	char *key;                  /* "like", "heart", … */
};

enum thread_item_kind { THREAD_MESSAGE, THREAD_EVENT };

struct thread_item {
	enum thread_item_kind kind;
	int64_t at;                 /* ms */
	int64_t id;                 /* message id; 0 for events */
	int64_t sender;             /* the sender, or the event's initiator (0: none named) */
	char *text;                 /* message text; a rename's new name */
	bool welcome;               /* a welcomeMessageCreate */
	char *event;                /* 'join' (the owner was added), 'participants_join', … */
	int64_t *accounts;          /* the accounts an event names */
	size_t naccounts;
	struct thread_reaction *reactions;
	size_t nreactions;
	char **media;               /* file names in the archive, else the media URL's name */
	size_t nmedia;
	size_t nmedia_missing;      /* of those, not in the archive */
};

struct thread_account {
	int64_t id;
	char *handle;               /* NULL when the archive names none */
};

struct thread {
	struct thread_summary info;
	int64_t owner;
	struct thread_item *item;   /* oldest first */
	size_t n, alloc;
	struct thread_account *acct; /* every account the thread names, by id */
	size_t nacct, aacct;
};

#define THREAD_INIT { { NULL, false, NULL, 0, 0, 0, 0 }, 0, NULL, 0, 0, NULL, 0, 0 }

int thread_load(struct store *s, const struct thread_summary *c, struct thread *t,
		struct err *err);
/* The handle of an account the thread names, or NULL. */
const char *thread_handle(const struct thread *t, int64_t id);
/* Distinct accounts that wrote or were named, the owner left out. */
size_t thread_members(const struct thread *t);
void thread_release(struct thread *t);

#endif
