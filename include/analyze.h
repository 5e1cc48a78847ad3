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

#include <jansson.h>
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

/*
 * One inbound sender as the views and charts sort and count it, made by
 * autodm_analyse beside its row, so that counting the senders never reads
 * the rows back. The strings are as the JSON writes them.
 */
struct autodm_sender {
	size_t pos;            /* its row in the result's inbound list */
	char account[24], tmpl[24], last[32]; /* account_id, template_id ("" none), last_at */
	const char *kind, *confidence;        /* static names */
	double score;          /* as written (two decimals) */
	int64_t messages;
	bool is_auto;
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
	struct autodm_sender *senders; /* every inbound sender, in the result's order */
	size_t nsenders;
	struct report_span *spans; /* exposure_analyse's findings, in the order it made them */
	size_t nspans, aspans;
};

int report_ctx_init(struct report_ctx *ctx, struct store *s, const struct report_opts *o,
		    struct err *err);
void report_ctx_release(struct report_ctx *ctx);
const char *report_name(struct report_ctx *ctx, int64_t id, char out[80]);
char *report_handle(struct report_ctx *ctx, int64_t id);
json_t *report_autodm(struct report_ctx *ctx, struct err *err);
bool report_is_auto_sender(struct report_ctx *ctx, const char *account_id);
bool report_is_likely_auto(struct report_ctx *ctx, const char *account_id);
json_t *report_id(int64_t id);
json_t *report_time(int64_t ms);

/* autodm's verdicts as the other analysers take them: account ids, sorted. */
struct autodm_verdicts {
	const int64_t *automated;   /* near-certain automated senders */
	size_t nautomated;
	const int64_t *likely;      /* only likely automated */
	size_t nlikely;
};
/* The verdicts autodm left in ctx (empty before it ran). */
struct autodm_verdicts report_verdicts(const struct report_ctx *ctx);

json_t *summary_analyse(struct report_ctx *ctx, struct err *err);
json_t *autodm_analyse(struct report_ctx *ctx, struct err *err);
json_t *exposure_analyse(struct report_ctx *ctx, struct err *err);
json_t *changes_analyse(struct report_ctx *ctx, struct err *err);

/*
 * What analyse_run made, kind by kind. Etiquette's result is typed (and its
 * own: struct etiquette_result, etiquette.h); the kinds not typed yet are
 * JSON trees in trees, by name, in the document's order. A kind that did
 * not run is missing (NULL, or no key).
 */
struct etiquette_result;
struct results {
	json_t *trees;                      /* summary, autodm, exposure, changes */
	struct etiquette_result *etiquette;
	json_t *period;                     /* {"since", "until"} of --since/--until, or NULL */
};
#define RESULTS_INIT { NULL, NULL, NULL }
void results_init(struct results *res);
void results_release(struct results *res);
/* Did kind run? */
bool results_has(const struct results *res, const char *kind);
/* kind's JSON tree, or NULL (a typed kind has none). */
json_t *results_tree(const struct results *res, const char *kind);

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
