/*
 * autodm_judge: the evidence per counterpart, summed with the weights of
 * autodm.h into a verdict with its reasons, and the inbound list.
 */
#include "autodm_int.h"
#include "autodm.h"
#include "fmt.h"
#include "jrows.h"
#include "lexicon.h"
#include "text.h"
#include "timeutil.h"
#include "xalloc.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------ judging */

struct feat {
	int64_t cp;
	uint32_t conv;
	uint32_t cp_msgs, owner_msgs, welcome, opening_links, resends, resends_link, answers;
	uint32_t resends_apart;  /* wordy texts sent again an hour or more later */
	uint32_t bait;           /* link bait out of the blue */
	uint32_t scam_bait;      /* … with the words of scam bait */
	uint32_t echoes;         /* messages repeating the owner's last one in a frame */
	uint32_t instant;        /* the same long reply again within seconds of the owner */
	uint32_t campaign_others, campaign_cluster, max_repeat;
	bool cp_first, service, first_link, first_link_only, shortener, owner_replied, rich;
	bool regular;
	bool formula, footer, scam, promo, notice, contact; /* lexicon, in what it sent */
	bool merge;          /* greeted with the owner's full name */
	bool autoreply, hours, header, bare_pitch, offer; /* in what it sent before any answer */
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
	/* long replies within seconds of the owner; whether each counted as an answer */
	uint32_t inst_key[AUTODM_RESEND_WINDOW], ninst = 0;
	bool inst_answer[AUTODM_RESEND_WINDOW], inst_repeated[AUTODM_RESEND_WINDOW];
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
			f->autoreply |= (m->flags & M_AUTOREPLY) != 0;
			f->hours |= (m->flags & M_HOURS) != 0;
			f->header |= (m->flags & M_HEADER) != 0;
			f->bare_pitch |= (m->flags & M_BARE_PITCH) != 0;
			f->offer |= (m->flags & M_OFFER) != 0;
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
		/*
		 * The same long text within seconds of two messages of the owner
		 * is an automatic reply: it is no answer, nor was its first copy.
		 */
		bool instant = i > 0 && (ms[i - 1].flags & M_OWNER) && (m->flags & M_LONG) &&
			       m->at - ms[i - 1].at <= AUTODM_INSTANT_MS;
		bool instant_again = false;
		for (uint32_t j = 0; instant && j < ninst; j++)
			if (inst_key[j] == key) {
				instant_again = true;
				f->instant++;
				if (inst_answer[j] && !inst_repeated[j])
					f->answers--;
				inst_repeated[j] = true;
			}
		/* an answer to the owner with text the sender had not sent before */
		bool answer = false;
		if (owner_seen && !bait && !(m->flags & M_WELCOME) && !instant_again) {
			bool old = false;
			for (uint32_t j = 0; j < nopen; j++)
				if (opening_keys[j] == key)
					old = true;
			if (!old && !repeat) {
				f->answers++;
				answer = true;
			}
		}
		if (instant && !instant_again && ninst < AUTODM_RESEND_WINDOW) {
			inst_key[ninst] = key;
			inst_answer[ninst] = answer;
			inst_repeated[ninst++] = false;
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
	to->instant += f->instant;
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
	to->autoreply |= f->autoreply;
	to->hours |= f->hours;
	to->header |= f->header;
	to->bare_pitch |= f->bare_pitch;
	to->offer |= f->offer;
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
	bool followed = am_has_id(a->following, a->nfollowing, f->cp);
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
		*tmpl_shown = am_display_template(ctx, a, f->campaign_cluster);
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
	if (f->instant) {
		s += AUTODM_W_INSTANT;
		if (!strcmp(kind, "person"))
			kind = "welcome";
		evidence(ev, "the same reply came %u times within seconds of your messages: a "
			 "business's automatic reply (away notice, opening hours, a menu)",
			 f->instant + 1);
	}
	if (f->cp_first && f->merge) {
		s += AUTODM_W_MERGE;
		evidence(ev, "greets you with your full name, as a mail merge does");
	}
	if (f->cp_first && f->autoreply) {
		s += AUTODM_W_AUTOREPLY;
		if (!strcmp(kind, "person"))
			kind = "welcome";
		evidence(ev, "opens with a business's automatic reply (away, opening hours, a menu "
			 "of options)");
	}
	/* customers give times too ("delivery window 09:00-13:00"): hours only add to a reply */
	if (f->cp_first && f->hours && (f->autoreply || f->notice || f->offer || f->promo)) {
		s += AUTODM_W_HOURS;
		evidence(ev, "opens with opening hours, as automatic replies give them");
	}
	if (f->cp_first && f->header) {
		s += AUTODM_W_HEADER;
		evidence(ev, "opens with a bracketed label, as an app titles its notices");
	}
	if (f->cp_first && f->offer) {
		s += AUTODM_W_OFFER;
		if (!strcmp(kind, "person"))
			kind = "spam";
		evidence(ev, "opens with a seller's offer (how to order, prices from)");
	}
	if (f->cp_first && f->bare_pitch) {
		s += AUTODM_W_BARE_PITCH;
		evidence(ev, "nothing but a pitch and a handle or link");
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
		       f->promo || f->notice || f->contact || f->autoreply || f->offer ||
		       f->header || f->bait || f->echoes || f->instant ||
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
	size_t text_row;     /* its number in the rows */
	int64_t id;
	struct autodm_sender key;
};

static int cmp_row(const void *x, const void *y)
{
	const struct row *a = x, *b = y;
	if (a->key.is_auto != b->key.is_auto)
		return a->key.is_auto ? -1 : 1;
	if (a->key.score != b->key.score)
		return a->key.score < b->key.score ? 1 : -1;
	return a->id < b->id ? -1 : a->id > b->id;
}

json_t *am_inbound(struct report_ctx *ctx, struct am *a)
{
	uint32_t *in_senders = am_distinct_accounts(a, false, 0, NULL);
	uint32_t *in_linkers = am_distinct_accounts(a, false, M_LINK, NULL);
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
	/* each entry becomes a row of text at once (jrows.h), freed as soon as it is */
	json_t *arr = jrows_new();
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
		int64_t shown_id = shown ? a->t[f.campaign_cluster].example : 0;
		if (shown)
			json_object_set_new(o, "template_id", report_id(shown_id));
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
		struct row *rw = &rows[nrows];
		*rw = (struct row){ .text_row = jrows_add(arr, o), .id = f.cp };
		rw->key = (struct autodm_sender){ .kind = is_auto ? kind : "person",
			.confidence = confidence, .score = round(score * 100) / 100,
			.messages = f.cp_msgs, .is_auto = is_auto };
		fmt_i64(rw->key.account, f.cp);
		if (shown_id)
			fmt_i64(rw->key.tmpl, shown_id);
		snprintf(rw->key.last, sizeof(rw->key.last), "%s",
			 json_string_value(json_object_get(o, "last_at")));
		json_decref(o);
		if (is_auto && is_certain_sum(f.s))
			ctx->auto_ids[ctx->nauto++] = f.cp;
		else if (is_auto)
			ctx->likely_ids[ctx->nlikely++] = f.cp;
		nrows++;
		i = j;
	}
	qsort(ctx->auto_ids, ctx->nauto, sizeof(int64_t), am_cmp_i64);
	qsort(ctx->likely_ids, ctx->nlikely, sizeof(int64_t), am_cmp_i64);
	if (nrows)
		qsort(rows, nrows, sizeof(*rows), cmp_row);
	size_t *order = xmalloc((nrows ? nrows : 1) * sizeof(*order));
	free(ctx->senders);
	ctx->senders = xmalloc((nrows ? nrows : 1) * sizeof(*ctx->senders));
	ctx->nsenders = nrows;
	for (size_t i = 0; i < nrows; i++) {
		order[i] = rows[i].text_row;
		ctx->senders[i] = rows[i].key;
		ctx->senders[i].pos = i;
	}
	jrows_order(arr, order, nrows);
	free(order);
	free(rows);
	free(fs);
	free(in_senders);
	free(in_linkers);
	return arr;
}

/* ------------------------------------------------------------ outbound */


