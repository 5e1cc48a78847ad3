/*
 * exposure: personal data and insulting owner messages in the places a
 * screenshot would hurt. Streams every message and every own tweet once
 * (one prepared SELECT each, row by row), scans the text with pii_scan and
 * tone_scan, and keeps only the findings; a message that is nothing but a
 * code waits for the other side's next message, which may confirm it a
 * credential (looked up after the scan: such messages are few). Severity
 * and the conversation risk score are defined here, once, and written into
 * the JSON.
 */
#include "exitcode.h"
#include "fmt.h"
#include "jrows.h"
#include "lexicon.h"
#include "pii.h"
#include "analyze.h"
#include "text.h"
#include "timeutil.h"
#include "tone.h"
#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T_TONE PII__COUNT          /* the one non-PII type */
#define EXPOSURE_CONFIRM_MS (10 * 60 * 1000)   /* a code's confirmation comes within */
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

/*
 * A finding as the scan makes it, typed and small: the tree of its JSON is
 * made only when its row is written (a million messages make 28k findings).
 */
struct finding {
	char source[FMT_I64_SIZE];
	char created[32];        /* ISO, as written: the sort compares it so */
	const char *channel;     /* "dm", "group_dm", "tweet" */
	const char *by;          /* who disclosed it */
	char *conv;              /* the conversation, or NULL for a tweet */
	char *redacted, *value;  /* value only with --reveal */
	int type;
	enum sev sev;
	double score;            /* rounded as written */
	size_t count;
};

struct scanner {
	struct report_ctx *ctx;
	struct finding *f;
	size_t nf, af;
	size_t by_type[NTYPES];
	size_t by_channel[3];
	size_t by_sev[3];
	size_t texts, bytes;
	struct pii_match m[MAXM];
	struct pii_regions regions; /* where national phone forms come from */
	char **groups;              /* ids of the group conversations, sorted */
	size_t ngroups, agroups;
	struct lone_code *codes;    /* messages that are nothing but a code, to be confirmed */
	size_t ncodes, acodes;
};

/* A message that is nothing but a code; a credential once the other side confirms it. */
struct lone_code {
	int64_t id, sender, created;
	char *conv, *text, *by;
	bool group;
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
	struct buf red = BUF_INIT;
	if (type == T_TONE)
		mask_words(text + vs, ve - vs, &red);
	else
		pii_redact_value((enum pii_type)type, text + vs, ve - vs, &red);
	ALLOC_GROW(sc->f, sc->nf + 1, sc->af);
	struct finding *f = &sc->f[sc->nf++];
	snprintf(f->source, sizeof(f->source), "%s", source_id);
	time_format_iso(created, f->created);
	f->channel = channel;
	f->by = disclosed_by;
	f->conv = conv ? xstrdup(conv) : NULL;
	f->redacted = buf_detach(&red);
	f->value = sc->ctx->opts->reveal ? xstrndup(text + vs, ve - vs) : NULL;
	f->type = type;
	f->sev = sv;
	f->score = round(score * 100) / 100;
	f->count = count;
	struct report_ctx *ctx = sc->ctx;
	ALLOC_GROW(ctx->spans, ctx->nspans + 1, ctx->aspans);
	ctx->spans[ctx->nspans++] = (struct report_span){ strtoll(source_id, NULL, 10),
		channel_index(channel), type_name(type), vs, ve };
	sc->by_type[type]++;
	sc->by_channel[channel_index(channel)]++;
	sc->by_sev[sv]++;
}

/* A finding's JSON, as the contract has it. */
static json_t *finding_json(const struct finding *x)
{
	json_t *f = json_object();
	json_object_set_new(f, "source_id", json_string(x->source));
	json_object_set_new(f, "channel", json_string(x->channel));
	json_object_set_new(f, "conversation_id", x->conv ? json_string(x->conv) : json_null());
	json_object_set_new(f, "type", json_string(type_name(x->type)));
	json_object_set_new(f, "severity", json_string(sev_name[x->sev]));
	json_object_set_new(f, "disclosed_by", json_string(x->by));
	json_object_set_new(f, "redacted", json_string(x->redacted));
	if (x->value)
		json_object_set_new(f, "value", json_string(x->value));
	json_object_set_new(f, "created_at", json_string(x->created));
	json_object_set_new(f, "score", json_real(x->score));
	if (x->count > 1)
		json_object_set_new(f, "occurrences", json_integer((json_int_t)x->count));
	return f;
}

/* Scan one text; the owner's texts are also read for tone. A bit set of the types found. */
static unsigned scan_text(struct scanner *sc, const char *id, const char *channel, const char *conv,
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
	unsigned found = 0;
	for (int t = 0; t < PII__COUNT; t++)
		found |= count[t] ? 1u << t : 0;
	if (owner && tone_scan(text, len, &h))
		add_finding(sc, id, channel, conv, T_TONE, by, created, text, h.start, h.end, h.score, 1);
	return found;
}

