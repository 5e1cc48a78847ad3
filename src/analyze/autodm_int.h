/*
 * autodm_int: what the parts of the auto-DM detector share (autodm.c runs
 * them; autodm.h holds the weights and says how it judges): the messages,
 * conversations and templates, and one function per step. autodm_load.c
 * reads the 1:1 messages and flags each one; autodm_templates.c groups the
 * opening templates and counts who sent each; autodm_judge.c sums the
 * evidence per counterpart; autodm_outbound.c judges the owner's own
 * templates.
 *
 * Memory: what grows with the archive is kept per conversation (struct
 * am_conv, 16 bytes, 4 for the order by counterpart, 8 for its record's
 * place in the spill) and per distinct text (struct am_tmpl), never per
 * message. The messages themselves are a
 * spill list (spill.h), one record a conversation holding its messages'
 * AM_MSG_BYTES each, read back one conversation at a time (am_read): in
 * memory up to AM_SPILL_BOUND, beyond it in a temporary file.
 */
#ifndef DMAUDIT_AUTODM_INT_H
#define DMAUDIT_AUTODM_INT_H

#include "analyze.h"
#include "autodm.h"
#include "buf.h"
#include "spill.h"
#include "u64map.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
	M_AUTOREPLY = 1 << 18,  /* a business's automatic reply: away, hours, a menu */
	M_HOURS = 1 << 19,      /* opening hours written as a range ("09:00-18:00", "9am-5pm") */
	M_HEADER = 1 << 20,     /* opens with a bracketed label, as notices do ("【提醒】") */
	M_BARE_PITCH = 1 << 21, /* a pitch and a handle or link, hardly another word */
	M_OFFER = 1 << 22,      /* a seller's offer: how to order, prices from */
	M_TOKENS = 1 << 23,     /* AUTODM_MIN_TOKENS words or more, slots included */
	M_DISCLAIM = 1 << 24,   /* the pitch disowned: "sorry for the unsolicited DM", "this is not spam" */
	M_PAIR = 1 << 25,       /* AUTODM_PAIR_WORDS words or more besides the slots */
	M_LETTER = 1 << 26,     /* AUTODM_LETTER_WORDS words or more, no link or handle: a letter */
	M_DEFANGED = 1 << 27,   /* a domain written to slip past link filters ("site . com") */
	M_FAST = 1 << 28,       /* came right after the owner's, faster than anyone types */
	M_PRICED = 1 << 29,     /* names a price: "$199", "200 €", "R$ 49,90" */
	M_DECLINE = 1 << 30,    /* the owner's first reply turns an offer down */
};
/* asks for a one-word reply in capitals: "Reply GROW", "Balas NAK" (outside
 * the enum: an enumerator is an int) */
#define M_KEYWORD (1u << 31)

/* an owner's reply, in a conversation the other side opened, that hands over
 * a one-time code, a password or a card number (the personal-data scanner's
 * credential or payment_card): what phishing is after */
#define M_GAVE_SECRET ((uint64_t)1 << 32)
/* an opening that came right after the sender's own, faster than anyone types:
 * a second text pasted or sent by software */
#define M_PASTED ((uint64_t)1 << 33)
/* an opening with AUTODM_HASHTAGS hashtags or more: a text written for a timeline */
#define M_HASHTAGS ((uint64_t)1 << 34)
/* a customer's words: a question, or the writer's own affairs told in the
 * first person ("are you open on Sunday?", "I booked a flu shot but…") */
#define M_ASKS ((uint64_t)1 << 35)
/* gives an international phone number ("+44 7700 120328") */
#define M_INTL_PHONE ((uint64_t)1 << 36)
/* asks something: a question mark (? ？ ؟) in it */
#define M_QUESTION ((uint64_t)1 << 37)
/* holds a number outside its links: a time, an amount, a reference */
#define M_NUMBERED ((uint64_t)1 << 38)
/* opens with a pictograph, then a headline, as broadcasts do ("🔥 HOT SALE …", "🎲 Du er invitert …") */
#define M_HEADLINE ((uint64_t)1 << 39)

