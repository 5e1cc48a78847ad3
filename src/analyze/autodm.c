/*
 * autodm: automated DM senders, inbound and outbound (autodm.h).
 *
 * Three steps: load (one streaming pass over the 1:1 messages into a spill
 * of compact records, a conversation each), group (LSH clusters of opening
 * templates, and who sent each), judge (per counterpart, its conversations
 * read back together, and per outbound template). The JSON is built from
 * the judgement, with the senders' keys (struct autodm_sender) beside it;
 * autodm_view reads only those.
 */
#include "autodm_int.h"
#include "autodm.h"
#include "autodm_result.h"
#include "exitcode.h"
#include "lexicon.h"
#include "text.h"
#include "timeutil.h"
#include "xalloc.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const kind_names[AUTODM_NKINDS] = {
	[AUTODM_PERSON] = "person", [AUTODM_WELCOME] = "welcome",
	[AUTODM_VALIDATION] = "validation", [AUTODM_CAMPAIGN] = "campaign",
	[AUTODM_APP] = "app", [AUTODM_SPAM] = "spam", [AUTODM_SCAM] = "scam",
	[AUTODM_BOT] = "bot",
};

static const char *const confidence_names[] = {
	[AUTODM_UNLIKELY] = "unlikely", [AUTODM_LIKELY] = "likely",
	[AUTODM_NEAR_CERTAIN] = "near-certain",
};

const char *autodm_kind_name(enum autodm_kind k)
{
	return (unsigned)k < AUTODM_NKINDS ? kind_names[k] : "person";
}

const char *autodm_confidence_name(enum autodm_confidence c)
{
	return (unsigned)c <= AUTODM_NEAR_CERTAIN ? confidence_names[c] : "unlikely";
}

enum autodm_kind autodm_kind_of(const char *name)
{
	for (int k = 0; name && k < AUTODM_NKINDS; k++)
		if (!strcmp(name, kind_names[k]))
			return (enum autodm_kind)k;
	return AUTODM_PERSON;
}

enum autodm_confidence autodm_confidence_of(const char *name)
{
	for (int c = 0; name && c <= AUTODM_NEAR_CERTAIN; c++)
		if (!strcmp(name, confidence_names[c]))
			return (enum autodm_confidence)c;
	return AUTODM_UNLIKELY;
}

/* The apps the newest snapshot lists with access to direct messages, by name. */
static int dm_apps(struct report_ctx *ctx, struct autodm_result *res, struct err *err)
{
	sqlite3_stmt *st;
	size_t alloc = 0;
	if (store_prepare(ctx->store,
			  "SELECT id, name, organization FROM app WHERE snapshot_id = (SELECT id FROM "
			  "snapshot ORDER BY generated_at DESC, id DESC LIMIT 1) AND permissions LIKE "
			  "'%directmessages%' ORDER BY name", &st, err))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 1);
		const char *org = (const char *)sqlite3_column_text(st, 2);
		ALLOC_GROW(res->apps, res->napps + 1, alloc);
		res->apps[res->napps++] = (struct autodm_app){ sqlite3_column_int64(st, 0),
			name ? xstrdup(name) : NULL, org ? xstrdup(org) : NULL };
	}
	sqlite3_finalize(st);
	return 0;
}

struct autodm_result *autodm_analyse(struct report_ctx *ctx, struct err *err)
{
	struct am a;
	struct autodm_result *r = autodm_result_new();
	int rc = -1;
	/* one read transaction: a lock per handle lookup costs more than the lookup */
	bool own_txn = sqlite3_get_autocommit(ctx->store->db) &&
		       store_exec(ctx->store, "BEGIN", err) == 0;
	am_init(&a);
	if (am_load(ctx, &a, err))
		goto out;
	am_cluster(&a);
	if (am_count(&a)) {
		err_set(err, EXIT_IO, "autodm: cannot read the messages back from a temporary "
			"file: %s", strerror(errno));
		goto out;
	}
	if (am_inbound(ctx, &a, r, err) || am_outbound(ctx, &a, r, err) || dm_apps(ctx, r, err))
		goto out;
	r->messages_read = a.nm;
	r->templates_compared = a.ns;
	rc = 0;
out:
	am_release(&a);
	if (own_txn)
		store_exec(ctx->store, "COMMIT", NULL);
	if (rc) {
		autodm_result_free(r);
		return NULL;
	}
	return r;
}
