/*
 * etiquette: response times, unanswered, cold, marketing, chasing and public
 * handoffs in 1:1 DMs (see etiquette.h and the contract's "etiquette").
 */
#include "etiquette.h"
#include "buf.h"
#include "exitcode.h"
#include "months.h"
#include "pii.h"
#include "tz.h"
#include "utf8.h"
#include "xalloc.h"

#include <stddef.h>
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

/*
 * The durations of a pass: each value once, with its group (the month of
 * the customer message, and whether that came in business hours). One sort
 * by value then gives every group's median and 90th percentile in one scan,
 * since a group's values come in order within the sorted whole: a reply is
 * held once, not once per figure it counts in. While every value fits 32
 * bits (unless the archive's clock is off by decades) a value and its group
 * are one 64-bit key; from the first that does not, all are wide.
 */
struct wide_dur {
	int64_t v;
	int month;
	bool in;
};

struct durs {
	uint64_t *key;       /* (v + 2^31) << 32 | (month + 2^30) << 1 | in */
	struct wide_dur *wide; /* non-NULL once a value did not fit: all of them */
	size_t n, alloc;
	int64_t n_in;        /* how many came in business hours */
};

#define DUR_BIAS ((int64_t)1 << 31)
#define MONTH_BIAS ((int64_t)1 << 30)

static bool dur_packs(int64_t v, int month)
{
	return v >= INT32_MIN && v <= INT32_MAX && month >= -MONTH_BIAS && month < MONTH_BIAS;
}

static void durs_push(struct durs *d, int64_t v, int month, bool in)
{
	if (!d->wide && dur_packs(v, month)) {
		ALLOC_GROW(d->key, d->n + 1, d->alloc);
		d->key[d->n++] = (uint64_t)(v + DUR_BIAS) << 32 |
				 (uint64_t)(month + MONTH_BIAS) << 1 | in;
	} else {
		if (!d->wide) {
			d->alloc = d->alloc ? d->alloc : 16;
			d->wide = xmalloc(d->alloc * sizeof(*d->wide));
			for (size_t i = 0; i < d->n; i++)
				d->wide[i] = (struct wide_dur){
					(int64_t)(d->key[i] >> 32) - DUR_BIAS,
					(int)((int64_t)(d->key[i] >> 1 & 0x7FFFFFFF) - MONTH_BIAS),
					d->key[i] & 1 };
			free(d->key);
			d->key = NULL;
		}
		ALLOC_GROW(d->wide, d->n + 1, d->alloc);
		d->wide[d->n++] = (struct wide_dur){ v, month, in };
	}
	d->n_in += in;
}

