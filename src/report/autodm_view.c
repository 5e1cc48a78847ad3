/*
 * autodm_view: the autodm JSON as an owner reads it: who sent automated
 * messages, how sure, why, and what to do (block only the near-certain).
 */
#include "report.h"
#include "autodm.h"
#include "buf.h"
#include "fmt.h"
#include "jrows.h"
#include "timeutil.h"
#include "xalloc.h"

#include <math.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *gets_(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

static const char *kind_phrase(const char *kind)
{
	if (!strcmp(kind, "welcome"))
		return "business welcome bot";
	if (!strcmp(kind, "validation"))
		return "follower-validation request";
	if (!strcmp(kind, "campaign"))
		return "spam campaign";
	if (!strcmp(kind, "app"))
		return "auto-DM app";
	if (!strcmp(kind, "spam"))
		return "unsolicited link";
	if (!strcmp(kind, "scam"))
		return "scam bait";
	if (!strcmp(kind, "bot"))
		return "bot";
	return "person";
}

const char *autodm_kind_words(enum autodm_kind kind)
{
	return kind_phrase(autodm_kind_name(kind));
}

static const char *sureness(double score)
{
	/* the score of AUTODM_CERTAIN_AT is 1 - e^-1.5 = 0.78 */
	return score >= 0.95 ? "certain" : score >= 0.77 ? "near-certain" : "likely";
}

/* A person's name for an inbound entry: @handle, else the id. */
static const char *entry_name(json_t *o, char out[80])
{
	const char *h = gets_(o, "handle");
	if (*h)
		snprintf(out, 80, "@%s", h);
	else
		snprintf(out, 80, "%s", gets_(o, "account_id"));
	return out;
}

/* Evidence in an owner's words: the platform's event names stay in the JSON. */
static void add_plain(struct buf *b, const char *s)
{
	static const char event[] = " (welcomeMessageCreate)";
	const char *at = strstr(s, event);
	if (!at) {
		buf_adds(b, s);
		return;
	}
	buf_add(b, s, (size_t)(at - s));
	buf_adds(b, at + strlen(event));
}

/* Evidence as one phrase: at most max items, skipping the one that starts with skip. */
static void why(json_t *o, size_t max, const char *skip, struct buf *b)
{
	size_t k, n = 0;
	json_t *e;
	json_array_foreach(json_object_get(o, "evidence"), k, e) {
		const char *s = json_string_value(e);
		if (skip && !strncmp(s, skip, strlen(skip)))
			continue;
		if (n++ == max)
			break;
		buf_adds(b, b->len ? "; " : "");
		add_plain(b, s);
	}
}

/* Advice follows confidence: block only the near-certain harmful, review the likely. */
static bool to_block(const struct autodm_sender *o)
{
	bool harmful = o->kind == AUTODM_CAMPAIGN || o->kind == AUTODM_SPAM ||
		       o->kind == AUTODM_SCAM;
	return harmful && o->confidence == AUTODM_NEAR_CERTAIN;
}

static bool to_review(const struct autodm_sender *o)
{
	return !to_block(o) && o->confidence == AUTODM_LIKELY && o->kind != AUTODM_WELCOME &&
	       o->kind != AUTODM_VALIDATION;
}

/* What to do about one automated sender, by the advice's own rule. */
static int advice_rank(const struct autodm_sender *o)
{
	return to_block(o) ? 0 : to_review(o) ? 1 : 2;
}

static const char *const advice_words[] = { "block and report", "review first",
					    "nothing needed" };

/* An id as the JSON writes it, 0 for none: the views order ids as that text. */
static int64_t id_of(const char *s)
{
	return *s ? strtoll(s, NULL, 10) : 0;
}

/* Order of two ids as their text orders them ("" for a template's 0, none). */
static int cmp_id_text(int64_t a, int64_t b, bool zero_none)
{
	char x[FMT_I64_SIZE], y[FMT_I64_SIZE];
	if (zero_none && (!a || !b))
		return (a != 0) - (b != 0);
	fmt_i64(x, a);
	fmt_i64(y, b);
	return strcmp(x, y);
}

