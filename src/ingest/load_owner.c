/*
 * load_owner: whose archive this is, when no manifest or account file says
 * so: the account common to the 1:1 conversations, or failing that the one
 * member of every group conversation (load_int.h).
 */
#include "load_int.h"
#include "exitcode.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* FNV-1a of a conversation id; never 0, which marks an empty slot. */
uint64_t ld_hash(const char *conv)
{
	uint64_t h = 1469598103934665603ULL;
	for (const unsigned char *p = (const unsigned char *)conv; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	return h | 1;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static int cmp_member(const void *a, const void *b)
{
	const struct group_member *x = a, *y = b;
	if (x->account != y->account)
		return x->account < y->account ? -1 : 1;
	return x->conv < y->conv ? -1 : x->conv > y->conv;
}

/* The one account that appears in every group conversation, or 0. */
static int64_t group_owner(struct load *l)
{
	if (!l->nmembers)
		return 0;
	qsort(l->members, l->nmembers, sizeof(*l->members), cmp_member);
	/* distinct conversations, then accounts in as many */
	uint64_t *convs = xmalloc(l->nmembers * sizeof(*convs));
	for (size_t i = 0; i < l->nmembers; i++)
		convs[i] = l->members[i].conv;
	qsort(convs, l->nmembers, sizeof(*convs), cmp_u64);
	size_t nconv = 0;
	for (size_t i = 0; i < l->nmembers; i++)
		if (!i || convs[i] != convs[i - 1])
			nconv++;
	free(convs);
	int64_t found = 0;
	int nfound = 0;
	for (size_t i = 0; i < l->nmembers;) {
		size_t j = i, n = 0;
		for (; j < l->nmembers && l->members[j].account == l->members[i].account; j++)
			if (j == i || l->members[j].conv != l->members[j - 1].conv)
				n++;
		if (n == nconv) {
			found = l->members[i].account;
			nfound++;
		}
		i = j;
	}
	return nfound == 1 ? found : 0;
}

int64_t load_owner(struct load *l)
{
	if (l->manifest_owner)
		return l->manifest_owner;
	if (l->account_owner)
		return l->account_owner;
	if (l->hint_owner && !l->hint_conflict)
		return l->hint_owner;
	if (l->ncand == 1)
		return l->cand[0];
	return l->ncand < 0 ? group_owner(l) : 0;
}

/* Someone seen in a group conversation, while the owner is not known yet. */
void ld_note_member(struct load *l, const char *conv, int64_t account)
{
	if (l->manifest_owner || l->account_owner || l->hint_owner)
		return;
	uint64_t h = ld_hash(conv);
	if (l->nmembers && l->members[l->nmembers - 1].account == account &&
	    l->members[l->nmembers - 1].conv == h)
		return;
	ALLOC_GROW(l->members, l->nmembers + 1, l->amembers);
	l->members[l->nmembers++] = (struct group_member){ account, h };
}
