/*
 * etiquette_view: the etiquette JSON as a one-page audit for a business
 * owner: headline numbers, what to fix (worst first), then the evidence
 * (unanswered, cold, marketing, chasing, handoffs, business hours, months),
 * and last the per-conversation table that CSV output writes.
 */
#include "etiquette.h"
#include "timeutil.h"
#include "tz.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIST_MAX 10 /* rows shown per list; the JSON holds them all */

static int64_t geti(json_t *o, const char *k)
{
	return json_integer_value(json_object_get(o, k));
}

static const char *gets_(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

/* "3 h 05 min", or "–" for null */
static const char *dur(json_t *v, char out[32])
{
	if (!json_is_integer(v))
		snprintf(out, 32, "-");
	else
		report_duration(json_integer_value(v), out);
	return out;
}

/* An ISO time from the JSON shown in the report's zone: "2021-12-15 22:55". */
static const char *when(const char *iso, char out[32])
{
	int64_t ms;
	struct tz_local l;
	if (!iso || !time_parse(iso, &ms)) {
		snprintf(out, 32, "%s", iso ? iso : "-");
		return out;
	}
	tz_local(ms, &l);
	snprintf(out, 32, "%04d-%02d-%02d %02d:%02d", l.year, l.month, l.day, l.hour, l.minute);
	return out;
}

/* "@handle" when known, else the account id */
static const char *who(json_t *o, char out[80])
{
	const char *h = json_string_value(json_object_get(o, "counterpart_handle"));
	if (!h)
		h = json_string_value(json_object_get(o, "user_handle"));
	if (h)
		snprintf(out, 80, "@%s", h);
	else if (json_object_get(o, "counterpart_id"))
		snprintf(out, 80, "%s", gets_(o, "counterpart_id"));
	else
		snprintf(out, 80, "%s", gets_(o, "user_id"));
	return out;
}

static int pct(int64_t a, int64_t b)
{
	return b ? (int)((a * 100 + b / 2) / b) : 0;
}

/* "a, b, c and 4 more": the first conversation ids of a list */
static char *cite(json_t *list, const char *key)
{
	char *s = xstrdup("");
	size_t n = json_array_size(list);
	for (size_t i = 0; i < n && i < 3; i++) {
		char *t = xasprintf("%s%s%s", s, i ? ", " : "",
				    gets_(json_array_get(list, i), key));
		free(s);
		s = t;
	}
	if (n > 3) {
		char *t = xasprintf("%s and %zu more", s, n - 3);
		free(s);
		s = t;
	}
	return s;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The conversation ids of a list's entries, sorted for in_ids (the strings are borrowed). */
static const char **ids_of(json_t *list, size_t *n)
{
	const char **ids = xmalloc((json_array_size(list) + 1) * sizeof(*ids));
	size_t i;
	json_t *e;
	json_array_foreach(list, i, e)
		ids[i] = gets_(e, "conversation_id");
	*n = json_array_size(list);
	qsort(ids, *n, sizeof(*ids), cmp_str);
	return ids;
}

static bool in_ids(const char **ids, size_t n, const char *conversation)
{
	return bsearch(&conversation, ids, n, sizeof(*ids), cmp_str) != NULL;
}

/* newest first: the ones a customer may still be waiting on */
/* How an unanswered sender is marked: a near-certain bot, or maybe one. */
static const char *bot_mark(json_t *e)
{
	if (json_is_true(json_object_get(e, "automated")))
		return " (bot)";
	return json_is_true(json_object_get(e, "maybe_automated")) ? " (maybe automated)" : "";
}

/* People first, then automated senders; newest first within each. */
static int newest_first(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	int bx = json_is_true(json_object_get(x, "automated"));
	int by = json_is_true(json_object_get(y, "automated"));
	if (bx != by)
		return bx - by;
	return strcmp(gets_(y, "first_message_at"), gets_(x, "first_message_at"));
}

struct fix {
	int64_t score;
	char *text;
};

static int fix_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct fix *)a)->score, y = ((const struct fix *)b)->score;
	return (y > x) - (y < x);
}

