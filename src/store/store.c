#include "store.h"
#include "exitcode.h"
#include "interrupt.h"
#include "xalloc.h"

#include <errno.h>
#include <stdio.h>
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

int64_t store_account(struct store *s, const char *name)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	bool digits = *name && strspn(name, "0123456789") == strlen(name);
	if (*name == '@')
		name++;
	/* an id is looked up among every id the archive holds, a handle in account */
	const char *sql = digits ? "SELECT ?1 WHERE EXISTS (SELECT 1 FROM account WHERE id = ?1) "
				   "OR EXISTS (SELECT 1 FROM conversation WHERE counterpart_id = ?1) "
				   "OR EXISTS (SELECT 1 FROM message WHERE sender_id = ?1)"
				 : "SELECT id FROM account WHERE handle = ?1 COLLATE NOCASE "
				   "ORDER BY id LIMIT 1";
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (digits)
		sqlite3_bind_int64(st, 1, strtoll(name, NULL, 10));
	else
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
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

/*
 * A rollback journal that an interrupted ingest left beside the database is
 * "hot": SQLite undoes it the next time a connection with write access reads
 * the file, and a read-only connection cannot. Undo it here, so that a report
 * after a crash or kill -9 reads the database as it was before that ingest.
 * Nothing happens when no journal is hot (another dmaudit may be writing: its
 * journal is not hot while it holds its lock).
 */
static int busy_wait(void *ctx, int count);

/* What a user is told when the lock was not had in time. */
static int busy_fail(const struct store *s, struct err *err)
{
	return err_set(err, EXIT_IO, "'%s': another dmaudit is writing to it; try again when it "
				     "has finished", s->path);
}

static int recover_journal(struct store *s, struct err *err)
{
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(s->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_handler(db, busy_wait, s);
		rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
	}
	sqlite3_close_v2(db);
	if (rc == SQLITE_BUSY)
		return busy_fail(s, err);
	if (rc != SQLITE_OK)
		return err_set(err, EXIT_IO, "'%s': an interrupted ingest left '%s-journal', and "
					     "undoing it needs write access to the database and "
					     "its folder", s->path, s->path);
	return 0;
}

/* One integer pragma; -1 with err filled on failure. */
static int pragma_int(struct store *s, const char *sql, int64_t *v)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		*v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(s->db);
		sqlite3_finalize(st);
	} else {
		rc = sqlite3_errcode(s->db);
	}
	return rc;
}

/* A failed first read of the file, said for what it is. */
static int identity_fail(struct store *s, int rc, struct err *err)
{
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return busy_fail(s, err);
	if (rc == SQLITE_NOTADB)
		return err_set(err, EXIT_IO, "'%s': not a SQLite database, so not a dmaudit "
					     "database", s->path);
	return err_set(err, EXIT_IO, "'%s': cannot read the database: %s%s", s->path,
		       sqlite3_errmsg(s->db), hint(s));
}

/*
 * Is this file dmaudit's? New files carry PRAGMA application_id
 * STORE_APPLICATION_ID and user_version STORE_USER_VERSION; files of earlier
 * versions have neither but a meta table with schema_version "1", and are
 * accepted (and stamped on the next write). An empty file is a new database.
 * Anything else belongs to another program and is never written to.
 */
static int check_identity(struct store *s, enum store_mode mode, struct err *err)
{
	int64_t app = 0, ver = 0, objects = 0;
	int rc = pragma_int(s, "PRAGMA application_id", &app);
	if (rc == SQLITE_READONLY && mode == STORE_READ) {
		/* a hot journal: undo it with a connection that may write, then read */
		if (recover_journal(s, err))
			return -1;
		rc = pragma_int(s, "PRAGMA application_id", &app);
	}
	if (rc == SQLITE_OK)
		rc = pragma_int(s, "PRAGMA user_version", &ver);
	if (rc == SQLITE_OK)
		rc = pragma_int(s, "SELECT count(*) FROM sqlite_schema", &objects);
	if (rc != SQLITE_OK)
		return identity_fail(s, rc, err);

	if (app == STORE_APPLICATION_ID) {
		if (ver > STORE_USER_VERSION)
			return err_set(err, EXIT_IO, "'%s': written by a newer dmaudit (schema %lld; "
						     "this one reads %d)", s->path, (long long)ver,
				       STORE_USER_VERSION);
		s->stamped = true;
	} else if (app != 0) {
		return err_set(err, EXIT_IO, "'%s' is a SQLite database of another program",
			       s->path);
	} else if (objects > 0) {
		char *v = store_int(s, "SELECT count(*) FROM sqlite_schema WHERE name = 'meta' "
				       "AND type = 'table'", 0)
				  ? store_meta_get(s, "schema_version")
				  : NULL;
		int ours = v && !strcmp(v, STORE_SCHEMA_VERSION);
		free(v);
		if (!ours)
			return err_set(err, EXIT_IO, "'%s' is a SQLite database of another program",
				       s->path);
	}
	if (mode == STORE_READ && (objects == 0 || !store_int(s, "SELECT count(*) FROM snapshot", 0)))
		return err_set(err, EXIT_IO, "'%s' holds no archive yet (or only an interrupted "
					     "ingest's empty tables); run 'dmaudit ingest' first",
			       s->path);
	return 0;
}

/*
 * Waits while another connection holds the lock: a second ingest waits for
 * the first, a report waits out a commit. The store's owner may be told once
 * (s->waiting) and gives up after s->busy_ms, or at once on a signal.
 */
