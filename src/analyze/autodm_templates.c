/*
 * autodm_templates: near-duplicate opening templates grouped by LSH, the
 * accounts that sent each, and a template shown with its merge fields.
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

/* ------------------------------------------------------------ grouping */

void am_cluster(struct am *a)
{
	if (!a->ns)
		return;
	uint32_t *cl = xmalloc(a->ns * sizeof(*cl));
	text_cluster(a->sigs, a->ns, TEXT_NEAR_DUP, cl);
	for (size_t i = 0; i < a->ns; i++)
		a->t[a->sig_tmpl[i]].cluster = a->sig_tmpl[cl[i]];
	free(cl);
}

struct pair {
	uint32_t cluster;
	int64_t account;
};

static int cmp_pair(const void *x, const void *y)
{
	const struct pair *a = x, *b = y;
	if (a->cluster != b->cluster)
		return a->cluster < b->cluster ? -1 : 1;
	return a->account < b->account ? -1 : a->account > b->account;
}

/* Distinct accounts per cluster, over opening messages from one side. */
uint32_t *am_distinct_accounts(struct am *a, bool owner_side, unsigned need,
				   uint32_t **followers_out)
{
	struct pair *p = NULL;
	size_t n = 0, alloc = 0;
	for (size_t i = 0; i < a->nm; i++) {
		const struct am_msg *m = &a->m[i];
		if (!(m->flags & M_OPENING) || !!(m->flags & M_OWNER) != owner_side ||
		    (m->flags & need) != need)
			continue;
		ALLOC_GROW(p, n + 1, alloc);
		p[n].cluster = a->t[m->tmpl].cluster;
		p[n].account = a->c[m->conv].cp;
		n++;
	}
	uint32_t *count = xcalloc(a->nt ? a->nt : 1, sizeof(*count));
	uint32_t *fol = followers_out ? xcalloc(a->nt ? a->nt : 1, sizeof(*fol)) : NULL;
	if (n)
		qsort(p, n, sizeof(*p), cmp_pair);
	for (size_t i = 0; i < n; i++) {
		if (i && !cmp_pair(&p[i], &p[i - 1]))
			continue;
		count[p[i].cluster]++;
		if (fol && am_has_id(a->followers, a->nfollowers, p[i].account))
			fol[p[i].cluster]++;
	}
	free(p);
	if (followers_out)
		*followers_out = fol;
	return count;
}

/* ------------------------------------------------------------ display */

/*
 * The template as people read it: an example message's text with its case,
 * slotted; word positions where the cluster's members differ become {name}
 * (merge fields in auto-DMs are names).
 */
char *am_display_template(struct report_ctx *ctx, struct am *a, uint32_t cluster)
{
	struct am_tmpl *rep = &a->t[cluster];
	if (rep->shown)
		return xstrdup(rep->shown);
	struct buf raw = BUF_INIT, shown = BUF_INIT, out = BUF_INIT, nb = BUF_INIT;
	sqlite3_stmt *st, *names;
	struct err e = ERR_INIT;
	size_t offs[16], nnames = 0;
	const char *namev[16];
	if (store_prepare(ctx->store, "SELECT m.text, m.sender_id, c.counterpart_id FROM message m"
			  " JOIN conversation c ON c.id = m.conversation_id WHERE m.id = ?", &st, &e) == 0) {
		sqlite3_bind_int64(st, 1, rep->example);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
			text_normalize_keep_case((const char *)sqlite3_column_text(st, 0),
						 (size_t)sqlite3_column_bytes(st, 0), &raw);
			/* the same names as when the template was made (load) */
			if (store_prepare(ctx->store, "SELECT handle, name FROM account WHERE id = ?",
					  &names, &e) == 0) {
				if (sqlite3_column_int64(st, 1) != ctx->owner)
					am_add_names(ctx, names, ctx->owner, &nb, offs, &nnames);
				am_add_names(ctx, names, sqlite3_column_int64(st, 2), &nb, offs, &nnames);
				sqlite3_finalize(names);
			}
		}
		sqlite3_finalize(st);
	}
	for (size_t i = 0; i < nnames; i++)
		namev[i] = nb.s + offs[i];
	text_slot(raw.s, namev, nnames, &shown, NULL);
	buf_release(&nb);

	/* mark the positions where members of the same length differ */
	const char *base = rep->text ? rep->text : "";
	size_t nw = 1;
	for (const char *p = base; *p; p++)
		nw += *p == ' ';
	size_t sw = 1;
	for (const char *p = shown.s; *p; p++)
		sw += *p == ' ';
	bool *diff = xcalloc(nw, sizeof(*diff));
	bool *one = xcalloc(nw, sizeof(*one));
	size_t compared = 0;
	for (size_t i = 0; i < a->nt && compared < 50 && sw == nw; i++) {
		if (a->t[i].cluster != cluster || i == cluster || !a->t[i].text)
			continue;
		const char *x = base, *y = a->t[i].text;
		size_t yn = 1;
		for (const char *p = y; *p; p++)
			yn += *p == ' ';
		if (yn != nw)
			continue;
		/* only members that differ in a few words show where the fields are */
		size_t ndiff = 0;
		for (size_t w = 0; w < nw; w++) {
			size_t lx = strcspn(x, " "), ly = strcspn(y, " ");
			one[w] = lx != ly || memcmp(x, y, lx);
			ndiff += one[w];
			x += lx + (x[lx] == ' ');
			y += ly + (y[ly] == ' ');
		}
		if (ndiff > (nw / 4 > 1 ? nw / 4 : 1))
			continue;
		compared++;
		for (size_t w = 0; w < nw; w++)
			diff[w] |= one[w];
	}
	free(one);
	/* two texts differing in a word do not make a merge field; three do */
	if (compared < 2)
		memset(diff, 0, nw * sizeof(*diff));
	const char *p = shown.s;
	for (size_t w = 0; w < sw; w++) {
		size_t l = strcspn(p, " ");
		if (w)
			buf_addc(&out, ' ');
		if (sw == nw && diff[w]) {
			/* keep punctuation glued to the word: "Sarah!" -> "{name}!" */
			size_t k = l;
			while (k && strchr(",.!?:;)", p[k - 1]))
				k--;
			buf_adds(&out, "{name}");
			buf_add(&out, p + k, l - k);
		} else {
			buf_add(&out, p, l);
		}
		p += l + (p[l] == ' ');
	}
	free(diff);
	buf_release(&raw);
	buf_release(&shown);
	rep->shown = buf_detach(&out);
	return xstrdup(rep->shown);
}

