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

/* The contract's name of a type: "email", "payment_card", … */
const char *pii_type_name(enum pii_type t);

/*
 * Find personal data in text[0..len). Writes at most max matches, ordered by
 * start, not overlapping (a validated card beats a phone on the same digits),
 * and returns how many were found (which may exceed max).
 */
size_t pii_scan(const char *text, size_t len, struct pii_match *out, size_t max);

/* Append a redacted form of one value: "j***@m***.example", "**** **** **** 4467". */
void pii_redact_value(enum pii_type t, const char *value, size_t n, struct buf *out);

/* Append text with every value pii_scan finds replaced by its redacted form. */
void pii_redact_text(const char *text, size_t len, struct buf *out);

#endif
