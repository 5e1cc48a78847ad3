/*
 * analyze: what every analyser shares, and the analysers themselves.
 *
 * An analyser reads the store through a context (the connection, the
 * options, the owner, and the auto-DM verdicts once they are known) and
 * returns its result: a typed struct that it owns and frees (etiquette:
 * struct etiquette_result, etiquette.h), or, for the kinds not typed yet, a
 * JSON tree that is exactly the contract's document plus extra fields. It
 * knows nothing of the formats a result is written in; the writers and
 * views (report.h) read the results only. What one analyser takes from
 * another is an explicit input (etiquette_judge takes autodm's verdicts),
 * given by the one scheduler, analyse_run. Reports only read
 * the store. With a period (--since, --until) the context hides the other
 * messages and tweets from every query: temporary views named message and
 * tweet stand in front of the tables on its connection.
 */
#ifndef DMAUDIT_ANALYZE_H
#define DMAUDIT_ANALYZE_H

#include "error.h"
#include "store.h"

#include <stdbool.h>
#include <stdint.h>

struct report_opts {
	bool reveal;         /* show personal data in full */
	const char *tz;      /* IANA zone for times shown and business hours; NULL is UTC */
	int hours_from;      /* business hours [from, to) in local hours; -1 when not set */
	int hours_to;
	unsigned workdays;   /* bit 0 = Sunday … bit 6 = Saturday */
	bool has_since, has_until; /* --since / --until: audit one period */
	int64_t since, until;      /* ms, both ends included */
};

/* A period is set: reports read only the messages and tweets created in it. */
#define REPORT_PERIOD(o) ((o)->has_since || (o)->has_until)

struct report_span {
	int64_t source_id;
	int channel;          /* 0 dm, 1 group_dm, 2 tweet */
	const char *type;     /* the finding's type name (static) */
	size_t start, end;    /* bytes [start, end) of the text */
};

/* An inbound sender's kind and confidence, as the JSON names them (autodm_kind_name). */
enum autodm_kind {
	AUTODM_PERSON, AUTODM_WELCOME, AUTODM_VALIDATION, AUTODM_CAMPAIGN, AUTODM_APP,
	AUTODM_SPAM, AUTODM_SCAM, AUTODM_BOT, AUTODM_NKINDS
};
enum autodm_confidence { AUTODM_UNLIKELY, AUTODM_LIKELY, AUTODM_NEAR_CERTAIN };

/*
 * One automated inbound sender as the views and charts sort and count it,
 * made by autodm_analyse with its row, so that counting them never reads
 * the rows back. Only the automated are kept (the views and charts read no
 * other), and as numbers, not text: 40 bytes a sender; the views format
 * them as the JSON writes them (ids in decimal, times by time_format_iso).
 */
struct autodm_sender {
	int64_t account;       /* account_id */
	int64_t tmpl;          /* template_id, 0 when it has none */
	int64_t last_at;       /* ms */
	uint32_t pos;          /* its row in the result's inbound list */
	uint32_t messages;
	uint8_t score;         /* hundredths, as written (score / 100.0 is the JSON's) */
	uint8_t kind;          /* enum autodm_kind */
	uint8_t confidence;    /* enum autodm_confidence: likely or near-certain */
};

/* The JSON's names; autodm_kind_of and autodm_confidence_of read them back. */
const char *autodm_kind_name(enum autodm_kind k);
const char *autodm_confidence_name(enum autodm_confidence c);
enum autodm_kind autodm_kind_of(const char *name);        /* AUTODM_PERSON when unknown */
enum autodm_confidence autodm_confidence_of(const char *name); /* AUTODM_UNLIKELY when unknown */

struct report_ctx {
	struct store *store;
	const struct report_opts *opts;
	int64_t owner;
	char owner_handle[64];
	int64_t as_of;       /* newest snapshot's generation time: "now" for ages */
	sqlite3_stmt *handle_st;
	struct autodm_result *autodm; /* the autodm result and its verdicts, computed once
					 (report_autodm) */
};

int report_ctx_init(struct report_ctx *ctx, struct store *s, const struct report_opts *o,
		    struct err *err);
void report_ctx_release(struct report_ctx *ctx);
const char *report_name(struct report_ctx *ctx, int64_t id, char out[80]);
char *report_handle(struct report_ctx *ctx, int64_t id);
struct autodm_result *report_autodm(struct report_ctx *ctx, struct err *err);

/* autodm's verdicts as the other analysers take them: account ids, sorted. */
struct autodm_verdicts {
	const int64_t *automated;   /* near-certain automated senders */
	size_t nautomated;
	const int64_t *likely;      /* only likely automated */
	size_t nlikely;
};
/* The verdicts autodm left in ctx (empty before it ran). */
struct autodm_verdicts report_verdicts(const struct report_ctx *ctx);

/*
 * What analyse_run made, kind by kind: each kind's typed result (summary.h,
 * autodm_result.h, etiquette.h, exposure.h, changes.h), NULL when it did not
 * run. The results own theirs but autodm's, which the context keeps (the
 * views read its verdicts there too).
 */
struct summary_result;
struct autodm_result;
struct etiquette_result;
struct exposure_result;
struct changes_result;
struct results {
	struct summary_result *summary;
	const struct autodm_result *autodm; /* ctx->autodm */
	struct etiquette_result *etiquette;
	struct exposure_result *exposure;
	struct changes_result *changes;
	const struct report_opts *period;   /* --since/--until, the JSON says; or NULL */
};
#define RESULTS_INIT { NULL, NULL, NULL, NULL, NULL, NULL }
void results_init(struct results *res);
void results_release(struct results *res);
/* Did kind run? */
bool results_has(const struct results *res, const char *kind);

/*
 * Run the analyser named one, or with one NULL every analyser, on both
 * cores (db: the database's path, for the second thread's own connection),
 * into res. Etiquette takes autodm's verdicts, so autodm runs first (one
 * kind) or both run and etiquette is judged once both are done (all). The
 * verdicts end in ctx, for the views. Returns 0, or -1 with err filled;
 * nothing is half done (res holds what ran; results_release frees it).
 */
int analyse_run(struct report_ctx *ctx, const char *db, const char *one, struct results *res,
		struct err *err);

#endif
