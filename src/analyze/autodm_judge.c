/*
 * autodm_judge: the evidence per counterpart, summed with the weights of
 * autodm.h into a verdict with its reasons, and the inbound list.
 */
#include "autodm_int.h"
#include "autodm_result.h"
#include "autodm.h"
#include "fmt.h"
#include "utf8.h"
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

/* ------------------------------------------------------------ judging */

struct feat {
	int64_t cp;
	uint32_t cp_msgs, owner_msgs, welcome, opening_links, resends, resends_link, answers;
	uint32_t resends_apart;  /* wordy texts sent again an hour or more later */
	uint32_t bait;           /* link bait out of the blue */
	uint32_t scam_bait;      /* … with the words of scam bait */
	uint32_t echoes;         /* messages repeating the owner's last one in a frame */
	uint32_t instant;        /* the same long reply again within seconds of the owner */
	uint32_t fast;           /* replies faster than anyone types (M_FAST), not answers */
	uint32_t scheduled;      /* messages at the time of day of the one before, days later */
	uint32_t campaign_others, campaign_cluster, max_repeat;
	uint32_t contact_others; /* other strangers whose openings gave the same phone or id */
	uint32_t own_words;      /* wordy messages no other sender sent: its own words */
	uint32_t shared_words;   /* … and those another sender sent too */
	bool cp_first, service, first_link, first_link_only, shortener, owner_replied, rich;
	bool crossed;            /* its own pitch crossed the owner's mass welcome */
	bool later_chat;         /* a week's silence after the opening, the owner never having written */
	uint32_t late_answers;   /* answers after that silence: another conversation's */
	bool regular;
	bool formula, footer, scam, promo, notice, contact; /* lexicon, in what it sent */
	bool merge;          /* greeted with the owner's full name */
	bool defanged;       /* a link written to slip past filters, before any answer */
	bool priced;         /* a price named before any answer */
	bool keyword;        /* asked for a one-word reply in capitals before any answer */
	bool declined;       /* the owner's first reply turned it down */
	bool fast_autoreply; /* an automatic reply's words, faster than typing */
	uint32_t fast_lead;  /* replies faster than typing before its first answer */
	bool gave_secret;    /* the owner handed it a code, a password or a card number */
	bool pasted;         /* an opening right after its own, faster than typing */
	bool hashtags;       /* an opening with hashtags, written for a timeline */
	bool headline;       /* an opening that starts with a pictograph and a loud headline */
	bool fast_first;     /* the owner wrote first and its first reply was fast */
	bool autoreply, hours, header, bare_pitch, offer, disclaim; /* before any answer */
	bool wordy;          /* the campaign template has words besides its slots */
	bool long_text;      /* … and is longer than a customer's usual question */
	bool pair_pitch;     /* … and is a pitch of AUTODM_PAIR_WORDS words or more */
	bool pair_bait;      /* … or scam bait or a messenger's id, as long */
	bool pitched;        /* … makes a pitch, bait or asks for a messenger at any length */
	bool phone_given;    /* an international phone number before any answer */
	bool asked;          /* some message of its asks a question */
	uint32_t numbered;   /* its messages holding a number outside their links */
	uint32_t stale_answers; /* answers AUTODM_STALE_MS or more after the owner's message */
	uint32_t days;       /* the days it wrote on */
	int64_t last_day;
	bool asks;           /* … asks a question or tells of the writer's own affairs */
	bool letter;         /* an opening of AUTODM_LETTER_WORDS words, no link or handle */
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

/* The features of conversation ci, whose messages are ms. */
static void conv_features(const struct am *a, uint32_t ci, const struct am_msg *ms,
			  struct feat *f)
{
	const struct am_conv *c = &a->c[ci];
	const uint32_t *in_senders = a->in_senders, *in_linkers = a->in_linkers;
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
	bool owner_mass = true;   /* all the owner wrote so far went to many as one template */
	int64_t owner_last = 0;   /* when the owner last wrote */

