/*
 * reader: the first half of the ingest pipeline, on a thread of its own.
 *
 * The reader walks an archive (source.h), cuts every data file into
 * top-level elements (ytd.h), repairs invalid UTF-8, parses each element
 * (jdoc.h), and hands the results over a bounded queue as events, in
 * archive order. The consumer (the ingest, which owns the database) takes
 * them with reader_next(), so decompression and parsing run on one core
 * while inserts run on the other. The queue holds at most READER_QUEUE_BYTES
 * of element text, which bounds memory whatever the archive's size.
 *
 * Events and their documents belong to the consumer once taken; reader_event_free
 * releases them. The reader never touches the database and never prints;
 * warnings go into the list the caller passes.
 */
#ifndef DMAUDIT_READER_H
#define DMAUDIT_READER_H

#include "classify.h"
#include "error.h"

#include "jdoc.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define READER_QUEUE_BYTES ((size_t)1 << 20)
#define READER_QUEUE_EVENTS 64
#define READER_HANDOFF_BELOW 4   /* queue shorter than this: the consumer parses */

enum reader_event_type {
	READER_FILE,      /* a data file starts */
	READER_ELEMENT,   /* one parsed element of it */
	READER_FILE_END,  /* the file ended: elements and repairs counted */
	READER_MEDIA,     /* a DM media file's path */
};

struct reader_event {
	enum reader_event_type type;
	enum data_kind kind;
	char *path;              /* path inside the archive */
	char *text;              /* READER_ELEMENT: its bytes (cost of them), which doc points into */
	struct jdoc doc;         /* parsed text; doc.n == 0 while the consumer is to parse it */
	size_t index;            /* element number from 0 */
	uint64_t offset;         /* element's byte offset in its file */
	int64_t elements;        /* READER_FILE_END */
	int64_t repaired;        /* READER_FILE_END: invalid UTF-8 sequences replaced */
	size_t cost;             /* bytes of element text, for the queue budget */
	struct reader_event *next;
};

typedef void (*reader_progress_fn)(void *ctx, uint64_t done, uint64_t total);
/* Called on the reader's thread for entries skipped (symlinks, "..", encrypted). */
typedef void (*reader_warn_fn)(void *ctx, const char *path, const char *why);

struct reader;

/* Start reading path on a new thread. */
int reader_start(struct reader **out, const char *path, reader_progress_fn progress,
		 void *progress_ctx, reader_warn_fn warn, void *warn_ctx, struct err *err);
/* The next event, or NULL when the reader has finished (or was stopped). */
struct reader_event *reader_next(struct reader *r);
void reader_event_free(struct reader_event *e);
/*
 * Parse an element event the reader left raw (a no-op when it is parsed):
 * the consumer's share of the parsing when it would otherwise wait.
 * *repaired grows by the invalid UTF-8 sequences replaced.
 */
int reader_event_parse(struct reader_event *e, int64_t *repaired, struct err *err);
/* Ask the reader to stop early; events still queued are dropped. */
void reader_stop(struct reader *r);
/*
 * Wait for the thread and free the reader. Returns its error, if it failed
 * (err names the file, element and byte). For a folder, sha256 receives the
 * hash of the data files read (path and bytes, in name order).
 */
int reader_finish(struct reader *r, char sha256[65], struct err *err);

#endif
