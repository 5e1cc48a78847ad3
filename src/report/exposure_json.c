/*
 * exposure_json: the exposure result as the contract's JSON document
 * (contract.md "exposure") plus its extra keys, written field by field from
 * the typed result. The keys, their order and the text are those the JSON
 * tree of the analyser once had, byte for byte.
 */
#include "report.h"
#include "exposure.h"
#include "jsonw.h"

static void finding_json(struct jsonw *w, const struct exposure_finding *f)
{
	jsonw_object(w);
	jsonw_key(w, "source_id");
	jsonw_str(w, f->source);
	jsonw_key(w, "channel");
	jsonw_str(w, exposure_channel_name(f->channel));
	jsonw_key(w, "conversation_id");
	jsonw_str_or_null(w, f->conv);
	jsonw_key(w, "type");
	jsonw_str(w, exposure_type_name(f->type));
	jsonw_key(w, "severity");
	jsonw_str(w, exposure_sev_name(f->sev));
	jsonw_key(w, "disclosed_by");
	jsonw_str(w, exposure_by_name(f->by));
	jsonw_key(w, "redacted");
	jsonw_str(w, f->redacted);
	if (f->value) {
		jsonw_key(w, "value");
		jsonw_str(w, f->value);
	}
	jsonw_key(w, "created_at");
	jsonw_str(w, f->created);
	jsonw_key(w, "score");
	jsonw_real(w, f->score);
	if (f->count > 1) {
		jsonw_key(w, "occurrences");
		jsonw_int(w, (int64_t)f->count);
	}
	jsonw_end(w);
}

static void conv_json(struct jsonw *w, const struct exposure_conv *c)
{
	jsonw_object(w);
	jsonw_key(w, "conversation_id");
	jsonw_str(w, c->id);
	jsonw_key(w, "risk_score");
	jsonw_real(w, c->risk);
	jsonw_key(w, "findings");
	jsonw_int(w, (int64_t)c->findings);
	jsonw_key(w, "channel");
	jsonw_str(w, exposure_channel_name(c->channel));
	jsonw_key(w, "types");
	jsonw_array(w);
	for (int k = 0; k < c->ntypes; k++)
		jsonw_str(w, exposure_type_name(c->types[k]));
	jsonw_end(w);
	jsonw_key(w, "worst_severity");
	jsonw_str(w, exposure_sev_name(c->worst));
	jsonw_end(w);
}

static void totals_json(struct jsonw *w, const struct exposure_result *r)
{
	jsonw_object(w);
	jsonw_key(w, "findings");
	jsonw_int(w, (int64_t)r->nfindings);
	jsonw_key(w, "by_type");
	jsonw_object(w);
	for (int t = 0; t < EXPOSURE_NTYPES; t++) {
		jsonw_key(w, exposure_type_name(t));
		jsonw_int(w, (int64_t)r->by_type[t]);
	}
	jsonw_end(w);
	jsonw_key(w, "by_channel");
	jsonw_object(w);
	for (int c = 0; c < EXPOSURE__CHANNELS; c++) {
		jsonw_key(w, exposure_channel_name((enum exposure_channel)c));
		jsonw_int(w, (int64_t)r->by_channel[c]);
	}
	jsonw_end(w);
	jsonw_key(w, "by_severity");
	jsonw_object(w);
	for (int s = 0; s < EXPOSURE__SEVS; s++) {
		jsonw_key(w, exposure_sev_name((enum exposure_sev)s));
		jsonw_int(w, (int64_t)r->by_sev[s]);
	}
	jsonw_end(w);
	jsonw_key(w, "texts_scanned");
	jsonw_int(w, (int64_t)r->texts);
	jsonw_key(w, "bytes_scanned");
	jsonw_int(w, (int64_t)r->bytes);
	jsonw_end(w);
}

int exposure_json(struct jsonw *w, const struct exposure_result *r, const struct report_opts *period)
{
	jsonw_object(w);
	jsonw_key(w, "findings");
	jsonw_array(w);
	for (size_t i = 0; i < r->nfindings; i++)
		finding_json(w, &r->findings[i]);
	jsonw_end(w);
	jsonw_key(w, "conversations");
	jsonw_array(w);
	for (size_t i = 0; i < r->nconvs; i++)
		conv_json(w, &r->convs[i]);
	jsonw_end(w);
	jsonw_key(w, "phone_regions");
	jsonw_array(w);
	for (int i = 0; i < r->regions.n; i++)
		jsonw_str(w, r->regions.cc[i]);
	jsonw_end(w);
	jsonw_key(w, "totals");
	totals_json(w, r);
	jsonw_key(w, "risk_formula");
	jsonw_str(w, exposure_risk_formula);
	jsonw_key(w, "severity_rule");
	jsonw_str(w, exposure_severity_rule);
	jsonw_key(w, "revealed");
	jsonw_bool(w, r->revealed);
	report_period_json(w, period);
	jsonw_end(w);
	return 0;
}
