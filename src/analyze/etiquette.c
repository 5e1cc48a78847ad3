/*
 * etiquette: response times, unanswered, cold, marketing, chasing and public
 * handoffs in 1:1 DMs (see etiquette.h and the contract's "etiquette").
 */
#include "etiquette.h"
#include "buf.h"
#include "exitcode.h"
#include "jrows.h"
#include "months.h"
#include "pii.h"
#include "tz.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define SNIPPET_MAX 100 /* bytes of redacted text shown for a message */

/* ---- numbers ------------------------------------------------------------ */

int64_t etiquette_seconds(int64_t t1, int64_t t2)
{
	int64_t d = t2 - t1;
	/* C division truncates toward zero; the contract wants floor */
	return d >= 0 ? d / 1000 : -((-d + 999) / 1000);
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static int64_t median_sorted(const int64_t *v, size_t n)
{
	if (n % 2)
		return v[n / 2];
	int64_t a = v[n / 2 - 1], b = v[n / 2];
	/* floor of the mean without overflow: b >= a after sorting */
	return a + (b - a) / 2;
}

static int64_t p90_sorted(const int64_t *v, size_t n)
{
	size_t k = (9 * n + 9) / 10; /* ceil(0.9 n) */
	return v[k - 1];
}

int64_t etiquette_median(int64_t *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_i64);
	return median_sorted(v, n);
}

int64_t etiquette_p90(int64_t *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_i64);
	return p90_sorted(v, n);
}

/* A growable list of durations in seconds, sorted once when first asked. */
struct vals {
	int64_t *v;
	size_t n, alloc;
	bool sorted;
};

static void vals_push(struct vals *s, int64_t x)
{
	ALLOC_GROW(s->v, s->n + 1, s->alloc);
	s->v[s->n++] = x;
	s->sorted = false;
}

/* The values in order (sorting a million durations once, not per figure). */
static int64_t *vals_sorted(struct vals *s)
{
	if (!s->sorted)
		qsort(s->v, s->n, sizeof(*s->v), cmp_i64);
	s->sorted = true;
	return s->v;
}

static void vals_release(struct vals *s)
{
	free(s->v);
	memset(s, 0, sizeof(*s));
}

static json_t *vals_median(struct vals *s)
{
	return s->n ? json_integer(median_sorted(vals_sorted(s), s->n)) : json_null();
}

static json_t *vals_p90(struct vals *s)
{
	return s->n ? json_integer(p90_sorted(vals_sorted(s), s->n)) : json_null();
}

/* {"count": n, "median_seconds": …, "p90_seconds": …} */
static json_t *vals_summary(struct vals *s)
{
	json_t *o = json_object();
	json_object_set_new(o, "count", json_integer((json_int_t)s->n));
	json_object_set_new(o, "median_seconds", vals_median(s));
	json_object_set_new(o, "p90_seconds", vals_p90(s));
	return o;
}

/* ---- text cues ---------------------------------------------------------- */

/*
 * Case-folded, accent-stripped, compatibility-composed text (NFKC_Casefold
 * without marks), so "Envíanos", "ENVIANOS" and full-width "ＤＭ" compare
 * alike. Patterns go through the same function, so whatever it does to
 * Japanese kana it does to both sides. Returns malloc'ed text.
 */
static char *fold(const char *text)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)text, 0, &out,
					  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT |
						  UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
						  UTF8PROC_STRIPMARK | UTF8PROC_LUMP);
	if (n < 0) { /* invalid UTF-8: fall back to ASCII lower case */
		char *s = xstrdup(text);
		for (char *p = s; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		return s;
	}
	char *s = xstrdup((const char *)out);
	free(out);
	return s;
}

static bool is_word(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* needle occurs in hay not glued to ASCII letters or digits on either side
 * (so "dm us" is not found in "adm usage"); non-ASCII neighbours are fine,
 * as Japanese has no spaces. */
static bool has_phrase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *p = hay; (p = strstr(p, needle)); p++) {
		bool left = p == hay || !is_word((unsigned char)p[-1]) ||
			    !is_word((unsigned char)needle[0]);
		bool right = !is_word((unsigned char)p[n]) || !is_word((unsigned char)needle[n - 1]);
		if (left && right)
			return true;
	}
	return false;
}

