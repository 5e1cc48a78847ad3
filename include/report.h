/*
 * report: the report kinds, what they share, and how they are found.
 *
 * A report is two steps. analyse() reads the store and returns the result
 * (analyze.h: a typed result, or for the kinds not typed yet a JSON tree).
 * The JSON writer writes it as the contract's document (docs in README),
 * plus extra fields; view() turns the same result into a doc (doc.h), from
 * which every other format is rendered. So the text, Markdown, CSV and HTML
 * outputs read what the JSON says and cannot disagree with it.
 *
 * The analysers and their context are in analyze.h; this header adds the
 * views, the kinds' table and what the views share (links, durations).
 * Reports only read the store (the findings tables, findings.h, are written
 * by the command after them). Personal data is redacted in both steps
 * unless opts->reveal is set.
 */
#ifndef DMAUDIT_REPORT_H
#define DMAUDIT_REPORT_H

#include "analyze.h"
#include "doc.h"
#include "error.h"
#include "store.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct jsonw;

struct report_kind {
	const char *name;
	const char *title;
	/* the kind's part of the page, from its result in res */
	void (*view)(struct report_ctx *ctx, const struct results *res, struct doc *d);
	/* its JSON document where w's next value goes, period (or NULL) last;
	 * -1 when a row cannot be read back (errno) */
	int (*json)(struct jsonw *w, const struct results *res, const struct report_opts *period);
	const char *csv_table;   /* the table CSV output writes */
};

/*
 * The JSON document of the results (report.c): the kind asked for, or with
 * kind NULL every kind that ran, in the analysers' order, then the period.
 * Returns 0, or -1 when a write or a row read back failed (errno set).
 */
int results_json(FILE *out, const struct results *res, const char *kind);

/* NULL when there is no such kind ("all" is handled by the command). */
const struct report_kind *report_find(const char *name);
extern const struct report_kind *const report_kinds[];  /* NULL-terminated, in `all` order */


/*
 * Where the owner can act: the x.com address of a conversation, a tweet or
 * an account, from its id (out holds REPORT_LINK_SIZE bytes).
 */
#define REPORT_LINK_SIZE 112
const char *report_link_conversation(const char *id, char out[REPORT_LINK_SIZE]);
const char *report_link_tweet(const char *id, char out[REPORT_LINK_SIZE]);
const char *report_link_user(const char *id, char out[REPORT_LINK_SIZE]);

/* "3 h 05 min", "2 d 4 h", "45 s" */
void report_duration(int64_t seconds, char out[32]);

/* Each kind's view (its result as a doc) and JSON writer, one file each in src/report/ */
struct summary_result;
void summary_view(struct report_ctx *ctx, const struct summary_result *r, struct doc *d);
/* "period": {"since", "until"} of --since/--until where w's next key goes; nothing for NULL. */
void report_period_json(struct jsonw *w, const struct report_opts *period);
/* The summary document, with period (or NULL) last, where w's next value goes. */
int summary_json(struct jsonw *w, const struct summary_result *r, const struct report_opts *period);
struct autodm_result;
void autodm_view(struct report_ctx *ctx, const struct autodm_result *r, struct doc *d);
/* The autodm document, with period (or NULL) last, where w's next value goes. */
int autodm_json(struct jsonw *w, const struct autodm_result *r, const struct report_opts *period);
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
void autodm_advice_count(const struct autodm_result *r, struct autodm_advice *a);
/* The automated inbound senders' keys (analyze.h), in the result's order. */
const struct autodm_sender *autodm_automated(const struct autodm_result *r, size_t *n);
/* A sender's kind in words: "spam campaign", "auto-DM app", … */
const char *autodm_kind_words(enum autodm_kind kind);
struct etiquette_result;
void etiquette_view(struct report_ctx *ctx, const struct etiquette_result *r, struct doc *d);
/* Conversations waiting for the owner's answer again, leaving out automated senders. */
int64_t etiquette_awaiting_people(const struct etiquette_result *r);
/*
 * The etiquette document, with period (or NULL) last, where w's next value
 * goes (etiquette_json.c). -1 when a row cannot be read back (errno).
 */
int etiquette_json(struct jsonw *w, const struct etiquette_result *r, const struct report_opts *period);
struct exposure_result;
void exposure_view(struct report_ctx *ctx, const struct exposure_result *r, struct doc *d);
/* The exposure document, with period (or NULL) last, where w's next value goes. */
int exposure_json(struct jsonw *w, const struct exposure_result *r, const struct report_opts *period);
struct changes_result;
void changes_view(struct report_ctx *ctx, const struct changes_result *r, struct doc *d);
/* The changes document, with period (or NULL) last, where w's next value goes. */
int changes_json(struct jsonw *w, const struct changes_result *r, const struct report_opts *period);
/* The exposure advice in numbers, counted once for every format. */
struct exposure_advice {
	size_t high;          /* high-severity findings */
	size_t in_public;     /* personal data in the owner's public tweets */
	size_t their_secrets; /* cards, bank details, credentials, identity numbers others sent */
	size_t own_secrets;   /* … the owner sent */
	size_t in_groups;     /* findings in group conversations */
	size_t tone;          /* owner messages that would embarrass if posted */
};
void exposure_advice_count(const struct exposure_result *r, struct exposure_advice *a);

/*
 * `report all`: what to fix first, the few most urgent actions across the
 * reports in results (by kind name), worst first, each with its count and a
 * link to its section; then the page's contents.
 */
void overview_view(struct report_ctx *ctx, const struct results *res, struct doc *d);
/* The page's last line: dmaudit's version, the archive, its snapshots, the time made. */
void overview_footer(struct report_ctx *ctx, const struct results *res, struct doc *d);

#endif
