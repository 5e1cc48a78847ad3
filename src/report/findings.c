/*
 * The findings tables (findings.h).
 */
#include "findings.h"
#include "buf.h"
#include "etiquette.h"
#include "exposure.h"
#include "fmt.h"
#include "exitcode.h"
#include "jdoc.h"
#include "jrows.h"
#include "jsonw.h"
#include "timeutil.h"
#include "trace.h"
#include "xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * A row is read as jdoc nodes, whichever form the result list has: the text
 * a JSON report already wrote (jrows.h), or a tree written as text here.
 * One reader for both, and several times faster than building trees from
 * the text (a report of a million messages has 280k rows).
 */
typedef int (*row_fn)(struct store *w, sqlite3_stmt *st, const struct jnode *row,
		      struct err *err);

/*
 * Call fn on every element of array a: its trees, or for a rows array
 * (JSON output) each row read back from the text that was written.
 */
static int each_row(json_t *a, row_fn fn, struct store *w, sqlite3_stmt *st,
		    struct err *err)
{
	const struct jrows *rows = jrows_of(a);
	size_t n = rows ? jrows_count(rows) : json_array_size(a);
	struct jdoc d = JDOC_INIT;
	struct buf tree = BUF_INIT;
	int rc = 0;
	for (size_t i = 0; i < n && !rc; i++) {
		size_t len, at;
		const char *text, *why;
		if (rows) {
			if (!(text = jrows_text(rows, i, &tree, &len))) {
				rc = err_set(err, EXIT_IO, "reading a report's rows back: %s",
					     strerror(errno));
				break;
			}
		} else {
			buf_reset(&tree);
			jsonw_text(&tree, json_array_get(a, i));
			text = tree.s, len = tree.len;
		}
		if (jdoc_parse(&d, text, len, &at, &why) || !jis(jdoc_root(&d), J_OBJECT))
			rc = err_set(err, EXIT_IO, "'%s': a report row is not JSON", w->path);
		else
			rc = fn(w, st, jdoc_root(&d), err);
	}
	jdoc_release(&d);
	buf_release(&tree);
	return rc;
}

/* The string at key (bytes, length), NULL when absent or not a string. */
static const char *row_str(const struct jnode *r, const char *key, size_t *len)
{
	const struct jnode *v = jdoc_get(r, key);
	*len = jis(v, J_STRING) ? v->len : 0;
	return jis(v, J_STRING) ? v->s : NULL;
}

static void bind_text_key(sqlite3_stmt *st, int i, const struct jnode *r, const char *key)
{
	size_t n;
	const char *v = row_str(r, key, &n);
	if (v)
		sqlite3_bind_text(st, i, v, (int)n, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* Digits of at most 23 bytes as an integer: ids are written as strings. */
static int64_t to_i64(const char *v, size_t n)
{
	char b[24];
	n = n < sizeof(b) - 1 ? n : sizeof(b) - 1;
	memcpy(b, v, n);
	b[n] = '\0';
	return strtoll(b, NULL, 10);
}

/* An id string as an integer; NULL when absent */
static void bind_id_key(sqlite3_stmt *st, int i, const struct jnode *r, const char *key)
{
	size_t n;
	const char *v = row_str(r, key, &n);
	if (v)
		sqlite3_bind_int64(st, i, to_i64(v, n));
	else
		sqlite3_bind_null(st, i);
}

/* Numbers and booleans as they are; NULL when absent or null */
static void bind_num_key(sqlite3_stmt *st, int i, const struct jnode *r, const char *key)
{
	const struct jnode *v = jdoc_get(r, key);
	int64_t k;
	if (jis(v, J_TRUE) || jis(v, J_FALSE)) {
		sqlite3_bind_int(st, i, jis(v, J_TRUE));
	} else if (jis(v, J_NUMBER) && jdoc_int(v, &k)) {
		sqlite3_bind_int64(st, i, k);
	} else if (jis(v, J_NUMBER)) {
		char b[64];
		size_t n = v->len < sizeof(b) - 1 ? v->len : sizeof(b) - 1;
		memcpy(b, v->s, n);
		b[n] = '\0';
		sqlite3_bind_double(st, i, strtod(b, NULL));
	} else {
		sqlite3_bind_null(st, i);
	}
}

/* A string as json_dumps writes it (UTF-8 kept, '/' not escaped). */
static void compact_string(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	buf_addc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *e = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\b' ? "\\b" :
				c == '\f' ? "\\f" : c == '\n' ? "\\n" : c == '\r' ? "\\r" :
				c == '\t' ? "\\t" : NULL;
		if (e) {
			buf_adds(b, e);
		} else if (c < 0x20) {
			char u[7] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0 };
			buf_adds(b, u);
		} else {
			buf_addc(b, (char)c);
		}
	}
	buf_addc(b, '"');
}

