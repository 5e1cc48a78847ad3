/*
 * The full-text index (search.h): its tables, its stamp, and the queries.
 */
#include "search.h"
#include "exitcode.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STAMP_KEY "search_index_stamp"

/*
 * search_doc holds the texts in time order, so that its rowid is the
 * order of the results; created is for people reading the table (sqlite3,
 * Datasette) and costs nothing on disk. search_index's external content is
 * search_doc, written content="search_doc" in double quotes because that is
 * how Datasette finds the full-text table of a table. The index is written
 * once and never updated: no column sizes (nothing ranks by them), leaves
 * the size of a database page, and no merging while it is built (a third
 * less time; the segments it leaves cost a query a few milliseconds).
 */
static const char build_sql[] =
	"PRAGMA cache_size = -65536;\n"
	"DROP TABLE IF EXISTS search_index;\n"
	"DROP TABLE IF EXISTS search_doc;\n"
	"CREATE TABLE search_doc (\n"
	"  rowid           INTEGER PRIMARY KEY,\n"
	"  channel         TEXT NOT NULL,\n"
	"  source_id       INTEGER NOT NULL,\n"
	"  conversation_id TEXT,\n"
	"  sender_id       INTEGER,\n"
	"  created_at      INTEGER NOT NULL,\n"
	"  text            TEXT NOT NULL,\n"
	"  created         TEXT GENERATED ALWAYS AS\n"
	"                  (strftime('%Y-%m-%dT%H:%M:%SZ', created_at / 1000, 'unixepoch')) VIRTUAL\n"
	");\n"
	"INSERT INTO search_doc (channel, source_id, conversation_id, sender_id, created_at, text)\n"
	"  SELECT channel, id, cid, sender, at, text FROM (\n"
	"    SELECT CASE WHEN c.kind = 'group' OR (c.kind IS NULL AND m.recipient_id IS NULL)\n"
	"                THEN 'group' ELSE 'dm' END AS channel,\n"
	"           m.id AS id, m.conversation_id AS cid, m.sender_id AS sender,\n"
	"           m.created_at AS at, m.text AS text\n"
	"      FROM message m LEFT JOIN conversation c ON c.id = m.conversation_id\n"
	"    UNION ALL\n"
	"    SELECT 'tweet', t.id, NULL, (SELECT id FROM owner), t.created_at, t.text FROM tweet t)\n"
	"  ORDER BY at, id;\n"
	"CREATE INDEX search_doc_by_time ON search_doc (created_at);\n"
	"CREATE VIRTUAL TABLE search_index USING fts5(text, content=\"search_doc\",\n"
	"  tokenize=\"trigram\", columnsize=0);\n"
	"INSERT INTO search_index (search_index, rank) VALUES ('pgsz', 16000);\n"
	"INSERT INTO search_index (search_index, rank) VALUES ('automerge', 0);\n"
	"INSERT INTO search_index (search_index, rank) VALUES ('crisismerge', 64);\n"
	"INSERT INTO search_index (search_index) VALUES ('rebuild');\n";

enum search_channel search_channel_parse(const char *s)
{
	if (!strcmp(s, "dm"))
		return SEARCH_DM;
	if (!strcmp(s, "group"))
		return SEARCH_GROUP;
	if (!strcmp(s, "tweet"))
		return SEARCH_TWEET;
	return SEARCH_ANY;
}

const char *search_channel_name(enum search_channel c)
{
	switch (c) {
	case SEARCH_DM: return "dm";
	case SEARCH_GROUP: return "group";
	case SEARCH_TWEET: return "tweet";
	case SEARCH_ANY: break;
	}
	return "any";
}

/* ---- terms ---- */

static void add_term(struct search_terms *t, const char *s, size_t n)
{
	if (!n)
		return;
	ALLOC_GROW(t->term, t->n + 1, t->alloc);
	t->term[t->n++] = xstrndup(s, n);
}

int search_terms_parse(const char *q, struct search_terms *t, struct err *err)
{
	const char *p = q;
	while (*p) {
		if (isspace((unsigned char)*p)) {
			p++;
		} else if (*p == '"') {
			const char *end = strchr(p + 1, '"');
			size_t n = end ? (size_t)(end - p - 1) : strlen(p + 1);
			add_term(t, p + 1, n);
			p += n + 1 + (end != NULL);
		} else {
			size_t n = 0;
			while (p[n] && !isspace((unsigned char)p[n]))
				n++;
			add_term(t, p, n);
			p += n;
		}
	}
	if (!t->n)
		return err_set(err, EXIT_USAGE, "search: the query '%s' has no words to look for",
			       q);
	return 0;
}

void search_terms_release(struct search_terms *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->term[i]);
	free(t->term);
	t->term = NULL;
	t->n = t->alloc = 0;
}

/* Characters (code points) in a UTF-8 string. */
static size_t chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Trigrams need three characters; shorter terms go through LIKE. */
static bool is_long(const char *term)
{
	return chars(term) >= 3;
}