/* Order of two times as their ISO text orders them (not quite as the numbers do). */
static int cmp_time_text(int64_t a, int64_t b)
{
	char x[32], y[32];
	if (a == b)
		return 0;
	time_format_iso(a, x);
	time_format_iso(b, y);
	return strcmp(x, y);
}

const struct autodm_sender *autodm_automated(struct report_ctx *ctx, json_t *r, size_t *n)
{
	json_t *in = json_object_get(r, "inbound");
	if (!ctx->senders && jrows_size(in)) {
		/* a result analysed elsewhere: its keys from its rows, once */
		struct jrows_iter it;
		size_t k = 0, i = 0;
		ctx->senders = xcalloc(jrows_size(in), sizeof(*ctx->senders));
		for (json_t *o = jrows_first(&it, in); o; o = jrows_next(&it), i++) {
			if (!json_is_true(json_object_get(o, "auto")))
				continue;
			struct autodm_sender *x = &ctx->senders[k++];
			double score = json_real_value(json_object_get(o, "score"));
			x->pos = (uint32_t)i;
			x->account = id_of(gets_(o, "account_id"));
			x->tmpl = id_of(gets_(o, "template_id"));
			if (!time_parse(gets_(o, "last_at"), &x->last_at))
				x->last_at = 0;
			x->kind = (uint8_t)autodm_kind_of(gets_(o, "kind"));
			x->confidence = (uint8_t)autodm_confidence_of(gets_(o, "confidence"));
			x->score = (uint8_t)(score > 0 && score <= 1 ? round(score * 100) : 0);
			x->messages = (uint32_t)json_integer_value(json_object_get(o, "messages"));
		}
		ctx->nsenders = k;
	}
	*n = ctx->nsenders;
	return ctx->senders;
}

/* An automated sender as the lists below sort it: its key, and the advice for it. */
struct sender {
	const struct autodm_sender *k;
	int advice;
};

/* The automated senders (ctx->senders, made with the result), in its order. */
static struct sender *automated_of(struct report_ctx *ctx, json_t *r, size_t *n)
{
	const struct autodm_sender *s = autodm_automated(ctx, r, n);
	struct sender *v = xcalloc(*n + 1, sizeof(*v));
	for (size_t i = 0; i < *n; i++)
		v[i] = (struct sender){ &s[i], advice_rank(&s[i]) };
	return v;
}

static int cmp_pos(size_t a, size_t b)
{
	return (a > b) - (a < b);
}

static int cmp_group(const void *x, const void *y)
{
	const struct autodm_sender *a = ((const struct sender *)x)->k;
	const struct autodm_sender *b = ((const struct sender *)y)->k;
	int c = cmp_id_text(a->tmpl, b->tmpl, true);
	if (!c)
		c = cmp_id_text(a->account, b->account, false);
	return c ? c : cmp_pos(a->pos, b->pos);
}

struct group {
	size_t first, n;
};

static int cmp_group_size(const void *x, const void *y)
{
	const struct group *a = x, *b = y;
	if (a->n != b->n)
		return a->n < b->n ? 1 : -1;
	return a->first < b->first ? -1 : a->first > b->first;
}

/*
 * The automated senders, grouped: accounts that sent one template make one
 * line (a campaign is one finding, not a thousand), the rest one line each,
 * at most AUTODM_VIEW_LINES lines.
 */
