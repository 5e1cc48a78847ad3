/*
 * etiquette_json: the etiquette result as the contract's JSON document
 * (contract.md "etiquette") plus its extra keys, written field by field
 * from the typed result, the lists row by row as they are read back.
 * The keys, their order and the text are those the JSON tree of the
 * analyser once had, byte for byte.
 */
#include "report.h"
#include "etiquette.h"
#include "fmt.h"
#include "jsonw.h"
#include "months.h"
#include "timeutil.h"
#include "xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

static void put_secs(struct jsonw *w, struct etiquette_secs v)
{
	if (v.set)
		jsonw_int(w, v.s);
	else
		jsonw_null(w);
}

static void put_rate(struct jsonw *w, int64_t a, int64_t b)
{
	if (b)
		jsonw_real(w, (double)a / (double)b);
	else
		jsonw_null(w);
}

static void key_int(struct jsonw *w, const char *k, int64_t v)
{
	jsonw_key(w, k);
	jsonw_int(w, v);
}

static void key_str(struct jsonw *w, const char *k, const char *v)
{
	jsonw_key(w, k);
	jsonw_str(w, v);
}

static void key_secs(struct jsonw *w, const char *k, struct etiquette_secs v)
{
	jsonw_key(w, k);
	put_secs(w, v);
}

static void key_bool(struct jsonw *w, const char *k, bool v)
{
	jsonw_key(w, k);
	jsonw_bool(w, v);
}

/* {"count": n, "median_seconds": …, "p90_seconds": …} */
static void spread(struct jsonw *w, const char *k, const struct etiquette_spread *s)
{
	jsonw_key(w, k);
	jsonw_object(w);
	key_int(w, "count", s->count);
	key_secs(w, "median_seconds", s->median);
	key_secs(w, "p90_seconds", s->p90);
	jsonw_end(w);
}

static void definitions(struct jsonw *w, const struct etiquette_result *r)
{
	jsonw_key(w, "definitions");
	jsonw_object(w);
	key_str(w, "order", "messages of a conversation by createdAt, then by id (as integers)");
	key_str(w, "seconds", "floor((t2 - t1) / 1000) of millisecond times");
	key_str(w, "median", "middle value; of an even count the mean of the two middle values, "
	       "rounded down");
	key_str(w, "p90", "nearest rank: sorted[ceil(0.9*n)-1]");
	key_str(w, "cold", "owner wrote first and no owner tweet replied to or mentioned the "
	       "counterpart in [first - 604800 s, first)");
	key_str(w, "conversations", "1:1 conversations with at least one message, every message "
	       "kind counted (welcome messages too); conversations without messages are skipped "
	       "and counted in stats.empty_conversations_skipped");
	key_str(w, "response_rate", "answered / counterpart_initiated (conversations the owner "
	       "answered at least once)");
	key_str(w, "reply_rate", "answered runs / all runs of consecutive counterpart messages");
	key_str(w, "unanswered_age", "age_seconds = floor((as_of - first message) / 1000); as_of "
	       "is the newest snapshot's generation time");
	char *bh = xasprintf("%s local time in %s on %s; the customer message's time (the start "
			     "of the run, or the conversation's first message) decides in or off "
			     "hours. replies_sent_in_hours counts by the reply's own time instead "
			     "(Sprout Social's convention)", r->hours, r->time_zone, r->days);
	key_str(w, "business_hours", bh);
	free(bh);
	key_str(w, "marketing", "a cold conversation whose first owner message has a link or "
	       "offer wording");
	key_str(w, "handoff", "an owner tweet replying to another account whose text invites to "
	       "DM (several languages, DM deep links); dm_followed: that account later sent the "
	       "owner a 1:1 message; seconds to the first such message; within_7_days marks the "
	       "ones that count in the median");
	jsonw_end(w);
}

/* conversation_id, counterpart_id, counterpart_handle: how a list's row opens. */
static void row_open(struct jsonw *w, const struct etiquette_row *e)
{
	jsonw_object(w);
	key_str(w, "conversation_id", e->conversation_id);
	jsonw_key(w, "counterpart_id");
	jsonw_id(w, e->counterpart);
	jsonw_key(w, "counterpart_handle");
	jsonw_str_or_null(w, e->handle);
}

