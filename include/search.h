/*
 * search: the full-text index of the messages (1:1 and group) and of the
 * owner's tweets, and the queries on it.
 *
 * The index is two tables that search_index_build makes from the store:
 * search_doc, one row per text (channel, source id, conversation, sender,
 * time, text), numbered in time order (created_at, then id), and
 * search_index, an FTS5 table with the trigram tokenizer whose external
 * content is search_doc. Trigrams find any substring of three characters
 * or more, in every script (Chinese, Japanese and Korean have no spaces to
 * split words on), ignoring case. Because rowids follow time, "newest
 * first" is the index's own order (it stops at the limit, never sorts) and
 * a date range is a rowid range. Shorter terms cannot use trigrams; they
 * are matched with LIKE on search_doc (ASCII case folding only).
 *
 * The index is derived data: it carries a stamp of the store
 * (meta.search_index_stamp: snapshots, messages, tweets) and is built again
 * when the stamp no longer matches, i.e. after an ingest added anything.
 * Building needs a connection that may write; querying does not. The
 * module returns texts as stored: redaction is the caller's (pii.h). It
 * never prints.
 */
#ifndef DMAUDIT_SEARCH_H
#define DMAUDIT_SEARCH_H

#include "buf.h"
#include "error.h"
#include "store.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum search_channel { SEARCH_DM, SEARCH_GROUP, SEARCH_TWEET, SEARCH_ANY };

/* "dm", "group", "tweet"; SEARCH_ANY when s is none of them. */
enum search_channel search_channel_parse(const char *s);
const char *search_channel_name(enum search_channel c);

/* Terms of a query: words split on spaces, or "quoted phrases"; all must appear. */
struct search_terms {
	char **term;
	size_t n, alloc;
};

#define SEARCH_TERMS_INIT { NULL, 0, 0 }

/* Split q into terms; -1 (EXIT_USAGE) when it holds none. */
int search_terms_parse(const char *q, struct search_terms *t, struct err *err);
void search_terms_release(struct search_terms *t);

struct search_query {
	const struct search_terms *terms;
	enum search_channel channel;  /* SEARCH_ANY: every channel */
	int64_t from;                 /* the sender's account id; 0: anyone */
	int64_t since, until;         /* created_at within [since, until], ms */
	size_t limit;                 /* at most this many hits; 0: all */
};

struct search_hit {
	enum search_channel channel;
	int64_t source_id;            /* message id, or tweet id */
	char *conversation_id;        /* NULL for tweets */
	int64_t sender_id;
	char *sender_handle;          /* without '@'; NULL when the archive names none */
	int64_t created_at;
	char *text;                   /* the whole text, as stored */
};

struct search_result {
	struct search_hit *hit;       /* newest first */
	size_t n, alloc;
	bool more;                    /* the limit cut further hits off */
};

#define SEARCH_RESULT_INIT { NULL, 0, 0, false }

void search_result_release(struct search_result *r);

enum search_index_state { SEARCH_INDEX_FRESH, SEARCH_INDEX_MISSING, SEARCH_INDEX_STALE };

/* Is the index there and built from the store as it is now? */
enum search_index_state search_index_check(struct store *s);

/*
 * (Re)build the index in one transaction of a writing connection, unless
 * another process built it meanwhile. Stops (rolled back, EXIT_IO or the
 * interrupt's error) when a signal comes (interrupt.h). *docs: texts indexed.
 */
int search_index_build(struct store *s, int64_t *docs, struct err *err);

/* Texts the index will hold: messages and tweets (for a progress note). */
int64_t search_index_size(struct store *s);

/* Run q on a fresh index. */
int search_run(struct store *s, const struct search_query *q, struct search_result *r,
	       struct err *err);

/*
 * Append a one-line excerpt of text[0..len) to out: about width characters
 * around the first place where a term appears (ASCII case folded), from the
 * start when none does (a term inside redacted data, say); runs of white
 * space become one space, and "…" marks a cut.
 */
void search_snippet(const char *text, size_t len, const struct search_terms *t, size_t width,
		    struct buf *out);

#endif
