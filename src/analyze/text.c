/*
 * text: normalization, slotting, tokens, MinHash and LSH clustering (text.h).
 */
#include "once.h"
#include "text.h"
#include "xalloc.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

static bool is_ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A byte that can belong to a word: non-ASCII bytes count, so names and
 * handles in other scripts stay whole. */
static bool is_word_byte(unsigned char c)
{
	return is_ascii_alnum(c) || c == '_' || c >= 0x80;
}

static bool is_space_byte(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c < 0x20 || c == 0x7f;
}

/* Second pass: ASCII lower case, white space collapsed, apostrophes inside
 * words dropped, and (when drop_high) bytes of invalid UTF-8 dropped. */
static void tidy(const char *p, size_t n, bool drop_high, bool fold, struct buf *out)
{
	/* the output is never longer than the input: grow once, write directly */
	buf_grow(out, n + 1);
	char *o = out->s + out->len, *start = o;
	bool space = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (drop_high && c >= 0x80)
			continue;
		if (is_space_byte(c)) {
			space = true;
			continue;
		}
		if (c == '\'' && o > start && is_word_byte((unsigned char)o[-1]) &&
		    i + 1 < n && is_word_byte((unsigned char)p[i + 1]))
			continue;
		if (space && o > start)
			*o++ = ' ';
		space = false;
		*o++ = (char)((fold && c >= 'A' && c <= 'Z') ? c + 32 : c);
	}
	*o = 0;
	out->len = (size_t)(o - out->s);
}

static void normalize(const char *s, size_t n, bool fold, struct buf *out)
{
	size_t i;
	for (i = 0; i < n && (unsigned char)s[i] < 0x80; i++)
		;
	if (i == n) {
		tidy(s, n, false, fold, out);
		return;
	}
	utf8proc_uint8_t *mapped = NULL;
	utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &mapped,
					  UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
					  (fold ? UTF8PROC_CASEFOLD : 0) | UTF8PROC_IGNORE |
					  UTF8PROC_LUMP);
	if (r < 0) {
		tidy(s, n, true, fold, out);   /* invalid UTF-8: keep what is ASCII */
		return;
	}
	tidy((const char *)mapped, (size_t)r, false, fold, out);
	free(mapped);
}

void text_normalize(const char *s, size_t n, struct buf *out)
{
	normalize(s, n, true, out);
}

void text_normalize_keep_case(const char *s, size_t n, struct buf *out)
{
	normalize(s, n, false, out);
}

/* ------------------------------------------------------------------ slots */

static bool starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* Length of a link starting at s, or 0: a scheme or "www." prefix up to
 * white space, or a bare "host.tld/path". */
static size_t url_len(const char *s)
{
	size_t n = 0;
	if (!strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8) ||
	    !strncasecmp(s, "www.", 4)) {
		while (s[n] && s[n] != ' ')
			n++;
		return n;
	}
	/* host.tld/…: labels of letters, digits and '-', a dot, an alphabetic TLD, then '/' */
	bool dot = false;
	size_t tld = 0;
	while (is_ascii_alnum((unsigned char)s[n]) || s[n] == '-' || s[n] == '.') {
		if (s[n] == '.') {
			dot = true;
			tld = 0;
		} else if (dot) {
			tld = ((s[n] | 0x20) >= 'a' && (s[n] | 0x20) <= 'z') ? tld + 1 : 1000;
		}
		n++;
	}
	if (!dot || tld < 2 || tld > 24 || s[n] != '/' || s[n - 1] == '.')
		return 0;
	while (s[n] && s[n] != ' ')
		n++;
	return n;
}

