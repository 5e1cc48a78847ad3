#include "store.h"
#include "exitcode.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char schema_sql[] =
#include "schema_sql.h"
	;

static const char indexes_sql[] =
#include "indexes_sql.h"
	;

/* A hint for the failures a user can do something about. */
static const char *hint(struct store *s)
{
	switch (s->db ? sqlite3_errcode(s->db) : SQLITE_CANTOPEN) {
	case SQLITE_FULL:
	case SQLITE_IOERR: return " (is the disk full, or the file too large?)";
	case SQLITE_READONLY: return " (the database or its folder is read-only)";
	case SQLITE_BUSY:
	case SQLITE_LOCKED: return " (another dmaudit is writing to it)";
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB: return " (the file is damaged or not a database)";
	default: return "";
	}
}

int store_fail(struct store *s, struct err *err, const char *what)
{
	const char *m = s->db ? sqlite3_errmsg(s->db) : "cannot open";
	return err_set(err, EXIT_IO, "'%s': %s: %s%s", s->path ? s->path : "database", what, m,
		       hint(s));
}

int store_exec(struct store *s, const char *sql, struct err *err)
{
	char *msg = NULL;
	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set(err, EXIT_IO, "'%s': %s%s", s->path, msg ? msg : sqlite3_errmsg(s->db),
			hint(s));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int store_prepare(struct store *s, const char *sql, sqlite3_stmt **st, struct err *err)
{
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
		return store_fail(s, err, "cannot prepare a statement");
	return 0;
}

int store_step_done(struct store *s, sqlite3_stmt *st, struct err *err)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_fail(s, err, "write failed");
	return 0;
}

int64_t store_int(struct store *s, const char *sql, int64_t def)
{
	sqlite3_stmt *st;
	int64_t v = def;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return def;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

char *store_meta_get(struct store *s, const char *key)
{
	sqlite3_stmt *st;
	char *v = NULL;
	if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = ?", -1, &st, NULL) !=
	    SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

int store_meta_set(struct store *s, const char *key, const char *value, struct err *err)
{
	sqlite3_stmt *st;
	if (store_prepare(s, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	int rc = store_step_done(s, st, err);
	sqlite3_finalize(st);
	return rc;
}

int64_t store_owner(struct store *s)
{
	return store_int(s, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'owner_id'", 0);
}

int store_begin(struct store *s, struct err *err)
{
	return store_exec(s, "BEGIN IMMEDIATE", err);
}

int store_commit(struct store *s, struct err *err)
{
	return store_exec(s, "COMMIT", err);
}

void store_rollback(struct store *s)
{
	if (s->db && !sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

int store_build_indexes(struct store *s, struct err *err)
{
	return store_exec(s, indexes_sql, err);
}

/* Is this an SQLite file written by dmaudit (or a new, empty one)? */
static int check_identity(struct store *s, enum store_mode mode, struct err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return err_set(err, EXIT_IO, "'%s': not a dmaudit database (%s)", s->path,
			       sqlite3_errmsg(s->db));
	int64_t objects = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (objects == 0) {
		if (mode == STORE_READ)
			return err_set(err, EXIT_IO, "'%s': the database is empty; run 'dmaudit "
						     "ingest' first", s->path);
		return 0;
	}
	char *v = store_int(s, "SELECT count(*) FROM sqlite_schema WHERE name = 'meta'", 0)
			  ? store_meta_get(s, "schema_version")
			  : NULL;
	if (!v)
		return err_set(err, EXIT_IO, "'%s': not a dmaudit database", s->path);
	int same = !strcmp(v, STORE_SCHEMA_VERSION);
	free(v);
	if (!same)
		return err_set(err, EXIT_IO, "'%s': written by another version of dmaudit "
					     "(schema %s expected)", s->path, STORE_SCHEMA_VERSION);
	return 0;
}

int store_open(struct store *s, const char *path, enum store_mode mode, struct err *err)
{
	struct stat st;
	int flags = mode == STORE_WRITE ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;

	s->path = xstrdup(path);
	s->created = false;
	if (stat(path, &st) != 0) {
		if (errno != ENOENT || mode == STORE_READ) {
			err_set(err, EXIT_IO, "'%s': cannot open the database: %s%s", path,
				strerror(errno), errno == ENOENT ? " (run 'dmaudit ingest' first)" : "");
			goto fail;
		}
		/* Create it ourselves so that it is 0600 from its first byte. */
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0) {
			err_set(err, EXIT_IO, "'%s': cannot create the database: %s", path,
				strerror(errno));
			goto fail;
		}
		close(fd);
		s->created = true;
	} else if (S_ISDIR(st.st_mode)) {
		err_set(err, EXIT_IO, "'%s': is a folder, not a database file", path);
		goto fail;
	}
	if (sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		store_fail(s, err, "cannot open the database");
		goto fail;
	}
	sqlite3_busy_timeout(s->db, 5000);
	sqlite3_extended_result_codes(s->db, 0);
	if (check_identity(s, mode, err))
		goto fail;
	if (store_exec(s, "PRAGMA cache_size = -8000; PRAGMA temp_store = FILE;", err))
		goto fail;
	/*
	 * Reports read the message table in conversation order, all over the
	 * file: mapping it saves a read() and a copy per page. The mapping is
	 * address space, not memory: pages stay in the page cache.
	 */
	if (mode == STORE_READ && store_exec(s, "PRAGMA mmap_size = 17179869184;", err))
		goto fail;
	if (mode == STORE_WRITE) {
		/* a new file: bigger pages mean a quarter of the write calls in a bulk load */
		if (s->created && store_exec(s, "PRAGMA page_size = 16384;", err))
			goto fail;
		if (store_exec(s, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;", err) ||
		    store_exec(s, schema_sql, err) ||
		    store_meta_set(s, "schema_version", STORE_SCHEMA_VERSION, err))
			goto fail;
	}
	return 0;
fail:
	store_close(s, true);
	return -1;
}

void store_close(struct store *s, bool discard)
{
	if (s->db)
		sqlite3_close_v2(s->db);
	s->db = NULL;
	if (discard && s->created && s->path) {
		unlink(s->path);
		char *j = xasprintf("%s-journal", s->path);
		unlink(j);
		free(j);
	}
	free(s->path);
	s->path = NULL;
	s->created = false;
}