static void fixes_write(struct doc *d, json_t *r)
{
	json_t *tot = json_object_get(r, "totals"), *st = json_object_get(r, "stats");
	json_t *hs = json_object_get(r, "handoff_stats"), *bh = json_object_get(r, "business_hours");
	struct fix f[8];
	size_t n = 0;
	char a[32], b[32];

	int64_t bots = geti(st, "unanswered_automated");
	int64_t un = geti(tot, "unanswered") - bots, ci = geti(tot, "counterpart_initiated") - bots;
	if (un) {
		json_t *people = json_array(), *e;
		size_t k;
		json_array_foreach(json_object_get(r, "unanswered"), k, e)
			if (!json_is_true(json_object_get(e, "automated")))
				json_array_append(people, e);
		char *c = cite(people, "conversation_id");
		json_decref(people);
		f[n].score = 30 * un;
		f[n++].text = xasprintf("Answer the %lld conversation%s people started that never "
					"got a reply (%d%% of %lld%s): they wrote to you in DMs, so "
					"answer there. See %s.", (long long)un, un == 1 ? "" : "s",
					pct(un, ci), (long long)ci,
					bots ? ", leaving out automated senders" : "", c);
		free(c);
	}
	int64_t mk = geti(st, "marketing");
	if (mk) {
		char *c = cite(json_object_get(r, "marketing"), "conversation_id");
		f[n].score = 30 * mk;
		f[n++].text = xasprintf("Stop unsolicited marketing: %lld cold DM%s carried links or "
					"offers to people who had not asked. See %s.", (long long)mk,
					mk == 1 ? "" : "s", c);
		free(c);
	}
	int64_t ch = geti(tot, "chased");
	if (ch) {
		char *c = cite(json_object_get(r, "chased"), "conversation_id");
		f[n].score = 20 * ch;
		f[n++].text = xasprintf("Don't chase: in %lld conversation%s you sent two or more "
					"messages before any answer. See %s.", (long long)ch,
					ch == 1 ? "" : "s", c);
		free(c);
	}
	int64_t aw = geti(st, "awaiting_reply");
	if (aw) {
		char *c = cite(json_object_get(r, "awaiting_reply"), "conversation_id");
		f[n].score = 15 * aw;
		f[n++].text = xasprintf("Close the loop: %lld conversation%s end with the customer's "
					"message still waiting for you. See %s.", (long long)aw,
					aw == 1 ? "" : "s", c);
		free(c);
	}
	int64_t cold = geti(tot, "cold") - mk;
	if (cold > 0) {
		/* the cold DMs that were not marketing: those are cited above */
		json_t *plain = json_array(), *e;
		size_t i, nmk;
		const char **mk_ids = ids_of(json_object_get(r, "marketing"), &nmk);
		json_array_foreach(json_object_get(r, "cold_dms"), i, e)
			if (!in_ids(mk_ids, nmk, gets_(e, "conversation_id")))
				json_array_append(plain, e);
		free(mk_ids);
		char *c = cite(plain, "conversation_id");
		json_decref(plain);
		f[n].score = 10 * cold;
		f[n++].text = xasprintf("Invite publicly before you DM: %lld DM%s went to people you "
					"had not replied to or mentioned in the 7 days before. Reply in "
					"public with \"DM us\" or a DM link and let them write first. "
					"See %s.", (long long)cold, cold == 1 ? "" : "s", c);
		free(c);
	}
	json_t *med = json_object_get(tot, "median_first_response_seconds");
	if (json_is_integer(med) && json_integer_value(med) > 3600) {
		f[n].score = json_integer_value(med) / 360; /* 10 points an hour */
		f[n++].text = xasprintf("Answer faster: the median first response is %s (90%% within "
					"%s); most customers expect a reply within the hour.",
					dur(med, a),
					dur(json_object_get(tot, "p90_first_response_seconds"), b));
	}
	json_t *in = json_object_get(json_object_get(json_object_get(bh, "reply"), "in_hours"),
				     "median_seconds");
	json_t *off = json_object_get(json_object_get(json_object_get(bh, "reply"), "off_hours"),
				      "median_seconds");
	if (json_is_integer(in) && json_is_integer(off) &&
	    json_integer_value(off) > 2 * json_integer_value(in) + 3600) {
		f[n].score = 5;
		f[n++].text = xasprintf("State your support hours in your profile: messages that arrive "
					"off hours wait %s (median) against %s in hours.",
					dur(off, a), dur(in, b));
	}
	int64_t inv = geti(hs, "invitations"), fol = geti(hs, "dm_followed_within_7_days");
	if (inv && fol * 2 < inv) {
		f[n].score = 4;
		f[n++].text = xasprintf("Make DM invitations easier to act on: only %lld of %lld public "
					"invitations led to a DM within 7 days; a DM deep link "
					"(twitter.com/messages/compose?recipient_id=…) helps.",
					(long long)fol, (long long)inv);
	}
	qsort(f, n, sizeof(*f), fix_cmp);
	doc_heading(d, 2, "What to fix");
	if (!n)
		doc_para(d, "Nothing stands out: customers are answered, and you don't DM uninvited.");
	for (size_t i = 0; i < n; i++) {
		doc_item(d, "%s", f[i].text);
		free(f[i].text);
	}
}

