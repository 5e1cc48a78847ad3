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

static json_t *dm_apps(struct report_ctx *ctx, struct err *err)
{
	sqlite3_stmt *st;
	json_t *arr = json_array();
	if (store_prepare(ctx->store,
			  "SELECT id, name, organization FROM app WHERE snapshot_id = (SELECT id FROM "
			  "snapshot ORDER BY generated_at DESC, id DESC LIMIT 1) AND permissions LIKE "
			  "'%directmessages%' ORDER BY name", &st, err)) {
		json_decref(arr);
		return NULL;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		json_t *o = json_object();
		const char *name = (const char *)sqlite3_column_text(st, 1);
		const char *org = (const char *)sqlite3_column_text(st, 2);
		json_object_set_new(o, "app_id", report_id(sqlite3_column_int64(st, 0)));
		json_object_set_new(o, "name", name ? json_string(name) : json_null());
		json_object_set_new(o, "organization", org ? json_string(org) : json_null());
		json_array_append_new(arr, o);
	}
	sqlite3_finalize(st);
	return arr;
}

json_t *autodm_analyse(struct report_ctx *ctx, struct err *err)
{
	struct am a;
	json_t *r = NULL, *apps, *in, *out;
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
	if (!(in = am_inbound(ctx, &a, err)))
		goto out;
	if (!(out = am_outbound(ctx, &a, err)))
		goto out;   /* in stays: a rows array lives until jrows_release_all() */
	if (!(apps = dm_apps(ctx, err))) {
		json_decref(out);
		goto out;
	}
	r = json_object();
	json_object_set_new(r, "inbound", in);
	json_object_set_new(r, "outbound", out);
	json_object_set_new(r, "apps_with_dm_access", apps);
	json_object_set_new(r, "messages_read", json_integer((json_int_t)a.nm));
	json_object_set_new(r, "templates_compared", json_integer((json_int_t)a.ns));
out:
	am_release(&a);
	if (own_txn)
		store_exec(ctx->store, "COMMIT", NULL);
	return r;
}
