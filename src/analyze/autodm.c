/*
 * autodm: automated DM senders, inbound and outbound (autodm.h).
 *
 * Three steps: load (one streaming pass over the 1:1 messages into compact
 * arrays), group (LSH clusters of opening templates, and who sent each),
 * judge (per counterpart and per outbound template). The JSON is built from
 * the judgement; autodm_view reads only that JSON.
 */
#include "autodm_int.h"
#include "autodm.h"
#include "lexicon.h"
#include "text.h"
#include "timeutil.h"
#include "xalloc.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
	json_t *r = NULL, *apps;
	/* one read transaction: a lock per handle lookup costs more than the lookup */
	bool own_txn = sqlite3_get_autocommit(ctx->store->db) &&
		       store_exec(ctx->store, "BEGIN", err) == 0;
	memset(&a, 0, sizeof(a));
	if (am_load(ctx, &a, err))
		goto out;
	am_cluster(&a);
	if (!(apps = dm_apps(ctx, err)))
		goto out;
	r = json_object();
	json_object_set_new(r, "inbound", am_inbound(ctx, &a));
	json_object_set_new(r, "outbound", am_outbound(ctx, &a));
	json_object_set_new(r, "apps_with_dm_access", apps);
	json_object_set_new(r, "messages_read", json_integer((json_int_t)a.nm));
	json_object_set_new(r, "templates_compared", json_integer((json_int_t)a.ns));
out:
	am_release(&a);
	if (own_txn)
		store_exec(ctx->store, "COMMIT", NULL);
	return r;
}
