/*
 * chart_data: the data of each chart, a TSV file written from the
 * analysers' results and the store (charts.h). Drawing is chart_draw.c.
 */
#include "charts.h"
#include "etiquette.h"
#include "autodm_result.h"
#include "exposure.h"
#include "summary.h"
#include "months.h"
#include "buf.h"
#include "exitcode.h"
#include "html.h"
#include "tz.h"
#include "xalloc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define LABEL_MAX 48   /* columns of a label from the archive (handles, templates) */
#define TOP_TEMPLATES 10

/* ---- months ---- */

static void date_name(int64_t ms, char out[16])
{
	struct tz_local l;
	tz_local(ms, &l);
	snprintf(out, 16, "%04d-%02d-%02d", l.year % 10000, l.month, l.day);
}

/* A chart's months (months.h): a cell holds a count for each of its series. */
static void counts_init(struct months *m, int nseries)
{
	months_init(m, (size_t)nseries * sizeof(long));
}

static void counts_add(struct months *m, int month, int series, long n)
{
	((long *)months_cell(m, month))[series] += n;
}

static long counts_get(const struct months *m, size_t i, int series)
{
	return ((const long *)months_at(m, i))[series];
}

/* ---- TSV ---- */

/*
 * A label from the archive, fit for one TSV cell that gnuplot reads: no tabs,
 * newlines or control characters, no double quotes (gnuplot reads them as
 * string delimiters), at most LABEL_MAX characters. gnuplot escapes < and &
 * itself when it writes SVG.
 */
static void put_label(FILE *f, const char *s)
{
	size_t cols = 0;
	bool space = false;
	while (*s == ' ')
		s++;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p & 0xC0) != 0x80 && ++cols > LABEL_MAX) {
			fputs("…", f);
			return;
		}
		if (*p < 0x20 || *p == 0x7F || *p == ' ') {
			if (!space)
				fputc(' ', f);
			space = true;
			continue;
		}
		space = false;
		fputc(*p == '"' ? '\'' : *p, f);
	}
	if (cols == 0)
		fputc('-', f);
}

struct tsv {
	FILE *f;
	char *path;
};

static int tsv_open(struct tsv *t, const struct store *db, const char *dir, const char *name,
		    const char *header, struct err *err)
{
	t->path = xasprintf("%s/%s.tsv", dir, name);
	if (db && store_is_file(db, t->path)) {
		err_set(err, EXIT_USAGE, "'%s' is the database '%s'; choose another folder",
			t->path, db->path);
		free(t->path);
		return -1;
	}
	if (!(t->f = fopen(t->path, "w"))) {
		err_set(err, EXIT_IO, "'%s': cannot write the chart data: %s", t->path,
			strerror(errno));
		free(t->path);
		return -1;
	}
	fprintf(t->f, "# %s\n", header);
	return 0;
}

static int tsv_close(struct tsv *t, struct err *err)
{
	int bad = ferror(t->f) | fclose(t->f);
	if (bad)
		err_set(err, EXIT_IO, "'%s': cannot write the chart data: %s", t->path,
			strerror(errno));
	free(t->path);
	return bad ? -1 : 0;
}

/* ---- the charts ---- */

struct chart_ctx {
	struct report_ctx *rc;
	const struct results *results;
	const char *dir;
	struct err *err;
};

