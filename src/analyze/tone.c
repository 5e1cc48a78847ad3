/*
 * tone: one pass over the words of a message, sentence by sentence, each
 * word and phrase given its classes by the tone-*.tsv lexicon files
 * (lexicon.h), then a few rules decide at the end of each sentence:
 *
 * - contempt phrases ("shut up", "learn to read", "heul leise") count alone;
 * - name-calling nouns and slurs (idiot, Arschloch, дебил) count alone,
 *   unless the writer calls themself one ("I'm such an idiot", "like me")
 *   or a negation precedes ("you're not an idiot");
 * - insulting adjectives (stupid, dumm) count when aimed: a second-person
 *   word within four words, or a word for others right before or after
 *   ("he is so stupid", "these stupid people"), no comma between, but not
 *   when said of a kind of person in general ("stupid people always blame
 *   the weather"); a @handle is no target, since every reply starts with
 *   one;
 * - plural name-calling (idiots, Idioten, parasites) counts as adjectives
 *   do, or after profanity, an article or a quantifier ("fucking idiots",
 *   "the idiots in charge", "diese Parasiten", "some idiots"), not in a
 *   general remark ("idiots have no principles");
 * - a hit followed by the person addressed ("idiots like you") is aimed,
 *   whoever the sentence's subject;
 * - profanity (fuck, scheiße) counts only right next to the person or
 *   people aimed at ("fuck you", "your crap product", "scheiß Bullen"), or
 *   before what is theirs ("their shitty rules", "ihre scheiß Regeln"),
 *   and never in a sentence of praise;
 * - words that insult only when said of someone (disgrace, garbage,
 *   Abschaum) count after a copula whose subject is the person addressed
 *   ("you're a disgrace", "your review is garbage", "ты позор"), a name, a
 *   group or "these people", next to "like you", and some as a form of
 *   address ("Cry harder, snowflake");
 * - a lack ("no brain", "no life", tone-lack.tsv) counts when said of
 *   someone shortly before it and it ends its clause ("someone who has no
 *   taste buds", not "I have no life", "no life insurance");
 * - a stupid question is contempt unless the writer goes on to ask one;
 *   an insulting adjective next to what someone said is aimed ("what a
 *   braindead take");
 * - harm after a word of hoping and the person addressed is a violent wish
 *   ("hope your shop burns down", "ojalá te atropelle un camión"), as is a
 *   sentence that is nothing but harm ("get cancer.");
 * - "typical" before a group sneers at it ("Typical Karen");
 * - praise, then the person addressed, "the only" and a failure is a
 *   sarcastic congratulation ("Congratulations, you're the only one who
 *   couldn't find a door");
 * - an insult word the writer called themself stays theirs for the rest of
 *   the message;
 * - a sentence that is one word or phrase of scorn ("Pathetic.", "Grow up.", "Peinlich.",
 *   "Żenada.", tone-verdict.tsv), maybe with an intensifier, passes a verdict
 *   on whoever the message answers: it counts in a reply (the text opens
 *   with a @handle) or in a message that speaks to someone ("you") before
 *   or after it;
 * - a hit that lies inside an idiom ("holy shit", "you lucky bastard") does
 *   not count, nor does anything in quotation marks, single ones included
 *   unless right after a copula ("he is 'a twat'"), or on a "> quoted" line;
 * - name-calling or contempt the writer laughs after is banter ("shut up
 *   you muppet 😂", "cállate jajaja"), a violent wish or a slur on a group
 *   is not.
 *
 * Scripts written without spaces (Han, kana, Thai) are matched as substrings; a
 * kana entry must not continue a word of the same kana ("楽しいしね" holds
 * no "しね"). Hangul words match by their start, since particles attach
 * ("바보야"). Other words are compared folded (NFKC, case folded, "ё" as
 * "е"); an entry ending in "*" matches a word's start ("scheiß*" finds
 * "Scheißbulle").
 */
#include "tone.h"
#include "inflect.h"
#include "lexicon.h"
#include "xalloc.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* A word's classes: one bit a lexicon family (and C_NAME); 64 of them room. */
typedef uint64_t tclass;

enum {
	C_INSULT = 1 << 0, C_CONTEMPT = 1 << 1, C_ADJ = 1 << 2, C_PROF = 1 << 3,
	C_YOU = 1 << 4, C_PEOPLE = 1 << 5, C_SELF = 1 << 6, C_PRAISE = 1 << 7,
	C_NEG = 1 << 8, C_IDIOM = 1 << 9, C_HANDLE = 1 << 10, C_GROUP = 1 << 11,
	C_WISH = 1 << 12, C_COPULA = 1 << 13, C_DET = 1 << 14, C_DEMO = 1 << 15,
	C_SOCIAL = 1 << 17, C_QUESTION = 1 << 18, C_PRED = 1 << 19, C_VOC = 1 << 20,
	C_INTENS = 1 << 21, C_LIKEYOU = 1 << 22, C_HOPE = 1 << 23, C_HARM = 1 << 24,
	C_TYPICAL = 1 << 25, C_UTTER = 1 << 26, C_POSS = 1 << 27, C_QUANT = 1 << 28,
	C_LACK = 1 << 29, C_ONLY = 1 << 30, C_CANNOT = 1u << 31,
	C_NAME = 1 << 16,   /* no lexicon class: a name or @handle inside a sentence */
	C_HITS = C_INSULT | C_CONTEMPT | C_ADJ | C_PROF | C_GROUP | C_WISH | C_QUESTION | C_PRED |
		 C_VOC | C_LACK,
};
/* the classes past 32 bits, which an enum cannot hold */
#define C_VERDICT ((tclass)1 << 32)

static tclass family_class(enum lex_family f)
{
	switch (f) {
	case LEX_INSULT: return C_INSULT;
	case LEX_CONTEMPT: return C_CONTEMPT;
	case LEX_TONE_ADJ: return C_ADJ;
	case LEX_TONE_PROF: return C_PROF;
	case LEX_TONE_YOU: return C_YOU;
	case LEX_TONE_PEOPLE: return C_PEOPLE;
	case LEX_TONE_SELF: return C_SELF;
	case LEX_TONE_PRAISE: return C_PRAISE;
	case LEX_TONE_NEG: return C_NEG;
	case LEX_TONE_IDIOM: return C_IDIOM;
	case LEX_TONE_GROUP: return C_GROUP;
	case LEX_TONE_WISH: return C_WISH;
	case LEX_TONE_COPULA: return C_COPULA;
	case LEX_TONE_DET: return C_DET;
	case LEX_TONE_DEMO: return C_DEMO;
	case LEX_TONE_SOCIAL: return C_PEOPLE | C_SOCIAL;
	case LEX_TONE_QUESTION: return C_QUESTION;
	case LEX_TONE_PRED: return C_PRED;
	case LEX_TONE_VOC: return C_VOC;
	case LEX_TONE_INTENS: return C_INTENS;
	case LEX_TONE_LIKEYOU: return C_LIKEYOU;
	case LEX_TONE_HOPE: return C_HOPE;
	case LEX_TONE_HARM: return C_HARM;
	case LEX_TONE_TYPICAL: return C_TYPICAL;
	case LEX_TONE_UTTER: return C_UTTER;
	case LEX_TONE_POSS: return C_POSS;
	case LEX_TONE_QUANT: return C_QUANT;
	case LEX_TONE_LACK: return C_LACK;
	case LEX_TONE_ONLY: return C_ONLY;
	case LEX_TONE_CANNOT: return C_CANNOT;
	case LEX_TONE_VERDICT: return C_VERDICT;
	default: return 0;
	}
}

#define MAXW 48     /* bytes of a folded word; longer words have no class */
#define MAXPH 6     /* words of the longest phrase */
#define MAXTOK 64   /* words of a sentence kept; a longer one is cut */
#define MAXM 96     /* matches of a sentence kept */