static const char *const invite_phrases[] = {
	/* English */
	"dm us", "dm me", "send us a dm", "send me a dm", "send us a direct message",
	"direct message", "message us privately", "message us in private", "please dm",
	"pls dm", "via dm", "by dm", "in a dm", "to dms", "to dm", "into our dms",
	"private message", "privately message", "message us directly",
	"chat with us privately", "reach out via dm", "shoot us a dm", "drop us a dm",
	/* DM deep links (twitter.com and x.com) */
	"/messages/compose",
	/* Spanish */
	"envianos un dm", "envianos un md", "envianos un mensaje", "mensaje directo",
	"mensaje privado", "por dm", "por md", "escribenos por", "al dm",
	/* French */
	"envoyez-nous un dm", "envoyez nous un dm", "envoyez-nous un message",
	"message prive", "en mp", "par dm", "en dm", "ecrivez-nous en",
	/* German */
	"per dm", "direktnachricht", "private nachricht", "privatnachricht",
	"schreib uns eine dm", "schreiben sie uns eine dm",
	/* Portuguese */
	"mande uma dm", "envie uma dm", "envie-nos uma dm", "mensagem direta",
	"mensagem privada", "chama na dm", "no privado", "na dm",
	/* Italian */
	"messaggio privato", "scrivici in dm", "in privato",
	/* Japanese */
	"dmで", "dmにて", "dmください", "dmを", "ダイレクトメッセージ",
	NULL,
};

static const char *const offer_phrases[] = {
	"% off", "discount", "coupon", "promo", "sale", "offer", "deal", "free shipping",
	"limited time", "buy now", "shop now", "order now", "subscribe", "special price",
	"exclusive", "use code", "check out our", "new collection", "giveaway",
	"descuento", "oferta", "rabais", "soldes", "rabatt", "angebot", "desconto", "sconto",
	NULL,
};

/* The patterns, folded once (on first use). */
static char **folded(const char *const *src, char ***cache)
{
	if (!*cache) {
		size_t n = 0;
		while (src[n])
			n++;
		*cache = xcalloc(n + 1, sizeof(char *));
		for (size_t i = 0; i < n; i++)
			(*cache)[i] = fold(src[i]);
	}
	return *cache;
}

static char **invite_folded, **offer_folded;

bool etiquette_invites_dm(const char *text)
{
	char **pat = folded(invite_phrases, &invite_folded);
	char *t = fold(text);
	bool hit = false;
	for (size_t i = 0; pat[i] && !hit; i++)
		hit = has_phrase(t, pat[i]);
	free(t);
	return hit;
}

static bool text_has_url(const char *text)
{
	return strstr(text, "http://") || strstr(text, "https://");
}

bool etiquette_is_marketing(const char *text, bool has_url, char *cue, size_t n)
{
	if (has_url || text_has_url(text)) {
		snprintf(cue, n, "link");
		return true;
	}
	char **pat = folded(offer_phrases, &offer_folded);
	char *t = fold(text);
	bool hit = false;
	for (size_t i = 0; pat[i] && !hit; i++)
		if ((hit = has_phrase(t, pat[i])))
			snprintf(cue, n, "\"%s\"", offer_phrases[i]);
	free(t);
	return hit;
}

/* ---- business hours ----------------------------------------------------- */

static int hours_from(const struct report_opts *o)
{
	return o && o->hours_from >= 0 ? o->hours_from : 9;
}

static int hours_to(const struct report_opts *o)
{
	return o && o->hours_from >= 0 ? o->hours_to : 17;
}

bool etiquette_in_hours(const struct report_opts *o, int64_t ms)
{
	struct tz_local l;
	unsigned days = o && o->workdays ? o->workdays : 0x3E;
	int a = hours_from(o), b = hours_to(o);
	tz_local(ms, &l);
	if (!(days & (1u << l.wday)))
		return false;
	/* 22-06 wraps midnight; its hours after midnight belong to the day they fall on */
	return a < b ? l.hour >= a && l.hour < b : l.hour >= a || l.hour < b;
}

static void days_name(unsigned days, char *out, size_t n)
{
	static const char *const d[] = { "sun", "mon", "tue", "wed", "thu", "fri", "sat" };
	size_t len = 0;
	out[0] = 0;
	for (int i = 0; i < 7; i++)
		if (days & (1u << i))
			len += (size_t)snprintf(out + len, len < n ? n - len : 0, "%s%s",
						len ? "," : "", d[i]);
	if (days == 0x3E)
		snprintf(out, n, "mon-fri");
}

/* ---- by month ----------------------------------------------------------- */

/* One month's share, a cell of the months (months.h) by the customer message's month. */
struct month {
	int64_t started, answered;
	struct vals frs, rs;
};

