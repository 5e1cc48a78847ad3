/*
 * etiquette_view: the etiquette JSON as a one-page audit for a business
 * owner: headline numbers, what to fix (worst first), then the lists to act
 * on, complete and linked to x.com (unanswered people, then automated
 * senders apart; conversations still waiting; cold DMs and marketing;
 * chasing; handoffs), business hours, months, and last the per-conversation
 * table that CSV output writes. Formulas and field names stay in the JSON.
 */
#include "report.h"
#include "etiquette.h"
#include "jrows.h"
#include "timeutil.h"
#include "tz.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


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


/* A marketing DM's cue, by its conversation, for the cold DMs' table. */
struct cue {
	char *conversation, *cue;
};

static int cmp_cue(const void *a, const void *b)
{
	return strcmp(((const struct cue *)a)->conversation, ((const struct cue *)b)->conversation);
}

/* The cues of the marketing list, sorted by conversation id, for find_cue. */
static struct cue *cues_of(json_t *list, size_t *n)
{
	struct cue *v = xmalloc((jrows_size(list) + 1) * sizeof(*v));
	struct jrows_iter it;
	*n = 0;
	for (json_t *e = jrows_first(&it, list); e; e = jrows_next(&it), ++*n)
		v[*n] = (struct cue){ xstrdup(gets_(e, "conversation_id")), xstrdup(gets_(e, "cue")) };
	qsort(v, *n, sizeof(*v), cmp_cue);
	return v;
}

static const char *find_cue(const struct cue *v, size_t n, const char *conversation)
{
	struct cue key = { (char *)conversation, NULL };
	const struct cue *c = n ? bsearch(&key, v, n, sizeof(*v), cmp_cue) : NULL;
	return c ? c->cue : "";
}

static void cues_release(struct cue *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].conversation);
		free(v[i].cue);
	}
	free(v);
}

/* How an unanswered sender is marked: only likely a bot stays with people, marked. */
static const char *bot_mark(json_t *e)
{
	return json_is_true(json_object_get(e, "maybe_automated")) ? " (maybe automated)" : "";
}

/* An unanswered conversation's place in its list, and its first message's time. */
struct newest {
	char at[32];
	size_t pos;
};

/* Newest first: the ones a customer may still be waiting on; ties in list order. */
static int newest_first(const void *a, const void *b)
{
	const struct newest *x = a, *y = b;
	int c = strcmp(y->at, x->at);
	return c ? c : (x->pos > y->pos) - (x->pos < y->pos);
}

/* The conversation's id, linked to it on x.com. */
static void conv_cell(struct doc_table *t, json_t *e)
{
	char l[REPORT_LINK_SIZE];
	const char *id = gets_(e, "conversation_id");
	doc_cell_link(t, *id ? report_link_conversation(id, l) : NULL, "%s", *id ? id : "-");
}

/* The other person, @handle when known, linked to the account on x.com. */
static void who_cell(struct doc_table *t, json_t *e, const char *mark)
{
	char w[80], l[REPORT_LINK_SIZE];
	const char *id = json_object_get(e, "counterpart_id") ? gets_(e, "counterpart_id")
							     : gets_(e, "user_id");
	doc_cell_link(t, report_link_user(id, l), "%s%s", who(e, w), mark);
}

static const char *yes_no(json_t *e, const char *k)
{
	return json_is_true(json_object_get(e, k)) ? "yes" : "no";
}

struct fix {
	int64_t score;
	char *text;
	const char *anchor;  /* the list below that backs it, or NULL */
};

static int fix_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct fix *)a)->score, y = ((const struct fix *)b)->score;
	return (y > x) - (y < x);
}

/* Conversations others started, counted once for the headline and the advice. */
struct started {
	int64_t all, bots, people, answered, unanswered;
};

static void started_count(json_t *r, struct started *c)
{
	json_t *tot = json_object_get(r, "totals"), *st = json_object_get(r, "stats");
	c->all = geti(tot, "counterpart_initiated");
	c->bots = geti(st, "unanswered_automated");
	c->people = c->all - c->bots;
	c->answered = geti(tot, "answered");
	c->unanswered = geti(tot, "unanswered") - c->bots;
}

/* Near-certain automated senders need no answer, in the waiting list as anywhere. */
static bool waiting_bot(struct report_ctx *ctx, json_t *e)
{
	return report_is_auto_sender(ctx, gets_(e, "counterpart_id"));
}