/*
 * Compact JSON text of a value as json_dumps(JSON_COMPACT) gives it (the
 * strings are jdoc's decoded bytes, escaped again).
 */
static void compact_node(struct buf *b, const struct jnode *v)
{
	switch (v->type) {
	case J_NULL: buf_adds(b, "null"); break;
	case J_FALSE: buf_adds(b, "false"); break;
	case J_TRUE: buf_adds(b, "true"); break;
	case J_NUMBER: buf_add(b, v->s, v->len); break;
	case J_STRING: compact_string(b, v->s, v->len); break;
	case J_ARRAY: {
		bool first = true;
		buf_addc(b, '[');
		JDOC_EACH(v, e) {
			if (!first)
				buf_addc(b, ',');
			first = false;
			compact_node(b, e);
		}
		buf_addc(b, ']');
		break;
	}
	default: {
		bool first = true;
		buf_addc(b, '{');
		JDOC_KEYS(v, k) {
			if (!first)
				buf_addc(b, ',');
			first = false;
			compact_string(b, k->s, k->len);
			buf_addc(b, ':');
			compact_node(b, k + 1);
		}
		buf_addc(b, '}');
		break;
	}
	}
}

/* A JSON value as compact JSON text; "[]" when absent. */
static void bind_json_key(sqlite3_stmt *st, int i, const struct jnode *r, const char *key)
{
	const struct jnode *n = jdoc_get(r, key);
	if (!n) {
		sqlite3_bind_text(st, i, "[]", -1, SQLITE_STATIC);
		return;
	}
	struct buf b = BUF_INIT;
	compact_node(&b, n);
	sqlite3_bind_text(st, i, b.s, (int)b.len, SQLITE_TRANSIENT);
	buf_release(&b);
}

static int autodm_row(struct store *w, sqlite3_stmt *st, const struct jnode *o,
		      struct err *err)
{
	bind_id_key(st, 1, o, "account_id");
	bind_num_key(st, 2, o, "auto");
	bind_num_key(st, 3, o, "score");
	bind_text_key(st, 4, o, "kind");
	bind_json_key(st, 5, o, "evidence");
	return store_step_done(w, st, err);
}

/* The etiquette result's conversations, from its typed rows. */
static int etiquette_table(struct store *w, const struct etiquette_result *r, struct err *err)
{
	sqlite3_stmt *st;
	struct buf b = BUF_INIT;
	struct etiquette_iter it;
	int rc = store_exec(w, "DELETE FROM etiquette_conversation", err);
	if (rc || store_prepare(w, "INSERT OR REPLACE INTO etiquette_conversation"
				   " (conversation_id, counterpart_id, initiated_by,"
				   " first_response_seconds, reply_seconds, cold, first_has_url,"
				   " owner_messages_before_reply)"
				   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &st, err))
		return -1;
	for (const struct etiquette_row *e = etiquette_first(&it, r, ETIQUETTE_CONVERSATIONS);
	     e && !rc; e = etiquette_next(&it)) {
		buf_reset(&b);
		buf_addc(&b, '[');
		for (size_t i = 0; i < e->nreplies; i++) {
			char n[FMT_I64_SIZE];
			if (i)
				buf_addc(&b, ',');
			buf_add(&b, n, fmt_i64(n, e->reply_seconds[i]));
		}
		buf_addc(&b, ']');
		sqlite3_bind_text(st, 1, e->conversation_id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, e->counterpart);
		sqlite3_bind_text(st, 3, e->owner_first ? "owner" : "counterpart", -1, SQLITE_STATIC);
		if (e->first_response.set)
			sqlite3_bind_int64(st, 4, e->first_response.s);
		else
			sqlite3_bind_null(st, 4);
		sqlite3_bind_text(st, 5, b.s, (int)b.len, SQLITE_TRANSIENT);
		if (e->owner_first) {
			sqlite3_bind_int(st, 6, e->cold);
			sqlite3_bind_int(st, 7, e->first_has_url);
			sqlite3_bind_int64(st, 8, e->owner_before);
		} else {
			sqlite3_bind_null(st, 6);
			sqlite3_bind_null(st, 7);
			sqlite3_bind_null(st, 8);
		}
		rc = store_step_done(w, st, err);
	}
	if (!rc && it.failed)
		rc = err_set(err, EXIT_IO, "reading a report's rows back: %s", strerror(errno));
	etiquette_stop(&it);
	sqlite3_finalize(st);
	buf_release(&b);
	return rc;
}

