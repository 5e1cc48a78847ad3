/*
 * exposure: personal data and insulting owner messages in the places a
 * screenshot would hurt. Streams every message and every own tweet once
 * (one prepared SELECT each, row by row), scans the text with pii_scan and
 * tone_scan, and keeps only the findings; a message that is nothing but a
 * code waits for the other side's next message, which may confirm it a
 * credential (looked up after the scan: such messages are few). Severity
 * and the conversation risk score are defined here, once, and written into
 * the JSON.
 */
#include "exposure.h"
#include "exitcode.h"
#include "fmt.h"
#include "lexicon.h"
#include "pii.h"
#include "pii_check.h"
#include "analyze.h"
#include "text.h"
#include "timeutil.h"
#include "tone.h"
#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXM 64                     /* matches kept per text; more are counted */
#define EXPOSURE_CONFIRM_MS (10 * 60 * 1000)   /* a code's confirmation comes within */
#define EXPOSURE_ANSWER_WORDS 6                 /* a short answer giving a number asked for */

static const char *const sev_name[] = { "low", "medium", "high" };
static const char *const channel_name[] = { "dm", "group_dm", "tweet" };
static const char *const by_name[] = { "owner", "counterpart", "member" };
/* chance that a finding of this severity hurts, for the risk score */
static const double sev_weight[] = { 0.2, 0.5, 0.8 };

const char exposure_risk_formula[] =
	"risk_score = 1 - product over the conversation's findings of (1 - w), "
	"w = 0.2 (low), 0.5 (medium), 0.8 (high); 0 with no findings, near 1 with "
	"several severe ones";
const char exposure_severity_rule[] =
	"high: payment_card, iban, credential, national_id anywhere, and any finding in a "
	"public tweet; medium: email, phone, account_number, postal_address, date_of_birth, "
	"tone; low: reference_number; a group conversation raises a finding one level";

const char *exposure_type_name(int t)
{
	return t == EXPOSURE_TONE ? "tone" : pii_type_name((enum pii_type)t);
}

const char *exposure_sev_name(enum exposure_sev s)
{
	return sev_name[s];
}

const char *exposure_channel_name(enum exposure_channel c)
{
	return channel_name[c];
}

const char *exposure_by_name(enum exposure_by b)
{
	return by_name[b];
}

static enum exposure_sev severity(int type, enum exposure_channel channel)
{
	enum exposure_sev s;
	switch (type) {
	case PII_PAYMENT_CARD:
	case PII_IBAN:
	case PII_CREDENTIAL:
	case PII_NATIONAL_ID:
		s = EXPOSURE_HIGH;
		break;
	case PII_REFERENCE_NUMBER:
		s = EXPOSURE_LOW;
		break;
	default:
		s = EXPOSURE_MEDIUM;
		break;
	}
	if (channel == EXPOSURE_TWEET)
		return EXPOSURE_HIGH;   /* public: anyone can read it already */
	if (channel == EXPOSURE_GROUP_DM && s < EXPOSURE_HIGH)
		s++;                    /* shared with more people than the customer chose */
	return s;
}

/* Offending words of a tone finding: the first letter of each word kept,
 * every other character one '*' ("you i****"). */
static void mask_words(const char *v, size_t n, struct buf *out)
{
	bool first = true;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)v[i];
		size_t k = 1;   /* bytes of this UTF-8 character */
		while (c >= 0xc0 && i + k < n && ((unsigned char)v[i + k] & 0xc0) == 0x80)
			k++;
		if (c == ' ' || c == ',' || c == '\'' || c == '-') {
			buf_addc(out, (char)c);
			first = true;
		} else if (first) {
			buf_add(out, v + i, k);
			first = false;
		} else {
			buf_addc(out, '*');
		}
		i += k;
	}
}

struct scanner {
	struct report_ctx *ctx;
	struct exposure_result *r;
	size_t af;
	struct pii_match m[MAXM];
	char **groups;              /* ids of the group conversations, sorted */
	size_t ngroups, agroups;
	struct lone_code *codes;    /* messages that are nothing but a code, to be confirmed */
	size_t ncodes, acodes;
	sqlite3_stmt *asked;        /* the other side's message before one (asked_reference) */
	bool asked_failed;
};

/* A message that is nothing but a code; a credential once the other side confirms it. */
struct lone_code {
	int64_t id, sender, created;
	char *conv, *text;
	enum exposure_by by;
	bool group;
};