static void conversation_row(struct jsonw *w, const struct etiquette_row *e)
{
	jsonw_object(w);
	key_str(w, "conversation_id", e->conversation_id);
	jsonw_key(w, "counterpart_id");
	jsonw_id(w, e->counterpart);
	key_str(w, "initiated_by", e->owner_first ? "owner" : "counterpart");
	key_secs(w, "first_response_seconds", e->first_response);
	jsonw_key(w, "reply_seconds");
	jsonw_array(w);
	for (size_t i = 0; i < e->nreplies; i++)
		jsonw_int(w, e->reply_seconds[i]);
	jsonw_end(w);
	if (e->owner_first) {
		key_bool(w, "cold", e->cold);
		key_bool(w, "first_has_url", e->first_has_url);
		key_int(w, "owner_messages_before_reply", e->owner_before);
	} else {
		jsonw_key(w, "cold");
		jsonw_null(w);
		jsonw_key(w, "first_has_url");
		jsonw_null(w);
		jsonw_key(w, "owner_messages_before_reply");
		jsonw_null(w);
	}
	jsonw_end(w);
}

static void row(struct jsonw *w, const struct etiquette_result *r, enum etiquette_list list,
		const struct etiquette_row *e)
{
	switch (list) {
	case ETIQUETTE_CONVERSATIONS:
		conversation_row(w, e);
		return;
	case ETIQUETTE_UNANSWERED:
		row_open(w, e);
		jsonw_key(w, "first_message_at");
		jsonw_time(w, e->at);
		jsonw_key(w, "last_message_at");
		jsonw_time(w, e->last_at);
		key_int(w, "messages", e->messages);
		key_int(w, "age_seconds", e->age_seconds);
		key_str(w, "snippet", e->snippet);
		if (r->judged) {
			key_bool(w, "automated", e->automated);
			key_bool(w, "maybe_automated", e->maybe_automated);
		}
		break;
	case ETIQUETTE_AWAITING:
		row_open(w, e);
		jsonw_key(w, "waiting_since");
		jsonw_time(w, e->at);
		key_int(w, "age_seconds", e->age_seconds);
		break;
	case ETIQUETTE_COLD:
	case ETIQUETTE_MARKETING:
		row_open(w, e);
		jsonw_key(w, "sent_at");
		jsonw_time(w, e->at);
		key_bool(w, "first_has_url", e->first_has_url);
		key_bool(w, "counterpart_replied", e->counterpart_replied);
		if (list == ETIQUETTE_MARKETING) {
			key_str(w, "cue", e->cue);
			key_str(w, "snippet", e->snippet);
		}
		break;
	case ETIQUETTE_CHASED:
		row_open(w, e);
		jsonw_key(w, "first_message_at");
		jsonw_time(w, e->at);
		key_int(w, "owner_messages_before_reply", e->owner_before);
		key_bool(w, "counterpart_replied", e->counterpart_replied);
		key_bool(w, "cold", e->cold);
		break;
	case ETIQUETTE_HANDOFFS:
		jsonw_object(w);
		jsonw_key(w, "tweet_id");
		jsonw_id(w, e->tweet_id);
		jsonw_key(w, "user_id");
		jsonw_id(w, e->counterpart);
		jsonw_key(w, "user_handle");
		jsonw_str_or_null(w, e->handle);
		jsonw_key(w, "tweeted_at");
		jsonw_time(w, e->at);
		key_bool(w, "dm_followed", e->dm_followed);
		key_secs(w, "seconds", e->first_response);
		key_bool(w, "within_7_days", e->within_7_days);
		jsonw_key(w, "conversation_id");
		jsonw_str_or_null(w, e->conversation_id);
		break;
	case ETIQUETTE_LISTS:
		return;
	}
	jsonw_end(w);
}

/* key: [rows…], read back one at a time. -1 when a row cannot be read. */
static int list(struct jsonw *w, const char *k, const struct etiquette_result *r,
		enum etiquette_list l)
{
	struct etiquette_iter it;
	jsonw_key(w, k);
	jsonw_array(w);
	for (const struct etiquette_row *e = etiquette_first(&it, r, l); e; e = etiquette_next(&it))
		row(w, r, l, e);
	jsonw_end(w);
	return it.failed ? -1 : 0;
}

