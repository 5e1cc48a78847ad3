/*
 * autodm: automated DM senders, inbound and outbound (autodm.h).
 *
 * Three steps: load (one streaming pass over the 1:1 messages into compact
 * arrays), group (LSH clusters of opening templates, and who sent each),
 * judge (per counterpart and per outbound template). The JSON is built from
 * the judgement; autodm_view reads only that JSON.
 */
#include "autodm.h"
#include "jarena.h"
#include "lexicon.h"
#include "jrows.h"
#include "analyze.h"
#include "text.h"
#include "timeutil.h"
#include "u64map.h"
#include "xalloc.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum msg_flag {
	M_OWNER = 1 << 0,
	M_OPENING = 1 << 1,     /* the other side had not written yet */
	M_LINK = 1 << 2,        /* a link that is not a tweet or an attachment */
	M_LINK_ONLY = 1 << 3,
	M_SHORTENER = 1 << 4,
	M_SERVICE = 1 << 5,
	M_WELCOME = 1 << 6,
	M_RICH = 1 << 7,        /* template carries a handle or e-mail slot */
	/* what the lexicon (lexicon.h) found in the text */
	M_FORMULA = 1 << 8,     /* a follow-thanks formula */
	M_FOOTER = 1 << 9,      /* an auto-DM tool's signature */
	M_SCAM = 1 << 10,       /* scam or spam bait */
	M_PROMO = 1 << 11,      /* a pitch: visit, like, subscribe, download */
	M_NOTICE = 1 << 12,     /* a service's notice, an app's invitation */
	M_CONTACT = 1 << 13,    /* a messenger id to take the talk elsewhere */
	M_WORDY = 1 << 14,      /* AUTODM_MIN_TOKENS words or more besides the slots */
	M_LONG = 1 << 15,       /* AUTODM_LONG_WORDS words or more besides the slots */
	M_ECHO = 1 << 16,       /* repeats the owner's last message inside a frame of its own */
	M_MERGE = 1 << 17,      /* greets with the owner's full name, as a mail merge does */
};

/* The message flags of the lexicon's families. */
static unsigned lexicon_flags(const char *norm, size_t n)
{
	static const uint64_t autodm_families =
		(1ull << LEX_FOLLOW_THANKS) | (1ull << LEX_FOOTER) | (1ull << LEX_SCAM) |
		(1ull << LEX_PROMO) | (1ull << LEX_NOTICE) | (1ull << LEX_CONTACT);
	uint64_t f = lex_scan(norm, n, autodm_families);
	unsigned fl = 0;
	if (f & (1ull << LEX_FOLLOW_THANKS))
		fl |= M_FORMULA;
	if (f & (1ull << LEX_FOOTER))
		fl |= M_FOOTER;
	if (f & (1ull << LEX_SCAM))
		fl |= M_SCAM;
	if (f & (1ull << LEX_PROMO))
		fl |= M_PROMO;
	if (f & (1ull << LEX_NOTICE))
		fl |= M_NOTICE;
	if (f & (1ull << LEX_CONTACT))
		fl |= M_CONTACT;
	return fl;
}

struct am_msg {
	int64_t id, at;
	uint32_t conv, tmpl;
	uint32_t flags;
	uint16_t ntok;
};

struct am_conv {
	int64_t cp;
	uint32_t first, n;
};

#define NO_SIG UINT32_MAX

struct am_tmpl {
	uint64_t hash;
	char *text;          /* slotted, normalized; only for opening templates */
	char *shown;         /* display_template's result, made once */
	int64_t example;     /* a message id with this template */
	uint32_t sig;        /* index into am.sigs, or NO_SIG */
	uint32_t cluster;    /* template index of the cluster's representative */
};

struct am {
	struct am_msg *m;
	size_t nm, am_;
	struct am_conv *c;
	size_t nc, ac;
	struct am_tmpl *t;
	size_t nt, at;
	struct u64map map;   /* template hash -> index */
	uint32_t *sigs;      /* ns * TEXT_MINHASH_K */
	uint32_t *sig_tmpl;
	size_t ns, as;
	int64_t *following, *followers;
	size_t nfollowing, nfollowers;
};

/* ------------------------------------------------------------ link hosts */

/* Link shorteners: the destination is hidden until clicked. */
static const char *const shorteners[] = {
	"bit.ly", "tinyurl.com", "goo.gl", "ow.ly", "is.gd", "buff.ly", "tiny.cc", "shorturl.at",
	"rebrand.ly", "cutt.ly", "bl.ink", "rb.gy", "adf.ly", "j.mp", "dlvr.it", "ift.tt", "su.pr",
	"v.gd", "x.co", "po.st", "qr.ae", "t.ly", "lnkd.in", "shorte.st", "bc.vc", "tr.im",
	"cli.gs", "snipurl.com", "budurl.com", "mcaf.ee", "soo.gd", "s.id", "2.gp", "urlz.fr",
	NULL,
};

/* Services whose business is sending DMs on someone's behalf. */
static const char *const services[] = {
	"truetwit.com", "socialoomph.com", "tweetlater.com", "crowdfireapp.com", "justunfollow.com",
	"tweetadder.com", "socialtoo.com", NULL,
};

/* Fixed texts of those services, normalized. */
static const char *const service_texts[] = {
	"uses truetwit validation service", NULL,
};

/* Links that are the platform's own: shared tweets and attachments. */
static const char *const own_hosts[] = {
	"twitter.com", "x.com", "mobile.twitter.com", "pic.twitter.com", "ton.twitter.com",
	"pbs.twimg.com", "video.twimg.com", "pic.x.com", NULL,
};

static bool host_in(const char *host, const char *const *list)
{
	size_t hl = strlen(host);
	for (size_t i = 0; list[i]; i++) {
		size_t l = strlen(list[i]);
		/* the domain itself or any subdomain of it */
		if (hl >= l && !strcasecmp(host + hl - l, list[i]) &&
		    (hl == l || host[hl - l - 1] == '.'))
			return true;
	}
	return false;
}

