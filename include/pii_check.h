/*
 * pii_check: the validators behind pii.h. Pure functions over digits and
 * letters already cut out of a text: Luhn and card issuer ranges, IBAN
 * mod-97 with per-country lengths, US SSN ranges, E.164 country codes and
 * lengths, UK National Insurance prefixes, Spanish DNI/NIE letters, and
 * calendar dates. They allocate nothing and never look at context; the
 * scanner (src/analyze/pii/scan.c) decides what is a candidate.
 */
#ifndef DMAUDIT_PII_CHECK_H
#define DMAUDIT_PII_CHECK_H

#include <stdbool.h>
#include <stddef.h>

/* Luhn checksum over ASCII digits d[0..n). */
bool pii_luhn(const char *d, size_t n);
/* A known card issuer range (Visa, Mastercard 51-55 and 2221-2720, Amex,
 * Discover, JCB, Diners, UnionPay, Maestro) with a length it issues. */
bool pii_card_iin(const char *d, size_t n);
/* Luhn and issuer range together. */
bool pii_card_valid(const char *d, size_t n);

/* s[0..n) is an IBAN without spaces: known country, its length, mod-97 = 1. */
bool pii_iban_valid(const char *s, size_t n);
/* The IBAN length of a country ("DE" -> 22), 0 when unknown. */
int pii_iban_length(const char *cc);

/* Nine ASCII digits of a US SSN: not area 000, 666 or 9xx, group 00, serial 0000,
 * nor the well-known sample numbers. */
bool pii_ssn_valid(const char *d);

/* Length of the E.164 country code d starts with (1-3), 0 when none;
 * minlen and maxlen get the national number lengths that country uses. */
int pii_e164_cc(const char *d, size_t n, int *minlen, int *maxlen);

/* UK National Insurance number: 2 letters, 6 digits, A-D (no spaces). */
bool pii_nino_valid(const char *s, size_t n);
/* Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter). */
bool pii_dni_valid(const char *s, size_t n);
/* Italian codice fiscale (16 characters, check letter). */
bool pii_codice_fiscale_valid(const char *s, size_t n);
/* Brazilian CPF: 11 digits, the last two mod-11 check digits; not all one digit. */
bool pii_cpf_valid(const char *d);
/* Romania's CNP: 13 digits, sex and century, a date, the weighted check mod 11. */
bool pii_cnp_valid(const char *d, size_t n);
/* Greece's AMKA: 11 digits, a date DDMMYY first, the Luhn check last. */
bool pii_amka_valid(const char *d, size_t n);
/* A Czech or Slovak birth number: YYMMDD (women's months +50, since 2004
 * also +20) then 4 digits, the whole divisible by 11 (a remainder of 10
 * on the first nine written as a last 0). */
bool pii_cz_birth_valid(const char *d, size_t n);
/* Chinese resident identity number: 17 digits, a birth date at 7-14, and a
 * check character (digit or X) of ISO 7064 MOD 11-2. */
bool pii_cn_id_valid(const char *s, size_t n);
/* South Korea's resident registration number: YYMMDD, then 7 digits (the
 * first 1-8: sex and century), the last a weighted check mod 11. d holds
 * the 13 digits. */
bool pii_kr_rrn_valid(const char *d, size_t n);
/* Taiwan's national id: a letter, 1 or 2 (or 8, 9 for residents), 8 digits,
 * the letter's two-digit code and the digits weighted to a sum ending in 0. */
bool pii_tw_id_valid(const char *s, size_t n);
/* Finland's henkilötunnus: DDMMYY, a century sign (+ - A-F U-Y), 3 digits
 * and the check character of the nine digits mod 31. */
bool pii_fi_hetu_valid(const char *s, size_t n);

/* A real calendar date, year 1900-2099. */
bool pii_date_valid(int y, int m, int d);
/* Month number (1-12) of a month name or abbreviation in en/es/fr/de/it/pt,
 * lower-case ASCII or UTF-8; 0 when it is none. */
int pii_month(const char *w, size_t n);

/* Every digit the same, or a straight run up or down ("1234567"). */
bool pii_degenerate(const char *d, size_t n);

#endif
