/*
 * report: the report kinds, what they share, and how they are found.
 *
 * A report is two steps. analyse() reads the store and returns the result
 * as JSON: exactly the contract's document (docs in README), plus extra
 * fields. view() turns that JSON into a doc (doc.h), from which every other
 * format is rendered. So the JSON is the single source of truth and the
 * text, Markdown, CSV and HTML outputs cannot disagree with it.
 *
 * Reports only read the store (the findings tables, findings.h, are written
 * by the command after them). Personal data is redacted in both steps
 * unless opts->reveal is set. With a period (--since, --until) the context
 * hides the other messages and tweets from every query: temporary views
 * named message and tweet stand in front of the tables on its connection.
 */
#ifndef DMAUDIT_REPORT_H
#define DMAUDIT_REPORT_H

#include "doc.h"
#include "error.h"
#include "store.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

struct report_opts {
	bool reveal;         /* show personal data in full */
	const char *tz;      /* IANA zone for times shown and business hours; NULL is UTC */
	int hours_from;      /* business hours [from, to) in local hours; -1 when not set */
	int hours_to;
	unsigned workdays;   /* bit 0 = Sunday … bit 6 = Saturday */
	bool rows;           /* JSON output: the big lists become text at once (jrows.h) */
	bool has_since, has_until; /* --since / --until: audit one period */
	int64_t since, until;      /* ms, both ends included */
};

/* A period is set: reports read only the messages and tweets created in it. */
#define REPORT_PERIOD(o) ((o)->has_since || (o)->has_until)

/* Where the value of one exposure finding lies in its text (the JSON never says) */
struct report_span {
	int64_t source_id;
	int channel;          /* 0 dm, 1 group_dm, 2 tweet */
	const char *type;     /* the finding's type name (static) */
	size_t start, end;    /* bytes [start, end) of the text */
};

struct report_ctx {
	struct store *store;
	const struct report_opts *opts;
	int64_t owner;
	char owner_handle[64];
	int64_t as_of;       /* newest snapshot's generation time: "now" for ages */
	sqlite3_stmt *handle_st;
	json_t *autodm;      /* the autodm result, computed once (report_autodm) */
	int64_t *auto_ids;   /* its near-certain automated senders, sorted, for
				report_is_auto_sender (autodm_analyse fills them) */
	size_t nauto;
	int64_t *likely_ids; /* … and those only likely automated, for report_is_likely_auto */
	size_t nlikely;
	bool defer_autodm;   /* analysers leave the autodm-dependent parts to the caller */
	struct report_span *spans; /* exposure_analyse's findings, in the order it made them */
	size_t nspans, aspans;
};

struct report_kind {
	const char *name;
	const char *title;
	json_t *(*analyse)(struct report_ctx *ctx, struct err *err);
	void (*view)(struct report_ctx *ctx, json_t *result, struct doc *d);
	const char *csv_table;   /* the table CSV output writes */
};

/* NULL when there is no such kind ("all" is handled by the command). */
const struct report_kind *report_find(const char *name);
extern const struct report_kind *const report_kinds[];  /* NULL-terminated, in `all` order */

int report_ctx_init(struct report_ctx *ctx, struct store *s, const struct report_opts *o,
		    struct err *err);
void report_ctx_release(struct report_ctx *ctx);

/* "@handle" when the archive revealed one, else the decimal id. */
const char *report_name(struct report_ctx *ctx, int64_t id, char out[80]);
/* The handle alone, or NULL (malloc'ed). */
char *report_handle(struct report_ctx *ctx, int64_t id);

/*
 * The autodm result, computed on first use and kept for the other reports
 * (etiquette leaves automated senders out of its advice). Borrowed: the
 * context owns it. NULL with err filled on failure.
 */
json_t *report_autodm(struct report_ctx *ctx, struct err *err);
/* True when the autodm result judged this account an automated sender. */
bool report_is_auto_sender(struct report_ctx *ctx, const char *account_id);
/* Judged automated, but only likely so: advice must not treat it as a bot. */
bool report_is_likely_auto(struct report_ctx *ctx, const char *account_id);

/*
 * Where the owner can act: the x.com address of a conversation, a tweet or
 * an account, from its id (out holds REPORT_LINK_SIZE bytes).
 */
#define REPORT_LINK_SIZE 112
const char *report_link_conversation(const char *id, char out[REPORT_LINK_SIZE]);
const char *report_link_tweet(const char *id, char out[REPORT_LINK_SIZE]);
const char *report_link_user(const char *id, char out[REPORT_LINK_SIZE]);

/* JSON helpers: ids as strings, times as ISO 8601 UTC strings. */
json_t *report_id(int64_t id);
json_t *report_time(int64_t ms);
/* "3 h 05 min", "2 d 4 h", "45 s" */
void report_duration(int64_t seconds, char out[32]);

/* The report analysers, one per file in src/analyze/ */
json_t *summary_analyse(struct report_ctx *ctx, struct err *err);
void summary_view(struct report_ctx *ctx, json_t *r, struct doc *d);
json_t *autodm_analyse(struct report_ctx *ctx, struct err *err);
void autodm_view(struct report_ctx *ctx, json_t *r, struct doc *d);
/*
 * The autodm advice in numbers, by the one rule every format uses: block
 * only near-certain spam, scam and campaign senders; review those only
 * likely automated; welcome bots and validation requests need neither.
 */
struct autodm_advice {
	unsigned automated;  /* senders judged automated */
	unsigned block;      /* near-certain harmful: block and report */
	unsigned review;     /* likely automated: read the evidence first */
	size_t own;          /* the owner's own automated messages */
};
void autodm_advice_count(json_t *r, struct autodm_advice *a);
/* A sender's kind in words: "spam campaign", "auto-DM app", … */
const char *autodm_kind_words(const char *kind);
json_t *etiquette_analyse(struct report_ctx *ctx, struct err *err);
/* Mark the unanswered conversations whose sender autodm judged automated. */
void etiquette_mark_automated(struct report_ctx *ctx, json_t *r);
void etiquette_view(struct report_ctx *ctx, json_t *r, struct doc *d);
/* Conversations waiting for the owner's answer again, leaving out automated senders. */
int64_t etiquette_awaiting_people(struct report_ctx *ctx, json_t *r);
json_t *exposure_analyse(struct report_ctx *ctx, struct err *err);
void exposure_view(struct report_ctx *ctx, json_t *r, struct doc *d);
json_t *changes_analyse(struct report_ctx *ctx, struct err *err);
void changes_view(struct report_ctx *ctx, json_t *r, struct doc *d);
/* The exposure advice in numbers, counted once for every format. */
struct exposure_advice {
	size_t high;          /* high-severity findings */
	size_t in_public;     /* personal data in the owner's public tweets */
	size_t their_secrets; /* cards, bank details, credentials, identity numbers others sent */
	size_t own_secrets;   /* … the owner sent */
	size_t in_groups;     /* findings in group conversations */
	size_t tone;          /* owner messages that would embarrass if posted */
};
void exposure_advice_count(json_t *r, struct exposure_advice *a);

/*
 * `report all`: what to fix first, the few most urgent actions across the
 * reports in results (by kind name), worst first, each with its count and a
 * link to its section; then the page's contents.
 */
void overview_view(struct report_ctx *ctx, json_t *results, struct doc *d);
/* The page's last line: dmaudit's version, the archive, its snapshots, the time made. */
void overview_footer(struct report_ctx *ctx, json_t *results, struct doc *d);

#endif
