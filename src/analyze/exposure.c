/*
 * exposure: personal data and insulting owner messages in the places a
 * screenshot would hurt. Streams every message and every own tweet once
 * (one prepared SELECT each, row by row), scans the text with pii_scan and
 * tone_scan, and keeps only the findings. Severity and the conversation
 * risk score are defined here, once, and written into the JSON.
 */
#include "fmt.h"
#include "jrows.h"
#include "pii.h"
#include "analyze.h"
#include "tone.h"
#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T_TONE PII__COUNT          /* the one non-PII type */
#define NTYPES (PII__COUNT + 1)
#define MAXM 64                     /* matches kept per text; more are counted */

enum sev { SEV_LOW, SEV_MEDIUM, SEV_HIGH };
static const char *const sev_name[] = { "low", "medium", "high" };
/* chance that a finding of this severity hurts, for the risk score */
static const double sev_weight[] = { 0.2, 0.5, 0.8 };

static const char risk_formula[] =
	"risk_score = 1 - product over the conversation's findings of (1 - w), "
	"w = 0.2 (low), 0.5 (medium), 0.8 (high); 0 with no findings, near 1 with "
	"several severe ones";
static const char severity_rule[] =
	"high: payment_card, iban, credential, national_id anywhere, and any finding in a "
	"public tweet; medium: email, phone, account_number, postal_address, date_of_birth, "
	"tone; low: reference_number; a group conversation raises a finding one level";

static const char *type_name(int t)
{
	return t == T_TONE ? "tone" : pii_type_name((enum pii_type)t);
}

static enum sev severity(int type, const char *channel)
{
	enum sev s;
	switch (type) {
	case PII_PAYMENT_CARD:
	case PII_IBAN:
	case PII_CREDENTIAL:
	case PII_NATIONAL_ID:
		s = SEV_HIGH;
		break;
	case PII_REFERENCE_NUMBER:
		s = SEV_LOW;
		break;
	default:
		s = SEV_MEDIUM;
		break;
	}
	if (!strcmp(channel, "tweet"))
		return SEV_HIGH;   /* public: anyone can read it already */
	if (!strcmp(channel, "group_dm") && s < SEV_HIGH)
		s++;               /* shared with more people than the customer chose */
	return s;
}

/* Offending words of a tone finding: the first letter of each word kept,
 * every other character one '*' ("you i****"). */
static void mask_words(const char *v, size_t n, struct buf *out)
{
	bool first = true;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)v[i];
		size_t k = 1;   /* bytes of this UTF-8 character */
		while (c >= 0xc0 && i + k < n && ((unsigned char)v[i + k] & 0xc0) == 0x80)
			k++;
		if (c == ' ' || c == ',' || c == '\'' || c == '-') {
			buf_addc(out, (char)c);
			first = true;
		} else if (first) {
			buf_add(out, v + i, k);
			first = false;
		} else {
			buf_addc(out, '*');
		}
		i += k;
	}
}

struct scanner {
	struct report_ctx *ctx;
	json_t *findings;
	size_t by_type[NTYPES];
	size_t by_channel[3];
	size_t by_sev[3];
	size_t texts, bytes;
	struct pii_match m[MAXM];
	struct pii_regions regions; /* where national phone forms come from */
	char **groups;              /* ids of the group conversations, sorted */
	size_t ngroups, agroups;
};

static int channel_index(const char *ch)
{
	return !strcmp(ch, "dm") ? 0 : !strcmp(ch, "group_dm") ? 1 : 2;
}

