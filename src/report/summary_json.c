/*
 * summary_json: the summary result as the contract's JSON document
 * (contract.md "summary") plus its extras, written field by field from the
 * typed result. The keys, their order and the text are those the JSON tree
 * of the analyser once had, byte for byte.
 */
#include "report.h"
#include "summary.h"
#include "fmt.h"
#include "jsonw.h"
#include "timeutil.h"

static void put_int(struct jsonw *w, const char *key, int64_t v)
{
	jsonw_key(w, key);
	jsonw_int(w, v);
}

/* A snapshot's text field; absent when the store had none. */
static void put_text(struct jsonw *w, const char *key, const char *v)
{
	if (!v)
		return;
	jsonw_key(w, key);
	jsonw_str(w, v);
}

static void snapshots_json(struct jsonw *w, const struct summary_result *r)
{
	jsonw_array(w);
	for (size_t i = 0; i < r->nsnaps; i++) {
		const struct summary_snapshot *s = &r->snaps[i];
		jsonw_object(w);
		jsonw_key(w, "generated_at");
		jsonw_time(w, s->generated_at);
		put_int(w, "followers", s->followers);
		put_int(w, "following", s->following);
		put_text(w, "source", s->source);
		put_text(w, "sha256", s->sha256);
		put_text(w, "generated_at_from", s->generated_from);
		jsonw_key(w, "ingested_at");
		jsonw_time(w, s->ingested_at);
		jsonw_end(w);
	}
	jsonw_end(w);
}

int summary_json(struct jsonw *w, const struct summary_result *r, const struct report_opts *period)
{
	char id[FMT_I64_SIZE + 1];
	id[fmt_i64(id, r->owner)] = '\0';
	jsonw_object(w);
	jsonw_key(w, "owner");
	jsonw_object(w);
	jsonw_key(w, "account_id");
	jsonw_str(w, id);
	jsonw_key(w, "username");
	jsonw_str_or_null(w, r->owner_handle[0] ? r->owner_handle : NULL);
	jsonw_end(w);
	jsonw_key(w, "snapshots");
	snapshots_json(w, r);
	jsonw_key(w, "counts");
	jsonw_object(w);
	put_int(w, "dm_conversations", r->dm_conversations);
	put_int(w, "dm_messages", r->dm_messages);
	put_int(w, "group_conversations", r->group_conversations);
	put_int(w, "group_messages", r->group_messages);
	put_int(w, "tweets", r->tweets);
	put_int(w, "followers", r->followers);
	put_int(w, "following", r->following);
	jsonw_end(w);
	jsonw_key(w, "follower_changes");
	jsonw_object(w);
	put_int(w, "gained", r->followers_gained);
	put_int(w, "lost", r->followers_lost);
	jsonw_end(w);
	jsonw_key(w, "extra");
	jsonw_object(w);
	put_int(w, "following_gained", r->following_gained);
	put_int(w, "following_lost", r->following_lost);
	put_int(w, "media_messages", r->media_messages);
	put_int(w, "welcome_messages", r->welcome_messages);
	put_int(w, "owner_replies", r->owner_replies);
	put_int(w, "apps_with_dm_access", r->apps_with_dm_access);
	jsonw_key(w, "first_message_at");
	if (r->first_message_at)
		jsonw_time(w, r->first_message_at);
	else
		jsonw_null(w);
	jsonw_key(w, "last_message_at");
	if (r->last_message_at)
		jsonw_time(w, r->last_message_at);
	else
		jsonw_null(w);
	jsonw_end(w);
	report_period_json(w, period);
	jsonw_end(w);
	return 0;
}
