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
/* Portugal's NIF: 9 digits, the first 1-3, 5, 6, 8 or 9, a mod-11 check last. */
bool pii_pt_nif_valid(const char *d, size_t n);
/* Russia's SNILS: 11 digits, the last two the check of the first nine (mod 101). */
bool pii_ru_snils_valid(const char *d, size_t n);
/* Norway's kontonummer: 11 digits, the last a mod-11 check (weights 5 4 3 2 7 6 5 4 3 2). */
bool pii_no_account_valid(const char *d, size_t n);
/* Chile's RUT/RUN: n body digits (7 or 8) and its check, a digit or K (mod 11). */
bool pii_cl_rut_valid(const char *d, size_t n, char check);
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

/* Sweden's personnummer: YYMMDD (a coordination number's day + 60) and
 * four digits, Luhn over the ten; twelve digits with the century too. */
bool pii_se_pnr_valid(const char *d, size_t n);
/* Norway's fødselsnummer: DDMMYY (D- and H-numbers + 40), three digits and
 * two weighted mod-11 checks. */
bool pii_no_fnr_valid(const char *d, size_t n);
/* Estonia's (and Lithuania's) isikukood: sex and century 1-6, YYMMDD, three
 * digits, a two-round weighted check mod 11. */
bool pii_ee_ik_valid(const char *d, size_t n);
/* Poland's PESEL: YYMMDD (the month + 20 a century after 1900, + 80 before),
 * four digits, the check with weights 1 3 7 9. */
bool pii_pl_pesel_valid(const char *d, size_t n);
/* Turkey's T.C. kimlik no: 11 digits, no leading 0, two check digits. */
bool pii_tr_tckn_valid(const char *d, size_t n);
/* Germany's Steuer-ID: 11 digits, no leading 0, one digit of the first ten
 * there two or three times, ISO 7064 MOD 11,10. */
bool pii_de_steuer_id_valid(const char *d, size_t n);
/* France's NIR (numéro de sécurité sociale): sex, YY, MM, place, order,
 * then the key 97 - (the thirteen digits mod 97); 15 digits. */
bool pii_fr_nir_valid(const char *d, size_t n);
/* Belgium's national register number: YYMMDD, three digits, the key 97 -
 * (nine digits mod 97), the nine prefixed by a 2 for the 2000s. */
bool pii_be_rrn_valid(const char *d, size_t n);
/* Thailand's citizen id: 13 digits, the first 1-8, a weighted check mod 11. */
bool pii_th_id_valid(const char *d, size_t n);
/* Malaysia's MyKad number: YYMMDD, a place-of-birth code, four digits. */
bool pii_my_nric_valid(const char *d, size_t n);
/* Indonesia's NIK: province, regency, district, DDMMYY (women's day + 40),
 * a serial not 0000; 16 digits. */
bool pii_id_nik_valid(const char *d, size_t n);
/* Whether d[0..n) is all ASCII digits. */
bool pii_all_digits(const char *d, size_t n);
/* South Africa's identity number: YYMMDD, four, citizenship 0/1, one, Luhn; 13 digits. */
bool pii_za_id_valid(const char *d, size_t n);
/* Egypt's national id: the century (2, 3), YYMMDD, a governorate's code, five more; 14 digits. */
bool pii_eg_id_valid(const char *d, size_t n);
/* Singapore's NRIC and FIN: S, T, F, G or M, seven digits, a check letter. */
bool pii_sg_nric_valid(const char *s, size_t n);
/* Hong Kong's identity card: one or two capitals, six digits, a check (0-9, A)
 * mod 11; s without the brackets around the check ("A1234563"). */
bool pii_hkid_valid(const char *s, size_t n);
/* Verhoeff's dihedral check over ASCII digits d[0..n), the check last. */
bool pii_verhoeff(const char *d, size_t n);
/* India's Aadhaar: 12 digits, the first 2-9, Verhoeff's check. */
bool pii_in_aadhaar_valid(const char *d, size_t n);
/* Japan's My Number (個人番号): 12 digits, a weighted check mod 11. */
bool pii_jp_my_number_valid(const char *d, size_t n);
/* Argentina's CBU: 22 digits, a check ending the first 8 and the last 14. */
bool pii_ar_cbu_valid(const char *d, size_t n);
/* Hungary's bank account: 16 or 24 digits, checks on the first 8 and the rest. */
bool pii_hu_account_valid(const char *d, size_t n);
/* Canada's social insurance number: 9 digits, not from 0 or 8, Luhn's check. */
bool pii_ca_sin_valid(const char *d, size_t n);
/* Israel's teudat zehut: 9 digits, the Luhn check. */
bool pii_il_tz_valid(const char *d, size_t n);

/* The Netherlands' burgerservicenummer: 9 digits, the eleven test (weights 9..2, -1). */
bool pii_nl_bsn_valid(const char *d, size_t n);
/* Iran's national code (کد ملی): 10 digits, a weighted check mod 11. */
bool pii_ir_melli_valid(const char *d, size_t n);
/* Mexico's CURP: 4 letters, YYMMDD, H/M/X, a state's two letters, three
 * consonants, a character, and the check digit of the seventeen. */
bool pii_mx_curp_valid(const char *s, size_t n);
/* Mexico's RFC: 4 letters (3 for a company), a date YYMMDD, a homoclave of
 * two characters and its check (mod 11, A for 10; not all digits). */
bool pii_mx_rfc_valid(const char *s, size_t n);

/* A real calendar date, year 1900-2099. */
bool pii_date_valid(int y, int m, int d);
/* Month number (1-12) of a month name or abbreviation in en/es/fr/de/it/pt/nl/ca/id/ms/tl,
 * lower-case ASCII or UTF-8; 0 when it is none. */
int pii_month(const char *w, size_t n);

/* Every digit the same, or a straight run up or down ("1234567"). */
bool pii_degenerate(const char *d, size_t n);

#endif