static void add_finding(struct scanner *sc, const char *source_id, const char *channel,
			const char *conv, int type, const char *disclosed_by, int64_t created,
			const char *text, size_t vs, size_t ve, double score, size_t count)
{
	enum sev sv = severity(type, channel);
	json_t *f = json_object();
	struct buf red = BUF_INIT;
	json_object_set_new(f, "source_id", json_string(source_id));
	json_object_set_new(f, "channel", json_string(channel));
	json_object_set_new(f, "conversation_id", conv ? json_string(conv) : json_null());
	json_object_set_new(f, "type", json_string(type_name(type)));
	json_object_set_new(f, "severity", json_string(sev_name[sv]));
	json_object_set_new(f, "disclosed_by", json_string(disclosed_by));
	if (type == T_TONE)
		mask_words(text + vs, ve - vs, &red);
	else
		pii_redact_value((enum pii_type)type, text + vs, ve - vs, &red);
	json_object_set_new(f, "redacted", json_stringn(red.s, red.len));
	buf_release(&red);
	if (sc->ctx->opts->reveal)
		json_object_set_new(f, "value", json_stringn(text + vs, ve - vs));
	json_object_set_new(f, "created_at", report_time(created));
	json_object_set_new(f, "score", json_real(round(score * 100) / 100));
	if (count > 1)
		json_object_set_new(f, "occurrences", json_integer((json_int_t)count));
	json_array_append_new(sc->findings, f);
	struct report_ctx *ctx = sc->ctx;
	ALLOC_GROW(ctx->spans, ctx->nspans + 1, ctx->aspans);
	ctx->spans[ctx->nspans++] = (struct report_span){ strtoll(source_id, NULL, 10),
		channel_index(channel), type_name(type), vs, ve };
	sc->by_type[type]++;
	sc->by_channel[channel_index(channel)]++;
	sc->by_sev[sv]++;
}

