/*
 * The ingested snapshots (snapshots.h).
 */
#include "snapshots.h"
#include "xalloc.h"

#include <stdbool.h>
#include <stdlib.h>

static char *column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);
	return xstrdup(v ? (const char *)v : "");
}

/* Count the messages (or tweets) each snapshot was the first to hold. */
static int add_counts(struct store *s, struct snapshot_list *l, bool tweets, struct err *err)
{
	sqlite3_stmt *st;
	if (store_prepare(s, tweets ? "SELECT snapshot_id, count(*) FROM tweet GROUP BY 1"
				    : "SELECT snapshot_id, count(*) FROM message GROUP BY 1",
			  &st, err))
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		for (size_t i = 0; i < l->n; i++)
			if (l->s[i].id == id)
				*(tweets ? &l->s[i].tweets : &l->s[i].messages) =
					sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, err, "cannot count the snapshots' rows");
}

int snapshots_read(struct store *s, struct snapshot_list *l, struct err *err)
{
	sqlite3_stmt *st;
	if (store_prepare(s, "SELECT s.id, s.generated_at, s.ingested_at, s.generated_from, "
			     "s.source, s.sha256, s.layout, "
			     "CASE WHEN s.has_followers THEN (SELECT count(*) FROM follow f WHERE "
			     "f.snapshot_id = s.id AND f.direction = 'follower') ELSE -1 END, "
			     "CASE WHEN s.has_following THEN (SELECT count(*) FROM follow f WHERE "
			     "f.snapshot_id = s.id AND f.direction = 'following') ELSE -1 END "
			     "FROM snapshot s ORDER BY s.generated_at, s.id", &st, err))
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(l->s, l->n + 1, l->alloc);
		struct snapshot_info *i = &l->s[l->n++];
		i->id = sqlite3_column_int64(st, 0);
		i->generated_at = sqlite3_column_int64(st, 1);
		i->ingested_at = sqlite3_column_int64(st, 2);
		i->generated_from = column_dup(st, 3);
		i->source = column_dup(st, 4);
		i->sha256 = column_dup(st, 5);
		i->layout = column_dup(st, 6);
		i->followers = sqlite3_column_int64(st, 7);
		i->following = sqlite3_column_int64(st, 8);
		i->messages = i->tweets = 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, err, "cannot read the snapshots");
	/* one pass over each table, however many snapshots there are */
	if (add_counts(s, l, false, err) || add_counts(s, l, true, err))
		return -1;
	return 0;
}

void snapshots_release(struct snapshot_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->s[i].generated_from);
		free(l->s[i].source);
		free(l->s[i].sha256);
		free(l->s[i].layout);
	}
	free(l->s);
	l->s = NULL;
	l->n = l->alloc = 0;
}