static void view_who(json_t *in, const struct sender *v, size_t n, struct doc *d)
{
	size_t ng = 0;
	struct group *g = xmalloc((n + 1) * sizeof(*g));
	struct jrows_iter it;
	char name[80];
	for (size_t s = 0, e; s < n; s = e) {
		e = s + 1;
		if (v[s].k->tmpl)
			while (e < n && v[e].k->tmpl == v[s].k->tmpl)
				e++;
		g[ng].first = s;
		g[ng].n = e - s;
		ng++;
	}
	qsort(g, ng, sizeof(*g), cmp_group_size);
	doc_heading_at(d, 2, "autodm-who", "Who, how sure, why");
	jrows_open(&it, in);
	size_t lines = 0, covered = 0;
	for (size_t k = 0; k < ng && lines < AUTODM_VIEW_LINES; k++, lines++) {
		const struct sender *m = &v[g[k].first];
		struct buf b = BUF_INIT, ex = BUF_INIT;
		double lo = 1, hi = 0;
		char l[REPORT_LINK_SIZE];
		for (size_t j = 0; j < g[k].n; j++) {
			double sc = m[j].k->score / 100.0;
			lo = sc < lo ? sc : lo;
			hi = sc > hi ? sc : hi;
			json_t *o = j < 3 ? jrows_get(&it, m[j].k->pos) : NULL;
			if (o)
				buf_addf(&ex, "%s%s", j ? ", " : "", entry_name(o, name));
		}
		covered += g[k].n;
		json_t *f = jrows_get(&it, m[0].k->pos);
		if (!f) {
			/* a row that cannot be read back: the table below still lists it */
		} else if (g[k].n == 1) {
			why(f, 4, NULL, &b);
			doc_item_link(d, report_link_user(gets_(f, "account_id"), l), "the account",
				      "%s: %s, %s (%lld message%s, first %.10s): %s.",
				      ex.s, kind_phrase(gets_(f, "kind")), sureness(hi),
				      (long long)json_integer_value(json_object_get(f, "messages")),
				      json_integer_value(json_object_get(f, "messages")) == 1 ? "" : "s",
				      gets_(f, "first_at"), b.s);
		} else {
			why(f, 3, "the same ", &b);
			const char *slo = sureness(lo), *shi = sureness(hi);
			doc_item(d, "%zu accounts sent \"%s\" (%s, %s%s%s): %s; for example %s.",
				 g[k].n, gets_(f, "template"), kind_phrase(gets_(f, "kind")), slo,
				 strcmp(slo, shi) ? " to " : "", strcmp(slo, shi) ? shi : "", b.s,
				 ex.s);
		}
		buf_release(&b);
		buf_release(&ex);
	}
	jrows_stop(&it);
	if (covered < n)
		doc_para(d, "%zu more automated senders are listed in the table below.", n - covered);
	free(g);
}

/* To block first, then to review, then the rest; the newest first in each. */
static int cmp_advice(const void *x, const void *y)
{
	const struct sender *a = x, *b = y;
	if (a->advice != b->advice)
		return a->advice - b->advice;
	int c = cmp_time_text(b->k->last_at, a->k->last_at);
	return c ? c : cmp_pos(a->k->pos, b->k->pos);
}

/*
 * Every automated sender, what to do first: those to block and report,
 * then those to review (only likely automated: a customer can look like a
 * bot), then those that need nothing; each linked to the account.
 */
static void automated_write(json_t *in, struct sender *v, size_t n, struct doc *d)
{
	struct jrows_iter it;
	char name[80], l[REPORT_LINK_SIZE];
	qsort(v, n, sizeof(*v), cmp_advice);
	doc_heading_at(d, 2, "autodm-automated", "Automated senders, what to do with each");
	static const char *const cols[] = { "account", "what to do", "kind", "how sure",
					    ">messages", "first", "last", NULL };
	struct doc_table *t = doc_table(d, "automated", cols);
	jrows_open(&it, in);
	for (size_t i = 0; i < n; i++) {
		json_t *o = jrows_get(&it, v[i].k->pos);
		if (!o)
			continue;
		doc_cell_link(t, report_link_user(gets_(o, "account_id"), l), "%s",
			      entry_name(o, name));
		doc_cell(t, "%s", advice_words[v[i].advice]);
		doc_cell(t, "%s", kind_phrase(gets_(o, "kind")));
		doc_cell(t, "%s", gets_(o, "confidence"));
		doc_cell(t, "%lld", (long long)json_integer_value(json_object_get(o, "messages")));
		doc_cell(t, "%.10s", gets_(o, "first_at"));
		doc_cell(t, "%.10s", gets_(o, "last_at"));
	}
	jrows_stop(&it);
}

