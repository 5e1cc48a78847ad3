/*
 * scan.h: what the files of the scanner share, and nothing outside
 * src/analyze/pii/ sees. scan.c owns the pass, the context window and the
 * overlap contest; runs.c cuts digit-group runs; phone.c, date.c and
 * address.c decide one kind of value each from a run or the words after it.
 */
#ifndef DMAUDIT_PII_SCAN_H
#define DMAUDIT_PII_SCAN_H

#include "pii.h"

#include <stdbool.h>
#include <stddef.h>

#define WIN 5          /* tokens a keyword reaches forward (Presidio's 5 words) */
#define WIN_SECRET 3   /* a password or code follows its keyword closely */
#define NCTX 16        /* bits in enum pii_ctx */

struct scan {
	const char *t;
	size_t len;
	struct pii_match *out;
	size_t max, n;
	struct pii_match last;   /* the latest match, still open to an overlap contest */
	bool have_last;
	size_t done_end;         /* where the last match written out ends: none later starts before */
	unsigned tok;            /* tokens seen so far */
	unsigned seen[NCTX];     /* per context bit: token index + 1 of its last keyword */
	unsigned prev_cls;       /* classes of the previous token */
	const struct pii_regions *regions;   /* national phone forms to read, or NULL */
	unsigned keyed;          /* token index + 1 of the last keyword written "key:" */
	unsigned valued;         /* token index + 1 of the last digit run */
	unsigned clause;         /* tokens seen when the last clause ended (, . ; ! ? or a line) */
	bool addr_open;          /* an address word, then fillers only: its value may come next */
	bool addr_filled;        /* a filler came after it ("my address is") */
};

struct run {
	size_t s, e;          /* the run in the text */
	size_t e1;            /* end of its first space-free segment */
	char d[40];           /* its digits (the first 39) */
	size_t nd, nd1;       /* digits in all, in the first segment */
	size_t gend[16];      /* end offset of each group */
	size_t gdig[16];      /* digits up to the end of each group */
	unsigned char glen[16];
	char sep[16];         /* separator before group i (i >= 1) */
	int ng;
	bool plus;
};

/* A path few words take, kept out of the hot function's frame. */
#define RARE __attribute__((noinline, cold))

static inline bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static inline bool is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static inline bool is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool is_alnum(unsigned char c)
{
	return is_alpha(c) || is_digit(c);
}

static inline bool is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static inline char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* scan.c: the pass */
/* Offer a match; of two that overlap the higher priority type stays. */
void scan_emit(struct scan *s, enum pii_type type, size_t start, size_t end, double score);
/* How many tokens ago a keyword of class bit was seen; large when never. */
static inline unsigned ago(const struct scan *s, unsigned bit)
{
	int b = __builtin_ctz(bit);
	return s->seen[b] ? s->tok - (s->seen[b] - 1) : 1000;
}

/* A keyword of class bit within win tokens before the current one. */
static inline bool scan_ctx(const struct scan *s, unsigned bit, unsigned win)
{
	return ago(s, bit) <= win;
}
size_t scan_chunk_end(const struct scan *s, size_t i);
/* End of t[p..e) without closing punctuation. */
size_t scan_trim_end(const char *t, size_t p, size_t e);
/* Lower-case t[p..e) into w; its length, 0 when it does not fit. */
size_t scan_fold(const char *t, size_t p, size_t e, char *w, size_t cap);
/* Keyword classes of the word t[p..e), also tried with a following '.'. */
unsigned scan_word_class(const char *t, size_t p, size_t e, size_t ce);
/* The next word after pos on the same line. */
bool scan_next_word(const struct scan *s, size_t pos, size_t *ws, size_t *we);
/* Does the value t[b..e) stand as a clause of its own (a number given out)? */
bool scan_stands_alone(const struct scan *s, size_t b, size_t e);

/* runs.c: digit-group runs */
void run_parse(const struct scan *s, size_t p, struct run *r);
bool run_has(const struct run *r, int upto, char c);
bool run_uniform(const struct run *r, int k);

/* phone.c */
bool phone_run(const struct scan *s, const struct run *r, int k, bool phone_ctx);
/* An international number without its "+" ("WA 6285108275037"), valid in its country. */
bool phone_intl_bare(const struct run *r);
/* The first k groups (three or more) in a shape that names its country and
 * a valid line there ("0532 418 27 90"): a phone even after "order". */
bool phone_grouped_shape(const struct run *r, int k);

/* date.c */
int scan_small_int(const char *t, size_t p, size_t e);
size_t scan_digits_end(const struct scan *s, size_t q);
bool date_run(const struct run *r);
bool date_compact(const char *d, size_t n);
size_t date_day_month(const struct scan *s, size_t p);
size_t date_month_day(const struct scan *s, int m, size_t e);
size_t date_cjk(const struct scan *s, size_t p, size_t e);

/* shapes.c */
/* Capitals, then groups of words or numbers: "DST-77120-GR", "HA/2022/08/11452". */
bool shape_system_ref(const char *v, size_t n);
/* Capitals, a dash, four to eight digits: "AFB-7734". */
bool shape_prefixed_short(const char *v, size_t n);
/* GhanaPostGPS: "GA-183-8164". */
bool shape_ghana_gps(const char *v, size_t n);
/* A time of day inside a token: "mag-11:59PM". */
bool shape_clock_inside(const char *v, size_t n);
/* A password no one would take for a word: letters, digits and a sign. */
bool shape_password(const char *t, size_t b, size_t e);

/* digits.c */
/* The value of the native digit at t[i] and its length in *n, or -1. */
int pii_native_digit(const unsigned char *t, size_t i, size_t len, size_t *n);

/* address.c */
/* Does the word at p start with a capital (ASCII or Latin-1 in UTF-8)? Bounded by s->len. */
bool scan_capitalised(const struct scan *s, size_t p);
size_t addr_after_number(const struct scan *s, size_t e);
/* "Tucumán 1432, 2° piso": a name and number known by the floor or flat after them. */
size_t addr_unit_after(const struct scan *s, size_t p, size_t e);
/* An address from its house number on: through the rest of its line or sentence. */
size_t addr_extend(const struct scan *s, size_t pos);
size_t addr_postcode_town(const struct scan *s, size_t p, size_t e);
size_t addr_town_first(const struct scan *s, size_t p, size_t e, size_t *start);
/* The town ending at town ends the line or goes on as a name: not prose. */
bool addr_town_ends(const struct scan *s, size_t town);
size_t addr_marked_number(const struct scan *s, size_t p, size_t e);
bool addr_cjk_units(const struct scan *s, size_t p, size_t e);
size_t addr_from_word(const struct scan *s, size_t p, size_t e, unsigned cls, char *w, size_t wn);
size_t addr_after_keyword(const struct scan *s, size_t p);
size_t addr_chain(const struct scan *s, size_t p, size_t e, size_t *start);
size_t addr_thai_units(const struct scan *s, size_t p, size_t e);
size_t addr_marker_comma(const struct scan *s, size_t p, size_t e, size_t *start);
size_t addr_hangul_units(const struct scan *s, size_t p, size_t e, size_t *start);
size_t addr_po_box(const struct scan *s, size_t p, size_t e, size_t *start);

#endif
