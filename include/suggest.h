/*
 * suggest: "did you mean …?" for a mistyped name, as git does for commands.
 *
 * The caller offers every valid name in turn (from whatever table holds
 * them); the closest ones by edit distance (insertions, deletions,
 * substitutions and swaps of two neighbours, each costing 1) are kept,
 * and a name the word is a prefix of counts as close too. A name farther
 * than about a third of the word's length is no suggestion: a random word
 * gets none. suggest owns no memory: it keeps the caller's pointers, which
 * must live as long as it does.
 */
#ifndef DMAUDIT_SUGGEST_H
#define DMAUDIT_SUGGEST_H

#include <stddef.h>

#define SUGGEST_MAX 4

struct suggest {
	const char *word;                 /* what the user typed */
	const char *best[SUGGEST_MAX];    /* the closest names, in the order offered */
	size_t n;
	size_t dist;                      /* their distance; SIZE_MAX while none */
};

void suggest_init(struct suggest *s, const char *word);
/* Offer one valid name. */
void suggest_add(struct suggest *s, const char *name);
/*
 * Write " Did you mean 'a'?" (or "'a' or 'b'") into out, or "" when
 * nothing is close; returns out.
 */
const char *suggest_text(const struct suggest *s, char *out, size_t size);

/* Edit distance of a and b (optimal string alignment). */
size_t suggest_distance(const char *a, const char *b);

#endif