int etiquette_json(struct jsonw *w, const struct etiquette_result *r, const struct report_opts *period)
{
	int rc = 0;
	jsonw_object(w);
	rc |= list(w, "conversations", r, ETIQUETTE_CONVERSATIONS);

	jsonw_key(w, "totals");
	jsonw_object(w);
	key_int(w, "counterpart_initiated", r->counterpart_initiated);
	key_int(w, "answered", r->answered);
	key_int(w, "unanswered", r->unanswered);
	key_secs(w, "median_first_response_seconds", r->median_first_response);
	key_secs(w, "p90_first_response_seconds", r->p90_first_response);
	key_secs(w, "median_reply_seconds", r->median_reply);
	key_int(w, "owner_initiated", r->owner_initiated);
	key_int(w, "cold", r->cold);
	key_int(w, "cold_with_url", r->cold_with_url);
	key_int(w, "chased", r->chased);
	jsonw_end(w);

	definitions(w, r);

	jsonw_key(w, "stats");
	jsonw_object(w);
	jsonw_key(w, "as_of");
	jsonw_time(w, r->as_of);
	key_int(w, "messages", r->messages);
	key_int(w, "empty_conversations_skipped", r->empty_skipped);
	jsonw_key(w, "response_rate");
	put_rate(w, r->answered, r->counterpart_initiated);
	jsonw_key(w, "reply_rate");
	put_rate(w, r->runs_answered, r->runs);
	key_int(w, "replies", r->runs_answered);
	key_int(w, "unanswered_runs", r->runs - r->runs_answered);
	spread(w, "first_response", &r->first_response);
	spread(w, "reply", &r->reply);
	key_secs(w, "p90_reply_seconds", r->reply.p90);
	key_int(w, "warm", r->warm);
	key_int(w, "marketing", r->marketing);
	key_int(w, "awaiting_reply", (int64_t)etiquette_count(r, ETIQUETTE_AWAITING));
	key_int(w, "unanswered_automated", r->unanswered_automated);
	jsonw_end(w);

	jsonw_key(w, "business_hours");
	jsonw_object(w);
	key_str(w, "time_zone", r->time_zone);
	key_str(w, "hours", r->hours);
	key_str(w, "days", r->days);
	key_str(w, "decided_by", "customer_message");
	jsonw_key(w, "first_response");
	jsonw_object(w);
	spread(w, "in_hours", &r->first_in);
	spread(w, "off_hours", &r->first_off);
	jsonw_end(w);
	jsonw_key(w, "reply");
	jsonw_object(w);
	spread(w, "in_hours", &r->reply_in);
	spread(w, "off_hours", &r->reply_off);
	jsonw_end(w);
	key_int(w, "replies_sent_in_hours", r->replies_sent_in);
	key_int(w, "replies_sent_off_hours", r->replies_sent_off);
	jsonw_end(w);

	jsonw_key(w, "by_month");
	jsonw_array(w);
	for (size_t i = 0; i < r->nmonths; i++) {
		const struct etiquette_month *m = &r->months[i];
		char key[16];
		month_key_name(m->key, key);
		jsonw_object(w);
		key_str(w, "month", key);
		key_int(w, "counterpart_initiated", m->counterpart_initiated);
		key_int(w, "answered", m->answered);
		jsonw_key(w, "response_rate");
		put_rate(w, m->answered, m->counterpart_initiated);
		key_secs(w, "median_first_response_seconds", m->median_first);
		key_secs(w, "p90_first_response_seconds", m->p90_first);
		key_int(w, "replies", m->replies);
		key_secs(w, "median_reply_seconds", m->median_reply);
		key_secs(w, "p90_reply_seconds", m->p90_reply);
		jsonw_end(w);
	}
	jsonw_end(w);

	rc |= list(w, "unanswered", r, ETIQUETTE_UNANSWERED);
	rc |= list(w, "awaiting_reply", r, ETIQUETTE_AWAITING);
	rc |= list(w, "cold_dms", r, ETIQUETTE_COLD);
	rc |= list(w, "marketing", r, ETIQUETTE_MARKETING);
	rc |= list(w, "chased", r, ETIQUETTE_CHASED);

	jsonw_key(w, "handoff_stats");
	jsonw_object(w);
	key_int(w, "invitations", r->invitations);
	key_int(w, "dm_followed", r->dm_followed);
	key_int(w, "dm_followed_within_7_days", r->dm_followed_within_7_days);
	key_secs(w, "median_seconds_within_7_days", r->median_handoff);
	key_secs(w, "p90_seconds_within_7_days", r->p90_handoff);
	key_int(w, "warm_owner_initiated", r->warm);
	key_int(w, "cold_owner_initiated", r->cold);
	jsonw_end(w);
	rc |= list(w, "handoffs", r, ETIQUETTE_HANDOFFS);
	report_period_json(w, period);
	jsonw_end(w);
	if (rc && !errno)
		errno = EIO;
	return rc ? -1 : 0;
}
