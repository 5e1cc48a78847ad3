/*
 * autodm_result: the auto-DM detector's typed result. autodm.c makes it
 * (the weights and how it judges are in autodm.h); autodm_result.c keeps
 * its rows; autodm_json.c writes it as the contract's JSON; the view, the
 * overview, the charts and the findings table read its fields.
 *
 * The inbound list has a row per account that wrote to the owner: a record
 * on a spill list (the row's struct with its pointers cleared, then its
 * strings and message ids), read back through autodm_iter in the list's
 * order (automated first, by score, then by id). The outbound templates,
 * the owner's automated messages and the apps are few, and held.
 *
 * The verdicts are part of it: the sorted ids of the near-certain and the
 * likely automated senders (what etiquette takes), and a small key per
 * automated sender (struct autodm_sender, analyze.h) that the views and
 * charts count and sort without reading the rows. The context keeps the
 * result (report_autodm), computed once.
 */
#ifndef DMAUDIT_AUTODM_RESULT_H
#define DMAUDIT_AUTODM_RESULT_H

#include "analyze.h"
#include "spill.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One inbound row; the pointers are into the iterator's record until its next step. */
struct autodm_row {
	int64_t account;
	int64_t messages;
	int64_t template_id;         /* 0 when no template is shown */
	int64_t first_at, last_at;   /* ms */
	double score, signal;        /* rounded as written */
	enum autodm_kind kind;       /* AUTODM_PERSON when not automated */
	enum autodm_confidence confidence;
	bool is_auto, answered;
	uint32_t nevidence;          /* evidence lines, each ending in a NUL, one after another */
	uint32_t evidence_len;       /* bytes of them all */
	uint32_t nmessage_ids;       /* at most 20, the automated senders' only */
	const char *handle;          /* NULL when unknown */
	const char *template;        /* the template shown, or NULL */
	const char *evidence;
	const int64_t *message_ids;
};

struct autodm_template {
	char *text;
	int64_t template_id;
	int64_t messages, recipients, recipients_following, messages_in_bursts;
	int64_t first_sent, last_sent;   /* ms */
};

struct autodm_app {
	int64_t id;
	char *name, *organization;        /* NULL when the archive has none */
};

struct autodm_result {
	struct spill inbound;            /* the rows' records, in the order made */
	uint32_t *order;                 /* the list: order[k] is the k-th row's record */
	size_t ninbound;
	/* the verdicts: account ids, sorted; the automated senders' keys, in the list's order */
	int64_t *certain, *likely;
	size_t ncertain, nlikely;
	struct autodm_sender *senders;
	size_t nsenders;
	/* outbound: the owner's automated messages, in the JSON's order, and their times */
	int64_t *own_ids, *own_at;
	size_t nown;
	struct autodm_template *templates;
	size_t ntemplates, atemplates;
	struct autodm_app *apps;
	size_t napps;
	size_t messages_read, templates_compared;
};

struct autodm_result *autodm_analyse(struct report_ctx *ctx, struct err *err);
void autodm_result_free(struct autodm_result *r);

/* An empty result (the analyser; tests). */
struct autodm_result *autodm_result_new(void);
/* Append a row; returns its record's number (order[] then says where it goes). */
size_t autodm_add(struct autodm_result *r, const struct autodm_row *row);

/*
 * The inbound rows in the list's order:
 *
 *	struct autodm_iter it;
 *	for (const struct autodm_row *o = autodm_first(&it, r); o; o = autodm_next(&it))
 *		...;
 *
 * or by position: autodm_open(), autodm_get(&it, k) for k below it.n, then
 * autodm_stop(). A row that cannot be read back gives NULL and sets failed.
 */
struct autodm_iter {
	const struct autodm_result *r;
	size_t i, n;
	struct spill_cursor cursor;
	struct autodm_row row;
	int64_t *ids;                    /* the row's message ids, aligned */
	size_t aids;
	bool failed;
};
void autodm_open(struct autodm_iter *it, const struct autodm_result *r);
const struct autodm_row *autodm_get(struct autodm_iter *it, size_t k);
const struct autodm_row *autodm_first(struct autodm_iter *it, const struct autodm_result *r);
const struct autodm_row *autodm_next(struct autodm_iter *it);
void autodm_stop(struct autodm_iter *it);

/* The evidence line after e in a row (e NULL: the first); NULL after the last. */
const char *autodm_evidence_next(const struct autodm_row *o, const char *e);

#endif