/* --- characters ---------------------------------------------------------- */

enum ch { CH_SPACE, CH_GAP, CH_BREAK, CH_QUOTE, CH_WORD, CH_CJK, CH_HANGUL };

/* The code point at t[i] (U+FFFD for a bad byte) and its length in *len. */
static uint32_t decode(const char *t, size_t n, size_t i, size_t *len)
{
	const unsigned char *p = (const unsigned char *)t + i;
	size_t avail = n - i;
	int k = p[0] < 0x80 ? 1 : p[0] >= 0xf0 ? 4 : p[0] >= 0xe0 ? 3 : p[0] >= 0xc0 ? 2 : 0;
	if (!k || (size_t)k > avail) {
		*len = 1;
		return 0xfffd;
	}
	uint32_t c = k == 1 ? p[0] : p[0] & (0x7f >> k);
	for (int j = 1; j < k; j++) {
		if ((p[j] & 0xc0) != 0x80) {
			*len = 1;
			return 0xfffd;
		}
		c = (c << 6) | (p[j] & 0x3f);
	}
	*len = (size_t)k;
	return c;
}

static bool is_hiragana(uint32_t c) { return c >= 0x3040 && c <= 0x309f; }
static bool is_katakana(uint32_t c) { return (c >= 0x30a0 && c <= 0x30ff) || (c >= 0xff66 && c <= 0xff9f); }

static enum ch char_class(uint32_t c)
{
	if (c < 0x80) {
		if ((c | 32) >= 'a' && (c | 32) <= 'z')
			return CH_WORD;
		if (c >= '0' && c <= '9')
			return CH_WORD;
		if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ';')
			return CH_BREAK;
		if (c == '"')
			return CH_QUOTE;
		if (c == ',' || c == ':' || c == '(' || c == ')' || c == '[' || c == ']' || c == '/' ||
		    c == '|')
			return CH_GAP;
		return CH_SPACE;   /* spaces, apostrophes, hyphens: inside a phrase */
	}
	if (c < 0xc0)
		return c == 0xab || c == 0xbb ? CH_QUOTE : c == 0xa1 || c == 0xbf ? CH_GAP : CH_SPACE;
	if (c == 0x201c || c == 0x201d || c == 0x201e || c == 0x300c || c == 0x300d ||
	    c == 0x300e || c == 0x300f)
		return CH_QUOTE;
	if (c == 0x3002 || c == 0xff01 || c == 0xff1f || c == 0x2026 || c == 0x0964 || c == 0x061f ||
	    c == 0x1362 || c == 0x1364 || c == 0x1367)   /* Ethiopic ። ፤ ፧ */
		return CH_BREAK;
	if (c == 0x2013 || c == 0x2014 || c == 0x3001 || c == 0xff0c || c == 0x060c ||
	    (c >= 0x1363 && c <= 0x1366 && c != 0x1364))   /* Ethiopic ፣ ፥ ፦ */
		return CH_GAP;
	if (c == 0x1361)
		return CH_SPACE;   /* the Ethiopic word space ፡ */
	if ((c >= 0x2000 && c <= 0x206f) || (c >= 0x2190 && c <= 0x2bff) ||
	    (c >= 0x3000 && c <= 0x303f) || (c >= 0xfe00 && c <= 0xfe0f) ||
	    (c >= 0xff01 && c <= 0xff0f) || (c >= 0x1f000 && c <= 0x1faff) || c == 0xfffd)
		return CH_SPACE;
	if (is_hiragana(c) || is_katakana(c) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0x20000 && c <= 0x2ffff))
		return CH_CJK;
	if (c >= 0x0e00 && c <= 0x0e7f)
		return CH_CJK;   /* Thai: no spaces between words either */
	if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) ||
	    (c >= 0x3130 && c <= 0x318f))
		return CH_HANGUL;
	return CH_WORD;
}

/* The class of the character at t[i], its length in *len; ASCII from a table. */
static enum ch ascii_class[128];

static enum ch class_at(const char *t, size_t n, size_t i, size_t *len)
{
	unsigned char b = (unsigned char)t[i];
	if (b < 0x80) {
		*len = 1;
		return ascii_class[b];
	}
	return char_class(decode(t, n, i, len));
}

/*
 * The folded form of the word t[0..n) into out (MAXW bytes): its length, or
 * 0 when it does not fit. ASCII is only lowered; other words go through NFKC
 * with case folding. Accents stay: without them "piç" would read "pic" (the
 * lists spell the common words both ways instead).
 */
static size_t fold(const char *t, size_t n, char *out)
{
	bool ascii = true;
	for (size_t i = 0; i < n && ascii; i++)
		ascii = (unsigned char)t[i] < 0x80;
	if (ascii) {
		if (n >= MAXW)
			return 0;
		for (size_t i = 0; i < n; i++)
			out[i] = (t[i] >= 'A' && t[i] <= 'Z') ? (char)(t[i] + 32) : t[i];
		return n;
	}
	utf8proc_int32_t cp[MAXW];
	utf8proc_option_t opt = UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD;
	utf8proc_ssize_t k = utf8proc_decompose((const utf8proc_uint8_t *)t, (utf8proc_ssize_t)n, cp,
						MAXW, opt);
	if (k <= 0 || k > MAXW)
		return 0;
	k = utf8proc_normalize_utf32(cp, k, opt);
	if (k <= 0)
		return 0;
	size_t len = 0;
	for (utf8proc_ssize_t i = 0; i < k; i++) {
		utf8proc_uint8_t b[4];
		if (cp[i] == 0x307 && i > 0 && cp[i - 1] == 'i')
			continue;   /* Turkish "İ" folds to "i" and a dot above: "İnşallah" is "inşallah" */
		utf8proc_int32_t c = cp[i] == 0x451 ? 0x435 : cp[i];   /* ё as е */
		utf8proc_ssize_t w = utf8proc_encode_char(c, b);
		if (len + (size_t)w >= MAXW)
			return 0;
		memcpy(out + len, b, (size_t)w);
		len += (size_t)w;
	}
	return len;
}

/* --- the word index, built once from the lexicon ------------------------- */

struct slot {
	char *key;          /* folded word, or words joined by one space */
	uint16_t n;
	tclass exact;       /* classes of the whole word or phrase */
	tclass prefix;      /* classes of words that start with it */
	tclass suffix;      /* classes of longer words that end with it */
	uint8_t ends;       /* bit k: some phrase of k words ends with this word */
};

struct cjk {
	char *s;            /* as written, ASCII lowered */
	size_t n;
	tclass cls;
	uint32_t first, last; /* code points, for the kana boundary rule */
	size_t chars;
};

static struct slot *slots;
static size_t nslots;               /* a power of two */
static uint64_t prefix_lens;        /* bit L: some prefix entry is L bytes */
static uint8_t prefix_start[8192];  /* bit (b0 << 8 | b1): some prefix entry starts so */
static uint64_t suffix_lens;        /* bit L: some suffix entry is L bytes */
static uint8_t suffix_end[8192];    /* bit (b0 << 8 | b1): some suffix entry ends so */
static struct cjk *cjks;
static size_t ncjk;
static uint32_t cjk_bucket[257];    /* cjks sorted by bucket of their first code point */
static pthread_once_t once = PTHREAD_ONCE_INIT;

