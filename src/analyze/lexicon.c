/*
 * lexicon: phrase tables built from the files of src/analyze/lexicon/ (lexicon.h).
 *
 * The phrases are normalized and folded once, sorted by their first two
 * bytes, and indexed by those bytes: a scan looks at each character start
 * of the text once, and compares only the few phrases of its bucket.
 */
#include "lexicon.h"
#include "once.h"
#include "text.h"
#include "xalloc.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *family, *lang, *phrase;
} raw[] = {
#include "lexicon_data.h"
};

#define NRAW (sizeof(raw) / sizeof(raw[0]))

static const char *const family_names[LEX__COUNT] = {
	[LEX_FOLLOW_THANKS] = "autodm-follow", [LEX_FOOTER] = "autodm-footer",
	[LEX_SCAM] = "autodm-scam",            [LEX_PROMO] = "autodm-promo",
	[LEX_NOTICE] = "autodm-notice",        [LEX_CONTACT] = "autodm-contact",
	[LEX_OFFER] = "autodm-offer",
	[LEX_DISCLAIM] = "autodm-disclaim",
	[LEX_AUTOREPLY] = "autodm-autoreply",  [LEX_MESSENGER] = "autodm-messenger",
	[LEX_THANKS] = "autodm-thanks",        [LEX_LABEL] = "autodm-label",
	[LEX_SIGNED] = "autodm-signed",        [LEX_FOLLOWWORD] = "autodm-followword",
	[LEX_DECLINE] = "autodm-decline",
	[LEX_INSULT] = "tone-insult",          [LEX_CONTEMPT] = "tone-contempt",
	[LEX_PII_PHONE] = "pii-phone",
	[LEX_PII_NATID] = "pii-natid",
	[LEX_PII_ACCOUNT] = "pii-account",
	[LEX_PII_REF] = "pii-ref",
	[LEX_PII_SECRET] = "pii-secret",
	[LEX_PII_CODE] = "pii-code",
	[LEX_PII_DOB] = "pii-dob",
	[LEX_PII_CODEMOD] = "pii-codemod",
	[LEX_PII_STREET] = "pii-street",
	[LEX_PII_STREETPRE] = "pii-streetpre",
	[LEX_PII_ADDRLINK] = "pii-addrlink",
	[LEX_PII_FILLER] = "pii-filler",
	[LEX_PII_CARD] = "pii-card",
	[LEX_PII_STREETSUFFIX] = "pii-streetsuffix",
	[LEX_PII_USER] = "pii-user",
	[LEX_PII_ADDRMARK] = "pii-addrmark",
	[LEX_PII_ADDRESS] = "pii-address",
	[LEX_PII_CONFIRM] = "pii-confirm",
	[LEX_TONE_ADJ] = "tone-adjective",     [LEX_TONE_PROF] = "tone-profanity",
	[LEX_TONE_YOU] = "tone-you",           [LEX_TONE_PEOPLE] = "tone-people",
	[LEX_TONE_SELF] = "tone-self",         [LEX_TONE_PRAISE] = "tone-praise",
	[LEX_TONE_NEG] = "tone-negation",      [LEX_TONE_IDIOM] = "tone-idiom",
	[LEX_TONE_GROUP] = "tone-group",       [LEX_TONE_WISH] = "tone-wish",
	[LEX_TONE_COPULA] = "tone-copula",     [LEX_TONE_DET] = "tone-determiner",
	[LEX_TONE_SOCIAL] = "tone-social",     [LEX_TONE_DEMO] = "tone-demonstrative",
	[LEX_TONE_QUESTION] = "tone-question", [LEX_TONE_PRED] = "tone-predicate",
	[LEX_TONE_VOC] = "tone-vocative",      [LEX_TONE_INTENS] = "tone-intensifier",
	[LEX_TONE_LIKEYOU] = "tone-likeyou",   [LEX_TONE_HOPE] = "tone-hope",
	[LEX_TONE_HARM] = "tone-harm",         [LEX_TONE_TYPICAL] = "tone-typical",
	[LEX_TONE_UTTER] = "tone-utterance",   [LEX_TONE_POSS] = "tone-possessive",
	[LEX_TONE_QUANT] = "tone-quantifier",  [LEX_TONE_LACK] = "tone-lack",
	[LEX_TONE_ONLY] = "tone-only",         [LEX_TONE_CANNOT] = "tone-cannot",
	[LEX_TONE_VERDICT] = "tone-verdict",
};