void etiquette_view(struct report_ctx *ctx, json_t *r, struct doc *d)
{
	json_t *tot = json_object_get(r, "totals"), *st = json_object_get(r, "stats");
	json_t *hs = json_object_get(r, "handoff_stats"), *bh = json_object_get(r, "business_hours");
	char a[32], b[32], w[80];
	size_t i;
	json_t *e;

	doc_heading(d, 1, "Response etiquette");
	doc_para(d, "How %s%s answers in 1:1 DMs, as of %s. Good etiquette: answer in the channel "
		    "the customer used, invite to DM in public rather than DMing first, never send "
		    "unsolicited marketing, don't chase, keep private what is private.",
		 ctx->owner_handle[0] ? "@" : "account ",
		 ctx->owner_handle[0] ? ctx->owner_handle : gets_(st, "as_of"),
		 when(gets_(st, "as_of"), a));
	int64_t ci = geti(tot, "counterpart_initiated");
	doc_kv(d, "conversations started by customers", "%lld, answered %lld (%d%%), unanswered %lld",
	       (long long)ci, (long long)geti(tot, "answered"), pct(geti(tot, "answered"), ci),
	       (long long)geti(tot, "unanswered"));
	if (geti(tot, "answered"))
		doc_kv(d, "first response", "median %s, 90%% within %s",
		       dur(json_object_get(tot, "median_first_response_seconds"), a),
		       dur(json_object_get(tot, "p90_first_response_seconds"), b));
	else
		doc_kv(d, "first response", "none: no customer conversation was ever answered");
	if (geti(st, "replies"))
		doc_kv(d, "every reply", "median %s, 90%% within %s (%lld replies, %lld runs "
		       "unanswered)", dur(json_object_get(tot, "median_reply_seconds"), a),
		       dur(json_object_get(st, "p90_reply_seconds"), b),
		       (long long)geti(st, "replies"), (long long)geti(st, "unanswered_runs"));
	else
		doc_kv(d, "every reply", "none (%lld runs of customer messages unanswered)",
		       (long long)geti(st, "unanswered_runs"));
	doc_kv(d, "conversations you started", "%lld: %lld cold (%lld with a link, %lld marketing), "
	       "%lld announced by a public reply, %lld chased",
	       (long long)geti(tot, "owner_initiated"), (long long)geti(tot, "cold"),
	       (long long)geti(tot, "cold_with_url"), (long long)geti(st, "marketing"),
	       (long long)geti(st, "warm"), (long long)geti(tot, "chased"));
	doc_kv(d, "public invitations to DM", "%lld, followed by a DM within 7 days: %lld "
	       "(median %s)", (long long)geti(hs, "invitations"),
	       (long long)geti(hs, "dm_followed_within_7_days"),
	       dur(json_object_get(hs, "median_seconds_within_7_days"), a));

	fixes_write(d, r);

	json_t *un = json_object_get(r, "unanswered");
	if (json_array_size(un)) {
		doc_heading(d, 2, "Unanswered conversations");
		doc_para(d, "Customers who wrote first and never got an answer, newest first; age "
			    "counts from their first message to %s. Automated senders (spam, "
			    "validation requests) need no answer: the autodm report names them.",
			 when(gets_(st, "as_of"), a));
		if (geti(st, "unanswered_automated"))
			doc_para(d, "%lld of them came from automated senders (marked \"bot\"), "
				    "listed last.", (long long)geti(st, "unanswered_automated"));
		static const char *const cols[] = { "conversation", "from", "first message", ">age",
						    ">messages", "they asked", NULL };
		struct doc_table *t = doc_table(d, "unanswered", cols);
		size_t nun = json_array_size(un);
		json_t **sorted = xcalloc(nun ? nun : 1, sizeof(*sorted));
		json_array_foreach(un, i, e)
			sorted[i] = e;
		/* ISO strings of one format sort as times */
		qsort(sorted, nun, sizeof(*sorted), newest_first);
		for (i = 0; i < nun && i < LIST_MAX; i++) {
			e = sorted[i];
			doc_cell(t, "%s", gets_(e, "conversation_id"));
			doc_cell(t, "%s%s", who(e, w),
				 bot_mark(e));
			doc_cell(t, "%s", when(gets_(e, "first_message_at"), a));
			doc_cell(t, "%s", dur(json_object_get(e, "age_seconds"), b));
			doc_cell(t, "%lld", (long long)geti(e, "messages"));
			doc_cell(t, "%s", gets_(e, "snippet"));
		}
		free(sorted);
		if (json_array_size(un) > LIST_MAX)
			doc_para(d, "… and %zu more (all are in the JSON output).",
				 json_array_size(un) - LIST_MAX);
	}

	json_t *mk = json_object_get(r, "marketing"), *cold = json_object_get(r, "cold_dms");
	if (json_array_size(cold)) {
		doc_heading(d, 2, "Cold DMs and unsolicited marketing");
		doc_para(d, "DMs you sent first to someone you had not replied to or mentioned in "
			    "public in the 7 days before. Marketing: the first message had a link or "
			    "offer wording.");
		static const char *const cols[] = { "conversation", "to", "sent", "marketing",
						    "they replied", NULL };
		struct doc_table *t = doc_table(d, "cold", cols);
		json_array_foreach(cold, i, e) {
			if (i >= LIST_MAX)
				break;
			const char *cue = "";
			size_t j;
			json_t *m;
			json_array_foreach(mk, j, m)
				if (!strcmp(gets_(m, "conversation_id"), gets_(e, "conversation_id")))
					cue = gets_(m, "cue");
			doc_cell(t, "%s", gets_(e, "conversation_id"));
			doc_cell(t, "%s%s", who(e, w),
				 bot_mark(e));
			doc_cell(t, "%s", when(gets_(e, "sent_at"), a));
			doc_cell(t, "%s", *cue ? cue : "no");
			doc_cell(t, "%s", json_is_true(json_object_get(e, "counterpart_replied"))
						  ? "yes" : "no");
		}
		if (json_array_size(cold) > LIST_MAX)
			doc_para(d, "… and %zu more.", json_array_size(cold) - LIST_MAX);
	}

	json_t *ch = json_object_get(r, "chased");
	if (json_array_size(ch)) {
		doc_heading(d, 2, "Chasing");
		doc_para(d, "Conversations you started and followed up twice or more before any answer.");
		static const char *const cols[] = { "conversation", "to", "first sent",
						    ">your messages", "they replied", NULL };
		struct doc_table *t = doc_table(d, "chased", cols);
		json_array_foreach(ch, i, e) {
			if (i >= LIST_MAX)
				break;
			doc_cell(t, "%s", gets_(e, "conversation_id"));
			doc_cell(t, "%s%s", who(e, w),
				 bot_mark(e));
			doc_cell(t, "%s", when(gets_(e, "first_message_at"), a));
			doc_cell(t, "%lld", (long long)geti(e, "owner_messages_before_reply"));
			doc_cell(t, "%s", json_is_true(json_object_get(e, "counterpart_replied"))
						  ? "yes" : "no");
		}
	}

	json_t *ho = json_object_get(r, "handoffs");
	doc_heading(d, 2, "Public to DM handoff");
	doc_para(d, "%lld public replies invited someone to DM (\"DM us\", DM links, in several "
		    "languages); %lld were followed by a DM from that person, %lld within 7 days. "
		    "DMs you started: %lld announced by a public reply or mention, %lld cold.",
		 (long long)geti(hs, "invitations"), (long long)geti(hs, "dm_followed"),
		 (long long)geti(hs, "dm_followed_within_7_days"),
		 (long long)geti(hs, "warm_owner_initiated"), (long long)geti(hs, "cold_owner_initiated"));
	if (json_array_size(ho)) {
		static const char *const cols[] = { "tweet", "to", "tweeted", "DM followed",
						    "conversation", NULL };
		struct doc_table *t = doc_table(d, "handoffs", cols);
		json_array_foreach(ho, i, e) {
			if (i >= LIST_MAX)
				break;
			doc_cell(t, "%s", gets_(e, "tweet_id"));
			doc_cell(t, "%s%s", who(e, w),
				 bot_mark(e));
			doc_cell(t, "%s", when(gets_(e, "tweeted_at"), a));
			doc_cell(t, "%s", json_is_true(json_object_get(e, "dm_followed"))
						  ? dur(json_object_get(e, "seconds"), b) : "no");
			doc_cell(t, "%s", json_is_string(json_object_get(e, "conversation_id"))
						  ? gets_(e, "conversation_id") : "-");
		}
	}

	doc_heading(d, 2, "Business hours");
	json_t *fr = json_object_get(bh, "first_response"), *rp = json_object_get(bh, "reply");
	doc_para(d, "Hours %s, %s, time zone %s. The customer message's time decides whether it "
		    "arrived in hours; by the reply's own time (Sprout Social's convention) %lld "
		    "replies were sent in hours and %lld off hours.",
		 gets_(bh, "hours"), gets_(bh, "days"), gets_(bh, "time_zone"),
		 (long long)geti(bh, "replies_sent_in_hours"),
		 (long long)geti(bh, "replies_sent_off_hours"));
	{
		static const char *const cols[] = { "arrived", ">first responses", "median first",
						    "p90 first", ">replies", "median reply",
						    "p90 reply", NULL };
		struct doc_table *t = doc_table(d, "business_hours", cols);
		static const char *const keys[] = { "in_hours", "off_hours" };
		for (int k = 0; k < 2; k++) {
			json_t *x = json_object_get(fr, keys[k]), *y = json_object_get(rp, keys[k]);
			doc_cell(t, "%s", k ? "off hours" : "in hours");
			doc_cell(t, "%lld", (long long)geti(x, "count"));
			doc_cell(t, "%s", dur(json_object_get(x, "median_seconds"), a));
			doc_cell(t, "%s", dur(json_object_get(x, "p90_seconds"), a));
			doc_cell(t, "%lld", (long long)geti(y, "count"));
			doc_cell(t, "%s", dur(json_object_get(y, "median_seconds"), a));
			doc_cell(t, "%s", dur(json_object_get(y, "p90_seconds"), a));
		}
	}

	json_t *bm = json_object_get(r, "by_month");
	if (json_array_size(bm)) {
		doc_heading(d, 2, "By month");
		static const char *const cols[] = { "month", ">started", ">answered", "median first",
						    "p90 first", ">replies", "median reply",
						    "p90 reply", NULL };
		struct doc_table *t = doc_table(d, "by_month", cols);
		json_array_foreach(bm, i, e) {
			doc_cell(t, "%s", gets_(e, "month"));
			doc_cell(t, "%lld", (long long)geti(e, "counterpart_initiated"));
			doc_cell(t, "%lld", (long long)geti(e, "answered"));
			doc_cell(t, "%s", dur(json_object_get(e, "median_first_response_seconds"), a));
			doc_cell(t, "%s", dur(json_object_get(e, "p90_first_response_seconds"), a));
			doc_cell(t, "%lld", (long long)geti(e, "replies"));
			doc_cell(t, "%s", dur(json_object_get(e, "median_reply_seconds"), a));
			doc_cell(t, "%s", dur(json_object_get(e, "p90_reply_seconds"), a));
		}
	}

	doc_heading(d, 2, "Appendix: definitions");
	json_t *defs = json_object_get(r, "definitions");
	const char *k;
	json_object_foreach(defs, k, e)
		doc_kv(d, k, "%s", json_string_value(e));

	/* Every conversation: what CSV output writes. */
	doc_heading(d, 2, "Appendix: every conversation (the table CSV output writes)");
	static const char *const cols[] = { "conversation_id", "counterpart_id", "initiated_by",
					    ">first_response_seconds", ">replies",
					    "cold", "first_has_url", ">owner_messages_before_reply",
					    NULL };
	struct doc_table *t = doc_table(d, "conversations", cols);
	json_array_foreach(json_object_get(r, "conversations"), i, e) {
		json_t *v;
		doc_cell(t, "%s", gets_(e, "conversation_id"));
		doc_cell(t, "%s", gets_(e, "counterpart_id"));
		doc_cell(t, "%s", gets_(e, "initiated_by"));
		v = json_object_get(e, "first_response_seconds");
		if (json_is_integer(v))
			doc_cell(t, "%lld", (long long)json_integer_value(v));
		else
			doc_cell(t, "%s", "");
		doc_cell(t, "%zu", json_array_size(json_object_get(e, "reply_seconds")));
		v = json_object_get(e, "cold");
		doc_cell(t, "%s", json_is_boolean(v) ? (json_is_true(v) ? "yes" : "no") : "");
		v = json_object_get(e, "first_has_url");
		doc_cell(t, "%s", json_is_boolean(v) ? (json_is_true(v) ? "yes" : "no") : "");
		v = json_object_get(e, "owner_messages_before_reply");
		if (json_is_integer(v))
			doc_cell(t, "%lld", (long long)json_integer_value(v));
		else
			doc_cell(t, "%s", "");
	}
}
