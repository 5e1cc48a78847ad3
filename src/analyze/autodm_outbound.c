/*
 * autodm_outbound: the owner's own opening templates, judged as auto-DMs
 * when pasted into many new conversations (autodm.h says when).
 */
#include "autodm_int.h"
#include "autodm.h"
#include "lexicon.h"
#include "text.h"
#include "timeutil.h"
#include "xalloc.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct out_msg {
	uint32_t cluster;
	uint32_t idx;
	int64_t at;
};

static int cmp_out(const void *x, const void *y)
{
	const struct out_msg *a = x, *b = y;
	if (a->cluster != b->cluster)
		return a->cluster < b->cluster ? -1 : 1;
	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int cmp_id_json(const void *x, const void *y)
{
	return am_cmp_i64(x, y);
}

struct link_msg {
	uint32_t conv;
	uint32_t idx;
	int64_t at;
};

static int cmp_at(const void *x, const void *y)
{
	const struct link_msg *a = x, *b = y;
	return a->at != b->at ? (a->at < b->at ? -1 : 1) : (a->idx > b->idx) - (a->idx < b->idx);
}

/*
 * A hijacked account's burst: the owner's bare links opening conversations
 * with two accounts or more within AUTODM_OUT_LINK_BURST_MS of each other.
 * A person shares a link with one friend at a time; spam sent from a
 * stolen session goes to many in the same minute. The bare links that
 * belong to such a burst are marked in the returned array (by message).
 */
static bool *link_bursts(const struct am *a)
{
	bool *in = xcalloc(a->nm ? a->nm : 1, sizeof(*in));
	struct link_msg *v = NULL;
	size_t n = 0, alloc = 0;
	for (size_t i = 0; i < a->nm; i++) {
		const struct am_msg *m = &a->m[i];
		unsigned want = M_OWNER | M_OPENING | M_LINK_ONLY | M_LINK;
		if ((m->flags & want) != want)
			continue;
		ALLOC_GROW(v, n + 1, alloc);
		v[n++] = (struct link_msg){ m->conv, (uint32_t)i, m->at };
	}
	if (n)
		qsort(v, n, sizeof(*v), cmp_at);
	for (size_t k = 0; k < n; k++)
		for (size_t j = k + 1; j < n && v[j].at - v[k].at <= AUTODM_OUT_LINK_BURST_MS; j++)
			if (a->c[v[j].conv].cp != a->c[v[k].conv].cp)
				in[v[k].idx] = in[v[j].idx] = true;
	free(v);
	return in;
}

json_t *am_outbound(struct report_ctx *ctx, struct am *a)
{
	uint32_t *fol = NULL;
	uint32_t *recipients = am_distinct_accounts(a, true, 0, &fol);
	struct out_msg *om = NULL;
	size_t n = 0, alloc = 0;
	bool *burst_link = link_bursts(a);
	for (size_t i = 0; i < a->nm; i++) {
		const struct am_msg *m = &a->m[i];
		if ((m->flags & (M_OWNER | M_OPENING)) != (M_OWNER | M_OPENING))
			continue;
		uint32_t cl = a->t[m->tmpl].cluster;
		/* "Hi!" or a bare link opening a few chats over the years is no template */
		if ((recipients[cl] < AUTODM_OUT_RECIPIENTS || !(m->flags & M_WORDY)) && !burst_link[i])
			continue;
		ALLOC_GROW(om, n + 1, alloc);
		om[n].cluster = cl;
		om[n].idx = (uint32_t)i;
		om[n].at = m->at;
		n++;
	}
	if (n)
		qsort(om, n, sizeof(*om), cmp_out);

	json_t *r = json_object(), *ids_j = json_array(), *tmpls = json_array();
	int64_t *ids = NULL;
	size_t nids = 0, aids = 0;
	for (size_t s = 0, e; s < n; s = e) {
		for (e = s; e < n && om[e].cluster == om[s].cluster; e++)
			;
		size_t burst = 0;
		for (size_t k = s; k < e; k++)
			if ((k > s && om[k].at - om[k - 1].at <= AUTODM_BURST_MS) ||
			    (k + 1 < e && om[k + 1].at - om[k].at <= AUTODM_BURST_MS))
				burst++;
		uint32_t cl = om[s].cluster;
		double fshare = (double)fol[cl] / recipients[cl];
		double bshare = (double)burst / (double)(e - s);
		/* pasted into several new conversations within weeks, or an app's invitation */
		bool close = om[e - 1].at - om[s].at <= AUTODM_OUT_SPAN_MS;
		bool pitch = false;
		for (size_t k = s; k < e && !pitch; k++)
			pitch = (a->m[om[k].idx].flags & (M_NOTICE | M_FOOTER)) != 0 ||
				burst_link[om[k].idx];
		if (fshare < AUTODM_OUT_SHARE && bshare < AUTODM_OUT_SHARE && !close && !pitch)
			continue;
		for (size_t k = s; k < e; k++) {
			ALLOC_GROW(ids, nids + 1, aids);
			ids[nids++] = a->m[om[k].idx].id;
		}
		json_t *t = json_object();
		char *shown = am_display_template(ctx, a, cl);
		json_object_set_new(t, "template", json_string(shown));
		free(shown);
		json_object_set_new(t, "messages", json_integer((json_int_t)(e - s)));
		json_object_set_new(t, "recipients", json_integer(recipients[cl]));
		json_object_set_new(t, "recipients_following_you", json_integer(fol[cl]));
		json_object_set_new(t, "messages_in_bursts", json_integer((json_int_t)burst));
		json_object_set_new(t, "first_sent", report_time(om[s].at));
		json_object_set_new(t, "last_sent", report_time(om[e - 1].at));
		json_object_set_new(t, "template_id", report_id(a->t[cl].example));
		json_array_append_new(tmpls, t);
	}
	if (nids)
		qsort(ids, nids, sizeof(*ids), cmp_id_json);
	for (size_t i = 0; i < nids; i++)
		json_array_append_new(ids_j, report_id(ids[i]));
	free(ids);
	free(burst_link);
	free(om);
	free(recipients);
	free(fol);
	json_object_set_new(r, "auto_message_ids", ids_j);
	json_object_set_new(r, "templates", tmpls);
	return r;
}

