/*
 * changes_view: the changes result per pair of snapshots: counts, then what
 * vanished and which follows changed.
 */
#include "report.h"
#include "changes.h"
#include "timeutil.h"

#include <stdio.h>
#include <string.h>

static const char *iso(int64_t ms, char out[32])
{
	time_format_iso(ms, out);
	return out;
}

static void count_kv(struct doc *d, const char *key, bool known, size_t n)
{
	if (known)
		doc_kv(d, key, "%zu", n);
	else
		doc_kv(d, key, "unknown");
}

static void vanished_table(struct report_ctx *ctx, const struct changes_result *r, size_t nv,
			   struct doc *d)
{
	static const char *const cols[] = { "from", "to", "message id", "conversation",
					    "sender", "sent", NULL };
	char name[80], from[32], to[32], sent[32];
	/* the tables are there even empty: CSV output always has its header */
	doc_heading(d, 2, "Messages vanished");
	if (!nv)
		doc_para(d, "None.");
	struct doc_table *t = doc_table(d, "vanished", cols);
	for (size_t i = 0; i < r->npairs; i++) {
		const struct changes_pair *p = &r->pairs[i];
		time_format_iso(p->from, from);
		time_format_iso(p->to, to);
		for (size_t j = 0; j < p->nmessages; j++) {
			const struct changes_message *m = &p->messages[j];
			doc_cell(t, "%s", from);
			doc_cell(t, "%s", to);
			doc_cell(t, "%lld", (long long)m->id);
			doc_cell(t, "%s", m->conv);
			doc_cell(t, "%s", report_name(ctx, m->sender, name));
			doc_cell(t, "%s", iso(m->created, sent));
		}
	}
}

static void follows_table(struct report_ctx *ctx, const struct changes_result *r, size_t nf,
			  struct doc *d)
{
	static const char *const cols[] = { "from", "to", "list", "change", "account",
					    "after", "before", NULL };
	char name[80], from[32], to[32], after[32], before[32];
	doc_heading(d, 2, "Follows gained and lost");
	if (!nf)
		doc_para(d, "None.");
	struct doc_table *t = doc_table(d, "follows", cols);
	for (size_t i = 0; i < r->npairs; i++) {
		const struct changes_pair *p = &r->pairs[i];
		time_format_iso(p->from, from);
		time_format_iso(p->to, to);
		for (int k = 0; k < CHANGES__FOLLOW_KINDS; k++)
			for (size_t j = 0; j < p->follows[k].n; j++) {
				const struct changes_follow *f = &p->follows[k].v[j];
				doc_cell(t, "%s", from);
				doc_cell(t, "%s", to);
				doc_cell(t, "%s", changes_follow_list((enum changes_follow_kind)k));
				doc_cell(t, "%s", changes_follow_change((enum changes_follow_kind)k));
				doc_cell(t, "%s", report_name(ctx, f->account, name));
				doc_cell(t, "%s", iso(f->after, after));
				doc_cell(t, "%s", iso(f->before, before));
			}
	}
}

void changes_view(struct report_ctx *ctx, const struct changes_result *r, struct doc *d)
{
	size_t nv = 0, nf = 0;
	char from[32], to[32];
	doc_heading(d, 1, "Changes between snapshots");
	if (!r->npairs)
		doc_para(d, "One snapshot only: ingest a later archive of the same account to see "
			    "what changed (messages deleted or unsent, follows gained and lost).");
	else
		doc_para(d, "For each pair of consecutive snapshots: the messages and conversations the "
		    "earlier one held and the later one does not (deleted or unsent), and the "
		    "follows gained and lost, each between the two times given (after the "
		    "earlier snapshot, and after the account was made when its id tells).");
	for (size_t i = 0; i < r->npairs; i++) {
		const struct changes_pair *p = &r->pairs[i];
		doc_heading(d, 2, "%s to %s", iso(p->from, from), iso(p->to, to));
		count_kv(d, "messages vanished", p->vanished_known, p->nmessages);
		count_kv(d, "conversations vanished", p->vanished_known, p->nconvs);
		for (int k = 0; k < CHANGES__FOLLOW_KINDS; k++) {
			char key[32];
			snprintf(key, sizeof(key), "%s %s",
				 changes_follow_list((enum changes_follow_kind)k),
				 changes_follow_change((enum changes_follow_kind)k));
			count_kv(d, key, p->follows[k].known, p->follows[k].n);
			nf += p->follows[k].n;
		}
		nv += p->nmessages;
	}
	vanished_table(ctx, r, nv, d);
	follows_table(ctx, r, nf, d);
}
