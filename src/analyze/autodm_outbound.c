/*
 * autodm_outbound: the owner's own opening templates, judged as auto-DMs
 * when pasted into many new conversations (autodm.h says when).
 */
#include "autodm_int.h"
#include "autodm_result.h"
#include "autodm.h"
#include "lexicon.h"
#include "text.h"
#include "timeutil.h"
#include "xalloc.h"

#include "exitcode.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* An owner's opening message of a template that opened enough conversations, or a bare link. */
struct out_msg {
	uint32_t cluster;
	uint32_t seq;        /* its number in load order */
	int64_t at, id;
	int64_t cp;          /* whom it opened a conversation with */
	uint32_t flags;
	bool wordy;          /* of a template that opened AUTODM_OUT_RECIPIENTS or more */
	bool burst;          /* a bare link in a hijacked account's burst (link_bursts) */
	bool dropped;        /* a link with words, sent into a running conversation */
	bool answered;       /* the counterpart wrote after it */
};

static int cmp_out(const void *x, const void *y)
{
	const struct out_msg *a = x, *b = y;
	if (a->cluster != b->cluster)
		return a->cluster < b->cluster ? -1 : 1;
	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* An automated message of the owner's, and when it was sent. */
struct sent {
	int64_t id, at;
};

static int cmp_sent(const void *x, const void *y)
{
	return am_cmp_i64(&((const struct sent *)x)->id, &((const struct sent *)y)->id);
}

#define BARE_LINK (M_OWNER | M_OPENING | M_LINK_ONLY | M_LINK)

/* Is the text no longer than a greeting: under AUTODM_OUT_MIN_KEYS keys,
 * a character of a wide script (CJK, Hangul) counting AUTODM_WIDE_KEYS? */
static bool greeting_size(const char *t)
{
	size_t keys = 0;
	for (const unsigned char *p = (const unsigned char *)t; p && *p; p++) {
		if (*p == ' ' || (*p >= 0x80 && *p < 0xc0))
			continue;   /* spaces, and the bytes inside a character */
		keys += *p >= 0xe3 && *p <= 0xed ? AUTODM_WIDE_KEYS : 1;
	}
	return t && keys < AUTODM_OUT_MIN_KEYS;
}

/*
 * The owner's opening messages of the templates that opened at least
 * AUTODM_OUT_RECIPIENTS conversations, and the owner's bare links that
 * open one, read a conversation at a time; -1 (errno) on a read error.
 */
static int candidates(struct am *a, struct out_msg **om, size_t *n)
{
	struct am_reader r = AM_READER_INIT;
	size_t alloc = 0;
	for (uint32_t ci = 0; ci < a->nc; ci++) {
		const struct am_msg *ms = am_read(a, ci, &r);
		if (!ms) {
			am_reader_release(&r);
			return -1;
		}
		for (uint32_t i = 0; i < a->c[ci].n; i++) {
			const struct am_msg *m = &ms[i];
			if (!(m->flags & M_OWNER))
				continue;
			uint32_t cl = a->t[m->tmpl].cluster;
			/* the platform's welcome message of the owner's business is
			 * automated wherever it stands; an app's link dropped into
			 * running conversations is judged by its burst (link_bursts) */
			bool welcome = (m->flags & M_WELCOME) != 0;
			bool dropped = !(m->flags & M_OPENING) && (m->flags & M_LINK) &&
				       (m->flags & M_WORDY);
			if (!(m->flags & M_OPENING) && !welcome && !dropped)
				continue;
			/* "Hi!" or a bare link opening a few chats over the years is no template,
			 * nor is a greeting alone ("こんにちは！", "Hola!!"), however often */
			bool wordy = (m->flags & M_OPENING) &&
				     a->recipients[cl] >= AUTODM_OUT_RECIPIENTS && (m->flags & M_WORDY) &&
				     !greeting_size(a->t[m->tmpl].text);
			if (!wordy && !welcome && !dropped && (m->flags & BARE_LINK) != BARE_LINK)
				continue;
			bool answered = false;
			for (uint32_t j = i + 1; j < a->c[ci].n && !answered; j++)
				answered = !(ms[j].flags & M_OWNER);
			ALLOC_GROW(*om, *n + 1, alloc);
			(*om)[(*n)++] = (struct out_msg){ .cluster = cl, .seq = a->c[ci].first + i,
							 .at = m->at, .id = m->id, .cp = a->c[ci].cp,
							 .flags = (uint32_t)m->flags, .wordy = wordy || welcome,
							 .dropped = dropped && !wordy && !welcome,
							 .answered = answered };
		}
	}
	am_reader_release(&r);
	return 0;
}

static int cmp_at(const void *x, const void *y)
{
	const struct out_msg *a = *(const struct out_msg *const *)x;
	const struct out_msg *b = *(const struct out_msg *const *)y;
	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

/*
 * A hijacked account's burst: the owner's bare links opening conversations
 * with two accounts or more within AUTODM_OUT_LINK_BURST_MS of each other.
 * A person shares a link with one friend at a time; spam sent from a
 * stolen session goes to many in the same minute. Those links are marked;
 * the bare links that are in no burst (and no template) are dropped.
 */
static void link_bursts(struct out_msg *om, size_t *n)
{
	struct out_msg **v = xmalloc((*n ? *n : 1) * sizeof(*v));
	size_t nv = 0;
	for (size_t i = 0; i < *n; i++)
		if ((om[i].flags & BARE_LINK) == BARE_LINK || om[i].dropped)
			v[nv++] = &om[i];
	if (nv)
		qsort(v, nv, sizeof(*v), cmp_at);
	for (size_t k = 0; k < nv; k++) {
		if (v[k]->dropped) {
			/* "Sen Travel vừa đạt 1.250 điểm … <link>": one text and link
			 * dropped into AUTODM_OUT_RECIPIENTS conversations or more
			 * within minutes, an app's invitation sent as the owner */
			size_t others = 0;
			for (size_t j = k + 1; j < nv && v[j]->at - v[k]->at <= AUTODM_OUT_LINK_BURST_MS; j++)
				others += v[j]->dropped && v[j]->cluster == v[k]->cluster &&
					  v[j]->cp != v[k]->cp;
			if (others + 1 >= AUTODM_OUT_RECIPIENTS)
				for (size_t j = k; j < nv && v[j]->at - v[k]->at <= AUTODM_OUT_LINK_BURST_MS; j++)
					if (v[j]->dropped && v[j]->cluster == v[k]->cluster)
						v[j]->burst = true;
			continue;
		}
		for (size_t j = k + 1; j < nv && v[j]->at - v[k]->at <= AUTODM_OUT_LINK_BURST_MS; j++)
			if (v[j]->cp != v[k]->cp && !v[j]->dropped)
				v[k]->burst = v[j]->burst = true;
	}
	free(v);
	size_t kept = 0;
	for (size_t i = 0; i < *n; i++)
		if (om[i].wordy || om[i].burst)
			om[kept++] = om[i];
	*n = kept;
}

int am_outbound(struct report_ctx *ctx, struct am *a, struct autodm_result *res,
		struct err *err)
{
	const uint32_t *recipients = a->recipients, *fol = a->recipients_following;
	struct out_msg *om = NULL;
	size_t n = 0;
	if (candidates(a, &om, &n)) {
		err_set(err, EXIT_IO, "autodm: cannot read the messages back from a temporary "
			"file: %s", strerror(errno));
		free(om);
		return -1;
	}
	link_bursts(om, &n);
	if (n)
		qsort(om, n, sizeof(*om), cmp_out);

	struct sent *sent = NULL;
	size_t nsent = 0, asent = 0;
	for (size_t s = 0, e; s < n; s = e) {
		for (e = s; e < n && om[e].cluster == om[s].cluster; e++)
			;
		/* to several people within minutes; a double send to one is no burst */
		size_t burst = 0;
		for (size_t k = s; k < e; k++)
			if ((k > s && om[k].at - om[k - 1].at <= AUTODM_BURST_MS &&
			     om[k].cp != om[k - 1].cp) ||
			    (k + 1 < e && om[k + 1].at - om[k].at <= AUTODM_BURST_MS &&
			     om[k + 1].cp != om[k].cp))
				burst++;
		uint32_t cl = om[s].cluster;
		double fshare = (double)fol[cl] / recipients[cl];
		double bshare = (double)burst / (double)(e - s);
		/* pasted into several new conversations within weeks, or an app's invitation */
		bool close = om[e - 1].at - om[s].at <= AUTODM_OUT_SPAN_MS;
		bool pitch = false, thanks = false;
		for (size_t k = s; k < e && !pitch; k++)
			pitch = (om[k].flags & (M_NOTICE | M_FOOTER | M_WELCOME)) != 0 || om[k].burst;
		/* "Welcome to the club! Thanks for the follow": the same thanks to
		 * several new followers, however far apart and whoever still follows */
		for (size_t k = s; k < e && !thanks; k++)
			thanks = (om[k].flags & M_FORMULA) != 0;
		/* sent at one time of day, to the minute, on three days or more: scheduled */
		size_t timed = 0;
		for (size_t k = s + 1; k < e; k++)
			timed += am_same_time_of_day(om[k - 1].at, om[k].at) && om[k].cp != om[k - 1].cp;
		bool scheduled = timed >= 2;
		if (fshare < AUTODM_OUT_SHARE && bshare < AUTODM_OUT_SHARE && !close && !pitch &&
		    !scheduled && !thanks)
			continue;
		/* a text that everyone it reached answered is the owner talking ("Hola!
		 * ¿cómo vas?", "thanks for reaching out"): an app's message reaches
		 * many who never answer; unless typed faster than a person types */
		size_t answered = 0;
		for (size_t k = s; k < e; k++)
			answered += om[k].answered;
		if ((double)answered / (double)(e - s) >= AUTODM_OUT_ANSWERED &&
		    bshare < AUTODM_OUT_SHARE && !pitch)
			continue;
		for (size_t k = s; k < e; k++) {
			ALLOC_GROW(sent, nsent + 1, asent);
			sent[nsent++] = (struct sent){ om[k].id, om[k].at };
		}
		ALLOC_GROW(res->templates, res->ntemplates + 1, res->atemplates);
		res->templates[res->ntemplates++] = (struct autodm_template){
			.text = am_display_template(ctx, a, cl),
			.template_id = a->t[cl].example,
			.messages = (int64_t)(e - s), .recipients = recipients[cl],
			.recipients_following = fol[cl], .messages_in_bursts = (int64_t)burst,
			.first_sent = om[s].at, .last_sent = om[e - 1].at,
		};
	}
	if (nsent)
		qsort(sent, nsent, sizeof(*sent), cmp_sent);
	res->own_ids = xmalloc((nsent ? nsent : 1) * sizeof(int64_t));
	res->own_at = xmalloc((nsent ? nsent : 1) * sizeof(int64_t));
	for (size_t i = 0; i < nsent; i++) {
		res->own_ids[i] = sent[i].id;
		res->own_at[i] = sent[i].at;
	}
	res->nown = nsent;
	free(sent);
	free(om);
	return 0;
}
