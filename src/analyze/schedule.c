/*
 * schedule: the analysers by name, and running them (analyze.h).
 *
 * `report all` runs the analysers on both cores. They are taken longest
 * first from one shared list: a second thread, with a database connection
 * of its own, starts with autodm; this thread starts with etiquette;
 * whichever is free takes the next. Etiquette's one input from another
 * analyser, autodm's verdicts (which unanswered senders are automated),
 * is given to it (etiquette_judge) once both are done; the autodm result is
 * then handed to this context, for that and for the views. Each kind's
 * result lands in a struct results: a typed result, or a tree by name.
 */
#include "analyze.h"
#include "etiquette.h"
#include "exposure.h"
#include "changes.h"
#include "summary.h"
#include "autodm_result.h"
#include "trace.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct autodm_result *report_autodm(struct report_ctx *ctx, struct err *err)
{
	if (ctx->autodm)
		return ctx->autodm;
	ctx->autodm = autodm_analyse(ctx, err);
	return ctx->autodm;
}

struct autodm_verdicts report_verdicts(const struct report_ctx *ctx)
{
	const struct autodm_result *r = ctx->autodm;
	if (!r)
		return (struct autodm_verdicts){ NULL, 0, NULL, 0 };
	return (struct autodm_verdicts){ r->certain, r->ncertain, r->likely, r->nlikely };
}

void results_init(struct results *res)
{
	*res = (struct results)RESULTS_INIT;
}

void results_release(struct results *res)
{
	etiquette_result_free(res->etiquette);
	exposure_result_free(res->exposure);
	changes_result_free(res->changes);
	summary_result_free(res->summary);
	*res = (struct results)RESULTS_INIT;
}

bool results_has(const struct results *res, const char *kind)
{
	if (!strcmp(kind, "etiquette"))
		return res->etiquette != NULL;
	if (!strcmp(kind, "exposure"))
		return res->exposure != NULL;
	if (!strcmp(kind, "changes"))
		return res->changes != NULL;
	if (!strcmp(kind, "summary"))
		return res->summary != NULL;
	if (!strcmp(kind, "autodm"))
		return res->autodm != NULL;
	return false;
}

static int summary_run(struct report_ctx *ctx, struct results *into, struct err *err)
{
	return (into->summary = summary_analyse(ctx, err)) ? 0 : -1;
}

/* autodm runs once a context; etiquette's verdicts and the views reuse its result. */
static int autodm_run(struct report_ctx *ctx, struct results *into, struct err *err)
{
	return (into->autodm = report_autodm(ctx, err)) ? 0 : -1;
}

static int etiquette_run(struct report_ctx *ctx, struct results *into, struct err *err)
{
	return (into->etiquette = etiquette_analyse(ctx, err)) ? 0 : -1;
}

static int exposure_run(struct report_ctx *ctx, struct results *into, struct err *err)
{
	return (into->exposure = exposure_analyse(ctx, err)) ? 0 : -1;
}

static int changes_run(struct report_ctx *ctx, struct results *into, struct err *err)
{
	return (into->changes = changes_analyse(ctx, err)) ? 0 : -1;
}

static const struct analyser {
	const char *name;
	int (*run)(struct report_ctx *ctx, struct results *into, struct err *err);
} analysers[] = {
	{ "summary", summary_run },
	{ "autodm", autodm_run },
	{ "etiquette", etiquette_run },
	{ "exposure", exposure_run },
	{ "changes", changes_run },
	{ NULL, NULL },
};

static const struct analyser *analyser_find(const char *name)
{
	for (size_t i = 0; name && analysers[i].name; i++)
		if (!strcmp(analysers[i].name, name))
			return &analysers[i];
	return NULL;
}

/* Etiquette's dependency: autodm's verdicts, once both have run. */
static int judge(struct report_ctx *ctx, struct results *res, struct err *err)
{
	struct autodm_verdicts v = report_verdicts(ctx);
	return res->etiquette && ctx->autodm ? etiquette_judge(res->etiquette, &v, err) : 0;
}

static const char *const longest_first[] = { "autodm", "etiquette", "exposure", "changes",
					      "summary" };
#define NJOBS (sizeof(longest_first) / sizeof(longest_first[0]))

struct work {
	struct results part[NJOBS]; /* by position in longest_first */
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
		if (a->run(ctx, &w->part[i], err)) {
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

int analyse_run(struct report_ctx *ctx, const char *db, const char *one, struct results *res,
		struct err *err)
{
	if (one) {
		const struct analyser *a = analyser_find(one);
		/* etiquette takes autodm's verdicts: autodm runs first */
		if (!a || (!strcmp(a->name, "etiquette") && !report_autodm(ctx, err)))
			return -1;
		trace("ready");
		if (a->run(ctx, res, err) || judge(ctx, res, err))
			return -1;
		trace(a->name);
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
			job.ctx.autodm = NULL;
		}
		report_ctx_release(&job.ctx);
		store_close(&job.store, false);
	}
	/* each kind's result from the part that made it; autodm's is the context's now */
	for (size_t j = 0; j < NJOBS; j++) {
		struct results *p = &w.part[j];
		if (p->autodm)
			res->autodm = ctx->autodm;
		p->autodm = NULL;
#define TAKE(field) if (p->field) { res->field = p->field; p->field = NULL; }
		TAKE(summary)
		TAKE(etiquette)
		TAKE(exposure)
		TAKE(changes)
#undef TAKE
		results_release(p);
	}
	if (rc || judge(ctx, res, err))
		return -1;
	return 0;
}
