/*
 * autodm_view: the autodm result as an owner reads it: who sent automated
 * messages, how sure, why, and what to do (block only the near-certain).
 */
#include "report.h"
#include "autodm.h"
#include "autodm_result.h"
#include "buf.h"
#include "fmt.h"
#include "timeutil.h"
#include "xalloc.h"

#include <math.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
static const char *entry_name(const struct autodm_row *o, char out[80])
{
	if (o->handle && *o->handle)
		snprintf(out, 80, "@%s", o->handle);
	else
		snprintf(out, 80, "%lld", (long long)o->account);
	return out;
}

/* The account's id as the JSON writes it, and its link. */
static const char *account_link(const struct autodm_row *o, char out[REPORT_LINK_SIZE])
{
	char id[FMT_I64_SIZE + 1];
	id[fmt_i64(id, o->account)] = '\0';
	return report_link_user(id, out);
}

/* A time as the JSON writes it, for the "%.10s" of a date. */
static const char *iso(int64_t ms, char out[32])
{
	time_format_iso(ms, out);
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
static void why(const struct autodm_row *o, size_t max, const char *skip, struct buf *b)
{
	size_t n = 0;
	for (const char *s = autodm_evidence_next(o, NULL); s; s = autodm_evidence_next(o, s)) {
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

const struct autodm_sender *autodm_automated(const struct autodm_result *r, size_t *n)
{
	*n = r->nsenders;
	return r->senders;
}

/* An automated sender as the lists below sort it: its key, and the advice for it. */
struct sender {
	const struct autodm_sender *k;
	int advice;
};

/* The automated senders (their keys, made with the result), in its order. */
static struct sender *automated_of(const struct autodm_result *r, size_t *n)
{
	const struct autodm_sender *s = autodm_automated(r, n);
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
static void view_who(const struct autodm_result *r, const struct sender *v, size_t n,
		     struct doc *d)
{
	size_t ng = 0;
	struct group *g = xmalloc((n + 1) * sizeof(*g));
	struct autodm_iter it;
	char name[80], first[32];
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
	autodm_open(&it, r);
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
			const struct autodm_row *o = j < 3 ? autodm_get(&it, m[j].k->pos) : NULL;
			if (o)
				buf_addf(&ex, "%s%s", j ? ", " : "", entry_name(o, name));
		}
		covered += g[k].n;
		const struct autodm_row *f = autodm_get(&it, m[0].k->pos);
		if (!f) {
			/* a row that cannot be read back: the table below still lists it */
		} else if (g[k].n == 1) {
			why(f, 4, NULL, &b);
			doc_item_link(d, account_link(f, l), "the account",
				      "%s: %s, %s (%lld message%s, first %.10s): %s.",
				      ex.s, autodm_kind_words(f->kind), sureness(hi),
				      (long long)f->messages, f->messages == 1 ? "" : "s",
				      iso(f->first_at, first), b.s);
		} else {
			why(f, 3, "the same ", &b);
			const char *slo = sureness(lo), *shi = sureness(hi);
			doc_item(d, "%zu accounts sent \"%s\" (%s, %s%s%s): %s; for example %s.",
				 g[k].n, f->template ? f->template : "", autodm_kind_words(f->kind),
				 slo, strcmp(slo, shi) ? " to " : "", strcmp(slo, shi) ? shi : "",
				 b.s, ex.s);
		}
		buf_release(&b);
		buf_release(&ex);
	}
	autodm_stop(&it);
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
static void automated_write(const struct autodm_result *r, struct sender *v, size_t n,
			    struct doc *d)
{
	struct autodm_iter it;
	char name[80], l[REPORT_LINK_SIZE], t1[32], t2[32];
	qsort(v, n, sizeof(*v), cmp_advice);
	doc_heading_at(d, 2, "autodm-automated", "Automated senders, what to do with each");
	static const char *const cols[] = { "account", "what to do", "kind", "how sure",
					    ">messages", "first", "last", NULL };
	struct doc_table *t = doc_table(d, "automated", cols);
	autodm_open(&it, r);
	for (size_t i = 0; i < n; i++) {
		const struct autodm_row *o = autodm_get(&it, v[i].k->pos);
		if (!o)
			continue;
		doc_cell_link(t, account_link(o, l), "%s", entry_name(o, name));
		doc_cell(t, "%s", advice_words[v[i].advice]);
		doc_cell(t, "%s", autodm_kind_words(o->kind));
		doc_cell(t, "%s", autodm_confidence_name(o->confidence));
		doc_cell(t, "%lld", (long long)o->messages);
		doc_cell(t, "%.10s", iso(o->first_at, t1));
		doc_cell(t, "%.10s", iso(o->last_at, t2));
	}
	autodm_stop(&it);
}

/*
 * Every sender with the detector's score: the table CSV output writes, a
 * reference the HTML page links as a CSV file.
 */
static void senders_write(const struct autodm_result *r, struct doc *d)
{
	size_t n = r->ninbound, shown = 0, humans = 0;
	struct autodm_iter it;
	char t1[32], t2[32];
	doc_heading_at(d, 2, "autodm-senders", "Every sender (the table CSV output writes)");
	static const char *const cols[] = { "account", "handle", "auto", ">score", ">messages",
					    "kind", "first", "last", "evidence", NULL };
	struct doc_table *t = doc_table(d, "inbound", cols);
	t->beside = true;
	for (const struct autodm_row *o = autodm_first(&it, r); o; o = autodm_next(&it)) {
		if (!o->is_auto && n > 200 && humans >= 20) {
			humans++;
			continue;
		}
		humans += !o->is_auto;
		shown++;
		const char *ev = autodm_evidence_next(o, NULL);
		struct buf b = BUF_INIT;
		if (ev)
			add_plain(&b, ev);
		doc_cell(t, "%lld", (long long)o->account);
		doc_cell(t, "%s", o->handle ? o->handle : "");
		doc_cell(t, "%s", o->is_auto ? "yes" : "no");
		doc_cell(t, "%.2f", o->score);
		doc_cell(t, "%lld", (long long)o->messages);
		doc_cell(t, "%s", autodm_kind_name(o->kind));
		doc_cell(t, "%.10s", iso(o->first_at, t1));
		doc_cell(t, "%.10s", iso(o->last_at, t2));
		doc_cell(t, "%s", b.len ? b.s : "");
		buf_release(&b);
	}
	if (shown < n)
		doc_para(d, "%zu more senders judged to be people are left out here; --format json "
			 "lists them all.", n - shown);
}

void autodm_advice_count(const struct autodm_result *r, struct autodm_advice *a)
{
	size_t ns;
	const struct autodm_sender *s = autodm_automated(r, &ns);
	memset(a, 0, sizeof(*a));
	for (size_t i = 0; i < ns; i++) {
		const struct autodm_sender *o = &s[i];
		a->automated++;
		a->block += to_block(o);
		a->review += to_review(o);
	}
	a->own = r->nown;
}

void autodm_view(struct report_ctx *ctx, const struct autodm_result *r, struct doc *d)
{
	size_t i, n_auto, n = r->ninbound;
	const struct autodm_sender *senders = autodm_automated(r, &n_auto);
	enum { NKIND = 7 };
	unsigned n_kind[NKIND] = { 0 };
	static const enum autodm_kind kinds[NKIND] = { AUTODM_VALIDATION, AUTODM_CAMPAIGN,
						       AUTODM_APP, AUTODM_SPAM, AUTODM_WELCOME,
						       AUTODM_SCAM, AUTODM_BOT };
	struct autodm_advice adv;
	autodm_advice_count(r, &adv);
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
	size_t n_out = r->nown, n_tm = r->ntemplates;
	if (n_out)
		doc_para(d, "Your own account sent %zu automated DM%s from %zu template%s.", n_out,
			 n_out == 1 ? "" : "s", n_tm, n_tm == 1 ? "" : "s");
	else
		doc_para(d, "Your own account sent no automated DMs.");

	size_t n_listed;
	struct sender *listed = automated_of(r, &n_listed);
	qsort(listed, n_listed, sizeof(*listed), cmp_group);
	if (n_auto)
		view_who(r, listed, n_listed, d);
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
	if (r->napps) {
		struct buf b = BUF_INIT;
		for (i = 0; i < r->napps; i++)
			buf_addf(&b, "%s%s", i ? ", " : "", r->apps[i].name ? r->apps[i].name : "");
		doc_item(d, "Revoke apps that can read and send your DMs unless you use them: %s "
			 "(Settings, Security and account access, Apps and sessions).", b.s);
		buf_release(&b);
	}
	if (!n_auto && !n_out && !r->napps)
		doc_item(d, "Nothing: no automated DMs either way.");
	qsort(listed, n_listed, sizeof(*listed), cmp_advice);
	if (n_auto)
		automated_write(r, listed, n_listed, d);
	free(listed);
	senders_write(r, d);

	if (n_tm) {
		doc_heading(d, 2, "Your own auto-DMs");
		static const char *const tcols[] = { "template", ">messages", ">recipients",
						     ">following you", "first sent", "last sent", NULL };
		struct doc_table *tt = doc_table(d, "outbound", tcols);
		for (i = 0; i < n_tm; i++) {
			const struct autodm_template *o = &r->templates[i];
			char t1[32], t2[32];
			doc_cell(tt, "%s", o->text);
			doc_cell(tt, "%lld", (long long)o->messages);
			doc_cell(tt, "%lld", (long long)o->recipients);
			doc_cell(tt, "%lld", (long long)o->recipients_following);
			doc_cell(tt, "%.10s", iso(o->first_sent, t1));
			doc_cell(tt, "%.10s", iso(o->last_sent, t2));
		}
	}

	(void)ctx;
}
