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

/* Each kind's view and JSON writer, given its own result. */
static void summary_part(struct report_ctx *ctx, const struct results *res, struct doc *d)
{
	summary_view(ctx, res->summary, d);
}

static int summary_doc(struct jsonw *w, const struct results *res, const struct report_opts *period)
{
	return summary_json(w, res->summary, period);
}

static void autodm_part(struct report_ctx *ctx, const struct results *res, struct doc *d)
{
	autodm_view(ctx, res->autodm, d);
}

static int autodm_doc(struct jsonw *w, const struct results *res, const struct report_opts *period)
{
	return autodm_json(w, res->autodm, period);
}

static void etiquette_part(struct report_ctx *ctx, const struct results *res, struct doc *d)
{
	etiquette_view(ctx, res->etiquette, d);
}

static int etiquette_doc(struct jsonw *w, const struct results *res, const struct report_opts *period)
{
	return etiquette_json(w, res->etiquette, period);
}

static void exposure_part(struct report_ctx *ctx, const struct results *res, struct doc *d)
{
	exposure_view(ctx, res->exposure, d);
}

static int exposure_doc(struct jsonw *w, const struct results *res, const struct report_opts *period)
{
	return exposure_json(w, res->exposure, period);
}

static void changes_part(struct report_ctx *ctx, const struct results *res, struct doc *d)
{
	changes_view(ctx, res->changes, d);
}

static int changes_doc(struct jsonw *w, const struct results *res, const struct report_opts *period)
{
	return changes_json(w, res->changes, period);
}

static const struct report_kind summary_kind = {
	"summary", "Archive summary", summary_part, summary_doc, "snapshots",
};

static const struct report_kind autodm_kind = {
	"autodm", "Auto-DM senders", autodm_part, autodm_doc, "inbound",
};

static const struct report_kind etiquette_kind = {
	"etiquette", "Response etiquette", etiquette_part, etiquette_doc, "conversations",
};

static const struct report_kind exposure_kind = {
	"exposure", "Exposure risk", exposure_part, exposure_doc, "findings",
};

static const struct report_kind changes_kind = {
	"changes", "Changes between snapshots", changes_part, changes_doc, "vanished",
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

void report_period_json(struct jsonw *w, const struct report_opts *period)
{
	char s[32];
	if (!period)
		return;
	jsonw_key(w, "period");
	jsonw_object(w);
	jsonw_key(w, "since");
	if (period->has_since) {
		time_format_iso(period->since, s);
		jsonw_str(w, s);
	} else {
		jsonw_null(w);
	}
	jsonw_key(w, "until");
	if (period->has_until) {
		time_format_iso(period->until, s);
		jsonw_str(w, s);
	} else {
		jsonw_null(w);
	}
	jsonw_end(w);
}

int results_json(FILE *out, const struct results *res, const char *kind)
{
	struct jsonw *w = jsonw_open(out);
	int rc = 0;
	if (kind) {
		rc = report_find(kind)->json(w, res, res->period);
	} else {
		jsonw_object(w);
		for (size_t i = 0; report_kinds[i]; i++) {
			const struct report_kind *k = report_kinds[i];
			if (!results_has(res, k->name))
				continue;
			jsonw_key(w, k->name);
			rc |= k->json(w, res, NULL);
		}
		report_period_json(w, res->period);
		jsonw_end(w);
	}
	int e = errno;
	if (jsonw_close(w))
		rc = -1;
	else if (rc)
		errno = e;
	return rc;
}