/* Where a text was read and who wrote it. */
struct place {
	const char *source_id;
	enum exposure_channel channel;
	const char *conv;
	enum exposure_by by;
	int64_t created;
	int64_t msg_id, sender;     /* a message's, 0 for a tweet */
};

static void add_finding(struct scanner *sc, const struct place *at, int type, const char *text,
			size_t vs, size_t ve, double score, size_t count)
{
	struct exposure_result *r = sc->r;
	enum exposure_sev sv = severity(type, at->channel);
	struct buf red = BUF_INIT;
	if (type == EXPOSURE_TONE)
		mask_words(text + vs, ve - vs, &red);
	else
		pii_redact_value((enum pii_type)type, text + vs, ve - vs, &red);
	ALLOC_GROW(r->findings, r->nfindings + 1, sc->af);
	struct exposure_finding *f = &r->findings[r->nfindings++];
	snprintf(f->source, sizeof(f->source), "%s", at->source_id);
	time_format_iso(at->created, f->created);
	f->channel = at->channel;
	f->by = at->by;
	f->conv = at->conv ? xstrdup(at->conv) : NULL;
	f->redacted = buf_detach(&red);
	f->value = r->revealed ? xstrndup(text + vs, ve - vs) : NULL;
	f->type = type;
	f->sev = sv;
	f->score = round(score * 100) / 100;
	f->count = count;
	f->start = vs;
	f->end = ve;
	r->by_type[type]++;
	r->by_channel[at->channel]++;
	r->by_sev[sv]++;
}

/*
 * What the other side's message before a message at `at` asked for, as a
 * bit set of the lexicon families in `words` it names: "Can you send the
 * ticket number?" before "it's 22423318", "send me the code you got"
 * before "729317". How it must ask: ASK_ANY, any words; ASK_QUESTION, with
 * a question mark (?, ؟, ？); ASK_REQUEST, with one or as a request that
 * gives no number of its own ("Pásame tu número de orden", not "booked
 * under ref 4417"). One lookup per call; a read error is kept for the
 * caller.
 */
enum ask { ASK_ANY, ASK_QUESTION, ASK_REQUEST };

/*
 * Does t ask? A question mark (?, ؟, ？), or a question word of a language
 * that often writes none in chat: Thai อะไร ไหม มั้ย, Chinese 吗 嗎 什么 什麼
 * 多少, Korean 뭐 몇, Vietnamese "gì" "bao nhiêu", Russian and Ukrainian
 * какой, сколько, який, скільки.
 */
static bool has_question_mark(const char *t)
{
	static const char *const words[] = {
		"\xe0\xb8\xad\xe0\xb8\xb0\xe0\xb9\x84\xe0\xb8\xa3", /* อะไร */
		"\xe0\xb9\x84\xe0\xb8\xab\xe0\xb8\xa1", /* ไหม */
		"\xe0\xb8\xa1\xe0\xb8\xb1\xe0\xb9\x89\xe0\xb8\xa2", /* มั้ย */
		"\xe5\x90\x97", "\xe5\x97\x8e", /* 吗 嗎 */
		"\xe4\xbb\x80\xe4\xb9\x88", "\xe4\xbb\x80\xe9\xba\xbc", /* 什么 什麼 */
		"\xe5\xa4\x9a\xe5\xb0\x91", /* 多少 */
		"\xeb\xad\x90", "\xeb\xaa\x87", /* 뭐 몇 */
		" g\xc3\xac", "bao nhi\xc3\xaau", /* gì, bao nhiêu */
		"\xd0\xba\xd0\xb0\xd0\xba\xd0\xbe\xd0\xb9", "\xd1\x81\xd0\xba\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xba\xd0\xbe", /* какой сколько */
		"\xd1\x8f\xd0\xba\xd0\xb8\xd0\xb9", "\xd1\x81\xd0\xba\xd1\x96\xd0\xbb\xd1\x8c\xd0\xba\xd0\xb8", /* який скільки */
		NULL,
	};
	if (strchr(t, '?') || strstr(t, "\xd8\x9f") || strstr(t, "\xef\xbc\x9f"))
		return true;
	for (size_t i = 0; words[i]; i++)
		if (strstr(t, words[i]))
			return true;
	return false;
}

/* Does t hold four digits in a row? */
static bool gives_number(const char *t)
{
	for (size_t run = 0; *t; t++)
		if ((run = *t >= '0' && *t <= '9' ? run + 1 : 0) >= 4)
			return true;
	return false;
}

