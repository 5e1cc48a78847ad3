/*
 * summary_view: what the database holds, as a short table.
 */
#include "report.h"

#include <stdio.h>
#include <string.h>

static int64_t geti(json_t *o, const char *k)
{
	return json_integer_value(json_object_get(o, k));
}

void summary_view(struct report_ctx *ctx, json_t *r, struct doc *d)
{
	json_t *c = json_object_get(r, "counts"), *x = json_object_get(r, "extra");
	json_t *ch = json_object_get(r, "follower_changes"), *snaps = json_object_get(r, "snapshots");
	(void)ctx;
	doc_heading_at(d, 1, "summary", "Archive summary");
	if (ctx->owner_handle[0])
		doc_para(d, "Archive of @%s (account %lld), %zu snapshot%s.", ctx->owner_handle,
			 (long long)ctx->owner, json_array_size(snaps),
			 json_array_size(snaps) == 1 ? "" : "s");
	else
		doc_para(d, "Archive of account %lld, %zu snapshot%s.", (long long)ctx->owner,
			 json_array_size(snaps), json_array_size(snaps) == 1 ? "" : "s");
	doc_kv(d, "1:1 conversations", "%lld", (long long)geti(c, "dm_conversations"));
	doc_kv(d, "1:1 messages", "%lld", (long long)geti(c, "dm_messages"));
	doc_kv(d, "group conversations", "%lld", (long long)geti(c, "group_conversations"));
	doc_kv(d, "group messages", "%lld", (long long)geti(c, "group_messages"));
	doc_kv(d, "tweets", "%lld (%lld replies to others)", (long long)geti(c, "tweets"),
	       (long long)geti(x, "owner_replies"));
	doc_kv(d, "followers", "%lld", (long long)geti(c, "followers"));
	doc_kv(d, "following", "%lld", (long long)geti(c, "following"));
	if (json_array_size(snaps) > 1)
		doc_kv(d, "follower changes", "+%lld gained, -%lld lost",
		       (long long)geti(ch, "gained"), (long long)geti(ch, "lost"));
	const char *f = json_string_value(json_object_get(x, "first_message_at"));
	const char *l = json_string_value(json_object_get(x, "last_message_at"));
	if (f && l)
		doc_kv(d, "messages span", "%.10s to %.10s", f, l);
	if (geti(x, "apps_with_dm_access"))
		doc_kv(d, "apps with DM access", "%lld", (long long)geti(x, "apps_with_dm_access"));

	doc_heading(d, 2, "Snapshots");
	static const char *const cols[] = { "generated", ">followers", ">following", "source",
					    NULL };
	struct doc_table *t = doc_table(d, "snapshots", cols);
	size_t i;
	json_t *sn;
	json_array_foreach(snaps, i, sn) {
		doc_cell(t, "%s", json_string_value(json_object_get(sn, "generated_at")));
		doc_cell(t, "%lld", (long long)geti(sn, "followers"));
		doc_cell(t, "%lld", (long long)geti(sn, "following"));
		doc_cell(t, "%s", json_string_value(json_object_get(sn, "source")));
	}
}