/*
 * Is the whole text one code: 4 to 12 letters and digits, a digit among
 * them, spaces around at most ("901353", "3q9dsg")? Codes relayed to a
 * bot or a friend come so; a word with a number in it ("covid19") is one
 * too, which is why the other side must confirm it (code_confirmed).
 */
static bool lone_code(const char *t, size_t n)
{
	while (n && (t[n - 1] == ' ' || t[n - 1] == '\n'))
		n--;
	while (n && (*t == ' ' || *t == '\n'))
		t++, n--;
	if (n < 4 || n > 12)
		return false;
	bool digit = false;
	for (size_t i = 0; i < n; i++) {
		char c = t[i];
		if (c >= '0' && c <= '9')
			digit = true;
		else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
			return false;
	}
	return digit;
}

/*
 * Did the other side's next message, within ten minutes, confirm that the
 * code worked ("done", "it worked", "готово")? A bot that links an
 * account answers so; a code typed by mistake gets no such answer.
 */
static int code_confirmed(sqlite3_stmt *st, const struct lone_code *c,
			  bool *yes)
{
	*yes = false;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, c->conv, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, c->sender);
	sqlite3_bind_int64(st, 3, c->created);
	sqlite3_bind_int64(st, 4, c->id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return -1;
	const char *text = (const char *)sqlite3_column_text(st, 0);
	if (!text || sqlite3_column_int64(st, 1) - c->created > EXPOSURE_CONFIRM_MS)
		return 0;
	struct buf norm = BUF_INIT;
	text_normalize(text, (size_t)sqlite3_column_bytes(st, 0), &norm);
	*yes = lex_scan(norm.s, norm.len, 1ull << LEX_PII_CONFIRM) != 0;
	buf_release(&norm);
	return 0;
}

/* The lone codes that the other side confirmed become credentials. */
static int confirm_codes(struct scanner *sc, struct err *err)
{
	sqlite3_stmt *st = NULL;
	int ret = -1;
	char id[FMT_I64_SIZE];
	if (!sc->ncodes)
		return 0;
	if (store_prepare(sc->ctx->store,
			  "SELECT text, created_at FROM message WHERE conversation_id = ?1 AND "
			  "sender_id != ?2 AND (created_at > ?3 OR (created_at = ?3 AND id > ?4)) "
			  "ORDER BY created_at, id LIMIT 1",
			  &st, err))
		return -1;
	for (size_t i = 0; i < sc->ncodes; i++) {
		const struct lone_code *c = &sc->codes[i];
		bool yes;
		if (code_confirmed(st, c, &yes)) {
			err_set(err, EXIT_IO, "cannot read the messages after '%s': %s", c->conv,
				sqlite3_errmsg(sqlite3_db_handle(st)));
			goto out;
		}
		if (!yes)
			continue;
		size_t n = strlen(c->text), s = 0;
		while (s < n && (c->text[s] == ' ' || c->text[s] == '\n'))
			s++;
		while (n > s && (c->text[n - 1] == ' ' || c->text[n - 1] == '\n'))
			n--;
		fmt_i64(id, c->id);
		add_finding(sc, id, c->group ? "group_dm" : "dm", c->conv, PII_CREDENTIAL, c->by,
			    c->created, c->text, s, n, 0.8, 1);
	}
	ret = 0;
out:
	sqlite3_finalize(st);
	return ret;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Worst first, then oldest first, then by id. */
static int finding_cmp(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	int d = (int)y->sev - (int)x->sev;
	if (d)
		return d;
	d = strcmp(x->created, y->created);
	if (d)
		return d;
	size_t li = strlen(x->source), lj = strlen(y->source);
	if (li != lj)
		return li < lj ? -1 : 1;
	d = strcmp(x->source, y->source);
	return d ? d : strcmp(type_name(x->type), type_name(y->type));
}

/* One conversation's share of the findings. */
struct conv_risk {
	const char *id;          /* borrowed from its first finding */
	const char *channel;
	size_t first;            /* its first finding, in the findings' order */
	size_t findings;
	double keep;             /* product of (1 - w) */
	enum sev worst;
	int types[NTYPES];       /* in the order first found */
	int ntypes;
	double risk;
};

static int cmp_conv_id(const void *a, const void *b)
{
	const struct finding *x = *(const struct finding *const *)a;
	const struct finding *y = *(const struct finding *const *)b;
	int c = strcmp(x->conv, y->conv);
	return c ? c : (x > y) - (x < y);
}

static int conv_cmp(const void *a, const void *b)
{
	const struct conv_risk *x = a, *y = b;
	if (x->risk != y->risk)
		return x->risk > y->risk ? -1 : 1;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->first > y->first) - (x->first < y->first);
}