static uint64_t asked_for(struct scanner *sc, const struct place *at, uint64_t words,
			  enum ask how)
{
	if (!sc->asked && !sc->asked_failed &&
	    store_prepare(sc->ctx->store,
			  "SELECT text FROM message WHERE conversation_id = ?1 AND sender_id != ?2 "
			  "AND (created_at < ?3 OR (created_at = ?3 AND id < ?4)) "
			  "ORDER BY created_at DESC, id DESC LIMIT 1",
			  &sc->asked, &(struct err)ERR_INIT))
		sc->asked_failed = true;
	if (!sc->asked)
		return 0;
	sqlite3_stmt *st = sc->asked;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, at->conv, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, at->sender);
	sqlite3_bind_int64(st, 3, at->created);
	sqlite3_bind_int64(st, 4, at->msg_id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sc->asked_failed |= rc != SQLITE_DONE;
		return 0;
	}
	const char *text = (const char *)sqlite3_column_text(st, 0);
	/* a question asks for it: "the ticket number?", not "booked under ref 4417" */
	if (!text || (how == ASK_QUESTION && !has_question_mark(text)) ||
	    (how == ASK_REQUEST && !has_question_mark(text) && gives_number(text)))
		return 0;
	struct buf norm = BUF_INIT;
	text_normalize(text, (size_t)sqlite3_column_bytes(st, 0), &norm);
	uint64_t fam = lex_scan(norm.s, norm.len, words);
	buf_release(&norm);
	return fam;
}

#define REF_WORDS ((1ull << LEX_PII_REF) | (1ull << LEX_PII_ACCOUNT))
#define CODE_WORDS ((1ull << LEX_PII_CODE) | (1ull << LEX_PII_SECRET))
#define BIRTH_WORDS (1ull << LEX_PII_DOB)

/* Did the question before it ask for an order, a ticket or a booking, and
 * no account? An identifier with letters or marks in it ("es el PED-40457")
 * may answer a request as well ("Pásame tu número de orden"); bare digits
 * answer a question only. */
static bool asked_reference(struct scanner *sc, const struct place *at, bool bare)
{
	/* "confirm the card used for the order": the card's number, not the order's */
	return asked_for(sc, at, REF_WORDS | (1ull << LEX_PII_CARD),
			 bare ? ASK_QUESTION : ASK_REQUEST) == (1ull << LEX_PII_REF);
}

/* Did the message before it ask for an identity number, and for no account
 * or order ("kannst du mir deine SV-Nummer schicken?", "j'ai besoin de ton
 * numéro AVS")? A request does, when it gives no number of its own. */
static bool asked_identity(struct scanner *sc, const struct place *at)
{
	return asked_for(sc, at, REF_WORDS | (1ull << LEX_PII_NATID), ASK_REQUEST) ==
	       (1ull << LEX_PII_NATID);
}

/*
 * An identity number given as the end of a short answer: 8 to 14 digits in
 * groups that spaces, dots, dashes and slashes join ("Hier: 9359 070874",
 * "756.3850.4898.12", "845629/8367", "TAJ: 034 038 280"). [*s, *e) is it.
 */
static bool answer_identity(const char *t, size_t n, size_t *s, size_t *e)
{
	size_t end = n;
	while (end > 0 && strchr(" \n.!", t[end - 1]))
		end--;
	size_t b = end, digits = 0, words = 1;
	while (b > 0 && ((t[b - 1] >= '0' && t[b - 1] <= '9') || strchr(" ./-", t[b - 1]))) {
		digits += t[b - 1] >= '0' && t[b - 1] <= '9';
		b--;
	}
	while (b < end && !(t[b] >= '0' && t[b] <= '9'))
		b++;   /* the run starts with a digit */
	for (size_t i = 0; i < b; i++)
		words += t[i] == ' ';
	if (digits < 8 || digits > 14 || words > EXPOSURE_ANSWER_WORDS || (b > 0 && t[b - 1] != ' ' &&
									t[b - 1] != ':'))
		return false;
	*s = b, *e = end;
	return true;
}

/*
 * A birth date given as asked: the other side's message before it named a
 * birth ("we need date of birth and passport number of each participant"),
 * and this one holds a full date of a year before its own ("Grace Cooper,
 * 02/12/1974, passport 123021048"). Its bytes in [*s, *e).
 */
