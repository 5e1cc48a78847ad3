/*
 * The findings tables (findings.h).
 */
#include "findings.h"
#include "exitcode.h"
#include "jrows.h"
#include "timeutil.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* The exposure spans, sorted by channel, source and type, for bsearch */
struct spans {
	struct report_span *v;
	size_t n;
};

typedef int (*row_fn)(struct store *w, sqlite3_stmt *st, const struct spans *sp,
		      json_t *row, struct err *err);

/*
 * Call fn on every element of array a: its trees, or for a rows array
 * (JSON output) each row read back from the text that was written.
 */
static int each_row(json_t *a, row_fn fn, struct store *w, sqlite3_stmt *st,
		    const struct spans *ctx, struct err *err)
{
	const struct jrows *rows = jrows_of(a);
	if (!rows) {
		size_t i;
		json_t *v;
		json_array_foreach(a, i, v)
			if (fn(w, st, ctx, v, err))
				return -1;
		return 0;
	}
	for (size_t i = 0; i < jrows_count(rows); i++) {
		size_t len;
		const char *text = jrows_text(rows, i, &len);
		json_t *v = json_loadb(text, len, 0, NULL);
		if (!v)
			return err_set(err, EXIT_IO, "'%s': a report row is not JSON", w->path);
		int rc = fn(w, st, ctx, v, err);
		json_decref(v);
		if (rc)
			return -1;
	}
	return 0;
}

