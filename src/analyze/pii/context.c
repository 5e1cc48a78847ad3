/*
 * context: the scanner's keywords and their hash index. The words live in
 * the lexicon files src/analyze/lexicon/pii-*.tsv (one file a class, see
 * lexicon.h); adding a language is adding lines there. This file maps each
 * file to its class and indexes the words once, on first use, for a lookup
 * that costs one hash of a word. A pair of words ("mật khẩu") is indexed
 * whole, and its second word marked, so that the pair is looked up only after
 * that word. Nothing else knows the words.
 */
#include "lexicon.h"
#include "once.h"
#include "pii_words.h"

#include <stdint.h>
#include <pthread.h>
#include <string.h>

/* Which class each lexicon family gives its words. */
static const unsigned family_class[LEX__COUNT] = {
	[LEX_PII_PHONE] = CTX_PHONE,         [LEX_PII_NATID] = CTX_NATID,
	[LEX_PII_ACCOUNT] = CTX_ACCOUNT,     [LEX_PII_REF] = CTX_REF,
	[LEX_PII_SECRET] = CTX_SECRET,       [LEX_PII_CODE] = CTX_CODE,
	[LEX_PII_DOB] = CTX_DOB,             [LEX_PII_CODEMOD] = CTX_CODEMOD,
	[LEX_PII_STREET] = CTX_STREET,       [LEX_PII_STREETPRE] = CTX_STREETPRE,
	[LEX_PII_ADDRLINK] = CTX_ADDRLINK,   [LEX_PII_FILLER] = CTX_FILLER,
	[LEX_PII_CARD] = CTX_CARD,           [LEX_PII_USER] = CTX_USER,
	[LEX_PII_ADDRMARK] = CTX_ADDRMARK, [LEX_PII_ADDRESS] = CTX_ADDRESS,
};

#define SLOTS 4096   /* power of two, several times the words */

static unsigned char slot[SLOTS];   /* 1 when the slot holds a word */
static unsigned slot_cls[SLOTS];
static unsigned char slot_len[SLOTS];
static uint32_t slot_hash[SLOTS];   /* the full hash: most misses end without memcmp */
static struct once built = ONCE_INIT; /* reports may run on two threads */

static uint32_t hash(const char *w, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h;
}

static const char *word_of[SLOTS];   /* the word of each slot */
static uint32_t lengths;                /* bit n-1: some CJK word has n bytes */
static const char *suffixes[64];
static unsigned char suffix_len[64];
static unsigned char suffix_last[256];  /* 1 for a byte some suffix ends with */
static size_t nsuffixes;

static void add(const char *w, size_t n, unsigned cls);

/* Words listed in several files (e.g. "number") have their classes merged. */
static void build(void)
{
	for (size_t i = 0; i < lex_count(); i++) {
		const struct lex_entry *e = lex_entry(i);
		size_t n = strlen(e->phrase);
		/* the endings of street compounds are no words of their own: a list apart */
		if (e->family == LEX_PII_STREETSUFFIX) {
			if (nsuffixes < sizeof(suffixes) / sizeof(suffixes[0]) && n <= 32 && n) {
				suffix_len[nsuffixes] = (unsigned char)n;
				suffix_last[(unsigned char)e->phrase[n - 1]] = 1;
				suffixes[nsuffixes++] = e->phrase;
			}
			continue;
		}
		if ((int)e->family < LEX_PII_FIRST || (int)e->family > LEX_PII_LAST ||
		    !family_class[e->family])
			continue;   /* pii-confirm is read by exposure.c, on the next message */
		if (n == 0 || n > 32)
			continue;
		if ((unsigned char)e->phrase[0] >= 0xe0)
			lengths |= 1u << (n - 1);
		add(e->phrase, n, family_class[e->family]);
		/* a pair ("mật khẩu", "كلمة السر"): its second word is marked, so
		 * that only after that word is the pair looked up */
		const char *sp = memchr(e->phrase, ' ', n);
		if (sp && sp > e->phrase && sp + 1 < e->phrase + n)
			add(sp + 1, n - (size_t)(sp + 1 - e->phrase), CTX_PAIR);
	}
}

static void add(const char *w, size_t n, unsigned cls)
{
	uint32_t full = hash(w, n), h = full & (SLOTS - 1);
	while (slot[h] && !(slot_len[h] == n && !memcmp(word_of[h], w, n)))
		h = (h + 1) & (SLOTS - 1);
	if (!slot[h]) {
		slot[h] = 1;
		word_of[h] = w;
		slot_len[h] = (unsigned char)n;
		slot_hash[h] = full;
	}
	slot_cls[h] |= cls;
}

static void build_once(void)
{
	once_run(&built, build);
}

unsigned pii_word_class(const char *w, size_t n)
{
	return pii_word_lookup(w, n) & ~(unsigned)CTX_PAIR;
}

unsigned pii_pair_class(const char *first, size_t fn, const char *second, size_t sn)
{
	char pair[33];
	if (fn + 1 + sn > 32)
		return 0;
	memcpy(pair, first, fn);
	pair[fn] = ' ';
	memcpy(pair + fn + 1, second, sn);
	return pii_word_class(pair, fn + 1 + sn);
}

unsigned pii_word_lookup(const char *w, size_t n)
{
	build_once();   /* once built, a load: the scanner looks up every word */
	if (n == 0 || n > 32)
		return 0;
	uint32_t full = hash(w, n), h = full & (SLOTS - 1);
	while (slot[h]) {
		if (slot_hash[h] == full && slot_len[h] == n) {
			/* a byte loop: these words are a few bytes, a memcmp call costs more */
			const char *x = word_of[h];
			size_t k = 0;
			while (k < n && x[k] == w[k])
				k++;
			if (k == n)
				return slot_cls[h];
		}
		h = (h + 1) & (SLOTS - 1);
	}
	return 0;
}

int pii_street_compound(const char *w, size_t n)
{
	if (n < 6)
		return 0;
	build_once();
	if (!suffix_last[(unsigned char)w[n - 1]])
		return 0;
	for (size_t i = 0; i < nsuffixes; i++) {
		size_t k = suffix_len[i];
		if (n > k + 2 && w[n - 1] == suffixes[i][k - 1] && !memcmp(w + n - k, suffixes[i], k))
			return 1;
	}
	return 0;
}

unsigned pii_word_class_within(const char *w, size_t n)
{
	build_once();
	unsigned cls = 0;
	for (size_t i = 0; i < n; i++) {
		if (((unsigned char)w[i] & 0xc0) == 0x80)
			continue;   /* inside a character */
		for (size_t l = 1; l <= 32 && i + l <= n; l++)
			if ((lengths & (1u << (l - 1))) && (i + l == n || ((unsigned char)w[i + l] & 0xc0) != 0x80))
				cls |= pii_word_class(w + i, l);
	}
	/* "招待コード", "邀请码": the run names what kind of code it is */
	if (cls & CTX_CODEMOD)
		cls &= ~(unsigned)CTX_CODE;
	return cls;
}