/* The host of a URL, lower case, without "www." */
static void url_host(const char *u, size_t n, char host[128])
{
	const char *p = memmem(u, n, "://", 3);
	size_t i = p ? (size_t)(p - u) + 3 : 0, k = 0;
	if (n - i >= 4 && !strncasecmp(u + i, "www.", 4))
		i += 4;
	while (i < n && k < 127 && !strchr("/?#:", u[i])) {
		char c = u[i++];
		host[k++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
	}
	host[k] = 0;
}

/* ------------------------------------------------------------ templates */

static uint32_t tmpl_get(struct am *a, uint64_t h, int64_t msg_id)
{
	uint32_t idx = (uint32_t)a->nt;
	if (!u64map_put(&a->map, h, &idx))
		return idx;
	ALLOC_GROW(a->t, a->nt + 1, a->at);
	struct am_tmpl *t = &a->t[a->nt];
	t->hash = h;
	t->text = NULL;
	t->shown = NULL;
	t->example = msg_id;
	t->sig = NO_SIG;
	t->cluster = (uint32_t)a->nt;
	return (uint32_t)a->nt++;
}

/* ------------------------------------------------------------ loading */

static int cmp_i64(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return a < b ? -1 : a > b;
}

static bool has_id(const int64_t *v, size_t n, int64_t id)
{
	return n && bsearch(&id, v, n, sizeof(*v), cmp_i64);
}

static int load_follow(struct report_ctx *ctx, const char *dir, int64_t **out, size_t *n,
		       struct err *err)
{
	sqlite3_stmt *st;
	char sql[400];
	size_t alloc = 0;
	snprintf(sql, sizeof(sql),
		 "SELECT account_id FROM follow WHERE direction = '%s' AND snapshot_id = "
		 "(SELECT id FROM snapshot WHERE has_%s ORDER BY generated_at DESC, id DESC LIMIT 1)",
		 dir, !strcmp(dir, "follower") ? "followers" : "following");
	if (store_prepare(ctx->store, sql, &st, err))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		ALLOC_GROW(*out, *n + 1, alloc);
		(*out)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (*n)
		qsort(*out, *n, sizeof(**out), cmp_i64);
	return 0;
}

/* Normalized handle and name of an account, as {name} candidates. */
static void add_names(struct report_ctx *ctx, sqlite3_stmt *st, int64_t id, struct buf *nb,
		      size_t *offs, size_t *n)
{
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		for (int col = 0; col < 2; col++) {
			const char *s = (const char *)sqlite3_column_text(st, col);
			if (!s || !*s || *n >= 8)
				continue;
			offs[(*n)++] = nb->len;
			text_normalize(s, strlen(s), nb);
			buf_addc(nb, 0);
			/* a display name's first word is how merge fields greet */
			const char *sp = strchr(s, ' ');
			if (col == 1 && sp && *n < 8) {
				offs[(*n)++] = nb->len;
				text_normalize(s, (size_t)(sp - s), nb);
				buf_addc(nb, 0);
			}
		}
	}
	sqlite3_reset(st);
	(void)ctx;
}

/*
 * A domain written to slip past link filters: "site .com", "site dot com",
 * "site[.]com", "site (.) net". Real links are slots already; these are not.
 */
static bool obfuscated_link(const char *norm)
{
	/* not ". ": "at home. Me too" is a sentence, not a domain */
	static const char *const dots[] = { " . ", " .", " dot ", "[.]", "(.)", " [.] ", " (.) ",
					    "[dot]", "(dot)", " [dot] ", " (dot) ", "[точка]",
					    " точка ", NULL };
	static const char *const tlds[] = { "com", "net", "org", "io", "xyz", "top", "vip", "fun",
					    "site", "online", "club", "info", "biz", "ru", "cc",
					    "app", "live", "shop", "store", "link", "nl", "br", "ua", "uk",
					    "tk", NULL };
	for (const char *p = norm; *p; p++) {
		/* every form starts with a space or a bracket right after a letter or digit */
		if ((*p != ' ' && *p != '[' && *p != '(') || p == norm ||
		    !((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= '0' && p[-1] <= '9')))
			continue;
		for (size_t i = 0; dots[i]; i++) {
			size_t dl = strlen(dots[i]);
			if (strncmp(p, dots[i], dl))
				continue;
			for (size_t k = 0; tlds[k]; k++) {
				size_t tl = strlen(tlds[k]);
				const char *q = p + dl;
				if (!strncmp(q, tlds[k], tl) &&
				    !((q[tl] >= 'a' && q[tl] <= 'z') || (q[tl] >= '0' && q[tl] <= '9')))
					return true;
			}
		}
	}
	return false;
}

/*
 * A link to another site whose path or subdomains name the platform
 * ("site.example/x/twitter.com.html", "twitter.com.site.example"): bait
 * dressed up as a tweet or a login page.
 */
static bool disguised(const char *u, size_t n, const char *host)
{
	static const char *const names[] = { "twitter.com", "twitter-", "/x.com/", NULL };
	const char *path = memmem(u, n, "://", 3);
	path = path ? path + 3 : u;
	for (size_t i = 0; names[i]; i++) {
		size_t l = strlen(names[i]);
		if (memmem(path, n - (size_t)(path - u), names[i], l))
			return true;
	}
	(void)host;
	return false;
}

/* Link flags of a message from its expanded URLs (space-separated). */
static unsigned link_flags(const char *urls, const struct text_slots *f, size_t ntok,
			   const char *norm)
{
	unsigned fl = 0, links = 0;
	if (urls && *urls) {
		const char *p = urls;
		while (*p) {
			while (*p == ' ')
				p++;
			size_t n = strcspn(p, " ");
			if (!n)
				break;
			char host[128];
			url_host(p, n, host);
			if (!host_in(host, own_hosts)) {
				links++;
				/* a link that hides where it goes, or dresses up as the platform */
				if (host_in(host, shorteners) || disguised(p, n, host))
					fl |= M_SHORTENER;
				if (host_in(host, services))
					fl |= M_SERVICE;
			}
			p += n;
		}
	} else {
		links = f->url;
	}
	for (size_t i = 0; service_texts[i]; i++)
		if (strstr(norm, service_texts[i]))
			fl |= M_SERVICE;
	if (!links && obfuscated_link(norm))
		links = 1;
	if (links) {
		fl |= M_LINK;
		if (ntok - f->url <= AUTODM_LINK_ONLY_WORDS)
			fl |= M_LINK_ONLY;
	}
	return fl;
}

