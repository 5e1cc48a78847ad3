/*
 * autodm_int: what the parts of the auto-DM detector share (autodm.c runs
 * them; autodm.h holds the weights and says how it judges): the compact
 * arrays of messages, conversations and templates, and one function per
 * step. autodm_load.c reads the 1:1 messages and flags each one;
 * autodm_templates.c groups the opening templates and names who sent each;
 * autodm_judge.c sums the evidence per counterpart; autodm_outbound.c
 * judges the owner's own templates.
 */
#ifndef DMAUDIT_AUTODM_INT_H
#define DMAUDIT_AUTODM_INT_H

#include "analyze.h"
#include "buf.h"
#include "u64map.h"

#include <jansson.h>
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
	M_DISCLAIM = 1 << 23,   /* the pitch disowned: "sorry for the unsolicited DM", "this is not spam" */
};


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

int am_cmp_i64(const void *x, const void *y);
bool am_has_id(const int64_t *v, size_t n, int64_t id);
int am_load(struct report_ctx *ctx, struct am *a, struct err *err);
void am_release(struct am *a);
void am_add_names(struct report_ctx *ctx, sqlite3_stmt *st, int64_t id, struct buf *nb,
		  size_t *offs, size_t *n);
void am_cluster(struct am *a);
uint32_t *am_distinct_accounts(struct am *a, bool owner_side, unsigned need,
				   uint32_t **followers_out);
char *am_display_template(struct report_ctx *ctx, struct am *a, uint32_t cluster);
json_t *am_inbound(struct report_ctx *ctx, struct am *a);
json_t *am_outbound(struct report_ctx *ctx, struct am *a);

#endif