static struct month *month_of(struct months *ms, int64_t ms_time)
{
	return months_cell(ms, month_key(ms_time));
}

static void months_free(struct months *ms)
{
	for (size_t i = 0; i < months_count(ms); i++) {
		struct month *m = months_at(ms, i);
		vals_release(&m->frs);
		vals_release(&m->rs);
	}
	months_release(ms);
}

/* ---- one conversation --------------------------------------------------- */

struct conv {
	char *id;
	int64_t counterpart;
	int64_t first_ms, first_id;
	bool first_from_owner, first_url;
	char *first_text;        /* the earliest message's text */
	int64_t first_owner_ms;  /* -1: the owner never wrote */
	int64_t owner_before;    /* owner messages before the counterpart's first */
	bool cp_seen;
	int64_t run_start;       /* first message of the unanswered counterpart run, or -1 */
	int64_t last_ms, last_cp_ms;
	bool last_from_owner;
	int64_t messages;
	struct vals replies;
};

static void conv_start(struct conv *c, const char *id, int64_t counterpart)
{
	memset(c, 0, sizeof(*c));
	c->id = xstrdup(id);
	c->counterpart = counterpart;
	c->first_owner_ms = -1;
	c->run_start = -1;
	c->last_cp_ms = -1;
}

static void conv_release(struct conv *c)
{
	free(c->id);
	free(c->first_text);
	vals_release(&c->replies);
	c->id = NULL;
}

/* Everything a whole run of conversations adds up to. */
struct tally {
	struct report_ctx *ctx;
	sqlite3_stmt *warm_st;
	json_t *convs, *unanswered, *marketing, *chased, *cold_list, *awaiting;
	int64_t counterpart_initiated, answered, owner_initiated, cold, cold_with_url, chased_n;
	int64_t warm, marketing_n, runs, runs_answered, messages;
	struct vals frs, rs;                 /* contract: first responses, every reply */
	struct vals frs_in, frs_off, rs_in, rs_off; /* by the customer message's time */
	int64_t replies_sent_in, replies_sent_off;  /* by the reply's own time */
	struct months months;
};

static json_t *snippet(struct report_ctx *ctx, const char *text)
{
	struct buf b = BUF_INIT;
	if (ctx->opts && ctx->opts->reveal)
		buf_adds(&b, text);
	else
		pii_redact_text(text, strlen(text), &b);
	/* one line with single spaces, at most SNIPPET_MAX bytes, cut on a
	 * character boundary */
	size_t w = 0;
	for (size_t i = 0; i < b.len; i++) {
		char ch = b.s[i];
		bool space = ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t';
		if (space && (w == 0 || b.s[w - 1] == ' '))
			continue;
		b.s[w++] = space ? ' ' : ch;
	}
	while (w > 0 && b.s[w - 1] == ' ')
		w--;
	buf_setlen(&b, w);
	if (b.len > SNIPPET_MAX) {
		size_t n = SNIPPET_MAX;
		while (n > 0 && ((unsigned char)b.s[n] & 0xC0) == 0x80)
			n--;
		buf_setlen(&b, n);
		buf_adds(&b, "…");
	}
	json_t *j = json_string(b.s);
	if (!j) /* not UTF-8: keep the JSON valid rather than lose the entry */
		j = json_string("(text not shown: invalid UTF-8)");
	buf_release(&b);
	return j;
}

static json_t *handle_json(struct report_ctx *ctx, int64_t id)
{
	char *h = report_handle(ctx, id);
	json_t *j = h ? json_string(h) : json_null();
	free(h);
	return j;
}

/* A finding's object, opened with the conversation and its counterpart. */
static json_t *conv_entry(struct report_ctx *ctx, const struct conv *c)
{
	json_t *x = json_object();
	json_object_set_new(x, "conversation_id", json_string(c->id));
	json_object_set_new(x, "counterpart_id", report_id(c->counterpart));
	json_object_set_new(x, "counterpart_handle", handle_json(ctx, c->counterpart));
	return x;
}

/* Did an owner tweet reply to or mention who in [t - 7 days, t)? */
static int is_warm(struct tally *t, int64_t who, int64_t at, struct err *err)
{
	sqlite3_stmt *st = t->warm_st;
	sqlite3_bind_int64(st, 1, who);
	sqlite3_bind_int64(st, 2, at - ETIQUETTE_COLD_WINDOW_MS);
	sqlite3_bind_int64(st, 3, at);
	int rc = sqlite3_step(st);
	int warm = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_fail(t->ctx->store, err, "reading tweets for the cold window");
	return warm;
}

