/*
 * schedule: the analysers by name, and running them (analyze.h).
 *
 * `report all` runs the analysers on both cores. They are taken longest
 * first from one shared list: a second thread, with a database connection
 * of its own, starts with autodm; this thread starts with etiquette;
 * whichever is free takes the next. Etiquette's use of the autodm result
 * (which unanswered senders are automated) waits until both are done; the
 * autodm result is then handed to this context, for that and for the views.
 */
#include "analyze.h"
#include "trace.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

json_t *report_autodm(struct report_ctx *ctx, struct err *err)
{
	if (ctx->autodm)
		return ctx->autodm;
	ctx->autodm = autodm_analyse(ctx, err); /* it lists the automated senders in auto_ids */
	return ctx->autodm;
}

/* autodm runs once a context; etiquette and the views reuse its result. */
static json_t *autodm_shared(struct report_ctx *ctx, struct err *err)
{
	json_t *r = report_autodm(ctx, err);
	return r ? json_incref(r) : NULL;
}

const struct analyser analysers[] = {
	{ "summary", summary_analyse },
	{ "autodm", autodm_shared },
	{ "etiquette", etiquette_analyse },
	{ "exposure", exposure_analyse },
	{ "changes", changes_analyse },
	{ NULL, NULL },
};

const struct analyser *analyser_find(const char *name)
{
	for (size_t i = 0; name && analysers[i].name; i++)
		if (!strcmp(analysers[i].name, name))
			return &analysers[i];
	return NULL;
}

static const char *const longest_first[] = { "autodm", "etiquette", "exposure", "changes",
					      "summary" };
#define NJOBS (sizeof(longest_first) / sizeof(longest_first[0]))

struct work {
	json_t *results[NJOBS];   /* by position in longest_first */
	size_t next;              /* the next job to take (atomic) */
	bool failed;              /* a job failed: take no more (atomic) */
};

struct side_job {
	const char *db;
	const struct report_opts *ro;
	struct work *work;
	struct report_ctx ctx;
	struct store store;
	struct err err;
	int rc;
};

/* Run job `first`, then take jobs from the list until none is left. */
static int run_jobs(struct work *w, size_t first, struct report_ctx *ctx, struct err *err)
{
	for (size_t i = first; i < NJOBS; i = __atomic_fetch_add(&w->next, 1, __ATOMIC_RELAXED)) {
		if (__atomic_load_n(&w->failed, __ATOMIC_RELAXED))
			return 0;
		const struct analyser *a = analyser_find(longest_first[i]);
		if (!(w->results[i] = a->analyse(ctx, err))) {
			__atomic_store_n(&w->failed, true, __ATOMIC_RELAXED);
			return -1;
		}
		trace(a->name);
	}
	return 0;
}

static void *side_run(void *arg)
{
	struct side_job *j = arg;
	j->rc = -1;
	if (store_open(&j->store, j->db, STORE_READ, &j->err) ||
	    report_ctx_init(&j->ctx, &j->store, j->ro, &j->err)) {
		__atomic_store_n(&j->work->failed, true, __ATOMIC_RELAXED);
		return NULL;
	}
	j->rc = run_jobs(j->work, 0, &j->ctx, &j->err);
	return NULL;
}

int analyse_run(struct report_ctx *ctx, const char *db, const char *one, json_t *results,
		struct err *err)
{
	if (one) {
		const struct analyser *a = analyser_find(one);
		bool etiquette = a && !strcmp(a->name, "etiquette");
		/* etiquette's unanswered senders are marked with autodm's verdicts */
		if (etiquette && !report_autodm(ctx, err))
			return -1;
		json_t *r = a ? a->analyse(ctx, err) : NULL;
		if (!r)
			return -1;
		if (etiquette)
			etiquette_mark_automated(ctx, r);
		json_object_set_new(results, a->name, r);
		return 0;
	}
	const struct report_opts *ro = ctx->opts;

	struct work w;
	struct side_job job;
	pthread_t th;
	memset(&w, 0, sizeof(w));
	memset(&job, 0, sizeof(job));
	job.db = db;
	job.ro = ro;
	job.work = &w;
	w.next = 2; /* the side thread starts with job 0, this one with job 1 */
	bool threaded = pthread_create(&th, NULL, side_run, &job) == 0;
	if (!threaded)
		w.next = 0;
	int rc = run_jobs(&w, threaded ? 1 : w.next++, ctx, err);
	if (threaded) {
		pthread_join(th, NULL);
		trace("joined");
		if (job.rc && !rc) {
			*err = job.err;
			rc = -1;
		}
		if (!job.rc && !ctx->autodm) {
			/* hand the autodm result over; the views may use it */
			ctx->autodm = job.ctx.autodm;
			ctx->auto_ids = job.ctx.auto_ids;
			ctx->nauto = job.ctx.nauto;
			ctx->likely_ids = job.ctx.likely_ids;
			ctx->nlikely = job.ctx.nlikely;
			ctx->senders = job.ctx.senders;
			ctx->nsenders = job.ctx.nsenders;
			job.ctx.autodm = NULL;
			job.ctx.auto_ids = NULL;
			job.ctx.likely_ids = NULL;
			job.ctx.senders = NULL;
		}
		if (!job.rc && job.ctx.nspans && !ctx->nspans) {
			/* exposure ran there: its spans go with its result */
			free(ctx->spans);
			ctx->spans = job.ctx.spans;
			ctx->nspans = job.ctx.nspans;
			ctx->aspans = job.ctx.aspans;
			job.ctx.spans = NULL;
			job.ctx.nspans = job.ctx.aspans = 0;
		}
		report_ctx_release(&job.ctx);
		store_close(&job.store, false);
	}
	if (rc)
		return -1;
	json_t *et = NULL;
	for (size_t i = 0; i < NJOBS; i++)
		if (!strcmp(longest_first[i], "etiquette"))
			et = w.results[i];
	if (et && ctx->autodm)
		etiquette_mark_automated(ctx, et);
	/* the document lists the kinds in their own order */
	for (size_t i = 0; analysers[i].name; i++)
		for (size_t j = 0; j < NJOBS; j++)
			if (!strcmp(longest_first[j], analysers[i].name))
				json_object_set_new(results, analysers[i].name, w.results[j]);
	return 0;
}
