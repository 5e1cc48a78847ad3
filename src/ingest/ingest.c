#include "ingest.h"
#include "classify.h"
#include "exitcode.h"
#include "interrupt.h"
#include "sha256.h"
#include "trace.h"
#include "source.h"
#include "timeutil.h"
#include "xalloc.h"
#include "reader.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

struct file_count {
	char *base;
	int64_t elements;
};

struct run {
	struct store *store;
	const char *path;
	struct load load;
	struct ingest_result *res;
	struct file_count *files;
	size_t nfiles, afiles;
	char **entries;             /* data files met, to tell a duplicate entry */
	size_t nentries, aentries;
	char *file_path;
	int64_t repaired;           /* invalid UTF-8 replaced by this thread in that file */
	bool stop_already;          /* manifest shows a snapshot already held */
};

static void add_warning(struct ingest_result *res, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static int check_owner(struct run *r, int64_t owner, struct err *err);

static void add_warning(struct ingest_result *res, const char *fmt, ...)
{
	va_list ap;
	char line[512];
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	ALLOC_GROW(res->warnings, res->nwarnings + 1, res->awarnings);
	res->warnings[res->nwarnings++] = xstrdup(line);
}

void ingest_result_release(struct ingest_result *res)
{
	for (size_t i = 0; i < res->nwarnings; i++)
		free(res->warnings[i]);
	free(res->warnings);
	memset(res, 0, sizeof(*res));
}

/* Has a snapshot with this manifest generation date (or this sha256) been ingested? */
static bool snapshot_known(struct store *s, int64_t generated_at, const char *sha)
{
	sqlite3_stmt *st;
	bool found = false;
	const char *q = sha ? "SELECT 1 FROM snapshot WHERE sha256 = ?1"
			    : "SELECT 1 FROM snapshot WHERE generated_at = ?1 AND "
			      "generated_from = 'manifest'";
	if (sqlite3_prepare_v2(s->db, q, -1, &st, NULL) != SQLITE_OK)
		return false;
	if (sha)
		sqlite3_bind_text(st, 1, sha, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 1, generated_at);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/* Skipped entries are reported from the reader's thread; only it adds warnings then. */
static void on_skip(void *ctx, const char *entry, const char *why)
{
	struct run *r = ctx;
	add_warning(r->res, "'%s': skipped '%s': %s", r->path, entry, why);
}

/* Take one event of the reader; -1 with err filled stops the ingest. */
static int consume(struct run *r, struct reader_event *ev, struct err *err)
{
	switch (ev->type) {
	case READER_FILE:
		for (size_t i = 0; i < r->nentries; i++)
			if (!strcmp(r->entries[i], ev->path)) {
				add_warning(r->res, "'%s': entry '%s' appears twice in the archive; "
						    "both copies were read and merged by id",
					    r->path, ev->path);
				break;
			}
		ALLOC_GROW(r->entries, r->nentries + 1, r->aentries);
		r->entries[r->nentries++] = xstrdup(ev->path);
		r->load.seen[ev->kind] = true;
		free(r->file_path);
		r->file_path = xstrdup(ev->path);
		r->repaired = 0;
		return 0;
	case READER_MEDIA:
		return load_media_path(&r->load, ev->path, err);
	case READER_FILE_END: {
		const char *base = strrchr(ev->path, '/');
		ALLOC_GROW(r->files, r->nfiles + 1, r->afiles);
		r->files[r->nfiles].base = xstrdup(base ? base + 1 : ev->path);
		r->files[r->nfiles].elements = ev->elements;
		r->nfiles++;
		if (ev->repaired + r->repaired)
			add_warning(r->res, "'%s': %s: %lld invalid UTF-8 sequences replaced "
					    "with U+FFFD", r->path, ev->path,
				    (long long)(ev->repaired + r->repaired));
		return 0;
	}
	case READER_ELEMENT:
		if (reader_event_parse(ev, &r->repaired, err)) {
			err_prefix(err, "'%s': %s", r->path, r->file_path ? r->file_path : "?");
			return -1;
		}
		if (load_element(&r->load, ev->kind, jdoc_root(&ev->doc), err)) {
			if (err->code == EXIT_INPUT)
				err_prefix(err, "'%s': element %zu at byte %llu", r->path,
					   ev->index + 1, (unsigned long long)ev->offset);
			return -1;
		}
		/* the owner is known early from these two: refuse another account at once */
		if ((ev->kind == KIND_MANIFEST || ev->kind == KIND_ACCOUNT) &&
		    check_owner(r, load_owner(&r->load), err))
			return -1;
		if (ev->kind == KIND_MANIFEST && r->load.generated_at &&
		    snapshot_known(r->store, r->load.generated_at, NULL)) {
			r->stop_already = true;
			return -1;
		}
		return 0;
	}
	return 0;
}

/* Compare what manifest.js announced with what was read. */
static void check_manifest(struct run *r)
{
	for (size_t i = 0; i < r->load.nmanifest; i++) {
		const struct manifest_count *m = &r->load.manifest[i];
		int kind_part;
		enum data_kind k = classify_path(m->file, &kind_part);
		/* account-timezone.js and the like only name the owner: no matter if absent */
		if (k == KIND_NONE || k == KIND_MANIFEST || k == KIND_OWNER_HINT)
			continue;
		const struct file_count *f = NULL;
		for (size_t j = 0; j < r->nfiles; j++)
			if (!strcmp(r->files[j].base, m->file))
				f = &r->files[j];
		if (!f && m->count > 0)
			add_warning(r->res, "'%s': manifest.js lists %s with %lld items, but the "
					    "archive does not hold it",
				    r->path, m->file, (long long)m->count);
		else if (f && f->elements != m->count)
			add_warning(r->res, "'%s': manifest.js says %s holds %lld items, %lld were read",
				    r->path, m->file, (long long)m->count, (long long)f->elements);
	}
}

/*
 * A follow gained between two snapshots happened after the earlier one, and
 * not before the account existed: a snowflake id (2^32 and above, since
 * 2013) tells when it was made. When the later list is newest first as far
 * as it can be checked (every account gained sits above every account kept:
 * the API's order), a follow also came after every account listed below it
 * was made: a running maximum of creation times from the bottom up. Both
 * bounds stop at the later snapshot's date. A follow lost is known only to
 * lie between the two dates.
 */
int ingest_follow_changes(struct store *s, struct err *err)
{
	static const char sql[] =
		"DELETE FROM follow_change;"
		"WITH s AS (SELECT id, generated_at, has_followers, has_following,"
		"  LAG(id) OVER w AS prev, LAG(generated_at) OVER w AS prev_at,"
		"  LAG(has_followers) OVER w AS prev_followers,"
		"  LAG(has_following) OVER w AS prev_following"
		"  FROM snapshot WINDOW w AS (ORDER BY generated_at, id)),"
		" pairs AS (SELECT id, prev, prev_at, generated_at FROM s WHERE prev IS NOT NULL),"
		" ok(direction, id) AS (SELECT 'follower', id FROM s WHERE prev IS NOT NULL AND"
		"  has_followers AND prev_followers UNION ALL SELECT 'following', id FROM s WHERE"
		"  prev IS NOT NULL AND has_following AND prev_following),"
		" later AS (SELECT f.direction, f.account_id, f.pos, p.prev, p.id, p.prev_at,"
		"  p.generated_at, EXISTS (SELECT 1 FROM follow g WHERE g.snapshot_id = p.prev AND"
		"  g.direction = f.direction AND g.account_id = f.account_id) AS kept,"
		"  CASE WHEN f.account_id >= 4294967296 THEN (f.account_id >> 22) + 1288834974657"
		"  END AS born"
		"  FROM pairs p JOIN ok ON ok.id = p.id JOIN follow f ON f.snapshot_id = p.id"
		"  AND f.direction = ok.direction),"
		" lists AS (SELECT id, direction, count(pos) = count(*) AND"
		"  coalesce(max(CASE WHEN NOT kept THEN pos END), -1) <"
		"  coalesce(min(CASE WHEN kept THEN pos END), 9223372036854775807) AS newest_first"
		"  FROM later GROUP BY id, direction),"
		" ranked AS (SELECT l.*, max(born) OVER (PARTITION BY l.id, l.direction ORDER BY"
		"  l.pos DESC ROWS UNBOUNDED PRECEDING) AS below FROM later l)"
		" INSERT INTO follow_change (direction, account_id, change, from_snapshot,"
		"  to_snapshot, after, before)"
		" SELECT r.direction, r.account_id, 'gained', r.prev, r.id,"
		"  min(r.generated_at, max(r.prev_at, coalesce(CASE WHEN t.newest_first THEN r.below"
		"  ELSE r.born END, r.prev_at))), r.generated_at"
		"  FROM ranked r JOIN lists t ON t.id = r.id AND t.direction = r.direction"
		"  WHERE NOT r.kept"
		" UNION ALL"
		" SELECT f.direction, f.account_id, 'lost', p.prev, p.id, p.prev_at, p.generated_at"
		"  FROM pairs p JOIN ok ON ok.id = p.id JOIN follow f ON f.snapshot_id = p.prev"
		"  AND f.direction = ok.direction WHERE NOT EXISTS (SELECT 1 FROM follow g WHERE"
		"  g.snapshot_id = p.id AND g.direction = f.direction AND g.account_id ="
		"  f.account_id);";
	return store_exec(s, sql, err);
}

/* Refuse an archive of another account than the one the database holds. */
static int check_owner(struct run *r, int64_t owner, struct err *err)
{
	struct store *s = r->store;
	const char *handle = r->load.owner_handle;
	int64_t held = store_owner(s);
	if (!held || held == owner)
		return 0;
	char *h = NULL;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT handle FROM account WHERE id = ?", -1, &st, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_int64(st, 1, held);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
			h = xstrdup((const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	err_set(err, EXIT_INPUT, "'%s': archive of account %lld%s%s%s, but '%s' holds "
		"account %lld%s%s%s; use another --db", r->path, (long long)owner,
		handle ? " (@" : "", handle ? handle : "", handle ? ")" : "", s->path,
		(long long)held, h ? " (@" : "", h ? h : "", h ? ")" : "");
	free(h);
	return -1;
}

/* The one-line refusal of an archive whose owner cannot be told. */
static int refuse_no_owner(const struct run *r, struct err *err)
{
	const struct load *l = &r->load;
	if (l->ncand == 2)
		return err_set(err, EXIT_INPUT, "'%s': cannot tell whose archive this is: no "
				"manifest.js or account.js, and its only 1:1 conversation "
				"involves two accounts (%lld, %lld)", r->path,
				(long long)l->cand[0], (long long)l->cand[1]);
	return err_set(err, EXIT_INPUT, "'%s': cannot tell whose archive this is: no "
			"manifest.js or account.js, and no account common to all 1:1 "
			"conversations", r->path);
}

/* The snapshot's row, now that the archive is read: its hash, date and owner. */
static int fill_snapshot(struct run *r, const char *sha, int64_t owner, int64_t gen,
			 const char *from, struct err *err)
{
	const struct load *l = &r->load;
	sqlite3_stmt *st;
	if (store_prepare(r->store, "UPDATE snapshot SET sha256 = ?2, generated_at = ?3, "
				    "generated_from = ?4, owner_id = ?5, layout = ?6, "
				    "has_followers = ?7, has_following = ?8 WHERE id = ?1", &st, err))
		return -1;
	sqlite3_bind_int64(st, 1, r->res->snapshot_id);
	sqlite3_bind_text(st, 2, sha, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, gen);
	sqlite3_bind_text(st, 4, from, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, owner);
	sqlite3_bind_text(st, 6, l->has_manifest ? "data" : "root", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 7, l->seen[KIND_FOLLOWER]);
	sqlite3_bind_int(st, 8, l->seen[KIND_FOLLOWING]);
	int rc = store_step_done(r->store, st, err);
	sqlite3_finalize(st);
	return rc;
}

/* The owner in meta, and as the other side's complement in every 1:1 conversation. */
static int settle_owner(struct run *r, int64_t owner, struct err *err)
{
	struct store *s = r->store;
	const struct load *l = &r->load;
	char num[24];
	snprintf(num, sizeof(num), "%lld", (long long)owner);
	if (store_meta_set(s, "owner_id", num, err))
		return -1;
	if (l->owner_handle && store_meta_set(s, "owner_handle", l->owner_handle, err))
		return -1;
	/* the owner's time zone (account-timezone.js): a hint of where their phones are from */
	if (l->owner_timezone && store_meta_set(s, "owner_timezone", l->owner_timezone, err))
		return -1;
	/* … and the country code its e-mail address ends in, the address itself not kept */
	if (l->owner_tld[0] && store_meta_set(s, "owner_tld", l->owner_tld, err))
		return -1;
	sqlite3_stmt *st;
	if (store_prepare(s, "UPDATE conversation SET counterpart_id = CASE"
			     " WHEN instr(id, '-') = 0 THEN NULL"
			     " WHEN CAST(substr(id, 1, instr(id, '-') - 1) AS INTEGER) = ?1"
			     " THEN CAST(substr(id, instr(id, '-') + 1) AS INTEGER)"
			     " ELSE CAST(substr(id, 1, instr(id, '-') - 1) AS INTEGER) END"
			     " WHERE kind = 'dm' AND counterpart_id IS NULL", &st, err))
		return -1;
	sqlite3_bind_int64(st, 1, owner);
	int rc = store_step_done(s, st, err);
	sqlite3_finalize(st);
	return rc;
}

static int settle_snapshot(struct run *r, const char *sha, struct err *err)
{
	struct load *l = &r->load;
	struct ingest_result *res = r->res;
	int64_t owner = load_owner(l);
	const char *from = "manifest";
	int64_t gen = l->generated_at;

	if (!owner)
		return refuse_no_owner(r, err);
	if (check_owner(r, owner, err))
		return -1;
	if (snapshot_known(r->store, 0, sha)) {
		res->already = true;
		return 0;
	}
	if (!gen) {
		struct stat st;
		if (l->newest_item) {
			gen = l->newest_item;
			from = "data";
		} else if (stat(r->path, &st) == 0) {
			gen = (int64_t)st.st_mtime * 1000;
			from = "file";
		}
	}
	if (fill_snapshot(r, sha, owner, gen, from, err) || settle_owner(r, owner, err) ||
	    load_settle_edits(l, err) || ingest_follow_changes(r->store, err) ||
	    store_build_indexes(r->store, err))
		return -1;

	res->owner = owner;
	res->generated_at = gen;
	snprintf(res->owner_handle, sizeof(res->owner_handle), "%s",
		 l->owner_handle ? l->owner_handle : "");
	return 0;
}

/* -1 with err filled (exit 128 + the signal) once a signal has come. */
static int check_interrupt(const char *path, struct err *err)
{
	int sig = interrupt_pending();
	if (!sig)
		return 0;
	return err_set(err, EXIT_SIGNAL + sig, "'%s': interrupted by %s", path,
		       interrupt_name(sig));
}

struct hash_job {
	const char *path;
	char hex[65];
	int rc, errnum;
};

static void *hash_thread(void *arg)
{
	struct hash_job *j = arg;
	j->rc = sha256_file(j->path, j->hex);
	j->errnum = errno;
	return NULL;
}

/* The one-line refusal of a path that is neither an archive file nor a folder. */
static int refuse_other(const char *path, struct err *err)
{
	struct stat sb;
	if (stat(path, &sb) != 0)
		return err_set(err, EXIT_INPUT, "'%s': %s", path, strerror(errno));
	return err_set(err, EXIT_INPUT, "'%s': %s, not an archive file or folder", path,
		       S_ISCHR(sb.st_mode) || S_ISBLK(sb.st_mode) ? "a device"
								 : "not a regular file");
}

/* The snapshot's row, filled in by settle_snapshot once the archive is read. */
static int begin_snapshot(struct run *r, struct err *err)
{
	sqlite3_stmt *st;
	if (store_prepare(r->store, "INSERT INTO snapshot (source, sha256, generated_at, "
				    "generated_from, ingested_at, owner_id, layout, has_followers, "
				    "has_following) VALUES (?1, '', 0, '', ?2, 0, '', 0, 0)",
			  &st, err))
		return -1;
	sqlite3_bind_text(st, 1, r->path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, time_now_ms());
	int rc = store_step_done(r->store, st, err);
	sqlite3_finalize(st);
	if (rc)
		return -1;
	r->res->snapshot_id = sqlite3_last_insert_rowid(r->store->db);
	return load_init(&r->load, r->store, r->res->snapshot_id, err);
}

/*
 * Every event of the reader into the store, until the end, an error or an
 * interrupt; a folder's hash comes back in folder_sha. The reader is
 * stopped and finished on every path.
 */
static int read_all(struct run *r, ingest_progress_fn progress, void *progress_ctx,
		    char folder_sha[65], struct err *err)
{
	struct reader *rd;
	if (reader_start(&rd, r->path, progress, progress_ctx, on_skip, r, err))
		return -1;
	struct reader_event *ev;
	int failed = 0;
	while ((ev = reader_next(rd)) != NULL) {
		failed = check_interrupt(r->path, err) ? -1 : consume(r, ev, err);
		reader_event_free(ev);
		if (failed) {
			reader_stop(rd);
			break;
		}
	}
	int rrc = reader_finish(rd, folder_sha, failed ? NULL : err);
	trace("read and inserted");
	return failed || rrc ? -1 : 0;
}

/* Did the archive hold any data file at all? */
static bool any_data(const struct run *r)
{
	for (int k = KIND_MANIFEST; k < KIND__COUNT; k++)
		if (k != KIND_MEDIA && r->load.seen[k])
			return true;
	return false;
}

/* What the whole ingest tells its caller, once the snapshot is settled. */
static void tell_result(struct run *r)
{
	struct ingest_result *res = r->res;
	check_manifest(r);
	/* repeats within an archive are normal (overlapping chunks); edits are news */
	if (r->load.edited)
		add_warning(res, "'%s': %lld message%s another text than in a snapshot "
				 "ingested before (edited); the newest snapshot's text is kept, "
				 "every text is in message_version", r->path, (long long)r->load.edited,
			    r->load.edited == 1 ? " has" : "s have");
	res->n = r->load.n;
	res->stored = r->load.stored;
	res->known = r->load.known;
	res->conversations = r->load.conversations;
}

static void run_release(struct run *r)
{
	load_release(&r->load);
	free(r->file_path);
	for (size_t i = 0; i < r->nfiles; i++)
		free(r->files[i].base);
	free(r->files);
	for (size_t i = 0; i < r->nentries; i++)
		free(r->entries[i]);
	free(r->entries);
}

int ingest_archive(struct store *s, const char *path, ingest_progress_fn progress,
		   void *progress_ctx, struct ingest_result *res, struct err *err)
{
	struct run r;
	struct hash_job job = { path, "", 0, 0 };
	pthread_t hasher;
	enum source_kind sk = source_kind(path);
	/* a folder or a pipe is hashed by the reader; a ZIP file by a thread of its own */
	bool hashing = false, folder = sk == SOURCE_FOLDER || sk == SOURCE_STREAM;
	char folder_sha[65] = "";
	int rc = -1;

	memset(&r, 0, sizeof(r));
	memset(res, 0, sizeof(*res));
	r.store = s;
	r.path = path;
	r.res = res;

	trace("start");
	if (sk == SOURCE_OTHER)
		return refuse_other(path, err);
	if (store_begin(s, err))
		return -1;
	if (begin_snapshot(&r, err))
		goto out;

	/* Three threads: the reader (unzip, cut, parse), the hasher, and this one (insert). */
	if (!folder && pthread_create(&hasher, NULL, hash_thread, &job) == 0)
		hashing = true;
	if (read_all(&r, progress, progress_ctx, folder_sha, err) && !r.stop_already)
		goto out;
	if (r.stop_already) {
		res->already = true;
		rc = 0;
		goto out;
	}
	if (load_flush(&r.load, err))
		goto out;
	if (!any_data(&r)) {
		err_set(err, EXIT_INPUT, "'%s': not a Twitter archive: no window.YTD data files "
					 "(direct-messages.js, follower.js, …) found", path);
		goto out;
	}
	if (hashing) {
		pthread_join(hasher, NULL);
		hashing = false;
		if (job.rc) {
			err_set(err, EXIT_IO, "'%s': %s", path, strerror(job.errnum));
			goto out;
		}
	} else {
		memcpy(job.hex, folder_sha, sizeof(job.hex));
	}
	trace("hashed");
	if (settle_snapshot(&r, job.hex, err))
		goto out;
	trace("settled (follow changes, indexes)");
	if (res->already) {
		rc = 0;
		goto out;
	}
	tell_result(&r);
	/* the last moment a signal can still undo this archive */
	if (check_interrupt(path, err) || store_commit(s, err))
		goto out;
	trace("committed");
	rc = 0;
out:
	if (hashing)
		pthread_join(hasher, NULL);
	if (rc || res->already)
		store_rollback(s);
	run_release(&r);
	if (res->already)
		err->code = 0;
	return rc;
}