static int finish(struct tally *t, struct conv *c, struct err *err)
{
	struct report_ctx *ctx = t->ctx;
	json_t *o = json_object(), *rs = json_array();
	bool owner_first = c->first_from_owner;

	json_object_set_new(o, "conversation_id", json_string(c->id));
	json_object_set_new(o, "counterpart_id", report_id(c->counterpart));
	json_object_set_new(o, "initiated_by", json_string(owner_first ? "owner" : "counterpart"));
	for (size_t i = 0; i < c->replies.n; i++)
		json_array_append_new(rs, json_integer(c->replies.v[i]));
	t->messages += c->messages;

	if (!owner_first) {
		t->counterpart_initiated++;
		struct month *m = month_of(&t->months, c->first_ms);
		m->started++;
		if (c->first_owner_ms >= 0) {
			int64_t s = etiquette_seconds(c->first_ms, c->first_owner_ms);
			json_object_set_new(o, "first_response_seconds", json_integer(s));
			t->answered++;
			m->answered++;
			vals_push(&t->frs, s);
			vals_push(&m->frs, s);
			vals_push(etiquette_in_hours(ctx->opts, c->first_ms) ? &t->frs_in : &t->frs_off, s);
		} else {
			json_object_set_new(o, "first_response_seconds", json_null());
			json_t *u = conv_entry(ctx, c);
			json_object_set_new(u, "first_message_at", report_time(c->first_ms));
			json_object_set_new(u, "last_message_at", report_time(c->last_ms));
			json_object_set_new(u, "messages", json_integer(c->messages));
			json_object_set_new(u, "age_seconds",
					    json_integer(etiquette_seconds(c->first_ms, ctx->as_of)));
			json_object_set_new(u, "snippet", snippet(ctx, c->first_text));
			json_array_append_new(t->unanswered, u);
		}
	} else {
		json_object_set_new(o, "first_response_seconds", json_null());
	}
	json_object_set_new(o, "reply_seconds", rs);

	if (owner_first) {
		int warm = is_warm(t, c->counterpart, c->first_ms, err);
		if (warm < 0) {
			json_decref(o);
			return -1;
		}
		t->owner_initiated++;
		json_object_set_new(o, "cold", json_boolean(!warm));
		json_object_set_new(o, "first_has_url", json_boolean(c->first_url));
		json_object_set_new(o, "owner_messages_before_reply", json_integer(c->owner_before));
		char cue[64];
		if (warm) {
			t->warm++;
		} else {
			t->cold++;
			t->cold_with_url += c->first_url;
			json_t *x = conv_entry(ctx, c);
			json_object_set_new(x, "sent_at", report_time(c->first_ms));
			json_object_set_new(x, "first_has_url", json_boolean(c->first_url));
			json_object_set_new(x, "counterpart_replied", json_boolean(c->cp_seen));
			jrows_add(t->cold_list, x);
			if (etiquette_is_marketing(c->first_text, c->first_url, cue, sizeof(cue))) {
				t->marketing_n++;
				json_object_set_new(x, "cue", json_string(cue));
				json_object_set_new(x, "snippet", snippet(ctx, c->first_text));
				jrows_add(t->marketing, x);
			}
			json_decref(x);
		}
		if (c->owner_before >= 2) {
			t->chased_n++;
			json_t *x = conv_entry(ctx, c);
			json_object_set_new(x, "first_message_at", report_time(c->first_ms));
			json_object_set_new(x, "owner_messages_before_reply", json_integer(c->owner_before));
			json_object_set_new(x, "counterpart_replied", json_boolean(c->cp_seen));
			json_object_set_new(x, "cold", json_boolean(!warm));
			jrows_add(t->chased, x);
			json_decref(x);
		}
	} else {
		json_object_set_new(o, "cold", json_null());
		json_object_set_new(o, "first_has_url", json_null());
		json_object_set_new(o, "owner_messages_before_reply", json_null());
	}
	jrows_add(t->convs, o);
	json_decref(o);

	/* a conversation answered once but whose latest messages still wait */
	if (c->run_start >= 0 && c->first_owner_ms >= 0) {
		json_t *x = conv_entry(ctx, c);
		json_object_set_new(x, "waiting_since", report_time(c->run_start));
		json_object_set_new(x, "age_seconds",
				    json_integer(etiquette_seconds(c->run_start, ctx->as_of)));
		jrows_add(t->awaiting, x);
		json_decref(x);
	}
	if (c->run_start >= 0)
		t->runs++;
	return 0;
}