static bool answer_birth(struct scanner *sc, const struct place *at, const char *text,
			 size_t len, size_t *s, size_t *e)
{
	int year;
	int64_t y;
	unsigned m, d;
	bool full = pii_full_date(text, len, s, e, &year);
	/* "٣ مارس ١٩٩٤": native digits read as ASCII ones */
	if (!full && (memchr(text, 0xd9, len) || memchr(text, 0xdb, len) || memchr(text, 0xe0, len))) {
		char *ascii = xmalloc(len + 1);
		size_t *from = xmalloc((len + 1) * sizeof(*from));
		size_t n = pii_ascii_digits(text, len, ascii, from);
		if ((full = pii_full_date(ascii, n, s, e, &year))) {
			*s = from[*s];
			*e = from[*e];
		}
		free(ascii);
		free(from);
	}
	if (!full)
		return false;
	time_civil_from_days(at->created / 86400000, &y, &m, &d);
	if (year > y + 400)
		year -= 543;   /* "20 ธ.ค. 2532": a Buddhist-era year */
	return year >= 1900 && year < y && asked_for(sc, at, BIRTH_WORDS, ASK_ANY);
}

/*
 * The one value of a short answer: a message of max_words words at most
 * (split at spaces, line breaks and commas, a closing . ! ? no part of a
 * word) of which exactly one is a value by is_value. [*s, *e) is it.
 */
static bool one_value(const char *t, size_t n, bool (*is_value)(const char *, size_t),
		      size_t max_words, size_t *s, size_t *e)
{
	size_t words = 0, found = 0;
	*s = *e = 0;
	for (size_t i = 0; i < n;) {
		while (i < n && (t[i] == ' ' || t[i] == '\n' || t[i] == ','))
			i++;
		if (i >= n)
			break;
		size_t a = i;
		while (i < n && t[i] != ' ' && t[i] != '\n' && t[i] != ',')
			i++;
		size_t b = i;
		while (b > a && (t[b - 1] == '.' || t[b - 1] == '!' || t[b - 1] == '?'))
			b--;
		if (++words > max_words)
			return false;
		if (is_value(t + a, b - a)) {
			*s = a, *e = b;
			found++;
		}
	}
	return found == 1;
}

static bool short_answer(const char *t, size_t n, bool (*is_value)(const char *, size_t),
			 size_t *s, size_t *e)
{
	return one_value(t, n, is_value, EXPOSURE_ANSWER_WORDS, s, e);
}

/*
 * A password no one could take for a word: 6 to 32 bytes of ASCII letters
 * and digits with a sign among them that is no dot or dash ("Bunda#2023ds",
 * "Lavanda!2291"), not an address.
 */
static bool strong_secret(const char *w, size_t n)
{
	size_t letters = 0, digits = 0, signs = 0;
	if (n < 6 || n > 32)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];
		if (c >= 0x80 || c == '/' || c == '@' || c == ':')
			return false;
		if (c >= '0' && c <= '9')
			digits++;
		else if ((c | 32) >= 'a' && (c | 32) <= 'z')
			letters++;
		else if (c != '.' && c != '-')
			signs++;
	}
	return letters >= 3 && digits && signs && signs <= 2;
}

/* A code: 4 to 8 digits. */
static bool code_value(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (w[i] < '0' || w[i] > '9')
			return false;
	return n >= 4 && n <= 8;
}

/*
 * An identifier ("CK73517944", "SR-5829-51779", "F-8898"): 5 to 24 letters,
 * digits, '-', '/' and '#', four digits or more and eight letters at most,
 * with a letter in it or six digits ("07/07" is a date).
 */
static bool id_value(const char *w, size_t n)
{
	size_t digits = 0, letters = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];
		if (c >= '0' && c <= '9')
			digits++;
		else if ((c | 32) >= 'a' && (c | 32) <= 'z')
			letters++;
		else if (c != '-' && c != '/' && c != '#')
			return false;
	}
	return n >= 5 && n <= 24 && digits >= 4 && letters <= 8 && (letters || digits >= 6);
}

/* A code given out as the last word of a short answer: "ok got it, 698175",
 * "chegou 1157", "Codul: 817 480" (two halves of three); "5000 words in 3
 * months?" gives none. */
static bool answer_code(const char *t, size_t n, size_t *s, size_t *e)
{
	size_t end = n;
	while (end > 0 && (t[end - 1] == ' ' || t[end - 1] == '\n' || t[end - 1] == '.' ||
			   t[end - 1] == '!'))
		end--;
	if (short_answer(t, n, code_value, s, e) && *e == end)
		return true;
	/* "303 128": halves of three digits ending a short answer */
	if (end < 7 || t[end - 4] != ' ' || (end > 7 && t[end - 8] != ' ' && t[end - 8] != ':'))
		return false;
	size_t words = 1;
	for (size_t i = 0; i < end; i++) {
		if (i >= end - 7 && i != end - 4 && (t[i] < '0' || t[i] > '9'))
			return false;
		words += t[i] == ' ';
	}
	if (words > EXPOSURE_ANSWER_WORDS)
		return false;
	*s = end - 7, *e = end;
	return true;
}

