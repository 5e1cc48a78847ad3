#include "report.h"
#include "exitcode.h"
#include "fmt.h"
#include "jsonw.h"
#include "timeutil.h"
#include "xalloc.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Each kind's view and JSON writer, given its own result: the typed ones
 * read their struct, the others their tree (with period, when given, last).
 */
static int tree_json(struct jsonw *w, json_t *t, const json_t *period)
{
	if (period)
		json_object_set(t, "period", (json_t *)period);
	jsonw_tree(w, t);
	return 0;
}

static void summary_part(struct report_ctx *ctx, const struct results *res, struct doc *d)
{
	summary_view(ctx, results_tree(res, "summary"), d);
}

static int summary_json(struct jsonw *w, const struct results *res, const json_t *period)
{
	return tree_json(w, results_tree(res, "summary"), period);
}

static void autodm_part(struct report_ctx *ctx, const struct results *res, struct doc *d)
{
	autodm_view(ctx, results_tree(res, "autodm"), d);
}

static int autodm_json(struct jsonw *w, const struct results *res, const json_t *period)
{
	return tree_json(w, results_tree(res, "autodm"), period);
}

static void etiquette_part(struct report_ctx *ctx, const struct results *res, struct doc *d)
{
	etiquette_view(ctx, res->etiquette, d);
}

static int etiquette_kind_json(struct jsonw *w, const struct results *res, const json_t *period)
{
	return etiquette_json(w, res->etiquette, period);
}

static void exposure_part(struct report_ctx *ctx, const struct results *res, struct doc *d)
{
	exposure_view(ctx, results_tree(res, "exposure"), d);
}

static int exposure_json(struct jsonw *w, const struct results *res, const json_t *period)
{
	return tree_json(w, results_tree(res, "exposure"), period);
}

static void changes_part(struct report_ctx *ctx, const struct results *res, struct doc *d)
{
	changes_view(ctx, results_tree(res, "changes"), d);
}

static int changes_json(struct jsonw *w, const struct results *res, const json_t *period)
{
	return tree_json(w, results_tree(res, "changes"), period);
}

static const struct report_kind summary_kind = {
	"summary", "Archive summary", summary_part, summary_json, "snapshots",
};

static const struct report_kind autodm_kind = {
	"autodm", "Auto-DM senders", autodm_part, autodm_json, "inbound",
};

static const struct report_kind etiquette_kind = {
	"etiquette", "Response etiquette", etiquette_part, etiquette_kind_json, "conversations",
};

static const struct report_kind exposure_kind = {
	"exposure", "Exposure risk", exposure_part, exposure_json, "findings",
};

static const struct report_kind changes_kind = {
	"changes", "Changes between snapshots", changes_part, changes_json, "vanished",
};

const struct report_kind *const report_kinds[] = {
	&summary_kind,
	&autodm_kind,
	&etiquette_kind,
	&exposure_kind,
	&changes_kind,
	NULL,
};

const struct report_kind *report_find(const char *name)
{
	for (size_t i = 0; report_kinds[i]; i++)
		if (!strcmp(report_kinds[i]->name, name))
			return report_kinds[i];
	return NULL;
}

void report_duration(int64_t s, char out[32])
{
	if (s < 0)
		s = 0;
	if (s < 60)
		snprintf(out, 32, "%lld s", (long long)s);
	else if (s < 3600)
		snprintf(out, 32, "%lld min", (long long)(s / 60));
	else if (s < 86400)
		snprintf(out, 32, "%lld h %02lld min", (long long)(s / 3600),
			 (long long)(s / 60 % 60));
	else
		snprintf(out, 32, "%lld d %lld h", (long long)(s / 86400),
			 (long long)(s / 3600 % 24));
}

/* An id is digits and dashes; anything else makes no link (NULL). */
static const char *link(const char *prefix, const char *id, char out[REPORT_LINK_SIZE])
{
	if (!id || !*id || id[strspn(id, "0123456789-")] || strlen(id) > 64)
		return NULL;
	snprintf(out, REPORT_LINK_SIZE, "https://x.com/%s%s", prefix, id);
	return out;
}

const char *report_link_conversation(const char *id, char out[REPORT_LINK_SIZE])
{
	return link("messages/", id, out);
}

const char *report_link_tweet(const char *id, char out[REPORT_LINK_SIZE])
{
	return link("i/status/", id, out);
}

const char *report_link_user(const char *id, char out[REPORT_LINK_SIZE])
{
	return link("i/user/", id, out);
}

int results_json(FILE *out, const struct results *res, const char *kind)
{
	struct jsonw *w = jsonw_open(out);
	const struct report_kind *one = kind ? report_find(kind) : NULL;
	int rc = 0;
	if (one) {
		rc = one->json(w, res, res->period);
	} else {
		/* report_kinds[] is the document's order */
		jsonw_object(w);
		for (size_t i = 0; report_kinds[i]; i++) {
			if (!results_has(res, report_kinds[i]->name))
				continue;
			jsonw_key(w, report_kinds[i]->name);
			rc |= report_kinds[i]->json(w, res, NULL);
		}
		if (res->period) {
			jsonw_key(w, "period");
			jsonw_tree(w, res->period);
		}
		jsonw_end(w);
	}
	int e = errno;
	if (jsonw_close(w))
		rc = -1;
	else if (rc)
		errno = e;
	return rc;
}