/* One message, in (createdAt, id) order within its conversation. */
static void conv_add(struct tally *t, struct conv *c, int64_t id, int64_t sender, int64_t at,
		     bool has_url, const char *text)
{
	bool owner = sender == t->ctx->owner;
	if (c->messages++ == 0) {
		c->first_ms = at;
		c->first_id = id;
		c->first_from_owner = owner;
		c->first_url = has_url || text_has_url(text);
		c->first_text = xstrdup(text);
	}
	c->last_ms = at;
	c->last_from_owner = owner;
	if (owner) {
		if (c->first_owner_ms < 0)
			c->first_owner_ms = at;
		if (!c->cp_seen)
			c->owner_before++;
		if (c->run_start >= 0) {
			int64_t s = etiquette_seconds(c->run_start, at);
			vals_push(&c->replies, s);
			vals_push(&t->rs, s);
			vals_push(&month_of(&t->months, c->run_start)->rs, s);
			vals_push(etiquette_in_hours(t->ctx->opts, c->run_start) ? &t->rs_in : &t->rs_off, s);
			if (etiquette_in_hours(t->ctx->opts, at))
				t->replies_sent_in++;
			else
				t->replies_sent_off++;
			t->runs++;
			t->runs_answered++;
			c->run_start = -1;
		}
	} else {
		c->cp_seen = true;
		c->last_cp_ms = at;
		if (c->run_start < 0)
			c->run_start = at;
	}
}

/* ---- handoffs ----------------------------------------------------------- */

static json_t *handoffs(struct report_ctx *ctx, json_t *stats, struct err *err)
{
	struct store *s = ctx->store;
	sqlite3_stmt *tw = NULL, *dm = NULL;
	json_t *list = jrows_new();
	struct vals secs = { 0 };
	int64_t n = 0, followed = 0, within = 0;

	if (store_prepare(s, "SELECT id, created_at, reply_to_user_id, text FROM tweet"
			     " WHERE reply_to_user_id IS NOT NULL AND reply_to_user_id <> ?1"
			     " ORDER BY created_at, id", &tw, err) ||
	    store_prepare(s, "SELECT m.created_at, m.conversation_id FROM message m"
			     " JOIN conversation c ON c.id = m.conversation_id"
			     " WHERE c.kind = 'dm' AND c.counterpart_id = ?1 AND m.sender_id = ?1"
			     " AND m.created_at > ?2 ORDER BY m.created_at, m.id LIMIT 1", &dm, err))
		goto fail;
	sqlite3_bind_int64(tw, 1, ctx->owner);
	int rc;
	while ((rc = sqlite3_step(tw)) == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(tw, 3);
		if (!text || !etiquette_invites_dm(text))
			continue;
		int64_t at = sqlite3_column_int64(tw, 1), who = sqlite3_column_int64(tw, 2);
		json_t *h = json_object();
		n++;
		json_object_set_new(h, "tweet_id", report_id(sqlite3_column_int64(tw, 0)));
		json_object_set_new(h, "user_id", report_id(who));
		json_object_set_new(h, "user_handle", handle_json(ctx, who));
		json_object_set_new(h, "tweeted_at", report_time(at));
		sqlite3_bind_int64(dm, 1, who);
		sqlite3_bind_int64(dm, 2, at);
		if (sqlite3_step(dm) == SQLITE_ROW) {
			int64_t sec = etiquette_seconds(at, sqlite3_column_int64(dm, 0));
			bool in7 = sqlite3_column_int64(dm, 0) - at <= ETIQUETTE_HANDOFF_WINDOW_MS;
			followed++;
			within += in7;
			if (in7)
				vals_push(&secs, sec);
			json_object_set_new(h, "dm_followed", json_true());
			json_object_set_new(h, "seconds", json_integer(sec));
			json_object_set_new(h, "within_7_days", json_boolean(in7));
			json_object_set_new(h, "conversation_id",
					    json_string((const char *)sqlite3_column_text(dm, 1)));
		} else {
			json_object_set_new(h, "dm_followed", json_false());
			json_object_set_new(h, "seconds", json_null());
			json_object_set_new(h, "within_7_days", json_false());
			json_object_set_new(h, "conversation_id", json_null());
		}
		sqlite3_reset(dm);
		jrows_add(list, h);
		json_decref(h);
	}
	if (rc != SQLITE_DONE) {
		store_fail(s, err, "reading the owner's replies");
		goto fail;
	}
	json_object_set_new(stats, "invitations", json_integer(n));
	json_object_set_new(stats, "dm_followed", json_integer(followed));
	json_object_set_new(stats, "dm_followed_within_7_days", json_integer(within));
	json_object_set_new(stats, "median_seconds_within_7_days", vals_median(&secs));
	json_object_set_new(stats, "p90_seconds_within_7_days", vals_p90(&secs));
	sqlite3_finalize(tw);
	sqlite3_finalize(dm);
	vals_release(&secs);
	return list;
fail:
	sqlite3_finalize(tw);
	sqlite3_finalize(dm);
	vals_release(&secs);
	json_decref(list);
	return NULL;
}