/*
 * A password given out: 6 to 32 bytes of ASCII letters, digits and at most
 * two of a password's signs ("Zeehond5552", "Pierogi#319",
 * "Sonnenblume.5929"); three letters and a digit at least.
 */
static bool secret_value(const char *w, size_t n)
{
	size_t letters = 0, digits = 0, signs = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];
		if (c >= '0' && c <= '9')
			digits++;
		else if ((c | 32) >= 'a' && (c | 32) <= 'z')
			letters++;
		else if (c && strchr("!#$%&*._-+=", c))
			signs++;
		else
			return false;
	}
	return n >= 6 && n <= 32 && letters >= 3 && digits && signs <= 2;
}

/* An account number with no word of its own in a 1:1 or group message. */
static bool bare_account(const char *text, size_t len)
{
	struct buf norm = BUF_INIT;
	text_normalize(text, len, &norm);
	bool named = lex_scan(norm.s, norm.len, (1ull << LEX_PII_ACCOUNT) | (1ull << LEX_PII_REF)) != 0;
	buf_release(&norm);
	return !named;
}

/* Scan one text; the owner's texts are also read for tone. A bit set of the types found. */
static unsigned scan_text(struct scanner *sc, const struct place *at, const char *text,
			  size_t len)
{
	size_t n = pii_scan_in(text, len, &sc->r->regions, sc->m, MAXM);
	size_t first[PII__COUNT], count[PII__COUNT] = { 0 };
	sc->r->texts++;
	sc->r->bytes += len;
	if (n > MAXM)
		n = MAXM;
	bool account = false;
	for (size_t i = 0; i < n; i++)
		account |= sc->m[i].type == PII_ACCOUNT_NUMBER;
	/* a bare number is what the question before it asked for: an order's
	 * ("the ticket number?"), or an identity's ("¿me recuerda el ruc?") */
	enum pii_type asked = !(account && at->msg_id && bare_account(text, len)) ? PII_ACCOUNT_NUMBER
			      : asked_reference(sc, at, true) ? PII_REFERENCE_NUMBER
			      : asked_identity(sc, at) ? PII_NATIONAL_ID : PII_ACCOUNT_NUMBER;
	if (asked != PII_ACCOUNT_NUMBER)
		for (size_t i = 0; i < n; i++)
			if (sc->m[i].type == PII_ACCOUNT_NUMBER)
				sc->m[i].type = asked;
	for (size_t i = 0; i < n; i++)
		if (!count[sc->m[i].type]++)
			first[sc->m[i].type] = i;
	for (int t = 0; t < PII__COUNT; t++) {
		if (!count[t])
			continue;
		const struct pii_match *m = &sc->m[first[t]];
		add_finding(sc, at, t, text, m->start, m->end, m->score, count[t]);
	}
	struct tone_hit h;
	unsigned found = 0;
	for (int t = 0; t < PII__COUNT; t++)
		found |= count[t] ? 1u << t : 0;
	if (at->by == EXPOSURE_BY_OWNER && tone_scan(text, len, &h))
		add_finding(sc, at, EXPOSURE_TONE, text, h.start, h.end, h.score, 1);
	return found;
}

/*
 * Is the whole text one code: 4 to 12 letters and digits, a digit among
 * them, spaces around at most ("901353", "3q9dsg")? Codes relayed to a
 * bot or a friend come so; a word with a number in it ("covid19") is one
 * too, which is why the other side must confirm it (code_confirmed).
 */
static bool lone_code(const char *t, size_t n)
{
	while (n && (t[n - 1] == ' ' || t[n - 1] == '\n'))
		n--;
	while (n && (*t == ' ' || *t == '\n'))
		t++, n--;
	if (n < 4 || n > 12)
		return false;
	bool digit = false;
	for (size_t i = 0; i < n; i++) {
		char c = t[i];
		if (c >= '0' && c <= '9')
			digit = true;
		else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
			return false;
	}
	return digit;
}

/*
 * Did the other side's next message, within ten minutes, confirm that the
 * code worked ("done", "it worked", "готово")? A bot that links an
 * account answers so; a code typed by mistake gets no such answer.
 */
