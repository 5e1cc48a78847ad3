/*
 * summary: the summary analyser's typed result (summary.c makes it,
 * summary_json.c writes it, summary_view.c, the overview and the charts
 * read it): what the database holds, the owner, the snapshots and the
 * follow changes, and the DMs by month (for the volume chart; the JSON
 * does not carry it).
 */
#ifndef DMAUDIT_SUMMARY_H
#define DMAUDIT_SUMMARY_H

#include "analyze.h"
#include "months.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct summary_snapshot {
	int64_t generated_at, ingested_at;
	int64_t followers, following;          /* in that snapshot's lists */
	bool has_followers;                    /* it carried follower.js */
	int64_t followers_gained, followers_lost; /* since the snapshot before */
	char *source, *sha256, *generated_from; /* NULL when the store has none */
};

struct summary_result {
	int64_t owner;
	char owner_handle[64];                 /* "" when unknown */
	struct summary_snapshot *snaps;        /* oldest first */
	size_t nsnaps;
	/* counts */
	int64_t dm_conversations, dm_messages, group_conversations, group_messages, tweets;
	int64_t followers, following;          /* in the newest snapshot that has the list */
	int64_t followers_gained, followers_lost;
	/* extras beyond the contract */
	int64_t following_gained, following_lost;
	int64_t media_messages, welcome_messages, owner_replies, apps_with_dm_access;
	int64_t first_message_at, last_message_at; /* 0 with no messages */
	struct months volume;                  /* every DM by month: long[2], received and sent */
};

struct summary_result *summary_analyse(struct report_ctx *ctx, struct err *err);
void summary_result_free(struct summary_result *r);

#endif