/* ---- the report --------------------------------------------------------- */

static json_t *definitions(const struct report_opts *o)
{
	json_t *d = json_object();
	char days[64];
	days_name(o && o->workdays ? o->workdays : 0x3E, days, sizeof(days));
	json_object_set_new(d, "order", json_string(
		"messages of a conversation by createdAt, then by id (as integers)"));
	json_object_set_new(d, "seconds", json_string("floor((t2 - t1) / 1000) of millisecond times"));
	json_object_set_new(d, "median", json_string(
		"middle value; of an even count the mean of the two middle values, rounded down"));
	json_object_set_new(d, "p90", json_string("nearest rank: sorted[ceil(0.9*n)-1]"));
	json_object_set_new(d, "cold", json_string(
		"owner wrote first and no owner tweet replied to or mentioned the counterpart "
		"in [first - 604800 s, first)"));
	json_object_set_new(d, "conversations", json_string(
		"1:1 conversations with at least one message, every message kind counted "
		"(welcome messages too); conversations without messages are skipped and "
		"counted in stats.empty_conversations_skipped"));
	json_object_set_new(d, "response_rate", json_string(
		"answered / counterpart_initiated (conversations the owner answered at least once)"));
	json_object_set_new(d, "reply_rate", json_string(
		"answered runs / all runs of consecutive counterpart messages"));
	json_object_set_new(d, "unanswered_age", json_string(
		"age_seconds = floor((as_of - first message) / 1000); as_of is the newest "
		"snapshot's generation time"));
	char *bh = xasprintf("%02d-%02d local time in %s on %s; the customer message's time "
			     "(the start of the run, or the conversation's first message) decides "
			     "in or off hours. replies_sent_in_hours counts by the reply's own "
			     "time instead (Sprout Social's convention)",
			     hours_from(o), hours_to(o), o && o->tz ? o->tz : "UTC", days);
	json_object_set_new(d, "business_hours", json_string(bh));
	free(bh);
	json_object_set_new(d, "marketing", json_string(
		"a cold conversation whose first owner message has a link or offer wording"));
	json_object_set_new(d, "handoff", json_string(
		"an owner tweet replying to another account whose text invites to DM (several "
		"languages, DM deep links); dm_followed: that account later sent the owner a 1:1 "
		"message; seconds to the first such message; within_7_days marks the ones that "
		"count in the median"));
	return d;
}

static void tally_release(struct tally *t)
{
	json_decref(t->convs);
	json_decref(t->unanswered);
	json_decref(t->marketing);
	json_decref(t->chased);
	json_decref(t->cold_list);
	json_decref(t->awaiting);
	sqlite3_finalize(t->warm_st);
	vals_release(&t->frs);
	vals_release(&t->rs);
	vals_release(&t->frs_in);
	vals_release(&t->frs_off);
	vals_release(&t->rs_in);
	vals_release(&t->rs_off);
	months_free(&t->months);
}

static json_t *rate(int64_t a, int64_t b)
{
	return b ? json_real((double)a / (double)b) : json_null();
}

void etiquette_mark_automated(struct report_ctx *ctx, json_t *r)
{
	/*
	 * Near-certain automated senders need no answer: mark them, so the
	 * advice can leave them out. The likely ones may be customers: they
	 * stay in the advice, marked as maybe automated.
	 */
	int64_t automated = 0;
	size_t i;
	json_t *u;
	json_array_foreach(json_object_get(r, "unanswered"), i, u) {
		const char *cp = json_string_value(json_object_get(u, "counterpart_id"));
		bool a = report_is_auto_sender(ctx, cp);
		json_object_set_new(u, "automated", json_boolean(a));
		json_object_set_new(u, "maybe_automated",
				    json_boolean(!a && report_is_likely_auto(ctx, cp)));
		automated += a;
	}
	json_object_set_new(json_object_get(r, "stats"), "unanswered_automated",
			    json_integer(automated));
	/* marked, the list is final: rows from now on, like the others */
	json_object_set_new(r, "unanswered", jrows_from(json_incref(json_object_get(r, "unanswered"))));
}