struct phrase {
	char *s;          /* normalized, folded */
	size_t n;
	bool prefix;      /* written with a trailing '*' */
	bool suffix;      /* written with a leading '*': may end a longer word */
	uint8_t family;   /* its entry's, kept here for the scan's inner loop */
	uint32_t entry;   /* index into entries */
};

static struct lex_entry entries[NRAW ? NRAW : 1];
static struct phrase *phrases;    /* sorted by their first two bytes */
static uint32_t *bucket_start;    /* 65537 offsets into phrases */
static uint64_t bucket_used[1024];  /* a bit per bucket: 8 KiB that stay in cache */
static uint64_t suffix_used[1024];  /* the same, for buckets that hold a suffix ("*follow") */
static uint64_t *bucket_families;   /* per bucket, the families of its phrases */
static uint64_t suffix_families;    /* the families with phrases that may end a word */
static size_t nphrases;
static struct once once = ONCE_INIT;

/*
 * Look-alike letters of Cyrillic and Greek, lower case (the text is case
 * folded), as the two UTF-8 bytes they take, and the ASCII letter they pass
 * for. Only letters that a reader takes for Latin ones are here.
 */
static const struct {
	unsigned char b0, b1;
	char ascii;
} lookalikes[] = {
	{ 0xd0, 0xb0, 'a' }, { 0xd0, 0xb2, 'b' }, { 0xd0, 0xb5, 'e' }, { 0xd0, 0xba, 'k' },
	{ 0xd0, 0xbc, 'm' }, { 0xd0, 0xbd, 'h' }, { 0xd0, 0xbe, 'o' }, { 0xd1, 0x80, 'p' },
	{ 0xd1, 0x81, 'c' }, { 0xd1, 0x82, 't' }, { 0xd1, 0x83, 'y' }, { 0xd1, 0x85, 'x' },
	{ 0xd1, 0x95, 's' }, { 0xd1, 0x96, 'i' }, { 0xd1, 0x98, 'j' }, { 0xd2, 0xbb, 'h' },
	{ 0xd3, 0x8f, 'l' }, { 0xd4, 0x81, 'd' }, { 0xd4, 0x9b, 'q' }, { 0xd4, 0x9d, 'w' },
	{ 0xce, 0xb1, 'a' }, { 0xce, 0xb2, 'b' }, { 0xce, 0xb5, 'e' }, { 0xce, 0xb7, 'h' },
	{ 0xce, 0xb9, 'i' }, { 0xce, 0xba, 'k' }, { 0xce, 0xbc, 'm' }, { 0xce, 0xbd, 'v' },
	{ 0xce, 0xbf, 'o' }, { 0xcf, 0x81, 'p' }, { 0xcf, 0x84, 't' }, { 0xcf, 0x85, 'u' },
	{ 0xcf, 0x87, 'x' },
};

/* The look-alike's ASCII letter for the two bytes at p, or 0. */
static char lookalike(const unsigned char *p, size_t avail)
{
	if (avail < 2 || (p[0] != 0xd0 && p[0] != 0xd1 && p[0] != 0xd2 && p[0] != 0xd3 &&
			  p[0] != 0xd4 && p[0] != 0xce && p[0] != 0xcf))
		return 0;
	for (size_t i = 0; i < sizeof(lookalikes) / sizeof(lookalikes[0]); i++)
		if (lookalikes[i].b0 == p[0] && lookalikes[i].b1 == p[1])
			return lookalikes[i].ascii;
	return 0;
}

/* The folded byte at t[*i] (advancing *i past what it stood for). */
static inline unsigned char folded(const char *t, size_t n, size_t *i)
{
	unsigned char c = (unsigned char)t[*i];
	if (c < 0xce || c > 0xd4) {
		(*i)++;   /* no look-alike starts so: the common case */
		return c;
	}
	char a = lookalike((const unsigned char *)t + *i, n - *i);
	if (a) {
		*i += 2;
		return (unsigned char)a;
	}
	return (unsigned char)t[(*i)++];
}

static bool is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Is the character that ends right before t[i] a letter or digit that passes for ASCII? */
static bool alnum_before(const char *t, size_t i)
{
	if (i >= 1 && is_alnum((unsigned char)t[i - 1]))
		return true;
	return i >= 2 && lookalike((const unsigned char *)t + i - 2, 2);
}

static bool alnum_at(const char *t, size_t n, size_t i)
{
	if (i >= n)
		return false;
	if (is_alnum((unsigned char)t[i]))
		return true;
	return lookalike((const unsigned char *)t + i, n - i) != 0;
}

