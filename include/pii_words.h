/*
 * pii_words: the context words of the personal-data scanner, in twenty
 * languages, kept in src/analyze/lexicon/pii-*.tsv. A word maps to a set of
 * classes: "order" to a reference context, "password" to a secret context,
 * "straße" to a street word. A hash index over them is built once, on first
 * use.
 * Words are looked up lower-cased (ASCII) and as UTF-8 bytes otherwise.
 */
#ifndef DMAUDIT_PII_WORDS_H
#define DMAUDIT_PII_WORDS_H

#include <stddef.h>

enum pii_ctx {
	CTX_PHONE = 1 << 0,     /* phone, call, whatsapp, llámame, téléphone */
	CTX_NATID = 1 << 1,     /* ssn, social security, dni, passport */
	CTX_ACCOUNT = 1 << 2,   /* account, acct, customer, member, konto */
	CTX_REF = 1 << 3,       /* order, booking, ticket, case, pedido, commande */
	CTX_SECRET = 1 << 4,    /* password, pwd, contraseña: any value with a digit or symbol */
	CTX_CODE = 1 << 5,      /* pin, code, otp, verification: a 4-8 digit value */
	CTX_DOB = 1 << 6,       /* dob, born, birthday, nacimiento, geboren */
	CTX_CODEMOD = 1 << 7,   /* promo, zip, discount…: the "code" after it is no secret */
	CTX_STREET = 1 << 8,    /* street, road, ave: after the street's name */
	CTX_STREETPRE = 1 << 9, /* rue, calle, avenida: before the street's name */
	CTX_ADDRLINK = 1 << 10, /* de, des, del, van: lower-case words inside an address */
	CTX_FILLER = 1 << 11,   /* is, my, no, number, #: between a keyword and its value */
	CTX_CARD = 1 << 12,     /* card, visa, tarjeta */
	CTX_USER = 1 << 13,     /* user, login, 아이디: a secret may follow the name */
	CTX_ADDRMARK = 1 << 14, /* 市 区 丁目 동: units of an address in CJK scripts */
	CTX_ADDRESS = 1 << 15,  /* address, Adresse, 주소: the address follows */
	CTX_PAIR = 1 << 16,     /* the second word of a pair ("mật khẩu"): look the pair up */
};

/* The classes of one lower-cased word, 0 when it is no context word. */
unsigned pii_word_class(const char *w, size_t n);
/* The same, with CTX_PAIR when the word ends a pair of the lexicon. */
unsigned pii_word_lookup(const char *w, size_t n);
/* The classes of the pair "first second" (both lower-cased), 0 when none. */
unsigned pii_pair_class(const char *first, size_t fn, const char *second, size_t sn);

/* The classes of every word of a CJK or Hangul run w[0..n) (no spaces
 * between words there): "我的密码是" holds 密码. */
unsigned pii_word_class_within(const char *w, size_t n);

/* Street words written as a suffix of a compound (Hauptstraße, Keizersgracht):
 * whether lower-cased w ends with one. */
int pii_street_compound(const char *w, size_t n);

#endif