int64_t etiquette_awaiting_people(struct report_ctx *ctx, json_t *r)
{
	struct jrows_iter it;
	int64_t n = 0;
	for (json_t *e = jrows_first(&it, json_object_get(r, "awaiting_reply")); e;
	     e = jrows_next(&it))
		n += !waiting_bot(ctx, e);
	return n;
}

static void fixes_write(struct report_ctx *ctx, struct doc *d, json_t *r)
{
	json_t *tot = json_object_get(r, "totals"), *st = json_object_get(r, "stats");
	json_t *hs = json_object_get(r, "handoff_stats"), *bh = json_object_get(r, "business_hours");
	struct fix f[8];
	size_t n = 0;
	char a[32], b[32];
	struct started sc;
	started_count(r, &sc);

	if (sc.unanswered) {
		f[n].score = 1000000 + sc.unanswered; /* people waiting come first */
		f[n].anchor = "etiquette-unanswered";
		f[n++].text = xasprintf("Answer the %lld %s who wrote first and never got a reply "
					"(%d%% of the %lld conversations people started): they wrote "
					"to you in DMs, so answer there.", (long long)sc.unanswered,
					sc.unanswered == 1 ? "person" : "people",
					pct(sc.unanswered, sc.people), (long long)sc.people);
	}
	int64_t mk = geti(st, "marketing");
	if (mk) {
		f[n].score = 30 * mk;
		f[n].anchor = "etiquette-cold";
		f[n++].text = xasprintf("Stop unsolicited marketing: %lld cold DM%s carried links or "
					"offers to people who had not asked.", (long long)mk,
					mk == 1 ? "" : "s");
	}
	int64_t ch = geti(tot, "chased");
	if (ch) {
		f[n].score = 20 * ch;
		f[n].anchor = "etiquette-chased";
		f[n++].text = xasprintf("Don't chase: in %lld conversation%s you sent two or more "
					"messages before any answer.", (long long)ch,
					ch == 1 ? "" : "s");
	}
	int64_t aw = etiquette_awaiting_people(ctx, r);
	if (aw) {
		f[n].score = 15 * aw;
		f[n].anchor = "etiquette-awaiting";
		f[n++].text = xasprintf("Close the loop: %lld conversation%s you answered once end "
					"with the other person's message still waiting for you.",
					(long long)aw, aw == 1 ? "" : "s");
	}
	int64_t cold = geti(tot, "cold") - mk;
	if (cold > 0) {
		f[n].score = 10 * cold;
		f[n].anchor = "etiquette-cold";
		f[n++].text = xasprintf("Invite publicly before you DM: %lld more DM%s went to people "
					"you had not replied to or mentioned in the 7 days before. "
					"Reply in public with \"DM us\" or a DM link and let them write "
					"first.", (long long)cold, cold == 1 ? "" : "s");
	}
	json_t *med = json_object_get(tot, "median_first_response_seconds");
	if (json_is_integer(med) && json_integer_value(med) > 3600) {
		f[n].score = json_integer_value(med) / 360; /* 10 points an hour */
		f[n].anchor = NULL;
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
		f[n].anchor = NULL;
		f[n++].text = xasprintf("State your support hours in your profile: messages that arrive "
					"off hours wait %s (median) against %s in hours.",
					dur(off, a), dur(in, b));
	}
	int64_t inv = geti(hs, "invitations"), fol = geti(hs, "dm_followed_within_7_days");
	if (inv && fol * 2 < inv) {
		f[n].score = 4;
		f[n].anchor = "etiquette-handoff";
		f[n++].text = xasprintf("Make DM invitations easier to act on: only %lld of %lld public "
					"invitations led to a DM within 7 days; a DM deep link "
					"(x.com/messages/compose?recipient_id=…) helps.",
					(long long)fol, (long long)inv);
	}
	qsort(f, n, sizeof(*f), fix_cmp);
	doc_heading_at(d, 2, "etiquette-fix", "What to fix");
	if (!n)
		doc_para(d, "Nothing stands out: customers are answered, and you don't DM uninvited.");
	for (size_t i = 0; i < n; i++) {
		if (f[i].anchor) {
			char *href = xasprintf("#%s", f[i].anchor);
			doc_item_link(d, href, "the list", "%s", f[i].text);
			free(href);
		} else {
			doc_item(d, "%s", f[i].text);
		}
		free(f[i].text);
	}
}

