/*
 * store: the SQLite database that holds normalized archive data.
 *
 * Owns the connection and its prepared statements. Opening for writing
 * creates the file with mode 0600 and the schema (src/store/schema.sql);
 * opening for reading never creates anything, and undoes the journal an
 * interrupted ingest left (it needs write access for that). A file of
 * another program is refused, never written. Opens wait for another
 * dmaudit's lock (s->busy_ms), and long statements stop on a signal
 * (interrupt.h). Every SQLite failure becomes
 * an EXIT_IO error naming the database file. The store knows nothing of ZIP
 * files or reports.
 */
#ifndef DMAUDIT_STORE_H
#define DMAUDIT_STORE_H

#include "error.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include <sys/types.h>

/* meta.schema_version, kept for the files of earlier versions */
#define STORE_SCHEMA_VERSION "1"
/* PRAGMA application_id of every database dmaudit creates: "DMAU" */
#define STORE_APPLICATION_ID 0x444d4155
#define STORE_APPLICATION_ID_STR "1145913685"
/* PRAGMA user_version: the schema's version; a newer file is refused */
#define STORE_USER_VERSION 1
#define STORE_USER_VERSION_STR "1"
/* How long an open waits for another dmaudit's lock, and how often it looks */
#define STORE_BUSY_MS 30000
#define STORE_BUSY_STEP_MS 50

struct store {
	sqlite3 *db;
	char *path;
	bool created;   /* this open created the file */
	bool stamped;   /* the file carries dmaudit's application_id */
	bool has_ident; /* dev and ino are the database file's */
	dev_t dev;
	ino_t ino;
	int busy_ms;    /* 0: STORE_BUSY_MS */
	/* called once when an open or a write has waited a while for another dmaudit */
	void (*waiting)(const char *path);
};

#define STORE_INIT { 0 }

enum store_mode { STORE_READ, STORE_WRITE };

int store_open(struct store *s, const char *path, enum store_mode mode, struct err *err);
/*
 * Does path name the database file (through any link)? Outputs are checked
 * against it, so that "-o dmaudit.db" cannot destroy the data.
 */
bool store_is_file(const struct store *s, const char *path);

/* Close; with discard, also remove the file if this open created it. */
void store_close(struct store *s, bool discard);

int store_exec(struct store *s, const char *sql, struct err *err);
int store_prepare(struct store *s, const char *sql, sqlite3_stmt **st, struct err *err);
/* Step a statement that returns no rows, then reset it. */
int store_step_done(struct store *s, sqlite3_stmt *st, struct err *err);
/* Fill err from the connection's last error, with a context phrase. */
int store_fail(struct store *s, struct err *err, const char *what);

int store_begin(struct store *s, struct err *err);
int store_commit(struct store *s, struct err *err);
void store_rollback(struct store *s);

/* meta table; store_meta_get returns a malloc'ed string or NULL. */
char *store_meta_get(struct store *s, const char *key);
int store_meta_set(struct store *s, const char *key, const char *value, struct err *err);

/* The owner's account id, or 0 when the database holds no archive yet. */
int64_t store_owner(struct store *s);

/*
 * The account a user names: "@handle" or "handle" (any case), or a decimal
 * id that the archive names; 0 when the archive names no such account.
 */
int64_t store_account(struct store *s, const char *name);

/* Build the secondary indexes (after a bulk load). */
int store_build_indexes(struct store *s, struct err *err);

/* One integer from a query with no parameters; def when there is no row. */
int64_t store_int(struct store *s, const char *sql, int64_t def);

#endif