static int code_confirmed(sqlite3_stmt *st, const struct lone_code *c, bool *yes)
{
	*yes = false;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, c->conv, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, c->sender);
	sqlite3_bind_int64(st, 3, c->created);
	sqlite3_bind_int64(st, 4, c->id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return -1;
	const char *text = (const char *)sqlite3_column_text(st, 0);
	if (!text || sqlite3_column_int64(st, 1) - c->created > EXPOSURE_CONFIRM_MS)
		return 0;
	struct buf norm = BUF_INIT;
	text_normalize(text, (size_t)sqlite3_column_bytes(st, 0), &norm);
	*yes = lex_scan(norm.s, norm.len, 1ull << LEX_PII_CONFIRM) != 0;
	buf_release(&norm);
	return 0;
}

/* The lone codes that the other side confirmed become credentials. */
static int confirm_codes(struct scanner *sc, struct err *err)
{
	sqlite3_stmt *st = NULL;
	int ret = -1;
	char id[FMT_I64_SIZE];
	if (!sc->ncodes)
		return 0;
	if (store_prepare(sc->ctx->store,
			  "SELECT text, created_at FROM message WHERE conversation_id = ?1 AND "
			  "sender_id != ?2 AND (created_at > ?3 OR (created_at = ?3 AND id > ?4)) "
			  "ORDER BY created_at, id LIMIT 1",
			  &st, err))
		return -1;
	for (size_t i = 0; i < sc->ncodes; i++) {
		const struct lone_code *c = &sc->codes[i];
		bool yes;
		if (code_confirmed(st, c, &yes)) {
			err_set(err, EXIT_IO, "cannot read the messages after '%s': %s", c->conv,
				sqlite3_errmsg(sqlite3_db_handle(st)));
			goto out;
		}
		if (!yes)
			continue;
		size_t n = strlen(c->text), s = 0;
		while (s < n && (c->text[s] == ' ' || c->text[s] == '\n'))
			s++;
		while (n > s && (c->text[n - 1] == ' ' || c->text[n - 1] == '\n'))
			n--;
		fmt_i64(id, c->id);
		struct place at = { id, c->group ? EXPOSURE_GROUP_DM : EXPOSURE_DM, c->conv, c->by,
				    c->created, c->id, c->sender };
		add_finding(sc, &at, PII_CREDENTIAL, c->text, s, n, 0.8, 1);
	}
	ret = 0;
out:
	sqlite3_finalize(st);
	return ret;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Worst first, then oldest first, then by id. */
static int finding_cmp(const void *a, const void *b)
{
	const struct exposure_finding *x = a, *y = b;
	int d = (int)y->sev - (int)x->sev;
	if (d)
		return d;
	d = strcmp(x->created, y->created);
	if (d)
		return d;
	size_t li = strlen(x->source), lj = strlen(y->source);
	if (li != lj)
		return li < lj ? -1 : 1;
	d = strcmp(x->source, y->source);
	return d ? d : strcmp(exposure_type_name(x->type), exposure_type_name(y->type));
}

static int cmp_conv_id(const void *a, const void *b)
{
	const struct exposure_finding *x = *(const struct exposure_finding *const *)a;
	const struct exposure_finding *y = *(const struct exposure_finding *const *)b;
	int c = strcmp(x->conv, y->conv);
	return c ? c : (x > y) - (x < y);
}

static int conv_cmp(const void *a, const void *b)
{
	const struct exposure_conv *x = a, *y = b;
	if (x->risk != y->risk)
		return x->risk > y->risk ? -1 : 1;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->first > y->first) - (x->first < y->first);
}

/*
 * Per conversation, from the sorted findings: findings, risk score,
 * channel, worst severity, types; riskiest first.
 */