	memset(f, 0, sizeof(*f));
	f->cp = c->cp;
	f->cp_first = c->n && !(ms[0].flags & M_OWNER);
	for (uint32_t i = 0; i < c->n; i++) {
		const struct am_msg *m = &ms[i];
		/*
		 * A week or more of silence after what the sender opened with,
		 * the owner never having written: the opening went unanswered,
		 * and what the two say later is another conversation ("thanks
		 * for following, I tweet about SEO" in March, a chat about a
		 * concert in May). What comes after is no answer to the opening.
		 */
		if (i > 0 && !owner_seen && f->cp_first && m->at - ms[i - 1].at >= AUTODM_OUT_OF_BLUE_MS)
			f->later_chat = true;
		if (m->flags & M_OWNER) {
			owner_mass &= a->recipients[key_of(a, m)] >= AUTODM_OUT_RECIPIENTS;
			f->declined |= (m->flags & M_DECLINE) && f->cp_first;
			f->gave_secret |= (m->flags & M_GAVE_SECRET) != 0;
			f->owner_msgs++;
			if (f->cp_msgs)
				f->owner_replied = true;
			owner_seen = true;
			owner_last = m->at;
			blue_run = false;
			nrun = 0;
			run_repeat = 0;
			continue;
		}
		/*
		 * Two auto-DM apps crossing: the owner's mass welcome went out on
		 * the follow, and minutes later the other side's own pitch came,
		 * a link and a formula or an offer: no answer to the owner, an
		 * opening of its own, as if it had written first.
		 */
		struct am_msg crossed;
		if (!f->cp_msgs && !f->cp_first && owner_seen && owner_mass &&
		    m->at - owner_last <= AUTODM_CROSSED_MS && (m->flags & M_LINK) &&
		    (m->flags & (M_FORMULA | M_PROMO | M_SCAM | M_NOTICE))) {
			crossed = *m;
			crossed.flags |= M_OPENING;
			m = &crossed;
			f->cp_first = f->crossed = true;
		}
		uint32_t key = key_of(a, m);
		if (!f->cp_msgs) {
			f->first_at = m->at;
			f->first_link = m->flags & M_LINK;
			f->first_link_only = m->flags & M_LINK_ONLY;
		}
		f->last_at = m->at;
		if (!f->cp_msgs || m->at / 86400000 != f->last_day)
			f->days++;
		f->last_day = m->at / 86400000;
		f->asked |= (m->flags & M_QUESTION) != 0;
		f->numbered += (m->flags & M_NUMBERED) != 0;
		f->cp_msgs++;
		if (m->flags & M_WORDY) {
			if (in_senders[key] > 1)
				f->shared_words++;
			else if (!f->later_chat)
				f->own_words++;   /* a later conversation's words are not the opening's */
		}
		if (m->flags & M_WELCOME)
			f->welcome++;
		if (m->flags & M_SERVICE)
			f->service = true;
		if (m->flags & M_SHORTENER)
			f->shortener = true;
		/* a tool's signature or a service notice counts wherever it comes */
		f->footer |= (m->flags & M_FOOTER) != 0;
		f->notice |= (m->flags & M_NOTICE) != 0;
		if (m->flags & M_FAST) {
			f->fast_first |= f->cp_msgs == 1 && !f->cp_first;
			f->fast++;
			f->fast_autoreply |= (m->flags & M_AUTOREPLY) != 0;
			f->fast_lead += !f->answers;
		}
		/* scheduled software writes at one time of day: "06:00" on Monday, on Tuesday */
		if (i > 0 && !(ms[i - 1].flags & M_OWNER) && am_same_time_of_day(ms[i - 1].at, m->at))
			f->scheduled++;
		if ((m->flags & M_OPENING) && m->contact) {
			uint32_t n = 0;
			if (u64map_get(&a->contacts, m->contact, &n) && n > 1 && n - 1 > f->contact_others)
				f->contact_others = n - 1;
		}
		if (m->flags & M_OPENING) {
			/* the pitch counts in what was sent before any answer */
			f->formula |= (m->flags & M_FORMULA) != 0;
			f->scam |= (m->flags & M_SCAM) != 0;
			f->promo |= (m->flags & M_PROMO) != 0;
			f->contact |= (m->flags & M_CONTACT) != 0;
			f->phone_given |= (m->flags & M_INTL_PHONE) != 0;
			f->merge |= (m->flags & M_MERGE) != 0;
			f->autoreply |= (m->flags & M_AUTOREPLY) != 0;
			f->pasted |= (m->flags & M_PASTED) != 0;
			f->hashtags |= (m->flags & M_HASHTAGS) != 0;
			f->headline |= (m->flags & M_HEADLINE) != 0;
			f->hours |= (m->flags & M_HOURS) != 0;
			f->header |= (m->flags & M_HEADER) != 0;
			f->bare_pitch |= (m->flags & M_BARE_PITCH) != 0;
			f->offer |= (m->flags & M_OFFER) != 0;
			f->disclaim |= (m->flags & M_DISCLAIM) != 0;
			f->letter |= (m->flags & M_LETTER) != 0;
			f->defanged |= (m->flags & M_DEFANGED) != 0;
			f->priced |= (m->flags & M_PRICED) != 0;
			f->keyword |= (m->flags & M_KEYWORD) != 0;
			if (m->flags & M_LINK)
				f->opening_links++;
			if (nopen_at < 64)
				open_at[nopen_at++] = m->at;
			if (nopen < AUTODM_RESEND_WINDOW)
				opening_keys[nopen++] = key;
			if (m->flags & (M_TOKENS | M_RICH)) {
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
					f->pair_pitch = (m->flags & M_PAIR) &&
							(m->flags & (M_PROMO | M_OFFER));
					f->pair_bait = (m->flags & M_PAIR) &&
						       (m->flags & (M_SCAM | M_CONTACT));
					/* a shared text that names money offers it or a prize */
					f->pitched = (m->flags & (M_PROMO | M_OFFER | M_SCAM |
								  M_CONTACT | M_PRICED)) != 0;
					f->asks = (m->flags & M_ASKS) != 0;
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
		/* an automatic reply's words ("you have been unsubscribed") are no answer
		 * either, nor is more bait ("act quickly", "I need your bank details") */
		if (owner_seen && !bait && !(m->flags & (M_WELCOME | M_FAST | M_AUTOREPLY | M_SCAM)) &&
		    !instant_again && m != &crossed) {
			bool old = false;
			for (uint32_t j = 0; j < nopen; j++)
				if (opening_keys[j] == key)
					old = true;
			if (!old && !repeat) {
				f->answers++;
				f->late_answers += f->later_chat;
				/* days after the owner wrote: the next notice, no reply */
				f->stale_answers += m->at - owner_last > AUTODM_STALE_MS;
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
	to->fast += f->fast;
	to->scheduled += f->scheduled;
	to->answers += f->answers;
	to->own_words += f->own_words;
	to->shared_words += f->shared_words;
	if (f->max_repeat > to->max_repeat)
		to->max_repeat = f->max_repeat;
	if (f->campaign_others > to->campaign_others || (f->rich && !to->rich)) {
		to->campaign_others = f->campaign_others;
		to->campaign_cluster = f->campaign_cluster;
		to->rich = f->rich;
		to->wordy = f->wordy;
		to->long_text = f->long_text;
		to->pair_pitch = f->pair_pitch;
		to->pair_bait = f->pair_bait;
		to->pitched = f->pitched;
		to->asks = f->asks;
	}
	to->cp_first |= f->cp_first;
	to->crossed |= f->crossed;
	to->later_chat |= f->later_chat;
	to->late_answers += f->late_answers;
	to->service |= f->service;
	to->formula |= f->formula;
	to->footer |= f->footer;
	to->scam |= f->scam;
	to->promo |= f->promo;
	to->letter |= f->letter;
	to->notice |= f->notice;
	to->contact |= f->contact;
	to->phone_given |= f->phone_given;
	to->asked |= f->asked;
	to->numbered += f->numbered;
	to->stale_answers += f->stale_answers;
	to->days += f->days;
	to->merge |= f->merge;
	to->defanged |= f->defanged;
	to->priced |= f->priced;
	to->keyword |= f->keyword;
	to->declined |= f->declined;
	to->fast_autoreply |= f->fast_autoreply;
	to->gave_secret |= f->gave_secret;
	to->pasted |= f->pasted;
	to->hashtags |= f->hashtags;
	to->headline |= f->headline;
	to->fast_lead = to->fast_lead > f->fast_lead ? to->fast_lead : f->fast_lead;
	to->fast_first |= f->fast_first;
	to->autoreply |= f->autoreply;
	to->hours |= f->hours;
	to->header |= f->header;
	to->bare_pitch |= f->bare_pitch;
	to->offer |= f->offer;
	to->disclaim |= f->disclaim;
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

/* A sender's evidence lines, each ending in a NUL (struct autodm_row's form). */
struct evidence {
	struct buf b;
	uint32_t n;
};

static void evidence(struct evidence *ev, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void evidence(struct evidence *ev, const char *fmt, ...)
{
	char s[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s, sizeof(s), fmt, ap);
	va_end(ap);
	size_t n = strlen(s);
	/* a line cut inside a character is left out, as it always was */
	if (utf8_valid_prefix(s, n) != n)
		return;
	buf_add(&ev->b, s, n + 1);
	ev->n++;
}

/* Score one counterpart: fills f->s and the evidence, returns the kind guess. */
static enum autodm_kind judge(struct report_ctx *ctx, struct am *a, struct feat *f,
			      struct evidence *ev,
			 char **tmpl_shown)
{
	double s = 0;
	bool followed = am_has_id(a->following, a->nfollowing, f->cp);
	bool unanswered = f->cp_first && !f->owner_msgs;
	/* wrote first, and said nothing more once the owner replied */
	bool silent = f->cp_first && f->owner_replied && !f->answers;
	/* software's timing, from a sender that never answered otherwise */
	bool only_fast = f->fast && !f->answers, only_scheduled = f->scheduled && !f->answers;
	enum autodm_kind kind = AUTODM_PERSON;

	*tmpl_shown = NULL;
	if (f->welcome) {
		s += AUTODM_W_WELCOME;
		kind = AUTODM_WELCOME;
		evidence(ev, "%u welcome message%s (welcomeMessageCreate): a business's automated "
			 "greeting", f->welcome, f->welcome == 1 ? "" : "s");
	}
	if (f->service) {
		s += AUTODM_W_SERVICE;
		kind = AUTODM_VALIDATION;
		evidence(ev, "text or link of a known auto-DM service (follower validation)");
	}
	if (f->campaign_others >= AUTODM_CAMPAIGN_OTHERS && f->cp_first) {
		*tmpl_shown = am_display_template(ctx, a, f->campaign_cluster);
		if (f->rich) {
			s += AUTODM_W_CAMPAIGN;
			if (kind == AUTODM_PERSON)
				kind = AUTODM_CAMPAIGN;
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
			/* and a campaign's sender sends its texts, not words of its own */
			bool spread = f->campaign_others >= AUTODM_CAMPAIGN_MANY;
			/* a week's silence after it left the template unanswered */
			bool open_unanswered = unanswered || f->later_chat;
			/* what customers write is shared as it stands: a question, or
			 * their own affairs, with no pitch in it */
			bool customer = f->asks && !f->pitched && !f->formula && !f->footer;
			/* a stranger's shared opening, then before any answer a
			 * messenger's id: the bait split in two ("Félicitations,
			 * votre compte a été tiré au sort !", then "contactez notre
			 * agent sur WhatsApp +1 646 …") */
			bool split_bait = !followed && (f->contact || (f->scam && f->phone_given)) &&
					  (unanswered || silent);
			bool many = (f->wordy && f->long_text && f->own_words < f->shared_words &&
				     ((((spread && !customer) || f->pair_pitch) && open_unanswered) ||
				      (spread && f->pitched && silent))) ||
				    (f->pair_bait && (unanswered || silent)) || split_bait;
			s += many ? AUTODM_W_CAMPAIGN_MANY : AUTODM_W_CAMPAIGN_PLAIN;
			if (many && kind == AUTODM_PERSON)
				kind = AUTODM_CAMPAIGN;
			evidence(ev, "the same words came from %u other account%s: \"%.200s\"",
				 f->campaign_others, f->campaign_others == 1 ? "" : "s", *tmpl_shown);
		}
	}
	/* customers quote a business's hotline too, many of them, and the owner
	 * answers them: once the owner has written, or when a crowd gave it,
	 * only a pitch or bait with it counts */
	bool bait_words = f->scam || f->promo || f->contact || f->offer || f->priced;
	if (f->contact_others && f->cp_first &&
	    (bait_words || (!f->owner_msgs && f->contact_others < AUTODM_CONTACT_CROWD))) {
		s += AUTODM_W_CONTACT_SHARED;
		if (kind == AUTODM_PERSON)
			kind = AUTODM_CAMPAIGN;
		evidence(ev, "the phone number, address or messenger id it gave came from %u other "
			 "account%s too", f->contact_others, f->contact_others == 1 ? "" : "s");
	}
	if (f->footer) {
		s += AUTODM_W_FOOTER;
		if (kind == AUTODM_PERSON)
			kind = AUTODM_APP;
		evidence(ev, "a message carries an auto-DM tool's signature or says it is automated");
	}
	if (f->bait) {
		/* scam words with a link out of the blue outweigh any conversation */
		s += f->scam_bait ? AUTODM_W_SCAM_BAIT : AUTODM_W_BAIT;
		if (kind == AUTODM_PERSON)
			kind = AUTODM_SPAM;
		evidence(ev, "%u message%s of link bait out of the blue (scam words or an app's "
			 "invitation), as hijacked and automated accounts send", f->bait,
			 f->bait == 1 ? "" : "s");
	}
	if (f->echoes >= AUTODM_ECHO_MIN) {
		s += AUTODM_W_ECHO;
		if (kind == AUTODM_PERSON)
			kind = AUTODM_BOT;
		evidence(ev, "%u answers repeat your own message inside a fixed frame, as command "
			 "bots do", f->echoes);
	}
	if (f->cp_first && f->formula) {
		s += AUTODM_W_FORMULA;
		evidence(ev, "opens with a thanks-for-following formula");
	}
	/* notices sent day after day into a conversation the owner never wrote
	 * in, none asking anything ("New booking SIT-21-2269 …", "Booking
	 * BR-149353705 was cancelled", "NOTAM: …"): what a service sends; a
	 * person who gets no answer asks ("did you get my message?"). Two
	 * notices on two days do, each with its number (a time, a reference,
	 * an amount); else AUTODM_STREAM_MSGS on AUTODM_STREAM_DAYS. */
	bool numbers = f->numbered == f->cp_msgs && f->cp_msgs >= 2 && f->days >= 2;
	/* the owner may have written to the service once: its notices went on,
	 * days later each time, and answered nothing */
	bool unheeded = f->owner_msgs && f->answers == f->stale_answers && numbers &&
			f->cp_msgs > AUTODM_STREAM_MSGS && f->days > AUTODM_STREAM_DAYS;
	bool stream = f->cp_first && !f->asked &&
		      ((!f->owner_msgs &&
			(numbers || (f->cp_msgs >= AUTODM_STREAM_MSGS && f->days >= AUTODM_STREAM_DAYS))) ||
		       unheeded);
	if (stream) {
		s += AUTODM_W_STREAM;
		if (kind == AUTODM_PERSON)
			kind = AUTODM_BOT;
		evidence(ev, "%u messages on %u days, never a question and never a reply to you: "
			 "a service's notices", f->cp_msgs, f->days);
	}
	if (f->cp_first && f->scam) {
		s += AUTODM_W_SCAM;
		if (kind == AUTODM_PERSON)
			kind = AUTODM_SCAM;
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
		if (kind == AUTODM_PERSON)
			kind = AUTODM_WELCOME;
		evidence(ev, "the same reply came %u times within seconds of your messages: a "
			 "business's automatic reply (away notice, opening hours, a menu)",
			 f->instant + 1);
	}
	/* a person who answers at once now and then also answers at leisure */
	if (only_fast) {
		s += f->fast >= 2 ? AUTODM_W_FAST_MORE : AUTODM_W_FAST;
		if (kind == AUTODM_PERSON)
			kind = f->cp_first ? AUTODM_WELCOME : AUTODM_BOT;
		evidence(ev, "%s came within seconds of your message%s, faster than anyone types, "
			 "and it never answered otherwise", f->fast == 1 ? "its reply" : "every reply",
			 f->fast == 1 ? "" : "s");
	}
	if (only_scheduled) {
		s += AUTODM_W_SCHEDULED;
		if (kind == AUTODM_PERSON)
			kind = AUTODM_SPAM;
		evidence(ev, "wrote again days later at the same time of day, to the minute, as "
			 "scheduled software does");
	}
	if (f->cp_first && f->defanged) {
		s += AUTODM_W_DEFANGED;
		if (kind == AUTODM_PERSON)
			kind = AUTODM_SCAM;
		evidence(ev, "writes its link so that filters miss it (\"site . com\", \"site(.)net\")");
	}
	if (f->cp_first && f->merge) {
		s += AUTODM_W_MERGE;
		evidence(ev, "greets you with your full name, as a mail merge does");
	}
	if ((f->cp_first && f->autoreply) || (f->fast_autoreply && only_fast)) {
		s += AUTODM_W_AUTOREPLY;
		if (kind == AUTODM_PERSON)
			kind = AUTODM_WELCOME;
		evidence(ev, "opens with a business's automatic reply (away, opening hours, a menu "
			 "of options)");
	}
	/*
	 * A desk's bot answers at once with a menu or a receipt ("we received
	 * your message, an agent will reply"), and a person takes over: the
	 * person's answers speak for the agent, not for the first reply, which
	 * software wrote. The two together outweigh any conversation that follows.
	 */
	bool handover = f->fast_autoreply || f->fast_lead >= AUTODM_HANDOVER_FAST;
	if (handover && !only_fast) {
		s += AUTODM_W_HANDOVER;
		if (kind == AUTODM_PERSON)
			kind = f->cp_first ? AUTODM_WELCOME : AUTODM_BOT;
		evidence(ev, "an automatic reply (a menu, a receipt) came faster than anyone types, "
			 "and a person answered after it: a desk's bot handing over");
	}
	/*
	 * "Your account shows a suspicious login; send us the code you got by
	 * SMS": an account the owner does not follow opens, and the owner hands
	 * over a one-time code, a password or a card number. That is what
	 * phishing is after, however the talk around it reads.
	 */
	if (f->cp_first && f->gave_secret && !followed) {
		s += AUTODM_W_PHISHED;
		if (kind == AUTODM_PERSON)
			kind = AUTODM_SCAM;
		evidence(ev, "a stranger wrote to you first and you handed it a one-time code, a "
			 "password or a card number, as phishing asks");
	}
	if (f->cp_first && f->hashtags) {
		s += AUTODM_W_HASHTAGS;
		evidence(ev, "opens with hashtags, as a text written for a timeline and sent to many");
	}
	/* a broadcast's first line, to someone who never wrote to it */
	if (f->headline && unanswered) {
		s += AUTODM_W_HEADLINE;
		evidence(ev, "opens with a pictograph and a headline, as a broadcast to many does, and "
			 "you never answered");
	}
	if (f->cp_first && f->pasted) {
		s += AUTODM_W_PASTED;
		evidence(ev, "a second message came right after its first, faster than anyone types, "
			 "before you answered");
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
		if (kind == AUTODM_PERSON)
			kind = AUTODM_SPAM;
		evidence(ev, "opens with a seller's offer (how to order, prices from)");
	}
	if (f->cp_first && f->disclaim) {
		s += AUTODM_W_DISCLAIM;
		if (kind == AUTODM_PERSON)
			kind = AUTODM_SPAM;
		evidence(ev, "disowns its pitch before making it (\"unsolicited DM\", \"this is not spam\")");
	}
	if (f->cp_first && f->bare_pitch) {
		s += AUTODM_W_BARE_PITCH;
		evidence(ev, "nothing but a pitch and a handle or link");
	}
	/* scam bait that ends on a number to write to ("Message her directly:
	 * +44 7700 120328") moves the talk elsewhere as a messenger's id does */
	if (f->cp_first && (f->contact || (f->scam && f->phone_given))) {
		s += AUTODM_W_CONTACT;
		evidence(ev, f->contact ? "asks to move to another messenger"
					: "scam bait with a phone number to write to");
	}
	if (f->resends_link || f->resends) {
		s += f->resends_link	 ? AUTODM_W_RESEND_LINK
		     : f->resends_apart ? AUTODM_W_RESEND_APART
					 : AUTODM_W_RESEND;
		evidence(ev, "same text sent %u times without a reply", f->max_repeat);
	}
	/* a customer asks what it costs; a seller opens with the price and where to
	 * buy, and a customer whom the owner answered once is still a customer */
	if (unanswered && f->first_link && f->priced) {
		s += AUTODM_W_PRICED;
		if (kind == AUTODM_PERSON)
			kind = AUTODM_SPAM;
		evidence(ev, "opens with a price and a link, as an offer does");
	}
	if (f->cp_first && f->keyword) {
		s += AUTODM_W_KEYWORD;
		if (kind == AUTODM_PERSON)
			kind = AUTODM_SPAM;
		evidence(ev, "asks for a one-word reply in capitals (\"Reply YES\"), as a robot "
			 "that reads its replies does");
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
	if (f->declined && !f->answers) {
		s += AUTODM_W_DECLINED;
		evidence(ev, "you turned it down (\"no thanks\"), as one does an unsolicited offer, "
			 "and it never answered otherwise");
	}
	if (f->owner_replied && !f->answers && !f->welcome) {
		s += AUTODM_W_DEAF;
		evidence(ev, "never answered after you replied");
	}
	/* a link alone from someone the owner follows is what friends send too */
	/* … and a pitch in a letter of one's own words is a person's proposal */
	if (followed && f->cp_first &&
	    (f->rich || f->campaign_others || f->formula || (f->promo && !f->letter))) {
		s += AUTODM_W_FOLLOWED;
		evidence(ev, "you follow this account and it wrote first: the auto-DM-to-new-followers "
			 "pattern");
	}
	if (f->regular) {
		s += AUTODM_W_REGULAR;
		evidence(ev, "messages at near-constant intervals");
	}
	/* answers to the opening; a chat that began after a week of silence
	 * answers nothing an opening of software's kind said (a template
	 * others sent, a tool's signature, a notice, a pitch, a link), though
	 * it speaks for a person's own "thanks for the follow :)" */
	bool machine_opening = f->campaign_others >= AUTODM_CAMPAIGN_OTHERS || f->contact_others ||
			       f->footer ||
			       f->notice || f->scam || f->promo || f->offer || f->contact ||
			       f->keyword || f->bait || f->first_link;
	uint32_t answered = stream ? 0 : machine_opening ? f->answers - f->late_answers : f->answers;
	if (answered) {
		s += AUTODM_W_CONVERSES;
		if (answered >= 3)
			s += AUTODM_W_CONVERSES_MORE;
		evidence(ev, "answered you %u time%s with new text, as people do", f->answers,
			 f->answers == 1 ? "" : "s");
	}
	if (f->crossed)
		evidence(ev, "its own pitch came minutes after your mass welcome, no answer to it");
	/* an account that answers the owner's first message at once is no contact of theirs */
	if (!f->cp_first && f->fast_first && only_fast) {
		evidence(ev, "you wrote first, and it answered at once");
	} else if (!f->cp_first) {
		s += AUTODM_W_OWNER_FIRST;
		evidence(ev, "you wrote first");
	}
	/*
	 * Links alone (a first link, bare links, several links, no answer) are
	 * what friends share too: without a word of the text, a template, a
	 * service or a hidden destination behind them, they are not enough.
	 */
	bool content = f->welcome || f->service || f->footer || f->formula || f->scam || f->merge ||
		       f->promo || f->notice || f->contact || f->autoreply || f->offer || f->disclaim ||
		       f->header || f->bait || f->echoes || f->instant || f->defanged || f->priced ||
		       f->keyword || only_fast || handover || f->gave_secret || f->pasted || f->hashtags ||
		       (f->headline && unanswered) ||
		       only_scheduled || stream ||
		       f->campaign_others || f->contact_others || f->resends || f->resends_link ||
		       f->shortener ||
		       f->regular;
	if (!content && s > AUTODM_LINKS_ALONE_MAX) {
		s = AUTODM_LINKS_ALONE_MAX;
		evidence(ev, "links alone, without words of a template, are not enough");
	}
	if (is_auto_sum(s) && kind == AUTODM_PERSON)
		kind = followed ? AUTODM_APP : AUTODM_SPAM;
	f->s = s;
	return kind;
}

/* A sender's place in the inbound list, while the list is made. */
struct rank {
	int64_t account;
	uint32_t row;        /* its number in the rows as made */
	uint8_t score;       /* hundredths */
	bool is_auto;
};

/* The result's order: automated first, then by score, highest first, then by account. */
static int cmp_rank(bool auto_a, unsigned score_a, int64_t account_a, bool auto_b,
		    unsigned score_b, int64_t account_b)
{
	if (auto_a != auto_b)
		return auto_a ? -1 : 1;
	if (score_a != score_b)
		return score_a < score_b ? 1 : -1;
	return account_a < account_b ? -1 : account_a > account_b;
}

static int cmp_rank_of(const void *x, const void *y)
{
	const struct rank *a = x, *b = y;
	return cmp_rank(a->is_auto, a->score, a->account, b->is_auto, b->score, b->account);
}

static int cmp_automated(const void *x, const void *y)
{
	const struct autodm_sender *a = x, *b = y;
	return cmp_rank(true, a->score, a->account, true, b->score, b->account);
}

/* The features of one counterpart, its conversations by_cp[s, e) merged; -1 on a read error. */
static int cp_features(struct am *a, size_t s, size_t e, struct am_reader *r, struct feat *f)
{
	struct feat one;
	bool any = false;
	memset(f, 0, sizeof(*f));
	for (size_t k = s; k < e; k++) {
		uint32_t ci = a->by_cp[k];
		const struct am_msg *ms = am_read(a, ci, r);
		if (!ms)
			return -1;
		conv_features(a, ci, ms, &one);
		if (!one.cp_msgs)
			continue;
		if (any)
			merge_features(f, &one);
		else
			*f = one;
		any = true;
	}
	return 0;
}

/* Up to 20 of the counterpart's own messages, in the order of its conversations. */
static int sender_ids(struct am *a, size_t s, size_t e, struct am_reader *r, int64_t ids[20],
		      uint32_t *n)
{
	for (size_t k = s; k < e; k++) {
		uint32_t ci = a->by_cp[k];
		const struct am_msg *ms = am_read(a, ci, r);
		if (!ms)
			return -1;
		for (uint32_t m = 0; m < a->c[ci].n && *n < 20; m++)
			if (!(ms[m].flags & M_OWNER))
				ids[(*n)++] = ms[m].id;
	}
	return 0;
}

static void add_id(int64_t **v, size_t *n, size_t *alloc, int64_t id)
{
	ALLOC_GROW(*v, *n + 1, *alloc);
	(*v)[(*n)++] = id;
}

/*
 * The inbound list: a row per counterpart that wrote, judged as its
 * conversations are read (by_cp), and ctx's keys of the senders in the
 * list's order, made at the same time.
 */
int am_inbound(struct report_ctx *ctx, struct am *a, struct autodm_result *res, struct err *err)
{
	struct am_reader r = AM_READER_INIT;
	struct evidence ev = { BUF_INIT, 0 };
	size_t ncp = 0, nrank = 0, nsenders = 0, asenders = 0, aauto = 0, alikely = 0;
	for (size_t s = 0; s < a->nc; s = am_next_cp(a, s))
		ncp++;
	struct rank *rank = xmalloc((ncp ? ncp : 1) * sizeof(*rank));
	struct autodm_sender *senders = NULL;
	for (size_t i = 0, j; i < a->nc; i = j) {
		struct feat f;
		j = am_next_cp(a, i);
		if (cp_features(a, i, j, &r, &f))
			goto fail;
		if (!f.cp_msgs)
			continue;
		char *shown;
		buf_reset(&ev.b);
		ev.n = 0;
		enum autodm_kind kind = judge(ctx, a, &f, &ev, &shown);
		double score = f.s > 0 ? 1 - exp(-f.s) : 0;
		bool is_auto = is_auto_sum(f.s);
		if (!is_auto)
			kind = AUTODM_PERSON;
		/* calibrated on the labelled corpus (README): every sum >= 1.5 was automated */
		enum autodm_confidence confidence = !is_auto ? AUTODM_UNLIKELY
						    : is_certain_sum(f.s) ? AUTODM_NEAR_CERTAIN
									  : AUTODM_LIKELY;
		int64_t ids[20];
		uint32_t nids = 0;
		if (is_auto && sender_ids(a, i, j, &r, ids, &nids)) {
			free(shown);
			goto fail;
		}
		char *h = report_handle(ctx, f.cp);
		struct autodm_row row = {
			.account = f.cp, .messages = f.cp_msgs,
			.template_id = shown ? a->t[f.campaign_cluster].example : 0,
			.first_at = f.first_at, .last_at = f.last_at,
			.score = round(score * 100) / 100, .signal = round(f.s * 100) / 100,
			.kind = kind, .confidence = confidence, .is_auto = is_auto,
			.answered = f.owner_replied, .nevidence = ev.n,
			.evidence_len = (uint32_t)ev.b.len, .nmessage_ids = nids,
			.handle = h, .template = shown, .evidence = ev.b.s, .message_ids = ids,
		};
		uint8_t cents = (uint8_t)round(score * 100);
		rank[nrank++] = (struct rank){ .account = f.cp, .row = (uint32_t)autodm_add(res, &row),
					       .score = cents, .is_auto = is_auto };
		free(h);
		if (is_auto) {
			ALLOC_GROW(senders, nsenders + 1, asenders);
			senders[nsenders++] = (struct autodm_sender){ .account = f.cp,
				.tmpl = row.template_id, .last_at = f.last_at, .messages = f.cp_msgs,
				.score = cents, .kind = (uint8_t)kind,
				.confidence = (uint8_t)confidence };
		}
		free(shown);
		if (confidence == AUTODM_NEAR_CERTAIN)
			add_id(&res->certain, &res->ncertain, &aauto, f.cp);
		else if (confidence == AUTODM_LIKELY)
			add_id(&res->likely, &res->nlikely, &alikely, f.cp);
	}
	am_reader_release(&r);
	buf_release(&ev.b);
	/* by counterpart already, but the lookups must not depend on it */
	if (res->ncertain)
		qsort(res->certain, res->ncertain, sizeof(int64_t), am_cmp_i64);
	if (res->nlikely)
		qsort(res->likely, res->nlikely, sizeof(int64_t), am_cmp_i64);
	if (nrank)
		qsort(rank, nrank, sizeof(*rank), cmp_rank_of);
	res->order = xmalloc((nrank ? nrank : 1) * sizeof(*res->order));
	for (size_t i = 0; i < nrank; i++)
		res->order[i] = rank[i].row;
	res->ninbound = nrank;
	free(rank);
	/* the automated come first in the list, in the same order */
	if (nsenders)
		qsort(senders, nsenders, sizeof(*senders), cmp_automated);
	for (size_t i = 0; i < nsenders; i++)
		senders[i].pos = (uint32_t)i;
	/* non-NULL even when none is automated: the views read keys, not rows */
	res->senders = xrealloc(senders, (nsenders ? nsenders : 1) * sizeof(*senders));
	res->nsenders = nsenders;
	return 0;
fail:
	err_set(err, EXIT_IO, "autodm: cannot read the messages back from a temporary file: %s",
		strerror(errno));
	am_reader_release(&r);
	buf_release(&ev.b);
	free(rank);
	free(senders);
	return -1;
}

/* ------------------------------------------------------------ outbound */


