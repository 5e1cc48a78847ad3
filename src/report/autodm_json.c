/*
 * autodm_json: the autodm result as the contract's JSON document
 * (contract.md "autodm") plus its extra keys, written field by field from
 * the typed result, the inbound rows one by one as they are read back. The
 * keys, their order and the text are those the JSON tree of the analyser
 * once had, byte for byte.
 */
#include "report.h"
#include "autodm_result.h"
#include "fmt.h"
#include "jsonw.h"
#include "timeutil.h"

static void row_json(struct jsonw *w, const struct autodm_row *o)
{
	jsonw_object(w);
	jsonw_key(w, "account_id");
	jsonw_id(w, o->account);
	jsonw_key(w, "auto");
	jsonw_bool(w, o->is_auto);
	jsonw_key(w, "score");
	jsonw_real(w, o->score);
	jsonw_key(w, "messages");
	jsonw_int(w, o->messages);
	jsonw_key(w, "evidence");
	jsonw_array(w);
	for (const char *e = autodm_evidence_next(o, NULL); e; e = autodm_evidence_next(o, e))
		jsonw_str(w, e);
	jsonw_end(w);
	jsonw_key(w, "handle");
	jsonw_str_or_null(w, o->handle);
	jsonw_key(w, "kind");
	jsonw_str(w, autodm_kind_name(o->kind));
	jsonw_key(w, "confidence");
	jsonw_str(w, autodm_confidence_name(o->confidence));
	jsonw_key(w, "signal");
	jsonw_real(w, o->signal);
	jsonw_key(w, "template");
	jsonw_str_or_null(w, o->template);
	if (o->template) {
		jsonw_key(w, "template_id");
		jsonw_id(w, o->template_id);
	}
	jsonw_key(w, "message_ids");
	jsonw_array(w);
	for (uint32_t i = 0; i < o->nmessage_ids; i++)
		jsonw_id(w, o->message_ids[i]);
	jsonw_end(w);
	jsonw_key(w, "answered");
	jsonw_bool(w, o->answered);
	jsonw_key(w, "first_at");
	jsonw_time(w, o->first_at);
	jsonw_key(w, "last_at");
	jsonw_time(w, o->last_at);
	jsonw_end(w);
}

static void outbound_json(struct jsonw *w, const struct autodm_result *r)
{
	jsonw_object(w);
	jsonw_key(w, "auto_message_ids");
	jsonw_array(w);
	for (size_t i = 0; i < r->nown; i++)
		jsonw_id(w, r->own_ids[i]);
	jsonw_end(w);
	jsonw_key(w, "templates");
	jsonw_array(w);
	for (size_t i = 0; i < r->ntemplates; i++) {
		const struct autodm_template *t = &r->templates[i];
		jsonw_object(w);
		jsonw_key(w, "template");
		jsonw_str(w, t->text);
		jsonw_key(w, "messages");
		jsonw_int(w, t->messages);
		jsonw_key(w, "recipients");
		jsonw_int(w, t->recipients);
		jsonw_key(w, "recipients_following_you");
		jsonw_int(w, t->recipients_following);
		jsonw_key(w, "messages_in_bursts");
		jsonw_int(w, t->messages_in_bursts);
		jsonw_key(w, "first_sent");
		jsonw_time(w, t->first_sent);
		jsonw_key(w, "last_sent");
		jsonw_time(w, t->last_sent);
		jsonw_key(w, "template_id");
		jsonw_id(w, t->template_id);
		jsonw_end(w);
	}
	jsonw_end(w);
	jsonw_end(w);
}

int autodm_json(struct jsonw *w, const struct autodm_result *r, const struct report_opts *period)
{
	struct autodm_iter it;
	int rc = 0;
	jsonw_object(w);
	jsonw_key(w, "inbound");
	jsonw_array(w);
	for (const struct autodm_row *o = autodm_first(&it, r); o; o = autodm_next(&it))
		row_json(w, o);
	if (it.failed)
		rc = -1;
	jsonw_end(w);
	jsonw_key(w, "outbound");
	outbound_json(w, r);
	jsonw_key(w, "apps_with_dm_access");
	jsonw_array(w);
	for (size_t i = 0; i < r->napps; i++) {
		jsonw_object(w);
		jsonw_key(w, "app_id");
		jsonw_id(w, r->apps[i].id);
		jsonw_key(w, "name");
		jsonw_str_or_null(w, r->apps[i].name);
		jsonw_key(w, "organization");
		jsonw_str_or_null(w, r->apps[i].organization);
		jsonw_end(w);
	}
	jsonw_end(w);
	jsonw_key(w, "messages_read");
	jsonw_int(w, (int64_t)r->messages_read);
	jsonw_key(w, "templates_compared");
	jsonw_int(w, (int64_t)r->templates_compared);
	report_period_json(w, period);
	jsonw_end(w);
	return rc;
}