/* Length of an e-mail address starting at s, or 0. */
static size_t email_len(const char *s)
{
	size_t n = 0;
	while (is_ascii_alnum((unsigned char)s[n]) || strchr("._%+-", s[n] ? s[n] : 'x') ||
	       (unsigned char)s[n] >= 0x80)
		n++;
	if (n == 0 || s[n] != '@')
		return 0;
	size_t at = n++;
	size_t dot = 0;
	while (is_ascii_alnum((unsigned char)s[n]) || s[n] == '-' || s[n] == '.' ||
	       (unsigned char)s[n] >= 0x80) {
		if (s[n] == '.')
			dot = n;
		n++;
	}
	while (n > at + 1 && s[n - 1] == '.')   /* a sentence's full stop */
		n--;
	while (dot && dot >= n)
		for (dot--; dot > at && s[dot] != '.'; dot--)
			;
	if (!dot || dot <= at + 1 || dot + 1 >= n)
		return 0;
	return n;
}

/*
 * Small numbers written as words ("drei", "three", "tres"), which campaigns
 * vary with digits ("3 Kaffeemaschinen"). "one" and its kin are left out:
 * they are articles in many languages; so are words that are common words
 * too ("sei" is "you are" in Italian, "due", "otto", "on", "dua").
 */
#define W(s) { s, sizeof(s) - 1 }
static const struct number_word {
	const char *s;
	size_t len;
} number_words[] = {
	W("two"), W("three"), W("four"), W("five"), W("six"), W("seven"), W("eight"),
	W("nine"), W("ten"), W("eleven"), W("twelve"), W("twenty"), W("fifty"),
	W("hundred"), W("zwei"), W("drei"), W("vier"), W("fünf"), W("sechs"), W("sieben"),
	W("acht"), W("neun"), W("zehn"), W("zwölf"), W("zwanzig"), W("hundert"), W("dos"),
	W("tres"), W("cuatro"), W("cinco"), W("seis"), W("siete"), W("ocho"), W("nueve"),
	W("diez"), W("veinte"), W("cien"), W("dois"), W("duas"), W("três"), W("quatro"),
	W("sete"), W("oito"), W("nove"), W("dez"), W("vinte"), W("cem"), W("deux"),
	W("trois"), W("quatre"), W("cinq"), W("sept"), W("huit"), W("neuf"), W("dix"),
	W("vingt"), W("cent"), W("tre"), W("quattro"), W("cinque"), W("sette"), W("dieci"),
	W("venti"), W("twee"), W("drie"), W("vijf"), W("zes"), W("zeven"), W("negen"),
	W("tien"), W("twintig"), W("iki"), W("üç"), W("dört"), W("beş"), W("altı"),
	W("yedi"), W("sekiz"), W("dokuz"), W("yirmi"), W("tiga"), W("empat"), W("lima"),
	W("enam"), W("tujuh"), W("delapan"), W("sembilan"), W("sepuluh"),
};
#undef W

/*
 * The length of the number word at s (a word start), or 0: the word's
 * length first, then only the number words of that length are compared
 * (this runs at every word of every message).
 */
#define NNUMBER (sizeof(number_words) / sizeof(number_words[0]))
static uint16_t number_lengths[256];   /* per first byte: bit n, some number word has n bytes */
static uint8_t number_by_first[NNUMBER];   /* the words' indexes, by first byte */
_Static_assert(NNUMBER <= 256, "number_by_first holds indexes in a byte");
static uint16_t number_first_at[257];     /* where each first byte's words begin there */

static void number_index(void)
{
	for (size_t k = 0; k < NNUMBER; k++) {
		unsigned char c = (unsigned char)number_words[k].s[0];
		number_lengths[c] |= (uint16_t)(1u << number_words[k].len);
		number_first_at[c + 1]++;
	}
	for (int c = 0; c < 256; c++)
		number_first_at[c + 1] += number_first_at[c];
	uint16_t fill[256];
	memcpy(fill, number_first_at, sizeof(fill));
	for (size_t k = 0; k < NNUMBER; k++)
		number_by_first[fill[(unsigned char)number_words[k].s[0]]++] = (uint8_t)k;
}