/* The i-th duration (in order of value once durs_sort ran). */
static struct wide_dur durs_at(const struct durs *d, size_t i)
{
	if (d->wide)
		return d->wide[i];
	uint64_t k = d->key[i];
	return (struct wide_dur){ (int64_t)(k >> 32) - DUR_BIAS,
				  (int)((int64_t)(k >> 1 & 0x7FFFFFFF) - MONTH_BIAS), k & 1 };
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

static int cmp_wide(const void *a, const void *b)
{
	int64_t x = ((const struct wide_dur *)a)->v, y = ((const struct wide_dur *)b)->v;
	return (x > y) - (x < y);
}

static void durs_sort(struct durs *d)
{
	if (d->wide)
		qsort(d->wide, d->n, sizeof(*d->wide), cmp_wide);
	else if (d->n)
		qsort(d->key, d->n, sizeof(*d->key), cmp_u64);
}

static void durs_release(struct durs *d)
{
	free(d->key);
	free(d->wide);
	memset(d, 0, sizeof(*d));
}

/*
 * A group's median and 90th percentile, picked from its values as they come
 * in order: the ranks wanted are known from the group's size.
 */
struct pick {
	int64_t n, seen;
	int64_t lo, hi, p90;     /* the values at the median's ranks and the p90's */
};

static void pick_see(struct pick *p, int64_t v)
{
	int64_t r_lo = p->n % 2 ? p->n / 2 : p->n / 2 - 1, r_hi = p->n / 2;
	int64_t r_p90 = (9 * p->n + 9) / 10 - 1; /* nearest rank: ceil(0.9 n) - 1 */
	if (p->seen == r_lo)
		p->lo = v;
	if (p->seen == r_hi)
		p->hi = v;
	if (p->seen == r_p90)
		p->p90 = v;
	p->seen++;
}

/* Of an even count the floor of the mean of the two middle values (hi >= lo). */
static struct etiquette_secs pick_median(const struct pick *p)
{
	return (struct etiquette_secs){ p->n > 0, p->n ? p->lo + (p->hi - p->lo) / 2 : 0 };
}

static struct etiquette_secs pick_p90(const struct pick *p)
{
	return (struct etiquette_secs){ p->n > 0, p->n ? p->p90 : 0 };
}

static struct etiquette_spread pick_spread(const struct pick *p)
{
	return (struct etiquette_spread){ p->n, pick_median(p), pick_p90(p) };
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
	struct pick frs, rs;     /* first responses, replies: n counted as they come */
};

static struct month *month_of(struct months *ms, int64_t ms_time)
{
	return months_cell(ms, month_key(ms_time));
}

static void months_free(struct months *ms)
{
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
	int64_t *replies;        /* reply_seconds, in order */
	size_t nreplies, areplies;
	char *handle;            /* the counterpart's, looked up once when a list needs it */
	bool handle_known;
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
	free(c->replies);
	free(c->handle);
	c->id = NULL;
	c->first_text = NULL;
	c->replies = NULL;
	c->handle = NULL;
}

/* Everything a whole run of conversations adds up to. */
struct tally {
	struct report_ctx *ctx;
	struct etiquette_result *r;          /* the counts and lists go straight here */
	sqlite3_stmt *warm_st;
	struct durs frs, rs;     /* first responses, every reply; by the customer message's
				    month and time (in or off hours) */
	struct months months;
	struct buf snip;                     /* scratch for snippets */
};

/* The first message's text as a list shows it: redacted, one line, at most SNIPPET_MAX bytes. */
static const char *snippet(struct report_ctx *ctx, const char *text, struct buf *b)
{
	buf_reset(b);
	if (ctx->opts && ctx->opts->reveal)
		buf_adds(b, text);
	else
		pii_redact_text(text, strlen(text), b);
	/* one line with single spaces, at most SNIPPET_MAX bytes, cut on a
	 * character boundary */
	size_t w = 0;
	for (size_t i = 0; i < b->len; i++) {
		char ch = b->s[i];
		bool space = ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t';
		if (space && (w == 0 || b->s[w - 1] == ' '))
			continue;
		b->s[w++] = space ? ' ' : ch;
	}
	while (w > 0 && b->s[w - 1] == ' ')
		w--;
	buf_setlen(b, w);
	if (b->len > SNIPPET_MAX) {
		size_t n = SNIPPET_MAX;
		while (n > 0 && ((unsigned char)b->s[n] & 0xC0) == 0x80)
			n--;
		buf_setlen(b, n);
		buf_adds(b, "…");
	}
	/* not UTF-8: keep the JSON valid rather than lose the entry */
	if (utf8_valid_prefix(b->s, b->len) != b->len)
		return "(text not shown: invalid UTF-8)";
	return b->s;
}

/* The counterpart's handle, or NULL; one lookup a conversation. Not UTF-8: unknown. */
static const char *conv_handle(struct report_ctx *ctx, struct conv *c)
{
	if (!c->handle_known) {
		c->handle = report_handle(ctx, c->counterpart);
		if (c->handle && utf8_valid_prefix(c->handle, strlen(c->handle)) !=
					 strlen(c->handle)) {
			free(c->handle);
			c->handle = NULL;
		}
		c->handle_known = true;
	}
	return c->handle;
}

/* A list's row, opened with the conversation and its counterpart. */
static void conv_row(struct report_ctx *ctx, struct conv *c, struct etiquette_row *x)
{
	memset(x, 0, sizeof(*x));
	x->conversation_id = c->id;
	x->counterpart = c->counterpart;
	x->handle = conv_handle(ctx, c);
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
	struct etiquette_result *r = t->r;
	struct etiquette_row o, x;
	bool owner_first = c->first_from_owner;

	memset(&o, 0, sizeof(o));
	o.conversation_id = c->id;
	o.counterpart = c->counterpart;
	o.owner_first = owner_first;
	o.at = c->first_ms;
	o.reply_seconds = c->replies;
	o.nreplies = c->nreplies;
	r->messages += c->messages;

	if (!owner_first) {
		r->counterpart_initiated++;
		struct month *m = month_of(&t->months, c->first_ms);
		m->started++;
		if (c->first_owner_ms >= 0) {
			int64_t s = etiquette_seconds(c->first_ms, c->first_owner_ms);
			o.first_response = (struct etiquette_secs){ true, s };
			r->answered++;
			m->answered++;
			m->frs.n++;
			durs_push(&t->frs, s, month_key(c->first_ms),
				  etiquette_in_hours(ctx->opts, c->first_ms));
		} else {
			conv_row(ctx, c, &x);
			x.at = c->first_ms;
			x.last_at = c->last_ms;
			x.messages = c->messages;
			x.age_seconds = etiquette_seconds(c->first_ms, ctx->as_of);
			x.snippet = snippet(ctx, c->first_text, &t->snip);
			etiquette_add(r, ETIQUETTE_UNANSWERED, &x);
		}
	} else {
		int warm = is_warm(t, c->counterpart, c->first_ms, err);
		if (warm < 0)
			return -1;
		r->owner_initiated++;
		o.cold = !warm;
		o.first_has_url = c->first_url;
		o.owner_before = c->owner_before;
		char cue[64];
		if (warm) {
			r->warm++;
		} else {
			r->cold++;
			r->cold_with_url += c->first_url;
			conv_row(ctx, c, &x);
			x.at = c->first_ms;
			x.first_has_url = c->first_url;
			x.counterpart_replied = c->cp_seen;
			etiquette_add(r, ETIQUETTE_COLD, &x);
			if (etiquette_is_marketing(c->first_text, c->first_url, cue, sizeof(cue))) {
				r->marketing++;
				x.cue = cue;
				x.snippet = snippet(ctx, c->first_text, &t->snip);
				etiquette_add(r, ETIQUETTE_MARKETING, &x);
			}
		}
		if (c->owner_before >= 2) {
			r->chased++;
			conv_row(ctx, c, &x);
			x.at = c->first_ms;
			x.owner_before = c->owner_before;
			x.counterpart_replied = c->cp_seen;
			x.cold = !warm;
			etiquette_add(r, ETIQUETTE_CHASED, &x);
		}
	}
	etiquette_add(r, ETIQUETTE_CONVERSATIONS, &o);

	/* a conversation answered once but whose latest messages still wait */
	if (c->run_start >= 0 && c->first_owner_ms >= 0) {
		conv_row(ctx, c, &x);
		x.at = c->run_start;
		x.age_seconds = etiquette_seconds(c->run_start, ctx->as_of);
		etiquette_add(r, ETIQUETTE_AWAITING, &x);
	}
	if (c->run_start >= 0)
		r->runs++;
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
			ALLOC_GROW(c->replies, c->nreplies + 1, c->areplies);
			c->replies[c->nreplies++] = s;
			month_of(&t->months, c->run_start)->rs.n++;
			durs_push(&t->rs, s, month_key(c->run_start),
				  etiquette_in_hours(t->ctx->opts, c->run_start));
			if (etiquette_in_hours(t->ctx->opts, at))
				t->r->replies_sent_in++;
			else
				t->r->replies_sent_off++;
			t->r->runs++;
			t->r->runs_answered++;
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

static int handoffs(struct report_ctx *ctx, struct etiquette_result *r, struct err *err)
{
	struct store *s = ctx->store;
	sqlite3_stmt *tw = NULL, *dm = NULL;
	struct durs secs = { 0 };
	int rc = -1;

	if (store_prepare(s, "SELECT id, created_at, reply_to_user_id, text FROM tweet"
			     " WHERE reply_to_user_id IS NOT NULL AND reply_to_user_id <> ?1"
			     " ORDER BY created_at, id", &tw, err) ||
	    store_prepare(s, "SELECT m.created_at, m.conversation_id FROM message m"
			     " JOIN conversation c ON c.id = m.conversation_id"
			     " WHERE c.kind = 'dm' AND c.counterpart_id = ?1 AND m.sender_id = ?1"
			     " AND m.created_at > ?2 ORDER BY m.created_at, m.id LIMIT 1", &dm, err))
		goto out;
	sqlite3_bind_int64(tw, 1, ctx->owner);
	int step;
	while ((step = sqlite3_step(tw)) == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(tw, 3);
		if (!text || !etiquette_invites_dm(text))
			continue;
		int64_t at = sqlite3_column_int64(tw, 1), who = sqlite3_column_int64(tw, 2);
		struct etiquette_row h;
		memset(&h, 0, sizeof(h));
		r->invitations++;
		h.tweet_id = sqlite3_column_int64(tw, 0);
		h.counterpart = who;
		char *handle = report_handle(ctx, who);
		if (handle && utf8_valid_prefix(handle, strlen(handle)) != strlen(handle)) {
			free(handle);
			handle = NULL;
		}
		h.handle = handle;
		h.at = at;
		sqlite3_bind_int64(dm, 1, who);
		sqlite3_bind_int64(dm, 2, at);
		if (sqlite3_step(dm) == SQLITE_ROW) {
			int64_t sec = etiquette_seconds(at, sqlite3_column_int64(dm, 0));
			bool in7 = sqlite3_column_int64(dm, 0) - at <= ETIQUETTE_HANDOFF_WINDOW_MS;
			r->dm_followed++;
			r->dm_followed_within_7_days += in7;
			if (in7)
				durs_push(&secs, sec, 0, false);
			h.dm_followed = true;
			h.first_response = (struct etiquette_secs){ true, sec };
			h.within_7_days = in7;
			h.conversation_id = (const char *)sqlite3_column_text(dm, 1);
		}
		etiquette_add(r, ETIQUETTE_HANDOFFS, &h);
		free(handle);
		sqlite3_reset(dm);
	}
	if (step != SQLITE_DONE) {
		store_fail(s, err, "reading the owner's replies");
		goto out;
	}
	struct pick all = { .n = (int64_t)secs.n };
	durs_sort(&secs);
	for (size_t i = 0; i < secs.n; i++)
		pick_see(&all, durs_at(&secs, i).v);
	r->median_handoff = pick_median(&all);
	r->p90_handoff = pick_p90(&all);
	rc = 0;
out:
	sqlite3_finalize(tw);
	sqlite3_finalize(dm);
	durs_release(&secs);
	return rc;
}

/* ---- the report --------------------------------------------------------- */

static void tally_release(struct tally *t)
{
	sqlite3_finalize(t->warm_st);
	durs_release(&t->frs);
	durs_release(&t->rs);
	months_free(&t->months);
	buf_release(&t->snip);
}

/*
 * Sort d once and pick every group's figures in one scan: all of them, in
 * and off hours, and each month's (the pick at offset month_pick of its
 * cell, whose n was counted as the values came).
 */
static void durs_figures(struct durs *d, struct months *ms, size_t month_pick,
			 struct pick *all, struct pick *in, struct pick *off)
{
	*all = (struct pick){ .n = (int64_t)d->n };
	*in = (struct pick){ .n = d->n_in };
	*off = (struct pick){ .n = (int64_t)d->n - d->n_in };
	durs_sort(d);
	for (size_t i = 0; i < d->n; i++) {
		struct wide_dur x = durs_at(d, i);
		pick_see(all, x.v);
		pick_see(x.in ? in : off, x.v);
		pick_see((struct pick *)((char *)months_cell(ms, x.month) + month_pick), x.v);
	}
}

/* The figures of the whole pass, once every conversation is finished. */
static void figures(struct tally *t)
{
	struct etiquette_result *r = t->r;
	const struct report_opts *o = t->ctx->opts;
	struct pick frs, frs_in, frs_off, rs, rs_in, rs_off;

	durs_figures(&t->frs, &t->months, offsetof(struct month, frs), &frs, &frs_in, &frs_off);
	durs_figures(&t->rs, &t->months, offsetof(struct month, rs), &rs, &rs_in, &rs_off);
	r->unanswered = r->counterpart_initiated - r->answered;
	r->median_first_response = pick_median(&frs);
	r->p90_first_response = pick_p90(&frs);
	r->median_reply = pick_median(&rs);
	r->first_response = pick_spread(&frs);
	r->reply = pick_spread(&rs);
	r->as_of = t->ctx->as_of;

	r->time_zone = xstrdup(o && o->tz ? o->tz : "UTC");
	snprintf(r->hours, sizeof(r->hours), "%02d-%02d", hours_from(o), hours_to(o));
	days_name(o && o->workdays ? o->workdays : 0x3E, r->days, sizeof(r->days));
	r->first_in = pick_spread(&frs_in);
	r->first_off = pick_spread(&frs_off);
	r->reply_in = pick_spread(&rs_in);
	r->reply_off = pick_spread(&rs_off);

	r->months = xcalloc(months_count(&t->months) + 1, sizeof(*r->months));
	for (size_t i = 0; i < months_count(&t->months); i++) {
		struct month *m = months_at(&t->months, i);
		if (!m->started && !m->rs.n)
			continue;   /* a month between others that nothing happened in */
		struct etiquette_month *e = &r->months[r->nmonths++];
		e->key = t->months.first + (int)i;
		e->counterpart_initiated = m->started;
		e->answered = m->answered;
		e->median_first = pick_median(&m->frs);
		e->p90_first = pick_p90(&m->frs);
		e->replies = m->rs.n;
		e->median_reply = pick_median(&m->rs);
		e->p90_reply = pick_p90(&m->rs);
	}
}

struct etiquette_result *etiquette_analyse(struct report_ctx *ctx, struct err *err)
{
	struct store *s = ctx->store;
	struct tally t;
	struct conv c = { 0 };
	sqlite3_stmt *st = NULL;
	struct etiquette_result *r = etiquette_result_new();

	memset(&t, 0, sizeof(t));
	months_init(&t.months, sizeof(struct month));
	buf_init(&t.snip);
	t.ctx = ctx;
	t.r = r;

	if (store_prepare(s, "SELECT EXISTS (SELECT 1 FROM tweet WHERE reply_to_user_id = ?1"
			     " AND created_at >= ?2 AND created_at < ?3)"
			     " OR EXISTS (SELECT 1 FROM tweet_mention tm JOIN tweet tw"
			     " ON tw.id = tm.tweet_id WHERE tm.account_id = ?1"
			     " AND tw.created_at >= ?2 AND tw.created_at < ?3)", &t.warm_st, err))
		goto fail;
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
		goto fail;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *cid = (const char *)sqlite3_column_text(st, 0);
		if (!c.id || strcmp(c.id, cid)) {
			if (c.id && finish(&t, &c, err))
				goto fail;
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
		goto fail;
	}
	if (c.id && finish(&t, &c, err))
		goto fail;
	figures(&t);
	r->empty_skipped = store_int(s, "SELECT count(*) FROM conversation c WHERE c.kind = 'dm'"
				     " AND NOT EXISTS (SELECT 1 FROM message m"
				     " WHERE m.conversation_id = c.id)", 0);
	if (handoffs(ctx, r, err))
		goto fail;
	sqlite3_finalize(st);
	conv_release(&c);
	tally_release(&t);
	return r;
fail:
	sqlite3_finalize(st);
	conv_release(&c);
	tally_release(&t);
	etiquette_result_free(r);
	return NULL;
}