/*
 * Per conversation, from the sorted findings: findings, risk score,
 * channel, worst severity, types; riskiest first. As rows.
 */
static json_t *conversations(const struct finding *f, size_t nf)
{
	const struct finding **by = xmalloc((nf + 1) * sizeof(*by));
	size_t n = 0;
	for (size_t i = 0; i < nf; i++)
		if (f[i].conv)
			by[n++] = &f[i];
	qsort(by, n, sizeof(*by), cmp_conv_id);   /* a conversation's findings in list order */
	struct conv_risk *c = xcalloc(n + 1, sizeof(*c));
	size_t nc = 0;
	for (size_t i = 0; i < n; i++) {
		const struct finding *x = by[i];
		struct conv_risk *r = nc && !strcmp(c[nc - 1].id, x->conv) ? &c[nc - 1] : NULL;
		if (!r) {
			r = &c[nc++];
			*r = (struct conv_risk){ .id = x->conv, .channel = x->channel,
						 .first = (size_t)(x - f), .keep = 1.0, .worst = SEV_LOW };
		}
		r->keep *= 1 - sev_weight[x->sev];
		r->findings++;
		if (x->sev > r->worst)
			r->worst = x->sev;
		bool have = false;
		for (int k = 0; k < r->ntypes; k++)
			have |= r->types[k] == x->type;
		if (!have)
			r->types[r->ntypes++] = x->type;
	}
	for (size_t i = 0; i < nc; i++)
		c[i].risk = round((1 - c[i].keep) * 1000) / 1000;
	qsort(c, nc, sizeof(*c), conv_cmp);
	json_t *rows = jrows_new();
	for (size_t i = 0; i < nc; i++) {
		json_t *o = json_object(), *types = json_array();
		json_object_set_new(o, "conversation_id", json_string(c[i].id));
		json_object_set_new(o, "risk_score", json_real(c[i].risk));
		json_object_set_new(o, "findings", json_integer((json_int_t)c[i].findings));
		json_object_set_new(o, "channel", json_string(c[i].channel));
		for (int k = 0; k < c[i].ntypes; k++)
			json_array_append_new(types, json_string(type_name(c[i].types[k])));
		json_object_set_new(o, "types", types);
		json_object_set_new(o, "worst_severity", json_string(sev_name[c[i].worst]));
		jrows_add(rows, o);
		json_decref(o);
	}
	free(c);
	free(by);
	return rows;
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
		const char *by = owner ? "owner" : group ? "member" : "counterpart";
		unsigned found = scan_text(sc, id, group ? "group_dm" : "dm", conv.s, by, owner,
					   sqlite3_column_int64(st, 3), text ? text : "", text ? len : 0);
		if (text && !(found & (1u << PII_CREDENTIAL)) && lone_code(text, len)) {
			ALLOC_GROW(sc->codes, sc->ncodes + 1, sc->acodes);
			sc->codes[sc->ncodes++] = (struct lone_code){
				sqlite3_column_int64(st, 0), sender, sqlite3_column_int64(st, 3),
				xstrdup(conv.s), xstrndup(text, len), (char *)by, group };
		}
	}
	buf_release(&conv);
	sqlite3_finalize(st);
	st = NULL;
	if (confirm_codes(sc, err))
		goto out;

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
	/* the two lists as rows (jrows.h), like every list that grows with the archive */
	if (sc->nf)
		qsort(sc->f, sc->nf, sizeof(*sc->f), finding_cmp);
	json_t *findings = jrows_new();
	for (size_t i = 0; i < sc->nf; i++) {
		json_t *o = finding_json(&sc->f[i]);
		jrows_add(findings, o);
		json_decref(o);
	}
	json_object_set_new(r, "findings", findings);
	json_object_set_new(r, "conversations", conversations(sc->f, sc->nf));
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
	json_object_set_new(tot, "findings", json_integer((json_int_t)sc->nf));
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
	for (size_t i = 0; i < sc->nf; i++) {
		free(sc->f[i].conv);
		free(sc->f[i].redacted);
		free(sc->f[i].value);
	}
	free(sc->f);
	for (size_t i = 0; i < sc->ngroups; i++)
		free(sc->groups[i]);
	free(sc->groups);
	for (size_t i = 0; i < sc->ncodes; i++) {
		free(sc->codes[i].conv);
		free(sc->codes[i].text);
	}
	free(sc->codes);
	free(sc);
	return r;
}

/* ------------------------------------------------------------ the view */