static size_t number_word_len(const char *s)
{
	static struct once indexed = ONCE_INIT;
	once_run(&indexed, number_index);
	if (!number_lengths[(unsigned char)s[0]])
		return 0;   /* no number word starts so: most words, one look */
	size_t n = 0;
	while (n <= 9 && is_word_byte((unsigned char)s[n]))
		n++;
	if (n < 3 || n > 9 || !(number_lengths[(unsigned char)s[0]] & (1u << n)))
		return 0;
	unsigned char c = (unsigned char)s[0];
	for (unsigned q = number_first_at[c]; q < number_first_at[c + 1]; q++) {
		const struct number_word *w = &number_words[number_by_first[q]];
		if (w->len == n && !memcmp(s, w->s, n))
			return n;
	}
	return 0;
}

void text_slot(const char *norm, const char *const *names, size_t nnames, struct buf *out,
	       struct text_slots *found)
{
	struct text_slots f = { 0, 0, 0, 0, 0 };
	const char *s = norm;
	size_t i = 0, k;
	/* most texts hold no link, address or handle: look for them only when
	 * the characters they need are there */
	bool maybe_url = strchr(s, '.') != NULL, maybe_at = strchr(s, '@') != NULL;
	size_t name_len[8];   /* the names' lengths, once a text */
	for (size_t j = 0; j < nnames && j < 8 && names; j++)
		name_len[j] = names[j] ? strlen(names[j]) : 0;
	while (s[i]) {
		unsigned char c = (unsigned char)s[i];
		bool word_start = i == 0 || !is_word_byte((unsigned char)s[i - 1]);
		if (word_start) {
			if (maybe_url && (k = url_len(s + i))) {
				buf_adds(out, "{url}");
				f.url++;
				i += k;
				continue;
			}
			if (maybe_at && (k = email_len(s + i))) {
				buf_adds(out, "{email}");
				f.email++;
				i += k;
				continue;
			}
			bool named = false;
			for (size_t j = 0; j < nnames && names; j++) {
				size_t L = j < 8 ? name_len[j] : names[j] ? strlen(names[j]) : 0;
				if (L >= 3 && (s[i] | 0x20) == (names[j][0] | 0x20) &&
				    !strncasecmp(s + i, names[j], L) &&
				    !is_word_byte((unsigned char)s[i + L])) {
					buf_adds(out, "{name}");
					f.name++;
					i += L;
					named = true;
					break;
				}
			}
			if (named)
				continue;
			if ((k = number_word_len(s + i))) {
				buf_adds(out, "{num}");
				f.num++;
				i += k;
				continue;
			}
		}
		if (c == '@' && word_start && (is_ascii_alnum((unsigned char)s[i + 1]) || s[i + 1] == '_')) {
			i++;
			while (is_ascii_alnum((unsigned char)s[i]) || s[i] == '_')
				i++;
			buf_adds(out, "{user}");
			f.user++;
			continue;
		}
		if (c >= '0' && c <= '9') {
			while ((s[i] >= '0' && s[i] <= '9') ||
			       ((s[i] == '.' || s[i] == ',' || s[i] == ':') && s[i + 1] >= '0' &&
				s[i + 1] <= '9'))
				i++;
			buf_adds(out, "{num}");
			f.num++;
			continue;
		}
		/* copy up to the next byte that could start something */
		size_t run = 1;
		while (s[i + run] && is_word_byte((unsigned char)s[i + run]) &&
		       is_word_byte((unsigned char)s[i + run - 1]) &&
		       !(s[i + run] >= '0' && s[i + run] <= '9'))
			run++;
		buf_add(out, s + i, run);
		i += run;
	}
	if (found)
		*found = f;
}

/* ----------------------------------------------------------------- tokens */

/* Scripts written without spaces between words: each character is a word. */
static bool is_unspaced(int32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x9FFF) ||    /* CJK radicals, kana, Han */
	       (cp >= 0xAC00 && cp <= 0xD7AF) ||    /* Hangul syllables */
	       (cp >= 0xF900 && cp <= 0xFAFF) ||    /* CJK compatibility */
	       (cp >= 0x20000 && cp <= 0x3FFFF) ||  /* Han extensions */
	       (cp >= 0x0E00 && cp <= 0x0EFF) ||    /* Thai, Lao */
	       (cp >= 0x1000 && cp <= 0x109F) ||    /* Myanmar */
	       (cp >= 0x1780 && cp <= 0x17FF);      /* Khmer */
}

