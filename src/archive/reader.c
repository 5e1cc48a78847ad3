#include "reader.h"
#include "buf.h"
#include "exitcode.h"
#include "sha256.h"
#include "source.h"
#include "utf8.h"
#include "xalloc.h"
#include "ytd.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>

struct reader {
	char *path;
	bool folder;
	bool stream;      /* a pipe: the source hashes its bytes into hash */
	reader_progress_fn progress;
	reader_warn_fn warn;
	void *progress_ctx, *warn_ctx;
	pthread_t thread;

	pthread_mutex_t mu;
	pthread_cond_t can_put, can_get;
	struct reader_event *head, *tail;
	size_t queued, queued_bytes;
	bool stop;       /* the consumer wants no more */
	bool consumer_waits, producer_waits; /* wake the other side only when it sleeps */
	bool done;       /* the thread has pushed its last event */

	/* the reader thread's own state */
	int rc;
	struct err err;
	struct sha256 hash;
	enum data_kind kind;
	int64_t elements, repaired;
	unsigned tick;
};

static struct reader_event *event_new(enum reader_event_type type, enum data_kind kind,
				      const char *path)
{
	struct reader_event *e = xcalloc(1, sizeof(*e));
	e->type = type;
	e->kind = kind;
	e->path = path ? xstrdup(path) : NULL;
	return e;
}

void reader_event_free(struct reader_event *e)
{
	if (!e)
		return;
	jdoc_release(&e->doc);
	free(e->text);
	free(e->path);
	free(e);
}

/* Queue an event; false when the consumer asked to stop (the event is freed). */
static bool push(struct reader *r, struct reader_event *e)
{
	pthread_mutex_lock(&r->mu);
	while (!r->stop && r->queued > 0 &&
	       (r->queued >= READER_QUEUE_EVENTS || r->queued_bytes + e->cost > READER_QUEUE_BYTES)) {
		r->producer_waits = true;
		pthread_cond_wait(&r->can_put, &r->mu);
		r->producer_waits = false;
	}
	bool stop = r->stop;
	if (!stop) {
		if (r->tail)
			r->tail->next = e;
		else
			r->head = e;
		r->tail = e;
		__atomic_store_n(&r->queued, r->queued + 1, __ATOMIC_RELAXED);
		r->queued_bytes += e->cost;
		if (r->consumer_waits)
			pthread_cond_signal(&r->can_get);
	}
	pthread_mutex_unlock(&r->mu);
	if (stop)
		reader_event_free(e);
	return !stop;
}

static int stopped(struct err *err)
{
	return err_set(err, EXIT_OK, "stopped");
}

/*
 * Parse an element's text. Invalid UTF-8 fails the parse, so only then is
 * the text checked, repaired (U+FFFD) and parsed again: the common case
 * pays for one pass. *repaired counts the sequences replaced.
 */
static int parse_element(struct reader_event *e, int64_t *repaired, struct err *err)
{
	size_t at;
	const char *why;
	if (!jdoc_parse(&e->doc, e->text, e->cost, &at, &why))
		return 0;
	if (utf8_valid_prefix(e->text, e->cost) != e->cost) {
		struct buf fixed = BUF_INIT;
		*repaired += (int64_t)utf8_repair(e->text, e->cost, &fixed);
		free(e->text);
		e->cost = fixed.len;
		e->text = buf_detach(&fixed);
		if (!jdoc_parse(&e->doc, e->text, e->cost, &at, &why))
			return 0;
	}
	return err_set(err, EXIT_INPUT, "element %zu at byte %llu: invalid JSON: %s",
		       e->index + 1, (unsigned long long)(e->offset + at), why);
}

int reader_event_parse(struct reader_event *e, int64_t *repaired, struct err *err)
{
	if (e->type != READER_ELEMENT || e->doc.n)
		return 0;
	return parse_element(e, repaired, err);
}

/* How many events wait in the queue (a hint: read without the lock). */
static size_t queue_length(struct reader *r)
{
	return __atomic_load_n(&r->queued, __ATOMIC_RELAXED);
}

static int on_element(void *ctx, const char *json, size_t len, size_t index, uint64_t offset,
		      struct err *err)
{
	struct reader *r = ctx;
	struct reader_event *e = event_new(READER_ELEMENT, r->kind, NULL);
	e->index = index;
	e->offset = offset;
	e->cost = len;
	e->text = xmalloc(len ? len : 1);
	memcpy(e->text, json, len);
	r->elements++;
	/*
	 * Balance the two cores: while the consumer keeps up (the queue is
	 * nearly empty) it parses the text itself; once the queue fills, the
	 * reader parses.
	 */
	if (queue_length(r) >= READER_HANDOFF_BELOW && parse_element(e, &r->repaired, err)) {
		reader_event_free(e);
		return -1;
	}
	return push(r, e) ? 0 : stopped(err);
}

static int read_file(struct reader *r, struct source *src, const struct source_entry *se,
		     enum data_kind kind, struct err *err)
{
	struct ytd_reader yr;
	const char *p;
	size_t n;
	int got, rc = 0;

