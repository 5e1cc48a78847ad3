/*
 * summary_view: what the database holds, as a short table.
 */
#include "report.h"
#include "summary.h"
#include "timeutil.h"

#include <stdio.h>
#include <string.h>

void summary_view(struct report_ctx *ctx, const struct summary_result *r, struct doc *d)
{
	size_t ns = r->nsnaps;
	doc_heading_at(d, 1, "summary", "Archive summary");
	if (r->owner_handle[0])
		doc_para(d, "Archive of @%s (account %lld), %zu snapshot%s.", r->owner_handle,
			 (long long)r->owner, ns, ns == 1 ? "" : "s");
	else
		doc_para(d, "Archive of account %lld, %zu snapshot%s.", (long long)r->owner, ns,
			 ns == 1 ? "" : "s");
	doc_kv(d, "1:1 conversations", "%lld", (long long)r->dm_conversations);
	doc_kv(d, "1:1 messages", "%lld", (long long)r->dm_messages);
	doc_kv(d, "group conversations", "%lld", (long long)r->group_conversations);
	doc_kv(d, "group messages", "%lld", (long long)r->group_messages);
	doc_kv(d, "tweets", "%lld (%lld replies to others)", (long long)r->tweets,
	       (long long)r->owner_replies);
	doc_kv(d, "followers", "%lld", (long long)r->followers);
	doc_kv(d, "following", "%lld", (long long)r->following);
	if (ns > 1)
		doc_kv(d, "follower changes", "+%lld gained, -%lld lost",
		       (long long)r->followers_gained, (long long)r->followers_lost);
	if (r->first_message_at && r->last_message_at) {
		char f[32], l[32];
		time_format_iso(r->first_message_at, f);
		time_format_iso(r->last_message_at, l);
		doc_kv(d, "messages span", "%.10s to %.10s", f, l);
	}
	if (r->apps_with_dm_access)
		doc_kv(d, "apps with DM access", "%lld", (long long)r->apps_with_dm_access);
	(void)ctx;

	doc_heading(d, 2, "Snapshots");
	static const char *const cols[] = { "generated", ">followers", ">following", "source",
					    NULL };
	struct doc_table *t = doc_table(d, "snapshots", cols);
	for (size_t i = 0; i < ns; i++) {
		const struct summary_snapshot *s = &r->snaps[i];
		char at[32];
		time_format_iso(s->generated_at, at);
		doc_cell(t, "%s", at);
		doc_cell(t, "%lld", (long long)s->followers);
		doc_cell(t, "%lld", (long long)s->following);
		doc_cell(t, "%s", s->source ? s->source : "");
	}
}