static int load(struct report_ctx *ctx, struct am *a, struct err *err)
{
	sqlite3_stmt *st = NULL, *names = NULL;
	struct buf conv = BUF_INIT, norm = BUF_INIT, slotted = BUF_INIT, nb = BUF_INIT;
	struct buf last_owner = BUF_INIT, full_name = BUF_INIT;
	size_t offs[16], nnames = 0, owner_names = 0;
	const char *namev[16];
	bool cp_written = false, owner_written = false;
	int rc = -1;

	if (load_follow(ctx, "following", &a->following, &a->nfollowing, err) ||
	    load_follow(ctx, "follower", &a->followers, &a->nfollowers, err))
		goto out;
	if (store_prepare(ctx->store, "SELECT handle, name FROM account WHERE id = ?", &names, err))
		goto out;
	add_names(ctx, names, ctx->owner, &nb, offs, &owner_names);
	/* the owner's full name, as a mail merge fills it: "Dear Keith Frankish" */
	for (size_t i = 0; i < owner_names; i++) {
		const char *nm = nb.s + offs[i];
		if (strchr(nm, ' ') && strlen(nm) >= 6 && !full_name.len)
			buf_adds(&full_name, nm);
	}
	tmpl_get(a, 0, 0);   /* template 0 stands for texts never compared */
	if (store_prepare(ctx->store,
			  /* conversations outside, their messages by index inside: half
			   * the work of looking up each message's conversation */
			  "SELECT m.id, m.conversation_id, m.sender_id, m.created_at, m.text, m.kind,"
			  " c.counterpart_id, CASE WHEN m.url_count > 0 THEN"
			  " (SELECT group_concat(coalesce(u.expanded, u.url), ' ')"
			  " FROM message_url u WHERE u.message_id = m.id) END"
			  " FROM conversation c CROSS JOIN message m ON m.conversation_id = c.id"
			  " WHERE c.kind = 'dm' AND c.counterpart_id IS NOT NULL"
			  " AND c.counterpart_id <> ?1"
			  " ORDER BY c.id, m.created_at, m.id", &st, err))
		goto out;
	sqlite3_bind_int64(st, 1, ctx->owner);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const char *cid = (const char *)sqlite3_column_text(st, 1);
		int64_t sender = sqlite3_column_int64(st, 2);
		const char *txt = (const char *)sqlite3_column_text(st, 4);
		size_t tlen = (size_t)sqlite3_column_bytes(st, 4);
		const char *kind = (const char *)sqlite3_column_text(st, 5);
		int64_t cp = sqlite3_column_int64(st, 6);
		const char *urls = (const char *)sqlite3_column_text(st, 7);

		if (!cid || strcmp(cid, conv.s)) {   /* a new conversation */
			buf_reset(&conv);
			buf_adds(&conv, cid ? cid : "");
			ALLOC_GROW(a->c, a->nc + 1, a->ac);
			a->c[a->nc].cp = cp;
			a->c[a->nc].first = (uint32_t)a->nm;
			a->c[a->nc].n = 0;
			a->nc++;
			cp_written = owner_written = false;
			buf_reset(&last_owner);
			buf_setlen(&nb, owner_names ? offs[owner_names - 1] +
				   strlen(nb.s + offs[owner_names - 1]) + 1 : 0);
			nnames = owner_names;
			add_names(ctx, names, cp, &nb, offs, &nnames);
			for (size_t i = 0; i < nnames; i++)
				namev[i] = nb.s + offs[i];
		}
		bool owner = sender == ctx->owner;
		bool opening = owner ? !cp_written : !owner_written;
		if (owner)
			owner_written = true;
		else
			cp_written = true;

		if (owner) {
			/* a bot that answers commands repeats them: keep the last one, as written */
			buf_reset(&last_owner);
			buf_add(&last_owner, txt ? txt : "", txt ? tlen : 0);
		}
		if (owner && !opening) {
			/* the owner's replies are only counted, never compared */
			ALLOC_GROW(a->m, a->nm + 1, a->am_);
			a->m[a->nm] = (struct am_msg){ .id = id, .at = sqlite3_column_int64(st, 3),
						       .conv = (uint32_t)a->nc - 1, .flags = M_OWNER };
			a->nm++;
			a->c[a->nc - 1].n++;
			continue;
		}
		buf_reset(&norm);
		buf_reset(&slotted);
		text_normalize(txt ? txt : "", txt ? tlen : 0, &norm);
		struct text_slots f;
		/* merge fields name the recipient; bots also sign with the sender's name */
		if (owner)
			text_slot(norm.s, namev + owner_names, nnames - owner_names, &slotted, &f);
		else
			text_slot(norm.s, namev, nnames, &slotted, &f);
		size_t ntok = text_tokens(slotted.s);
		uint32_t ti = tmpl_get(a, text_hash(slotted.s, slotted.len), id);
		struct am_tmpl *t = &a->t[ti];
		if (opening && !t->text) {
			t->text = xstrdup(slotted.s);
			if (ntok >= AUTODM_MIN_TOKENS) {
				ALLOC_GROW(a->sigs, (a->ns + 1) * TEXT_MINHASH_K, a->as);
				a->sig_tmpl = xrealloc(a->sig_tmpl, (a->ns + 1) * sizeof(uint32_t));
				text_minhash(slotted.s, a->sigs + a->ns * TEXT_MINHASH_K);
				a->sig_tmpl[a->ns] = ti;
				t->sig = (uint32_t)a->ns++;
			}
		}
		unsigned fl = link_flags(urls, &f, ntok, norm.s) | lexicon_flags(norm.s, norm.len);
		if (!owner && txt && last_owner.len >= AUTODM_ECHO_BYTES && tlen > last_owner.len &&
		    memmem(txt, tlen, last_owner.s, last_owner.len))
			fl |= M_ECHO;
		if (!owner && opening && full_name.len) {
			const char *at = strstr(norm.s, full_name.s);
			if (at && at - norm.s <= AUTODM_MERGE_WITHIN)
				fl |= M_MERGE;
		}
		if (owner)
			fl |= M_OWNER;
		if (opening)
			fl |= M_OPENING;
		if (kind && !strcmp(kind, "welcome"))
			fl |= M_WELCOME;
		if (f.user || f.email)
			fl |= M_RICH;
		size_t slots = f.url + f.email + f.user + f.num + f.name;
		if (ntok >= AUTODM_MIN_TOKENS + slots)
			fl |= M_WORDY;
		if (ntok >= AUTODM_LONG_WORDS + slots)
			fl |= M_LONG;
		ALLOC_GROW(a->m, a->nm + 1, a->am_);
		a->m[a->nm].id = id;
		a->m[a->nm].at = sqlite3_column_int64(st, 3);
		a->m[a->nm].conv = (uint32_t)a->nc - 1;
		a->m[a->nm].tmpl = ti;
		a->m[a->nm].ntok = (uint16_t)(ntok > 65535 ? 65535 : ntok);
		a->m[a->nm].flags = fl;
		a->nm++;
		a->c[a->nc - 1].n++;
	}
	if (step != SQLITE_DONE) {
		store_fail(ctx->store, err, "reading messages");
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	sqlite3_finalize(names);
	buf_release(&conv);
	buf_release(&norm);
	buf_release(&slotted);
	buf_release(&nb);
	buf_release(&last_owner);
	buf_release(&full_name);
	return rc;
}

static void am_release(struct am *a)
{
	for (size_t i = 0; i < a->nt; i++) {
		free(a->t[i].text);
		free(a->t[i].shown);
	}
	free(a->m);
	free(a->c);
	free(a->t);
	u64map_release(&a->map);
	free(a->sigs);
	free(a->sig_tmpl);
	free(a->following);
	free(a->followers);
}

/* ------------------------------------------------------------ grouping */