static void headline(struct report_ctx *ctx, json_t *r, struct doc *d)
{
	json_t *tot = json_object_get(r, "totals"), *st = json_object_get(r, "stats");
	json_t *hs = json_object_get(r, "handoff_stats");
	char a[32], b[32];
	struct started sc;
	started_count(r, &sc);

	doc_heading_at(d, 1, "etiquette", "Response etiquette");
	doc_para(d, "How %s%s answers in 1:1 DMs, as of %s. Good etiquette: answer in the channel "
		    "the customer used, invite to DM in public rather than DMing first, never send "
		    "unsolicited marketing, don't chase, keep private what is private.",
		 ctx->owner_handle[0] ? "@" : "account ",
		 ctx->owner_handle[0] ? ctx->owner_handle : gets_(st, "as_of"),
		 when(gets_(st, "as_of"), a));
	if (sc.bots)
		doc_kv(d, "conversations others started", "%lld: %lld by automated senders, never "
		       "answered (no answer needed); of the %lld others, %lld answered (%d%%) and "
		       "%lld unanswered", (long long)sc.all, (long long)sc.bots,
		       (long long)sc.people, (long long)sc.answered, pct(sc.answered, sc.people),
		       (long long)sc.unanswered);
	else
		doc_kv(d, "conversations others started", "%lld: %lld answered (%d%%), %lld "
		       "unanswered", (long long)sc.all, (long long)sc.answered,
		       pct(sc.answered, sc.people), (long long)sc.unanswered);
	if (geti(tot, "answered"))
		doc_kv(d, "first response", "median %s, 90%% within %s",
		       dur(json_object_get(tot, "median_first_response_seconds"), a),
		       dur(json_object_get(tot, "p90_first_response_seconds"), b));
	else
		doc_kv(d, "first response", "none: no customer conversation was ever answered");
	if (geti(st, "replies"))
		doc_kv(d, "every reply", "median %s, 90%% within %s (%lld replies; %lld times the "
		       "other person's messages got no reply)",
		       dur(json_object_get(tot, "median_reply_seconds"), a),
		       dur(json_object_get(st, "p90_reply_seconds"), b),
		       (long long)geti(st, "replies"), (long long)geti(st, "unanswered_runs"));
	else
		doc_kv(d, "every reply", "none (%lld times the other person's messages got no reply)",
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
}

/* Unanswered rows of one side: people (bots false) or near-certain automated senders. */
static void unanswered_table(struct doc *d, json_t *un, const struct newest *v, size_t n,
			     bool bots, const char *name)
{
	static const char *const cols[] = { "conversation", "from", "first message", ">age",
					    ">messages", "they wrote", NULL };
	char a[32], b[32];
	struct doc_table *t = doc_table(d, name, cols);
	struct jrows_iter it;
	jrows_open(&it, un);
	for (size_t i = 0; i < n; i++) {
		json_t *e = jrows_get(&it, v[i].pos);
		if (!e || json_is_true(json_object_get(e, "automated")) != bots)
			continue;
		conv_cell(t, e);
		who_cell(t, e, bot_mark(e));
		doc_cell(t, "%s", when(gets_(e, "first_message_at"), a));
		doc_cell(t, "%s", dur(json_object_get(e, "age_seconds"), b));
		doc_cell(t, "%lld", (long long)geti(e, "messages"));
		doc_cell(t, "%s", gets_(e, "snippet"));
	}
	jrows_stop(&it);
}

static void unanswered_write(json_t *r, struct doc *d)
{
	json_t *un = json_object_get(r, "unanswered"), *st = json_object_get(r, "stats");
	size_t nun = jrows_size(un), i = 0;
	char a[32];
	if (!nun)
		return;
	int64_t bots = geti(st, "unanswered_automated");
	doc_heading_at(d, 2, "etiquette-unanswered", "Unanswered conversations");
	doc_para(d, "People who wrote first and never got an answer, newest first; age counts "
		    "from their first message to %s. A sender only likely automated stays here, "
		    "marked: a customer must not be dropped on a guess.",
		 when(gets_(st, "as_of"), a));
	struct newest *sorted = xcalloc(nun, sizeof(*sorted));
	struct jrows_iter it;
	for (json_t *e = jrows_first(&it, un); e && i < nun; e = jrows_next(&it), i++) {
		snprintf(sorted[i].at, sizeof(sorted[i].at), "%s", gets_(e, "first_message_at"));
		sorted[i].pos = i;
	}
	jrows_stop(&it);
	/* ISO strings of one format sort as times */
	qsort(sorted, i, sizeof(*sorted), newest_first);
	nun = i;
	unanswered_table(d, un, sorted, nun, false, "unanswered");
	if (bots) {
		doc_heading_at(d, 3, "etiquette-unanswered-bots", "From automated senders: no "
			       "answer needed");
		doc_para(d, "%lld unanswered conversation%s came from senders the auto-DM report "
			    "judges near-certainly automated (spam, validation requests, auto-DM "
			    "apps).", (long long)bots, bots == 1 ? "" : "s");
		unanswered_table(d, un, sorted, nun, true, "unanswered_automated");
	}
	free(sorted);
}

static void awaiting_table(struct report_ctx *ctx, json_t *aw, bool bots, struct doc *d,
			   const char *name)
{
	static const char *const cols[] = { "conversation", "with", "waiting since", ">age", NULL };
	struct doc_table *t = doc_table(d, name, cols);
	struct jrows_iter it;
	char a[32], b[32];
	for (json_t *e = jrows_first(&it, aw); e; e = jrows_next(&it)) {
		if (waiting_bot(ctx, e) != bots)
			continue;
		conv_cell(t, e);
		who_cell(t, e, "");
		doc_cell(t, "%s", when(gets_(e, "waiting_since"), a));
		doc_cell(t, "%s", dur(json_object_get(e, "age_seconds"), b));
	}
}

static void awaiting_write(struct report_ctx *ctx, json_t *r, struct doc *d)
{
	json_t *aw = json_object_get(r, "awaiting_reply");
	if (!jrows_size(aw))
		return;
	int64_t people = etiquette_awaiting_people(ctx, r);
	int64_t bots = (int64_t)jrows_size(aw) - people;
	doc_heading_at(d, 2, "etiquette-awaiting", "Waiting for your answer again");
	doc_para(d, "Conversations you answered once where the other person wrote again and got "
		    "no answer since.");
	awaiting_table(ctx, aw, false, d, "awaiting");
	if (bots) {
		doc_heading_at(d, 3, "etiquette-awaiting-bots", "From automated senders: no "
			       "answer needed");
		doc_para(d, "%lld of these conversations are with senders the auto-DM report judges "
			    "near-certainly automated.", (long long)bots);
		awaiting_table(ctx, aw, true, d, "awaiting_automated");
	}
}

static void cold_write(json_t *r, struct doc *d)
{
	json_t *mk = json_object_get(r, "marketing"), *cold = json_object_get(r, "cold_dms");
	size_t nmk;
	char a[32];
	if (!jrows_size(cold))
		return;
	doc_heading_at(d, 2, "etiquette-cold", "Cold DMs and unsolicited marketing");
	doc_para(d, "DMs you sent first to someone you had not replied to or mentioned in "
		    "public in the 7 days before. Marketing: the first message had a link or "
		    "offer wording.");
	static const char *const cols[] = { "conversation", "to", "sent", "marketing",
					    "they replied", NULL };
	struct doc_table *t = doc_table(d, "cold", cols);
	struct cue *m = cues_of(mk, &nmk);
	struct jrows_iter it;
	for (json_t *e = jrows_first(&it, cold); e; e = jrows_next(&it)) {
		const char *cue = find_cue(m, nmk, gets_(e, "conversation_id"));
		conv_cell(t, e);
		who_cell(t, e, "");
		doc_cell(t, "%s", when(gets_(e, "sent_at"), a));
		doc_cell(t, "%s", *cue ? cue : "no");
		doc_cell(t, "%s", yes_no(e, "counterpart_replied"));
	}
	cues_release(m, nmk);
}

static void chased_write(json_t *r, struct doc *d)
{
	json_t *ch = json_object_get(r, "chased");
	struct jrows_iter it;
	char a[32];
	if (!jrows_size(ch))
		return;
	doc_heading_at(d, 2, "etiquette-chased", "Chasing");
	doc_para(d, "Conversations you started and followed up twice or more before any answer.");
	static const char *const cols[] = { "conversation", "to", "first sent",
					    ">your messages", "they replied", NULL };
	struct doc_table *t = doc_table(d, "chased", cols);
	for (json_t *e = jrows_first(&it, ch); e; e = jrows_next(&it)) {
		conv_cell(t, e);
		who_cell(t, e, "");
		doc_cell(t, "%s", when(gets_(e, "first_message_at"), a));
		doc_cell(t, "%lld", (long long)geti(e, "owner_messages_before_reply"));
		doc_cell(t, "%s", yes_no(e, "counterpart_replied"));
	}
}

static void handoffs_write(json_t *r, struct doc *d)
{
	json_t *hs = json_object_get(r, "handoff_stats"), *ho = json_object_get(r, "handoffs");
	struct jrows_iter it;
	char a[32], b[32], l[REPORT_LINK_SIZE];
	doc_heading_at(d, 2, "etiquette-handoff", "Public to DM handoff");
	doc_para(d, "%lld public replies invited someone to DM (\"DM us\", DM links, in several "
		    "languages); %lld were followed by a DM from that person, %lld within 7 days. "
		    "DMs you started: %lld announced by a public reply or mention, %lld cold.",
		 (long long)geti(hs, "invitations"), (long long)geti(hs, "dm_followed"),
		 (long long)geti(hs, "dm_followed_within_7_days"),
		 (long long)geti(hs, "warm_owner_initiated"), (long long)geti(hs, "cold_owner_initiated"));
	if (!jrows_size(ho))
		return;
	static const char *const cols[] = { "tweet", "to", "tweeted", "DM followed",
					    "conversation", NULL };
	struct doc_table *t = doc_table(d, "handoffs", cols);
	for (json_t *e = jrows_first(&it, ho); e; e = jrows_next(&it)) {
		doc_cell_link(t, report_link_tweet(gets_(e, "tweet_id"), l), "%s",
			      gets_(e, "tweet_id"));
		who_cell(t, e, "");
		doc_cell(t, "%s", when(gets_(e, "tweeted_at"), a));
		doc_cell(t, "%s", json_is_true(json_object_get(e, "dm_followed"))
					  ? dur(json_object_get(e, "seconds"), b) : "no");
		conv_cell(t, e);
	}
}

static void hours_write(json_t *r, struct doc *d)
{
	json_t *bh = json_object_get(r, "business_hours");
	json_t *fr = json_object_get(bh, "first_response"), *rp = json_object_get(bh, "reply");
	char a[32];
	doc_heading(d, 2, "Business hours");
	doc_para(d, "Hours %s, %s, time zone %s. The customer message's time decides whether it "
		    "arrived in hours; counted by when the answers were sent instead, %lld "
		    "replies went out in hours and %lld off hours.",
		 gets_(bh, "hours"), gets_(bh, "days"), gets_(bh, "time_zone"),
		 (long long)geti(bh, "replies_sent_in_hours"),
		 (long long)geti(bh, "replies_sent_off_hours"));
	static const char *const cols[] = { "arrived", ">first responses", "median first",
					    "90% first within", ">replies", "median reply",
					    "90% replies within", NULL };
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

static void months_write(json_t *r, struct doc *d)
{
	json_t *bm = json_object_get(r, "by_month"), *e;
	size_t i;
	char a[32];
	if (!json_array_size(bm))
		return;
	doc_heading(d, 2, "By month");
	static const char *const cols[] = { "month", ">started", ">answered", "median first",
					    "90% first within", ">replies", "median reply",
					    "90% replies within", NULL };
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

/*
 * Every conversation, as the contract names its fields: what CSV output
 * writes. A reference for spreadsheets, not a list to act on: the HTML page
 * links it as a CSV file instead of showing it.
 */
static void every_conversation(json_t *r, struct doc *d)
{
	struct jrows_iter it;
	json_t *v;
	doc_heading_at(d, 2, "etiquette-every", "Every conversation (the table CSV output writes)");
	static const char *const cols[] = { "conversation_id", "counterpart_id", "initiated_by",
					    ">first_response_seconds", ">replies",
					    "cold", "first_has_url", ">owner_messages_before_reply",
					    NULL };
	struct doc_table *t = doc_table(d, "conversations", cols);
	t->beside = true;
	for (json_t *e = jrows_first(&it, json_object_get(r, "conversations")); e;
	     e = jrows_next(&it)) {
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

void etiquette_view(struct report_ctx *ctx, json_t *r, struct doc *d)
{
	headline(ctx, r, d);
	fixes_write(ctx, d, r);
	unanswered_write(r, d);
	awaiting_write(ctx, r, d);
	cold_write(r, d);
	chased_write(r, d);
	handoffs_write(r, d);
	hours_write(r, d);
	months_write(r, d);
	every_conversation(r, d);
}
