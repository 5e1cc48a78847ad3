/*
 * inflect: the inflected forms of an adjective, from the written base form
 * and its language, so that a word list holds "wertlos" and a text's
 * "wertlosen" matches it. Regular endings only (German, Dutch, Spanish,
 * Portuguese, Italian, French, Russian, Ukrainian, Polish); irregular forms
 * and comparatives stay in the lists. A form may be a word that does not
 * exist: it then matches nothing. Other languages get no forms.
 *
 * Pure: no state, the forms go to the caller's function one at a time
 * (the base itself is not among them).
 */
#ifndef DMAUDIT_INFLECT_H
#define DMAUDIT_INFLECT_H

#include <stddef.h>

typedef void (*inflect_fn)(void *ctx, const char *form);

/* Call fn for each regular inflection of adjective base (UTF-8, lower case)
 * in lang (ISO 639-1, "de"); returns how many forms were given. */
size_t inflect_adjective(const char *lang, const char *base, inflect_fn fn, void *ctx);

#endif
