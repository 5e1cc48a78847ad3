/*
 * tone: does an owner's message read as an insult if a screenshot of it
 * went public? Insults, contempt, threats and wished harm aimed at someone
 * (a second-person word, a name, a group, a name-calling noun), in some
 * twenty languages, from static word lists. Profanity about a thing ("this
 * damn printer"), quotations, self-deprecation and banter are not flagged.
 * Tone is not personal data: pii.h knows nothing of it, and this module
 * knows nothing of the report that uses it.
 */
#ifndef DMAUDIT_TONE_H
#define DMAUDIT_TONE_H

#include <stdbool.h>
#include <stddef.h>

struct tone_hit {
	size_t start, end;   /* bytes of the offending words in the text */
	double score;        /* 0..1 */
	const char *why;     /* "name-calling", "contempt", "profanity at someone" */
};

/* The first offending span of text[0..len), or false when there is none. */
bool tone_scan(const char *text, size_t len, struct tone_hit *hit);

#endif
