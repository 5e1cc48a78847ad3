/*
 * snapshots: the archives ingested into the store, read back as a list.
 *
 * One row per snapshot, oldest first (generation time, then id), with what
 * it brought: the messages and tweets first seen in it (message.snapshot_id,
 * tweet.snapshot_id) and its follower and following counts. Reads only;
 * never prints.
 */
#ifndef DMAUDIT_SNAPSHOTS_H
#define DMAUDIT_SNAPSHOTS_H

#include "error.h"
#include "store.h"

#include <stddef.h>
#include <stdint.h>

struct snapshot_info {
	int64_t id;
	int64_t generated_at, ingested_at; /* ms */
	char *generated_from;              /* 'manifest', 'data' or 'file' */
	char *source;                      /* the path given to ingest */
	char *sha256;
	char *layout;
	int64_t messages, tweets;          /* first seen in this snapshot */
	int64_t followers, following;      /* -1 when the archive had no such list */
};

struct snapshot_list {
	struct snapshot_info *s;
	size_t n, alloc;
};

#define SNAPSHOT_LIST_INIT { NULL, 0, 0 }

int snapshots_read(struct store *s, struct snapshot_list *out, struct err *err);
void snapshots_release(struct snapshot_list *l);

#endif
