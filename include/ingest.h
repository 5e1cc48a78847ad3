/*
 * ingest: one archive (ZIP or folder) into the store, whole or not at all.
 *
 * Walks the archive's files (source), cuts each window.YTD file into
 * top-level elements (ytd), parses each element (jdoc) and hands it to the
 * loader (load), inside one transaction. At the end it settles the
 * snapshot: owner, generation date, sha256, follow changes against the
 * other snapshots, indexes. An archive of another account than the one the
 * database holds, an archive already ingested, or any error rolls back.
 * It never prints: warnings are collected for the caller, progress goes
 * through a callback.
 */
#ifndef DMAUDIT_INGEST_H
#define DMAUDIT_INGEST_H

#include "error.h"
#include "load.h"
#include "store.h"

#include <stdbool.h>
#include <stdint.h>

/* Called now and then with bytes of the archive read so far, and in all. */
typedef void (*ingest_progress_fn)(void *ctx, uint64_t done, uint64_t total);

struct ingest_result {
	bool already;           /* the same snapshot was in the database: nothing changed */
	int64_t owner;
	char owner_handle[64];
	int64_t snapshot_id;
	int64_t generated_at;
	struct load_counts n;   /* items read */
	struct load_counts stored; /* messages and tweets new to the database */
	int64_t known;          /* messages already held from an earlier snapshot */
	int64_t conversations;  /* distinct 1:1 conversations read */
	char **warnings;        /* one line each; freed by ingest_result_release */
	size_t nwarnings, awarnings;
};

int ingest_archive(struct store *s, const char *path, ingest_progress_fn progress,
		   void *progress_ctx, struct ingest_result *res, struct err *err);
void ingest_result_release(struct ingest_result *res);

/* Recompute follow_change from all snapshots (also used by tests). */
int ingest_follow_changes(struct store *s, struct err *err);

#endif