static void cluster_templates(struct am *a)
{
	if (!a->ns)
		return;
	uint32_t *cl = xmalloc(a->ns * sizeof(*cl));
	text_cluster(a->sigs, a->ns, TEXT_NEAR_DUP, cl);
	for (size_t i = 0; i < a->ns; i++)
		a->t[a->sig_tmpl[i]].cluster = a->sig_tmpl[cl[i]];
	free(cl);
}

struct pair {
	uint32_t cluster;
	int64_t account;
};

static int cmp_pair(const void *x, const void *y)
{
	const struct pair *a = x, *b = y;
	if (a->cluster != b->cluster)
		return a->cluster < b->cluster ? -1 : 1;
	return a->account < b->account ? -1 : a->account > b->account;
}

/* Distinct accounts per cluster, over opening messages from one side. */
static uint32_t *distinct_accounts(struct am *a, bool owner_side, unsigned need,
				   uint32_t **followers_out)
{
	struct pair *p = NULL;
	size_t n = 0, alloc = 0;
	for (size_t i = 0; i < a->nm; i++) {
		const struct am_msg *m = &a->m[i];
		if (!(m->flags & M_OPENING) || !!(m->flags & M_OWNER) != owner_side ||
		    (m->flags & need) != need)
			continue;
		ALLOC_GROW(p, n + 1, alloc);
		p[n].cluster = a->t[m->tmpl].cluster;
		p[n].account = a->c[m->conv].cp;
		n++;
	}
	uint32_t *count = xcalloc(a->nt ? a->nt : 1, sizeof(*count));
	uint32_t *fol = followers_out ? xcalloc(a->nt ? a->nt : 1, sizeof(*fol)) : NULL;
	if (n)
		qsort(p, n, sizeof(*p), cmp_pair);
	for (size_t i = 0; i < n; i++) {
		if (i && !cmp_pair(&p[i], &p[i - 1]))
			continue;
		count[p[i].cluster]++;
		if (fol && has_id(a->followers, a->nfollowers, p[i].account))
			fol[p[i].cluster]++;
	}
	free(p);
	if (followers_out)
		*followers_out = fol;
	return count;
}

/* ------------------------------------------------------------ display */

/*
 * The template as people read it: an example message's text with its case,
 * slotted; word positions where the cluster's members differ become {name}
 * (merge fields in auto-DMs are names).
 */
static char *display_template(struct report_ctx *ctx, struct am *a, uint32_t cluster)
{
	struct am_tmpl *rep = &a->t[cluster];
	if (rep->shown)
		return xstrdup(rep->shown);
	struct buf raw = BUF_INIT, shown = BUF_INIT, out = BUF_INIT, nb = BUF_INIT;
	sqlite3_stmt *st, *names;
	struct err e = ERR_INIT;
	size_t offs[16], nnames = 0;
	const char *namev[16];
	if (store_prepare(ctx->store, "SELECT m.text, m.sender_id, c.counterpart_id FROM message m"
			  " JOIN conversation c ON c.id = m.conversation_id WHERE m.id = ?", &st, &e) == 0) {
		sqlite3_bind_int64(st, 1, rep->example);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
			text_normalize_keep_case((const char *)sqlite3_column_text(st, 0),
						 (size_t)sqlite3_column_bytes(st, 0), &raw);
			/* the same names as when the template was made (load) */
			if (store_prepare(ctx->store, "SELECT handle, name FROM account WHERE id = ?",
					  &names, &e) == 0) {
				if (sqlite3_column_int64(st, 1) != ctx->owner)
					add_names(ctx, names, ctx->owner, &nb, offs, &nnames);
				add_names(ctx, names, sqlite3_column_int64(st, 2), &nb, offs, &nnames);
				sqlite3_finalize(names);
			}
		}
		sqlite3_finalize(st);
	}
	for (size_t i = 0; i < nnames; i++)
		namev[i] = nb.s + offs[i];
	text_slot(raw.s, namev, nnames, &shown, NULL);
	buf_release(&nb);

	/* mark the positions where members of the same length differ */
	const char *base = rep->text ? rep->text : "";
	size_t nw = 1;
	for (const char *p = base; *p; p++)
		nw += *p == ' ';
	size_t sw = 1;
	for (const char *p = shown.s; *p; p++)
		sw += *p == ' ';
	bool *diff = xcalloc(nw, sizeof(*diff));
	bool *one = xcalloc(nw, sizeof(*one));
	size_t compared = 0;
	for (size_t i = 0; i < a->nt && compared < 50 && sw == nw; i++) {
		if (a->t[i].cluster != cluster || i == cluster || !a->t[i].text)
			continue;
		const char *x = base, *y = a->t[i].text;
		size_t yn = 1;
		for (const char *p = y; *p; p++)
			yn += *p == ' ';
		if (yn != nw)
			continue;
		/* only members that differ in a few words show where the fields are */
		size_t ndiff = 0;
		for (size_t w = 0; w < nw; w++) {
			size_t lx = strcspn(x, " "), ly = strcspn(y, " ");
			one[w] = lx != ly || memcmp(x, y, lx);
			ndiff += one[w];
			x += lx + (x[lx] == ' ');
			y += ly + (y[ly] == ' ');
		}
		if (ndiff > (nw / 4 > 1 ? nw / 4 : 1))
			continue;
		compared++;
		for (size_t w = 0; w < nw; w++)
			diff[w] |= one[w];
	}
	free(one);
	/* two texts differing in a word do not make a merge field; three do */
	if (compared < 2)
		memset(diff, 0, nw * sizeof(*diff));
	const char *p = shown.s;
	for (size_t w = 0; w < sw; w++) {
		size_t l = strcspn(p, " ");
		if (w)
			buf_addc(&out, ' ');
		if (sw == nw && diff[w]) {
			/* keep punctuation glued to the word: "Sarah!" -> "{name}!" */
			size_t k = l;
			while (k && strchr(",.!?:;)", p[k - 1]))
				k--;
			buf_adds(&out, "{name}");
			buf_add(&out, p + k, l - k);
		} else {
			buf_add(&out, p, l);
		}
		p += l + (p[l] == ' ');
	}
	free(diff);
	buf_release(&raw);
	buf_release(&shown);
	rep->shown = buf_detach(&out);
	return xstrdup(rep->shown);
}

/* ------------------------------------------------------------ judging */

struct feat {
	int64_t cp;
	uint32_t conv;
	uint32_t cp_msgs, owner_msgs, welcome, opening_links, resends, resends_link, answers;
	uint32_t resends_apart;  /* wordy texts sent again an hour or more later */
	uint32_t bait;           /* link bait out of the blue */
	uint32_t scam_bait;      /* … with the words of scam bait */
	uint32_t echoes;         /* messages repeating the owner's last one in a frame */
	uint32_t campaign_others, campaign_cluster, max_repeat;
	bool cp_first, service, first_link, first_link_only, shortener, owner_replied, rich;
	bool regular;
	bool formula, footer, scam, promo, notice, contact; /* lexicon, in what it sent */
	bool merge;          /* greeted with the owner's full name */
	bool wordy;          /* the campaign template has words besides its slots */
	bool long_text;      /* … and is longer than a customer's usual question */
	int64_t first_at, last_at;
	double s;
};