/* The exposure result's findings, with where each value lies in its text. */
static int exposure_table(struct store *w, const struct exposure_result *r, struct err *err)
{
	sqlite3_stmt *st;
	int rc = store_exec(w, "DELETE FROM exposure_finding", err);
	if (rc || store_prepare(w, "INSERT OR REPLACE INTO exposure_finding (source_id, channel,"
				   " conversation_id, type, severity, disclosed_by, value_start,"
				   " value_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &st, err))
		return -1;
	for (size_t i = 0; i < r->nfindings && !rc; i++) {
		const struct exposure_finding *f = &r->findings[i];
		sqlite3_bind_int64(st, 1, strtoll(f->source, NULL, 10));
		sqlite3_bind_text(st, 2, exposure_channel_name(f->channel), -1, SQLITE_STATIC);
		if (f->conv)
			sqlite3_bind_text(st, 3, f->conv, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 3);
		sqlite3_bind_text(st, 4, exposure_type_name(f->type), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, exposure_sev_name(f->sev), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, exposure_by_name(f->by), -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 7, (sqlite3_int64)f->start);
		sqlite3_bind_int64(st, 8, (sqlite3_int64)f->end);
		rc = store_step_done(w, st, err);
	}
	sqlite3_finalize(st);
	return rc;
}

static const struct table {
	const char *kind, *list, *name, *insert;
	row_fn fn;
} tables[] = {
	{ "autodm", "inbound", "autodm_sender",
	  "INSERT OR REPLACE INTO autodm_sender (account_id, auto, score, kind, evidence)"
	  " VALUES (?1, ?2, ?3, ?4, ?5)", autodm_row },
};

bool findings_any(const struct results *res)
{
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		if (results_tree(res, tables[i].kind))
			return true;
	return res->etiquette || res->exposure;
}

static int write_table(struct store *w, const struct table *t, json_t *list,
		       struct err *err)
{
	char *del = xasprintf("DELETE FROM %s", t->name);
	int rc = store_exec(w, del, err);
	free(del);
	if (rc)
		return -1;
	sqlite3_stmt *st;
	if (store_prepare(w, t->insert, &st, err))
		return -1;
	rc = each_row(list, t->fn, w, st, err);
	sqlite3_finalize(st);
	return rc;
}

int findings_write(struct store *w, const struct report_ctx *ctx, const struct results *res,
		   struct err *err)
{
	char now[32];
	if (store_begin(w, err))
		goto fail;
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		json_t *r = results_tree(res, tables[i].kind);
		json_t *list = json_object_get(r, tables[i].list);
		if (r && json_is_array(list) && write_table(w, &tables[i], list, err))
			goto fail;
		trace(tables[i].name);
	}
	if (res->etiquette && etiquette_table(w, res->etiquette, err))
		goto fail;
	trace("etiquette_conversation");
	if (res->exposure && exposure_table(w, res->exposure, err))
		goto fail;
	trace("exposure_finding");
	time_format_iso(time_now_ms(), now);
	if (store_meta_set(w, "findings_written_at", now, err) || store_commit(w, err))
		goto fail;
	trace("findings committed");
	return 0;
fail:
	store_rollback(w);
	return -1;
}