/* Scan one text; the owner's texts are also read for tone. */
static void scan_text(struct scanner *sc, const char *id, const char *channel, const char *conv,
		      const char *by, bool owner, int64_t created, const char *text, size_t len)
{
	size_t n = pii_scan_in(text, len, &sc->regions, sc->m, MAXM);
	size_t first[PII__COUNT], count[PII__COUNT] = { 0 };
	sc->texts++;
	sc->bytes += len;
	if (n > MAXM)
		n = MAXM;
	for (size_t i = 0; i < n; i++)
		if (!count[sc->m[i].type]++)
			first[sc->m[i].type] = i;
	for (int t = 0; t < PII__COUNT; t++) {
		if (!count[t])
			continue;
		const struct pii_match *m = &sc->m[first[t]];
		add_finding(sc, id, channel, conv, t, by, created, text, m->start, m->end, m->score,
			    count[t]);
	}
	struct tone_hit h;
	if (owner && tone_scan(text, len, &h))
		add_finding(sc, id, channel, conv, T_TONE, by, created, text, h.start, h.end, h.score, 1);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int sev_rank(json_t *f)
{
	const char *s = json_string_value(json_object_get(f, "severity"));
	return !strcmp(s, "high") ? 2 : !strcmp(s, "medium") ? 1 : 0;
}

/* Worst first, then oldest first, then by id. */
static int finding_cmp(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	int d = sev_rank(y) - sev_rank(x);
	if (d)
		return d;
	d = strcmp(json_string_value(json_object_get(x, "created_at")),
		   json_string_value(json_object_get(y, "created_at")));
	if (d)
		return d;
	const char *i = json_string_value(json_object_get(x, "source_id"));
	const char *j = json_string_value(json_object_get(y, "source_id"));
	if (strlen(i) != strlen(j))
		return strlen(i) < strlen(j) ? -1 : 1;
	d = strcmp(i, j);
	return d ? d : strcmp(json_string_value(json_object_get(x, "type")),
			      json_string_value(json_object_get(y, "type")));
}

static int conv_cmp(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	double rx = json_real_value(json_object_get(x, "risk_score"));
	double ry = json_real_value(json_object_get(y, "risk_score"));
	if (rx != ry)
		return rx > ry ? -1 : 1;
	return strcmp(json_string_value(json_object_get(x, "conversation_id")),
		      json_string_value(json_object_get(y, "conversation_id")));
}

static json_t *sorted_array(json_t *arr, int (*cmp)(const void *, const void *))
{
	size_t n = json_array_size(arr);
	json_t **v = xmalloc((n ? n : 1) * sizeof(*v));
	for (size_t i = 0; i < n; i++)
		v[i] = json_incref(json_array_get(arr, i));
	qsort(v, n, sizeof(*v), cmp);
	json_t *out = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(out, v[i]);
	free(v);
	json_decref(arr);
	return out;
}

/* Per conversation: findings, risk score, channel, worst severity, types. */
static json_t *conversations(json_t *findings)
{
	json_t *by = json_object(), *out = json_array();
	size_t i;
	json_t *f;
	json_array_foreach(findings, i, f) {
		json_t *cid = json_object_get(f, "conversation_id");
		if (!json_is_string(cid))
			continue;
		json_t *c = json_object_get(by, json_string_value(cid));
		if (!c) {
			c = json_object();
			json_object_set_new(c, "conversation_id", json_copy(cid));
			json_object_set_new(c, "risk_score", json_real(0));
			json_object_set_new(c, "findings", json_integer(0));
			json_object_set(c, "channel", json_object_get(f, "channel"));
			json_object_set_new(c, "keep", json_real(1.0));
			json_object_set_new(c, "worst", json_string("low"));
			json_object_set_new(c, "types", json_array());
			json_object_set_new(by, json_string_value(cid), c);
			json_array_append(out, c);
		}
		int r = sev_rank(f);
		double keep = json_real_value(json_object_get(c, "keep")) * (1 - sev_weight[r]);
		json_object_set_new(c, "keep", json_real(keep));
		json_object_set_new(c, "findings",
				    json_integer(json_integer_value(json_object_get(c, "findings")) + 1));
		const char *worst = json_string_value(json_object_get(c, "worst"));
		if (r > (!strcmp(worst, "high") ? 2 : !strcmp(worst, "medium") ? 1 : 0))
			json_object_set_new(c, "worst", json_string(sev_name[r]));
		json_t *types = json_object_get(c, "types");
		const char *ty = json_string_value(json_object_get(f, "type"));
		bool have = false;
		size_t k;
		json_t *x;
		json_array_foreach(types, k, x) have |= !strcmp(json_string_value(x), ty);
		if (!have)
			json_array_append_new(types, json_string(ty));
	}
	json_array_foreach(out, i, f) {
		double risk = 1 - json_real_value(json_object_get(f, "keep"));
		json_object_set_new(f, "risk_score", json_real(round(risk * 1000) / 1000));
		json_object_set_new(f, "worst_severity", json_copy(json_object_get(f, "worst")));
		json_object_del(f, "keep");
		json_object_del(f, "worst");
	}
	json_decref(by);
	return sorted_array(out, conv_cmp);
}

/*
 * The regions whose national phone forms the texts may use: the owner's
 * time zone first, then what the texts show (scripts, calling codes), read
 * in a first pass over the same texts (a tenth of the scan's cost).
 */
static int find_regions(struct scanner *sc, struct err *err)
{
	static const char *const sql[] = { "SELECT text FROM message",
					   "SELECT text FROM tweet WHERE is_retweet = 0" };
	struct pii_seen *seen = xcalloc(1, sizeof(*seen));
	char *tz = store_meta_get(sc->ctx->store, "owner_timezone");
	int ret = -1;
	pii_regions_from_timezone(&sc->regions, tz);
	free(tz);
	for (size_t i = 0; i < sizeof(sql) / sizeof(sql[0]); i++) {
		sqlite3_stmt *st;
		if (store_prepare(sc->ctx->store, sql[i], &st, err))
			goto out;
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *text = (const char *)sqlite3_column_text(st, 0);
			if (text)
				pii_seen_observe(seen, text, (size_t)sqlite3_column_bytes(st, 0));
		}
		sqlite3_finalize(st);
	}
	pii_regions_from_seen(&sc->regions, seen);
	ret = 0;
out:
	free(seen);
	return ret;
}