/* The verdicts on a sum of weights; sums of tenths are not exact in binary. */
static bool is_auto_sum(double s)
{
	return s >= AUTODM_AUTO_AT - 1e-9;
}

static bool is_certain_sum(double s)
{
	return s >= AUTODM_CERTAIN_AT - 1e-9;
}

static uint32_t key_of(const struct am *a, const struct am_msg *m)
{
	return a->t[m->tmpl].cluster;
}

static void conv_features(struct am *a, uint32_t ci, const uint32_t *in_senders,
			  const uint32_t *in_linkers, struct feat *f)
{
	const struct am_conv *c = &a->c[ci];
	const struct am_msg *ms = a->m + c->first;
	uint32_t run[AUTODM_RESEND_WINDOW], nrun = 0, opening_keys[AUTODM_RESEND_WINDOW];
	int64_t run_at[AUTODM_RESEND_WINDOW];
	uint32_t nopen = 0, run_repeat = 0;
	bool run_link[AUTODM_RESEND_WINDOW];
	int64_t open_at[64];
	size_t nopen_at = 0;
	bool owner_seen = false, blue_run = false;

	memset(f, 0, sizeof(*f));
	f->cp = c->cp;
	f->conv = ci;
	f->cp_first = c->n && !(ms[0].flags & M_OWNER);
	for (uint32_t i = 0; i < c->n; i++) {
		const struct am_msg *m = &ms[i];
		if (m->flags & M_OWNER) {
			f->owner_msgs++;
			if (f->cp_msgs)
				f->owner_replied = true;
			owner_seen = true;
			blue_run = false;
			nrun = 0;
			run_repeat = 0;
			continue;
		}
		uint32_t key = key_of(a, m);
		if (!f->cp_msgs) {
			f->first_at = m->at;
			f->first_link = m->flags & M_LINK;
			f->first_link_only = m->flags & M_LINK_ONLY;
		}
		f->last_at = m->at;
		f->cp_msgs++;
		if (m->flags & M_WELCOME)
			f->welcome++;
		if (m->flags & M_SERVICE)
			f->service = true;
		if (m->flags & M_SHORTENER)
			f->shortener = true;
		/* a tool's signature or a service notice counts wherever it comes */
		f->footer |= (m->flags & M_FOOTER) != 0;
		f->notice |= (m->flags & M_NOTICE) != 0;
		if (m->flags & M_OPENING) {
			/* the pitch counts in what was sent before any answer */
			f->formula |= (m->flags & M_FORMULA) != 0;
			f->scam |= (m->flags & M_SCAM) != 0;
			f->promo |= (m->flags & M_PROMO) != 0;
			f->contact |= (m->flags & M_CONTACT) != 0;
			f->merge |= (m->flags & M_MERGE) != 0;
			if (m->flags & M_LINK)
				f->opening_links++;
			if (nopen_at < 64)
				open_at[nopen_at++] = m->at;
			if (nopen < AUTODM_RESEND_WINDOW)
				opening_keys[nopen++] = key;
			if (m->ntok >= AUTODM_MIN_TOKENS || (m->flags & M_RICH)) {
				uint32_t others = in_senders[key] ? in_senders[key] - 1 : 0;
				/* a link counts when the template's copies carry it, not
				 * when a few senders of a common question added one */
				bool rich = (m->flags & M_LINK) && in_linkers[key] >= 2 &&
					    in_linkers[key] >= AUTODM_CAMPAIGN_LINKED * in_senders[key];
				/* a rich shared template outranks a plain one with more senders */
				if (others >= AUTODM_CAMPAIGN_OTHERS &&
				    (rich > f->rich || (rich == f->rich && others > f->campaign_others))) {
					f->campaign_others = others;
					f->campaign_cluster = key;
					f->rich = rich;
					f->wordy = (m->flags & M_WORDY) != 0;
					f->long_text = (m->flags & M_LONG) != 0;
				}
			}
		}
		/* resends: the same template again within the run, before an answer */
		bool repeat = false, repeat_link = false, apart = false;
		for (uint32_t j = 0; j < nrun; j++)
			if (run[j] == key) {
				repeat = true;
				repeat_link |= run_link[j] && (m->flags & M_LINK);
				/* a client sends a double at once; software sends again later */
				apart |= m->at - run_at[j] >= AUTODM_RESEND_APART_MS;
			}
		if (repeat && apart && (m->flags & M_WORDY))
			f->resends_apart++;
		/* bare links are not "the same text": only a text with words is resent */
		if (repeat && (m->flags & M_WORDY)) {
			if (repeat_link)
				f->resends_link++;
			else
				f->resends++;
			if (++run_repeat + 1 > f->max_repeat)
				f->max_repeat = run_repeat + 1;
		}
		if (nrun < AUTODM_RESEND_WINDOW) {
			run_link[nrun] = (m->flags & M_LINK) != 0;
			run_at[nrun] = m->at;
			run[nrun++] = key;
		}
		/*
		 * Bait with a link out of the blue (first, or after a week of
		 * silence, or later in such a run before the owner answers) is
		 * what a hijacked or automated account sends, even one that talks
		 * with the owner at other times; it is no answer.
		 */
		blue_run |= i == 0 || m->at - ms[i - 1].at >= AUTODM_OUT_OF_BLUE_MS;
		bool blue = blue_run;
		bool bait = (m->flags & M_LINK) && (m->flags & (M_SCAM | M_NOTICE)) && blue;
		if (bait)
			f->bait++;
		if (bait && (m->flags & M_SCAM))
			f->scam_bait++;
		if (m->flags & M_ECHO)
			f->echoes++;
		/* an answer to the owner with text the sender had not sent before */
		if (owner_seen && !bait && !(m->flags & M_WELCOME)) {
			bool old = false;
			for (uint32_t j = 0; j < nopen; j++)
				if (opening_keys[j] == key)
					old = true;
			if (!old && !repeat)
				f->answers++;
		}
	}
	if (nopen_at >= AUTODM_REGULAR_MIN) {
		double sum = 0, sq = 0;
		size_t k = nopen_at - 1;
		for (size_t i = 1; i < nopen_at; i++) {
			double d = (double)(open_at[i] - open_at[i - 1]);
			sum += d;
			sq += d * d;
		}
		double mean = sum / (double)k, var = sq / (double)k - mean * mean;
		f->regular = mean > 0 && sqrt(var > 0 ? var : 0) / mean < AUTODM_REGULAR_CV;
	}
}