static void conversations(struct exposure_result *r)
{
	const struct exposure_finding *f = r->findings;
	size_t nf = r->nfindings;
	const struct exposure_finding **by = xmalloc((nf + 1) * sizeof(*by));
	size_t n = 0;
	for (size_t i = 0; i < nf; i++)
		if (f[i].conv)
			by[n++] = &f[i];
	qsort(by, n, sizeof(*by), cmp_conv_id);   /* a conversation's findings in list order */
	struct exposure_conv *c = xcalloc(n + 1, sizeof(*c));
	double *keep = xmalloc((n + 1) * sizeof(*keep));   /* product of (1 - w) */
	size_t nc = 0;
	for (size_t i = 0; i < n; i++) {
		const struct exposure_finding *x = by[i];
		struct exposure_conv *cv = nc && !strcmp(c[nc - 1].id, x->conv) ? &c[nc - 1] : NULL;
		if (!cv) {
			keep[nc] = 1.0;
			cv = &c[nc++];
			*cv = (struct exposure_conv){ .id = x->conv, .channel = x->channel,
						      .first = (size_t)(x - f), .worst = EXPOSURE_LOW };
		}
		keep[cv - c] *= 1 - sev_weight[x->sev];
		cv->findings++;
		if (x->sev > cv->worst)
			cv->worst = x->sev;
		bool have = false;
		for (int k = 0; k < cv->ntypes; k++)
			have |= cv->types[k] == x->type;
		if (!have)
			cv->types[cv->ntypes++] = x->type;
	}
	for (size_t i = 0; i < nc; i++)
		c[i].risk = round((1 - keep[i]) * 1000) / 1000;
	qsort(c, nc, sizeof(*c), conv_cmp);
	r->convs = c;
	r->nconvs = nc;
	free(keep);
	free(by);
}

/*
 * The regions whose national phone forms the texts may use: the owner's
 * time zone first, then what the texts show (scripts, calling codes), read
 * in a first pass over the same texts (a tenth of the scan's cost).
 */
static int find_regions(struct scanner *sc, struct err *err)
{
	static const char *const sql[] = { "SELECT text FROM message",
					   "SELECT text FROM tweet WHERE is_retweet = 0" };
	struct pii_seen *seen = xcalloc(1, sizeof(*seen));
	char *tz = store_meta_get(sc->ctx->store, "owner_timezone");
	int ret = -1;
	pii_regions_from_timezone(&sc->r->regions, tz);
	free(tz);
	char *tld = store_meta_get(sc->ctx->store, "owner_tld");
	pii_regions_from_tld(&sc->r->regions, tld);
	free(tld);
	for (size_t i = 0; i < sizeof(sql) / sizeof(sql[0]); i++) {
		sqlite3_stmt *st;
		if (store_prepare(sc->ctx->store, sql[i], &st, err))
			goto out;
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *text = (const char *)sqlite3_column_text(st, 0);
			if (text)
				pii_seen_observe(seen, text, (size_t)sqlite3_column_bytes(st, 0));
		}
		sqlite3_finalize(st);
	}
	pii_regions_from_seen(&sc->r->regions, seen);
	ret = 0;
out:
	free(seen);
	return ret;
}

/*
 * The group conversations, sorted, to tell a message's channel without a
 * join: the messages are read in table order, the cheapest, as the
 * findings are sorted at the end.
 */
static int load_groups(struct scanner *sc, struct err *err)
{
	sqlite3_stmt *st;
	if (store_prepare(sc->ctx->store,
			  "SELECT id FROM conversation WHERE kind = 'group' ORDER BY id", &st, err))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		ALLOC_GROW(sc->groups, sc->ngroups + 1, sc->agroups);
		sc->groups[sc->ngroups++] = xstrdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	return 0;
}