static int cmp_phrase(const void *x, const void *y)
{
	const struct phrase *a = x, *b = y;
	unsigned ka = ((unsigned char)a->s[0] << 8) | (unsigned char)a->s[1];
	unsigned kb = ((unsigned char)b->s[0] << 8) | (unsigned char)b->s[1];
	if (ka != kb)
		return ka < kb ? -1 : 1;
	/* within a bucket the two-byte phrases first, then by third byte: a
	 * text's third byte finds its phrases by a binary search */
	unsigned ta = a->n > 2 ? (unsigned char)a->s[2] + 1u : 0, tb = b->n > 2 ? (unsigned char)b->s[2] + 1u : 0;
	if (ta != tb)
		return ta < tb ? -1 : 1;
	return a->entry < b->entry ? -1 : a->entry > b->entry;
}

/* In phrases[s, e) of one bucket: the first whose third byte is b2 or more. */
static uint32_t third_at(uint32_t s, uint32_t e, int b2)
{
	while (s < e) {
		uint32_t m = s + (e - s) / 2;
		const struct phrase *p = &phrases[m];
		if (p->n <= 2 || (unsigned char)p->s[2] < b2)
			s = m + 1;
		else
			e = m;
	}
	return s;
}

static void build(void)
{
	struct buf norm = BUF_INIT;
	phrases = xcalloc(NRAW ? NRAW : 1, sizeof(*phrases));
	for (size_t i = 0; i < NRAW; i++) {
		enum lex_family f = LEX__COUNT;
		for (int k = 0; k < LEX__COUNT; k++)
			if (!strcmp(raw[i].family, family_names[k]))
				f = (enum lex_family)k;
		entries[i] = (struct lex_entry){ f, raw[i].lang, raw[i].phrase };
		if (f == LEX__COUNT)
			continue; /* a file with no family: the unit test names it */
		const char *ph = raw[i].phrase;
		bool suffix = ph[0] == '*';
		size_t len = strlen(ph + suffix);
		bool prefix = len && ph[suffix + len - 1] == '*';
		buf_reset(&norm);
		text_normalize(ph + suffix, prefix ? len - 1 : len, &norm);
		struct buf fold = BUF_INIT;
		for (size_t j = 0; j < norm.len;)
			buf_addc(&fold, (char)folded(norm.s, norm.len, &j));
		if (fold.len < 2) {
			buf_release(&fold);
			continue;
		}
		phrases[nphrases++] = (struct phrase){ xstrndup(fold.s, fold.len), fold.len, prefix,
						       suffix, (uint8_t)f, (uint32_t)i };
		buf_release(&fold);
	}
	buf_release(&norm);
	qsort(phrases, nphrases, sizeof(*phrases), cmp_phrase);
	bucket_start = xcalloc(65537, sizeof(*bucket_start));
	bucket_families = xcalloc(65536, sizeof(*bucket_families));
	for (size_t i = 0; i < nphrases; i++) {
		unsigned k = ((unsigned char)phrases[i].s[0] << 8) | (unsigned char)phrases[i].s[1];
		bucket_start[k + 1]++;
		bucket_families[k] |= 1ull << entries[phrases[i].entry].family;
		if (phrases[i].suffix) {
			suffix_families |= 1ull << entries[phrases[i].entry].family;
			suffix_used[k >> 6] |= 1ull << (k & 63);
		}
	}
	for (size_t k = 0; k < 65536; k++) {
		if (bucket_start[k + 1])
			bucket_used[k >> 6] |= 1ull << (k & 63);
		bucket_start[k + 1] += bucket_start[k];
	}
}

static void init(void)
{
	once_run(&once, build);   /* once built, a load, not a call, per scan */
}

/* Does phrase p match at t[i]? Sets *end to the byte after the match. */
static bool match_at(const char *t, size_t n, size_t i, const struct phrase *p, size_t *end)
{
	size_t j = i;
	for (size_t k = 0; k < p->n; k++) {
		if (j >= n || folded(t, n, &j) != (unsigned char)p->s[k])
			return false;
	}
	if (!p->prefix && is_alnum((unsigned char)p->s[p->n - 1]) && alnum_at(t, n, j))
		return false;
	*end = j;
	return true;
}