/*
 * Every sender with the detector's score: the table CSV output writes, a
 * reference the HTML page links as a CSV file.
 */
static void senders_write(json_t *in, struct doc *d)
{
	size_t n = jrows_size(in), shown = 0, humans = 0;
	struct jrows_iter it;
	doc_heading_at(d, 2, "autodm-senders", "Every sender (the table CSV output writes)");
	static const char *const cols[] = { "account", "handle", "auto", ">score", ">messages",
					    "kind", "first", "last", "evidence", NULL };
	struct doc_table *t = doc_table(d, "inbound", cols);
	t->beside = true;
	for (json_t *o = jrows_first(&it, in); o; o = jrows_next(&it)) {
		bool is_auto = json_is_true(json_object_get(o, "auto"));
		if (!is_auto && n > 200 && humans >= 20) {
			humans++;
			continue;
		}
		humans += !is_auto;
		shown++;
		json_t *ev = json_object_get(o, "evidence");
		struct buf b = BUF_INIT;
		if (json_array_size(ev))
			add_plain(&b, json_string_value(json_array_get(ev, 0)));
		doc_cell(t, "%s", gets_(o, "account_id"));
		doc_cell(t, "%s", gets_(o, "handle"));
		doc_cell(t, "%s", is_auto ? "yes" : "no");
		doc_cell(t, "%.2f", json_real_value(json_object_get(o, "score")));
		doc_cell(t, "%lld", (long long)json_integer_value(json_object_get(o, "messages")));
		doc_cell(t, "%s", gets_(o, "kind"));
		doc_cell(t, "%.10s", gets_(o, "first_at"));
		doc_cell(t, "%.10s", gets_(o, "last_at"));
		doc_cell(t, "%s", b.len ? b.s : "");
		buf_release(&b);
	}
	if (shown < n)
		doc_para(d, "%zu more senders judged to be people are left out here; --format json "
			 "lists them all.", n - shown);
}

void autodm_advice_count(struct report_ctx *ctx, json_t *r, struct autodm_advice *a)
{
	size_t ns;
	const struct autodm_sender *s = autodm_automated(ctx, r, &ns);
	memset(a, 0, sizeof(*a));
	for (size_t i = 0; i < ns; i++) {
		const struct autodm_sender *o = &s[i];
		a->automated++;
		a->block += to_block(o);
		a->review += to_review(o);
	}
	a->own = json_array_size(json_object_get(json_object_get(r, "outbound"), "auto_message_ids"));
}