json_t *exposure_analyse(struct report_ctx *ctx, struct err *err)
{
	struct scanner *sc = xcalloc(1, sizeof(*sc));
	sqlite3_stmt *st = NULL;
	json_t *r = NULL;
	char id[FMT_I64_SIZE];
	sc->ctx = ctx;
	sc->findings = json_array();
	if (find_regions(sc, err))
		goto out;

	/*
	 * The group conversations, sorted, to tell a message's channel without
	 * a join: the messages are read in table order, the cheapest, as the
	 * findings are sorted at the end.
	 */
	if (store_prepare(ctx->store, "SELECT id FROM conversation WHERE kind = 'group' ORDER BY id",
			  &st, err))
		goto out;
	while (sqlite3_step(st) == SQLITE_ROW) {
		ALLOC_GROW(sc->groups, sc->ngroups + 1, sc->agroups);
		sc->groups[sc->ngroups++] = xstrdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	st = NULL;
	if (store_prepare(ctx->store,
			  "SELECT id, conversation_id, sender_id, created_at, text FROM message",
			  &st, err))
		goto out;
	struct buf conv = BUF_INIT;  /* the last message's conversation, and its kind */
	bool group = false;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *cid = (const char *)sqlite3_column_text(st, 1);
		if (!cid)
			continue;
		if (strcmp(conv.s, cid)) {
			buf_reset(&conv);
			buf_adds(&conv, cid);
			group = sc->ngroups && bsearch(&cid, sc->groups, sc->ngroups, sizeof(char *),
							cmp_str);
		}
		int64_t sender = sqlite3_column_int64(st, 2);
		bool owner = sender == ctx->owner;
		const char *text = (const char *)sqlite3_column_text(st, 4);
		size_t len = (size_t)sqlite3_column_bytes(st, 4);
		fmt_i64(id, sqlite3_column_int64(st, 0));
		scan_text(sc, id, group ? "group_dm" : "dm", conv.s,
			  owner ? "owner" : group ? "member" : "counterpart", owner,
			  sqlite3_column_int64(st, 3), text ? text : "", text ? len : 0);
	}
	buf_release(&conv);
	sqlite3_finalize(st);
	st = NULL;

	if (store_prepare(ctx->store,
			  "SELECT id, created_at, text FROM tweet WHERE is_retweet = 0", &st, err))
		goto out;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(st, 2);
		size_t len = (size_t)sqlite3_column_bytes(st, 2);
		fmt_i64(id, sqlite3_column_int64(st, 0));
		scan_text(sc, id, "tweet", NULL, "owner", true, sqlite3_column_int64(st, 1),
			  text ? text : "", text ? len : 0);
	}
	sqlite3_finalize(st);
	st = NULL;

	r = json_object();
	json_t *findings = sorted_array(sc->findings, finding_cmp);
	sc->findings = NULL;
	json_t *convs = conversations(findings);
	size_t nfindings = json_array_size(findings);
	/* the two lists as rows (jrows.h), like every list that grows with the archive */
	json_object_set_new(r, "findings", jrows_from(findings));
	json_object_set_new(r, "conversations", jrows_from(convs));
	json_t *regions = json_array();
	for (int i = 0; i < sc->regions.n; i++)
		json_array_append_new(regions, json_string(sc->regions.cc[i]));
	json_object_set_new(r, "phone_regions", regions);

	json_t *tot = json_object(), *bt = json_object(), *bc = json_object(), *bs = json_object();
	for (int t = 0; t < NTYPES; t++)
		json_object_set_new(bt, type_name(t), json_integer((json_int_t)sc->by_type[t]));
	json_object_set_new(bc, "dm", json_integer((json_int_t)sc->by_channel[0]));
	json_object_set_new(bc, "group_dm", json_integer((json_int_t)sc->by_channel[1]));
	json_object_set_new(bc, "tweet", json_integer((json_int_t)sc->by_channel[2]));
	for (int s = 0; s < 3; s++)
		json_object_set_new(bs, sev_name[s], json_integer((json_int_t)sc->by_sev[s]));
	json_object_set_new(tot, "findings", json_integer((json_int_t)nfindings));
	json_object_set_new(tot, "by_type", bt);
	json_object_set_new(tot, "by_channel", bc);
	json_object_set_new(tot, "by_severity", bs);
	json_object_set_new(tot, "texts_scanned", json_integer((json_int_t)sc->texts));
	json_object_set_new(tot, "bytes_scanned", json_integer((json_int_t)sc->bytes));
	json_object_set_new(r, "totals", tot);
	json_object_set_new(r, "risk_formula", json_string(risk_formula));
	json_object_set_new(r, "severity_rule", json_string(severity_rule));
	json_object_set_new(r, "revealed", json_boolean(ctx->opts->reveal));
out:
	if (st)
		sqlite3_finalize(st);
	json_decref(sc->findings);
	for (size_t i = 0; i < sc->ngroups; i++)
		free(sc->groups[i]);
	free(sc->groups);
	free(sc);
	return r;
}

/* ------------------------------------------------------------ the view */