static bool is_word_cp(int32_t cp)
{
	if (cp < 0x80)
		return is_ascii_alnum((unsigned char)cp) || cp == '_';
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return true;
	default:
		return false;
	}
}

/* The slot names text_slot writes, each read as one symbol. */
static const char *const slot_names[] = { "{url}", "{email}", "{user}", "{num}", "{name}" };

/* If s starts with a slot, its length and *which; else 0. */
static size_t slot_at(const char *s, int *which)
{
	if (*s != '{')
		return 0;
	for (int k = 0; k < 5; k++)
		if (starts(s, slot_names[k])) {
			*which = k;
			return strlen(slot_names[k]);
		}
	return 0;
}

/*
 * Walk a slotted text as symbols: calls fn(cp, ctx) with each word
 * character, a private-use code point for each slot, and one ' ' between
 * words (never at the ends). Every unspaced-script character stands alone.
 */
static void walk(const char *s, void (*fn)(int32_t cp, bool alone, void *ctx), void *ctx)
{
	size_t i = 0, n = strlen(s);
	bool pending_space = false, any = false;
	while (i < n) {
		int which;
		size_t k = slot_at(s + i, &which);
		int32_t cp;
		bool alone = false;
		if (k) {
			cp = 0xE000 + which;
			alone = true;
			i += k;
		} else if ((unsigned char)s[i] < 0x80) {
			cp = (unsigned char)s[i++];
			if (!is_word_cp(cp)) {
				pending_space = true;
				continue;
			}
		} else {
			utf8proc_ssize_t r = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
							      (utf8proc_ssize_t)(n - i), &cp);
			if (r <= 0) {
				i++;
				continue;
			}
			i += (size_t)r;
			if (!is_word_cp(cp)) {
				pending_space = true;
				continue;
			}
			alone = is_unspaced(cp);
		}
		if (pending_space && any)
			fn(' ', false, ctx);
		pending_space = false;
		any = true;
		fn(cp, alone, ctx);
	}
}

struct count_ctx {
	size_t n;
	bool in_word;
	size_t thai;   /* Thai letters in the current run */
};

/* Thai letters per word: Thai is written without spaces too, but in an
 * alphabet, so a greeting of ten letters (สวัสดีครับ) is two words, not ten */
#define THAI_LETTERS_A_WORD 4

static void count_cp(int32_t cp, bool alone, void *vctx)
{
	struct count_ctx *c = vctx;
	if (cp >= 0x0e00 && cp <= 0x0e7f) {
		if (c->thai++ % THAI_LETTERS_A_WORD == 0)
			c->n++;
		c->in_word = false;
		return;
	}
	c->thai = 0;
	if (cp == ' ') {
		c->in_word = false;
	} else if (alone) {
		c->n++;
		c->in_word = false;
	} else if (!c->in_word) {
		c->n++;
		c->in_word = true;
	}
}

size_t text_tokens(const char *slotted)
{
	struct count_ctx c = { 0, false, 0 };
	walk(slotted, count_cp, &c);
	return c.n;
}

/* ---------------------------------------------------------------- hashing */

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

uint64_t text_hash(const void *p, size_t n)
{
	const unsigned char *b = p;
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= b[i];
		h *= 0x100000001b3ULL;
	}
	return mix64(h ^ n);
}

/* The K hash functions are h -> (a_k * h + b_k) >> 32 with odd a_k. */
static uint64_t perm_a[TEXT_MINHASH_K], perm_b[TEXT_MINHASH_K];
static pthread_once_t perm_ready = PTHREAD_ONCE_INIT; /* reports may run on two threads */

static void perm_init(void)
{
	uint64_t x = 0x6a09e667f3bcc909ULL;
	for (int k = 0; k < TEXT_MINHASH_K; k++) {
		x += 0x9e3779b97f4a7c15ULL;
		perm_a[k] = mix64(x) | 1;
		x += 0x9e3779b97f4a7c15ULL;
		perm_b[k] = mix64(x);
	}
}

