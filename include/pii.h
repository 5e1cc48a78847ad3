/*
 * pii: personal data in short texts: find it, validate it, redact it.
 *
 * One pass over the text emits candidates (digit-group runs with their
 * separators, e-mail addresses, words), then validators (Luhn with issuer
 * ranges, IBAN mod-97 with per-country lengths, SSN ranges, E.164 lengths)
 * and context words decide. The scanner allocates nothing per message and
 * compiles nothing at run time. Offsets are byte offsets into the text as
 * given (UTF-8). Tone (an insulting owner message) is not personal data and
 * lives in tone.h.
 */
#ifndef DMAUDIT_PII_H
#define DMAUDIT_PII_H

#include "buf.h"

#include <stdbool.h>
#include <stddef.h>

enum pii_type {
	PII_EMAIL,
	PII_PHONE,
	PII_PAYMENT_CARD,
	PII_IBAN,
	PII_NATIONAL_ID,
	PII_ACCOUNT_NUMBER,
	PII_REFERENCE_NUMBER, /* order, booking, case, ticket numbers */
	PII_CREDENTIAL,       /* passwords, PINs, one-time codes */
	PII_POSTAL_ADDRESS,
	PII_DATE_OF_BIRTH,
	PII__COUNT
};

struct pii_match {
	enum pii_type type;
	size_t start, end;    /* bytes [start, end) of the value in the text */
	double score;         /* 0..1: 1 for checksum-validated values */
};

/*
 * The regions whose national phone forms ("0723 688 583", "090-1234-5678")
 * a text may use: the owner's and the archive's (regions.c). Without any, only
 * forms that name their country by their shape are read as phones.
 */
#define PII_MAX_REGIONS 8
struct pii_regions {
	char cc[PII_MAX_REGIONS][3];   /* ISO 3166 codes ("KE"), most likely first */
	int n;
};
#define PII_REGIONS_INIT { .n = 0 }

enum pii_script {
	PII_SCRIPT_GREEK, PII_SCRIPT_CYRILLIC, PII_SCRIPT_DEVANAGARI, PII_SCRIPT_THAI,
	PII_SCRIPT_KANA, PII_SCRIPT_HANGUL, PII_SCRIPT_HAN, PII_SCRIPT_HEBREW, PII_SCRIPT_ETHIOPIC,
	PII_SCRIPT__COUNT
};

/* What an archive's texts say about where its people live, counted over texts. */
struct pii_seen {
	unsigned calling[1000];                 /* "+CC" and "00CC" written, per code */
	unsigned script[PII_SCRIPT__COUNT];     /* texts using each script */
	unsigned tld[26 * 26];                  /* e-mail addresses ending in each country's domain */
	unsigned texts;
};

void pii_regions_add(struct pii_regions *r, const char *cc);
/* Add the country of a Rails time zone name ("Nairobi" -> KE); -1 when unknown. */
int pii_regions_from_timezone(struct pii_regions *r, const char *tz);
/* Add the country of a country-code domain ("ng", "uk"); -1 when it names none
 * or is sold to anyone (.co, .io, .me, .tv …). */
int pii_regions_from_tld(struct pii_regions *r, const char *tld);
/* Count one text's calling codes and scripts into seen (zeroed by the caller). */
void pii_seen_observe(struct pii_seen *seen, const char *text, size_t len);
/* Add the regions that seen makes likely: frequent scripts, repeated codes. */
void pii_regions_from_seen(struct pii_regions *r, const struct pii_seen *seen);

/* The contract's name of a type: "email", "payment_card", … */
const char *pii_type_name(enum pii_type t);

/*
 * Find personal data in text[0..len). Writes at most max matches, ordered by
 * start, not overlapping (a validated card beats a phone on the same digits),
 * and returns how many were found (which may exceed max).
 */
size_t pii_scan(const char *text, size_t len, struct pii_match *out, size_t max);
/* The same, reading national phone forms of regions too (NULL: none). */
size_t pii_scan_in(const char *text, size_t len, const struct pii_regions *regions,
		   struct pii_match *out, size_t max);

/*
 * The first full date (day, month and a four-digit year, in digits or words)
 * in text[0..len), with its year; for a text known to answer a question
 * about a birth. False when there is none.
 */
bool pii_full_date(const char *text, size_t len, size_t *start, size_t *end, int *year);
/*
 * text with its native digits (Arabic-Indic, Persian, Devanagari, Bengali,
 * Thai) as ASCII ones into ascii (len + 1 bytes); at[k] (len + 1 entries) is
 * where byte k of it came from, at[returned length] = len. Its length.
 */
size_t pii_ascii_digits(const char *text, size_t len, char *ascii, size_t *at);

/* Append a redacted form of one value: "j***@m***.example", "**** **** **** 4467". */
void pii_redact_value(enum pii_type t, const char *value, size_t n, struct buf *out);

/* Append text with every value pii_scan finds replaced by its redacted form. */
void pii_redact_text(const char *text, size_t len, struct buf *out);

#endif
