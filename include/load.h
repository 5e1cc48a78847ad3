/*
 * load: one parsed archive element (jdoc.h) into rows of the store.
 *
 * The loader owns the prepared INSERT statements of one ingest and inserts
 * with INSERT OR IGNORE, so split conversation chunks, overlapping parts and
 * snapshots taken on different dates merge by id. It counts what was new,
 * what was repeated, and the messages whose text changed (DM edits), whose
 * texts it keeps in message_version. It also collects what the
 * ingest needs to know about the archive as a whole: the owner (manifest.js,
 * account.js, or the id common to every 1:1 conversation), the generation
 * date, the manifest's item counts, and what was read. It never prints; a
 * bad element fails with an EXIT_INPUT error that names the field.
 */
#ifndef DMAUDIT_LOAD_H
#define DMAUDIT_LOAD_H

#include "classify.h"
#include "buf.h"
#include "error.h"
#include "jdoc.h"
#include "store.h"
#include "u64map.h"

#include <stdbool.h>
#include <stdint.h>

struct manifest_count {
	char *file;     /* base name, e.g. "direct-messages-part1.js" */
	int64_t count;
};

struct load_counts {
	int64_t dm_messages, group_messages, dm_chunks, group_chunks;
	int64_t tweets, followers, following, apps, blocks, mutes, media_files;
};

#define LOAD_BATCH 32                 /* messages per INSERT */
#define LOAD_BATCH_BYTES (1u << 20)   /* or fewer, when their text is this long */

/* A message waiting for its batch; strings are offsets into batch_text. */
struct pending {
	int64_t id, sender, recipient, created, media, urls;
	size_t conv, conv_len, text, text_len;
	bool has_recipient, welcome, group;
};

struct load {
	struct store *store;
	int64_t snapshot_id;
	sqlite3_stmt *st[24];
	struct buf scratch, scratch2;   /* decoded text, tweet app name */
	struct pending pending[LOAD_BATCH];
	size_t npending;
	struct buf batch_text;          /* the pending messages' conversation ids and texts */

	/* what the archive says of itself */
	int64_t manifest_owner, account_owner;
	char *owner_handle, *owner_name;
	int64_t generated_at;            /* 0 when no manifest */
	int64_t newest_item;             /* newest message or tweet time */
	struct manifest_count *manifest; /* counts listed by manifest.js */
	size_t nmanifest, amanifest;
	bool has_manifest;

	/* the owner by inference: ids common to every 1:1 conversation id */
	int64_t cand[2];
	int ncand;                       /* -1 before the first conversation */
	int64_t hint_owner;              /* accountId of account-timezone.js and the like */
	bool hint_conflict;              /* those files named two accounts */
	char *owner_timezone;            /* account-timezone.js timeZone, or NULL */
	char owner_tld[3];               /* the country code ending account.js's e-mail ("ng"), or "" */
	struct group_member { int64_t account; uint64_t conv; } *members;
	size_t nmembers, amembers;       /* who appears in which group (owner unknown) */

	struct u64map conv_seen;         /* hashes of the 1:1 conversation ids met */
	int64_t conversations;           /* distinct 1:1 conversations read */

	bool seen[KIND__COUNT];          /* kinds of files met */
	struct load_counts n;            /* items read (not necessarily new) */
	struct load_counts stored;       /* messages and tweets new to the database */
	int64_t repeated;                /* messages this archive holds more than once */
	int64_t known;                   /* messages held from a snapshot ingested before */
	int64_t edited;                  /* messages whose text differs from the one held */
	int64_t max_rowid;               /* the message table's last rowid */
};

int load_init(struct load *l, struct store *s, int64_t snapshot_id, struct err *err);
void load_release(struct load *l);

/* Insert one element of a file of the given kind. */
int load_element(struct load *l, enum data_kind kind, const struct jnode *elem,
		 struct err *err);

/* Insert the messages still waiting for a batch: after the last element. */
int load_flush(struct load *l, struct err *err);

/*
 * After the snapshot's generation date is set: each edited message takes the
 * text of the newest snapshot that holds it (message_version keeps them all).
 */
int load_settle_edits(struct load *l, struct err *err);

/* Record a media file's path (its bytes are never read). */
int load_media_path(struct load *l, const char *path, struct err *err);

/*
 * The owner: manifest, else account.js, else account-timezone.js and the
 * other files that name the account, else the one account of every 1:1
 * conversation, else the one account in every group conversation; 0 when
 * unknown.
 */
int64_t load_owner(struct load *l);

#endif
