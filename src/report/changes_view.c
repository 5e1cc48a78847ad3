/*
 * changes_view: the changes JSON per pair of snapshots: counts, then what
 * vanished and which follows changed.
 */
#include "report.h"

#include <stdio.h>
#include <string.h>

static size_t size_or_zero(json_t *a)
{
	return json_is_array(a) ? json_array_size(a) : 0;
}

static void count_kv(struct doc *d, const char *key, json_t *a)
{
	if (json_is_array(a))
		doc_kv(d, key, "%zu", json_array_size(a));
	else
		doc_kv(d, key, "unknown");
}

void changes_view(struct report_ctx *ctx, json_t *r, struct doc *d)
{
	static const char *const vcols[] = { "from", "to", "message id", "conversation",
					     "sender", "sent", NULL };
	static const char *const fcols[] = { "from", "to", "list", "change", "account",
					     "after", "before", NULL };
	static const char *const keys[4][3] = {
		{ "followers_gained", "followers", "gained" },
		{ "followers_lost", "followers", "lost" },
		{ "following_gained", "following", "gained" },
		{ "following_lost", "following", "lost" },
	};
	json_t *pairs = json_object_get(r, "pairs");
	size_t np = json_array_size(pairs), nv = 0, nf = 0;
	char name[80];
	doc_heading(d, 1, "Changes between snapshots");
	if (!np)
		doc_para(d, "One snapshot only: ingest a later archive of the same account to see "
			    "what changed (messages deleted or unsent, follows gained and lost).");
	else
		doc_para(d, "For each pair of consecutive snapshots: the messages and conversations the "
		    "earlier one held and the later one does not (deleted or unsent), and the "
		    "follows gained and lost, each between the two times given (after the "
		    "earlier snapshot, and after the account was made when its id tells).");
	for (size_t i = 0; i < np; i++) {
		json_t *p = json_array_get(pairs, i);
		doc_heading(d, 2, "%s to %s", json_string_value(json_object_get(p, "from")),
			    json_string_value(json_object_get(p, "to")));
		count_kv(d, "messages vanished", json_object_get(p, "vanished_message_ids"));
		count_kv(d, "conversations vanished", json_object_get(p, "vanished_conversation_ids"));
		for (int k = 0; k < 4; k++) {
			char key[32];
			snprintf(key, sizeof(key), "%s %s", keys[k][1], keys[k][2]);
			count_kv(d, key, json_object_get(p, keys[k][0]));
			nf += size_or_zero(json_object_get(p, keys[k][0]));
		}
		nv += size_or_zero(json_object_get(p, "vanished_messages"));
	}
	/* the tables are there even empty: CSV output always has its header */
	{
		doc_heading(d, 2, "Messages vanished");
		if (!nv)
			doc_para(d, "None.");
		struct doc_table *t = doc_table(d, "vanished", vcols);
		for (size_t i = 0; i < np; i++) {
			json_t *p = json_array_get(pairs, i), *m;
			size_t j;
			json_array_foreach(json_object_get(p, "vanished_messages"), j, m) {
				doc_cell(t, "%s", json_string_value(json_object_get(p, "from")));
				doc_cell(t, "%s", json_string_value(json_object_get(p, "to")));
				doc_cell(t, "%s", json_string_value(json_object_get(m, "id")));
				doc_cell(t, "%s", json_string_value(json_object_get(m, "conversation_id")));
				int64_t sender = strtoll(json_string_value(json_object_get(m, "sender_id")),
							 NULL, 10);
				doc_cell(t, "%s", report_name(ctx, sender, name));
				doc_cell(t, "%s", json_string_value(json_object_get(m, "created_at")));
			}
		}
	}
	{
		doc_heading(d, 2, "Follows gained and lost");
		if (!nf)
			doc_para(d, "None.");
		struct doc_table *t = doc_table(d, "follows", fcols);
		for (size_t i = 0; i < np; i++) {
			json_t *p = json_array_get(pairs, i), *f;
			for (int k = 0; k < 4; k++) {
				size_t j;
				json_array_foreach(json_object_get(p, keys[k][0]), j, f) {
					doc_cell(t, "%s", json_string_value(json_object_get(p, "from")));
					doc_cell(t, "%s", json_string_value(json_object_get(p, "to")));
					doc_cell(t, "%s", keys[k][1]);
					doc_cell(t, "%s", keys[k][2]);
					int64_t id = strtoll(json_string_value(json_object_get(f,
								"account_id")), NULL, 10);
					doc_cell(t, "%s", report_name(ctx, id, name));
					doc_cell(t, "%s", json_string_value(json_object_get(f, "after")));
					doc_cell(t, "%s", json_string_value(json_object_get(f, "before")));
				}
			}
		}
	}
}