	if (!push(r, event_new(READER_FILE, kind, se->path)))
		return stopped(err);
	r->kind = kind;
	r->elements = r->repaired = 0;
	if (r->folder)
		sha256_add(&r->hash, se->path, strlen(se->path) + 1);
	ytd_init(&yr, on_element, r);
	while ((got = source_read(src, &p, &n, err)) == 1) {
		if (r->folder)
			sha256_add(&r->hash, p, n);
		if (ytd_feed(&yr, p, n, err)) {
			rc = -1;
			break;
		}
		if (r->progress && (++r->tick & 7) == 0) {
			uint64_t done, total;
			source_progress(src, &done, &total);
			r->progress(r->progress_ctx, done, total);
		}
	}
	if (got < 0)
		rc = -2; /* the source's error names the archive and the entry already */
	if (!rc && ytd_finish(&yr, err))
		rc = -1;
	ytd_release(&yr);
	if (rc == -1 && err->code == EXIT_INPUT)
		err_prefix(err, "'%s': %s", r->path, se->path);
	if (rc)
		return -1;
	struct reader_event *e = event_new(READER_FILE_END, kind, se->path);
	e->elements = r->elements;
	e->repaired = r->repaired;
	return push(r, e) ? 0 : stopped(err);
}

static int on_entry(void *ctx, struct source *src, const struct source_entry *se, struct err *err)
{
	struct reader *r = ctx;
	int part;
	enum data_kind kind = classify_path(se->path, &part);

	if (kind == KIND_NONE)
		return 0;
	if (se->skip) {
		if (kind != KIND_MEDIA && r->warn)
			r->warn(r->warn_ctx, se->path, se->skip);
		return 0;
	}
	if (kind == KIND_MEDIA)
		return push(r, event_new(READER_MEDIA, kind, se->path)) ? 0 : stopped(err);
	return read_file(r, src, se, kind, err);
}

static void *run(void *arg)
{
	struct reader *r = arg;
	r->rc = source_walk(r->path, on_entry, r, r->stream ? &r->hash : NULL, &r->err);
	if (getenv("DMAUDIT_TRACE")) {
		struct timespec t;
		clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
		fprintf(stderr, "dmaudit: trace: reader thread used %.3f s of CPU\n",
			(double)t.tv_sec + (double)t.tv_nsec / 1e9);
	}
	pthread_mutex_lock(&r->mu);
	r->done = true;
	pthread_cond_broadcast(&r->can_get);
	pthread_mutex_unlock(&r->mu);
	return NULL;
}

int reader_start(struct reader **out, const char *path, reader_progress_fn progress,
		 void *progress_ctx, reader_warn_fn warn_fn, void *warn_ctx, struct err *err)
{
	struct reader *r = xcalloc(1, sizeof(*r));
	r->path = xstrdup(path);
	r->folder = source_is_folder(path);
	r->stream = source_kind(path) == SOURCE_STREAM;
	r->progress = progress;
	r->warn = warn_fn;
	r->progress_ctx = progress_ctx;
	r->warn_ctx = warn_ctx;
	sha256_begin(&r->hash);
	pthread_mutex_init(&r->mu, NULL);
	pthread_cond_init(&r->can_put, NULL);
	pthread_cond_init(&r->can_get, NULL);
	if (pthread_create(&r->thread, NULL, run, r) != 0) {
		free(r->path);
		free(r);
		return err_set(err, EXIT_IO, "cannot start a thread");
	}
	*out = r;
	return 0;
}

struct reader_event *reader_next(struct reader *r)
{
	pthread_mutex_lock(&r->mu);
	while (!r->head && !r->done && !r->stop) {
		r->consumer_waits = true;
		pthread_cond_wait(&r->can_get, &r->mu);
		r->consumer_waits = false;
	}
	struct reader_event *e = r->stop ? NULL : r->head;
	if (e) {
		r->head = e->next;
		if (!r->head)
			r->tail = NULL;
		__atomic_store_n(&r->queued, r->queued - 1, __ATOMIC_RELAXED);
		r->queued_bytes -= e->cost;
		e->next = NULL;
		/* wake the reader once the queue has drained to half, not at every event */
		if (r->producer_waits && (r->queued <= READER_QUEUE_EVENTS / 2 &&
					  r->queued_bytes <= READER_QUEUE_BYTES / 2))
			pthread_cond_signal(&r->can_put);
	}
	pthread_mutex_unlock(&r->mu);
	return e;
}

void reader_stop(struct reader *r)
{
	pthread_mutex_lock(&r->mu);
	r->stop = true;
	pthread_cond_broadcast(&r->can_put);
	pthread_cond_broadcast(&r->can_get);
	pthread_mutex_unlock(&r->mu);
}

int reader_finish(struct reader *r, char sha256[65], struct err *err)
{
	pthread_join(r->thread, NULL);
	while (r->head) {
		struct reader_event *e = r->head;
		r->head = e->next;
		reader_event_free(e);
	}
	int rc = r->rc;
	if (rc && r->err.code != EXIT_OK && err)
		*err = r->err;
	if (r->stop && r->err.code == EXIT_OK)
		rc = 0; /* stopped on request: not the reader's failure */
	if (sha256) {
		unsigned char d[32];
		sha256_end(&r->hash, d);
		sha256_hex(d, sha256);
	}
	pthread_mutex_destroy(&r->mu);
	pthread_cond_destroy(&r->can_put);
	pthread_cond_destroy(&r->can_get);
	free(r->path);
	free(r);
	return rc;
}
