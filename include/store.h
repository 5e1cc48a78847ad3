/*
 * store: the SQLite database that holds normalized archive data.
 *
 * Owns the connection and its prepared statements. Opening for writing
 * creates the file with mode 0600 and the schema (src/store/schema.sql);
 * opening for reading never creates anything. Every SQLite failure becomes
 * an EXIT_IO error naming the database file. The store knows nothing of ZIP
 * files or reports.
 */
#ifndef DMAUDIT_STORE_H
#define DMAUDIT_STORE_H

#include "error.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#define STORE_SCHEMA_VERSION "1"

struct store {
	sqlite3 *db;
	char *path;
	bool created;  /* this open created the file */
};

#define STORE_INIT { NULL, NULL, false }

enum store_mode { STORE_READ, STORE_WRITE };

int store_open(struct store *s, const char *path, enum store_mode mode, struct err *err);
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

/* Build the secondary indexes (after a bulk load). */
int store_build_indexes(struct store *s, struct err *err);

/* One integer from a query with no parameters; def when there is no row. */
int64_t store_int(struct store *s, const char *sql, int64_t def);

#endif