static int scan_messages(struct scanner *sc, struct err *err)
{
	sqlite3_stmt *st;
	char id[FMT_I64_SIZE];
	if (store_prepare(sc->ctx->store,
			  "SELECT id, conversation_id, sender_id, created_at, text FROM message",
			  &st, err))
		return -1;
	struct buf conv = BUF_INIT;  /* the last message's conversation, and its kind */
	bool group = false;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *cid = (const char *)sqlite3_column_text(st, 1);
		if (!cid)
			continue;
		if (strcmp(conv.s, cid)) {
			buf_reset(&conv);
			buf_adds(&conv, cid);
			group = sc->ngroups && bsearch(&cid, sc->groups, sc->ngroups, sizeof(char *),
							cmp_str);
		}
		int64_t sender = sqlite3_column_int64(st, 2);
		bool owner = sender == sc->ctx->owner;
		const char *text = (const char *)sqlite3_column_text(st, 4);
		size_t len = (size_t)sqlite3_column_bytes(st, 4);
		fmt_i64(id, sqlite3_column_int64(st, 0));
		struct place at = { id, group ? EXPOSURE_GROUP_DM : EXPOSURE_DM, conv.s,
				    owner ? EXPOSURE_BY_OWNER : group ? EXPOSURE_BY_MEMBER
								      : EXPOSURE_BY_COUNTERPART,
				    sqlite3_column_int64(st, 3), sqlite3_column_int64(st, 0), sender };
		unsigned found = scan_text(sc, &at, text ? text : "", text ? len : 0);
		size_t is = 0, ie = 0;
		if (text && !found && (answer_code(text, len, &is, &ie) ||
				       short_answer(text, len, secret_value, &is, &ie)) &&
		    asked_for(sc, &at, CODE_WORDS, ASK_ANY))
			add_finding(sc, &at, PII_CREDENTIAL, text, is, ie, 0.6, 1);
		/* a password of that shape in a few more words, after a message that
		 * named a login's, a password's or a code's word ("ga bisa login") */
		else if (text && !(found & (1u << PII_CREDENTIAL)) &&
			 one_value(text, len, strong_secret, 2 * EXPOSURE_ANSWER_WORDS, &is, &ie) &&
			 asked_for(sc, &at, CODE_WORDS | (1ull << LEX_PII_USER), ASK_ANY))
			add_finding(sc, &at, PII_CREDENTIAL, text, is, ie, 0.6, 1);
		else if (text && !found && short_answer(text, len, id_value, &is, &ie) &&
			 asked_reference(sc, &at, ie > is && pii_all_digits(text + is, ie - is)))
			add_finding(sc, &at, PII_REFERENCE_NUMBER, text, is, ie, 0.6, 1);
		else if (text && !found && answer_identity(text, len, &is, &ie) && asked_identity(sc, &at))
			add_finding(sc, &at, PII_NATIONAL_ID, text, is, ie, 0.6, 1);
		if (text && !(found & (1u << PII_DATE_OF_BIRTH)) && answer_birth(sc, &at, text, len, &is, &ie))
			add_finding(sc, &at, PII_DATE_OF_BIRTH, text, is, ie, 0.6, 1);
		if (text && !(found & (1u << PII_CREDENTIAL)) && lone_code(text, len)) {
			ALLOC_GROW(sc->codes, sc->ncodes + 1, sc->acodes);
			sc->codes[sc->ncodes++] = (struct lone_code){ sqlite3_column_int64(st, 0),
				sender, at.created, xstrdup(conv.s), xstrndup(text, len), at.by, group };
		}
	}
	buf_release(&conv);
	sqlite3_finalize(st);
	return 0;
}

static int scan_tweets(struct scanner *sc, struct err *err)
{
	sqlite3_stmt *st;
	char id[FMT_I64_SIZE];
	if (store_prepare(sc->ctx->store,
			  "SELECT id, created_at, text FROM tweet WHERE is_retweet = 0", &st, err))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(st, 2);
		size_t len = (size_t)sqlite3_column_bytes(st, 2);
		fmt_i64(id, sqlite3_column_int64(st, 0));
		struct place at = { id, EXPOSURE_TWEET, NULL, EXPOSURE_BY_OWNER,
				    sqlite3_column_int64(st, 1), 0, 0 };
		scan_text(sc, &at, text ? text : "", text ? len : 0);
	}
	sqlite3_finalize(st);
	return 0;
}

struct exposure_result *exposure_analyse(struct report_ctx *ctx, struct err *err)
{
	struct scanner sc = { .ctx = ctx };
	struct exposure_result *r = xcalloc(1, sizeof(*r));
	sc.r = r;
	r->revealed = ctx->opts->reveal;
	int failed = find_regions(&sc, err) || load_groups(&sc, err) || scan_messages(&sc, err) ||
		     confirm_codes(&sc, err) || scan_tweets(&sc, err);
	if (!failed && sc.asked_failed) {
		err_set(err, EXIT_IO, "cannot read the message before a number given out: %s",
			sqlite3_errmsg(sc.ctx->store->db));
		failed = 1;
	}
	sqlite3_finalize(sc.asked);
	if (failed) {
		exposure_result_free(r);
		r = NULL;
	} else {
		if (r->nfindings)
			qsort(r->findings, r->nfindings, sizeof(*r->findings), finding_cmp);
		conversations(r);
	}
	for (size_t i = 0; i < sc.ngroups; i++)
		free(sc.groups[i]);
	free(sc.groups);
	for (size_t i = 0; i < sc.ncodes; i++) {
		free(sc.codes[i].conv);
		free(sc.codes[i].text);
	}
	free(sc.codes);
	return r;
}

void exposure_result_free(struct exposure_result *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nfindings; i++) {
		free(r->findings[i].conv);
		free(r->findings[i].redacted);
		free(r->findings[i].value);
	}
	free(r->findings);
	free(r->convs);
	free(r);
}