static void merge_features(struct feat *to, const struct feat *f)
{
	to->cp_msgs += f->cp_msgs;
	to->owner_msgs += f->owner_msgs;
	to->welcome += f->welcome;
	to->opening_links += f->opening_links;
	to->resends += f->resends;
	to->resends_link += f->resends_link;
	to->resends_apart += f->resends_apart;
	to->bait += f->bait;
	to->scam_bait += f->scam_bait;
	to->echoes += f->echoes;
	to->answers += f->answers;
	if (f->max_repeat > to->max_repeat)
		to->max_repeat = f->max_repeat;
	if (f->campaign_others > to->campaign_others || (f->rich && !to->rich)) {
		to->campaign_others = f->campaign_others;
		to->campaign_cluster = f->campaign_cluster;
		to->rich = f->rich;
		to->wordy = f->wordy;
		to->long_text = f->long_text;
	}
	to->cp_first |= f->cp_first;
	to->service |= f->service;
	to->formula |= f->formula;
	to->footer |= f->footer;
	to->scam |= f->scam;
	to->promo |= f->promo;
	to->notice |= f->notice;
	to->contact |= f->contact;
	to->merge |= f->merge;
	to->shortener |= f->shortener;
	to->owner_replied |= f->owner_replied;
	to->regular |= f->regular;
	if (f->first_at && (!to->first_at || f->first_at < to->first_at)) {
		to->first_at = f->first_at;
		to->first_link = f->first_link;
		to->first_link_only = f->first_link_only;
	}
	if (f->last_at > to->last_at)
		to->last_at = f->last_at;
}