static void bind_text_key(sqlite3_stmt *st, int i, json_t *o, const char *key)
{
	const char *v = json_string_value(json_object_get(o, key));
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* An id string as an integer; NULL when absent */
static void bind_id_key(sqlite3_stmt *st, int i, json_t *o, const char *key)
{
	const char *v = json_string_value(json_object_get(o, key));
	if (v)
		sqlite3_bind_int64(st, i, strtoll(v, NULL, 10));
	else
		sqlite3_bind_null(st, i);
}

/* Numbers and booleans as they are; NULL when absent or null */
static void bind_num_key(sqlite3_stmt *st, int i, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	if (json_is_integer(v))
		sqlite3_bind_int64(st, i, json_integer_value(v));
	else if (json_is_real(v))
		sqlite3_bind_double(st, i, json_real_value(v));
	else if (json_is_boolean(v))
		sqlite3_bind_int(st, i, json_is_true(v));
	else
		sqlite3_bind_null(st, i);
}

/* A JSON value as compact JSON text (jansson's blocks go back through its hooks, jarena.h) */
static void bind_json_key(sqlite3_stmt *st, int i, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	char *s = v ? json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
	json_malloc_t m;
	json_free_t f;
	if (!s) {
		sqlite3_bind_text(st, i, "[]", -1, SQLITE_STATIC);
		return;
	}
	sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	json_get_alloc_funcs(&m, &f);
	f(s);
}

static int autodm_row(struct store *w, sqlite3_stmt *st, const struct spans *sp,
		      json_t *o, struct err *err)
{
	(void)sp;
	bind_id_key(st, 1, o, "account_id");
	bind_num_key(st, 2, o, "auto");
	bind_num_key(st, 3, o, "score");
	bind_text_key(st, 4, o, "kind");
	bind_json_key(st, 5, o, "evidence");
	return store_step_done(w, st, err);
}

static int etiquette_row(struct store *w, sqlite3_stmt *st, const struct spans *sp,
			 json_t *o, struct err *err)
{
	(void)sp;
	bind_text_key(st, 1, o, "conversation_id");
	bind_id_key(st, 2, o, "counterpart_id");
	bind_text_key(st, 3, o, "initiated_by");
	bind_num_key(st, 4, o, "first_response_seconds");
	bind_json_key(st, 5, o, "reply_seconds");
	bind_num_key(st, 6, o, "cold");
	bind_num_key(st, 7, o, "first_has_url");
	bind_num_key(st, 8, o, "owner_messages_before_reply");
	return store_step_done(w, st, err);
}

static int channel_of(const char *ch)
{
	return !ch ? -1 : !strcmp(ch, "dm") ? 0 : !strcmp(ch, "group_dm") ? 1 : 2;
}

static int span_cmp(const void *pa, const void *pb)
{
	const struct report_span *a = pa, *b = pb;
	if (a->channel != b->channel)
		return a->channel - b->channel;
	if (a->source_id != b->source_id)
		return (a->source_id > b->source_id) - (a->source_id < b->source_id);
	return strcmp(a->type, b->type);
}

/* The span of the finding (channel, source, type): one per text and type. */
static const struct report_span *find_span(const struct spans *sp, int channel,
					   int64_t source, const char *type)
{
	struct report_span key = { source, channel, type, 0, 0 };
	return sp->n ? bsearch(&key, sp->v, sp->n, sizeof(key), span_cmp) : NULL;
}

static int exposure_row(struct store *w, sqlite3_stmt *st, const struct spans *sp,
			json_t *o, struct err *err)
{
	const char *src = json_string_value(json_object_get(o, "source_id"));
	const char *type = json_string_value(json_object_get(o, "type"));
	int channel = channel_of(json_string_value(json_object_get(o, "channel")));
	const struct report_span *at = src && type ? find_span(sp, channel,
							       strtoll(src, NULL, 10), type) : NULL;
	bind_id_key(st, 1, o, "source_id");
	bind_text_key(st, 2, o, "channel");
	bind_text_key(st, 3, o, "conversation_id");
	bind_text_key(st, 4, o, "type");
	bind_text_key(st, 5, o, "severity");
	bind_text_key(st, 6, o, "disclosed_by");
	if (at) {
		sqlite3_bind_int64(st, 7, (sqlite3_int64)at->start);
		sqlite3_bind_int64(st, 8, (sqlite3_int64)at->end);
	} else {
		sqlite3_bind_null(st, 7);
		sqlite3_bind_null(st, 8);
	}
	return store_step_done(w, st, err);
}

static const struct table {
	const char *kind, *list, *name, *insert;
	row_fn fn;
} tables[] = {
	{ "autodm", "inbound", "autodm_sender",
	  "INSERT OR REPLACE INTO autodm_sender (account_id, auto, score, kind, evidence)"
	  " VALUES (?1, ?2, ?3, ?4, ?5)", autodm_row },
	{ "etiquette", "conversations", "etiquette_conversation",
	  "INSERT OR REPLACE INTO etiquette_conversation (conversation_id, counterpart_id,"
	  " initiated_by, first_response_seconds, reply_seconds, cold, first_has_url,"
	  " owner_messages_before_reply) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", etiquette_row },
	{ "exposure", "findings", "exposure_finding",
	  "INSERT OR REPLACE INTO exposure_finding (source_id, channel, conversation_id, type,"
	  " severity, disclosed_by, value_start, value_end)"
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", exposure_row },
};

bool findings_any(json_t *results)
{
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		if (json_object_get(results, tables[i].kind))
			return true;
	return false;
}

static int write_table(struct store *w, const struct spans *sp, const struct table *t,
		       json_t *list, struct err *err)
{
	char *del = xasprintf("DELETE FROM %s", t->name);
	int rc = store_exec(w, del, err);
	free(del);
	if (rc)
		return -1;
	sqlite3_stmt *st;
	if (store_prepare(w, t->insert, &st, err))
		return -1;
	rc = each_row(list, t->fn, w, st, sp, err);
	sqlite3_finalize(st);
	return rc;
}

int findings_write(struct store *w, const struct report_ctx *ctx, json_t *results,
		   struct err *err)
{
	char now[32];
	struct spans sp = { NULL, ctx->nspans };
	if (sp.n) {
		sp.v = xmalloc(sp.n * sizeof(*sp.v));
		memcpy(sp.v, ctx->spans, sp.n * sizeof(*sp.v));
		qsort(sp.v, sp.n, sizeof(*sp.v), span_cmp);
	}
	if (store_begin(w, err))
		goto fail;
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		json_t *r = json_object_get(results, tables[i].kind);
		json_t *list = json_object_get(r, tables[i].list);
		if (r && json_is_array(list) && write_table(w, &sp, &tables[i], list, err))
			goto fail;
	}
	time_format_iso(time_now_ms(), now);
	if (store_meta_set(w, "findings_written_at", now, err) || store_commit(w, err))
		goto fail;
	free(sp.v);
	return 0;
fail:
	store_rollback(w);
	free(sp.v);
	return -1;
}
