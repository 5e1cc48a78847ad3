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
#include "months.h"
#include "timeutil.h"
#include "tz.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* "3 h 05 min", or "-" for a missing duration */
static const char *dur(struct etiquette_secs v, char out[32])
{
	if (!v.set)
		snprintf(out, 32, "-");
	else
		report_duration(v.s, out);
	return out;
}

/* A time shown in the report's zone: "2021-12-15 22:55". */
static const char *when(int64_t ms, char out[32])
{
	struct tz_local l;
	tz_local(ms, &l);
	snprintf(out, 32, "%04d-%02d-%02d %02d:%02d", l.year, l.month, l.day, l.hour, l.minute);
	return out;
}

/* The account id of a row's counterpart as text. */
static const char *id_text(int64_t id, char out[24])
{
	snprintf(out, 24, "%lld", (long long)id);
	return out;
}

/* "@handle" when known, else the account id */
static const char *who(const struct etiquette_row *e, char out[80])
{
	if (e->handle)
		snprintf(out, 80, "@%s", e->handle);
	else
		snprintf(out, 80, "%lld", (long long)e->counterpart);
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
static struct cue *cues_of(const struct etiquette_result *r, size_t *n)
{
	struct cue *v = xmalloc((etiquette_count(r, ETIQUETTE_MARKETING) + 1) * sizeof(*v));
	struct etiquette_iter it;
	*n = 0;
	for (const struct etiquette_row *e = etiquette_first(&it, r, ETIQUETTE_MARKETING); e;
	     e = etiquette_next(&it), ++*n)
		v[*n] = (struct cue){ xstrdup(e->conversation_id ? e->conversation_id : ""),
				      xstrdup(e->cue ? e->cue : "") };
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
static const char *bot_mark(const struct etiquette_row *e)
{
	return e->maybe_automated ? " (maybe automated)" : "";
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
static void conv_cell(struct doc_table *t, const struct etiquette_row *e)
{
	char l[REPORT_LINK_SIZE];
	const char *id = e->conversation_id ? e->conversation_id : "";
	doc_cell_link(t, *id ? report_link_conversation(id, l) : NULL, "%s", *id ? id : "-");
}

/* The other person, @handle when known, linked to the account on x.com. */
static void who_cell(struct doc_table *t, const struct etiquette_row *e, const char *mark)
{
	char w[80], l[REPORT_LINK_SIZE], id[24];
	doc_cell_link(t, report_link_user(id_text(e->counterpart, id), l), "%s%s", who(e, w), mark);
}

static const char *yes_no(bool v)
{
	return v ? "yes" : "no";
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

static void started_count(const struct etiquette_result *r, struct started *c)
{
	c->all = r->counterpart_initiated;
	c->bots = r->unanswered_automated;
	c->people = c->all - c->bots;
	c->answered = r->answered;
	c->unanswered = r->unanswered - c->bots;
}

int64_t etiquette_awaiting_people(const struct etiquette_result *r)
{
	struct etiquette_iter it;
	int64_t n = 0;
	/* near-certain automated senders need no answer, in the waiting list as anywhere */
	for (const struct etiquette_row *e = etiquette_first(&it, r, ETIQUETTE_AWAITING); e;
	     e = etiquette_next(&it))
		n += !e->automated;
	return n;
}

static void fixes_write(struct doc *d, const struct etiquette_result *r)
{
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
	int64_t mk = r->marketing;
	if (mk) {
		f[n].score = 30 * mk;
		f[n].anchor = "etiquette-cold";
		f[n++].text = xasprintf("Stop unsolicited marketing: %lld cold DM%s carried links or "
					"offers to people who had not asked.", (long long)mk,
					mk == 1 ? "" : "s");
	}
	int64_t ch = r->chased;
	if (ch) {
		f[n].score = 20 * ch;
		f[n].anchor = "etiquette-chased";
		f[n++].text = xasprintf("Don't chase: in %lld conversation%s you sent two or more "
					"messages before any answer.", (long long)ch,
					ch == 1 ? "" : "s");
	}
	int64_t aw = etiquette_awaiting_people(r);
	if (aw) {
		f[n].score = 15 * aw;
		f[n].anchor = "etiquette-awaiting";
		f[n++].text = xasprintf("Close the loop: %lld conversation%s you answered once end "
					"with the other person's message still waiting for you.",
					(long long)aw, aw == 1 ? "" : "s");
	}
	int64_t cold = r->cold - mk;
	if (cold > 0) {
		f[n].score = 10 * cold;
		f[n].anchor = "etiquette-cold";
		f[n++].text = xasprintf("Invite publicly before you DM: %lld more DM%s went to people "
					"you had not replied to or mentioned in the 7 days before. "
					"Reply in public with \"DM us\" or a DM link and let them write "
					"first.", (long long)cold, cold == 1 ? "" : "s");
	}
	struct etiquette_secs med = r->median_first_response;
	if (med.set && med.s > 3600) {
		f[n].score = med.s / 360; /* 10 points an hour */
		f[n].anchor = NULL;
		f[n++].text = xasprintf("Answer faster: the median first response is %s (90%% within "
					"%s); most customers expect a reply within the hour.",
					dur(med, a), dur(r->p90_first_response, b));
	}
	struct etiquette_secs in = r->reply_in.median, off = r->reply_off.median;
	if (in.set && off.set && off.s > 2 * in.s + 3600) {
		f[n].score = 5;
		f[n].anchor = NULL;
		f[n++].text = xasprintf("State your support hours in your profile: messages that arrive "
					"off hours wait %s (median) against %s in hours.",
					dur(off, a), dur(in, b));
	}
	int64_t inv = r->invitations, fol = r->dm_followed_within_7_days;
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

static void headline(struct report_ctx *ctx, const struct etiquette_result *r, struct doc *d)
{
	char a[32], b[32];
	struct started sc;
	started_count(r, &sc);

	doc_heading_at(d, 1, "etiquette", "Response etiquette");
	doc_para(d, "How %s%s answers in 1:1 DMs, as of %s. Good etiquette: answer in the channel "
		    "the customer used, invite to DM in public rather than DMing first, never send "
		    "unsolicited marketing, don't chase, keep private what is private.",
		 ctx->owner_handle[0] ? "@" : "account ",
		 ctx->owner_handle[0] ? ctx->owner_handle : id_text(ctx->owner, b),
		 when(r->as_of, a));
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
	if (r->answered)
		doc_kv(d, "first response", "median %s, 90%% within %s",
		       dur(r->median_first_response, a), dur(r->p90_first_response, b));
	else
		doc_kv(d, "first response", "none: no customer conversation was ever answered");
	if (r->runs_answered)
		doc_kv(d, "every reply", "median %s, 90%% within %s (%lld replies; %lld times the "
		       "other person's messages got no reply)",
		       dur(r->median_reply, a), dur(r->reply.p90, b),
		       (long long)r->runs_answered, (long long)(r->runs - r->runs_answered));
	else
		doc_kv(d, "every reply", "none (%lld times the other person's messages got no reply)",
		       (long long)(r->runs - r->runs_answered));
	doc_kv(d, "conversations you started", "%lld: %lld cold (%lld with a link, %lld marketing), "
	       "%lld announced by a public reply, %lld chased",
	       (long long)r->owner_initiated, (long long)r->cold, (long long)r->cold_with_url,
	       (long long)r->marketing, (long long)r->warm, (long long)r->chased);
	doc_kv(d, "public invitations to DM", "%lld, followed by a DM within 7 days: %lld "
	       "(median %s)", (long long)r->invitations, (long long)r->dm_followed_within_7_days,
	       dur(r->median_handoff, a));
}

/* Unanswered rows of one side: people (bots false) or near-certain automated senders. */
static void unanswered_table(struct doc *d, const struct etiquette_result *r,
			     const struct newest *v, size_t n, bool bots, const char *name)
{
	static const char *const cols[] = { "conversation", "from", "first message", ">age",
					    ">messages", "they wrote", NULL };
	char a[32], b[32];
	struct doc_table *t = doc_table(d, name, cols);
	struct etiquette_iter it;
	etiquette_open(&it, r, ETIQUETTE_UNANSWERED);
	for (size_t i = 0; i < n; i++) {
		const struct etiquette_row *e = etiquette_get(&it, v[i].pos);
		if (!e || e->automated != bots)
			continue;
		conv_cell(t, e);
		who_cell(t, e, bot_mark(e));
		doc_cell(t, "%s", when(e->at, a));
		doc_cell(t, "%s", dur((struct etiquette_secs){ true, e->age_seconds }, b));
		doc_cell(t, "%lld", (long long)e->messages);
		doc_cell(t, "%s", e->snippet ? e->snippet : "");
	}
	etiquette_stop(&it);
}

static void unanswered_write(const struct etiquette_result *r, struct doc *d)
{
	size_t nun = etiquette_count(r, ETIQUETTE_UNANSWERED), i = 0;
	char a[32];
	if (!nun)
		return;
	int64_t bots = r->unanswered_automated;
	doc_heading_at(d, 2, "etiquette-unanswered", "Unanswered conversations");
	doc_para(d, "People who wrote first and never got an answer, newest first; age counts "
		    "from their first message to %s. A sender only likely automated stays here, "
		    "marked: a customer must not be dropped on a guess.", when(r->as_of, a));
	struct newest *sorted = xcalloc(nun, sizeof(*sorted));
	struct etiquette_iter it;
	for (const struct etiquette_row *e = etiquette_first(&it, r, ETIQUETTE_UNANSWERED);
	     e && i < nun; e = etiquette_next(&it), i++) {
		time_format_iso(e->at, sorted[i].at);
		sorted[i].pos = i;
	}
	etiquette_stop(&it);
	/* the JSON's ISO strings, newest first, as the list always sorted */
	qsort(sorted, i, sizeof(*sorted), newest_first);
	nun = i;
	unanswered_table(d, r, sorted, nun, false, "unanswered");
	if (bots) {
		doc_heading_at(d, 3, "etiquette-unanswered-bots", "From automated senders: no "
			       "answer needed");
		doc_para(d, "%lld unanswered conversation%s came from senders the auto-DM report "
			    "judges near-certainly automated (spam, validation requests, auto-DM "
			    "apps).", (long long)bots, bots == 1 ? "" : "s");
		unanswered_table(d, r, sorted, nun, true, "unanswered_automated");
	}
	free(sorted);
}

static void awaiting_table(const struct etiquette_result *r, bool bots, struct doc *d,
			   const char *name)
{
	static const char *const cols[] = { "conversation", "with", "waiting since", ">age", NULL };
	struct doc_table *t = doc_table(d, name, cols);
	struct etiquette_iter it;
	char a[32], b[32];
	for (const struct etiquette_row *e = etiquette_first(&it, r, ETIQUETTE_AWAITING); e;
	     e = etiquette_next(&it)) {
		if (e->automated != bots)
			continue;
		conv_cell(t, e);
		who_cell(t, e, "");
		doc_cell(t, "%s", when(e->at, a));
		doc_cell(t, "%s", dur((struct etiquette_secs){ true, e->age_seconds }, b));
	}
}

static void awaiting_write(const struct etiquette_result *r, struct doc *d)
{
	size_t n = etiquette_count(r, ETIQUETTE_AWAITING);
	if (!n)
		return;
	int64_t people = etiquette_awaiting_people(r);
	int64_t bots = (int64_t)n - people;
	doc_heading_at(d, 2, "etiquette-awaiting", "Waiting for your answer again");
	doc_para(d, "Conversations you answered once where the other person wrote again and got "
		    "no answer since.");
	awaiting_table(r, false, d, "awaiting");
	if (bots) {
		doc_heading_at(d, 3, "etiquette-awaiting-bots", "From automated senders: no "
			       "answer needed");
		doc_para(d, "%lld of these conversations are with senders the auto-DM report judges "
			    "near-certainly automated.", (long long)bots);
		awaiting_table(r, true, d, "awaiting_automated");
	}
}

static void cold_write(const struct etiquette_result *r, struct doc *d)
{
	size_t nmk;
	char a[32];
	if (!etiquette_count(r, ETIQUETTE_COLD))
		return;
	doc_heading_at(d, 2, "etiquette-cold", "Cold DMs and unsolicited marketing");
	doc_para(d, "DMs you sent first to someone you had not replied to or mentioned in "
		    "public in the 7 days before. Marketing: the first message had a link or "
		    "offer wording.");
	static const char *const cols[] = { "conversation", "to", "sent", "marketing",
					    "they replied", NULL };
	struct doc_table *t = doc_table(d, "cold", cols);
	struct cue *m = cues_of(r, &nmk);
	struct etiquette_iter it;
	for (const struct etiquette_row *e = etiquette_first(&it, r, ETIQUETTE_COLD); e;
	     e = etiquette_next(&it)) {
		const char *cue = find_cue(m, nmk, e->conversation_id ? e->conversation_id : "");
		conv_cell(t, e);
		who_cell(t, e, "");
		doc_cell(t, "%s", when(e->at, a));
		doc_cell(t, "%s", *cue ? cue : "no");
		doc_cell(t, "%s", yes_no(e->counterpart_replied));
	}
	cues_release(m, nmk);
}

static void chased_write(const struct etiquette_result *r, struct doc *d)
{
	struct etiquette_iter it;
	char a[32];
	if (!etiquette_count(r, ETIQUETTE_CHASED))
		return;
	doc_heading_at(d, 2, "etiquette-chased", "Chasing");
	doc_para(d, "Conversations you started and followed up twice or more before any answer.");
	static const char *const cols[] = { "conversation", "to", "first sent",
					    ">your messages", "they replied", NULL };
	struct doc_table *t = doc_table(d, "chased", cols);
	for (const struct etiquette_row *e = etiquette_first(&it, r, ETIQUETTE_CHASED); e;
	     e = etiquette_next(&it)) {
		conv_cell(t, e);
		who_cell(t, e, "");
		doc_cell(t, "%s", when(e->at, a));
		doc_cell(t, "%lld", (long long)e->owner_before);
		doc_cell(t, "%s", yes_no(e->counterpart_replied));
	}
}

static void handoffs_write(const struct etiquette_result *r, struct doc *d)
{
	struct etiquette_iter it;
	char a[32], b[32], l[REPORT_LINK_SIZE], id[24];
	doc_heading_at(d, 2, "etiquette-handoff", "Public to DM handoff");
	doc_para(d, "%lld public replies invited someone to DM (\"DM us\", DM links, in several "
		    "languages); %lld were followed by a DM from that person, %lld within 7 days. "
		    "DMs you started: %lld announced by a public reply or mention, %lld cold.",
		 (long long)r->invitations, (long long)r->dm_followed,
		 (long long)r->dm_followed_within_7_days, (long long)r->warm, (long long)r->cold);
	if (!etiquette_count(r, ETIQUETTE_HANDOFFS))
		return;
	static const char *const cols[] = { "tweet", "to", "tweeted", "DM followed",
					    "conversation", NULL };
	struct doc_table *t = doc_table(d, "handoffs", cols);
	for (const struct etiquette_row *e = etiquette_first(&it, r, ETIQUETTE_HANDOFFS); e;
	     e = etiquette_next(&it)) {
		id_text(e->tweet_id, id);
		doc_cell_link(t, report_link_tweet(id, l), "%s", id);
		who_cell(t, e, "");
		doc_cell(t, "%s", when(e->at, a));
		doc_cell(t, "%s", e->dm_followed ? dur(e->first_response, b) : "no");
		conv_cell(t, e);
	}
}

static void hours_write(const struct etiquette_result *r, struct doc *d)
{
	char a[32];
	doc_heading(d, 2, "Business hours");
	doc_para(d, "Hours %s, %s, time zone %s. The customer message's time decides whether it "
		    "arrived in hours; counted by when the answers were sent instead, %lld "
		    "replies went out in hours and %lld off hours.",
		 r->hours, r->days, r->time_zone, (long long)r->replies_sent_in,
		 (long long)r->replies_sent_off);
	static const char *const cols[] = { "arrived", ">first responses", "median first",
					    "90% first within", ">replies", "median reply",
					    "90% replies within", NULL };
	struct doc_table *t = doc_table(d, "business_hours", cols);
	const struct etiquette_spread *fr[2] = { &r->first_in, &r->first_off };
	const struct etiquette_spread *rp[2] = { &r->reply_in, &r->reply_off };
	for (int k = 0; k < 2; k++) {
		doc_cell(t, "%s", k ? "off hours" : "in hours");
		doc_cell(t, "%lld", (long long)fr[k]->count);
		doc_cell(t, "%s", dur(fr[k]->median, a));
		doc_cell(t, "%s", dur(fr[k]->p90, a));
		doc_cell(t, "%lld", (long long)rp[k]->count);
		doc_cell(t, "%s", dur(rp[k]->median, a));
		doc_cell(t, "%s", dur(rp[k]->p90, a));
	}
}

static void months_write(const struct etiquette_result *r, struct doc *d)
{
	char a[32], key[16];
	if (!r->nmonths)
		return;
	doc_heading(d, 2, "By month");
	static const char *const cols[] = { "month", ">started", ">answered", "median first",
					    "90% first within", ">replies", "median reply",
					    "90% replies within", NULL };
	struct doc_table *t = doc_table(d, "by_month", cols);
	for (size_t i = 0; i < r->nmonths; i++) {
		const struct etiquette_month *m = &r->months[i];
		month_key_name(m->key, key);
		doc_cell(t, "%s", key);
		doc_cell(t, "%lld", (long long)m->counterpart_initiated);
		doc_cell(t, "%lld", (long long)m->answered);
		doc_cell(t, "%s", dur(m->median_first, a));
		doc_cell(t, "%s", dur(m->p90_first, a));
		doc_cell(t, "%lld", (long long)m->replies);
		doc_cell(t, "%s", dur(m->median_reply, a));
		doc_cell(t, "%s", dur(m->p90_reply, a));
	}
}

/*
 * Every conversation, as the contract names its fields: what CSV output
 * writes. A reference for spreadsheets, not a list to act on: the HTML page
 * links it as a CSV file instead of showing it.
 */
static void every_conversation(const struct etiquette_result *r, struct doc *d)
{
	struct etiquette_iter it;
	char id[24];
	doc_heading_at(d, 2, "etiquette-every", "Every conversation (the table CSV output writes)");
	static const char *const cols[] = { "conversation_id", "counterpart_id", "initiated_by",
					    ">first_response_seconds", ">replies",
					    "cold", "first_has_url", ">owner_messages_before_reply",
					    NULL };
	struct doc_table *t = doc_table(d, "conversations", cols);
	t->beside = true;
	for (const struct etiquette_row *e = etiquette_first(&it, r, ETIQUETTE_CONVERSATIONS); e;
	     e = etiquette_next(&it)) {
		doc_cell(t, "%s", e->conversation_id ? e->conversation_id : "");
		doc_cell(t, "%s", id_text(e->counterpart, id));
		doc_cell(t, "%s", e->owner_first ? "owner" : "counterpart");
		if (e->first_response.set)
			doc_cell(t, "%lld", (long long)e->first_response.s);
		else
			doc_cell(t, "%s", "");
		doc_cell(t, "%zu", e->nreplies);
		doc_cell(t, "%s", e->owner_first ? yes_no(e->cold) : "");
		doc_cell(t, "%s", e->owner_first ? yes_no(e->first_has_url) : "");
		if (e->owner_first)
			doc_cell(t, "%lld", (long long)e->owner_before);
		else
			doc_cell(t, "%s", "");
	}
}

void etiquette_view(struct report_ctx *ctx, const struct etiquette_result *r, struct doc *d)
{
	headline(ctx, r, d);
	fixes_write(d, r);
	unanswered_write(r, d);
	awaiting_write(r, d);
	cold_write(r, d);
	chased_write(r, d);
	handoffs_write(r, d);
	hours_write(r, d);
	months_write(r, d);
	every_conversation(r, d);
}