static int busy_wait(void *ctx, int count)
{
	struct store *s = ctx;
	if (interrupt_pending())
		return 0;
	if (count * STORE_BUSY_STEP_MS >= s->busy_ms)
		return 0;
	if (count == 10 && s->waiting)
		s->waiting(s->path);
	sqlite3_sleep(STORE_BUSY_STEP_MS);
	return 1;
}

/* Long statements (indexes, follow changes) stop when a signal came. */
static int on_progress(void *ctx)
{
	(void)ctx;
	return interrupt_pending() != 0;
}

bool store_is_file(const struct store *s, const char *path)
{
	struct stat a, b;
	if (!s->path || stat(path, &a) != 0)
		return false;
	if (s->has_ident)
		return a.st_dev == s->dev && a.st_ino == s->ino;
	return stat(s->path, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

static bool has_table(struct store *s, const char *name)
{
	sqlite3_stmt *st;
	bool found = false;
	if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND "
				      "name = ?1", -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/*
 * Bring a file of an earlier dmaudit up to this schema, inside the open's
 * transaction, before the schema's CREATE ... IF NOT EXISTS run: follow
 * gains its pos column (NULL for the lists read before), and a file that
 * held snapshots before message_seen existed records from which snapshot on
 * the repeats are known (the first snapshot is whole anyway: every message
 * it held is first seen in it). Nothing is ever removed; an earlier dmaudit
 * still reads the file.
 */
static int migrate(struct store *s, struct err *err)
{
	if (has_table(s, "follow") &&
	    !store_int(s, "SELECT count(*) FROM pragma_table_info('follow') WHERE name = 'pos'", 0) &&
	    store_exec(s, "ALTER TABLE follow ADD COLUMN pos INTEGER", err))
		return -1;
	if (has_table(s, "snapshot") && !has_table(s, "message_seen")) {
		int64_t next = store_int(s, "SELECT max(id) + 1 FROM snapshot", 0);
		char num[24];
		snprintf(num, sizeof(num), "%lld", (long long)next);
		if (next && (store_exec(s, "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, "
					   "value TEXT) WITHOUT ROWID", err) ||
			     store_meta_set(s, "messages_seen_from", num, err)))
			return -1;
	}
	return 0;
}

/*
 * The database file, made 0600 from its first byte when writing to a path
 * that does not exist; a folder, a device or a missing file for reading is
 * refused. *st is the file's identity.
 */
static int prepare_file(struct store *s, const char *path, enum store_mode mode,
			struct stat *st, struct err *err)
{
	if (stat(path, st) == 0) {
		if (S_ISDIR(st->st_mode))
			return err_set(err, EXIT_IO, "'%s': is a folder, not a database file", path);
		if (!S_ISREG(st->st_mode))
			return err_set(err, EXIT_IO, "'%s': not a regular file, so not a database",
				       path);
		return 0;
	}
	if (errno != ENOENT || mode == STORE_READ)
		return err_set(err, EXIT_IO, "'%s': cannot open the database: %s%s", path,
			       strerror(errno), errno == ENOENT ? " (run 'dmaudit ingest' first)" : "");
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return err_set(err, EXIT_IO, "'%s': cannot create the database: %s", path,
			       strerror(errno));
	close(fd);
	s->created = true;
	if (stat(path, st) != 0)
		return err_set(err, EXIT_IO, "'%s': %s", path, strerror(errno));
	return 0;
}

/* Page size, journal and durability; then schema, identity and version land together. */
static int prepare_write(struct store *s, struct err *err)
{
	/* a new file: bigger pages mean a quarter of the write calls in a bulk load */
	if (s->created && store_exec(s, "PRAGMA page_size = 16384;", err))
		return -1;
	if (store_exec(s, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;", err))
		return -1;
	if (store_exec(s, "BEGIN IMMEDIATE", err) || migrate(s, err) ||
	    store_exec(s, schema_sql, err) ||
	    store_meta_set(s, "schema_version", STORE_SCHEMA_VERSION, err) ||
	    (!s->stamped && store_exec(s, "PRAGMA application_id = " STORE_APPLICATION_ID_STR
					  "; PRAGMA user_version = " STORE_USER_VERSION_STR ";",
					  err)) ||
	    store_exec(s, "COMMIT", err)) {
		store_rollback(s);
		return -1;
	}
	s->stamped = true;
	return 0;
}

int store_open(struct store *s, const char *path, enum store_mode mode, struct err *err)
{
	struct stat st;
	int flags = mode == STORE_WRITE ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;

	s->path = xstrdup(path);
	s->created = false;
	s->stamped = false;
	if (!s->busy_ms)
		s->busy_ms = STORE_BUSY_MS;
	if (prepare_file(s, path, mode, &st, err))
		goto fail;
	s->dev = st.st_dev;
	s->ino = st.st_ino;
	s->has_ident = true;
	if (sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		store_fail(s, err, "cannot open the database");
		goto fail;
	}
	sqlite3_busy_handler(s->db, busy_wait, s);
	sqlite3_progress_handler(s->db, 10000, on_progress, NULL);
	sqlite3_extended_result_codes(s->db, 0);
	if (check_identity(s, mode, err))
		goto fail;
	if (store_exec(s, "PRAGMA cache_size = -8000; PRAGMA temp_store = FILE;", err))
		goto fail;
	/*
	 * No memory map, even for reads: mapped pages count in the process's
	 * memory, so a report over a mapped file grows with the archive (800
	 * MiB at a million messages). Read through SQLite's own small page
	 * cache, a report costs 4% more time and a bounded amount of memory.
	 */
	if (mode == STORE_READ && store_exec(s, "PRAGMA mmap_size = 0;", err))
		goto fail;
	if (mode == STORE_WRITE && prepare_write(s, err))
		goto fail;
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
