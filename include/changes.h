/*
 * changes: the changes analyser's typed result (changes.c makes it,
 * changes_json.c writes it, changes_view.c reads it): for each pair of
 * consecutive snapshots, what vanished and which follows changed.
 *
 * A list the data cannot tell (a snapshot from before repeats were
 * recorded, a snapshot without follower lists) is unknown, written null,
 * never a guess. The lists are held: they are bounded by what vanished and
 * by the follows that changed, not by the archive's messages.
 */
#ifndef DMAUDIT_CHANGES_H
#define DMAUDIT_CHANGES_H

#include "analyze.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct changes_message {
	int64_t id, sender, created;
	char *conv;
};

struct changes_follow {
	int64_t account, after, before;   /* the change happened between after and before */
};

enum changes_follow_kind {
	CHANGES_FOLLOWERS_GAINED, CHANGES_FOLLOWERS_LOST,
	CHANGES_FOLLOWING_GAINED, CHANGES_FOLLOWING_LOST, CHANGES__FOLLOW_KINDS
};

struct changes_follows {
	bool known;
	struct changes_follow *v;
	size_t n;
};

struct changes_pair {
	int64_t from, to;                        /* the two snapshots' generation times */
	bool vanished_known;
	struct changes_message *messages;        /* vanished, in id order */
	size_t nmessages;
	char **convs;                            /* conversations vanished whole, in order */
	size_t nconvs;
	struct changes_follows follows[CHANGES__FOLLOW_KINDS];
};

struct changes_result {
	struct changes_pair *pairs;              /* oldest first */
	size_t npairs;
};

struct changes_result *changes_analyse(struct report_ctx *ctx, struct err *err);
void changes_result_free(struct changes_result *r);

/* The JSON key of a follow list ("followers_gained"), its list and change in words. */
const char *changes_follow_key(enum changes_follow_kind k);
const char *changes_follow_list(enum changes_follow_kind k);
const char *changes_follow_change(enum changes_follow_kind k);

#endif
