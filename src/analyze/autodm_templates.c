/*
 * autodm_templates: near-duplicate opening templates grouped by LSH, the
 * accounts that sent or received each, and a template shown with its merge
 * fields.
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
	/* grouped: the signatures are done with (ns stays, the number compared) */
	free(a->sigs);
	free(a->sig_tmpl);
	a->sigs = NULL;
	a->sig_tmpl = NULL;
	a->as = 0;
}

/* What a counterpart's opening messages say of a cluster, as a tag above its number. */
enum { SENT, LINKED, RECEIVED };

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return a < b ? -1 : a > b;
}

/*
 * Distinct accounts per cluster, over the opening messages of either side:
 * with a counterpart's conversations read together, each cluster it sent
 * or received counts once for it.
 */
int am_count(struct am *a)
{
	size_t nt = a->nt ? a->nt : 1, nseen, aseen = 0;
	struct am_reader r = AM_READER_INIT;
	uint64_t *seen = NULL, *given = NULL, *owned = NULL;
	size_t ngiven = 0, agiven = 0, cp_given = 0, nowned = 0, aowned = 0;
	int rc = -1;
	a->in_senders = xcalloc(nt, sizeof(*a->in_senders));
	a->in_linkers = xcalloc(nt, sizeof(*a->in_linkers));
	a->recipients = xcalloc(nt, sizeof(*a->recipients));
	a->recipients_following = xcalloc(nt, sizeof(*a->recipients_following));
	for (size_t s = 0, e; s < a->nc; s = e) {
		e = am_next_cp(a, s);
		nseen = 0;
		for (size_t k = s; k < e; k++) {
			uint32_t ci = a->by_cp[k];
			const struct am_msg *ms = am_read(a, ci, &r);
			if (!ms)
				goto out;
			for (uint32_t i = 0; i < a->c[ci].n; i++) {
				const struct am_msg *m = &ms[i];
				uint64_t cl = a->t[m->tmpl].cluster;
				if (m->contact && (m->flags & M_OWNER)) {
					ALLOC_GROW(owned, nowned + 1, aowned);
					owned[nowned++] = m->contact;
				} else if (m->contact && (m->flags & M_OPENING)) {
					ALLOC_GROW(given, ngiven + 1, agiven);
					given[ngiven++] = m->contact;
				}
				if (!(m->flags & M_OPENING))
					continue;
				ALLOC_GROW(seen, nseen + 2, aseen);
				if (m->flags & M_OWNER) {
					seen[nseen++] = (uint64_t)RECEIVED << 32 | cl;
					continue;
				}
				seen[nseen++] = (uint64_t)SENT << 32 | cl;
				if (m->flags & M_LINK)
					seen[nseen++] = (uint64_t)LINKED << 32 | cl;
			}
		}
		/* each contact once per counterpart */
		if (ngiven > 1)
			qsort(given + cp_given, ngiven - cp_given, sizeof(*given), cmp_u64);
		for (size_t i = cp_given; i < ngiven; i++) {
			if (i > cp_given && given[i] == given[i - 1])
				continue;
			uint32_t n = 1;
			if (!u64map_put(&a->contacts, given[i], &n)) {
				n++;
				u64map_set(&a->contacts, given[i], n);
			}
		}
		cp_given = ngiven;
		if (nseen > 1)
			qsort(seen, nseen, sizeof(*seen), cmp_u64);
		bool follower = am_has_id(a->followers, a->nfollowers, a->c[a->by_cp[s]].cp);
		for (size_t i = 0; i < nseen; i++) {
			if (i && seen[i] == seen[i - 1])
				continue;
			uint32_t cl = (uint32_t)seen[i];
			switch (seen[i] >> 32) {
			case SENT:
				a->in_senders[cl]++;
				break;
			case LINKED:
				a->in_linkers[cl]++;
				break;
			default:
				a->recipients[cl]++;
				a->recipients_following[cl] += follower;
			}
		}
	}
	/* what the owner gave out is the owner's, however many quote it */
	for (size_t i = 0; i < nowned; i++)
		u64map_set(&a->contacts, owned[i], 0);
	rc = 0;
out:
	free(seen);
	free(given);
	free(owned);
	am_reader_release(&r);
	return rc;
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