static void evidence(json_t *ev, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void evidence(json_t *ev, const char *fmt, ...)
{
	char s[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s, sizeof(s), fmt, ap);
	va_end(ap);
	json_array_append_new(ev, json_string(s));
}

/* Score one counterpart: fills f->s and the evidence, returns the kind guess. */
static const char *judge(struct report_ctx *ctx, struct am *a, struct feat *f, json_t *ev,
			 char **tmpl_shown)
{
	double s = 0;
	bool followed = has_id(a->following, a->nfollowing, f->cp);
	bool unanswered = f->cp_first && !f->owner_msgs;
	const char *kind = "person";

	*tmpl_shown = NULL;
	if (f->welcome) {
		s += AUTODM_W_WELCOME;
		kind = "welcome";
		evidence(ev, "%u welcome message%s (welcomeMessageCreate): a business's automated "
			 "greeting", f->welcome, f->welcome == 1 ? "" : "s");
	}
	if (f->service) {
		s += AUTODM_W_SERVICE;
		kind = "validation";
		evidence(ev, "text or link of a known auto-DM service (follower validation)");
	}
	if (f->campaign_others >= AUTODM_CAMPAIGN_OTHERS && f->cp_first) {
		*tmpl_shown = display_template(ctx, a, f->campaign_cluster);
		if (f->rich) {
			s += AUTODM_W_CAMPAIGN;
			if (!strcmp(kind, "person"))
				kind = "campaign";
			evidence(ev, "the same template, link included, came from %u other account%s: "
				 "\"%.200s\"", f->campaign_others, f->campaign_others == 1 ? "" : "s",
				 *tmpl_shown);
		} else {
			/* two people may say the same; three or more accounts are a campaign */
			/*
			 * Customers ask a business the same questions ("Can I change
			 * the address of my order?"), and stop once answered: plain
			 * words shared by many count when the text is long and the
			 * owner never answered it.
			 */
			bool many = f->campaign_others >= AUTODM_CAMPAIGN_MANY && f->wordy &&
				    f->long_text && unanswered;
			s += many ? AUTODM_W_CAMPAIGN_MANY : AUTODM_W_CAMPAIGN_PLAIN;
			if (many && !strcmp(kind, "person"))
				kind = "campaign";
			evidence(ev, "the same words came from %u other account%s: \"%.200s\"",
				 f->campaign_others, f->campaign_others == 1 ? "" : "s", *tmpl_shown);
		}
	}
	if (f->footer) {
		s += AUTODM_W_FOOTER;
		if (!strcmp(kind, "person"))
			kind = "app";
		evidence(ev, "a message carries an auto-DM tool's signature or says it is automated");
	}
	if (f->bait) {
		/* scam words with a link out of the blue outweigh any conversation */
		s += f->scam_bait ? AUTODM_W_SCAM_BAIT : AUTODM_W_BAIT;
		if (!strcmp(kind, "person"))
			kind = "spam";
		evidence(ev, "%u message%s of link bait out of the blue (scam words or an app's "
			 "invitation), as hijacked and automated accounts send", f->bait,
			 f->bait == 1 ? "" : "s");
	}
	if (f->echoes >= AUTODM_ECHO_MIN) {
		s += AUTODM_W_ECHO;
		if (!strcmp(kind, "person"))
			kind = "bot";
		evidence(ev, "%u answers repeat your own message inside a fixed frame, as command "
			 "bots do", f->echoes);
	}
	if (f->cp_first && f->formula) {
		s += AUTODM_W_FORMULA;
		evidence(ev, "opens with a thanks-for-following formula");
	}
	if (f->cp_first && f->scam) {
		s += AUTODM_W_SCAM;
		if (!strcmp(kind, "person"))
			kind = "scam";
		evidence(ev, "opens with the words of scam bait (prizes, investments, romance "
			 "openers, phishing hooks)");
	}
	if (f->cp_first && f->promo) {
		s += AUTODM_W_PROMO;
		evidence(ev, "opens with a pitch (visit, like, subscribe, download)");
	}
	if (f->notice) {
		s += AUTODM_W_NOTICE;
		evidence(ev, "reads as a service's notice or an app's invitation");
	}
	if (f->cp_first && f->merge) {
		s += AUTODM_W_MERGE;
		evidence(ev, "greets you with your full name, as a mail merge does");
	}
	if (f->cp_first && f->contact) {
		s += AUTODM_W_CONTACT;
		evidence(ev, "asks to move to another messenger");
	}
	if (f->resends_link || f->resends) {
		s += f->resends_link	 ? AUTODM_W_RESEND_LINK
		     : f->resends_apart ? AUTODM_W_RESEND_APART
					 : AUTODM_W_RESEND;
		evidence(ev, "same text sent %u times without a reply", f->max_repeat);
	}
	if (f->cp_first && f->first_link) {
		s += AUTODM_W_FIRST_LINK;
		evidence(ev, "first contact opens with a link");
		if (f->first_link_only) {
			s += AUTODM_W_LINK_ONLY;
			evidence(ev, "the link comes with hardly any words");
		}
	}
	if (f->shortener) {
		s += AUTODM_W_SHORTENER;
		evidence(ev, "a link shortener hides where the link goes");
	}
	if (f->cp_first && f->opening_links >= 2) {
		s += AUTODM_W_LINK_RUN;
		evidence(ev, "%u links sent before any answer", f->opening_links);
	}
	if (unanswered) {
		s += AUTODM_W_UNANSWERED;
		evidence(ev, "wrote first; you never answered");
	}
	if (f->owner_replied && !f->answers && !f->welcome) {
		s += AUTODM_W_DEAF;
		evidence(ev, "never answered after you replied");
	}
	/* a link alone from someone the owner follows is what friends send too */
	if (followed && f->cp_first &&
	    (f->rich || f->campaign_others || f->formula || f->promo)) {
		s += AUTODM_W_FOLLOWED;
		evidence(ev, "you follow this account and it wrote first: the auto-DM-to-new-followers "
			 "pattern");
	}
	if (f->regular) {
		s += AUTODM_W_REGULAR;
		evidence(ev, "messages at near-constant intervals");
	}
	if (f->answers) {
		s += AUTODM_W_CONVERSES;
		if (f->answers >= 3)
			s += AUTODM_W_CONVERSES_MORE;
		evidence(ev, "answered you %u time%s with new text, as people do", f->answers,
			 f->answers == 1 ? "" : "s");
	}
	if (!f->cp_first) {
		s += AUTODM_W_OWNER_FIRST;
		evidence(ev, "you wrote first");
	}
	/*
	 * Links alone (a first link, bare links, several links, no answer) are
	 * what friends share too: without a word of the text, a template, a
	 * service or a hidden destination behind them, they are not enough.
	 */
	bool content = f->welcome || f->service || f->footer || f->formula || f->scam || f->merge ||
		       f->promo || f->notice || f->contact || f->bait || f->echoes ||
		       f->campaign_others || f->resends || f->resends_link || f->shortener ||
		       f->regular;
	if (!content && s > AUTODM_LINKS_ALONE_MAX) {
		s = AUTODM_LINKS_ALONE_MAX;
		evidence(ev, "links alone, without words of a template, are not enough");
	}
	if (is_auto_sum(s) && !strcmp(kind, "person"))
		kind = followed ? "app" : "spam";
	f->s = s;
	return kind;
}

static int cmp_feat_cp(const void *x, const void *y)
{
	const struct feat *a = x, *b = y;
	return a->cp < b->cp ? -1 : a->cp > b->cp;
}

struct row {
	json_t *o;           /* the entry, or NULL once it is a row of text */
	size_t text_row;     /* its number in the rows, when it is */
	int64_t id;
	double score;
	bool is_auto;
};

static int cmp_row(const void *x, const void *y)
{
	const struct row *a = x, *b = y;
	if (a->is_auto != b->is_auto)
		return a->is_auto ? -1 : 1;
	if (a->score != b->score)
		return a->score < b->score ? 1 : -1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static json_t *inbound(struct report_ctx *ctx, struct am *a)
{
	uint32_t *in_senders = distinct_accounts(a, false, 0, NULL);
	uint32_t *in_linkers = distinct_accounts(a, false, M_LINK, NULL);
	struct feat *fs = xmalloc((a->nc ? a->nc : 1) * sizeof(*fs));
	size_t nf = 0;
	for (uint32_t ci = 0; ci < a->nc; ci++) {
		conv_features(a, ci, in_senders, in_linkers, &fs[nf]);
		if (fs[nf].cp_msgs)
			nf++;
	}
	if (nf)
		qsort(fs, nf, sizeof(*fs), cmp_feat_cp);
	struct row *rows = xmalloc((nf ? nf : 1) * sizeof(*rows));
	size_t nrows = 0;
	/*
	 * For JSON output each entry becomes a row of text at once (jrows.h):
	 * it is made on the heap and freed as soon as it is written.
	 */
	bool text = ctx->opts->rows;
	json_t *arr = text ? jrows_new() : json_array();
	struct jarena *arena = jarena_current();
	if (text)
		jarena_use(NULL);
	free(ctx->auto_ids);
	ctx->auto_ids = xcalloc(nf + 1, sizeof(int64_t));
	ctx->nauto = 0;
	free(ctx->likely_ids);
	ctx->likely_ids = xcalloc(nf + 1, sizeof(int64_t));
	ctx->nlikely = 0;
	for (size_t i = 0; i < nf;) {
		struct feat f = fs[i];
		size_t j = i + 1;
		for (; j < nf && fs[j].cp == f.cp; j++)
			merge_features(&f, &fs[j]);
		json_t *o = json_object(), *ev = json_array(), *ids = json_array();
		char *shown;
		const char *kind = judge(ctx, a, &f, ev, &shown);
		double score = f.s > 0 ? 1 - exp(-f.s) : 0;
		bool is_auto = is_auto_sum(f.s);
		json_object_set_new(o, "account_id", report_id(f.cp));
		json_object_set_new(o, "auto", json_boolean(is_auto));
		json_object_set_new(o, "score", json_real(round(score * 100) / 100));
		json_object_set_new(o, "messages", json_integer(f.cp_msgs));
		json_object_set_new(o, "evidence", ev);
		char *h = report_handle(ctx, f.cp);
		json_object_set_new(o, "handle", h ? json_string(h) : json_null());
		free(h);
		json_object_set_new(o, "kind", json_string(is_auto ? kind : "person"));
		/* calibrated on the labelled corpus (README): every sum >= 1.5 was automated */
		const char *confidence = !is_auto ? "unlikely"
					 : is_certain_sum(f.s) ? "near-certain" : "likely";
		json_object_set_new(o, "confidence", json_string(confidence));
		json_object_set_new(o, "signal", json_real(round(f.s * 100) / 100));
		json_object_set_new(o, "template", shown ? json_string(shown) : json_null());
		if (shown)
			json_object_set_new(o, "template_id", report_id(a->t[f.campaign_cluster].example));
		free(shown);
		for (size_t k = i; k < j && is_auto; k++) {
			const struct am_conv *c = &a->c[fs[k].conv];
			for (uint32_t m = 0; m < c->n && json_array_size(ids) < 20; m++)
				if (!(a->m[c->first + m].flags & M_OWNER))
					json_array_append_new(ids, report_id(a->m[c->first + m].id));
		}
		json_object_set_new(o, "message_ids", ids);
		json_object_set_new(o, "answered", json_boolean(f.owner_replied));
		json_object_set_new(o, "first_at", report_time(f.first_at));
		json_object_set_new(o, "last_at", report_time(f.last_at));
		rows[nrows] = (struct row){ o, 0, f.cp, round(score * 100) / 100, is_auto };
		if (text) {
			rows[nrows].text_row = jrows_add(arr, o);
			rows[nrows].o = NULL;
			json_decref(o);
		}
		if (is_auto && is_certain_sum(f.s))
			ctx->auto_ids[ctx->nauto++] = f.cp;
		else if (is_auto)
			ctx->likely_ids[ctx->nlikely++] = f.cp;
		nrows++;
		i = j;
	}
	jarena_use(arena);
	qsort(ctx->auto_ids, ctx->nauto, sizeof(int64_t), cmp_i64);
	qsort(ctx->likely_ids, ctx->nlikely, sizeof(int64_t), cmp_i64);
	if (nrows)
		qsort(rows, nrows, sizeof(*rows), cmp_row);
	if (text) {
		size_t *order = xmalloc((nrows ? nrows : 1) * sizeof(*order));
		for (size_t i = 0; i < nrows; i++)
			order[i] = rows[i].text_row;
		jrows_order(arr, order, nrows);
		free(order);
	} else {
		for (size_t i = 0; i < nrows; i++)
			json_array_append_new(arr, rows[i].o);
	}
	free(rows);
	free(fs);
	free(in_senders);
	free(in_linkers);
	return arr;
}

/* ------------------------------------------------------------ outbound */

struct out_msg {
	uint32_t cluster;
	uint32_t idx;
	int64_t at;
};

static int cmp_out(const void *x, const void *y)
{
	const struct out_msg *a = x, *b = y;
	if (a->cluster != b->cluster)
		return a->cluster < b->cluster ? -1 : 1;
	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int cmp_id_json(const void *x, const void *y)
{
	return cmp_i64(x, y);
}

static json_t *outbound(struct report_ctx *ctx, struct am *a)
{
	uint32_t *fol = NULL;
	uint32_t *recipients = distinct_accounts(a, true, 0, &fol);
	struct out_msg *om = NULL;
	size_t n = 0, alloc = 0;
	for (size_t i = 0; i < a->nm; i++) {
		const struct am_msg *m = &a->m[i];
		if ((m->flags & (M_OWNER | M_OPENING)) != (M_OWNER | M_OPENING))
			continue;
		uint32_t cl = a->t[m->tmpl].cluster;
		/* "Hi!" or a bare link opening a few chats over the years is no template */
		if (recipients[cl] < AUTODM_OUT_RECIPIENTS || !(m->flags & M_WORDY))
			continue;
		ALLOC_GROW(om, n + 1, alloc);
		om[n].cluster = cl;
		om[n].idx = (uint32_t)i;
		om[n].at = m->at;
		n++;
	}
	if (n)
		qsort(om, n, sizeof(*om), cmp_out);

	json_t *r = json_object(), *ids_j = json_array(), *tmpls = json_array();
	int64_t *ids = NULL;
	size_t nids = 0, aids = 0;
	for (size_t s = 0, e; s < n; s = e) {
		for (e = s; e < n && om[e].cluster == om[s].cluster; e++)
			;
		size_t burst = 0;
		for (size_t k = s; k < e; k++)
			if ((k > s && om[k].at - om[k - 1].at <= AUTODM_BURST_MS) ||
			    (k + 1 < e && om[k + 1].at - om[k].at <= AUTODM_BURST_MS))
				burst++;
		uint32_t cl = om[s].cluster;
		double fshare = (double)fol[cl] / recipients[cl];
		double bshare = (double)burst / (double)(e - s);
		/* pasted into several new conversations within weeks, or an app's invitation */
		bool close = om[e - 1].at - om[s].at <= AUTODM_OUT_SPAN_MS;
		bool pitch = false;
		for (size_t k = s; k < e && !pitch; k++)
			pitch = (a->m[om[k].idx].flags & (M_NOTICE | M_FOOTER)) != 0;
		if (fshare < AUTODM_OUT_SHARE && bshare < AUTODM_OUT_SHARE && !close && !pitch)
			continue;
		for (size_t k = s; k < e; k++) {
			ALLOC_GROW(ids, nids + 1, aids);
			ids[nids++] = a->m[om[k].idx].id;
		}
		json_t *t = json_object();
		char *shown = display_template(ctx, a, cl);
		json_object_set_new(t, "template", json_string(shown));
		free(shown);
		json_object_set_new(t, "messages", json_integer((json_int_t)(e - s)));
		json_object_set_new(t, "recipients", json_integer(recipients[cl]));
		json_object_set_new(t, "recipients_following_you", json_integer(fol[cl]));
		json_object_set_new(t, "messages_in_bursts", json_integer((json_int_t)burst));
		json_object_set_new(t, "first_sent", report_time(om[s].at));
		json_object_set_new(t, "last_sent", report_time(om[e - 1].at));
		json_object_set_new(t, "template_id", report_id(a->t[cl].example));
		json_array_append_new(tmpls, t);
	}
	if (nids)
		qsort(ids, nids, sizeof(*ids), cmp_id_json);
	for (size_t i = 0; i < nids; i++)
		json_array_append_new(ids_j, report_id(ids[i]));
	free(ids);
	free(om);
	free(recipients);
	free(fol);
	json_object_set_new(r, "auto_message_ids", ids_j);
	json_object_set_new(r, "templates", tmpls);
	return r;
}

static json_t *dm_apps(struct report_ctx *ctx, struct err *err)
{
	sqlite3_stmt *st;
	json_t *arr = json_array();
	if (store_prepare(ctx->store,
			  "SELECT id, name, organization FROM app WHERE snapshot_id = (SELECT id FROM "
			  "snapshot ORDER BY generated_at DESC, id DESC LIMIT 1) AND permissions LIKE "
			  "'%directmessages%' ORDER BY name", &st, err)) {
		json_decref(arr);
		return NULL;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		json_t *o = json_object();
		const char *name = (const char *)sqlite3_column_text(st, 1);
		const char *org = (const char *)sqlite3_column_text(st, 2);
		json_object_set_new(o, "app_id", report_id(sqlite3_column_int64(st, 0)));
		json_object_set_new(o, "name", name ? json_string(name) : json_null());
		json_object_set_new(o, "organization", org ? json_string(org) : json_null());
		json_array_append_new(arr, o);
	}
	sqlite3_finalize(st);
	return arr;
}

json_t *autodm_analyse(struct report_ctx *ctx, struct err *err)
{
	struct am a;
	json_t *r = NULL, *apps;
	/* one read transaction: a lock per handle lookup costs more than the lookup */
	bool own_txn = sqlite3_get_autocommit(ctx->store->db) &&
		       store_exec(ctx->store, "BEGIN", err) == 0;
	memset(&a, 0, sizeof(a));
	if (load(ctx, &a, err))
		goto out;
	cluster_templates(&a);
	if (!(apps = dm_apps(ctx, err)))
		goto out;
	r = json_object();
	json_object_set_new(r, "inbound", inbound(ctx, &a));
	json_object_set_new(r, "outbound", outbound(ctx, &a));
	json_object_set_new(r, "apps_with_dm_access", apps);
	json_object_set_new(r, "messages_read", json_integer((json_int_t)a.nm));
	json_object_set_new(r, "templates_compared", json_integer((json_int_t)a.ns));
out:
	am_release(&a);
	if (own_txn)
		store_exec(ctx->store, "COMMIT", NULL);
	return r;
}