/* Walk the matches from `from`; fn returns true to stop. */
static void walk(const char *t, size_t n, size_t from, uint64_t want,
		 bool (*fn)(void *, const struct phrase *, size_t, size_t), void *ctx)
{
	init();
	bool suffixes = (suffix_families & want) != 0;
	for (size_t i = from; i + 1 < n; i++) {
		unsigned char c = (unsigned char)t[i];
		if (c >= 0x80 && c < 0xc0)
			continue; /* inside a character */
		bool in_word = i && is_alnum(c) && is_alnum((unsigned char)t[i - 1]);
		if (in_word && !suffixes)
			continue; /* inside an ASCII word, where only a suffix could start */
		size_t j = i;
		unsigned char b0, b1;
		if (c < 0x80 && (unsigned char)t[i + 1] < 0x80) {
			b0 = c, b1 = (unsigned char)t[i + 1], j = i + 2;   /* ASCII: no look-alike */
		} else {
			b0 = folded(t, n, &j);
			if (j >= n)
				break;
			b1 = folded(t, n, &j);
		}
		unsigned k = ((unsigned)b0 << 8) | b1;
		if (!(bucket_used[k >> 6] & (1ull << (k & 63))) || !(bucket_families[k] & want))
			continue;   /* no phrase starts so, or none of the families wanted */
		if (in_word && !(suffix_used[k >> 6] & (1ull << (k & 63))))
			continue;   /* inside a word only a suffix starts, and none starts so */
		uint32_t s = bucket_start[k], e = bucket_start[k + 1];
		bool inside = is_alnum(b0) && alnum_before(t, i);   /* only a suffix starts there */
		int b2 = j < n ? folded(t, n, &j) : -1;  /* the third byte rules most phrases out */
		/* the two-byte phrases and those of third byte b2, merged in the
		 * lexicon's order (a match's order is the entries') */
		uint32_t two = s, two_end = third_at(s, e, 0);   /* the two-byte ones sort first */
		uint32_t three = b2 < 0 ? e : third_at(two_end, e, b2);
		uint32_t three_end = b2 < 0 ? e : third_at(three, e, b2 + 1);
		while (two < two_end || three < three_end) {
			uint32_t q;
			if (three >= three_end || (two < two_end && phrases[two].entry < phrases[three].entry))
				q = two++;
			else
				q = three++;
			const struct phrase *p = &phrases[q];
			size_t end;
			if ((inside && !p->suffix) || !(want & (1ull << p->family)))
				continue;
			if (match_at(t, n, i, p, &end) && fn(ctx, p, i, end))
				return;
		}
	}
}

static bool add_family(void *ctx, const struct phrase *p, size_t s, size_t e)
{
	(void)s;
	(void)e;
	*(uint64_t *)ctx |= 1ull << entries[p->entry].family;
	return false;
}

uint64_t lex_scan(const char *t, size_t n, uint64_t want)
{
	uint64_t found = 0;
	walk(t, n, 0, want, add_family, &found);
	return found;
}

struct first {
	size_t start, end;
	bool found;
};

static bool take_first(void *ctx, const struct phrase *p, size_t s, size_t e)
{
	struct first *f = ctx;
	(void)p;
	f->start = s;
	f->end = e;
	f->found = true;
	return true;
}

int lex_find(const char *t, size_t n, enum lex_family f, size_t from, size_t *start,
	     size_t *end)
{
	struct first r = { 0, 0, false };
	walk(t, n, from, 1ull << f, take_first, &r);
	if (r.found) {
		*start = r.start;
		*end = r.end;
	}
	return r.found;
}

static bool add_hit(void *ctx, const struct phrase *p, size_t s, size_t e)
{
	struct lex_hits *h = ctx;
	ALLOC_GROW(h->v, h->n + 1, h->alloc);
	h->v[h->n++] = (struct lex_hit){ s, e, (enum lex_family)p->family };
	h->families |= 1ull << p->family;
	return false;
}

void lex_hits_scan(struct lex_hits *h, const char *t, size_t n, uint64_t want)
{
	h->n = 0;
	h->families = 0;
	walk(t, n, 0, want, add_hit, h);
}

int lex_hits_find(const struct lex_hits *h, enum lex_family f, size_t from, size_t *start,
		  size_t *end)
{
	for (size_t i = 0; i < h->n; i++)
		if (h->v[i].family == f && h->v[i].start >= from) {
			*start = h->v[i].start;
			*end = h->v[i].end;
			return 1;
		}
	return 0;
}

void lex_hits_release(struct lex_hits *h)
{
	free(h->v);
	memset(h, 0, sizeof(*h));
}

const char *lex_family_name(enum lex_family f)
{
	return (unsigned)f < LEX__COUNT ? family_names[f] : "?";
}

size_t lex_count(void)
{
	init();
	return NRAW;
}

const struct lex_entry *lex_entry(size_t i)
{
	init();
	return i < NRAW ? &entries[i] : NULL;
}