void autodm_view(struct report_ctx *ctx, json_t *r, struct doc *d)
{
	json_t *in = json_object_get(r, "inbound"), *out = json_object_get(r, "outbound");
	json_t *tm = json_object_get(out, "templates"), *apps = json_object_get(r, "apps_with_dm_access");
	size_t i, n_auto, n = jrows_size(in);
	const struct autodm_sender *senders = autodm_automated(ctx, r, &n_auto);
	json_t *o;
	enum { NKIND = 7 };
	unsigned n_kind[NKIND] = { 0 };
	static const enum autodm_kind kinds[NKIND] = { AUTODM_VALIDATION, AUTODM_CAMPAIGN,
						       AUTODM_APP, AUTODM_SPAM, AUTODM_WELCOME,
						       AUTODM_SCAM, AUTODM_BOT };
	struct autodm_advice adv;
	autodm_advice_count(ctx, r, &adv);
	unsigned n_block = adv.block, n_review = adv.review;

	for (i = 0; i < n_auto; i++) {
		for (int k = 0; k < NKIND; k++)
			if (senders[i].kind == kinds[k])
				n_kind[k]++;
	}
	doc_heading_at(d, 1, "autodm", "Auto-DM senders");
	if (!n) {
		doc_para(d, "No account sent you 1:1 messages, so no automated sender could be found.");
	} else {
		struct buf b = BUF_INIT;
		for (int k = 0; k < NKIND; k++)
			if (n_kind[k])
				buf_addf(&b, "%s%u %s%s", b.len ? ", " : "", n_kind[k],
					 autodm_kind_words(kinds[k]), n_kind[k] == 1 ? "" : "s");
		doc_para(d, "%zu of the %zu accounts that sent you 1:1 messages look automated%s%s%s.",
			 n_auto, n, b.len ? " (" : "", b.s, b.len ? ")" : "");
		buf_release(&b);
	}
	size_t n_out = json_array_size(json_object_get(out, "auto_message_ids"));
	if (n_out)
		doc_para(d, "Your own account sent %zu automated DM%s from %zu template%s.", n_out,
			 n_out == 1 ? "" : "s", json_array_size(tm), json_array_size(tm) == 1 ? "" : "s");
	else
		doc_para(d, "Your own account sent no automated DMs.");

	size_t n_listed;
	struct sender *listed = automated_of(ctx, r, &n_listed);
	qsort(listed, n_listed, sizeof(*listed), cmp_group);
	if (n_auto)
		view_who(in, listed, n_listed, d);
	doc_heading_at(d, 2, "autodm-todo", "What to do");
	if (n_block)
		doc_item(d, "Block and report the %u near-certain spam and scam sender%s; do not "
			 "open their links.", n_block, n_block == 1 ? "" : "s");
	if (n_review)
		doc_item(d, "Review the %u sender%s judged likely automated before you act: read "
			 "the evidence below; a customer can look like a bot.", n_review,
			 n_review == 1 ? "" : "s");
	if (n_kind[0])
		doc_item(d, "Ignore validation requests: following someone never requires clicking a "
			 "link; unfollow accounts that send them if they annoy you.");
	if (n_kind[2])
		doc_item(d, "Accounts that auto-DM new followers: mute or unfollow them.");
	if (n_kind[4])
		doc_item(d, "Welcome messages are a business's bot greeting; nothing to do.");
	if (n_out)
		doc_item(d, "Stop your own auto-DMs: since April 2017 the platform's automation "
			 "rules forbid unsolicited automated DMs; turn the feature off in the "
			 "tool that sends them.");
	if (json_array_size(apps)) {
		struct buf b = BUF_INIT;
		json_array_foreach(apps, i, o)
			buf_addf(&b, "%s%s", i ? ", " : "", gets_(o, "name"));
		doc_item(d, "Revoke apps that can read and send your DMs unless you use them: %s "
			 "(Settings, Security and account access, Apps and sessions).", b.s);
		buf_release(&b);
	}
	if (!n_auto && !n_out && !json_array_size(apps))
		doc_item(d, "Nothing: no automated DMs either way.");
	qsort(listed, n_listed, sizeof(*listed), cmp_advice);
	if (n_auto)
		automated_write(in, listed, n_listed, d);
	free(listed);
	senders_write(in, d);

	if (json_array_size(tm)) {
		doc_heading(d, 2, "Your own auto-DMs");
		static const char *const tcols[] = { "template", ">messages", ">recipients",
						     ">following you", "first sent", "last sent", NULL };
		struct doc_table *tt = doc_table(d, "outbound", tcols);
		json_array_foreach(tm, i, o) {
			doc_cell(tt, "%s", gets_(o, "template"));
			doc_cell(tt, "%lld", (long long)json_integer_value(json_object_get(o, "messages")));
			doc_cell(tt, "%lld", (long long)json_integer_value(json_object_get(o, "recipients")));
			doc_cell(tt, "%lld", (long long)json_integer_value(
						     json_object_get(o, "recipients_following_you")));
			doc_cell(tt, "%.10s", gets_(o, "first_sent"));
			doc_cell(tt, "%.10s", gets_(o, "last_sent"));
		}
	}

	(void)ctx;
}