void search_result_release(struct search_result *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->hit[i].conversation_id);
		free(r->hit[i].sender_handle);
		free(r->hit[i].text);
	}
	free(r->hit);
	r->hit = NULL;
	r->n = r->alloc = 0;
	r->more = false;
}

/* ---- the index ---- */

/* What the index was built from: any ingest that adds anything changes it. */
static char *stamp(struct store *s)
{
	return xasprintf("snapshots %lld last %lld messages %lld tweets %lld",
			 (long long)store_int(s, "SELECT count(*) FROM snapshot", 0),
			 (long long)store_int(s, "SELECT max(id) FROM snapshot", 0),
			 (long long)store_int(s, "SELECT count(*) FROM message", 0),
			 (long long)store_int(s, "SELECT count(*) FROM tweet", 0));
}

enum search_index_state search_index_check(struct store *s)
{
	if (store_int(s, "SELECT count(*) FROM sqlite_schema WHERE name IN ('search_doc', "
			 "'search_index')", 0) != 2)
		return SEARCH_INDEX_MISSING;
	char *have = store_meta_get(s, STAMP_KEY), *want = stamp(s);
	bool fresh = have && !strcmp(have, want);
	free(have);
	free(want);
	return fresh ? SEARCH_INDEX_FRESH : SEARCH_INDEX_STALE;
}

int64_t search_index_size(struct store *s)
{
	return store_int(s, "SELECT (SELECT count(*) FROM message) + (SELECT count(*) FROM tweet)",
			 0);
}

int search_index_build(struct store *s, int64_t *docs, struct err *err)
{
	if (store_exec(s, "BEGIN IMMEDIATE", err))
		return -1;
	/* another search may have built it while this one waited for the lock */
	if (search_index_check(s) != SEARCH_INDEX_FRESH) {
		char *st = stamp(s);
		int rc = store_exec(s, build_sql, err) || store_meta_set(s, STAMP_KEY, st, err);
		free(st);
		if (rc) {
			store_rollback(s);
			err_prefix(err, "cannot build the search index");
			return -1;
		}
	}
	*docs = store_int(s, "SELECT count(*) FROM search_doc", 0);
	if (store_commit(s, err)) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

/* ---- queries ---- */

/* The first rowid at or after since, or past the last one when none is. */
static int64_t first_rowid(struct store *s, int64_t since, struct err *err)
{
	sqlite3_stmt *st;
	if (store_prepare(s, "SELECT rowid FROM search_doc WHERE created_at >= ? "
			     "ORDER BY created_at, rowid LIMIT 1", &st, err))
		return -1;
	sqlite3_bind_int64(st, 1, since);
	int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : INT64_MAX;
	sqlite3_finalize(st);
	return v;
}

/* The last rowid at or before until, or 0 when none is. */
static int64_t last_rowid(struct store *s, int64_t until, struct err *err)
{
	sqlite3_stmt *st;
	if (store_prepare(s, "SELECT rowid FROM search_doc WHERE created_at <= ? "
			     "ORDER BY created_at DESC, rowid DESC LIMIT 1", &st, err))
		return -1;
	sqlite3_bind_int64(st, 1, until);
	int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return v;
}

/* term as an FTS5 string: in double quotes, a quote doubled. */
static void fts_string(struct buf *b, const char *term)
{
	buf_addc(b, '"');
	for (const char *p = term; *p; p++) {
		if (*p == '"')
			buf_addc(b, '"');
		buf_addc(b, *p);
	}
	buf_addc(b, '"');
}

/* term as a LIKE pattern that matches it anywhere, % and _ escaped. */
static char *like_pattern(const char *term)
{
	struct buf b = BUF_INIT;
	buf_addc(&b, '%');
	for (const char *p = term; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			buf_addc(&b, '\\');
		buf_addc(&b, *p);
	}
	buf_addc(&b, '%');
	return buf_detach(&b);
}

static char *column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);
	return v ? xstrdup((const char *)v) : NULL;
}

/*
 * The query for q: the long terms make one MATCH (in *match) that the index
 * walks newest first; the short ones are LIKE filters, bound from ?7 on.
 */
static void search_sql(const struct search_query *q, struct buf *match, struct buf *sql)
{
	for (size_t i = 0; i < q->terms->n; i++)
		if (is_long(q->terms->term[i])) {
			if (match->len)
				buf_adds(match, " AND ");
			fts_string(match, q->terms->term[i]);
		}
	buf_adds(sql, "SELECT d.channel, d.source_id, d.conversation_id, d.sender_id, a.handle, "
		      "d.created_at, d.text FROM ");
	if (match->len)
		buf_adds(sql, "search_index f JOIN search_doc d ON d.rowid = f.rowid "
			      "LEFT JOIN account a ON a.id = d.sender_id "
			      "WHERE search_index MATCH ?1 AND f.rowid BETWEEN ?2 AND ?3");
	else
		buf_adds(sql, "search_doc d LEFT JOIN account a ON a.id = d.sender_id "
			      "WHERE d.rowid BETWEEN ?2 AND ?3");
	if (q->channel != SEARCH_ANY)
		buf_adds(sql, " AND d.channel = ?4");
	if (q->from)
		buf_adds(sql, " AND d.sender_id = ?5");
	int param = 7;
	for (size_t i = 0; i < q->terms->n; i++)
		if (!is_long(q->terms->term[i]))
			buf_addf(sql, " AND d.text LIKE ?%d ESCAPE '\\'", param++);
	buf_addf(sql, " ORDER BY %s DESC", match->len ? "f.rowid" : "d.rowid");
	if (q->limit)
		buf_adds(sql, " LIMIT ?6");
}