struct shingle_ctx {
	int32_t w[3];
	size_t seen;
	uint32_t *sig;
	size_t count;
};

static void add_shingle(struct shingle_ctx *c, uint64_t h)
{
	h = mix64(h);
	for (int k = 0; k < TEXT_MINHASH_K; k++) {
		uint32_t v = (uint32_t)((perm_a[k] * h + perm_b[k]) >> 32);
		if (v < c->sig[k])
			c->sig[k] = v;
	}
	c->count++;
}

static void shingle_cp(int32_t cp, bool alone, void *vctx)
{
	struct shingle_ctx *c = vctx;
	(void)alone;
	c->w[0] = c->w[1];
	c->w[1] = c->w[2];
	c->w[2] = cp;
	if (++c->seen >= 3)
		add_shingle(c, (uint64_t)(uint32_t)c->w[0] | (uint64_t)(uint32_t)c->w[1] << 21 |
				       (uint64_t)(uint32_t)c->w[2] << 42);
}

size_t text_minhash(const char *slotted, uint32_t sig[TEXT_MINHASH_K])
{
	pthread_once(&perm_ready, perm_init);
	struct shingle_ctx c = { { 0, 0, 0 }, 0, sig, 0 };
	for (int k = 0; k < TEXT_MINHASH_K; k++)
		sig[k] = UINT32_MAX;
	walk(slotted, shingle_cp, &c);
	if (c.seen > 0 && c.seen < 3)    /* a text of one or two symbols is its own shingle */
		add_shingle(&c, (uint64_t)(uint32_t)c.w[1] << 21 | (uint64_t)(uint32_t)c.w[2] |
					(uint64_t)c.seen << 60);
	return c.count;
}

double text_minhash_similarity(const uint32_t *a, const uint32_t *b)
{
	int same = 0;
	for (int k = 0; k < TEXT_MINHASH_K; k++)
		same += a[k] == b[k];
	return (double)same / TEXT_MINHASH_K;
}

/* ------------------------------------------------------------- clustering */

static uint32_t uf_find(uint32_t *p, uint32_t x)
{
	while (p[x] != x) {
		p[x] = p[p[x]];
		x = p[x];
	}
	return x;
}

struct band_key {
	uint64_t h;
	uint32_t i;
};

static int band_cmp(const void *a, const void *b)
{
	const struct band_key *x = a, *y = b;
	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

void text_cluster(const uint32_t *sigs, size_t n, double threshold, uint32_t *cluster)
{
	for (size_t i = 0; i < n; i++)
		cluster[i] = (uint32_t)i;
	if (n < 2)
		return;
	struct band_key *keys = xmalloc(n * sizeof(*keys));
	for (int b = 0; b < TEXT_LSH_BANDS; b++) {
		for (size_t i = 0; i < n; i++) {
			keys[i].h = text_hash(sigs + i * TEXT_MINHASH_K + b * TEXT_LSH_ROWS,
					      TEXT_LSH_ROWS * sizeof(uint32_t));
			keys[i].i = (uint32_t)i;
		}
		qsort(keys, n, sizeof(*keys), band_cmp);
		for (size_t s = 0, e; s < n; s = e) {
			for (e = s + 1; e < n && keys[e].h == keys[s].h; e++) {
				uint32_t x = uf_find(cluster, keys[s].i), y = uf_find(cluster, keys[e].i);
				if (x == y)
					continue;
				if (text_minhash_similarity(sigs + (size_t)keys[s].i * TEXT_MINHASH_K,
							    sigs + (size_t)keys[e].i * TEXT_MINHASH_K) <
				    threshold)
					continue;
				if (x < y)
					cluster[y] = x;
				else
					cluster[x] = y;
			}
		}
	}
	free(keys);
	for (size_t i = 0; i < n; i++)
		cluster[i] = uf_find(cluster, (uint32_t)i);
}