static uint32_t fnv(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static struct slot *find(const char *k, size_t n, uint32_t h, bool add)
{
	for (size_t i = h & (nslots - 1);; i = (i + 1) & (nslots - 1)) {
		struct slot *s = &slots[i];
		if (!s->key) {
			if (!add)
				return NULL;
			s->key = xstrndup(k, n);
			s->n = (uint16_t)n;
			return s;
		}
		if (s->n == n && !memcmp(s->key, k, n))
			return s;
	}
}

static unsigned cjk_hash(uint32_t c)
{
	return (c * 2654435761u) >> 24;
}

/* The words of an entry, folded, split as a text's words are split. */
static size_t entry_words(const char *p, char w[MAXPH + 1][MAXW], size_t wn[MAXPH + 1])
{
	size_t n = strlen(p), nw = 0, i = 0;
	while (i < n && nw <= MAXPH) {
		size_t l;
		enum ch c = char_class(decode(p, n, i, &l));
		if (c != CH_WORD && c != CH_HANGUL) {
			i += l;
			continue;
		}
		size_t s = i;
		while (i < n) {
			enum ch d = char_class(decode(p, n, i, &l));
			if (d != c && !(p[i] == '*' && i > s && i + 1 < n))
				break;
			i += l;
		}
		wn[nw] = fold(p + s, i - s, w[nw]);
		if (wn[nw])
			nw++;
	}
	return nw;
}

static void add_word_entry(const char *phrase, tclass cls)
{
	char w[MAXPH + 1][MAXW];
	size_t wn[MAXPH + 1];
	bool suffix = phrase[0] == '*';
	size_t len = strlen(phrase + suffix);
	bool prefix = len && phrase[suffix + len - 1] == '*';
	char *p = xstrndup(phrase + suffix, prefix ? len - 1 : len);
	size_t nw = entry_words(p, w, wn);
	size_t l;
	prefix |= char_class(decode(p, strlen(p), 0, &l)) == CH_HANGUL;   /* particles attach */
	free(p);
	if (!nw || nw > MAXPH)
		return;
	if (nw == 1) {
		struct slot *s = find(w[0], wn[0], fnv(w[0], wn[0]), true);
		if (suffix && wn[0] < 64) {
			unsigned k = (unsigned char)w[0][wn[0] - 2] << 8 |
				     (unsigned char)w[0][wn[0] - 1];
			s->suffix |= cls;
			suffix_lens |= 1ull << wn[0];
			suffix_end[k >> 3] |= (uint8_t)(1u << (k & 7));
		} else if (prefix && wn[0] < 64) {
			unsigned k = (unsigned char)w[0][0] << 8 | (unsigned char)w[0][1];
			s->prefix |= cls;
			prefix_lens |= 1ull << wn[0];
			prefix_start[k >> 3] |= (uint8_t)(1u << (k & 7));
		} else {
			s->exact |= cls;
		}
		return;
	}
	char key[(MAXPH + 1) * MAXW];
	size_t kn = 0;
	for (size_t j = 0; j < nw; j++) {
		if (j)
			key[kn++] = ' ';
		memcpy(key + kn, w[j], wn[j]);
		kn += wn[j];
	}
	find(key, kn, fnv(key, kn), true)->exact |= cls;
	find(w[nw - 1], wn[nw - 1], fnv(w[nw - 1], wn[nw - 1]), true)->ends |= (uint8_t)(1u << nw);
}

static void add_form(void *cls, const char *form)
{
	add_word_entry(form, *(tclass *)cls);
}

static int cmp_cjk(const void *a, const void *b)
{
	const struct cjk *x = a, *y = b;
	unsigned hx = cjk_hash(x->first), hy = cjk_hash(y->first);
	return hx != hy ? (hx < hy ? -1 : 1) : (x->n > y->n ? -1 : x->n < y->n);   /* longest first */
}

static void build(void)
{
	size_t total = lex_count();
	for (unsigned b = 0; b < 128; b++)
		ascii_class[b] = char_class(b);
	nslots = 64;
	while (nslots < 4 * (total + 8))
		nslots *= 2;
	slots = xcalloc(nslots, sizeof(*slots));
	cjks = xcalloc(total + 1, sizeof(*cjks));
	for (size_t i = 0; i < total; i++) {
		const struct lex_entry *e = lex_entry(i);
		tclass cls = family_class(e->family);
		size_t l, n = strlen(e->phrase);
		if (!cls || !n)
			continue;
		uint32_t c0 = decode(e->phrase, n, 0, &l);
		if (char_class(c0) != CH_CJK) {
			add_word_entry(e->phrase, cls);
			/* "wertlos" stands for "wertlosen" too: adjectives inflect */
			if (e->family == LEX_TONE_ADJ && !strpbrk(e->phrase, "* "))
				inflect_adjective(e->lang, e->phrase, add_form, &cls);
			continue;
		}
		struct cjk *c = &cjks[ncjk++];
		c->s = xstrdup(e->phrase);
		c->n = n;
		for (size_t j = 0; j < n; j++)
			if (c->s[j] >= 'A' && c->s[j] <= 'Z')
				c->s[j] = (char)(c->s[j] + 32);
		c->cls = cls;
		c->first = c0;
		for (size_t j = 0; j < n; j += l) {
			c->last = decode(e->phrase, n, j, &l);
			c->chars++;
		}
	}
	/* the two letters that no lexicon entry can be (entries have two bytes at least) */
	find("i", 1, fnv("i", 1), true)->exact |= C_SELF;
	find("u", 1, fnv("u", 1), true)->exact |= C_YOU;
	find("a", 1, fnv("a", 1), true)->exact |= C_DET | C_INTENS;
	qsort(cjks, ncjk, sizeof(*cjks), cmp_cjk);
	for (size_t i = 0; i < ncjk; i++)
		cjk_bucket[cjk_hash(cjks[i].first) + 1]++;
	for (int b = 0; b < 256; b++)
		cjk_bucket[b + 1] += cjk_bucket[b];
}

/*
 * Classes of the suffix entries that end a folded compound ("impfdeppen"):
 * at least three bytes must come before the suffix, so the compound is
 * longer than the noun by more than an inflection.
 */
static tclass suffix_class(const char *w, size_t n)
{
	unsigned k = (unsigned char)w[n - 2] << 8 | (unsigned char)w[n - 1];
	if (!(suffix_end[k >> 3] >> (k & 7) & 1))
		return 0;
	tclass cls = 0;
	for (size_t i = 3; i + 2 <= n; i++) {
		size_t l = n - i;
		if (l >= 64 || !(suffix_lens >> l & 1) || ((unsigned char)w[i] & 0xc0) == 0x80)
			continue;
		const struct slot *s = find(w + i, l, fnv(w + i, l), false);
		if (s)
			cls |= s->suffix;
	}
	return cls;
}

/* Classes of a folded word: its own, and those of every prefix or suffix entry in it. */
static tclass word_class(const char *w, size_t n, uint8_t *ends)
{
	tclass cls = 0;
	uint32_t h = 2166136261u;
	unsigned k = n >= 2 ? (unsigned char)w[0] << 8 | (unsigned char)w[1] : 0;
	bool prefixes = n >= 2 && (prefix_start[k >> 3] >> (k & 7) & 1);
	*ends = 0;
	for (size_t i = 0; i < n; i++) {
		if (prefixes && i >= 2 && i < 64 && (prefix_lens >> i & 1) &&
		    ((unsigned char)w[i] & 0xc0) != 0x80) {
			const struct slot *s = find(w, i, h, false);
			if (s)
				cls |= s->prefix;
		}
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	}
	const struct slot *s = find(w, n, h, false);
	if (s) {
		cls |= s->exact | s->prefix;
		*ends = s->ends;
	}
	if (n >= 7 && suffix_lens)
		cls |= suffix_class(w, n);
	return cls;
}

/* --- a sentence ---------------------------------------------------------- */

struct tok {
	size_t s, e;        /* bytes in the text */
	tclass cls;         /* classes of the word alone and of phrases ending here */
	bool gap;           /* a comma or the like between the previous word and this one */
	bool capital;       /* a word of no class written "Xxx" */
	uint8_t n;
	char w[MAXW];
};

struct match {
	uint8_t first, last;   /* token indexes */
	tclass cls;
};

struct sentence {
	struct tok t[MAXTOK];
	struct match m[MAXM];
	size_t nt, nm;
	bool gap;           /* a gap seen since the last word */
	const char *text;   /* the whole message, for what follows a sentence */
	size_t len;
	char self_w[4][MAXW];   /* insults the writer called themself in an earlier sentence */
	bool reply;             /* the text opens with a @handle */
	bool you_seen;          /* a word for the person addressed came already */
	bool verdict;           /* a verdict sentence waits for a "you": verdict_s, verdict_e */
	size_t verdict_s, verdict_e;
	uint8_t self_n[4];
	size_t nself;
};

static void add_match(struct sentence *st, size_t first, size_t last, tclass cls)
{
	if (st->nm < MAXM)
		st->m[st->nm++] = (struct match){ (uint8_t)first, (uint8_t)last, cls };
	for (size_t k = first; k <= last; k++)
		if (k == last || !(cls & (C_YOU | C_SELF | C_PEOPLE)))
			st->t[k].cls |= cls & ~(C_HITS & ~C_PROF);
	st->t[last].cls |= cls & (C_YOU | C_SELF | C_PEOPLE);
}

/* Phrases ending with the last token. */
static void match_phrases(struct sentence *st, uint8_t ends)
{
	size_t k = st->nt - 1;
	for (size_t len = 2; len <= MAXPH && len <= st->nt; len++) {
		if (!(ends >> len & 1))
			continue;
		char key[(MAXPH + 1) * MAXW];
		size_t kn = 0;
		for (size_t j = k + 1 - len; j <= k; j++) {
			if (kn)
				key[kn++] = ' ';
			memcpy(key + kn, st->t[j].w, st->t[j].n);
			kn += st->t[j].n;
		}
		const struct slot *s = find(key, kn, fnv(key, kn), false);
		if (s && s->exact)
			add_match(st, k + 1 - len, k, s->exact);
	}
}

static struct tok *push(struct sentence *st, size_t s, size_t e)
{
	struct tok *t = &st->t[st->nt++];
	t->s = s, t->e = e, t->cls = 0, t->gap = st->gap, t->capital = false;
	t->n = 0;   /* w is written by fold */
	st->gap = false;
	return t;
}

/* Is there a gap between tokens a and b (a < b)? */
static bool gap_between(const struct sentence *st, size_t a, size_t b)
{
	for (size_t k = a + 1; k <= b; k++)
		if (st->t[k].gap)
			return true;
	return false;
}

/* A token marked with one of cls within [from, to], no gap between it and [a, b]. */
static bool near(const struct sentence *st, long from, long to, size_t a, size_t b, tclass cls)
{
	if (from < 0)
		from = 0;
	if (to >= (long)st->nt)
		to = (long)st->nt - 1;
	for (long k = from; k <= to; k++) {
		if ((size_t)k >= a && (size_t)k <= b)
			continue;
		if (!(st->t[k].cls & cls))
			continue;
		if ((size_t)k < a ? !gap_between(st, (size_t)k, a) : !gap_between(st, b, (size_t)k))
			return true;
	}
	return false;
}

/*
 * Does the writer speak of themself at this insult, or deny it? An insult
 * word the writer called themself earlier in the message is theirs again
 * ("I'm a total idiot, but fun. Fun for being an idiot.").
 */
enum { AIMED, DENIED, SELF };
static int self_or_denied(const struct sentence *st, const struct match *m)
{
	size_t first = 0;
	while (first < st->nt && (st->t[first].cls & C_HANDLE))
		first++;
	if (near(st, (long)m->last + 1, (long)m->last + 2, m->first, m->last, C_YOU))
		return AIMED;   /* "idiots like you", "ein Idiot wie du", "we don't serve idiots like you" */
	/* a negation denies what follows it in its clause, not past a comma
	 * ("Tum log professional nahi, jhooth ki dukaan ho") */
	for (long k = (long)m->first - 1; k >= 0 && k >= (long)m->first - 3; k--) {
		if (st->t[k + 1].gap)
			break;
		if (st->t[k].cls & C_NEG)
			return DENIED;
	}
	/* ", idiot" closing the sentence addresses the reader, whoever "my DM"
	 * before it belongs to: "get out of my DM, idiot" */
	if (m->first == m->last && st->t[m->first].gap && (size_t)m->last + 1 == st->nt)
		return AIMED;
	const struct tok *w = &st->t[m->last];
	for (size_t i = 0; i < st->nself && m->first == m->last; i++)
		if (st->self_n[i] == w->n && !memcmp(st->self_w[i], w->w, w->n))
			return SELF;
	for (long k = (long)m->first - 1; k >= 0; k--) {   /* near, or the subject */
		if ((st->t[k].cls & C_SELF) && (k >= (long)m->first - 6 || (size_t)k == first))
			return SELF;
		if (st->t[k].cls & (C_YOU | C_PEOPLE | C_NAME))
			break;
	}
	if ((size_t)m->last + 2 == st->nt && (st->t[m->last + 1].cls & C_SELF) &&
	    !st->t[m->last + 1].gap)
		return SELF;   /* "ну и дурак я", the sentence's last word */
	for (size_t j = 0; j < st->nm; j++) {   /* "a dumb person like me" */
		const struct match *o = &st->m[j];
		if ((o->cls & C_SELF) && o->first < o->last && o->first > m->last &&
		    o->first <= m->last + 3)
			return SELF;
	}
	return AIMED;
}

/* Remember an insult word the writer called themself, for the sentences after. */
static void remember_self(struct sentence *st, const struct match *m)
{
	const struct tok *w = &st->t[m->last];
	if (m->first != m->last || !w->n || st->nself == 4)
		return;
	memcpy(st->self_w[st->nself], w->w, w->n);
	st->self_n[st->nself++] = w->n;
}

static bool asks_after(const struct sentence *st, size_t from);
static bool letter_at(const char *t, size_t n, size_t i);

/* Does the hit lie inside an idiom, or inside a "stupid question" the writer then asks? */
static bool in_idiom(const struct sentence *st, const struct match *m)
{
	for (size_t j = 0; j < st->nm; j++) {
		const struct match *o = &st->m[j];
		if (!(o->first <= m->first && m->last <= o->last &&
		      (o->first < m->first || o->last > m->last)))
			continue;
		if ((o->cls & C_IDIOM) || ((o->cls & C_QUESTION) && asks_after(st, st->t[o->last].e)))
			return true;
	}
	return false;
}

/*
 * Is the hit the predicate of a named or human subject: a name, a group
 * ("Christen", not "people") or name-calling, then a copula, then at most
 * two words ("Harald ist schon immer scheiße", "Dana is so stupid",
 * "Christen sind genauso hirntot"), no gap between?
 */
static bool named_target(const struct sentence *st, const struct match *m)
{
	for (long k = (long)m->first - 1; k >= 1 && k >= (long)m->first - 3; k--) {
		if (!(st->t[k].cls & C_COPULA))
			continue;
		if (gap_between(st, (size_t)k, m->first))
			return false;
		const struct tok *s = &st->t[k - 1];
		return !st->t[k].gap && (s->cls & (C_NAME | C_GROUP | C_INSULT | C_SOCIAL));
	}
	return false;
}

/* Is token k a negation: a listed one, or "n't" ("don't", "doesn't" are "don" "t")? */
static bool negation_at(const struct sentence *st, size_t k)
{
	const struct tok *t = &st->t[k];
	if (t->cls & C_NEG)
		return true;
	return k > 0 && t->n == 1 && t->w[0] == 't' && st->t[k - 1].n > 1 &&
	       st->t[k - 1].w[st->t[k - 1].n - 1] == 'n' && st->t[k - 1].e + 2 == t->e;
}

/*
 * Does the writer go on to ask a question after byte `from`? A question
 * mark (also the full-width and Arabic ones) in what is left of the message:
 * "stupid question: are you open on Sunday?" is modesty, not contempt.
 */
static bool asks_after(const struct sentence *st, size_t from)
{
	size_t end = st->len - from > 400 ? from + 400 : st->len;
	for (size_t i = from; i < end; i++) {
		unsigned char b = (unsigned char)st->text[i];
		if (b == '?')
			return true;
		if ((b == 0xef && i + 2 < st->len && (unsigned char)st->text[i + 1] == 0xbc &&
		     (unsigned char)st->text[i + 2] == 0x9f) ||
		    (b == 0xd8 && i + 1 < st->len && (unsigned char)st->text[i + 1] == 0x9f))
			return true;
	}
	return false;
}

/*
 * Is the hit said of the person addressed: "you're a disgrace", "du bist
 * echt der letzte Abschaum", "your review is garbage", "ты позор"? Going
 * back from the hit over articles and intensifiers only, a copula that is a
 * second-person form itself ("eres", "jesteś", "you're", "ты"), or a copula
 * with the person addressed right before it or one word before ("your
 * review is"), no gap between.
 */
static bool said_of_you(const struct sentence *st, const struct match *m)
{
	long k = (long)m->first - 1;
	/* "you are a lazy fool": one word of no class between an article and a
	 * name-calling noun (not profanity: "… the whole fucking …") */
	if (k >= 1 && (m->cls & (C_PRED | C_VOC | C_INSULT)) && !(m->cls & C_PROF) &&
	    !st->t[k].cls && (st->t[k - 1].cls & C_INTENS) &&
	    !gap_between(st, (size_t)k - 1, m->first))
		k--;
	for (int fill = 0; k >= 0 && fill < 4 && !(st->t[k].cls & (C_COPULA | C_YOU)) &&
			   (st->t[k].cls & C_INTENS);
	     fill++)
		k--;
	if (k < 0 || !(st->t[k].cls & C_COPULA) || gap_between(st, (size_t)k, m->first))
		return false;
	if (st->t[k].cls & (C_YOU | C_PEOPLE))
		return true;   /* "you're", "eres", "ты"; "he's", "they're" */
	if (k > 0 && (st->t[k - 1].cls & C_PEOPLE) && !(st->t[k - 1].cls & C_SOCIAL) && !st->t[k].gap)
		return true;   /* "she is", "people are" */
	for (long j = k - 1; j >= 0 && j >= k - 2; j--) {
		if (gap_between(st, (size_t)j, (size_t)k))
			return false;
		if (st->t[j].cls & C_YOU)
			return true;
		if (st->t[j].cls & (C_PEOPLE | C_SELF | C_NAME | C_COPULA))
			return false;
	}
	return false;
}

/*
 * Is the hit said of a group in view: "these people are animals", "ces
 * gens-là sont des parasites"? A word for people after a demonstrative,
 * then a copula and at most two words, no gap.
 */
static bool said_of_these(const struct sentence *st, const struct match *m)
{
	for (long k = (long)m->first - 1; k >= 2 && k >= (long)m->first - 3; k--) {
		if (!(st->t[k].cls & C_COPULA))
			continue;
		if (gap_between(st, (size_t)(k - 1), m->first))
			return false;
		if (!(st->t[k - 1].cls & C_PEOPLE))
			return false;
		/* "these people are", "ces gens-là sont" (the phrase ends on "là") */
		return (st->t[k - 2].cls & C_DEMO) ||
		       (k >= 3 && (st->t[k - 3].cls & C_DEMO) && !st->t[k - 1].gap && !st->t[k - 2].gap);
	}
	return false;
}

/* "Muslims like you", "animals like you", "senin gibi hayvanlar": "like you" next to the hit. */
static bool like_you(const struct sentence *st, const struct match *m)
{
	if ((size_t)m->last + 1 < st->nt && (st->t[m->last + 1].cls & C_LIKEYOU) && !st->t[m->last + 1].gap)
		return true;
	return m->first > 0 && (st->t[m->first - 1].cls & C_LIKEYOU) && !st->t[m->first].gap;
}

/*
 * Is the hit a form of address: the sentence's first word before a comma
 * ("Palhaço, vai procurar o que fazer") or its last word after one ("Cry
 * harder, snowflake"), with other words in the sentence?
 */
/* "you fool", "you thief!", "vous voleurs": the person addressed, then the
 * word, which ends its clause ("you fool me" is a verb's). */
static bool called_you(const struct sentence *st, const struct match *m)
{
	if (m->first < 1 || !(st->t[m->first - 1].cls & C_YOU) || st->t[m->first].gap)
		return false;
	return (size_t)m->last + 1 == st->nt || st->t[m->last + 1].gap;
}

static bool addressed(const struct sentence *st, const struct match *m)
{
	size_t first = 0;
	while (first < st->nt && (st->t[first].cls & C_HANDLE))
		first++;
	if (m->first != m->last || st->nt < first + 2)
		return false;
	if (m->first == first)
		return st->t[first + 1].gap;
	return (size_t)m->last + 1 == st->nt && st->t[m->first].gap;
}

/*
 * A violent wish: a word of hoping, the person addressed within four words
 * after it, harm within three words after that ("hope your restaurant burns
 * down", "ich hoffe, du verreckst", "oby cię szlag trafił"), no negation
 * between ("I hope you don't get cancer"). The span in *a, *b.
 */
static bool harm_wished(const struct sentence *st, size_t *a, size_t *b)
{
	size_t first = 0;
	while (first < st->nt && (st->t[first].cls & C_HANDLE))
		first++;
	for (size_t j = 0; j < st->nm; j++)   /* a curse alone: "get cancer.", "die slowly" */
		if ((st->m[j].cls & C_HARM) && st->m[j].first == first && st->m[j].last > first &&
		    (size_t)st->m[j].last + 1 == st->nt) {
			*a = first, *b = st->m[j].last;
			return true;
		}
	for (size_t h = 0; h < st->nt; h++) {
		if (!(st->t[h].cls & C_HOPE) || (h + 1 < st->nt && (st->t[h + 1].cls & C_HOPE)))
			continue;
		for (size_t y = h + 1; y < st->nt && y <= h + 4; y++) {
			if (negation_at(st, y) || (st->t[y].cls & C_SELF))
				break;
			if (!(st->t[y].cls & C_YOU))
				continue;
			for (size_t z = y; z < st->nt && z <= y + 3; z++) {
				if (negation_at(st, z))
					break;
				if (st->t[z].cls & C_HARM) {
					*a = h, *b = z;
					return true;
				}
			}
			break;
		}
	}
	return false;
}

/*
 * "Typical Karen", "typisch Ossi": the sneer word right before a group or
 * name-calling; "Muslims like you", "senin gibi göçmenler": a group next to
 * "like you".
 */
static bool sneer_at_group(const struct sentence *st, size_t *a, size_t *b)
{
	for (size_t k = 0; k + 1 < st->nt; k++) {
		if ((st->t[k].cls & C_SOCIAL) && (st->t[k + 1].cls & C_LIKEYOU) && !st->t[k + 1].gap) {
			*a = k, *b = k + 1;
			return true;
		}
		if ((st->t[k + 1].cls & C_SOCIAL) && (st->t[k].cls & C_LIKEYOU) && !st->t[k + 1].gap) {
			*a = k, *b = k + 1;
			return true;
		}
		if (!(st->t[k].cls & C_TYPICAL) || st->t[k + 1].gap)
			continue;
		if (st->t[k + 1].cls & (C_SOCIAL | C_PEOPLE)) {
			*a = k, *b = k + 1;
			return true;
		}
		for (size_t j = 0; j < st->nm; j++)
			if (st->m[j].first == k + 1 &&
			    (st->m[j].cls & (C_INSULT | C_GROUP | C_PRED | C_VOC))) {
				*a = k, *b = st->m[j].last;
				return true;
			}
	}
	return false;
}

/*
 * Is the adjective said of a kind of person in general, not of people in
 * view: right before a bare word for people, no other person near ("stupid
 * people always blame the weather", "dumme Menschen gibt es überall")?
 * "These stupid people", "their stupid men", "stupid immigrants" (a group
 * by origin or creed: contempt for it) stay aimed, and so do people in a
 * scene, a participle after them ("stupid people crashing their bikes").
 */
static bool said_of_a_kind(const struct sentence *st, const struct match *m)
{
	size_t a = m->first, b = m->last;
	if (b + 1 >= st->nt || !(st->t[b + 1].cls & C_PEOPLE) || (st->t[b + 1].cls & C_SOCIAL) ||
	    st->t[b + 1].gap)
		return false;
	if (a > 0 && (st->t[a - 1].cls & (C_DEMO | C_POSS | C_QUANT | C_PROF | C_PEOPLE)))
		return false;
	if (b + 2 < st->nt) {
		const struct tok *n = &st->t[b + 2];
		if ((n->cls & C_PEOPLE) || (n->n > 4 && !memcmp(n->w + n->n - 3, "ing", 3)))
			return false;   /* "stupid people crashing": a scene, as a caption has it */
	}
	return !(a > 1 && (st->t[a - 2].cls & C_PEOPLE));
}

/*
 * Does a word of cls come right before token a, or before one insulting
 * adjective or profanity right before it ("their shitty rules", "ihren
 * dummen scheiß Partys", "some stupid idiots"), no gap between? "In some cases
 * idiots win" has a word of no class between.
 */
static bool after_word(const struct sentence *st, long a, tclass cls)
{
	if (a > 0 && (st->t[a - 1].cls & cls) && !st->t[a].gap)
		return true;
	if (a < 2 || !(st->t[a - 2].cls & cls) || st->t[a].gap || st->t[a - 1].gap)
		return false;
	for (size_t j = 0; j < st->nm; j++)   /* a token keeps no hit class; its match does */
		if (st->m[j].first == a - 1 && st->m[j].last == a - 1 &&
		    (st->m[j].cls & (C_ADJ | C_PROF)))
			return true;
	return false;
}

/*
 * Turkish says "you are" with a suffix: "ne kadar zavallı birisin", "en
 * aptal adamsın". Is the word after the adjective at b, with no gap, one
 * ending in -sın/-sin/-sun/-sün (or -sınız…), in a sentence with a letter
 * only Turkish writes (ı ş ğ)? ("stupid cousin" has none.)
 */
static bool turkish_you_after(const struct sentence *st, size_t b)
{
	static const char *const ends[] = { "s\xc4\xb1n", "sin", "sun", "s\xc3\xbcn",
					    "s\xc4\xb1n\xc4\xb1z", "siniz", "sunuz",
					    "s\xc3\xbcn\xc3\xbcz" };
	if (b + 1 >= st->nt || st->t[b + 1].gap)
		return false;
	const struct tok *w = &st->t[b + 1];
	bool ends_so = false;
	for (size_t i = 0; i < sizeof(ends) / sizeof(*ends) && !ends_so; i++) {
		size_t n = strlen(ends[i]);
		ends_so = w->n > n + 1 && !memcmp(w->w + w->n - n, ends[i], n);
	}
	if (!ends_so)
		return false;
	const char *t = st->text;
	for (size_t i = st->t[0].s; i + 1 < st->t[st->nt - 1].e; i++)
		if (((unsigned char)t[i] == 0xc4 && ((unsigned char)t[i + 1] == 0xb1 ||
						     (unsigned char)t[i + 1] == 0x9f)) ||
		    ((unsigned char)t[i] == 0xc5 && (unsigned char)t[i + 1] == 0x9f))
			return true;
	return false;
}

/*
 * Does the writer laugh after byte `from`: a laughing, grinning or winking
 * emoji (😂 🤣 😆 😄 😉 😜)
 * or a written laugh ("haha", "lol", "lmao", "jaja", "kkkk", "mdr", "xD",
 * "хаха", "wkwk") in what is left of the message? Name-calling or "shut up"
 * followed by a laugh is banter between friends ("shut up you muppet, I won
 * 😂"); a laugh before it ("lol sure, and I'm the Pope") is no excuse.
 */
static bool laughs_after(const struct sentence *st, size_t from)
{
	static const char *const written[] = { "haha", "hehe", "lol", "lmao", "lmfao", "rofl",
					       "jaja", "jeje", "kkkk", "rsrs", "mdr", "ptdr", "xd",
					       "wkwk", "\xd1\x85\xd0\xb0\xd1\x85\xd0\xb0",
					       "\xd0\xb0\xd1\x85\xd0\xb0\xd1\x85" };
	const char *t = st->text;
	size_t end = st->len - from > 400 ? from + 400 : st->len;
	for (size_t i = from; i < end; i++) {
		unsigned char b = (unsigned char)t[i];
		if (b == 0xf0 && i + 3 < st->len && (unsigned char)t[i + 1] == 0x9f) {
			unsigned c2 = (unsigned char)t[i + 2], c3 = (unsigned char)t[i + 3];
			/* 😀 😁 😂 😃 😄 😅 😆 😉 😛 😜 😝 😹, 🤣 🤪: laughing, grinning,
			 * winking, a tongue out */
			if ((c2 == 0x98 && (c3 <= 0x86 || c3 == 0x89 || (c3 >= 0x9b && c3 <= 0x9d) ||
					    c3 == 0xb9)) ||
			    (c2 == 0xa4 && (c3 == 0xa3 || c3 == 0xaa)))
				return true;
			continue;
		}
		if (i > from && letter_at(t, st->len, i - 1))
			continue;   /* a laugh starts a word */
		for (size_t k = 0; k < sizeof(written) / sizeof(*written); k++) {
			size_t n = strlen(written[k]), j = 0;
			while (j < n && i + j < st->len &&
			       ((unsigned char)t[i + j] < 0x80 ? (t[i + j] | 32) : t[i + j]) == written[k][j])
				j++;
			if (j < n)
				continue;
			/* drawn out with its own letters ("hahaha", "lolol", "xDDD"), then no letter */
			while (i + j < st->len && (unsigned char)t[i + j] < 0x80 &&
			       memchr(written[k], t[i + j] | 32, n))
				j++;
			if (!letter_at(t, st->len, i + j) || (unsigned char)t[i] >= 0x80)
				return true;
		}
	}
	return false;
}

/*
 * Is a lack ("no brain", "no taste buds") said of someone: a word for the
 * person addressed, for others or a name within six words before it, no
 * gap and no word for the writer between ("you clearly have no life",
 * "someone who has no taste buds"; not "I have no life", "the soup has no
 * taste"), and the lack ends its clause ("no life insurance" is a policy)?
 */
static bool lack_of_someone(const struct sentence *st, const struct match *m)
{
	size_t after = (size_t)m->last + 1;
	if (after < st->nt && !st->t[after].gap && st->t[after].n > 3)
		return false;
	for (long k = (long)m->first - 1; k >= 0 && k >= (long)m->first - 6; k--) {
		if (st->t[k + 1].gap || negation_at(st, (size_t)k) || (st->t[k].cls & C_SELF))
			return false;
		if (st->t[k].cls & (C_YOU | C_PEOPLE | C_NAME))
			return true;
	}
	return false;
}

/*
 * Sarcastic congratulation: praise, then the person addressed, "the only"
 * and a failure, in this order in one sentence ("Congratulations, you're
 * the only customer who couldn't find a door", "enhorabuena, eres el único
 * que no supo leerlo"). "Congratulations, you're the only one who didn't
 * miss a day" names no failure. The span in *a, *b.
 */
static bool mock_praise(const struct sentence *st, size_t *a, size_t *b)
{
	size_t k = 0;
	while (k < st->nt && !(st->t[k].cls & C_PRAISE))
		k++;
	size_t p = k;
	while (k < st->nt && !(st->t[k].cls & C_YOU))
		k++;
	size_t y = k;
	while (k < st->nt && k <= y + 3 && !(st->t[k].cls & C_ONLY))
		k++;
	if (k >= st->nt || k > y + 3)
		return false;
	for (size_t f = k + 1; f < st->nt && f <= k + 8; f++)
		if (st->t[f].cls & C_CANNOT) {
			*a = p, *b = f;
			return true;
		}
	return false;
}

/* A sentence that is one word or phrase of scorn, intensifiers and handles
 * aside ("Pathetic.", "Grow up.", "Ok boomer"): true, with its first and
 * last token in *a and *b. */
static bool verdict_words(const struct sentence *st, long *a, long *b)
{
	long w = -1;
	bool words = true;   /* every other token a handle or an intensifier */
	for (size_t k = 0; k < st->nt && words; k++) {
		tclass c = st->t[k].cls;
		if (c & (C_HANDLE | C_INTENS))
			continue;
		if (!(c & C_VERDICT) || w >= 0)
			words = false;
		w = (long)k;
	}
	if (words && w >= 0) {
		*a = *b = w;
		return true;
	}
	for (size_t j = 0; j < st->nm; j++) {
		const struct match *m = &st->m[j];
		if (!(m->cls & C_VERDICT) || m->first == m->last)
			continue;
		size_t k = 0;
		while (k < st->nt && ((k >= m->first && k <= m->last) ||
				      (st->t[k].cls & (C_HANDLE | C_INTENS))))
			k++;
		if (k == st->nt) {
			*a = m->first, *b = m->last;
			return true;
		}
	}
	return false;
}

/* Where the intensifiers before word a start ("he is so very stupid"): the
 * people a word is said of are that far from it. */
static long intensified_from(const struct sentence *st, long a)
{
	while (a > 0 && (st->t[a - 1].cls & C_INTENS) && !st->t[a].gap)
		a--;
	return a;
}

static bool judge(struct sentence *st, struct tone_hit *hit)
{
	size_t ha, hb;
	if (harm_wished(st, &ha, &hb)) {
		*hit = (struct tone_hit){ st->t[ha].s, st->t[hb].e, 0.9, "violent wish" };
		return true;
	}
	if (sneer_at_group(st, &ha, &hb)) {
		*hit = (struct tone_hit){ st->t[ha].s, st->t[hb].e, 0.7, "contempt" };
		return true;
	}
	bool praise = false;
	for (size_t k = 0; k < st->nt; k++)
		praise |= (st->t[k].cls & C_PRAISE) != 0;
	if (praise && mock_praise(st, &ha, &hb)) {
		*hit = (struct tone_hit){ st->t[ha].s, st->t[hb].e, 0.7, "mocking" };
		return true;
	}
	for (size_t j = 0; j < st->nm; j++) {
		const struct match *m = &st->m[j];
		if (!(m->cls & C_HITS) || in_idiom(st, m))
			continue;
		long a = m->first, b = m->last;
		int self;
		double score = 0;
		const char *why = NULL;
		bool negated = m->first > 0 && !st->t[m->first].gap && negation_at(st, m->first - 1);
		if (m->cls & C_QUESTION) {
			if (negated ||
			    asks_after(st, st->t[m->last].e))
				continue;   /* "not a dumb question", "stupid question: open on Sunday?" */
			score = 0.9, why = "contempt";
		} else if (m->cls & C_CONTEMPT) {
			if (negated)
				continue;   /* "not a dumb question at all", "don't break your neck" */
			score = 0.9, why = "contempt";
		} else if (m->cls & C_LACK) {
			if (lack_of_someone(st, m))
				score = 0.8, why = "insult";
		} else if ((m->cls & (C_INSULT | C_ADJ | C_GROUP | C_WISH | C_PRED | C_VOC)) &&
			   (self = self_or_denied(st, m)) != AIMED) {
			if (self == SELF && (m->cls & (C_INSULT | C_GROUP)))
				remember_self(st, m);
			continue;
		} else if (m->cls & C_WISH) {
			score = 0.9, why = "violent wish";
		} else if (m->cls & C_INSULT) {
			score = 0.9, why = "name-calling";
		} else if ((m->cls & (C_ADJ | C_GROUP)) &&
			   (near(st, a - 4, b + 4, m->first, m->last, C_YOU) ||
			    (near(st, intensified_from(st, a) - 2, b + 2, m->first, m->last, C_PEOPLE) &&
			     !said_of_a_kind(st, m)) ||
			    named_target(st, m) ||
			    ((m->cls & C_ADJ) && near(st, a - 1, b + 1, m->first, m->last, C_UTTER)) ||
			    ((m->cls & C_ADJ) && turkish_you_after(st, (size_t)b)) ||
			    ((m->cls & C_GROUP) &&
			     (near(st, a - 2, a - 1, m->first, m->last, C_PROF | C_DEMO) ||
			      after_word(st, a, C_QUANT))))) {
			score = 0.8, why = "insult";
		} else if ((m->cls & (C_PRED | C_VOC)) &&
			   (said_of_you(st, m) || named_target(st, m) || said_of_these(st, m) ||
			    like_you(st, m) || called_you(st, m) ||
			    ((m->cls & C_VOC) && addressed(st, m)))) {
			score = 0.8, why = "insult";
		} else if ((m->cls & C_PROF) && !praise &&
			   (near(st, a - 2, b + 2, m->first, m->last, C_YOU) || said_of_you(st, m) ||
			    near(st, b + 1, b + 2, m->first, m->last, C_PEOPLE) ||
			    after_word(st, a, C_POSS) ||
			    named_target(st, m))) {
			score = 0.7, why = "profanity at someone";
		}
		if (why && !(m->cls & (C_WISH | C_GROUP)) && laughs_after(st, st->t[b].e))
			continue;   /* banter: "shut up you muppet, I won 😂" */
		if (why) {
			*hit = (struct tone_hit){ st->t[a].s, st->t[b].e, score, why };
			return true;
		}
	}
	long va, vb;
	if (verdict_words(st, &va, &vb) && !laughs_after(st, st->t[vb].e)) {
		if (st->reply || st->you_seen) {
			*hit = (struct tone_hit){ st->t[va].s, st->t[vb].e, 0.7, "contempt" };
			return true;
		}
		if (!st->verdict) {
			st->verdict = true;
			st->verdict_s = st->t[va].s, st->verdict_e = st->t[vb].e;
		}
	}
	return false;
}

/* Substring matches in a run of Han and kana t[s..e), each made a token. */
static void scan_cjk(struct sentence *st, const char *t, size_t n, size_t s, size_t e)
{
	size_t before = st->nt;
	uint32_t prev = 0;
	for (size_t i = s; i < e && st->nt < MAXTOK;) {
		size_t l;
		uint32_t c = decode(t, n, i, &l);
		unsigned b = cjk_hash(c);
		const struct cjk *hit = NULL;
		for (uint32_t q = cjk_bucket[b]; q < cjk_bucket[b + 1] && !hit; q++) {
			const struct cjk *x = &cjks[q];
			if (x->first != c || x->n > n - i)
				continue;
			size_t k = 0;
			while (k < x->n && (t[i + k] >= 'A' && t[i + k] <= 'Z' ? t[i + k] + 32 : t[i + k]) ==
						   x->s[k])
				k++;
			if (k < x->n)
				continue;
			if ((is_hiragana(c) && is_hiragana(prev)) || (is_katakana(c) && is_katakana(prev)))
				continue;
			if (i + x->n < n) {
				size_t l2;
				uint32_t next = decode(t, n, i + x->n, &l2);
				if (is_katakana(x->last) && is_katakana(next))
					continue;
				if (is_hiragana(x->last) && x->chars <= 2 && is_hiragana(next))
					continue;
			}
			hit = x;
		}
		if (hit) {
			struct tok *tk = push(st, i, i + hit->n);
			tk->cls = hit->cls & ~C_HITS;
			add_match(st, st->nt - 1, st->nt - 1, hit->cls);
			i += hit->n;
			prev = hit->last;
			continue;
		}
		prev = c;
		i += l;
	}
	if (st->nt == before && st->nt < MAXTOK)
		push(st, s, e);
}

/* Does the word t[s..e) start with a capital and go on in small letters ("Dana", not "NASA")? */
static bool capitalised(const char *t, size_t n, size_t s, size_t e)
{
	unsigned char b0 = (unsigned char)t[s], b1 = s + 1 < e ? (unsigned char)t[s + 1] : 0;
	if (b0 < 0x80 && b1 < 0x80)   /* ASCII, most words: no table needed */
		return b0 >= 'A' && b0 <= 'Z' && b1 >= 'a' && b1 <= 'z';
	size_t l1, l2;
	uint32_t c1 = decode(t, n, s, &l1);
	if (s + l1 >= e || utf8proc_category((utf8proc_int32_t)c1) != UTF8PROC_CATEGORY_LU)
		return false;
	uint32_t c2 = decode(t, n, s + l1, &l2);
	return utf8proc_category((utf8proc_int32_t)c2) == UTF8PROC_CATEGORY_LL;
}

/*
 * The capitalised word just pushed may be a name: inside a sentence unless
 * a determiner or a word of no name comes right before ("the Plan", "das
 * Wetter"); a first word only as the first of two capitalised ones ("Harald
 * Lesch"), which then makes both names.
 */
static void mark_name(struct sentence *st)
{
	size_t k = st->nt - 1, first = 0;
	while (first < k && (st->t[first].cls & C_HANDLE))
		first++;
	st->t[k].capital = true;
	if (k == first)
		return;   /* a sentence's first word waits for the next */
	struct tok *prev = &st->t[k - 1];
	if (prev->cls & C_DET)
		return;
	if (k - 1 == first && prev->capital)
		prev->cls |= C_NAME;
	st->t[k].cls |= C_NAME;
}

static bool starts_with(const char *t, size_t n, size_t i, const char *p)
{
	size_t k = strlen(p);
	return n - i >= k && !strncmp(t + i, p, k);
}

static bool letter_at(const char *t, size_t n, size_t i)
{
	if (i >= n)
		return false;
	unsigned char b = (unsigned char)t[i];
	return b >= 0x80 || ((b | 32) >= 'a' && (b | 32) <= 'z') || (b >= '0' && b <= '9');
}

/*
 * Does a single quotation open at t[i] ("'" or U+2018 after a space or the
 * start, before a letter), closed on the same line ("'" or U+2019 after
 * something other than a space, before no letter)? The byte after the
 * close in *end. "you're", "the students' work" and "'cause" open none.
 */
static bool single_quote(const char *t, size_t n, size_t i, size_t *end)
{
	size_t open = t[i] == '\'' ? 1 : starts_with(t, n, i, "\xe2\x80\x98") ? 3 : 0;
	if (!open || (i > 0 && t[i - 1] != ' ' && t[i - 1] != '\n' && t[i - 1] != '(') ||
	    !letter_at(t, n, i + open))
		return false;
	for (size_t j = i + open; j < n && j < i + 300 && t[j] != '\n'; j++) {
		size_t close = t[j] == '\'' ? 1 : starts_with(t, n, j, "\xe2\x80\x99") ? 3 : 0;
		if (close && t[j - 1] != ' ' && !letter_at(t, n, j + close)) {
			*end = j + close;
			return true;
		}
	}
	return false;
}

bool tone_scan(const char *text, size_t len, struct tone_hit *hit)
{
	pthread_once(&once, build);
	struct sentence st;
	st.text = text, st.len = len;
	st.nself = 0;
	st.nt = st.nm = 0;
	st.gap = false;
	st.you_seen = st.verdict = false;
	size_t lead = 0;
	while (lead < len && (text[lead] == ' ' || text[lead] == '\n'))
		lead++;
	st.reply = lead < len && text[lead] == '@';
	bool quoted = false, line_start = true;
	size_t i = 0;
	while (i <= len) {
		size_t l = 1;
		enum ch c = i < len ? class_at(text, len, i, &l) : CH_BREAK;
		if (line_start && i < len && text[i] == '>') {   /* a quoted line */
			while (i < len && text[i] != '\n')
				i++;
			continue;
		}
		if (c == CH_SPACE && (i >= len || text[i] == ' ' || text[i] == '\t')) {
			i += l;
			continue;
		}
		line_start = false;
		if (c == CH_BREAK || c == CH_QUOTE || st.nt == MAXTOK) {
			if (st.nt && judge(&st, hit))
				return true;
			st.nt = st.nm = 0;
			st.gap = false;
			if (c == CH_QUOTE)
				quoted = !quoted;
			if (i < len && text[i] == '\n')
				quoted = false, line_start = true;
			if (st.nt == 0 && c != CH_BREAK && c != CH_QUOTE)
				continue;   /* a cut sentence: the word is read next */
			i += l;
			continue;
		}
		size_t qend;
		/* "he is 'a bit of a twat'": after a copula the quote is the writer's own word */
		if (!quoted && (text[i] == '\'' || (unsigned char)text[i] == 0xe2) &&
		    single_quote(text, len, i, &qend) &&
		    !(st.nt && (st.t[st.nt - 1].cls & C_COPULA))) {
			if (st.nt && judge(&st, hit))
				return true;   /* the words before it; what is quoted is not the writer's */
			st.nt = st.nm = 0;
			st.gap = false;
			i = qend;
			continue;
		}
		if (c == CH_GAP) {
			st.gap = true;
			i += l;
			continue;
		}
		if (c == CH_SPACE) {
			if (text[i] == '@' && i + 1 < len &&
			    char_class((unsigned char)text[i + 1]) == CH_WORD) {
				size_t s = i++;
				while (i < len && (char_class((unsigned char)text[i]) == CH_WORD || text[i] == '_'))
					i++;
				if (!quoted) {
					bool inside = st.nt && !(st.t[st.nt - 1].cls & C_HANDLE);
					push(&st, s, i)->cls = C_HANDLE | (inside ? C_NAME : 0);
				}
				continue;
			}
			i += l;
			continue;
		}
		if ((text[i] == 'h' || text[i] == 'w') &&
		    (starts_with(text, len, i, "http://") || starts_with(text, len, i, "https://") ||
		     starts_with(text, len, i, "www."))) {
			while (i < len && text[i] != ' ' && text[i] != '\n')
				i++;
			continue;
		}
		size_t s = i;
		while (i < len) {
			size_t l2;
			enum ch d = class_at(text, len, i, &l2);
			if (d != c && !(text[i] == '*' && c == CH_WORD && i > s && i + 1 < len &&
					char_class((unsigned char)text[i + 1]) == CH_WORD))
				break;
			i += l2;
		}
		if (quoted)
			continue;
		if (c == CH_CJK) {
			scan_cjk(&st, text, len, s, i);
			continue;
		}
		struct tok *t = push(&st, s, i);
		t->n = (uint8_t)fold(text + s, i - s, t->w);
		if (!t->n)
			continue;
		uint8_t ends;
		tclass cls = word_class(t->w, t->n, &ends);
		if (cls & C_YOU) {
			st.you_seen = true;
			if (st.verdict) {   /* "Pathetic. You had one job": the verdict was aimed */
				*hit = (struct tone_hit){ st.verdict_s, st.verdict_e, 0.7, "contempt" };
				return true;
			}
		}
		if (cls)
			add_match(&st, st.nt - 1, st.nt - 1, cls);
		else if (capitalised(text, len, s, i))
			mark_name(&st);
		if (ends)
			match_phrases(&st, ends);
	}
	return false;
}