static void search_bind(sqlite3_stmt *st, const struct search_query *q,
			const struct buf *match, int64_t lo, int64_t hi)
{
	if (match->len)
		sqlite3_bind_text(st, 1, match->s, (int)match->len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, lo);
	sqlite3_bind_int64(st, 3, hi);
	if (q->channel != SEARCH_ANY)
		sqlite3_bind_text(st, 4, search_channel_name(q->channel), -1, SQLITE_STATIC);
	if (q->from)
		sqlite3_bind_int64(st, 5, q->from);
	/* one more than asked, to know whether the limit cut anything off */
	if (q->limit)
		sqlite3_bind_int64(st, 6, (int64_t)q->limit + 1);
	int param = 7;
	for (size_t i = 0; i < q->terms->n; i++)
		if (!is_long(q->terms->term[i]))
			sqlite3_bind_text(st, param++, like_pattern(q->terms->term[i]), -1, free);
}

static void add_hit(struct search_result *r, sqlite3_stmt *st)
{
	ALLOC_GROW(r->hit, r->n + 1, r->alloc);
	struct search_hit *h = &r->hit[r->n++];
	h->channel = search_channel_parse((const char *)sqlite3_column_text(st, 0));
	h->source_id = sqlite3_column_int64(st, 1);
	h->conversation_id = column_dup(st, 2);
	h->sender_id = sqlite3_column_int64(st, 3);
	h->sender_handle = column_dup(st, 4);
	h->created_at = sqlite3_column_int64(st, 5);
	h->text = column_dup(st, 6);
	if (!h->text)
		h->text = xstrdup("");
}

int search_run(struct store *s, const struct search_query *q, struct search_result *r,
	       struct err *err)
{
	int64_t lo = first_rowid(s, q->since, err), hi = last_rowid(s, q->until, err);
	if (lo < 0 || hi < 0)
		return -1;
	if (lo > hi)
		return 0;

	struct buf match = BUF_INIT, sql = BUF_INIT;
	search_sql(q, &match, &sql);
	sqlite3_stmt *st = NULL;
	int rc = -1;
	if (store_prepare(s, sql.s, &st, err))
		goto out;
	search_bind(st, q, &match, lo, hi);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (q->limit && r->n == q->limit) {
			r->more = true;
			break;
		}
		add_hit(r, st);
	}
	if (step != SQLITE_ROW && step != SQLITE_DONE) {
		store_fail(s, err, "cannot search");
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	buf_release(&match);
	buf_release(&sql);
	return rc;
}

/* ---- snippets ---- */

static bool at_term(const char *p, size_t left, const char *term, size_t n)
{
	if (n > left)
		return false;
	for (size_t i = 0; i < n; i++)
		if (tolower((unsigned char)p[i]) != tolower((unsigned char)term[i]))
			return false;
	return true;
}

/* Byte offset of the first place any term starts, or len. */
static size_t first_hit(const char *text, size_t len, const struct search_terms *t)
{
	for (size_t i = 0; i < len; i++)
		for (size_t k = 0; k < t->n; k++)
			if (at_term(text + i, len - i, t->term[k], strlen(t->term[k])))
				return i;
	return len;
}

static bool is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

void search_snippet(const char *text, size_t len, const struct search_terms *t, size_t width,
		    struct buf *out)
{
	size_t hit = first_hit(text, len, t);
	size_t start = 0;
	if (hit < len) {
		/* a third of the width before the hit, from a word's start when one is near */
		size_t back = width / 3;
		start = hit;
		while (start > 0 && back) {
			start--;
			if (!is_cont((unsigned char)text[start]))
				back--;
		}
		for (size_t i = start; start > 0 && i < hit && i < start + 12; i++)
			if (isspace((unsigned char)text[i])) {
				start = i + 1;
				break;
			}
	}
	if (start > 0)
		buf_adds(out, "…");
	size_t n = 0, i = start;
	bool space = false;
	for (; i < len && n < width; i++) {
		unsigned char c = (unsigned char)text[i];
		if (isspace(c)) {
			space = true;
			continue;
		}
		if (space && out->len && n) {
			buf_addc(out, ' ');
			n++;
		}
		space = false;
		buf_addc(out, (char)c);
		n += !is_cont(c);
	}
	/* finish the character that the width stopped in */
	while (i < len && is_cont((unsigned char)text[i]))
		buf_addc(out, text[i++]);
	while (i < len && isspace((unsigned char)text[i]))
		i++;
	if (i < len)
		buf_adds(out, "…");
}
