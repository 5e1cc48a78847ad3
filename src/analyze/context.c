/*
 * context: the analysis context every analyser reads (analyze.h): the
 * store, the options, the owner and their handle, the period's views, and
 * the auto-DM verdicts once autodm has run; and the JSON helpers the
 * analysers share (ids as strings, times as ISO 8601).
 */
#include "analyze.h"
#include "autodm_result.h"
#include "exitcode.h"
#include "fmt.h"
#include "timeutil.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Temporary views on this connection that keep the period's rows of message
 * and tweet, and the conversations with a message in it: unqualified names find the
 * temp schema first, so every query of the analysers and charts reads the
 * period alone, through the tables' indexes (SQLite flattens the views
 * into the queries).
 */
static int report_period_views(struct store *s, const struct report_opts *o, struct err *err)
{
	long long a = o->has_since ? (long long)o->since : INT64_MIN;
	long long b = o->has_until ? (long long)o->until : INT64_MAX;
	char *sql = xasprintf("CREATE TEMP VIEW message AS SELECT * FROM main.message"
			      " WHERE created_at BETWEEN %lld AND %lld;"
			      "CREATE TEMP VIEW tweet AS SELECT * FROM main.tweet"
			      " WHERE created_at BETWEEN %lld AND %lld;"
			      "CREATE TEMP VIEW conversation AS SELECT * FROM main.conversation c"
			      " WHERE EXISTS (SELECT 1 FROM main.message m WHERE m.conversation_id = c.id"
			      " AND m.created_at BETWEEN %lld AND %lld);", a, b, a, b, a, b);
	int rc = store_exec(s, sql, err);
	free(sql);
	return rc;
}

int report_ctx_init(struct report_ctx *ctx, struct store *s, const struct report_opts *o,
		    struct err *err)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->store = s;
	ctx->opts = o;
	ctx->owner = store_owner(s);
	if (!ctx->owner)
		return err_set(err, EXIT_IO, "'%s': holds no archive yet; run 'dmaudit ingest' first",
			       s->path);
	char *h = store_meta_get(s, "owner_handle");
	snprintf(ctx->owner_handle, sizeof(ctx->owner_handle), "%s", h ? h : "");
	free(h);
	ctx->as_of = store_int(s, "SELECT max(generated_at) FROM snapshot", 0);
	if (REPORT_PERIOD(o) && report_period_views(s, o, err))
		return -1;
	if (o->has_until && o->until < ctx->as_of)
		ctx->as_of = o->until;
	if (store_prepare(s, "SELECT handle FROM account WHERE id = ?", &ctx->handle_st, err))
		return -1;
	return 0;
}

void report_ctx_release(struct report_ctx *ctx)
{
	autodm_result_free(ctx->autodm);
	ctx->autodm = NULL;
	sqlite3_finalize(ctx->handle_st);
	ctx->handle_st = NULL;
}

char *report_handle(struct report_ctx *ctx, int64_t id)
{
	char *h = NULL;
	sqlite3_bind_int64(ctx->handle_st, 1, id);
	if (sqlite3_step(ctx->handle_st) == SQLITE_ROW && sqlite3_column_text(ctx->handle_st, 0))
		h = xstrdup((const char *)sqlite3_column_text(ctx->handle_st, 0));
	sqlite3_reset(ctx->handle_st);
	return h;
}

const char *report_name(struct report_ctx *ctx, int64_t id, char out[80])
{
	char *h = report_handle(ctx, id);
	if (h)
		snprintf(out, 80, "@%s", h);
	else
		snprintf(out, 80, "%lld", (long long)id);
	free(h);
	return out;
}