static void skip(struct chart *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void skip(struct chart *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(c->note, sizeof(c->note), fmt, ap);
	va_end(ap);
	c->state = CHART_SKIPPED;
}

/* The autodm result, or NULL (note set) when the caller did not run it. */
static const struct autodm_result *autodm_of(struct chart_ctx *x, struct chart *c)
{
	if (!x->results->autodm)
		skip(c, "the autodm report was not made");
	return x->results->autodm;
}

/* The etiquette result, or NULL (note set) when the caller did not run it. */
static const struct etiquette_result *etiquette_of(struct chart_ctx *x, struct chart *c)
{
	if (!x->results->etiquette)
		skip(c, "the etiquette report was not made");
	return x->results->etiquette;
}

static int write_months(struct chart_ctx *x, struct chart *c, const struct months *m,
			const char *header, bool rate)
{
	struct tsv t;
	if (tsv_open(&t, x->rc->store, x->dir, c->name, header, x->err))
		return -1;
	for (size_t i = 0; i < months_count(m); i++) {
		char name[16];
		month_key_name(m->first + (int)i, name);
		fputs(name, t.f);
		for (int s = 0; s < (int)(m->size / sizeof(long)); s++)
			fprintf(t.f, "\t%ld", counts_get(m, i, s));
		if (rate) {
			long all = counts_get(m, i, 0), yes = counts_get(m, i, 1);
			if (all)
				fprintf(t.f, "\t%.1f", 100.0 * (double)yes / (double)all);
			else
				fputs("\tNaN", t.f);
		}
		fputc('\n', t.f);
	}
	c->rows = months_count(m);
	return tsv_close(&t, x->err);
}

/* The summary result, or NULL (note set) when the caller did not run it. */
static const struct summary_result *summary_of(struct chart_ctx *x, struct chart *c)
{
	if (!x->results->summary)
		skip(c, "the summary report was not made");
	return x->results->summary;
}

/* DM volume per month: messages the owner received and sent, 1:1 and group. */
static int chart_volume(struct chart_ctx *x, struct chart *c)
{
	const struct summary_result *r = summary_of(x, c);
	if (!r)
		return 0;
	int rc = write_months(x, c, &r->volume, "month\treceived\tsent", false);
	if (!rc && c->rows == 0)
		skip(c, "no direct messages");
	return rc;
}

/* Followers gained and lost between consecutive snapshots that carried follower.js. */
static int chart_followers(struct chart_ctx *x, struct chart *c)
{
	const struct summary_result *r = summary_of(x, c);
	if (!r)
		return 0;
	struct tsv t;
	if (tsv_open(&t, x->rc->store, x->dir, c->name, "from\tto\tgained\tlost\tfollowers", x->err))
		return -1;
	char prev[16] = "";
	size_t snapshots = 0;
	for (size_t i = 0; i < r->nsnaps; i++) {
		const struct summary_snapshot *sn = &r->snaps[i];
		char date[16];
		date_name(sn->generated_at, date);
		if (!sn->has_followers)
			continue;
		if (snapshots++ > 0) {
			fprintf(t.f, "%s\t%s\t%lld\t%lld\t%lld\n", prev, date,
				(long long)sn->followers_gained, (long long)sn->followers_lost,
				(long long)sn->followers);
			c->rows++;
		}
		memcpy(prev, date, sizeof(prev));
	}
	int rc = tsv_close(&t, x->err);
	if (!rc && c->rows == 0)
		skip(c, "one snapshot only; follower changes need two archives taken on "
			"different dates");
	return rc;
}

struct span {
	const char *label;
	long from, to;  /* seconds, [from, to); to -1 is open */
};

static const struct span spans[] = {
	{ "under 1 min", 0, 60 },        { "1-5 min", 60, 300 },
	{ "5-15 min", 300, 900 },        { "15-60 min", 900, 3600 },
	{ "1-3 h", 3600, 10800 },        { "3-12 h", 10800, 43200 },
	{ "12-24 h", 43200, 86400 },     { "1-3 days", 86400, 259200 },
	{ "3-7 days", 259200, 604800 },  { "over 7 days", 604800, -1 },
};
#define NSPANS (sizeof(spans) / sizeof(spans[0]))

static size_t span_of(long s)
{
	for (size_t i = 0; i < NSPANS; i++)
		if (spans[i].to < 0 || s < spans[i].to)
			return i;
	return NSPANS - 1;
}

/* First-response times in spans, the median's span marked. */
static int chart_response_time(struct chart_ctx *x, struct chart *c)
{
	const struct etiquette_result *r = etiquette_of(x, c);
	if (!r)
		return 0;
	long n[NSPANS] = { 0 };
	size_t total = 0;
	struct etiquette_iter it;
	for (const struct etiquette_row *e = etiquette_first(&it, r, ETIQUETTE_CONVERSATIONS); e;
	     e = etiquette_next(&it)) {
		if (e->first_response.set) {
			n[span_of((long)e->first_response.s)]++;
			total++;
		}
	}
	if (total == 0) {
		skip(c, "no conversation was answered");
		return 0;
	}
	long median = r->median_first_response.set ? (long)r->median_first_response.s : -1;
	struct tsv t;
	if (tsv_open(&t, x->rc->store, x->dir, c->name,
		     "span\tfrom_seconds\tto_seconds\tconversations\tmedian_here\tmedian_seconds",
		     x->err))
		return -1;
	for (size_t k = 0; k < NSPANS; k++) {
		bool here = median >= 0 && span_of(median) == k;
		fprintf(t.f, "%s\t%ld\t", spans[k].label, spans[k].from);
		if (spans[k].to < 0)
			fputs("NaN", t.f);
		else
			fprintf(t.f, "%ld", spans[k].to);
		fprintf(t.f, "\t%ld\t%d\t%ld\n", n[k], here, median);
	}
	c->rows = NSPANS;
	return tsv_close(&t, x->err);
}

/*
 * Conversations the counterpart began, by the month they began: series 0
 * all, 1 answered, 2 unanswered.
 */
static int answered_months(struct chart_ctx *x, struct chart *c, struct months *m)
{
	const struct etiquette_result *r = etiquette_of(x, c);
	if (!r)
		return 1;
	counts_init(m, 4); /* begun by others, answered, unanswered, unanswered automated */
	struct etiquette_iter it;
	for (const struct etiquette_row *e = etiquette_first(&it, r, ETIQUETTE_CONVERSATIONS); e;
	     e = etiquette_next(&it)) {
		if (e->owner_first)
			continue;
		bool answered = e->first_response.set;
		int month = month_key(e->at); /* the conversation's first message */
		counts_add(m, month, 0, 1);
		counts_add(m, month, answered ? 1 : 2, 1);
		if (!answered && e->automated)
			counts_add(m, month, 3, 1);
	}
	return 0;
}

static int chart_response_rate(struct chart_ctx *x, struct chart *c)
{
	struct months m;
	int r = answered_months(x, c, &m);
	if (r)
		return r < 0 ? -1 : 0;
	if (months_count(&m) == 0) {
		skip(c, "nobody began a conversation with the owner");
		months_release(&m);
		return 0;
	}
	struct months two;   /* begun by people, answered: the rate column follows them */
	counts_init(&two, 2);
	for (size_t i = 0; i < months_count(&m); i++) {
		/* automated senders need no answer: they would pull the rate down */
		counts_add(&two, m.first + (int)i, 0, counts_get(&m, i, 0) - counts_get(&m, i, 3));
		counts_add(&two, m.first + (int)i, 1, counts_get(&m, i, 1));
	}
	r = write_months(x, c, &two, "month\tconversations\tanswered\tanswered_percent", true);
	months_release(&two);
	months_release(&m);
	return r;
}

static int chart_unanswered(struct chart_ctx *x, struct chart *c)
{
	struct months m;
	int r = answered_months(x, c, &m);
	if (r)
		return r < 0 ? -1 : 0;
	long unanswered = 0;
	for (size_t i = 0; i < months_count(&m); i++)
		unanswered += counts_get(&m, i, 2);
	struct months one;
	counts_init(&one, 3);
	for (size_t i = 0; i < months_count(&m); i++) {
		counts_add(&one, m.first + (int)i, 0, counts_get(&m, i, 2));
		counts_add(&one, m.first + (int)i, 1, counts_get(&m, i, 0));
		counts_add(&one, m.first + (int)i, 2, counts_get(&m, i, 3));
	}
	/* automated senders apart: they need no answer */
	r = write_months(x, c, &one, "month\tunanswered\tconversations\tautomated", false);
	months_release(&one);
	months_release(&m);
	if (!r && unanswered == 0)
		skip(c, "every conversation someone began was answered");
	return r;
}

/*
 * The automated senders by kind (spam campaign, auto-DM app, …): one bar a
 * kind, so the chart says at a glance what kinds of automation write to
 * the owner, however many accounts there are.
 */
static int chart_autodm_senders(struct chart_ctx *x, struct chart *c)
{
	const struct autodm_result *r = autodm_of(x, c);
	if (!r)
		return 0;
	json_t *by = json_object(); /* kind words → [senders, messages] */
	size_t i, ns;
	const struct autodm_sender *senders = autodm_automated(r, &ns);
	for (i = 0; i < ns; i++) {
		const struct autodm_sender *s = &senders[i];
		const char *k = autodm_kind_words(s->kind);
		json_t *e = json_object_get(by, k);
		if (!e)
			json_object_set_new(by, k, e = json_pack("[ii]", 0, 0));
		json_array_set_new(e, 0, json_integer(json_integer_value(json_array_get(e, 0)) + 1));
		json_array_set_new(e, 1, json_integer(json_integer_value(json_array_get(e, 1)) +
						      s->messages));
	}
	size_t n = json_object_size(by);
	int rc = 0;
	if (n == 0) {
		skip(c, "no automated sender found");
		json_decref(by);
		return 0;
	}
	struct kind_row { const char *kind; json_int_t senders, messages; } *v = xcalloc(n, sizeof(*v));
	const char *k;
	json_t *e;
	n = 0;
	json_object_foreach(by, k, e)
		v[n++] = (struct kind_row){ k, json_integer_value(json_array_get(e, 0)),
					    json_integer_value(json_array_get(e, 1)) };
	/* most senders first; a stable order for equal counts */
	for (size_t p = 1; p < n; p++)
		for (size_t q = p; q > 0 && (v[q].senders > v[q - 1].senders ||
					     (v[q].senders == v[q - 1].senders &&
					      strcmp(v[q].kind, v[q - 1].kind) < 0)); q--) {
			struct kind_row t = v[q];
			v[q] = v[q - 1];
			v[q - 1] = t;
		}
	struct tsv t;
	if (!(rc = tsv_open(&t, x->rc->store, x->dir, c->name, "kind\tsenders\tmessages", x->err))) {
		for (i = 0; i < n; i++) {
			put_label(t.f, v[i].kind);
			fprintf(t.f, "\t%lld\t%lld\n", (long long)v[i].senders,
				(long long)v[i].messages);
		}
		c->rows = n;
		rc = tsv_close(&t, x->err);
	}
	free(v);
	json_decref(by);
	return rc;
}

static int by_messages_desc(const void *a, const void *b)
{
	json_int_t x = json_integer_value(json_object_get(*(json_t *const *)a, "messages"));
	json_int_t y = json_integer_value(json_object_get(*(json_t *const *)b, "messages"));
	return x < y ? 1 : x > y ? -1 : 0;
}

/* The automated senders of one template (by its id): the first's row, and their sums. */
struct tmpl_group {
	int64_t id;
	size_t first;
	json_int_t messages, senders;
};

static int cmp_tmpl_id(const void *a, const void *b)
{
	const struct tmpl_group *x = a, *y = b;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return (x->first > y->first) - (x->first < y->first);
}

static int cmp_tmpl_first(const void *a, const void *b)
{
	const struct tmpl_group *x = a, *y = b;
	return (x->first > y->first) - (x->first < y->first);
}

/* The templates of the automated senders (their keys), in the order they first came. */
static struct tmpl_group *template_groups(const struct autodm_result *r, size_t *n)
{
	size_t ns, m = 0;
	const struct autodm_sender *s = autodm_automated(r, &ns);
	struct tmpl_group *g = xcalloc(ns + 1, sizeof(*g));
	for (size_t i = 0; i < ns; i++)
		if (s[i].tmpl)
			g[m++] = (struct tmpl_group){ s[i].tmpl, s[i].pos, s[i].messages, 1 };
	qsort(g, m, sizeof(*g), cmp_tmpl_id);
	*n = 0;
	for (size_t i = 0; i < m; i++) {
		if (*n && g[*n - 1].id == g[i].id) {
			g[*n - 1].messages += g[i].messages;
			g[*n - 1].senders++;
		} else {
			g[(*n)++] = g[i];
		}
	}
	qsort(g, *n, sizeof(*g), cmp_tmpl_first);
	return g;
}

/* The templates automated senders used, by messages. */
static int chart_autodm_templates(struct chart_ctx *x, struct chart *c)
{
	const struct autodm_result *r = autodm_of(x, c);
	if (!r)
		return 0;
	json_t *by = json_object();   /* template → {"messages", "senders"} */
	size_t i, ng;
	struct tmpl_group *g = template_groups(r, &ng);
	struct autodm_iter it;
	autodm_open(&it, r);
	/* each template's text from its first sender's row, in the order they came */
	for (size_t k = 0; k < ng; k++) {
		const struct autodm_row *s = autodm_get(&it, g[k].first);
		const char *tp = s ? s->template : NULL;
		if (!tp || !*tp)
			continue;
		json_t *e = json_object_get(by, tp);
		if (!e) {
			e = json_pack("{s:s, s:I, s:I}", "template", tp, "messages", (json_int_t)0,
				      "senders", (json_int_t)0);
			json_object_set_new(by, tp, e);
		}
		json_object_set_new(e, "messages",
			json_integer(json_integer_value(json_object_get(e, "messages")) + g[k].messages));
		json_object_set_new(e, "senders",
			json_integer(json_integer_value(json_object_get(e, "senders")) + g[k].senders));
	}
	autodm_stop(&it);
	free(g);
	size_t n = json_object_size(by);
	json_t **v = xcalloc(n + 1, sizeof(*v)), *e;
	const char *key;
	n = 0;
	json_object_foreach(by, key, e)
		v[n++] = e;
	qsort(v, n, sizeof(*v), by_messages_desc);
	int rc = 0;
	if (n == 0) {
		skip(c, "no template of an automated sender");
		goto out;
	}
	struct tsv t;
	if ((rc = tsv_open(&t, x->rc->store, x->dir, c->name, "template\tmessages\tsenders", x->err)))
		goto out;
	for (i = 0; i < n && i < TOP_TEMPLATES; i++) {
		put_label(t.f, json_string_value(json_object_get(v[i], "template")));
		fprintf(t.f, "\t%lld\t%lld\n",
			(long long)json_integer_value(json_object_get(v[i], "messages")),
			(long long)json_integer_value(json_object_get(v[i], "senders")));
	}
	c->rows = i;
	rc = tsv_close(&t, x->err);
out:
	free(v);
	json_decref(by);
	return rc;
}

/* The owner's own automated messages per month. */
static int chart_autodm_own(struct chart_ctx *x, struct chart *c)
{
	const struct autodm_result *r = autodm_of(x, c);
	if (!r)
		return 0;
	if (r->nown == 0) {
		skip(c, "the owner sent no automated message");
		return 0;
	}
	struct months m;
	counts_init(&m, 1);
	for (size_t i = 0; i < r->nown; i++)
		counts_add(&m, month_key(r->own_at[i]), 0, 1);
	int rc = write_months(x, c, &m, "month\tmessages", false);
	months_release(&m);
	return rc;
}

static const char *const finding_types[] = {
	"email", "phone", "payment_card", "iban", "national_id", "account_number",
	"reference_number", "credential", "postal_address", "date_of_birth", "tone", NULL,
};

/* The exposure result, or NULL (note set) when the caller did not run it. */
static const struct exposure_result *exposure_of(struct chart_ctx *x, struct chart *c)
{
	if (!x->results->exposure)
		skip(c, "the exposure report was not made");
	return x->results->exposure;
}

/* Exposure findings by type, split by channel. */
static int chart_exposure(struct chart_ctx *x, struct chart *c)
{
	const struct exposure_result *r = exposure_of(x, c);
	if (!r)
		return 0;
	enum { NT = sizeof(finding_types) / sizeof(finding_types[0]) };
	long n[NT][EXPOSURE__CHANNELS] = { { 0 } };
	size_t total = 0;
	for (size_t i = 0; i < r->nfindings; i++) {
		const struct exposure_finding *f = &r->findings[i];
		const char *type = exposure_type_name(f->type);
		size_t t = 0;
		while (finding_types[t] && strcmp(finding_types[t], type))
			t++;   /* an unknown type lands in the last row, "other" */
		n[t][f->channel]++;
		total++;
	}
	if (total == 0) {
		skip(c, "no finding");
		return 0;
	}
	struct tsv t;
	if (tsv_open(&t, x->rc->store, x->dir, c->name, "type\tlabel\tdm\tgroup_dm\ttweet", x->err))
		return -1;
	for (size_t k = 0; k < NT; k++) {
		if (!n[k][0] && !n[k][1] && !n[k][2])
			continue;
		const char *type = finding_types[k] ? finding_types[k] : "other";
		char label[32];
		snprintf(label, sizeof(label), "%s", type);
		for (char *p = label; *p; p++)
			if (*p == '_')
				*p = ' ';
		fprintf(t.f, "%s\t%s\t%ld\t%ld\t%ld\n", type, label, n[k][0], n[k][1], n[k][2]);
		c->rows++;
	}
	return tsv_close(&t, x->err);
}

static const struct chart_def {
	const char *name, *kind, *caption;
	int (*export)(struct chart_ctx *x, struct chart *c);
} defs[] = {
	{ "volume", "summary", "Direct messages per month, received and sent (1:1 and group).",
	  chart_volume },
	{ "followers", "summary", "Followers gained and lost between consecutive snapshots.",
	  chart_followers },
	{ "response-time", "etiquette", "How long the owner took to answer a new conversation; "
	  "the median is marked.", chart_response_time },
	{ "response-rate", "etiquette", "Share of the conversations people (not automated "
	  "senders) began that the owner answered, by the month they began.",
	  chart_response_rate },
	{ "unanswered", "etiquette", "Conversations others began that the owner never answered, "
	  "by the month they began: people apart from automated senders, who need no answer.",
	  chart_unanswered },
	{ "autodm-senders", "autodm", "What kinds of automated senders wrote to the owner, and "
	  "how many accounts of each.", chart_autodm_senders },
	{ "autodm-templates", "autodm", "The templates automated senders used most.",
	  chart_autodm_templates },
	{ "autodm-own", "autodm", "The owner's own automated messages per month.",
	  chart_autodm_own },
	{ "exposure", "exposure", "Personal-data findings by type and where they were "
	  "disclosed.", chart_exposure },
};

int charts_export(struct report_ctx *ctx, const struct results *results, const char *dir, struct charts *cs,
		  struct err *err)
{
	return charts_export_kind(ctx, results, dir, NULL, cs, err);
}

int charts_export_kind(struct report_ctx *ctx, const struct results *results, const char *dir,
		       const char *kind, struct charts *cs, struct err *err)
{
	struct chart_ctx x = { ctx, results, dir, err };
	memset(cs, 0, sizeof(*cs));
	cs->db = ctx->store;
	for (size_t i = 0; i < sizeof(defs) / sizeof(defs[0]) && i < CHARTS_MAX; i++) {
		struct chart *c = &cs->c[cs->n++];
		c->name = defs[i].name;
		c->kind = defs[i].kind;
		c->caption = defs[i].caption;
		c->state = CHART_DATA;
		if (kind && strcmp(kind, c->kind)) {
			skip(c, "not part of the %s report", kind);
			continue;
		}
		if (defs[i].export(&x, c))
			return -1;
	}
	return 0;
}