/* A message as load keeps it; its record in the spill is AM_MSG_BYTES. */
struct am_msg {
	int64_t id, at;
	uint64_t flags;
	uint32_t tmpl;
	uint32_t contact;    /* a phone, e-mail or messenger id it gives, hashed; 0: none */
};

#define AM_MSG_BYTES 32                /* id, at, flags, tmpl, contact */

/* Two messages days apart at the same time of day, to AUTODM_SCHEDULE_TOL_MS. */
static inline bool am_same_time_of_day(int64_t a, int64_t b)
{
	const int64_t day = 24LL * 60 * 60 * 1000;
	int64_t d = b - a;
	if (d < day - AUTODM_SCHEDULE_TOL_MS)
		return false;
	int64_t r = d % day;
	return r <= AUTODM_SCHEDULE_TOL_MS || day - r <= AUTODM_SCHEDULE_TOL_MS;
}
#define AM_SPILL_BOUND ((size_t)1 << 20) /* bytes of records held before the file */

struct am_conv {
	int64_t cp;
	uint32_t first, n;   /* its messages' numbers in load order: [first, first + n) */
};

/* A conversation's messages read back (am_read); the reader's own buffers. */
struct am_reader {
	struct am_msg *m;
	size_t alloc;
	struct buf scratch;
};

#define AM_READER_INIT { NULL, 0, BUF_INIT }

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
	struct spill msgs;   /* record k: conversation k's messages, in order */
	size_t nm;           /* messages read */
	struct am_conv *c;
	size_t nc, ac;
	uint32_t *by_cp;     /* conversation numbers by counterpart (then number) */
	struct am_tmpl *t;
	size_t nt, at;
	struct u64map map;   /* template hash -> index */
	uint32_t *sigs;      /* ns * TEXT_MINHASH_K; freed once grouped (am_cluster) */
	uint32_t *sig_tmpl;
	size_t ns, as;
	int64_t *following, *followers;
	size_t nfollowing, nfollowers;
	/* distinct accounts per cluster representative, over opening messages (am_count) */
	uint32_t *in_senders;   /* … the counterparts sent */
	uint32_t *in_linkers;   /* … the counterparts sent with a link */
	uint32_t *recipients;   /* … the owner sent */
	uint32_t *recipients_following; /* … the owner sent to accounts that follow the owner */
	/* contact hash -> distinct counterparts that gave it in an opening; 0
	 * for those the owner gave (am_count) */
	struct u64map contacts;
};

int am_cmp_i64(const void *x, const void *y);
bool am_has_id(const int64_t *v, size_t n, int64_t id);
void am_init(struct am *a);
int am_load(struct report_ctx *ctx, struct am *a, struct err *err);
void am_release(struct am *a);
void am_add_names(struct report_ctx *ctx, sqlite3_stmt *st, int64_t id, struct buf *nb,
		  size_t *offs, size_t *n);
void am_cluster(struct am *a);
/*
 * Conversation ci's messages into r->m (its n messages, am_conv.n); NULL
 * with errno set when the temporary file cannot be read.
 */
const struct am_msg *am_read(const struct am *a, uint32_t ci, struct am_reader *r);
void am_reader_release(struct am_reader *r);
/* The conversations of one counterpart: by_cp[*from, returned end). */
size_t am_next_cp(const struct am *a, size_t from);
/* Fill in_senders … recipients_following, a counterpart at a time; -1 (errno) on a read error. */
int am_count(struct am *a);
char *am_display_template(struct report_ctx *ctx, struct am *a, uint32_t cluster);
/* NULL, with err filled, when the messages cannot be read back. */
struct autodm_result;
/* The inbound rows and the outbound templates into res; -1 with err filled. */
int am_inbound(struct report_ctx *ctx, struct am *a, struct autodm_result *res, struct err *err);
int am_outbound(struct report_ctx *ctx, struct am *a, struct autodm_result *res, struct err *err);

#endif
