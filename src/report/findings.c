/*
 * The findings tables (findings.h).
 */
#include "findings.h"
#include "autodm_result.h"
#include "buf.h"
#include "etiquette.h"
#include "exposure.h"
#include "fmt.h"
#include "exitcode.h"
#include "timeutil.h"
#include "trace.h"
#include "xalloc.h"

/* How long the writer waits for the report's readers to let go of the file. */
#define FINDINGS_BUSY_MS 5000

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* The autodm result's inbound senders, the evidence as a compact JSON array. */
static int autodm_table(struct store *w, const struct autodm_result *r, struct err *err)
{
	sqlite3_stmt *st;
	struct buf b = BUF_INIT;
	struct autodm_iter it;
	int rc = store_exec(w, "DELETE FROM autodm_sender", err);
	if (rc || store_prepare(w, "INSERT OR REPLACE INTO autodm_sender (account_id, auto, score,"
				   " kind, evidence) VALUES (?1, ?2, ?3, ?4, ?5)", &st, err))
		return -1;
	for (const struct autodm_row *o = autodm_first(&it, r); o && !rc; o = autodm_next(&it)) {
		buf_reset(&b);
		buf_addc(&b, '[');
		for (const char *e = autodm_evidence_next(o, NULL); e;
		     e = autodm_evidence_next(o, e)) {
			if (b.len > 1)
				buf_addc(&b, ',');
			compact_string(&b, e, strlen(e));
		}
		buf_addc(&b, ']');
		sqlite3_bind_int64(st, 1, o->account);
		sqlite3_bind_int(st, 2, o->is_auto);
		sqlite3_bind_double(st, 3, o->score);
		sqlite3_bind_text(st, 4, autodm_kind_name(o->kind), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, b.s, (int)b.len, SQLITE_TRANSIENT);
		rc = store_step_done(w, st, err);
	}
	if (!rc && it.failed)
		rc = err_set(err, EXIT_IO, "reading a report's rows back: %s", strerror(errno));
	autodm_stop(&it);
	sqlite3_finalize(st);
	buf_release(&b);
	return rc;
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

bool findings_any(const struct results *res)
{
	return res->autodm || res->etiquette || res->exposure;
}

/* The tables, in a transaction left open: 0, or -1 rolled back. */
static int fill(struct store *w, const struct results *res, struct err *err)
{
	if (store_begin(w, err))
		return -1;
	if (res->autodm && autodm_table(w, res->autodm, err))
		goto fail;
	trace("autodm_sender");
	if (res->etiquette && etiquette_table(w, res->etiquette, err))
		goto fail;
	trace("etiquette_conversation");
	if (res->exposure && exposure_table(w, res->exposure, err))
		goto fail;
	trace("exposure_finding");
	return 0;
fail:
	store_rollback(w);
	return -1;
}

static int commit(struct store *w, struct err *err)
{
	char now[32];
	time_format_iso(time_now_ms(), now);
	if (store_meta_set(w, "findings_written_at", now, err) || store_commit(w, err)) {
		store_rollback(w);
		return -1;
	}
	trace("findings committed");
	return 0;
}

struct findings_job {
	const char *db;
	const struct results *res;
	struct store w;
	struct err err;
	int rc;          /* fill's: 0, the transaction open */
	bool threaded;   /* th runs fill; else findings_finish does */
	pthread_t th;
};

static void *job_run(void *arg)
{
	struct findings_job *j = arg;
	j->w.busy_ms = FINDINGS_BUSY_MS;
	j->rc = store_open(&j->w, j->db, STORE_WRITE, &j->err);
	trace("findings database open");
	if (!j->rc)
		j->rc = fill(&j->w, j->res, &j->err);
	return NULL;
}

struct findings_job *findings_start(const char *db, const struct results *res)
{
	struct findings_job *j = calloc(1, sizeof(*j));
	if (!j)
		return NULL;
	j->db = db;
	j->res = res;
	j->w = (struct store)STORE_INIT;
	j->err = (struct err)ERR_INIT;
	j->threaded = pthread_create(&j->th, NULL, job_run, j) == 0;
	return j;
}

int findings_finish(struct findings_job *j, bool keep, struct err *err)
{
	if (j->threaded)
		pthread_join(j->th, NULL);
	else if (keep)
		job_run(j); /* no thread to be had: the same work, now */
	else
		j->rc = -1; /* nothing to keep, nothing done */
	int rc = j->rc;
	if (!rc && keep)
		rc = commit(&j->w, &j->err);
	else if (!rc)
		store_rollback(&j->w);
	if (rc && keep)
		*err = j->err;
	store_close(&j->w, false);
	free(j);
	return keep ? rc : 0;
}