json_t *etiquette_analyse(struct report_ctx *ctx, struct err *err)
{
	struct store *s = ctx->store;
	struct tally t;
	struct conv c = { 0 };
	sqlite3_stmt *st = NULL;
	json_t *r = NULL;

	memset(&t, 0, sizeof(t));
	months_init(&t.months, sizeof(struct month));
	t.ctx = ctx;
	/* the lists are rows (jrows.h); unanswered becomes rows once it is marked */
	t.convs = jrows_new();
	t.unanswered = json_array();
	t.marketing = jrows_new();
	t.chased = jrows_new();
	t.cold_list = jrows_new();
	t.awaiting = jrows_new();

	if (store_prepare(s, "SELECT EXISTS (SELECT 1 FROM tweet WHERE reply_to_user_id = ?1"
			     " AND created_at >= ?2 AND created_at < ?3)"
			     " OR EXISTS (SELECT 1 FROM tweet_mention tm JOIN tweet tw"
			     " ON tw.id = tm.tweet_id WHERE tm.account_id = ?1"
			     " AND tw.created_at >= ?2 AND tw.created_at < ?3)", &t.warm_st, err))
		goto out;
	/*
	 * One pass over the 1:1 messages, conversation by conversation: the
	 * conversations in key order (CROSS JOIN keeps them the outer loop),
	 * each one's messages from the index message_by_conversation, so
	 * nothing is sorted and each conversation is looked up once.
	 */
	if (store_prepare(s, "SELECT c.id, c.counterpart_id, m.id, m.sender_id, m.created_at,"
			     " m.url_count, m.text FROM conversation c"
			     " CROSS JOIN message m ON m.conversation_id = c.id"
			     " WHERE c.kind = 'dm'"
			     " ORDER BY c.id, m.created_at, m.id", &st, err))
		goto out;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *cid = (const char *)sqlite3_column_text(st, 0);
		if (!c.id || strcmp(c.id, cid)) {
			if (c.id && finish(&t, &c, err))
				goto out;
			conv_release(&c);
			conv_start(&c, cid, sqlite3_column_int64(st, 1));
		}
		const char *text = (const char *)sqlite3_column_text(st, 6);
		conv_add(&t, &c, sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3),
			 sqlite3_column_int64(st, 4), sqlite3_column_int64(st, 5) > 0,
			 text ? text : "");
	}
	if (rc != SQLITE_DONE) {
		store_fail(s, err, "reading 1:1 messages");
		goto out;
	}
	if (c.id && finish(&t, &c, err))
		goto out;

	r = json_object();
	json_object_set(r, "conversations", t.convs);
	json_t *tot = json_object();
	json_object_set_new(tot, "counterpart_initiated", json_integer(t.counterpart_initiated));
	json_object_set_new(tot, "answered", json_integer(t.answered));
	json_object_set_new(tot, "unanswered", json_integer(t.counterpart_initiated - t.answered));
	json_object_set_new(tot, "median_first_response_seconds", vals_median(&t.frs));
	json_object_set_new(tot, "p90_first_response_seconds", vals_p90(&t.frs));
	json_object_set_new(tot, "median_reply_seconds", vals_median(&t.rs));
	json_object_set_new(tot, "owner_initiated", json_integer(t.owner_initiated));
	json_object_set_new(tot, "cold", json_integer(t.cold));
	json_object_set_new(tot, "cold_with_url", json_integer(t.cold_with_url));
	json_object_set_new(tot, "chased", json_integer(t.chased_n));
	json_object_set_new(r, "totals", tot);
	json_object_set_new(r, "definitions", definitions(ctx->opts));

	json_t *x = json_object();
	json_object_set_new(x, "as_of", report_time(ctx->as_of));
	json_object_set_new(x, "messages", json_integer(t.messages));
	json_object_set_new(x, "empty_conversations_skipped", json_integer(store_int(s,
		"SELECT count(*) FROM conversation c WHERE c.kind = 'dm' AND NOT EXISTS"
		" (SELECT 1 FROM message m WHERE m.conversation_id = c.id)", 0)));
	json_object_set_new(x, "response_rate", rate(t.answered, t.counterpart_initiated));
	json_object_set_new(x, "reply_rate", rate(t.runs_answered, t.runs));
	json_object_set_new(x, "replies", json_integer(t.runs_answered));
	json_object_set_new(x, "unanswered_runs", json_integer(t.runs - t.runs_answered));
	json_object_set_new(x, "first_response", vals_summary(&t.frs));
	json_object_set_new(x, "reply", vals_summary(&t.rs));
	json_object_set_new(x, "p90_reply_seconds", vals_p90(&t.rs));
	json_object_set_new(x, "warm", json_integer(t.warm));
	json_object_set_new(x, "marketing", json_integer(t.marketing_n));
	json_object_set_new(x, "awaiting_reply", json_integer((json_int_t)jrows_size(t.awaiting)));
	json_object_set_new(r, "stats", x);

	json_t *bh = json_object();
	char days[64];
	const struct report_opts *o = ctx->opts;
	days_name(o && o->workdays ? o->workdays : 0x3E, days, sizeof(days));
	json_object_set_new(bh, "time_zone", json_string(o && o->tz ? o->tz : "UTC"));
	char hours[16];
	snprintf(hours, sizeof(hours), "%02d-%02d", hours_from(o), hours_to(o));
	json_object_set_new(bh, "hours", json_string(hours));
	json_object_set_new(bh, "days", json_string(days));
	json_object_set_new(bh, "decided_by", json_string("customer_message"));
	json_t *fr = json_object(), *rp = json_object();
	json_object_set_new(fr, "in_hours", vals_summary(&t.frs_in));
	json_object_set_new(fr, "off_hours", vals_summary(&t.frs_off));
	json_object_set_new(rp, "in_hours", vals_summary(&t.rs_in));
	json_object_set_new(rp, "off_hours", vals_summary(&t.rs_off));
	json_object_set_new(bh, "first_response", fr);
	json_object_set_new(bh, "reply", rp);
	json_object_set_new(bh, "replies_sent_in_hours", json_integer(t.replies_sent_in));
	json_object_set_new(bh, "replies_sent_off_hours", json_integer(t.replies_sent_off));
	json_object_set_new(r, "business_hours", bh);

	json_t *bm = json_array();
	for (size_t i = 0; i < months_count(&t.months); i++) {
		struct month *m = months_at(&t.months, i);
		if (!m->started && !m->rs.n)
			continue;   /* a month between others that nothing happened in */
		json_t *mo = json_object();
		char key[16];
		month_key_name(t.months.first + (int)i, key);
		json_object_set_new(mo, "month", json_string(key));
		json_object_set_new(mo, "counterpart_initiated", json_integer(m->started));
		json_object_set_new(mo, "answered", json_integer(m->answered));
		json_object_set_new(mo, "response_rate", rate(m->answered, m->started));
		json_object_set_new(mo, "median_first_response_seconds", vals_median(&m->frs));
		json_object_set_new(mo, "p90_first_response_seconds", vals_p90(&m->frs));
		json_object_set_new(mo, "replies", json_integer((json_int_t)m->rs.n));
		json_object_set_new(mo, "median_reply_seconds", vals_median(&m->rs));
		json_object_set_new(mo, "p90_reply_seconds", vals_p90(&m->rs));
		json_array_append_new(bm, mo);
	}
	json_object_set_new(r, "by_month", bm);

	json_object_set_new(x, "unanswered_automated", json_integer(0));
	/* which of these senders are automated is autodm's to say: analyse_run marks them */
	json_object_set(r, "unanswered", t.unanswered);
	json_object_set(r, "awaiting_reply", t.awaiting);
	json_object_set(r, "cold_dms", t.cold_list);
	json_object_set(r, "marketing", t.marketing);
	json_object_set(r, "chased", t.chased);
	json_t *hs = json_object();
	json_t *hl = handoffs(ctx, hs, err);
	if (!hl) {
		json_decref(hs);
		json_decref(r);
		r = NULL;
		goto out;
	}
	json_object_set_new(hs, "warm_owner_initiated", json_integer(t.warm));
	json_object_set_new(hs, "cold_owner_initiated", json_integer(t.cold));
	json_object_set_new(r, "handoff_stats", hs);
	json_object_set_new(r, "handoffs", hl);
out:
	sqlite3_finalize(st);
	conv_release(&c);
	tally_release(&t);
	return r;
}
