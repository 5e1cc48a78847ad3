/*
 * overview: the opening of `report all`, what to fix first across the
 * reports, and the page's footer. It reads the analysers' JSON only, and
 * counts through the same helpers as each report's own advice
 * (autodm_advice_count, exposure_advice_count, the etiquette totals), so a
 * number here is the number the section below says.
 */
#include "report.h"
#include "etiquette.h"
#include "summary.h"
#include "timeutil.h"
#include "version.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ACTIONS_MAX 6 /* the few most urgent: more would be a second contents */

struct action {
	int rank;          /* lower first: harm to others and in public before manners */
	char *text;
	const char *anchor;
};

struct actions {
	struct action a[12];
	size_t n;
};

static void add(struct actions *as, int rank, const char *anchor, char *text)
{
	if (as->n == sizeof(as->a) / sizeof(as->a[0])) {
		free(text);
		return;
	}
	as->a[as->n++] = (struct action){ rank, text, anchor };
}

static const char *s_(long long n)
{
	return n == 1 ? "" : "s";
}

static void exposure_actions(const struct exposure_result *r, struct actions *as)
{
	struct exposure_advice x;
	if (!r)
		return;
	exposure_advice_count(r, &x);
	if (x.in_public)
		add(as, 0, "exposure-todo",
		    xasprintf("Delete or edit %zu public tweet%s that show personal data: anyone "
			      "can read them now.", x.in_public, s_((long long)x.in_public)));
	if (x.high)
		add(as, 1, "exposure-findings",
		    xasprintf("Delete %zu high-severity finding%s in your messages (card numbers, "
			      "bank details, passwords, identity numbers): one screenshot makes them "
			      "public.", x.high, s_((long long)x.high)));
	if (x.tone)
		add(as, 6, "exposure-findings",
		    xasprintf("Review %zu message%s of yours that read as insults or contempt.",
			      x.tone, s_((long long)x.tone)));
}

static void etiquette_actions(const struct etiquette_result *r, struct actions *as)
{
	if (!r)
		return;
	int64_t people = r->unanswered - r->unanswered_automated;
	if (people > 0)
		add(as, 2, "etiquette-unanswered",
		    xasprintf("Answer %lld %s who wrote to you and never got a reply.",
			      (long long)people, people == 1 ? "person" : "people"));
	int64_t mk = r->marketing;
	if (mk)
		add(as, 4, "etiquette-cold",
		    xasprintf("Stop unsolicited marketing: %lld cold DM%s with links or offers.",
			      (long long)mk, s_(mk)));
	int64_t aw = etiquette_awaiting_people(r);
	if (aw)
		add(as, 5, "etiquette-awaiting",
		    xasprintf("Close the loop in %lld conversation%s you answered once, where the "
			      "other person wrote again and still waits.", (long long)aw, s_(aw)));
	int64_t ch = r->chased;
	if (ch)
		add(as, 7, "etiquette-chased",
		    xasprintf("Stop chasing: %lld conversation%s got two or more of your messages "
			      "before any answer.", (long long)ch, s_(ch)));
}

static void autodm_actions(struct report_ctx *ctx, const struct autodm_result *r,
			   struct actions *as)
{
	struct autodm_advice a;
	if (!r)
		return;
	autodm_advice_count(r, &a);
	if (a.block)
		add(as, 3, "autodm-todo",
		    xasprintf("Block and report %u near-certain spam and scam sender%s.", a.block,
			      s_(a.block)));
	if (a.own)
		add(as, 4, "autodm-todo",
		    xasprintf("Turn off your own auto-DMs: %zu automated message%s sent.", a.own,
			      s_((long long)a.own)));
	if (a.review)
		add(as, 8, "autodm-todo",
		    xasprintf("Review %u sender%s only likely automated before you act: a customer "
			      "can look like a bot.", a.review, s_(a.review)));
}

static int action_cmp(const void *x, const void *y)
{
	const struct action *a = x, *b = y;
	return (a->rank > b->rank) - (a->rank < b->rank);
}

void overview_view(struct report_ctx *ctx, const struct results *res, struct doc *d)
{
	struct actions as = { .n = 0 };
	exposure_actions(res->exposure, &as);
	etiquette_actions(res->etiquette, &as);
	autodm_actions(ctx, res->autodm, &as);
	qsort(as.a, as.n, sizeof(as.a[0]), action_cmp);

	doc_heading_at(d, 2, "fix-first", "What to fix first");
	if (!as.n)
		doc_para(d, "Nothing urgent: no exposed personal data, no one left waiting, no spam "
			    "to block.");
	else
		doc_para(d, "The most urgent first; each links to its list further down.");
	for (size_t i = 0; i < as.n; i++) {
		if (i < ACTIONS_MAX) {
			char *href = xasprintf("#%s", as.a[i].anchor);
			doc_item_link(d, href, "the list", "%s", as.a[i].text);
			free(href);
		}
		free(as.a[i].text);
	}
	doc_toc(d);
}

/*
 * "twitter-2023.zip, snapshot of 2023-09-03", or with several snapshots
 * "… snapshots of 2021-05-01 to 2023-09-03 (3)": the newest archive's file
 * name and the dates the archives were made.
 */
static void snapshot_dates(const struct summary_result *r, int64_t as_of, char out[192])
{
	size_t n = r ? r->nsnaps : 0;
	char iso[32], first[32], last[32];
	if (!n) {
		time_format_iso(as_of, iso);
		snprintf(out, 192, "snapshot of %.10s", iso);
		return;
	}
	const struct summary_snapshot *newest = &r->snaps[n - 1];
	const char *src = newest->source;
	const char *base = src && strrchr(src, '/') ? strrchr(src, '/') + 1 : src;
	time_format_iso(r->snaps[0].generated_at, first);
	time_format_iso(newest->generated_at, last);
	if (n == 1)
		snprintf(out, 192, "%.80s%ssnapshot of %.10s", base ? base : "", base ? ", " : "",
			 first);
	else
		snprintf(out, 192, "%.80s%ssnapshots of %.10s to %.10s (%zu)", base ? base : "",
			 base ? ", " : "", first, last, n);
}

void overview_footer(struct report_ctx *ctx, const struct results *res, struct doc *d)
{
	char snaps[192], made[32];
	/* SOURCE_DATE_EPOCH makes the page reproducible, as build tools do */
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	char *end = NULL;
	long long now = sde ? strtoll(sde, &end, 10) : 0;
	if (!sde || !*sde || *end)
		now = (long long)time(NULL);
	time_format_iso((int64_t)now * 1000, made);
	snapshot_dates(res->summary, ctx->as_of, snaps);
	if (ctx->owner_handle[0])
		doc_footer(d, "dmaudit %s · archive of @%s (account %lld), %s · report made %.10s "
			   "%.5s UTC", DMAUDIT_VERSION, ctx->owner_handle, (long long)ctx->owner,
			   snaps, made, made + 11);
	else
		doc_footer(d, "dmaudit %s · archive of account %lld, %s · report made %.10s %.5s UTC",
			   DMAUDIT_VERSION, (long long)ctx->owner, snaps, made, made + 11);
}
