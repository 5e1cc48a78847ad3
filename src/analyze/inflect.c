/*
 * inflect: regular adjective endings by language (inflect.h). Each rule
 * names the ending a base form has and the endings that replace it; the
 * first rule of a language whose ending matches wins.
 */
#include "inflect.h"

#include <string.h>

struct rule {
	const char *lang;
	const char *has;        /* the base ends so ("" for any ending) */
	const char *forms[16];  /* endings that replace it, NULL-terminated */
};

static const struct rule rules[] = {
	/* German: strong and weak endings; "dumme" gives "dummen", "dumm" "dumme" */
	{ "de", "e", { "er", "en", "es", "em", NULL } },
	{ "de", "", { "e", "er", "en", "es", "em", NULL } },
	/* Dutch: the attributive -e ("dom" also as "domme", checked by the list) */
	{ "nl", "e", { NULL } },
	{ "nl", "", { "e", NULL } },
	/* Spanish and Portuguese: gender and number */
	{ "es", "o", { "a", "os", "as", NULL } },
	{ "es", "e", { "es", NULL } },
	{ "es", "l", { "les", NULL } },
	{ "pt", "o", { "a", "os", "as", NULL } },
	{ "pt", "e", { "es", NULL } },
	/* Italian */
	{ "it", "o", { "a", "i", "e", NULL } },
	{ "it", "e", { "i", NULL } },
	/* French */
	{ "fr", "eux", { "euse", "euses", NULL } },
	{ "fr", "e", { "es", NULL } },
	{ "fr", "", { "e", "s", "es", NULL } },
	/*
	 * Russian: full forms of hard and soft stems, both spellings after г к
	 * х ж ш щ ч. Not the instrumental: "он тупым показался" (it seemed
	 * dumb) is said of a thing as often as of a person.
	 */
	{ "ru", "ый", { "ая", "ое", "ые", "ого", "ому", "ых", "ую", "ой", NULL } },
	{ "ru", "ой", { "ая", "ое", "ые", "ие", "ого", "ому", "ых", "их", "ую", NULL } },
	{ "ru", "ий", { "ая", "ое", "ее", "ие", "ого", "его", "ому", "ему", "их", "ую", "яя", NULL } },
	/* Ukrainian, the same way */
	{ "uk", "ий", { "а", "е", "і", "ого", "ому", "их", "у", NULL } },
	/* Polish */
	{ "pl", "y", { "a", "e", "ego", "ej", "emu", "ym", "ych", "ą", "ymi", NULL } },
	/* a soft stem keeps its i ("głupia"), after k and g only before e ("wielka", "wielkie") */
	{ "pl", "i", { "ia", "a", "ie", "iego", "iej", "iemu", "im", "ich", "ią", "ą", "imi", NULL } },
};

static const struct rule *rule_for(const char *lang, const char *base, size_t n)
{
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		size_t h = strlen(rules[i].has);
		if (!strcmp(rules[i].lang, lang) && h < n && !memcmp(base + n - h, rules[i].has, h))
			return &rules[i];
	}
	return NULL;
}

size_t inflect_adjective(const char *lang, const char *base, inflect_fn fn, void *ctx)
{
	size_t n = strlen(base);
	const struct rule *r = lang ? rule_for(lang, base, n) : NULL;
	if (!r || n > 60)
		return 0;
	size_t stem = n - strlen(r->has), given = 0;
	char form[96];
	for (size_t i = 0; r->forms[i]; i++) {
		size_t e = strlen(r->forms[i]);
		memcpy(form, base, stem);
		memcpy(form + stem, r->forms[i], e + 1);
		fn(ctx, form);
		given++;
	}
	return given;
}
