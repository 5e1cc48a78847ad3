/*
 * changes_json: the changes result as the contract's JSON document
 * (contract.md "changes"), written field by field from the typed result.
 * The keys, their order and the text are those the JSON tree of the
 * analyser once had, byte for byte.
 */
#include "report.h"
#include "changes.h"
#include "fmt.h"
#include "jsonw.h"
#include "timeutil.h"

static void vanished_json(struct jsonw *w, const struct changes_pair *p)
{
	jsonw_key(w, "vanished_message_ids");
	if (!p->vanished_known) {
		jsonw_null(w);
		jsonw_key(w, "vanished_conversation_ids");
		jsonw_null(w);
		jsonw_key(w, "vanished_messages");
		jsonw_null(w);
		return;
	}
	jsonw_array(w);
	for (size_t i = 0; i < p->nmessages; i++)
		jsonw_id(w, p->messages[i].id);
	jsonw_end(w);
	jsonw_key(w, "vanished_conversation_ids");
	jsonw_array(w);
	for (size_t i = 0; i < p->nconvs; i++)
		jsonw_str(w, p->convs[i]);
	jsonw_end(w);
	jsonw_key(w, "vanished_messages");
	jsonw_array(w);
	for (size_t i = 0; i < p->nmessages; i++) {
		const struct changes_message *m = &p->messages[i];
		jsonw_object(w);
		jsonw_key(w, "id");
		jsonw_id(w, m->id);
		jsonw_key(w, "conversation_id");
		jsonw_str(w, m->conv);
		jsonw_key(w, "sender_id");
		jsonw_id(w, m->sender);
		jsonw_key(w, "created_at");
		jsonw_time(w, m->created);
		jsonw_end(w);
	}
	jsonw_end(w);
}

static void follows_json(struct jsonw *w, const struct changes_follows *f)
{
	if (!f->known) {
		jsonw_null(w);
		return;
	}
	jsonw_array(w);
	for (size_t i = 0; i < f->n; i++) {
		jsonw_object(w);
		jsonw_key(w, "account_id");
		jsonw_id(w, f->v[i].account);
		jsonw_key(w, "after");
		jsonw_time(w, f->v[i].after);
		jsonw_key(w, "before");
		jsonw_time(w, f->v[i].before);
		jsonw_end(w);
	}
	jsonw_end(w);
}

int changes_json(struct jsonw *w, const struct changes_result *r, const struct report_opts *period)
{
	jsonw_object(w);
	jsonw_key(w, "pairs");
	jsonw_array(w);
	for (size_t i = 0; i < r->npairs; i++) {
		const struct changes_pair *p = &r->pairs[i];
		jsonw_object(w);
		jsonw_key(w, "from");
		jsonw_time(w, p->from);
		jsonw_key(w, "to");
		jsonw_time(w, p->to);
		vanished_json(w, p);
		for (int k = 0; k < CHANGES__FOLLOW_KINDS; k++) {
			jsonw_key(w, changes_follow_key((enum changes_follow_kind)k));
			follows_json(w, &p->follows[k]);
		}
		jsonw_end(w);
	}
	jsonw_end(w);
	report_period_json(w, period);
	jsonw_end(w);
	return 0;
}
