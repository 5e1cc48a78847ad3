/*
 * scan: the single pass of pii_scan. The text is cut into chunks at
 * white space; each chunk is an URL (skipped whole), an e-mail address, a
 * digit-group run (digits joined by single separators, possibly across
 * spaces: "+44 20 7946 0123"), or a word. Words feed a small context window
 * (which keyword classes were seen in the last few tokens); runs and
 * alphanumeric tokens are then classified, validators first, context next.
 * Everything lives on the stack: no allocation, no regular expressions.
 */
#include "once.h"
#include "pii.h"
#include "pii_check.h"
#include "pii_words.h"
#include "scan.h"
#include "xalloc.h"

#include <stdbool.h>
#include <stdint.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>

#define MAX_CHUNK 256

/* Overlap priority: secret > card > IBAN > national id > account/reference >
 * address > phone > date. */
static const int prio[PII__COUNT] = {
	[PII_EMAIL] = 5, [PII_PHONE] = 3, [PII_PAYMENT_CARD] = 9, [PII_IBAN] = 8,
	[PII_NATIONAL_ID] = 7, [PII_ACCOUNT_NUMBER] = 6, [PII_REFERENCE_NUMBER] = 6,
	[PII_CREDENTIAL] = 10, [PII_POSTAL_ADDRESS] = 4, [PII_DATE_OF_BIRTH] = 2,
};

/* Byte classes, so that one look at a chunk's bytes says what it may hold. */
enum {
	B_SPACE = 1,    /* ASCII white space: ends a chunk */
	B_DIGIT = 2,
	B_AT = 4,       /* '@': maybe an e-mail address */
	B_SLASH = 8,    /* '/': maybe a link */
	B_KEYSEP = 16,  /* ':' '=': maybe key:value */
	B_TRAIL = 32,   /* punctuation that may close a word */
	B_LEAD = 64,    /* punctuation that may open a value */
	B_SYM = 128,    /* any other ASCII symbol */
	B_HYPHEN = 256, /* '-': inside words (e-mail, wifi-passord) */
};
#define B_HIGH 512      /* a byte of a non-ASCII character (flags only) */
#define B_NATIVE 1024   /* a lead byte of an Arabic-Indic, Devanagari or Thai digit, maybe */
static unsigned short bclass[256];

static void init_tails(void);

static void init_classes(void)
{
	for (int c = 0x21; c < 0x7f; c++)
		bclass[c] = B_SYM;
	for (const char *p = " \t\n\r\f\v"; *p; p++)
		bclass[(unsigned char)*p] = B_SPACE;
	for (int c = '0'; c <= '9'; c++)
		bclass[c] = B_DIGIT;
	for (int c = 'a'; c <= 'z'; c++)
		bclass[c] = bclass[c - 32] = 0;
	for (const char *p = ".,;:!?)]}\"'*"; *p; p++)
		bclass[(unsigned char)*p] = B_TRAIL;
	for (const char *p = "([{\"'#<*_$"; *p; p++)
		bclass[(unsigned char)*p] |= B_LEAD;
	bclass['-'] = B_HYPHEN;   /* inside words: e-mail, one-time */
	bclass['@'] = B_AT | B_SYM;
	bclass['/'] = B_SLASH | B_SYM;
	bclass[':'] |= B_KEYSEP;
	bclass['='] = B_KEYSEP | B_SYM;
	bclass[0xd9] = bclass[0xdb] = bclass[0xe0] = B_NATIVE;
	init_tails();
}

static bool is_space(unsigned char c)
{
	return bclass[c] & B_SPACE;
}

static void flush(struct scan *s)
{
	if (!s->have_last)
		return;
	if (s->n < s->max)
		s->out[s->n] = s->last;
	s->n++;
	s->done_end = s->last.end;
	s->have_last = false;
}

void scan_emit(struct scan *s, enum pii_type type, size_t start, size_t end, double score)
{
	/* a span reaching back over a match already written out keeps to its own
	 * side of it: the matches stay in order and apart */
	if (start < s->done_end)
		start = s->done_end;
	if (end <= start)
		return;
	if (s->have_last && start < s->last.end && end > s->last.start) {
		if (prio[type] > prio[s->last.type]) {
			s->last.type = type;
			s->last.start = start;
			s->last.end = end;
			s->last.score = score;
		}
		return;
	}
	flush(s);
	s->last.type = type;
	s->last.start = start;
	s->last.end = end;
	s->last.score = score;
	s->have_last = true;
}

/* Record a token and the keyword classes it carries. */
static void mark(struct scan *s, unsigned cls)
{
	for (unsigned c = cls; c; c &= c - 1)
		s->seen[__builtin_ctz(c)] = s->tok + 1;
	/* "order 4839, tracking 9400…": the number after a parcel's word is the
	 * parcel's, public, whatever order came before */
	if (__builtin_expect(cls & CTX_CODEMOD, 0))
		s->seen[__builtin_ctz(CTX_REF)] = 0;
	if (__builtin_expect(s->addr_open || (cls & CTX_ADDRESS), 0)) {
		if (cls & CTX_ADDRESS)
			s->addr_open = true, s->addr_filled = false;
		else if (cls & CTX_FILLER)
			s->addr_filled = true;
		else
			s->addr_open = false;
	}
	s->prev_cls = cls;
	s->tok++;
}

/* How many tokens ago a keyword of class bit was seen; large when never. */
size_t scan_chunk_end(const struct scan *s, size_t i)
{
	while (i < s->len && !is_space((unsigned char)s->t[i]))
		i++;
	return i;
}

/* Trailing punctuation that is not part of a value. */
size_t scan_trim_end(const char *t, size_t p, size_t e)
{
	while (e > p) {
		unsigned char c = (unsigned char)t[e - 1];
		if (bclass[c] & B_TRAIL) {
			e--;
			continue;
		}
		if (c < 0x80)
			break;
		/* … ” ’ (UTF-8), and the full stops of Ethiopic and CJK (። 。), the
		 * Ethiopic comma and colon (፣ ፦) */
		if (e - p >= 3 && (!memcmp(t + e - 3, "\xe2\x80\xa6", 3) ||
				   !memcmp(t + e - 3, "\xe2\x80\x9d", 3) ||
				   !memcmp(t + e - 3, "\xe2\x80\x99", 3) ||
				   !memcmp(t + e - 3, "\xe1\x8d\xa2", 3) ||
				   !memcmp(t + e - 3, "\xe1\x8d\xa3", 3) ||
				   !memcmp(t + e - 3, "\xe1\x8d\xa6", 3) ||
				   !memcmp(t + e - 3, "\xe3\x80\x82", 3))) {
			e -= 3;
			continue;
		}
		if (e - p >= 2 && !memcmp(t + e - 2, "\xc2\xbb", 2)) {
			e -= 2;
			continue;
		}
		/* an emoji glued to the value ("040184274125❤️", "REF-1234🙏"): the
		 * pictographs of U+1F000 and up, the symbols of U+2600-U+27BF, the
		 * emoji presentation selector */
		if (e - p >= 4 && (unsigned char)t[e - 4] == 0xf0 && (unsigned char)t[e - 3] == 0x9f) {
			e -= 4;
			continue;
		}
		if (e - p >= 3 && (((unsigned char)t[e - 3] == 0xe2 && (unsigned char)t[e - 2] >= 0x98 &&
				    (unsigned char)t[e - 2] <= 0x9e) ||
				   !memcmp(t + e - 3, "\xef\xb8\x8f", 3))) {
			e -= 3;
			continue;
		}
		break;
	}
	return e;
}

/* A word's lower-cased form into w (at most cap-1 bytes), its length, or 0. */
size_t scan_fold(const char *t, size_t p, size_t e, char *w, size_t cap)
{
	if (e - p >= cap)
		return 0;
	size_t i = p;
	for (; i < e && (unsigned char)t[i] < 0x80; i++)
		w[i - p] = lower(t[i]);   /* ASCII: the common case, one table-free step a byte */
	for (; i < e; i++) {
		unsigned char c = (unsigned char)t[i], c1 = i + 1 < e ? (unsigned char)t[i + 1] : 0;
		w[i - p] = lower(t[i]);
		if (!c1)
			continue;
		/* two-byte capitals, same length lower-cased: À-Þ, Α-Ω, А-Я */
		if ((c == 0xc3 && c1 >= 0x80 && c1 <= 0x9e && c1 != 0x97) ||
		    (c == 0xce && c1 >= 0x91 && c1 <= 0x9f) || (c == 0xd0 && c1 >= 0x90 && c1 <= 0x9f)) {
			w[i - p] = (char)c;
			w[i - p + 1] = (char)(c1 + 0x20);
			i++;
		} else if (c == 0xce && c1 >= 0xa0 && c1 <= 0xa9) {
			w[i - p] = (char)0xcf;
			w[i - p + 1] = (char)(c1 - 0x20);
			i++;
		} else if (c == 0xd0 && c1 >= 0xa0 && c1 <= 0xaf) {
			w[i - p] = (char)0xd1;
			w[i - p + 1] = (char)(c1 - 0x20);
			i++;
		} else if ((c == 0xc4 || c == 0xc5) && c1 >= 0x80 && c1 <= 0xbf) {
			/* Latin Extended-A, capital and small side by side: Ş ş, Ł ł, Č č
			 * (İ, whose small letter is ASCII, stays as written) */
			unsigned cp = ((unsigned)(c & 0x1f) << 6) | (c1 & 0x3f);
			bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17e);
			if (cp != 0x130 && cp != 0x131 && cp != 0x138 && cp != 0x149 && cp != 0x17f &&
			    (cp & 1) == (odd_upper ? 1u : 0u))
				cp++;
			w[i - p] = (char)(0xc0 | (cp >> 6));
			w[i - p + 1] = (char)(0x80 | (cp & 0x3f));
			i++;
		} else if (c >= 0x80) {
			w[i - p] = (char)c;
		}
	}
	w[e - p] = '\0';
	return e - p;
}

/* Classes of the word t[p..e), trying "st." as well as "st". */
unsigned scan_word_class(const char *t, size_t p, size_t e, size_t ce)
{
	char w[40];
	size_t n = scan_fold(t, p, e, w, sizeof(w));
	if (!n)
		return 0;
	unsigned c = pii_word_class(w, n);
	if (!c && e < ce && t[e] == '.' && n + 1 < sizeof(w)) {
		w[n] = '.';
		c = pii_word_class(w, n + 1);
	}
	return c;
}

/* The next word after pos on the same line: [*ws, *we), or false. */
bool scan_next_word(const struct scan *s, size_t pos, size_t *ws, size_t *we)
{
	size_t q = pos;
	while (q < s->len && (s->t[q] == ' ' || s->t[q] == ',' || s->t[q] == '\t'))
		q++;
	if (q >= s->len || !(is_alpha((unsigned char)s->t[q]) || (unsigned char)s->t[q] >= 0x80))
		return false;
	size_t e = q;
	while (e < s->len && (is_alpha((unsigned char)s->t[e]) || (unsigned char)s->t[e] >= 0x80 ||
			      ((s->t[e] == '.' || s->t[e] == '-') && e + 1 < s->len &&
			       is_alpha((unsigned char)s->t[e + 1]))))
		e++;
	/* a non-ASCII space or punctuation ends a word too: keep it simple, stop
	 * at the first byte that is neither letter nor UTF-8 */
	*ws = q;
	*we = e;
	return true;
}

/* Whether the next few words hold a code keyword ("123456 is your code"). */
static bool code_follows(const struct scan *s, size_t pos)
{
	size_t ws, we;
	unsigned prev = 0;
	for (int k = 0; k < 4 && scan_next_word(s, pos, &ws, &we); k++) {
		unsigned c = scan_word_class(s->t, ws, we, we);
		if ((c & CTX_CODE) && !(prev & (CTX_CODEMOD | CTX_REF | CTX_ACCOUNT)))
			return true;
		prev = c;
		pos = we;
	}
	return false;
}

/*
 * Whether a password word follows the value at [.., pos) after fillers only,
 * one space apart, and ends its phrase ("hunter2 is the password", "… is my
 * password lol", "Tulip#12 ist mein Passwort"; not "win10 is my password
 * manager", where the word names something else).
 */
static bool secret_follows(const struct scan *s, size_t pos)
{
	size_t ws, we;
	for (int k = 0; k < 4 && scan_next_word(s, pos, &ws, &we); k++) {
		if (ws != pos + 1 || s->t[pos] != ' ')
			return false;
		unsigned c = scan_word_class(s->t, ws, we, we);
		if (c & CTX_SECRET) {
			size_t ns, ne;
			if (we < s->len && s->t[we] != ' ')
				return true;   /* "password.", "password," */
			return !scan_next_word(s, we, &ns, &ne) || ne - ns <= 3;
		}
		if (!(c & CTX_FILLER))
			return false;
		pos = we;
	}
	return false;
}

/* Whether a word of one of the classes cls comes within the next n words,
 * past their punctuation. */
static bool word_follows(const struct scan *s, size_t pos, int n, unsigned cls)
{
	size_t ws, we;
	for (int k = 0; k < n && scan_next_word(s, pos, &ws, &we); k++) {
		if (scan_word_class(s->t, ws, we, we) & cls)
			return true;
		pos = we;
		while (pos < s->len && s->t[pos] != ' ' && s->t[pos] != '\n' && s->t[pos] != '\t')
			pos++;   /* past the word's punctuation */
	}
	return false;
}

/* Whether a phone word follows closely ("555-0134 is my cell", "… on my phone"). */
static bool phone_follows(const struct scan *s, size_t pos)
{
	return word_follows(s, pos, 5, CTX_PHONE);
}

/* Whether a birth word follows a date closely: "am 03.04.2002 geboren",
 * "14/07/1996 born in Kisumu". */
static bool dob_follows(const struct scan *s, size_t pos)
{
	return word_follows(s, pos, 2, CTX_DOB);
}

/* Whether the next few words make a code a discount ("4821 at checkout"). */
static bool promo_follows(const struct scan *s, size_t pos)
{
	size_t ws, we;
	/* "30% הנחה … קוד: AMP30": a percentage before it, a code in capitals */
	for (size_t b = pos; b > 0 && b + 240 > pos; b--)
		if (s->t[b - 1] == '%' && b >= 2 && is_digit((unsigned char)s->t[b - 2])) {
			size_t c = pos;
			while (c > 0 && !is_space((unsigned char)s->t[c - 1]))
				c--;
			bool lower = false;
			for (size_t k = c; k < pos; k++)
				lower |= s->t[k] >= 'a' && s->t[k] <= 'z';
			if (!lower)
				return true;
			break;
		}
	for (int k = 0; k < 4; k++) {
		/* "KARO10 for 10% off": a percentage is what a discount code is worth */
		size_t q = pos, d;
		while (q < s->len && (s->t[q] == ' ' || s->t[q] == ',' || s->t[q] == '\t'))
			q++;
		for (d = q; d < s->len && is_digit((unsigned char)s->t[d]); d++)
			;
		if (d > q && d < s->len && s->t[d] == '%')
			return true;
		if (!scan_next_word(s, pos, &ws, &we))
			return false;
		if (scan_word_class(s->t, ws, we, we) & CTX_CODEMOD)
			return true;
		pos = we;
	}
	return false;
}

/*
 * Does the value [b, e) stand as a clause of its own, as a number given
 * out does ("555-0182 what did you get?", "… at 555-0182.", "me? 555-0182"):
 * the text's start, a sentence's end or "at"/":" before it, or the end of
 * the text or of a sentence after it; not inside a phrase ("was 555-0188
 * points ago").
 */
bool scan_stands_alone(const struct scan *s, size_t b, size_t e)
{
	size_t i = b;
	while (i > 0 && (s->t[i - 1] == ' ' || s->t[i - 1] == '\t'))
		i--;
	if (i == 0 || strchr(".!?:\n", s->t[i - 1]) ||
	    (i >= 3 && !strncasecmp(s->t + i - 3, " at", 3)))
		return true;
	size_t j = e;
	while (j < s->len && (s->t[j] == ' ' || s->t[j] == '\t'))
		j++;
	return j == s->len || strchr(".!?\n", s->t[j]);
}

/* Eight digits that read as a date: 20230115, 15012023, 01152023. */
static bool compact_date(const char *d, size_t n)
{
	if (n != 8)
		return false;
	int v[8];
	for (int i = 0; i < 8; i++)
		v[i] = d[i] - '0';
	int y4 = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
	int y4e = v[4] * 1000 + v[5] * 100 + v[6] * 10 + v[7];
	int a = v[0] * 10 + v[1], b = v[2] * 10 + v[3];
	return pii_date_valid(y4, v[4] * 10 + v[5], v[6] * 10 + v[7]) ||
	       pii_date_valid(y4e, b, a) || pii_date_valid(y4e, a, b);
}

/* ------------------------------------------------------------ e-mail */

static bool email_local(unsigned char c)
{
	return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

/*
 * A domain written without its dot, to dodge harvesters: a comma or one
 * space, then a common top-level domain that ends there ("gmail,com",
 * "gmail com"). Returns the end of the address, 0 when there is none.
 */
static size_t obfuscated_tld(const struct scan *s, size_t q)
{
	/* word: also a word, so not read after a space ("me@home it is") */
	static const struct { const char *tld; bool word; } tlds[] = {
		{ "com", 0 }, { "net", 0 }, { "org", 0 }, { "edu", 0 }, { "gov", 0 }, { "info", 0 },
		{ "biz", 0 }, { "io", 0 }, { "co", 1 }, { "uk", 0 }, { "de", 1 }, { "fr", 0 },
		{ "es", 1 }, { "it", 1 }, { "nl", 0 }, { "ch", 0 }, { "at", 1 }, { "be", 1 },
		{ "se", 1 }, { "no", 1 }, { "dk", 0 }, { "fi", 0 }, { "pl", 0 }, { "gr", 0 },
		{ "ru", 0 }, { "ua", 0 }, { "jp", 0 }, { "kr", 0 }, { "cn", 0 }, { "in", 1 },
		{ "br", 0 }, { "mx", 0 }, { "ar", 0 }, { "ca", 0 }, { "au", 0 }, { "nz", 0 },
		{ "ke", 0 }, { "za", 0 },
	};
	if (q + 1 >= s->len || (s->t[q] != ',' && s->t[q] != ' '))
		return 0;
	size_t b = q + 1, e = b;
	while (e < s->len && is_alpha((unsigned char)s->t[e]))
		e++;
	if (e < s->len && (is_alnum((unsigned char)s->t[e]) || s->t[e] == '@'))
		return 0;
	for (size_t i = 0; i < sizeof(tlds) / sizeof(tlds[0]); i++)
		if (e - b == strlen(tlds[i].tld) && !strncmp(s->t + b, tlds[i].tld, e - b))
			return s->t[q] == ' ' && tlds[i].word ? 0 : e;
	return 0;
}

/* An address around the '@' at a inside chunk [p, ce); emits and returns its
 * end, or 0. */
static size_t email(struct scan *s, size_t p, size_t a, size_t ce)
{
	size_t ls = a;
	while (ls > p && email_local((unsigned char)s->t[ls - 1]))
		ls--;
	while (ls < a && (s->t[ls] == '.' || s->t[ls] == '-' || s->t[ls] == '+'))
		ls++;
	if (ls == a)
		return 0;
	size_t q = a + 1, last_dot = 0, label = 0;
	while (q < ce) {
		unsigned char c = (unsigned char)s->t[q];
		if (is_alnum(c) || c == '-') {
			label++;
		} else if (c == '.' && label && q + 1 < ce && is_alnum((unsigned char)s->t[q + 1])) {
			last_dot = q;
			label = 0;
		} else {
			break;
		}
		q++;
	}
	if (!last_dot && label >= 2)
		q = obfuscated_tld(s, q);   /* "jane@gmail,com", "jane@gmail com" */
	else if (!last_dot || q - last_dot - 1 < 2)
		return 0;
	for (size_t i = last_dot + 1; last_dot && i < q; i++)
		if (!is_alpha((unsigned char)s->t[i]))
			return 0;
	if (!q)
		return 0;
	/* role addresses (support@, info@) are a business's: still an address
	 * (the owner may not want it in a screenshot), but less of a finding */
	static const char *const roles[] = {
		"support", "help", "info", "contact", "hello", "sales", "service", "team", "press",
		"care", "noreply", "no-reply", "donotreply", "admin", "billing", "orders", "enquiries",
		"customerservice", "customercare", "kundenservice", "soporte", "atencion", "ayuda",
		"contacto", "bonjour", "webmaster", "postmaster", "privacy", "legal", "jobs", "careers",
	};
	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++) {
		size_t k = strlen(roles[i]);
		if (a - ls == k && !strncasecmp(s->t + ls, roles[i], k)) {
			scan_emit(s, PII_EMAIL, ls, q, 0.5);
			return q;
		}
	}
	scan_emit(s, PII_EMAIL, ls, q, 0.95);
	return q;
}

/* Which of the value contexts was seen most recently, 0 when none is open. */
/* Did a keyword of another value (an order, an account, a phone…) come
 * after the last password word? Then what follows is that value. */
static bool vc_other(const struct scan *s)
{
	static const unsigned others[] = { CTX_ACCOUNT, CTX_REF, CTX_NATID, CTX_PHONE, CTX_DOB,
					   CTX_CARD, CTX_USER };
	unsigned a = ago(s, CTX_SECRET);
	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++)
		if (ago(s, others[i]) < a)
			return true;
	return false;
}

static unsigned value_ctx(const struct scan *s)
{
	/* a phone or birth keyword after "order" says the next number is not the order's */
	static const unsigned order[] = { CTX_CODE, CTX_SECRET, CTX_ACCOUNT, CTX_REF, CTX_NATID,
					  CTX_PHONE, CTX_DOB, CTX_CARD };
	/* a PIN or code may come a few words after its name ("el PIN de la
	 * tarjeta es 7392"), a password right after its own */
	static const unsigned win[] = { WIN, WIN_SECRET, WIN, WIN, WIN, WIN, WIN, WIN };
	unsigned best = 0, best_ago = 1000;
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		unsigned a = ago(s, order[i]);
		if (a <= win[i] && a < best_ago) {
			best = order[i];
			best_ago = a;
		}
	}
	/* "password for the shared account is 737652", "das Passwort für den
	 * Shop-Account ist 792136": the account or the shop a password opens,
	 * named after it in its clause, leaves the value after a copula or a
	 * colon to the password ("password for account 12345678 is …" keeps
	 * the number right after its word to the account) */
	if ((best == CTX_ACCOUNT || best == CTX_REF) && best_ago >= 2 &&
	    ((s->prev_cls & CTX_FILLER) || s->keyed == s->tok)) {
		/* an order's code is the order's: only a password opens it */
		unsigned code = best == CTX_ACCOUNT ? ago(s, CTX_CODE) : 1000;
		unsigned a = ago(s, CTX_SECRET) < code ? ago(s, CTX_SECRET) : code;
		if (a > best_ago && a <= 4 * WIN && a <= s->tok - s->clause)
			return ago(s, CTX_SECRET) < code ? CTX_SECRET : CTX_CODE;
	}
	return best;
}

/*
 * Money is never a value: an amount in any currency, by its symbol (the
 * Unicode block of currency signs, U+20A0-U+20CF: ₹ ₱ ₫ ₩ ₺ ₽ ₦; and $ £ ¥
 * ฿ ৳ ﷼) or its code or short form written before it ("RM1,000", "Rp
 * 150.000", "Rs. 499", "KES 2,500") or after it ("2.500 TL", "50.000đ",
 * "3000円", "1200 บาท").
 */
static const char *const currency_codes[] = {
	"USD", "EUR", "GBP", "JPY", "CNY", "RMB", "HKD", "TWD", "KRW", "INR", "PKR", "BDT",
	"LKR", "NPR", "IDR", "MYR", "SGD", "THB", "VND", "PHP", "AUD", "NZD", "CAD", "MXN",
	"BRL", "ARS", "CLP", "COP", "PEN", "CHF", "SEK", "NOK", "DKK", "ISK", "PLN", "CZK",
	"HUF", "RON", "BGN", "TRY", "RUB", "UAH", "ILS", "AED", "SAR", "QAR", "KWD", "EGP",
	"MAD", "NGN", "GHS", "KES", "TZS", "UGX", "ZAR", "ETB", "XOF", "XAF", "RM", "Rp",
	"Rs", "Rs.", "Tk", "KSh", "Ksh", "R$", "S/", "TL", "kr", "zł", "Kč", "Ft", "lei",
	"руб", "грн", "₽", NULL,
};

/* The first bytes of the codes and of the words after an amount: most
 * numbers are followed by nothing that could start one, and cost one look. */
static const char *const currency_after[] = { "円", "元", "원", "đ", "บาท", "টাকা", "ribu",
					      "rb", "jt", "juta", "lakh", "crore", NULL };
static bool currency_first[256];
static pthread_once_t currency_once = PTHREAD_ONCE_INIT;

static void currency_build(void)
{
	for (size_t i = 0; currency_codes[i]; i++)
		currency_first[(unsigned char)currency_codes[i][0]] = true;
	for (size_t i = 0; currency_after[i]; i++)
		currency_first[(unsigned char)currency_after[i][0]] = true;
}

static bool currency_may_start(const char *t, size_t q, size_t len)
{
	pthread_once(&currency_once, currency_build);
	return q < len && currency_first[(unsigned char)t[q]];
}

/* The length of a currency sign at t[q..] (a multi-byte one), or 0. */
static size_t currency_sign(const char *t, size_t q, size_t len)
{
	const unsigned char *u = (const unsigned char *)t + q;
	size_t left = len - q;
	if (left >= 1 && u[0] == '$')
		return 1;
	if (left >= 2 && u[0] == 0xc2 && (u[1] == 0xa3 || u[1] == 0xa5))
		return 2;   /* £ ¥ */
	if (left >= 3 && u[0] == 0xe2 && ((u[1] == 0x82 && u[2] >= 0xa0) ||
					  (u[1] == 0x83 && u[2] <= 0x8f)))
		return 3;   /* U+20A0-U+20CF */
	if (left >= 3 && ((u[0] == 0xe0 && u[1] == 0xb8 && u[2] == 0xbf) ||   /* ฿ */
			  (u[0] == 0xe0 && u[1] == 0xa7 && u[2] == 0xb3) ||   /* ৳ */
			  (u[0] == 0xef && u[1] == 0xb7 && u[2] == 0xbc)))    /* ﷼ */
		return 3;
	return 0;
}

/* Does a currency code end at q, a word of its own ("RM", "KES", "Rs.")? */
static bool currency_code_before(const char *t, size_t q)
{
	/* the word ending at q: a code is 6 bytes at most ("руб") */
	size_t w = q;
	while (w > 0 && q - w < 7 && !(t[w - 1] == ' ' || t[w - 1] == '\n' || t[w - 1] == '\t' ||
				       t[w - 1] == '(' || t[w - 1] == ','))
		w--;
	if (w == q || q - w > 6 || !currency_may_start(t, w, q))
		return false;
	for (size_t i = 0; currency_codes[i]; i++)
		if (strlen(currency_codes[i]) == q - w && !memcmp(t + w, currency_codes[i], q - w))
			return true;
	return false;
}

/* The length of a currency code at t[p..] glued to digits ("RM1,000", "Rp150rb"), or 0. */
static size_t currency_code_glued(const char *t, size_t p, size_t len)
{
	if (!currency_may_start(t, p, len))
		return 0;
	for (size_t i = 0; currency_codes[i]; i++) {
		size_t n = strlen(currency_codes[i]);
		if (p + n < len && !memcmp(t + p, currency_codes[i], n) &&
		    is_digit((unsigned char)t[p + n]))
			return n;
	}
	return 0;
}

static bool money_before(const struct scan *s, size_t p)
{
	const char *t = s->t;
	size_t q = p;
	if (q > 0 && t[q - 1] == ' ')
		q--;   /* "€ 45" */
	for (size_t k = 1; k <= 3 && k <= q; k++)
		if (currency_sign(t, q - k, s->len) == k)
			return true;
	return currency_code_before(t, q);
}

static bool money_after(const struct scan *s, size_t e)
{
	const char *const *after = currency_after;
	const char *t = s->t;
	size_t q = e;
	if (q < s->len && t[q] == ' ')
		q++;
	if (q < s->len && t[q] == '%')
		return true;
	if (currency_sign(t, q, s->len))
		return true;
	if (!currency_may_start(t, q, s->len))
		return false;
	for (size_t i = 0; currency_codes[i]; i++) {
		size_t n = strlen(currency_codes[i]);
		if (q + n <= s->len && !memcmp(t + q, currency_codes[i], n) &&
		    (q + n == s->len || !is_alnum((unsigned char)t[q + n])))
			return true;
	}
	for (size_t i = 0; after[i]; i++) {
		/* a Latin word ends where no letter follows, "đ" of "để" too */
		size_t n = strlen(after[i]);
		bool latin = (unsigned char)after[i][0] < 0xe0;
		if (q + n <= s->len && !memcmp(t + q, after[i], n) &&
		    (q + n == s->len || (!is_alnum((unsigned char)t[q + n]) &&
					 !(latin && (unsigned char)t[q + n] >= 0x80))))
			return true;
	}
	return false;
}

static size_t alnum_token(struct scan *s, size_t p, size_t ce);

/*
 * Keywords inside a chunk that mixes scripts or writes none of its spaces
 * ("大学LANのPass", "비번은", "密码是"): the classes of each ASCII word in
 * it and of every CJK or Hangul keyword within, and in *value where an
 * ASCII value glued after them starts (0 when none).
 */
/* Classes that name no value of their own: "IDはsakura、パスワードは…" reads on
 * past "ID" (a filler) to the password's word. */
#define QUIET (CTX_FILLER | CTX_ADDRLINK | CTX_ADDRMARK)

static unsigned mixed_class(const struct scan *s, size_t p, size_t e, size_t *value)
{
	const char *t = s->t;
	unsigned cls = 0;
	bool wide = false;
	*value = 0;
	for (size_t i = p; i < e;) {
		unsigned char c = (unsigned char)t[i];
		size_t j = i;
		if (c >= 0x80) {
			while (j < e && (unsigned char)t[j] >= 0x80)
				j++;
			if (c >= 0xe0) {
				char w[96];
				size_t n = scan_fold(t, i, j, w, sizeof(w));
				if (n)
					cls |= pii_word_class_within(w, n);
				wide = true;
			}
		} else if (is_alpha(c)) {
			while (j < e && is_alpha((unsigned char)t[j]))
				j++;
			if (wide && (cls & ~QUIET) && !*value) {
				*value = i;   /* "密码是abc123": the value after the keyword */
				return cls;
			}
			cls |= scan_word_class(t, i, j, j);
		} else if (is_digit(c)) {
			if (wide && (cls & ~QUIET) && !*value) {
				*value = i;
				return cls;
			}
			while (j < e && is_alnum((unsigned char)t[j]))
				j++;
		} else {
			j++;
		}
		i = j;
	}
	return cls;
}

/* A lone random-looking token: letters and digits mixed (3q9dsg, r86pnv9k),
 * at least two of each, switching between them twice or more. */
static bool random_token(const char *v, size_t n)
{
	size_t d = 0, l = 0, turns = 0;
	if (n < 6 || n > 32)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)v[i];
		if (!is_alnum(c))
			return false;
		d += is_digit(c);
		l += is_alpha(c);
		if (i && is_digit(c) != is_digit((unsigned char)v[i - 1]))
			turns++;
	}
	return d >= 2 && l >= 2 && turns >= 2;
}

/*
 * A relayed secret with symbols in it ("kd8s72mq9x4>", "Falc0n#92!"), as
 * registrars' transfer codes and passwords have them: letters and digits
 * mixed as random_token wants, and a few of ! # $ % & * + < > ? ^ ~, the
 * archive's escapes (&gt; &lt; &amp;, the last ';' maybe trimmed) as one
 * symbol each. Dots, slashes, brackets and colons make code, versions and
 * links, and are none.
 */
static bool symbol_token(const char *v, size_t n)
{
	static const char *const esc[] = { "&gt;", "&lt;", "&amp;" };
	size_t d = 0, l = 0, sym = 0, turns = 0;
	int last = -1;   /* the previous alphanumeric's kind: 1 digit, 0 letter */
	if (n < 8 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)v[i];
		if (is_alnum(c)) {
			int k = is_digit(c);
			d += k;
			l += !k;
			turns += last >= 0 && last != k;
			last = k;
			continue;
		}
		size_t e = 0;
		for (size_t j = 0; j < sizeof(esc) / sizeof(esc[0]) && !e; j++) {
			size_t m = strlen(esc[j]);
			if (i + m <= n && !memcmp(v + i, esc[j], m))
				e = m;
			else if (i + m - 1 == n && !memcmp(v + i, esc[j], m - 1))
				e = m - 1;
		}
		if (e)
			i += e - 1;
		else if (!c || !strchr("!#$%&*+<>?^~", c))
			return false;
		sym++;
	}
	return sym && sym * 2 <= d + l && d >= 2 && l >= 2 && turns >= 2;
}

/* A booking code: 5 to 8 capitals and digits, a digit and two capitals at
 * least, switching between the two kinds twice or more. */
static bool booking_code(const char *v, size_t n)
{
	size_t d = 0, turns = 0, run = 0, longest = 0;
	if (n < 5 || n > 8)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)v[i];
		if (!is_digit(c) && !is_upper(c))
			return false;
		d += is_digit(c);
		run = is_digit(c) ? 0 : run + 1;
		if (run > longest)
			longest = run;
		if (i && is_digit(c) != is_digit((unsigned char)v[i - 1]))
			turns++;
	}
	/* four capitals in a row at most: a bank's BIC (INGBNL2A) is none */
	return d >= 1 && n - d >= 2 && turns >= 2 && longest <= 4;
}

/* A booking's code of six: capitals and digits, one switch between them at
 * least ("357ZMD", "3RJAWE"); read only right after a reference's word. */
static bool pnr_code(const char *v, size_t n)
{
	size_t d = 0;
	if (n != 6)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!is_digit((unsigned char)v[i]) && !is_upper((unsigned char)v[i]))
			return false;
		d += is_digit((unsigned char)v[i]);
	}
	return d >= 1 && d <= 4;
}

/* Does v hold a lower-case ASCII letter? */
static bool has_lower(const char *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] >= 'a' && v[i] <= 'z')
			return true;
	return false;
}

/* A word's ending, folded: "ordrenummer", "tilausnumero"; "engangskoden". */
struct ending {
	const char *s;
	unsigned char n;
};
#define ENDING(x) { x, sizeof(x) - 1 }
#define NENDS(a) (sizeof(a) / sizeof((a)[0]))

/* Does w end in one of ends, with 3 or more letters before it? */
static bool ends_in(const char *w, size_t n, const struct ending *ends, size_t nends)
{
	for (size_t i = 0; i < nends; i++)
		if (n >= ends[i].n + 3u && !memcmp(w + n - ends[i].n, ends[i].s, ends[i].n))
			return true;
	return false;
}

/* A case's, an order's or a booking's identifier: a prefix of one to four
 * capitals, a dash or a slash or nothing, then five to twelve digits, in
 * groups joined by slashes or dashes ("REF-558337", "ORD5457294",
 * "C/6957/467", "BK-805370"); it ends in a digit. */
static bool prefixed_id(const char *v, size_t n)
{
	size_t i = 0, d = 0;
	while (i < n && i < 5 && is_upper((unsigned char)v[i]))
		i++;
	if (i == 0 || i > 4 || i == n)
		return false;
	if (v[i] == '-' || v[i] == '/')
		i++;
	for (; i < n; i++) {
		unsigned char c = (unsigned char)v[i];
		if (is_digit(c))
			d++;
		else if ((c != '-' && c != '/') || !is_digit((unsigned char)v[i - 1]) || i + 1 == n)
			return false;
	}
	return d >= 5 && d <= 12 && is_digit((unsigned char)v[n - 1]);
}


/* Is [p, e) the whole message, but for a "#", blanks and closing marks? */
static bool alone(const struct scan *s, size_t p, size_t e)
{
	for (size_t i = 0; i < p; i++)
		if (!strchr(" \t\n\r#", s->t[i]))
			return false;
	for (size_t i = e; i < s->len; i++)
		if (!strchr(" \t\n\r.!)", s->t[i]))
			return false;
	return true;
}


/* Are the archive's phones read for region cc? */
static bool in_region(const struct scan *s, const char *cc)
{
	for (int i = 0; s->regions && i < s->regions->n; i++)
		if (!strcmp(s->regions->cc[i], cc))
			return true;
	return false;
}

/* "#6688", "№214", "№ 214": a number marked as one. */
static bool numero_sign_before(const struct scan *s, size_t p)
{
	size_t q = p;
	if (q > 0 && s->t[q - 1] == ' ')
		q--;
	return (q > 0 && s->t[q - 1] == '#' && q == p) ||
	       (q >= 3 && !memcmp(s->t + q - 3, "\xe2\x84\x96", 3));
}



/* Is w a word for "number", in one of the archive's languages, or a compound
 * ending in one ("Bookingnr", "ügyszám", "iktatószám")? */
static bool number_word(const char *w, size_t n)
{
	static const char *const words[] = {
		"number", "no", "nr", "n", "nº", "n°", "num", "ref", "id", "numer", "numero",
		"número", "numéro", "nummer", "numărul", "număr", "numarul", "numar", "namba",
		"nambari", "nomor", "numara", "numaram", "numarası", "αρ", "αριθ", "номер", "αριθμός", "số", "ቁጥር",
		"رقم", "نمبر", "शुमारा", "नंबर", "szám", "száma", "számom", NULL,
	};
	static const struct ending ends[] = { ENDING("nr"), ENDING("szám"), ENDING("száma"),
					      ENDING("számom"), ENDING("nummer"),
					      ENDING("numero") };
	for (size_t i = 0; words[i]; i++)
		if (strlen(words[i]) == n && !memcmp(w, words[i], n))
			return true;
	return ends_in(w, n, ends, NENDS(ends));
}

/* Is one of the k words before p, in p's sentence, one that is(w, n) says
 * yes to? ("Numer rezerwacji REF/6571/235", "Namba ya miadi C7182546",
 * "registration no. R-517884", "የደረሰኝ ቁጥር፦ ORD-473949") */
static bool word_near(const struct scan *s, size_t p, int k,
		      bool (*is)(const char *w, size_t n))
{
	size_t q = p;
	while (k-- > 0) {
		while (q > 0 && (s->t[q - 1] == ' ' || s->t[q - 1] == ':' || s->t[q - 1] == '#'))
			q--;
		/* the Ethiopic colon and the CJK one */
		if (q >= 3 && (!memcmp(s->t + q - 3, "\xe1\x8d\xa6", 3) ||
			       !memcmp(s->t + q - 3, "\xef\xbc\x9a", 3)))
			q -= 3;
		size_t e = q;
		while (q > 0 && !is_space((unsigned char)s->t[q - 1]))
			q--;
		if (e == q)
			return false;
		size_t we = e;
		if (s->t[we - 1] == '.')
			we--;   /* "no.", "Bookingnr." */
		char w[40];
		size_t n = we > q ? scan_fold(s->t, q, we, w, sizeof(w) - 1) : 0;
		if (n && is(w, n))
			return true;
		if (n == 0 || memchr(w, '.', n) || memchr(w, ',', n) || s->t[e - 1] == '.' ||
		    s->t[e - 1] == '!' || s->t[e - 1] == '?')
			return false;   /* another sentence, or not a word */
	}
	return false;
}

/* "it is under INV-2015-9911", "booked under YY7G4C": what a record is filed under. */
static bool under_word(const char *w, size_t n)
{
	return n == 5 && !memcmp(w, "under", 5);
}

/* Canada's social insurance number: "SIN", in French "NAS". */
static bool sin_word(const char *w, size_t n)
{
	return n == 3 && (!memcmp(w, "sin", 3) || !memcmp(w, "nas", 3));
}

/* Does a sentence end just before p ("… пароль... Then")? */
static bool sentence_before(const struct scan *s, size_t p)
{
	size_t q = p;
	while (q > 0 && (s->t[q - 1] == ' ' || s->t[q - 1] == '\t'))
		q--;
	return q > 0 && (s->t[q - 1] == '.' || s->t[q - 1] == '!' || s->t[q - 1] == '?' ||
			 s->t[q - 1] == '\n' || (unsigned char)s->t[q - 1] == 0xa6);
}

/* Did a sentence end with a full stop, "!" or "?" right before p ("no
 * password needed. 30-day refill")? A line break is no such end: a value
 * stands on its own line after its word. */
static bool stop_before(const struct scan *s, size_t p)
{
	size_t q = p;
	while (q > 0 && (s->t[q - 1] == ' ' || s->t[q - 1] == '\t'))
		q--;
	return q > 0 && q < p && strchr(".!?", s->t[q - 1]);
}

/* Does a sentence end at e, past spaces: the text's end, ".", "!", "?", a
 * line break, or an emoji ("…, es 606052 ❤️")? */
static bool ends_sentence(const struct scan *s, size_t e)
{
	while (e < s->len && s->t[e] == ' ')
		e++;
	return e >= s->len || strchr(".!?\n", s->t[e]) || (unsigned char)s->t[e] >= 0xf0;
}

/* Does the line holding [p, e) hold nothing else? */
static bool own_line(const struct scan *s, size_t p, size_t e)
{
	size_t a = p, b = e;
	while (a > 0 && (s->t[a - 1] == ' ' || s->t[a - 1] == '\t'))
		a--;
	while (b < s->len && (s->t[b] == ' ' || s->t[b] == '\t' || s->t[b] == '\r'))
		b++;
	return (a == 0 || s->t[a - 1] == '\n') && (b == s->len || s->t[b] == '\n');
}

/*
 * Does a character of a script written without spaces start at byte c (kana,
 * Han, Hangul: U+3000 to U+D7FF)? A particle glued to a number there ends it
 * ("090-1234-5678です", "02-3142-7759로") rather than making a word of it.
 */
static bool cjk_lead(char c)
{
	return (unsigned char)c >= 0xe3 && (unsigned char)c <= 0xed;
}

/*
 * Does a character at t[i..] end a value glued before it: CJK (above), the
 * full-width forms ("，" "："), general punctuation (“ ” … –), the Arabic
 * comma and semicolon, an emoji? "2024041512837741，还没发货", "7730192، لم".
 */
static bool glue_end(const struct scan *s, size_t i)
{
	unsigned char c = (unsigned char)s->t[i], c1 = i + 1 < s->len ? (unsigned char)s->t[i + 1] : 0;
	unsigned char c2 = i + 2 < s->len ? (unsigned char)s->t[i + 2] : 0;
	return cjk_lead((char)c) || c == 0xef || (c == 0xe2 && c1 == 0x80) ||
	       (c == 0xd8 && (c1 == 0x8c || c1 == 0x9b)) ||
	       (c == 0xe1 && c1 == 0x8d && c2 >= 0xa1 && c2 <= 0xa8) || /* ፡ ። ፣ ፤: Ethiopic marks */
	       (c == 0xf0 && c1 == 0x9f) ||                   /* an emoji: "040184274125❤️" */
	       (c == 0xe2 && c1 >= 0x98 && c1 <= 0x9e);       /* ❤ ☺ ✅ */
}

/* Are all groups of the run written apart by spaces or by dashes alone? */
static bool plain_groups(const struct run *r)
{
	for (int i = 1; i < r->ng; i++)
		if (r->sep[i] != ' ' && r->sep[i] != '-')
			return false;
	return true;
}

/* A digit run starting at p ('+' or a digit). Returns where scanning goes on. */
/* Does the text hold a letter of the script whose UTF-8 lead bytes are lo-hi
 * (Hebrew d7, Arabic and Persian d8-db)? */
static bool text_has_lead(const struct scan *s, unsigned char lo, unsigned char hi)
{
	for (unsigned c = lo; c <= hi; c++)
		if (memchr(s->t, (int)c, s->len))
			return true;
	return false;
}

/* ... or a letter of an Indic script (U+0900-U+0DFF: e0 a4-b7), of Thai
 * (e0 b8-b9), or kana or a CJK ideograph (U+3040-U+9FFF: e3-e9)? */
static bool text_has_3(const struct scan *s, unsigned char lead_lo, unsigned char lead_hi,
		       unsigned char next_lo, unsigned char next_hi)
{
	for (size_t i = 0; i + 1 < s->len; i++) {
		unsigned char c = (unsigned char)s->t[i], c1 = (unsigned char)s->t[i + 1];
		if (c >= lead_lo && c <= lead_hi && c1 >= next_lo && c1 <= next_hi)
			return true;
	}
	return false;
}

/*
 * A national id written as its country writes it, named by its checks
 * alone, with no word before it: Sweden's 811228-9874 (and 19811228-9874),
 * Malaysia's 850612-14-5678, Thailand's 1-1017-00230-70-5, India's Aadhaar
 * and Japan's My Number in fours (2341 2341 2346), France's NIR in its
 * groups (2 55 08 14 168 025 38), Belgium's 93.05.18-223.61, Germany's
 * Steuer-ID 86 095 742 719. The end of the id, or 0.
 */
/*
 * Chile's RUT (RUN for a person): "12.345.678-5", "7.654.321-K" in its
 * dotted form, which its check names; "12345678-5" only after an identity
 * word. Returns the end, or 0.
 */
static size_t cl_rut(const struct scan *s, const struct run *r, size_t ce)
{
	const char *t = s->t;
	bool dotted = r->ng >= 3 && r->glen[0] <= 2 && r->glen[1] == 3 && r->glen[2] == 3 &&
		      r->sep[1] == '.' && r->sep[2] == '.';
	int body = dotted ? 3 : 1;
	if (!dotted && !(r->glen[0] >= 7 && r->glen[0] <= 8 && scan_ctx(s, CTX_NATID, WIN)))
		return 0;
	size_t n = r->gdig[body - 1], e;
	char check;
	if (r->ng == body + 1 && r->sep[body] == '-' && r->glen[body] == 1) {
		check = r->d[n];
		e = r->gend[body];
	} else if (r->ng == body && r->e + 1 < ce && t[r->e] == '-' &&
		   (t[r->e + 1] | 32) == 'k') {
		check = 'K';
		e = r->e + 2;
	} else {
		return 0;
	}
	if (e < s->len && is_alnum((unsigned char)t[e]))
		return 0;
	return pii_cl_rut_valid(r->d, n, check) ? e : 0;
}

static size_t natid_grouped(const struct run *r)
{
	static const unsigned char th[5] = { 1, 4, 5, 2, 1 }, nir[7] = { 1, 2, 2, 2, 3, 3, 2 },
				   be[5] = { 2, 2, 2, 3, 2 }, de[4] = { 2, 3, 3, 3 };
	int ng = r->ng;
	bool same = ng > 1;
	for (int i = 2; i < ng && same; i++)
		same = r->sep[i] == r->sep[1];
	if (r->plus || ng < 2)
		return 0;
	if (r->glen[1] == 4 && (r->sep[1] == '-' || r->sep[1] == '+') &&
	    (r->glen[0] == 6 || (r->glen[0] == 8 && r->sep[1] == '-')) &&
	    pii_se_pnr_valid(r->d, r->gdig[1]))
		return r->gend[1];
	if (ng >= 3 && r->glen[0] == 6 && r->glen[1] == 2 && r->glen[2] == 4 && r->sep[1] == '-' &&
	    r->sep[2] == '-' && pii_my_nric_valid(r->d, 12))
		return r->gend[2];
	if (ng >= 3 && r->glen[0] == 4 && r->glen[1] == 4 && r->glen[2] == 4 &&
	    r->sep[1] == r->sep[2] && (r->sep[1] == ' ' || r->sep[1] == '-') &&
	    (ng == 3 || r->sep[3] != r->sep[1]) &&
	    (pii_in_aadhaar_valid(r->d, 12) || pii_jp_my_number_valid(r->d, 12)))
		return r->gend[2];
	if (ng == 5 && same && (r->sep[1] == '-' || r->sep[1] == ' ') &&
	    !memcmp(r->glen, th, 5) && pii_th_id_valid(r->d, 13))
		return r->gend[4];
	if (ng == 7 && same && r->sep[1] == ' ' && !memcmp(r->glen, nir, 7) &&
	    pii_fr_nir_valid(r->d, 15))
		return r->gend[6];
	if (ng == 5 && !memcmp(r->glen, be, 5) && r->sep[1] == '.' && r->sep[2] == '.' &&
	    r->sep[3] == '-' && r->sep[4] == '.' && pii_be_rrn_valid(r->d, 11))
		return r->gend[4];
	if (ng == 4 && same && r->sep[1] == ' ' && !memcmp(r->glen, de, 4) &&
	    pii_de_steuer_id_valid(r->d, 11))
		return r->gend[3];
	return 0;
}

/*
 * ... and in one piece: 11 digits with Norway's two checks and a date,
 * Turkey's two checks, Poland's PESEL or Estonia's isikukood (a date and a
 * check), Germany's Steuer-ID; 15 with France's key; 16 with Indonesia's
 * province and date. The weaker single checks only in their own script's
 * text: 9 digits with Israel's in Hebrew, 10 with Iran's in Persian or
 * Arabic, 12 with Aadhaar's in an Indic script or My Number's in Japanese
 * or Chinese, 13 with Thailand's in Thai (a barcode has 13 digits too).
 */
static bool natid_whole(const struct scan *s, const struct run *r)
{
	const char *d = r->d;
	switch (r->nd) {
	case 9:
		return pii_il_tz_valid(d, 9) && text_has_lead(s, 0xd7, 0xd7);
	case 10:
		return pii_ir_melli_valid(d, 10) && text_has_lead(s, 0xd8, 0xdb);
	case 11:
		return pii_no_fnr_valid(d, 11) || pii_tr_tckn_valid(d, 11) ||
		       pii_pl_pesel_valid(d, 11) || pii_ee_ik_valid(d, 11) ||
		       pii_de_steuer_id_valid(d, 11);
	case 12:
		return (pii_in_aadhaar_valid(d, 12) && text_has_3(s, 0xe0, 0xe0, 0xa4, 0xb7)) ||
		       (pii_jp_my_number_valid(d, 12) && text_has_3(s, 0xe3, 0xe9, 0x80, 0xbf));
	case 13:
		return (pii_th_id_valid(d, 13) && text_has_3(s, 0xe0, 0xe0, 0xb8, 0xb9)) ||
		       pii_za_id_valid(d, 13);
	case 14:
		return pii_eg_id_valid(d, 14) && text_has_lead(s, 0xd8, 0xdb);
	case 15:
		return pii_fr_nir_valid(d, 15);
	case 16:
		return pii_id_nik_valid(d, 16);
	default:
		return false;
	}
}

/* Bytes from a card's number to its security code that make them one value. */
#define CARD_CODE_NEAR 48

/* The name of a card's security code right before p: "cvv 647", "CVC: 123". */
static bool card_code_before(const struct scan *s, size_t p)
{
	static const char *const names[] = { "cvv", "cvc", "cvv2", "cvc2", "csc", "cid", NULL };
	size_t q = p;
	while (q > 0 && (s->t[q - 1] == ' ' || s->t[q - 1] == ':' || s->t[q - 1] == '='))
		q--;
	if (q == p)
		return false;
	for (size_t i = 0; names[i]; i++) {
		size_t n = strlen(names[i]);
		if (q >= n && !strncasecmp(s->t + q - n, names[i], n) &&
		    (q == n || !is_alnum((unsigned char)s->t[q - n - 1])))
			return true;
	}
	return false;
}

/* Does the word [a, b) say one of words (a NULL-ended list), case folded? */
static bool word_is(const char *t, size_t a, size_t b, const char *const *words)
{
	for (; *words; words++)
		if (strlen(*words) == b - a && !strncasecmp(t + a, *words, b - a))
			return true;
	return false;
}

/*
 * "ag 8486 cc 79069-1", "agência 0659 conta 91873-1": a Brazilian bank
 * account is its branch (agência, four digits, maybe "-D") and its account
 * (conta corrente) with a check digit. True when the run at p is the
 * account: its word and a branch written so right before it.
 */
static bool br_branch_before(const struct scan *s, size_t p)
{
	static const char *const acct[] = { "cc", "c/c", "conta", "cta", NULL };
	static const char *const branch[] = { "ag", "ag.", "agência", "agencia", "agencia:",
					      "agência:", NULL };
	const char *t = s->t;
	size_t q = p, we, ws;
	while (q > 0 && (t[q - 1] == ' ' || t[q - 1] == ':'))
		q--;
	for (we = q, ws = q; ws > 0 && t[ws - 1] != ' '; ws--)
		;
	if (ws == we || !word_is(t, ws, we, acct))
		return false;
	for (q = ws; q > 0 && t[q - 1] == ' '; q--)
		;
	size_t de = q, ds = q;   /* the branch: 4 digits, maybe a dash and one more */
	while (ds > 0 && (is_digit((unsigned char)t[ds - 1]) || t[ds - 1] == '-'))
		ds--;
	size_t nd = 0;
	for (size_t i = ds; i < de; i++)
		nd += is_digit((unsigned char)t[i]);
	if (nd < 4 || nd > 5 || !is_digit((unsigned char)t[ds]))
		return false;
	for (q = ds; q > 0 && t[q - 1] == ' '; q--)
		;
	for (we = q, ws = q; ws > 0 && t[ws - 1] != ' '; ws--)
		;
	return ws < we && word_is(t, ws, we, branch);
}

/*
 * A house's number after its words, as places without street numbers in
 * every address write it: "የቤት ቁጥር 1234", "Villa n°23", "House No. 14",
 * "Plot no 227", "رقم المنزل 12". Does one end right before p (blanks and a
 * colon between)?
 */
static bool house_word_before(const struct scan *s, size_t p)
{
#define HW(w) { w, sizeof(w) - 1 }
	static const struct { const char *w; size_t n; } words[] = {
		HW("\xe1\x8b\xa8\xe1\x89\xa4\xe1\x89\xb5 \xe1\x89\x81\xe1\x8c\xa5\xe1\x88\xad"), /* የቤት ቁጥር */
		HW("\xd8\xb1\xd9\x82\xd9\x85 \xd8\xa7\xd9\x84\xd9\x85\xd9\x86\xd8\xb2\xd9\x84"), /* رقم المنزل */
		HW("\xd8\xb1\xd9\x82\xd9\x85 \xd8\xa7\xd9\x84\xd8\xaf\xd8\xa7\xd8\xb1"), /* رقم الدار */
		HW("villa n\xc2\xb0"), HW("villa no"), HW("villa n\xc2\xba"), HW("house no"),
		HW("house no."), HW("house number"), HW("plot no"), HW("plot no."), HW("h.no."),
		HW("h.no"), HW("h. no."), HW("flat no"), HW("flat no."), HW("nyumba namba"),
		HW("nyumba no"), HW("casa n\xc2\xba"), HW("lot n\xc2\xb0"),
		HW("\xd9\x81\xd9\x8a\xd9\x84\xd8\xa7"), /* فيلا */
		/* відділення №, відділення: a post office's branch */
		HW("\xd0\xb2\xd1\x96\xd0\xb4\xd0\xb4\xd1\x96\xd0\xbb\xd0\xb5\xd0\xbd\xd0\xbd\xd1\x8f "
		   "\xe2\x84\x96"),
		HW("\xd0\xb2\xd1\x96\xd0\xb4\xd0\xb4\xd1\x96\xd0\xbb\xd0\xb5\xd0\xbd\xd0\xbd\xd1\x8f"),
	};
#undef HW
	size_t e = p;
	while (e > 0 && (s->t[e - 1] == ' ' || s->t[e - 1] == ':'))
		e--;
	if (e >= 3 && !memcmp(s->t + e - 3, "\xe1\x8d\xa1", 3))   /* ፡ */
		e -= 3;
	while (e > 0 && s->t[e - 1] == ' ')
		e--;
	if (e == 0)
		return false;
	char last = lower(s->t[e - 1]);
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		size_t n = words[i].n;
		if (words[i].w[n - 1] != last)
			continue;   /* most numbers follow no such word: one byte says so */
		if (e >= n && !strncasecmp(s->t + e - n, words[i].w, n) &&
		    (e == n || !is_alnum((unsigned char)s->t[e - n - 1])))
			return true;
	}
	return false;
}

static size_t number(struct scan *s, size_t p, size_t ce)
{
	struct run r;
	run_parse(s, p, &r);
	/* a CJK date, 1990年3月5日 */
	if (r.ng == 1 && r.glen[0] == 4) {
		size_t a = date_cjk(s, p, r.e);
		if (a) {
			if (scan_ctx(s, CTX_DOB, WIN))
				scan_emit(s, PII_DATE_OF_BIRTH, p, a, 0.7);
			mark(s, 0);
			return a;
		}
	}
	/* "P.O. Box 12345-00100, Nairobi": a box is an address, never a phone */
	size_t box_from, box_end;
	if (r.nd <= 10 && p > 2 && (box_end = addr_po_box(s, p, r.e, &box_from))) {
		scan_emit(s, PII_POSTAL_ADDRESS, box_from, box_end, 0.6);
		mark(s, 0);
		return box_end;
	}
	/* "የቤት ቁጥር 1234", "House No. 14": a house's number after its words */
	if (r.nd <= 6 && r.ng <= 3 && !r.plus && house_word_before(s, p)) {
		size_t a = addr_extend(s, r.e);
		scan_emit(s, PII_POSTAL_ADDRESS, p, a, 0.6);
		mark(s, 0);
		return a;
	}
	/* letters glued to the digits: 12345678Z, 2fa, 14h, 3rd: a token of its own */
	/* 11010519900307451X: the check character of a Chinese identity number */
	bool id_check = r.ng == 1 && r.nd == 17 && r.e < s->len && (s->t[r.e] | 32) == 'x' &&
			!(r.e + 1 < s->len && is_alnum((unsigned char)s->t[r.e + 1]));
	/* "225-772-8875m", "…c", "…h": a line's kind (mobile, cell, home, work,
	 * office) glued to a North American number written in groups */
	if (r.e < ce && strchr("mchwoMCHWO", s->t[r.e]) &&
	    (r.e + 1 == ce || !is_alnum((unsigned char)s->t[r.e + 1])) && r.ng == 3 &&
	    r.glen[0] == 3 && r.glen[1] == 3 && r.glen[2] == 4 && r.sep[1] == r.sep[2] &&
	    (r.sep[1] == '-' || r.sep[1] == '.') && phone_run(s, &r, 3, false)) {
		scan_emit(s, PII_PHONE, p, r.e, 0.6);
		mark(s, 0);
		return r.e + 1;
	}
	/* "Tegnérgatan 14B, 113 58 Stockholm": a house number and its letter,
	 * after a street's name and before a postcode and town */
	if (r.ng == 1 && r.nd <= 3 && r.e < ce && is_alpha((unsigned char)s->t[r.e]) &&
	    (r.e + 1 == ce || !is_alnum((unsigned char)s->t[r.e + 1]))) {
		size_t a = addr_postcode_town(s, p, r.e);
		if (a) {
			scan_emit(s, PII_POSTAL_ADDRESS, p, a, 0.6);
			mark(s, 0);
			return a;
		}
	}
	/* Norway's account number as it is written, 1503.27.44190: its check
	 * names it, or an account's word before it does */
	if (!r.plus && r.ng == 3 && r.glen[0] == 4 && r.glen[1] == 2 && r.glen[2] == 5 &&
	    r.sep[1] == r.sep[2] && (r.sep[1] == '.' || r.sep[1] == ' ') &&
	    ((r.sep[1] == '.' && pii_no_account_valid(r.d, 11)) || scan_ctx(s, CTX_ACCOUNT, WIN))) {
		scan_emit(s, PII_ACCOUNT_NUMBER, p, r.gend[2], 0.85);
		mark(s, 0);
		return r.gend[2];
	}
	/* a Russian passport's series and number, "серия и номер 4519 382716",
	 * after an identity word, not a phone's */
	if (!r.plus && r.ng == 2 && r.glen[0] == 4 && r.glen[1] == 6 && r.sep[1] == ' ' &&
	    ago(s, CTX_NATID) <= 4 && ago(s, CTX_NATID) <= ago(s, CTX_PHONE) + 2) {
		/* ("номер", a number's word and a phone's, may close the phrase) */
		scan_emit(s, PII_NATIONAL_ID, p, r.gend[1], 0.7);
		mark(s, 0);
		return r.gend[1];
	}
	/* Colombia's NIT in thousands with its check digit, "NIT 816.398.093-3",
	 * after its word */
	if (!r.plus && r.ng == 4 && r.glen[0] == 3 && r.glen[1] == 3 && r.glen[2] == 3 &&
	    r.glen[3] == 1 && r.sep[1] == '.' && r.sep[2] == '.' && r.sep[3] == '-' &&
	    ago(s, CTX_NATID) <= 2 && value_ctx(s) == CTX_NATID) {
		scan_emit(s, PII_NATIONAL_ID, p, r.gend[3], 0.7);
		mark(s, 0);
		return r.gend[3];
	}
	/* Russia's SNILS as it is written, 962-087-166 30: its check names it */
	if (!r.plus && r.ng == 4 && r.glen[0] == 3 && r.glen[1] == 3 && r.glen[2] == 3 &&
	    r.glen[3] == 2 && r.sep[1] == '-' && r.sep[2] == '-' && r.sep[3] == ' ' &&
	    pii_ru_snils_valid(r.d, 11)) {
		scan_emit(s, PII_NATIONAL_ID, p, r.gend[3], 0.85);
		mark(s, 0);
		return r.gend[3];
	}
	/* a Portuguese NIF by its check, an identity word (not a phone's) in the message */
	if (!r.plus && r.ng == 1 && r.nd == 9 && ago(s, CTX_NATID) <= 4 * WIN &&
	    ago(s, CTX_NATID) < ago(s, CTX_PHONE) && pii_pt_nif_valid(r.d, 9)) {
		scan_emit(s, PII_NATIONAL_ID, p, r.e, 0.6);
		mark(s, 0);
		return r.e;
	}
	/* "Expte. N° 45.821/2022", "protocolo 1.233/2023": a case's number and its
	 * year, as courts and notaries file them, after a reference's word */
	if (!r.plus && r.ng == 3 && r.sep[1] == '.' && r.sep[2] == '/' && r.glen[0] <= 3 &&
	    r.glen[1] == 3 && r.glen[2] == 4 && (r.d[r.gdig[1]] == '1' || r.d[r.gdig[1]] == '2') &&
	    ago(s, CTX_REF) <= WIN && value_ctx(s) == CTX_REF) {
		scan_emit(s, PII_REFERENCE_NUMBER, p, r.gend[2], 0.7);
		mark(s, 0);
		return r.gend[2];
	}
	/* Chile's RUT, unless an order's or an account's word or a price names the number */
	size_t rut = r.plus ? 0 : cl_rut(s, &r, ce);
	unsigned rut_ctx = rut ? value_ctx(s) : 0;
	if (rut && rut_ctx != CTX_REF && rut_ctx != CTX_ACCOUNT && !money_before(s, p)) {
		scan_emit(s, PII_NATIONAL_ID, p, rut, 0.85);
		mark(s, 0);
		return rut;
	}
	if (r.e < s->len && !id_check && (is_alpha((unsigned char)s->t[r.e]) ||
			     ((unsigned char)s->t[r.e] >= 0x80 && !glue_end(s, r.e))) && r.e < ce)
		return alnum_token(s, p, ce);
	if (!r.plus && r.ng == 1 && r.e < ce && (s->t[r.e] == '-' || s->t[r.e] == '_') &&
	    r.e + 1 < ce && is_alpha((unsigned char)s->t[r.e + 1])) {
		size_t a = r.nd <= 3 ? addr_postcode_town(s, p, r.e) : 0;   /* "39-hs, 1016 GV" */
		if (a) {
			scan_emit(s, PII_POSTAL_ADDRESS, p, a, 0.6);
			mark(s, 0);
			return a;
		}
		return alnum_token(s, p, ce);
	}
	/* "Rüütli 116-2, 51007 Tartu": a house and flat number, the postcode, the town */
	if (!r.plus && r.ng == 2 && r.sep[1] == '-' && r.glen[0] <= 3 && r.glen[1] <= 3) {
		size_t a = addr_postcode_town(s, p, r.gend[0]);
		if (a) {
			scan_emit(s, PII_POSTAL_ADDRESS, p, a, 0.6);
			mark(s, 0);
			return a;
		}
	}
	bool phone_ctx = scan_ctx(s, CTX_PHONE, WIN);
	size_t next = r.e;

	/* "〒150-0002 東京都渋谷区…": Japan's postal mark, the postcode, the address after it */
	if (p >= 3 && !memcmp(s->t + p - 3, "\xe3\x80\x92", 3) && r.ng == 2 && r.glen[0] == 3 &&
	    r.glen[1] == 4 && r.sep[1] == '-') {
		size_t a = r.e;
		if (a + 1 < s->len && s->t[a] == ' ' && (unsigned char)s->t[a + 1] >= 0xe0)
			a = scan_trim_end(s->t, a + 1, scan_chunk_end(s, a + 1));
		scan_emit(s, PII_POSTAL_ADDRESS, p - 3, a, 0.8);
		mark(s, 0);
		return a;
	}
	if (money_before(s, p) || money_after(s, r.e) || run_has(&r, r.ng, ',') ||
	    run_has(&r, r.ng, ':'))
		goto done;
	if (r.nd >= 4 && r.nd <= 13 && (r.ng == 1 || (r.ng == 2 && r.sep[1] == '-' && r.glen[1] == 1)) &&
	    br_branch_before(s, p)) {
		size_t e = r.e;   /* "79069-X": a check digit may be an X */
		if (r.ng == 1 && e + 1 < ce && s->t[e] == '-' && (s->t[e + 1] | 32) == 'x')
			e += 2;
		scan_emit(s, PII_ACCOUNT_NUMBER, p, e, 0.8);
		mark(s, 0);
		return e;
	}
	/* a Brazilian CPF, 123.456.789-09, and a Chinese identity number: their
	 * check digits (and the birth date inside the Chinese one) name them */
	if (r.ng == 4 && r.glen[0] == 3 && r.glen[1] == 3 && r.glen[2] == 3 && r.glen[3] == 2 &&
	    r.sep[1] == '.' && r.sep[2] == '.' && r.sep[3] == '-' && pii_cpf_valid(r.d)) {
		scan_emit(s, PII_NATIONAL_ID, p, r.e, 0.9);
		goto done;
	}
	if ((next = natid_grouped(&r))) {
		scan_emit(s, PII_NATIONAL_ID, p, next, 0.8);
		goto done;
	}
	next = r.e;
	/* a Korean resident number, 900101-1234567, and a Finnish one written
	 * in digits only, 131052-3080: their dates and checks name them */
	if (r.ng == 2 && r.sep[1] == '-' && r.glen[0] == 6 &&
	    ((r.glen[1] == 7 && pii_kr_rrn_valid(r.d, 13)) ||
	     (r.glen[1] == 4 && r.gend[1] - p == 11 && pii_fi_hetu_valid(s->t + p, 11)))) {
		scan_emit(s, PII_NATIONAL_ID, p, r.gend[1], 0.9);
		next = r.gend[1];
		goto done;
	}
	if (r.ng == 1 && (r.nd == 18 || id_check)) {
		char v[18];
		memcpy(v, r.d, 17);
		v[17] = id_check ? s->t[r.e] : r.d[17];
		if (pii_cn_id_valid(v, 18)) {
			scan_emit(s, PII_NATIONAL_ID, p, r.e + id_check, 0.9);
			next = r.e + id_check;
			goto done;
		}
	}
	/* "Mariahilfer Straße 106/4/17, 1060 Wien": Austria's house, staircase
	 * and door, then the postcode and town (what no date has after it) */
	if (!r.plus && r.ng == 3 && r.sep[1] == '/' && r.sep[2] == '/' && r.glen[0] <= 4 &&
	    r.glen[1] <= 3 && r.glen[2] <= 3) {
		size_t a = addr_postcode_town(s, p, r.gend[0]), from = p;
		if (!a && ago(s, CTX_STREET) == 1)
			a = addr_town_first(s, p, r.gend[0], &from);
		if (a) {
			scan_emit(s, PII_POSTAL_ADDRESS, from, a, 0.6);
			next = a;
			goto done;
		}
	}
	if (date_run(&r)) {
		if (scan_ctx(s, CTX_DOB, WIN) || dob_follows(s, r.gend[2]))
			scan_emit(s, PII_DATE_OF_BIRTH, p, r.gend[2], 0.7);
		goto done;
	}
	/* "생년월일 900512", "DOB 19900512": a birth date in digits only after a birth word */
	if (r.ng == 1 && !r.plus && r.e1 == r.e && (r.nd == 6 || r.nd == 8) &&
	    scan_ctx(s, CTX_DOB, WIN) && date_compact(r.d, r.nd)) {
		scan_emit(s, PII_DATE_OF_BIRTH, p, r.e, 0.6);
		goto done;
	}
	if (r.ng == 2 && r.sep[1] == '/') {
		/* a flat and house number, "9/13 Elm Road" (not "24/7 Street Food") */
		size_t a = r.glen[0] <= 3 && r.glen[1] <= 3 && !(r.nd == 3 && !memcmp(r.d, "247", 3))
				   ? addr_after_number(s, r.gend[1]) : 0;
		/* "Vinohradská 1511/230, 130 00 Praha 3": house and building, then the postcode */
		if (!a && r.glen[0] <= 4 && r.glen[1] <= 4)
			a = addr_thai_units(s, p, r.gend[1]);
		if (!a && r.glen[0] <= 4 && r.glen[1] <= 4) {
			a = addr_postcode_town(s, p, r.gend[0]);
			if (a && !addr_town_ends(s, a))
				a = 0;
		}
		if (a) {
			scan_emit(s, PII_POSTAL_ADDRESS, p, a, 0.6);
			next = a;
			goto done;
		}
		/* "Rodné číslo 875903/8046": a Czech or Slovak birth number, its
		 * date and mod-11 check both right; "2000145399/0800": an account
		 * and its bank code */
		unsigned c2 = r.plus ? 0 : value_ctx(s);
		if (c2 == CTX_NATID && r.glen[0] == 6 && r.glen[1] == 4 &&
		    pii_cz_birth_valid(r.d, r.nd)) {
			scan_emit(s, PII_NATIONAL_ID, p, r.gend[1], 0.8);
			next = r.gend[1];
		} else if (c2 == CTX_ACCOUNT && r.glen[1] == 4 && r.glen[0] >= 2 && r.glen[0] <= 10) {
			scan_emit(s, PII_ACCOUNT_NUMBER, p, r.gend[1], 0.7);
			next = r.gend[1];
		} else if (c2 == CTX_REF && r.glen[1] == 4 && r.glen[0] >= 2 && r.glen[0] <= 8 &&
			   (!memcmp(r.d + r.glen[0], "19", 2) || !memcmp(r.d + r.glen[0], "20", 2))) {
			/* "expediente 6336/2019": a court's or office's case, number and year */
			scan_emit(s, PII_REFERENCE_NUMBER, p, r.gend[1], 0.7);
			next = r.gend[1];
		}
		goto done;   /* 09/27, 3/4 */
	}
	/* "cédula 51.410.834": an identity number in thousands, after its word */
	if (!r.plus && r.ng >= 2 && r.ng <= 4 && r.sep[1] == '.' && run_uniform(&r, r.ng) &&
	    r.glen[0] <= 4 && value_ctx(s) == CTX_NATID && ago(s, CTX_NATID) <= 2) {
		bool thousands = r.glen[0] <= 3;
		for (int i = 1; i < r.ng; i++)
			thousands = thousands && r.glen[i] == 3;
		/* "BSN: 2830.23.363": the Dutch number, dotted its own way, and its test */
		if ((thousands && r.nd >= 7) || pii_nl_bsn_valid(r.d, r.nd)) {
			scan_emit(s, PII_NATIONAL_ID, p, r.e, 0.7);
			goto done;
		}
	}
	/* dotted: versions, IP addresses, decimals; phones only with + or context */
	if (run_has(&r, r.ng, '.') && !r.plus) {
		bool all_dots = run_uniform(&r, r.ng) && r.sep[1] == '.';
		/* 801.555.0134: the dotted North American style names its plan itself */
		bool nanp_dots = all_dots && r.ng == 3 && r.glen[0] == 3 && r.glen[1] == 3 &&
				 r.glen[2] == 4 && phone_run(s, &r, r.ng, false);
		/* 06.12.58.44.91: pairs of digits, as France and others write a phone */
		bool pairs = all_dots && r.ng >= 4;
		for (int i = 0; pairs && i < r.ng; i++)
			pairs = r.glen[i] == 2;
		if (!nanp_dots && !(all_dots && (phone_ctx || pairs) && r.ng >= 3 && r.nd >= 9 &&
				    r.glen[0] > 1 && phone_run(s, &r, r.ng, true)))
			goto done;
		if (r.ng == 4 && r.glen[0] <= 3 && r.glen[1] <= 3 && r.glen[2] <= 3 && r.glen[3] <= 3)
			goto done;
		scan_emit(s, PII_PHONE, p, r.e, 0.6);
		goto done;
	}
	/* payment cards: 13-19 digits in one or more groups, one separator kind */
	if (!r.plus) {
		for (int k = r.ng; k >= 1; k--) {
			size_t nd = r.gdig[k - 1];
			if (nd < 13 || nd > 19 || !run_uniform(&r, k) || (k > 1 && !strchr(" -", r.sep[1])))
				continue;
			if (pii_card_valid(r.d, nd)) {
				scan_emit(s, PII_PAYMENT_CARD, p, r.gend[k - 1], 1.0);
				next = r.gend[k - 1];
				goto done;
			}
		}
	}
	/* US SSN 3-2-4 */
	if (!r.plus && r.ng >= 3 && r.glen[0] == 3 && r.glen[1] == 2 && r.glen[2] == 4 &&
	    r.sep[1] == r.sep[2] && (r.sep[1] == '-' || r.sep[1] == ' ') &&
	    (r.ng == 3 || r.sep[3] == ' ')) {
		if (pii_ssn_valid(r.d) && (r.sep[1] == '-' || scan_ctx(s, CTX_NATID, WIN))) {
			scan_emit(s, PII_NATIONAL_ID, p, r.gend[2], r.sep[1] == '-' ? 0.8 : 0.7);
			next = r.gend[2];
			goto done;
		}
	}
	/* Canada's SIN, "mon NAS c'est 514 453 109": Luhn's check and its word
	 * two words back at most (in Spanish "sin" is "without": the check and
	 * the nearness keep that out) */
	if (!r.plus && r.nd == 9 && (r.ng == 1 || (r.ng == 3 && r.glen[0] == 3 && r.glen[1] == 3 &&
						  r.sep[1] == r.sep[2] && r.sep[1] != '.')) &&
	    pii_ca_sin_valid(r.d, 9) && word_near(s, p, 2, sin_word)) {
		scan_emit(s, PII_NATIONAL_ID, p, r.gend[r.ng - 1], 0.8);
		next = r.gend[r.ng - 1];
		goto done;
	}
	/* values named by a keyword just before them */
	unsigned vc = r.plus ? 0 : value_ctx(s);
	if (vc == CTX_NATID && r.ng == 1 && r.nd == 9 && pii_ssn_valid(r.d)) {
		scan_emit(s, PII_NATIONAL_ID, p, r.e, 0.6);
		goto done;
	}
	/* the number after an identity word, in any country's grouping: "PESEL:
	 * 91041242276", "паспорт 45 12 384761", "身份证号 11010519880315698X" */
	bool ssn_shape = r.ng == 3 && r.glen[0] == 3 && r.glen[1] == 2 && r.glen[2] == 4;
	/* "namba yangu ni 0733 924 440": a phone's word and its grouping outrank
	 * an identity word that is a common one elsewhere (Swahili "ni", is) */
	bool phone_shaped = phone_ctx && phone_grouped_shape(&r, r.ng);
	if (vc == CTX_NATID && r.nd >= 8 && r.nd <= 18 && plain_groups(&r) && !ssn_shape &&
	    !phone_shaped) {
		size_t e = r.gend[r.ng - 1];
		if (e < s->len && (s->t[e] == 'X' || s->t[e] == 'x') &&
		    !(e + 1 < s->len && is_alnum((unsigned char)s->t[e + 1])))
			e++;   /* the check character of a Chinese identity number */
		scan_emit(s, PII_NATIONAL_ID, p, e, 0.7);
		next = e;
		goto done;
	}
	/* "649 217", "055-674": a one-time code shown in two halves */
	bool halves = r.ng == 2 && (r.sep[1] == ' ' || r.sep[1] == '-') && r.glen[0] == 3 &&
		      r.glen[1] == 3;
	/* the code's word in the clause, or one comma back when the digits end
	 * the sentence ("…para la cita, es 606052"; not "…, the queue is 2024 people") */
	size_t vend = r.gend[r.ng - 1];
	bool at_end = ends_sentence(s, vend);
	bool code_near = ago(s, CTX_CODE) <= 2 * WIN &&
			 ((s->prev_cls & CTX_FILLER) || s->keyed == s->tok) &&   /* "is", or ":" */
			 !promo_follows(s, vend) &&
			 (ago(s, CTX_CODE) <= s->tok - s->clause || at_end);
	if ((vc == CTX_CODE || vc == CTX_SECRET || (halves && code_near)) && halves && !promo_follows(s, r.gend[1])) {
		scan_emit(s, PII_CREDENTIAL, p, r.gend[1], 0.8);
		next = r.gend[1];
		goto done;
	}
	/* "el PIN de la tarjeta es 7392": the card's word came last, the PIN's before it */
	if (vc == CTX_CARD && r.ng == 1 && r.nd >= 4 && r.nd <= 6 && scan_ctx(s, CTX_CODE, WIN) &&
	    !promo_follows(s, r.e)) {
		scan_emit(s, PII_CREDENTIAL, p, r.e, 0.7);
		goto done;
	}
	/* "el PIN de la caja fuerte es 4471": a PIN named, then what it opens and
	 * "is", in one clause; the copula right before the digits says they are it */
	/* "me llegó un código al celular para la cita, es 606052": one comma
	 * between them still, when "is" comes right before the digits */
	if (code_near && !(s->prev_cls & CTX_PHONE) && r.ng == 1 &&
	    r.nd >= 4 && r.nd <= 8 && vc != CTX_PHONE && vc != CTX_DOB &&
	    !promo_follows(s, r.e)) {
		scan_emit(s, PII_CREDENTIAL, p, r.e, 0.7);
		goto done;
	}
	/* "cvv 647": a card's security code has three digits (four on some cards) */
	if (r.ng == 1 && (r.nd == 3 || r.nd == 4) && card_code_before(s, p)) {
		/* "card 5301 2675 0622 3312 exp 01/30 cvv 395": the code is part of
		 * the card's finding, one value with its expiry; alone, a credential */
		if (s->have_last && s->last.type == PII_PAYMENT_CARD && p - s->last.end <= CARD_CODE_NEAR)
			s->last.end = r.e;
		else
			scan_emit(s, PII_CREDENTIAL, p, r.e, 0.8);
		goto done;
	}
	if ((vc == CTX_CODE || vc == CTX_SECRET) && r.e1 == r.gend[0] && r.nd1 >= 4 &&
	    r.nd1 <= (vc == CTX_CODE ? 8u : 32u) && !(vc == CTX_CODE && promo_follows(s, r.e1))) {
		scan_emit(s, PII_CREDENTIAL, p, r.e1, 0.8);
		next = r.e1;
		goto done;
	}
	/* an account or reference number: its first piece, or all of it when
	 * written in groups ("0049 2281 7734", "8201 4473 921") */
	size_t ve = r.e1, vn = r.nd1;
	if (r.ng > 1 && vn < 8 && plain_groups(&r) && r.nd <= 24)
		ve = r.gend[r.ng - 1], vn = r.nd;
	/* "my otp from bank be 328046": a code's word in the clause names four
	 * to eight digits, whatever account word came between */
	if (vc == CTX_ACCOUNT && r.ng == 1 && r.nd >= 4 && r.nd <= 8 && ago(s, CTX_CODE) <= WIN &&
	    ago(s, CTX_CODE) <= s->tok - s->clause && !promo_follows(s, r.e)) {
		scan_emit(s, PII_CREDENTIAL, p, r.e, 0.7);
		goto done;
	}
	/* "chegou um código de verificação … da sua conta do banco, 824579": the
	 * code named further back, the digits ending the sentence, too few for
	 * an account */
	if (vc == CTX_ACCOUNT && ago(s, CTX_CODE) <= 3 * WIN && at_end && !promo_follows(s, vend) &&
	    ((r.ng == 1 && r.nd >= 4 && r.nd <= 6) || halves)) {
		scan_emit(s, PII_CREDENTIAL, p, vend, 0.7);
		goto done;
	}
	/* "Kargo için numaram 0532 418 27 90": a number in a phone's own
	 * grouping is the phone, whatever keyword came before it */
	if ((vc == CTX_ACCOUNT || vc == CTX_REF) && phone_grouped_shape(&r, r.ng)) {
		scan_emit(s, PII_PHONE, p, r.gend[r.ng - 1], 0.6);
		next = r.gend[r.ng - 1];
		goto done;
	}
	/* "19-2000145399/0800": a Czech or Slovak account, prefix-number/bank code */
	if (vc == CTX_ACCOUNT && r.ng == 3 && r.sep[2] == '/' && r.sep[1] == '-' &&
	    r.glen[2] == 4 && r.glen[1] >= 2 && r.glen[1] <= 10 && r.glen[0] <= 6) {
		scan_emit(s, PII_ACCOUNT_NUMBER, p, r.gend[2], 0.7);
		next = r.gend[2];
		goto done;
	}
	/* a Romanian CNP under an account's word is the person's number still */
	if (vc == CTX_ACCOUNT && r.ng == 1 && pii_cnp_valid(r.d, r.nd)) {
		scan_emit(s, PII_NATIONAL_ID, p, r.e, 0.7);
		goto done;
	}
	if (vc == CTX_ACCOUNT && vn >= 6) {   /* 6 covers sort codes, 12-34-56 */
		scan_emit(s, PII_ACCOUNT_NUMBER, p, ve, 0.7);
		next = ve;
		goto done;
	}
	/* "mi pedido es el #6688": a number marked as one may be short */
	if (vc == CTX_REF && (vn >= 5 || (vn >= 3 && numero_sign_before(s, p)))) {
		scan_emit(s, PII_REFERENCE_NUMBER, p, ve, 0.7);
		next = ve;
		goto done;
	}
	/* phones: the whole run; with a +CC, the longest prefix of groups that is one */
	if (!phone_ctx && r.nd >= 7)
		phone_ctx = phone_follows(s, r.e);
	if (phone_ctx && phone_intl_bare(&r)) {
		scan_emit(s, PII_PHONE, p, r.e, 0.7);
		next = r.e;
		goto done;
	}
	for (int k = r.ng; k >= 1; k--) {
		/* without "+", a shorter number only where the style changes: "555-0134 84102" */
		if (r.gdig[k - 1] < 7 || (k < r.ng && !r.plus && !(r.sep[k] == ' ' && k >= 2 &&
								  !run_has(&r, k, ' '))))
			break;
		if (phone_run(s, &r, k, phone_ctx)) {
			scan_emit(s, PII_PHONE, p, r.gend[k - 1], r.plus ? 0.9 : 0.6);
			next = r.gend[k - 1];
			goto done;
		}
	}
	if (r.ng == 1 && !r.plus && r.e1 == r.e && natid_whole(s, &r)) {
		scan_emit(s, PII_NATIONAL_ID, p, r.e, 0.6);
		goto done;
	}
	/* bank accounts named by their checks: Argentina's CBU (22 digits, two
	 * checks), Hungary's account in eights (16025235-27617340-43516871) */
	if (!r.plus && r.ng == 1 && r.e1 == r.e && r.nd == 22 && pii_ar_cbu_valid(r.d, 22)) {
		scan_emit(s, PII_ACCOUNT_NUMBER, p, r.e, 0.8);
		goto done;
	}
	if (!r.plus && (r.ng == 2 || r.ng == 3) && r.glen[0] == 8 && r.glen[1] == 8 &&
	    (r.ng == 2 || r.glen[2] == 8) && r.sep[1] == '-' && (r.ng == 2 || r.sep[2] == '-') &&
	    pii_hu_account_valid(r.d, r.nd)) {
		scan_emit(s, PII_ACCOUNT_NUMBER, p, r.gend[r.ng - 1], 0.8);
		next = r.gend[r.ng - 1];
		goto done;
	}
	/* Pakistan's CNIC, 35202-1234567-1: its dashes and groups name it */
	if (r.ng == 3 && r.sep[1] == '-' && r.sep[2] == '-' && r.glen[0] == 5 && r.glen[1] == 7 &&
	    r.glen[2] == 1 && !r.plus) {
		scan_emit(s, PII_NATIONAL_ID, p, r.gend[2], 0.8);
		next = r.gend[2];
		goto done;
	}
	/* a one-time code named after it: "123456 is your verification code" */
	if (r.ng == 1 && r.nd >= 4 && r.nd <= 8 && code_follows(s, r.e)) {
		scan_emit(s, PII_CREDENTIAL, p, r.e, 0.8);
		goto done;
	}
	/* "강남구 테헤란로 152", "역삼동 123-45": a Korean address by its units */
	size_t ko_from, ko_end;
	if (r.ng <= 2 && (r.ng == 1 || r.sep[1] == '-') && r.nd <= 8 && p >= 2 &&
	    (unsigned char)s->t[p - 2] >= 0x80 &&
	    (ko_end = addr_hangul_units(s, p, r.gend[r.ng - 1], &ko_from))) {
		scan_emit(s, PII_POSTAL_ADDRESS, ko_from, ko_end, 0.6);
		next = ko_end;
		goto done;
	}
	if (r.ng == 1 || (r.ng >= 2 && r.sep[1] == ' ')) {
		size_t a;
		if (r.glen[0] <= 2 && scan_ctx(s, CTX_DOB, WIN) && (a = date_day_month(s, p))) {
			scan_emit(s, PII_DATE_OF_BIRTH, p, a, 0.7);
			next = a;
			goto done;
		}
		if (r.ng == 1 && r.nd <= 4 && (a = addr_thai_units(s, p, r.e))) {
			scan_emit(s, PII_POSTAL_ADDRESS, p, a, 0.6);
			next = a;
			goto done;
		}
		if (r.glen[0] <= 5 && (a = addr_after_number(s, r.gend[0]))) {
			scan_emit(s, PII_POSTAL_ADDRESS, p, a, 0.6);
			next = a;
			goto done;
		}
		if (r.ng == 1 && r.nd <= 4 && ago(s, CTX_STREET) <= 2 &&
		    (a = addr_marked_number(s, p, r.e))) {
			scan_emit(s, PII_POSTAL_ADDRESS, p, a, 0.6);
			next = a;
			goto done;
		}
		size_t from;
		if (r.ng == 1 && r.nd <= 4 && (a = addr_marker_comma(s, p, r.e, &from))) {
			scan_emit(s, PII_POSTAL_ADDRESS, from, a, 0.6);
			next = a;
			goto done;
		}
		if (r.ng == 1 && (a = addr_chain(s, p, r.e, &from))) {
			scan_emit(s, PII_POSTAL_ADDRESS, from, a, 0.6);
			next = a;
			goto done;
		}
		if (r.ng == 1 && (a = addr_postcode_town(s, p, r.e))) {
			scan_emit(s, PII_POSTAL_ADDRESS, p, a, 0.6);
			next = a;
			goto done;
		}
		if (r.ng == 1 && r.nd <= 5 && (a = addr_unit_after(s, p, r.e))) {
			scan_emit(s, PII_POSTAL_ADDRESS, p, a, 0.6);
			next = a;
			goto done;
		}
		if (r.ng <= 3 && r.glen[0] <= 4 && ago(s, CTX_STREET) == 1 &&
		    (a = addr_town_first(s, p, r.gend[0], &from))) {
			scan_emit(s, PII_POSTAL_ADDRESS, from, a, 0.6);
			next = a;
			goto done;
		}
	}
	/*
	 * A bare identifier given out: 8 to 14 digits in one piece, standing
	 * alone ("No power since last night. 37181118540", "My number is
	 * 1031374612"), and neither a phone nor a date: what people send a
	 * business so is their account, meter or customer number.
	 */
	if (r.ng == 1 && r.nd >= 8 && r.nd <= 14 && !r.plus && r.e1 == r.e &&
	    !pii_degenerate(r.d, r.nd) && !compact_date(r.d, r.nd) &&
	    ago(s, CTX_CODEMOD) > WIN &&   /* "AWB 2150447812093": a parcel's, public */
	    scan_stands_alone(s, p, r.e)) {
		/* in Greek, 11 digits with AMKA's date and check are the person's
		 * social security number; 13 with a CNP's, anywhere, Romania's */
		bool greek = r.nd == 11 && pii_amka_valid(r.d, r.nd) &&
			     (memchr(s->t, 0xce, s->len) || memchr(s->t, 0xcf, s->len));
		/* "O meu NIF é 100037224 e o do Tiago 263346510": the second a NIF by
		 * its check, an identity word earlier in the message */
		bool nif = r.nd == 9 && pii_pt_nif_valid(r.d, 9) && ago(s, CTX_NATID) <= 4 * WIN;
		if (greek || nif || pii_cnp_valid(r.d, r.nd)) {
			scan_emit(s, PII_NATIONAL_ID, p, r.e, 0.5);
			goto done;
		}
		scan_emit(s, PII_ACCOUNT_NUMBER, p, r.e, 0.5);
		goto done;
	}
done:
	s->valued = s->tok + 1;
	mark(s, 0);
	return next > p ? next : ce;
}

/* ------------------------------------------------------------ IBAN, NINO */

/* IBAN at p: country letters, check digits, then the BBAN in groups. */
RARE static size_t iban(struct scan *s, size_t p)
{
	char cc[3] = { (char)(s->t[p] & ~32), (char)(s->t[p + 1] & ~32), 0 };
	int L = pii_iban_length(cc);
	char v[40], sep = 0;
	size_t n = 0, q = p;
	if (!L)
		return 0;
	while (q < s->len && n < (size_t)L) {
		unsigned char c = (unsigned char)s->t[q];
		if (is_alnum(c)) {
			v[n++] = (char)(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
			q++;
		} else if ((c == ' ' || c == '-') && (!sep || c == sep) && n >= 4 && q + 1 < s->len &&
			   is_alnum((unsigned char)s->t[q + 1])) {
			/* groups of four mostly, of eight in some banks' print, apart by
			 * spaces or by dashes: the checksum decides */
			sep = (char)c;
			q++;
		} else {
			break;
		}
	}
	if (n != (size_t)L || (q < s->len && is_alnum((unsigned char)s->t[q])))
		return 0;
	/* a check that fails right after a bank's or an account's word ("Bank: HU42
	 * …"): an IBAN mistyped or made up, the account still the message's */
	bool valid = pii_iban_valid(v, n);
	if (!valid && !scan_ctx(s, CTX_ACCOUNT, 2))
		return 0;
	scan_emit(s, PII_IBAN, p, q, valid ? 1.0 : 0.5);
	return q;
}

/* UK National Insurance number at p: "AB123456C" or "AB 12 34 56 C". */
static size_t nino(struct scan *s, size_t p)
{
	char v[10];
	size_t n = 0, q = p;
	while (q < s->len && n < 9) {
		unsigned char c = (unsigned char)s->t[q];
		if (is_alnum(c)) {
			v[n++] = (char)c;
			q++;
		} else if (c == ' ' && n >= 2 && q + 1 < s->len && is_alnum((unsigned char)s->t[q + 1])) {
			q++;
		} else {
			break;
		}
	}
	if (n != 9 || (q < s->len && is_alnum((unsigned char)s->t[q])) || !pii_nino_valid(v, n))
		return 0;
	scan_emit(s, PII_NATIONAL_ID, p, q, 0.9);
	return q;
}

/* ------------------------------------------------------------ words */

/* API keys and tokens recognisable by their vendor prefix (after gitleaks):
 * a credential wherever they appear, with or without a keyword. */
static bool vendor_secret(const char *v, size_t n)
{
	static const struct { const char *prefix; unsigned char min; } keys[] = {
		{"AKIA", 20}, {"ASIA", 20}, {"ghp_", 40}, {"gho_", 40}, {"ghu_", 40},
		{"ghs_", 40}, {"github_pat_", 50}, {"glpat-", 26}, {"xoxb-", 24}, {"xoxp-", 24},
		{"xoxa-", 24}, {"sk_live_", 24}, {"rk_live_", 24}, {"AIza", 39}, {"sk-proj-", 40},
		{"npm_", 40}, {"SG.", 60}, {"sk_test_", 24}, {"rk_test_", 24}, {"shpat_", 38},
		{"shpss_", 38}, {"hf_", 37}, {"sk-ant-", 40},
	};
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		size_t k = strlen(keys[i].prefix);
		if (n < keys[i].min || n > 200 || memcmp(v, keys[i].prefix, k))
			continue;
		size_t digits = 0;
		for (size_t j = k; j < n; j++) {
			unsigned char c = (unsigned char)v[j];
			if (!(is_alnum(c) || c == '_' || c == '-' || c == '.'))
				return false;
			digits += is_digit(c);
		}
		return digits > 0;   /* real keys are random: a word alone is no key */
	}
	return false;
}

/* A PEM private key block at p ("-----BEGIN RSA PRIVATE KEY-----"): its end, or 0. */
static size_t pem_key(const struct scan *s, size_t p)
{
	const char *t = s->t;
	size_t lim = s->len - p < 80 ? s->len - p : 80;
	const char *eol = memchr(t + p, '\n', lim);
	size_t hl = eol ? (size_t)(eol - (t + p)) : lim;
	if (!memmem(t + p, hl, "PRIVATE KEY", 11))
		return 0;
	size_t rest = s->len - p < 16384 ? s->len - p : 16384;
	const char *end = memmem(t + p + hl, rest - hl, "-----END", 8);
	if (!end)
		return p + hl;
	const char *close = memmem(end + 8, (size_t)(t + p + rest - end - 8), "-----", 5);
	return close ? (size_t)(close + 5 - t) : (size_t)(end + 8 - t);
}

/* A token of letters, digits and symbols at [p, core): reference numbers
 * (TKT-123456, MBR12345678), codes (G-123456), passwords (Tulip#123). */
/* AAAAA9999A, the fourth letter saying who holds it (P a person, C a company, …) */
static bool pan_shape(const char *v)
{
	for (int i = 0; i < 10; i++) {
		bool want_digit = i >= 5 && i <= 8;
		if (want_digit ? !is_digit((unsigned char)v[i]) : !is_upper((unsigned char)v[i]))
			return false;
	}
	return strchr("ABCFGHLJPT", v[3]) != NULL;
}

/* See the caller: a national id by its shape and, where it has one, its check. */
static bool id_shape(const char *v, size_t n)
{
	if ((n == 10 || n == 11) && v[n - 3] == '(' && v[n - 1] == ')') {
		char h[9];
		size_t k = n - 3;   /* "A123456(3)", "AB123456(3)" */
		memcpy(h, v, k);
		h[k] = v[n - 2];
		return pii_hkid_valid(h, k + 1);
	}
	if (n == 11 && (v[0] == 'A' || v[0] == 'P') && pii_all_digits(v + 1, 9) && is_upper((unsigned char)v[10]))
		return true;
	if (n == 10 && pii_all_digits(v, 9) && strchr("VvXx", v[9])) {
		int day = (v[2] - '0') * 100 + (v[3] - '0') * 10 + (v[4] - '0');
		return (day >= 1 && day <= 366) || (day >= 501 && day <= 866);
	}
	return n == 15 && !memcmp(v, "GHA-", 4) && pii_all_digits(v + 4, 9) && v[13] == '-' &&
	       is_digit((unsigned char)v[14]);
}

static size_t alnum_token(struct scan *s, size_t p, size_t ce)
{
	/* a value in ASCII ends where a particle or full-width mark is glued
	 * to it ("R-4821937、3名で"); the rest of the chunk is read on its own */
	for (size_t i = p, d = 0; (unsigned char)s->t[p] < 0x80 && i < ce; i++) {
		d += is_digit((unsigned char)s->t[i]);
		if ((unsigned char)s->t[i] >= 0x80 && d && glue_end(s, i)) {
			ce = i;
			break;
		}
	}
	size_t core = scan_trim_end(s->t, p, ce);
	/* "RM1,000", "Rp150.000", "Rs.499": an amount, its currency glued before it */
	size_t cur = currency_code_glued(s->t, p, core);
	if (!cur && (cur = currency_sign(s->t, p, core)) &&
	    !(p + cur < core && is_digit((unsigned char)s->t[p + cur])))
		cur = 0;   /* "₱1,250" */
	if (cur) {
		size_t d = 0;
		for (size_t i = p + cur; i < core && !is_alpha((unsigned char)s->t[i]); i++)
			d += is_digit((unsigned char)s->t[i]);
		if (d <= 7) {
			mark(s, 0);
			return ce;
		}
	}
	/* "50.000đ", "150rb", "2500TL": its currency glued after it */
	size_t amount = p;
	while (amount < core && (is_digit((unsigned char)s->t[amount]) || s->t[amount] == '.' ||
				 s->t[amount] == ','))
		amount++;
	if (amount > p && amount < core && money_after(s, amount)) {
		mark(s, 0);
		return ce;
	}
	size_t digits = 0, letters = 0, other = 0, high = 0, n = core - p;
	for (size_t i = p; i < core; i++) {
		unsigned char c = (unsigned char)s->t[i];
		if (is_digit(c))
			digits++;
		else if (is_alpha(c) || c >= 0x80)
			letters++, high += c >= 0x80;
		else
			other++;
	}
	unsigned cls = scan_word_class(s->t, p, core, ce);
	/* "Call/WhatsApp", "tel/wa": words joined by slashes, each of its class */
	if (!cls && !digits && other && memchr(s->t + p, '/', n)) {
		for (size_t a = p, b; a < core; a = b + 1) {
			for (b = a; b < core && s->t[b] != '/'; b++)
				;
			if (b > a)
				cls |= scan_word_class(s->t, a, b, b);
		}
	}
	if (cls & ~(CTX_FILLER | CTX_ADDRLINK)) {
		if (core < ce && (s->t[core] == ':' || s->t[core] == '='))
			s->keyed = s->tok + 1;
		mark(s, cls);
		return ce;
	}
	if (n == 0)
		goto done;
	if (digits && high && (unsigned char)s->t[p] >= 0xe0) {
		/* CJK units before the numbers, "…市…2-26-24", "…路88号" */
		size_t fd = p;
		while (fd < core && !is_digit((unsigned char)s->t[fd]))
			fd++;
		if (fd - p >= 6 && (unsigned char)s->t[p] >= 0xe0 && addr_cjk_units(s, p, fd)) {
			size_t q = fd, groups = 0;
			while (q < core && (is_digit((unsigned char)s->t[q]) || s->t[q] == '-')) {
				groups += s->t[q] == '-';
				q++;
			}
			bool unit_after = q < core && (unsigned char)s->t[q] >= 0xe0 &&
					  addr_cjk_units(s, q, q + 6 <= core ? q + 6 : core);
			if (groups >= 1 || unit_after) {
				scan_emit(s, PII_POSTAL_ADDRESS, p, core, 0.6);
				goto done;
			}
		}
	}
	if (high && letters > digits && letters != n) {
		size_t v;
		unsigned mc = mixed_class(s, p, core, &v);
		if (mc & ~(CTX_FILLER | CTX_ADDRLINK | CTX_ADDRMARK) && v > p) {
			mark(s, mc);
			return v;
		}
	}
	/* Spanish DNI and NIE carry a check letter, the Italian codice fiscale, the
	 * Taiwanese id (A123456789), the Finnish henkilötunnus (131052-308T), the
	 * Mexican CURP and RFC (a check character) too */
	if ((n == 9 && pii_dni_valid(s->t + p, n)) ||
	    (n == 16 && pii_codice_fiscale_valid(s->t + p, n)) ||
	    (n == 10 && pii_tw_id_valid(s->t + p, n)) || (n == 11 && pii_fi_hetu_valid(s->t + p, n)) ||
	    (n == 18 && pii_mx_curp_valid(s->t + p, n)) ||
	    ((n == 13 || n == 12) && pii_mx_rfc_valid(s->t + p, n)) ||
	    (n == 9 && pii_sg_nric_valid(s->t + p, n))) {
		scan_emit(s, PII_NATIONAL_ID, p, core, 0.9);
		goto done;
	}
	/* ids known by their shape: Hong Kong's "A123456(3)", Kenya's KRA PIN
	 * "A012345678Z", Sri Lanka's old NIC "853400937V", Ghana's card
	 * "GHA-123456789-0" */
	size_t shut = core < ce && s->t[core] == ')' ? core + 1 : core;   /* "(3)" */
	if (id_shape(s->t + p, shut - p)) {
		scan_emit(s, PII_NATIONAL_ID, p, shut, 0.8);
		goto done;
	}
	/* "DNI 48291736K": eight digits and a letter right after an identity
	 * word are the number, even when a slip of the hand broke its check
	 * letter; without the word, only a valid letter names a DNI (above) */
	if (n == 9 && digits == 8 && is_alpha((unsigned char)s->t[p + 8]) &&
	    value_ctx(s) == CTX_NATID && ago(s, CTX_NATID) <= 2) {
		scan_emit(s, PII_NATIONAL_ID, p, core, 0.7);
		goto done;
	}
	/* an Indian PAN after an identity word: five letters, four digits, a letter */
	if (n == 10 && pan_shape(s->t + p) && scan_ctx(s, CTX_NATID, WIN)) {
		scan_emit(s, PII_NATIONAL_ID, p, core, 0.8);
		goto done;
	}
	/* "17046561-L": a DNI with a dash before its check letter */
	if (n == 10 && digits == 8 && s->t[p + 8] == '-' && is_alpha((unsigned char)s->t[p + 9])) {
		char v[9];
		memcpy(v, s->t + p, 8);
		v[8] = s->t[p + 9];
		if (pii_dni_valid(v, 9)) {
			scan_emit(s, PII_NATIONAL_ID, p, core, 0.9);
			goto done;
		}
	}
	/* "passport C7X93K2L1", "CIN K166576", "Ausweis MHVVLWRZK2", "passport
	 * C13CNFYVX": a document's number of letters and digits right after its
	 * word (with fewer than four digits, eight or more in capitals throughout) */
	if (n >= 6 && n <= 12 && digits >= 1 && letters >= 1 && !other && !high &&
	    (digits >= 4 || (n >= 8 && !has_lower(s->t + p, n))) && value_ctx(s) == CTX_NATID &&
	    ago(s, CTX_NATID) <= 2) {
		scan_emit(s, PII_NATIONAL_ID, p, core, 0.7);
		goto done;
	}
	if (vendor_secret(s->t + p, n)) {
		scan_emit(s, PII_CREDENTIAL, p, core, 1.0);
		goto done;
	}
	/* versions (v2.3.1, V8, v10b) and units (14h, 2kg) are never values; a
	 * booking's code may start so ("V5P6CR": capitals after the digits) */
	if (lower(s->t[p]) == 'v' && n > 1 && is_digit((unsigned char)s->t[p + 1])) {
		size_t caps = 0;
		for (size_t i = p + 2; i < core; i++)
			caps += is_upper((unsigned char)s->t[i]);
		if (caps < 2)
			goto done;
	}
	unsigned vc = value_ctx(s);
	bool code_shape = false;
	{
		/* G-123456: up to three letters, a dash, 4-8 digits */
		size_t i = p;
		while (i < core && is_alpha((unsigned char)s->t[i]) && i - p < 3)
			i++;
		if (i > p && i < core && s->t[i] == '-' && core - i - 1 >= 4 && core - i - 1 <= 8 &&
		    digits == core - i - 1)
			code_shape = true;
	}
	/* "Reserva confirmada? o código que recebi foi BK7Q2M9": a booking code
	 * the message names a booking for, not a secret, unless a password word
	 * is nearer */
	bool near_ref = ago(s, CTX_REF) <= 2 && ago(s, CTX_SECRET) > 2 * WIN;
	if ((booking_code(s->t + p, n) || (near_ref && pnr_code(s->t + p, n))) &&
	    ago(s, CTX_REF) <= 2 * WIN && vc != CTX_SECRET &&
	    ago(s, CTX_SECRET) > 2 * WIN && ago(s, CTX_USER) > 2 * WIN &&
	    !promo_follows(s, ce)) {   /* "first-order code KARO10 for a 10% discount" */
		scan_emit(s, PII_REFERENCE_NUMBER, p, core, 0.7);
		goto done;
	}
	/* "tilausnumero SR-721614", "ordrenummer INC-839938": a prefix and the number */
	if (code_shape && near_ref && vc == CTX_REF) {
		scan_emit(s, PII_REFERENCE_NUMBER, p, core, 0.7);
		goto done;
	}
	if (code_shape && (vc == CTX_CODE || vc == CTX_SECRET || code_follows(s, core))) {
		scan_emit(s, PII_CREDENTIAL, p, core, 0.8);
		goto done;
	}
	/* "κωδικός κράτησης": a code's word, then a booking's, names a reference */
	bool booking_named = ago(s, CTX_REF) + 1 == ago(s, CTX_SECRET);
	if (scan_ctx(s, CTX_SECRET, WIN_SECRET) && n >= 4 && n <= 64 && (digits || other) &&
	    (n >= 5 || (digits && letters)) && !stop_before(s, p) && !booking_named) {
		scan_emit(s, PII_CREDENTIAL, p, core, 0.8);
		goto done;
	}
	/* "la contraseña del software quedó en PF5dY2SbdU", "the password for
	 * our store na pinheiros47.A": a password's word earlier in the clause,
	 * and a value shaped as one (letters with digits or signs, 6 or more) */
	bool ends = ends_sentence(s, ce);
	if (ago(s, CTX_SECRET) <= 4 * WIN &&
	    (ago(s, CTX_SECRET) <= s->tok - s->clause || ((s->prev_cls & CTX_FILLER) && ends)) &&
	    n >= 6 && n <= 64 && is_alnum((unsigned char)s->t[p]) && letters && digits &&
	    other <= 2 && !memchr(s->t + p, '[', n) && !memchr(s->t + p, '(', n) &&
	    !memchr(s->t + p, '/', n) && !high && !vc_other(s) && !stop_before(s, p)) {
		scan_emit(s, PII_CREDENTIAL, p, core, 0.6);
		goto done;
	}
	/* "the pin they texted me: Zebra_1456", "mã OTP vừa gửi về là
	 * Cactus_910": a code's word earlier in the clause, and a value that
	 * is a password's, not a promotion's (lower case, digits; "use code
	 * SAVE20" is in capitals) */
	if (ago(s, CTX_CODE) <= 2 * WIN && ago(s, CTX_CODE) <= s->tok - s->clause &&
	    ago(s, CTX_CODE) < ago(s, CTX_CODEMOD) && ago(s, CTX_CODE) < ago(s, CTX_REF) &&
	    ago(s, CTX_CODE) < ago(s, CTX_ACCOUNT) && n >= 6 && n <= 64 &&
	    is_alnum((unsigned char)s->t[p]) && digits && letters && other <= 2 && !high &&
	    has_lower(s->t + p, n) && !memchr(s->t + p, '/', n) && !memchr(s->t + p, '(', n) &&
	    !memchr(s->t + p, '[', n) && !vc_other(s) &&
	    !stop_before(s, p) && !promo_follows(s, ce)) {
		scan_emit(s, PII_CREDENTIAL, p, core, 0.6);
		goto done;
	}
	/* "Kennwort für das Lieferportal: Brezel!77": a password word, what it
	 * opens and a colon, in one clause; the value right after the colon */
	if (ago(s, CTX_SECRET) <= 2 * WIN && ago(s, CTX_SECRET) <= s->tok - s->clause &&
	    p > 1 && s->t[p - 1] == ' ' && s->t[p - 2] == ':' && n >= 5 && n <= 64 && letters &&
	    (digits || other) && !high) {
		scan_emit(s, PII_CREDENTIAL, p, core, 0.7);
		goto done;
	}
	/* a password named after it: "hunter2 is the password" */
	if (n >= 4 && n <= 64 && letters && (digits || other) && !high && secret_follows(s, core)) {
		scan_emit(s, PII_CREDENTIAL, p, core, 0.7);
		goto done;
	}
	/* "beta code: sauron73", "invite code X7K2P9": letters and digits after a code word */
	if (vc == CTX_CODE && s->keyed == s->tok && digits && letters && n >= 5 && n <= 32 &&
	    !other && !promo_follows(s, ce)) {
		scan_emit(s, PII_CREDENTIAL, p, core, 0.7);
		goto done;
	}
	/* "login: jroe//Falcon+12": a user name and its password in one token */
	if (scan_ctx(s, CTX_USER, WIN) && n >= 5 && memmem(s->t + p, n, "//", 2) &&
	    s->t[p] != '/' && s->t[core - 1] != '/') {
		scan_emit(s, PII_CREDENTIAL, p, core, 0.7);
		goto done;
	}
	/* a relayed code alone on its line, or after a code or password word */
	bool ref_last = ago(s, CTX_REF) < ago(s, CTX_CODE) && ago(s, CTX_REF) < ago(s, CTX_SECRET);
	if ((random_token(s->t + p, n) || symbol_token(s->t + p, n)) && !ref_last &&   /* "kód rezervace" */
	    ((own_line(s, p, core) && (ago(s, CTX_CODE) < 1000 || ago(s, CTX_SECRET) < 1000)) ||
	     scan_ctx(s, CTX_CODE, WIN) || scan_ctx(s, CTX_SECRET, WIN))) {
		scan_emit(s, PII_CREDENTIAL, p, core, 0.6);
		goto done;
	}
	/* Ghana's digital address (GhanaPostGPS), "GA-183-8164": where the
	 * archive's people are in Ghana, or after an address's word */
	if (shape_ghana_gps(s->t + p, n) && vc != CTX_REF &&
	    (scan_ctx(s, CTX_ADDRESS, 2 * WIN) || in_region(s, "GH"))) {
		scan_emit(s, PII_POSTAL_ADDRESS, p, core, 0.7);
		goto done;
	}
	if ((vc == CTX_ACCOUNT || vc == CTX_REF) && digits >= 4 && n >= 5 && n <= 32 &&
	    letters <= 12 && !shape_clock_inside(s->t + p, n)) {
		scan_emit(s, vc == CTX_ACCOUNT ? PII_ACCOUNT_NUMBER : PII_REFERENCE_NUMBER, p, core, 0.7);
		goto done;
	}
	/* "Numer rezerwacji REF/6571/235", "ügyszám R3277117": an identifier
	 * with its prefix, after a number's word in any language, is a case's
	 * or a booking's (a phone has no letters, a passport its word); so is
	 * one, or a booking's code, that a record is filed "under" */
	if ((!vc || vc == CTX_PHONE) && ago(s, CTX_CODEMOD) > WIN &&
	    ((prefixed_id(s->t + p, n) && word_near(s, p, 3, number_word)) ||
	     ((prefixed_id(s->t + p, n) || booking_code(s->t + p, n)) &&
	      word_near(s, p, 1, under_word)))) {
		scan_emit(s, PII_REFERENCE_NUMBER, p, core, 0.6);
		goto done;
	}
	/* a booking code (PNR) after its word: 5 to 8 capitals and digits,
	 * switching between them twice or more (K9ZQ4T, 4C4N4K), so that a
	 * model name (COVID19, A380) is none */
	if (vc == CTX_REF && booking_code(s->t + p, n)) {
		scan_emit(s, PII_REFERENCE_NUMBER, p, core, 0.7);
		goto done;
	}
	/* "Z-8375622-Q": a Spanish NIE (or DNI) written with dashes, its letter checked */
	if ((n == 11 || n == 10) && memchr(s->t + p, '-', n)) {
		char v[12];
		size_t vn = 0;
		for (size_t k = p; k < core && vn < 11; k++)
			if (s->t[k] != '-')
				v[vn++] = s->t[k];
		if (vn == 9 && pii_dni_valid(v, 9)) {
			scan_emit(s, PII_NATIONAL_ID, p, core, 0.9);
			goto done;
		}
	}
	/* a reference in a system's shape ("Αρ. αιτήματος DST-77120-GR", "פנייה
	 * EVX-29913 נפתחה"), or a prefixed number sent alone, as the answer to
	 * "what's your order number?" ("#FR-20931", "AFB-7734") */
	if ((!vc || vc == CTX_REF || vc == CTX_PHONE) && !high && ago(s, CTX_CODEMOD) > WIN &&
	    ago(s, CTX_SECRET) > 2 * WIN && ago(s, CTX_CODE) > 2 &&
	    (shape_system_ref(s->t + p, n) ||
	     (shape_prefixed_short(s->t + p, n) && (alone(s, p, core) || word_near(s, p, 1, number_word)))) &&
	    !promo_follows(s, ce)) {
		scan_emit(s, PII_REFERENCE_NUMBER, p, core, 0.6);
		goto done;
	}
done:
	if (digits)
		s->valued = s->tok + 1;
	mark(s, 0);
	return ce;
}

/* Was a keyword of a value other than a phone seen within WIN tokens, with
 * no digit run after it? Then a "number" word now is that value's number. */
static bool number_named(const struct scan *s)
{
	if (s->prev_cls & (CTX_ACCOUNT | CTX_REF | CTX_NATID | CTX_CODE | CTX_SECRET | CTX_CARD |
			   CTX_DOB))
		return true;
	/* "in case my number is": a filler (my, the) before the word says whose */
	if (s->prev_cls & CTX_FILLER)
		return false;
	static const unsigned named[] = { CTX_ACCOUNT, CTX_REF, CTX_NATID, CTX_CARD };
	unsigned since = s->valued ? s->tok - (s->valued - 1) : 1000;
	if (s->tok - s->clause < since)
		since = s->tok - s->clause + 1;   /* "order 2, my number is": a new clause */
	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++) {
		unsigned a = ago(s, named[i]);
		if (a <= WIN && a < since && a < ago(s, CTX_PHONE))
			return true;
	}
	return false;
}

/* The endings of a number's and of a code's compound, folded: "ordrenummer",
 * "tilausnumero"; "engangskoden", "vahvistuskoodi". */
static const struct ending number_ends[] = { ENDING("nummer"), ENDING("nummeret"),
					     ENDING("numero"), ENDING("numeron"),
					     ENDING("numer"), ENDING("numret") };
static const struct ending code_ends[] = { ENDING("kode"), ENDING("koden"), ENDING("koodi"),
					   ENDING("koodin"), ENDING("kood"), ENDING("koodiks"),
					   ENDING("kod"), ENDING("koder"), ENDING("code") };

/* Per pair of last letters, which endings end so (T_NUMBER, T_CODE): most
 * words end otherwise and are let go after one look. */
enum { T_NUMBER = 1, T_CODE = 2 };
static unsigned char tail2[26 * 26];

static int tail_key(const char *w, size_t n)
{
	unsigned a = (unsigned char)w[n - 2] - 'a', b = (unsigned char)w[n - 1] - 'a';
	return a < 26 && b < 26 ? (int)(a * 26 + b) : -1;
}

static void init_tails(void)
{
	for (size_t i = 0; i < NENDS(number_ends); i++)
		tail2[tail_key(number_ends[i].s, number_ends[i].n)] |= T_NUMBER;
	for (size_t i = 0; i < NENDS(code_ends); i++)
		tail2[tail_key(code_ends[i].s, code_ends[i].n)] |= T_CODE;
}

static bool number_compound(const char *w, size_t n)
{
	int k = n >= 8 ? tail_key(w, n) : -1;
	return k >= 0 && (tail2[k] & T_NUMBER) && ends_in(w, n, number_ends, NENDS(number_ends));
}

/* The class of a number's compound the word lists do not know as written:
 * that of its base form ("kontonummeret", "personnumret", "CPR-nummeret",
 * the definite forms of Danish, Norwegian and Swedish, are "kontonummer",
 * "personnummer", "CPR-nummer"), else an order's, a booking's or a case's
 * ("ordrenummer", "sagsnummer", "tilausnumero"). */
static unsigned compound_class(const char *w, size_t n)
{
	static const struct ending definite[] = { ENDING("nummeret"), ENDING("numret"),
						  ENDING("numeron") };
	static const struct ending base[] = { ENDING("nummer"), ENDING("nummer"),
					      ENDING("numero") };
	for (size_t i = 0; i < NENDS(definite); i++) {
		size_t k = definite[i].n, stem = n - k;
		if (n < k + 3 || n - k + base[i].n > 40 || memcmp(w + stem, definite[i].s, k))
			continue;
		char b[40];
		memcpy(b, w, stem);
		memcpy(b + stem, base[i].s, base[i].n);
		unsigned cls = pii_word_class(b, stem + base[i].n);
		if (cls & (CTX_ACCOUNT | CTX_NATID | CTX_PHONE | CTX_REF))
			return cls & (CTX_ACCOUNT | CTX_NATID | CTX_PHONE | CTX_REF);
	}
	return CTX_REF;
}

/* A code's compound, not a discount's ("rabattkode", "alennuskoodi"). */
static bool code_compound(const char *w, size_t n)
{
	/* a discount's, a place's, a product's: "Rabattcode", "Postcode", "Barcode" */
	static const struct ending discount[] = { ENDING("rabatt"), ENDING("kampanj"),
						  ENDING("alennus"), ENDING("tarjous"),
						  ENDING("rabat"), ENDING("kupong"), ENDING("kupon"),
						  ENDING("promo"), ENDING("post"), ENDING("zip"),
						  ENDING("bar"), ENDING("qr"), ENDING("gutschein"),
						  ENDING("voucher"), ENDING("coupon"), ENDING("source"),
						  ENDING("area"), ENDING("country"), ENDING("dress"),
						  ENDING("gift"), ENDING("referral"), ENDING("invite"),
						  ENDING("einlade"), ENDING("geo"), ENDING("farb"),
						  ENDING("color"), ENDING("colour"), ENDING("error"),
						  ENDING("fehler"), ENDING("status"), ENDING("hex"),
						  ENDING("unicode") };
	int k = n >= 6 ? tail_key(w, n) : -1;
	if (k < 0 || !(tail2[k] & T_CODE) || !ends_in(w, n, code_ends, NENDS(code_ends)))
		return false;
	for (size_t j = 0; j < NENDS(discount); j++)
		if (n >= discount[j].n && !memcmp(w, discount[j].s, discount[j].n))
			return false;
	return true;
}

/* Is a code's compound a booking's ("Boekingscode", "Buchungscode",
 * "bookingkode"): its stem, without the code and a linking s, a
 * reference's word? */
static bool code_stem_ref(const char *w, size_t n)
{
	for (size_t i = 0; i < NENDS(code_ends); i++) {
		size_t k = code_ends[i].n;
		if (n < k + 3 || memcmp(w + n - k, code_ends[i].s, k))
			continue;
		size_t stem = n - k;
		if (pii_word_class(w, stem) & CTX_REF)
			return true;
		if (w[stem - 1] == 's' && (pii_word_class(w, stem - 1) & CTX_REF))
			return true;
	}
	return false;
}

static bool all_upper(const char *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_upper((unsigned char)v[i]))
			return false;
	return true;
}

/* How many of v's letters are vowels (A E I O U, either case)? */
static size_t vowels(const char *v, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += strchr("AEIOUaeiou", v[i]) != NULL && v[i];
	return k;
}

/* Does the word before p name a number: "Buchungsnummer", "ref", "nr", "no."? */
static bool number_word_before(const struct scan *s, size_t p)
{
	size_t q = p;
	while (q > 0 && (s->t[q - 1] == ' ' || s->t[q - 1] == ':' || s->t[q - 1] == '#'))
		q--;
	size_t e = q;
	while (q > 0 && (is_alpha((unsigned char)s->t[q - 1]) || s->t[q - 1] == '.'))
		q--;
	char w[40];
	size_t n = e > q ? scan_fold(s->t, q, e, w, sizeof(w) - 1) : 0;
	if (n && w[n - 1] == '.')
		n--;
	/* "予約番号はSUULNFです", "예약번호는 SUULNF이에요": a number's word in a
	 * script without spaces, a particle after it, the code glued or one
	 * space on */
	if (q >= 3 && (unsigned char)s->t[q - 1] >= 0x80) {
		static const char *const particles[] = { "は", "が", "：", "是", "為", "为", "는",
							 "은", "이", "가", "요", NULL };
		static const char *const numbers[] = { "番号", "번호", "号", "號", "码", "碼", "コード",
						       "코드", "代號", "代号", NULL };
		for (size_t i = 0; particles[i]; i++)
			if (q >= 3 + strlen(particles[i]) &&
			    !memcmp(s->t + q - strlen(particles[i]), particles[i], strlen(particles[i]))) {
				q -= strlen(particles[i]);
				break;
			}
		for (size_t i = 0; numbers[i]; i++)
			if (q >= strlen(numbers[i]) &&
			    !memcmp(s->t + q - strlen(numbers[i]), numbers[i], strlen(numbers[i])))
				return true;
		return false;
	}
	static const char *const short_words[] = { "ref", "nr", "no", "n", "pnr", NULL };
	for (size_t i = 0; short_words[i]; i++)
		if (strlen(short_words[i]) == n && !memcmp(w, short_words[i], n))
			return true;
	return n >= 8 && number_compound(w, n);
}

/* Is the text written in capitals throughout (then a word in capitals is no
 * code)? Text in a script without case ("예약번호는 SUULNF") is not. */
static bool scan_shouting(const struct scan *s)
{
	size_t lower = 0, upper = 0;
	for (size_t i = 0; i < s->len && !lower; i++) {
		lower += s->t[i] >= 'a' && s->t[i] <= 'z';
		upper += s->t[i] >= 'A' && s->t[i] <= 'Z';
	}
	return lower == 0 && upper > 12;
}

/* Is the word before p (across a space or a hyphen) "id", as in "id number"? */
static bool id_before(const struct scan *s, size_t p)
{
	size_t q = p;
	if (q > 0 && (s->t[q - 1] == ' ' || s->t[q - 1] == '-'))
		q--;
	if (!(q >= 2 && q < p && (s->t[q - 2] | 32) == 'i' && (s->t[q - 1] | 32) == 'd' &&
	      (q == 2 || !is_alnum((unsigned char)s->t[q - 3]))))
		return false;
	/* "order id number", "user id no" */
	return ago(s, CTX_REF) > 2 && ago(s, CTX_ACCOUNT) > 2 && ago(s, CTX_USER) > 2;
}

/* The classes of an Arabic word without its article (ال) or its "and" (و). */
RARE static unsigned arabic_stem_class(const char *w, size_t n)
{
	static const char al[] = "\xd8\xa7\xd9\x84", wa[] = "\xd9\x88";
	size_t k = !memcmp(w, wa, 2) && !memcmp(w + 2, al, 4) ? 6 : !memcmp(w, al, 4) ? 4 : 0;
	return k && n > k + 2 ? pii_word_class(w + k, n - k) : 0;   /* n > 6: the caller's */
}

/* The classes of the pair the word w (folded, at p) ends, with the word
 * before it one space back: "mật khẩu", "كلمة السر"; 0 when none. */
RARE static unsigned pair_before(const struct scan *s, size_t p, const char *w, size_t wn)
{
	size_t e = p;
	if (e == 0 || s->t[e - 1] != ' ')
		return 0;
	e--;
	size_t b = e;
	while (b > 0 && !is_blank((unsigned char)s->t[b - 1]) && e - b < 32)
		b--;
	char f[40];
	size_t fn = b < e ? scan_fold(s->t, b, e, f, sizeof(f) - 1) : 0;
	return fn ? pii_pair_class(f, fn, w, wn) : 0;
}

/* A word (or word-and-digits token) at [p, ce); flags: the chunk's byte classes. */
static size_t word(struct scan *s, size_t p, size_t ce, unsigned flags)
{
	const char *t = s->t;
	unsigned char c0 = (unsigned char)t[p];
	size_t core = scan_trim_end(t, p, ce);
	/* key:value and key=value inside one chunk: the key first */
	for (size_t i = p + 1; (flags & B_KEYSEP) && i + 1 < core; i++) {
		if (t[i] == '=' || (t[i] == ':' && !(i + 2 < core && t[i + 1] == '/' && t[i + 2] == '/'))) {
			bool letters = true;
			for (size_t k = p; k < i; k++)
				letters = letters && (is_alpha((unsigned char)t[k]) ||
						      (unsigned char)t[k] >= 0x80 || t[k] == '.');
			if (letters) {
				unsigned kc = scan_word_class(t, p, i, i);
				if (kc & (CTX_SECRET | CTX_CODE | CTX_USER))
					s->keyed = s->tok + 1;
				mark(s, kc);
				return i + 1;
			}
			break;
		}
	}
	/* an IBAN, in capitals or written in lower case ("de89 3704 …") */
	if (p + 3 < s->len && is_digit((unsigned char)t[p + 2]) && is_digit((unsigned char)t[p + 3]) &&
	    is_alpha(c0) && is_alpha((unsigned char)t[p + 1]) &&
	    is_upper(c0) == is_upper((unsigned char)t[p + 1])) {
		size_t q = iban(s, p);
		if (q) {
			mark(s, 0);
			return q;
		}
	}
	if (is_upper(c0) && p + 3 < s->len && is_upper((unsigned char)t[p + 1])) {
		size_t q;
		if ((is_digit((unsigned char)t[p + 2]) || t[p + 2] == ' ') && (q = nino(s, p))) {
			mark(s, 0);
			return q;
		}
	}
	size_t digits = 0, other = 0, e = p;
	for (size_t i = p; (flags & (B_DIGIT | B_SYM)) && i < core; i++) {
		unsigned char c = (unsigned char)t[i];
		if (is_digit(c))
			digits++;
		else if (!(is_alpha(c) || c >= 0x80 || c == '\'' || c == '-' || c == '.'))
			other++;
	}
	if (digits || other)
		return alnum_token(s, p, ce);
	e = core;
	char w[40];
	size_t wn = scan_fold(t, p, e, w, sizeof(w) - 1);
	unsigned cls = wn ? pii_word_lookup(w, wn) : 0;
	if (cls & CTX_PAIR)
		cls = (cls & ~(unsigned)CTX_PAIR) | pair_before(s, p, w, wn);
	/* "adressen", "fødselsdatoen", "kontoen": the definite forms of the
	 * Nordic languages, the word known without its article (not for
	 * passwords: Norwegian "passet" is a passport) */
	if (!cls && wn >= 6 && w[wn - 2] == 'e' && (w[wn - 1] == 'n' || w[wn - 1] == 't')) {
		unsigned stem = pii_word_class(w, wn - 2);
		if (!(stem & CTX_FILLER))   /* "nummeret": a number, of what it does not say */
			cls = stem & (CTX_ADDRESS | CTX_DOB | CTX_ACCOUNT | CTX_NATID | CTX_PHONE |
				      CTX_REF);
	}
	/* Colombia's "CC 71.094.172" (cédula de ciudadanía) in capitals; "cc" is a copy */
	if (wn == 2 && w[0] == 'c' && w[1] == 'c' && t[p] == 'C' && t[p + 1] == 'C')
		cls = CTX_NATID;
	/* Britain's "NI number" is written in capitals; Swahili "ni" is "is";
	 * a purchase order is a "PO", Tagalog "po" is politeness */
	if (wn == 2 && w[0] == 'n' && w[1] == 'i' && t[p] == 'n')
		cls &= ~(unsigned)CTX_NATID;
	if (wn == 2 && w[0] == 'p' && w[1] == 'o' && t[p] == 'p')
		cls &= ~(unsigned)CTX_REF;
	/* "kodenya", "passwordnya", "nomornya": Indonesian and Malay glue "the"
	 * (-nya) to the word */
	if (!cls && wn >= 6 && !memcmp(w + wn - 3, "nya", 3))
		cls = pii_word_class(w, wn - 3) & ~(unsigned)CTX_FILLER;
	/* Arabic glues its article and "and" to the word: الحساب, والهاتف */
	if (!cls && wn > 6 && (unsigned char)w[0] == 0xd8)
		cls = arabic_stem_class(w, wn);
	if (!cls && wn && e < ce && t[e] == '.') {
		w[wn] = '.';   /* "st.", "no.", "d.o.b." */
		cls = pii_word_class(w, wn + 1);
		w[wn] = '\0';
	}
	if (!cls && (flags & B_HIGH)) {
		size_t v;
		cls = mixed_class(s, p, e, &v) & ~(unsigned)CTX_ADDRMARK;
		if (cls && v > p) {
			mark(s, cls);
			return v;
		}
	}
	/* "A /c no": an account, written apart */
	if (wn == 1 && w[0] == 'a' && ce + 3 <= s->len && !memcmp(t + ce, " /c", 3) &&
	    (ce + 3 == s->len || !is_alpha((unsigned char)t[ce + 3]))) {
		mark(s, CTX_ACCOUNT);
		return ce + 3;
	}
	/* a generated password in letters only, its case switching at random
	 * ("TnaEKfZMXq"), with a password's word earlier in the clause */
	if (!cls && e - p >= 8 && e - p <= 64 && ago(s, CTX_SECRET) <= 4 * WIN &&
	    ago(s, CTX_SECRET) <= s->tok - s->clause && !vc_other(s)) {
		unsigned switches = 0;
		for (size_t i = p + 1; i < e; i++)
			switches += is_upper((unsigned char)t[i]) != is_upper((unsigned char)t[i - 1]) &&
				    is_alpha((unsigned char)t[i]) && is_alpha((unsigned char)t[i - 1]);
		if (switches >= 4) {
			scan_emit(s, PII_CREDENTIAL, p, e, 0.6);
			mark(s, 0);
			return ce;
		}
	}
	/* a password in letters only: after "password:" or in a "user X, pass Y" pair */
	if (!cls && wn >= 4 && ago(s, CTX_SECRET) == 1 && !sentence_before(s, p) &&
	    (s->keyed == s->tok || scan_ctx(s, CTX_USER, 6)) &&
	    !(ce + 3 < s->len && !memcmp(t + ce, " / ", 3))) {   /* "Wi-Fi: ofis / …": the name */
		scan_emit(s, PII_CREDENTIAL, p, e, 0.6);
		mark(s, 0);
		return ce;
	}
	if (!cls && wn >= 10 && ago(s, CTX_CODE) == 1 && s->keyed == s->tok) {
		scan_emit(s, PII_CREDENTIAL, p, e, 0.6);
		mark(s, 0);
		return ce;
	}
	/* "ordrenummer", "sagsnummer", "tilausnumero": a number's compound the
	 * word lists do not know (they know the phone's, the account's, the
	 * person's) names an order's, a booking's or a case's */
	if (!cls && wn >= 8 && number_compound(w, wn))
		cls = compound_class(w, wn);
	/* "engangskoden", "vahvistuskoodi": a code's compound, not a discount's */
	if (!cls && wn >= 6 && code_compound(w, wn))
		cls = code_stem_ref(w, wn) ? CTX_REF : CTX_CODE;
	/* "wifi-passord", "pin-koodi": the class of the last part of a hyphened word */
	for (size_t i = wn - 1; !cls && (flags & B_HYPHEN) && wn >= 5 && i >= 1; i--)
		if (w[i] == '-') {
			cls = pii_word_class(w + i + 1, wn - i - 1);
			break;
		}
	/* "Bestellnummer VTSLMS": six capitals right after a reference's word, a
	 * booking's code; in Japanese or Korean the particle after it is glued
	 * ("SUULNF이에요") */
	size_t ue = e;
	if ((flags & B_HIGH) && e - p > 6 && (unsigned char)t[p + 6] >= 0xe3 &&
	    (unsigned char)t[p + 6] <= 0xed)
		ue = p + 6;
	if (!cls && ue - p == 6 && ago(s, CTX_REF) <= 2 && ago(s, CTX_SECRET) > 2 * WIN &&
	    all_upper(t + p, 6) && !scan_shouting(s) && number_word_before(s, p)) {
		scan_emit(s, PII_REFERENCE_NUMBER, p, ue, 0.6);
		mark(s, 0);
		return ue < e ? ue : ce;
	}
	/* "our reference is LWJELM", "the reference they gave me is XKZDKH": six
	 * capitals with one vowel at most, no word of a language, later in the
	 * clause of a reference's word or filed "under" it, a booking's code */
	if (!cls && e - p == 6 && all_upper(t + p, 6) && vowels(t + p, 6) <= 1 &&
	    ((ago(s, CTX_REF) <= 2 * WIN && ago(s, CTX_REF) <= s->tok - s->clause &&
	      value_ctx(s) == CTX_REF) || word_near(s, p, 1, under_word)) &&
	    ago(s, CTX_SECRET) > 2 * WIN && !scan_shouting(s)) {
		scan_emit(s, PII_REFERENCE_NUMBER, p, e, 0.6);
		mark(s, 0);
		return ce;
	}
	if ((cls & ~(CTX_FILLER | CTX_ADDRLINK)) && core < ce && (t[core] == ':' || t[core] == '='))
		s->keyed = s->tok + 1;
	/* "code" means a secret unless a word before it says what kind of code */
	if ((cls & CTX_CODE) && (s->prev_cls & (CTX_CODEMOD | CTX_ACCOUNT | CTX_REF))) {
		cls &= ~(unsigned)CTX_CODE;
		cls |= s->prev_cls & (CTX_ACCOUNT | CTX_REF);
	}
	/* "account number", "case number", "Ticket hat die Nummer", "sipariş
	 * numaram": the number is the keyword's, not a phone's, while no number
	 * came between them */
	if ((cls & CTX_FILLER) && (cls & CTX_PHONE) && number_named(s))
		cls &= ~(unsigned)CTX_PHONE;
	/* "my id number is", "ID no.", "id-nummer": the number of an identity card */
	if ((cls & (CTX_FILLER | CTX_PHONE)) && id_before(s, p))
		cls = CTX_NATID;
	/* month names matter only as part of a birth date: look them up only then */
	int m = wn && scan_ctx(s, CTX_DOB, WIN) ? pii_month(w, wn) : 0;
	if (m) {
		size_t a = date_month_day(s, m, e);
		if (a) {
			scan_emit(s, PII_DATE_OF_BIRTH, p, a, 0.7);
			mark(s, 0);
			return a;
		}
	}
	if ((cls & CTX_STREETPRE) || (wn && scan_capitalised(s, p) && pii_street_compound(w, wn))) {
		size_t a = addr_from_word(s, p, e, cls, w, wn);
		if (a) {
			scan_emit(s, PII_POSTAL_ADDRESS, p, a, 0.6);
			mark(s, 0);
			return a;
		}
	}
	mark(s, cls);
	return ce;
}

/* ------------------------------------------------------------ the pass */

/* Does a colon (":" or "：") or the keyword itself come just before p? */
static bool colon_before(const struct scan *s, size_t p)
{
	size_t q = p;
	if (q > 0 && !is_space((unsigned char)s->t[q - 1]))
		return true;   /* glued: "送り先：〒060", "주소:서울" */
	while (q > 0 && is_space((unsigned char)s->t[q - 1]))
		q--;
	return (q > 0 && s->t[q - 1] == ':') ||
	       (q >= 3 && (!memcmp(s->t + q - 3, "\xef\xbc\x9a", 3) ||    /* ： */
			   !memcmp(s->t + q - 3, "\xe1\x8d\xa6", 3)));      /* ፦ */
}

/*
 * "WLAN im Laden: Kellerkind / 761916", "login voor het clan-account:
 * clanbaas / qCUsjwSvjKdqL", "クランのアカウント：clanboss / Hodu34$blau": a
 * name and its password either side of a lone slash, the name right after
 * the colon of a password's or a login's word in the same clause. Is the
 * chunk at p the password?
 */
static bool slash_pair(const struct scan *s, size_t p, size_t ce)
{
	unsigned a = ago(s, CTX_SECRET) < ago(s, CTX_USER) ? ago(s, CTX_SECRET) : ago(s, CTX_USER);
	if (a > 2 * WIN || a > s->tok - s->clause || ce - p < 4 || p < 5 || s->t[p - 1] != ' ' ||
	    s->t[p - 2] != '/' || s->t[p - 3] != ' ')
		return false;
	size_t ne = p - 3, nb = ne;   /* the name's chunk */
	while (nb > 0 && !is_space((unsigned char)s->t[nb - 1]))
		nb--;
	if (ne - nb > 40 || s->t[ne - 1] == ':')
		return false;
	/* glued to its colon ("Laden:Kellerkind", "アカウント：clanboss"), or after it */
	size_t name = nb;
	for (size_t k = nb; k < ne; k++)
		if (s->t[k] == ':')
			name = k + 1;
		else if (k + 3 <= ne && !memcmp(s->t + k, "\xef\xbc\x9a", 3))
			name = k + 3;
	bool letter = false;
	for (size_t k = name; k < ne; k++)
		letter |= is_alpha((unsigned char)s->t[k]) || (unsigned char)s->t[k] >= 0x80;
	return letter && ne - name >= 2 && (name > nb || colon_before(s, nb)) &&
	       !scan_word_class(s->t, p, scan_trim_end(s->t, p, ce), ce);   /* "… / pass: x" */
}

/*
 * Chunks split at spaces, and CJK text has none: "メールはharuka@example.jp、
 * 注文番号…" and "（注文番号3KNLEJ）。…こちら→https://t.co/x" are one chunk
 * each. An address or a link glued after a non-ASCII letter starts a chunk of
 * its own, so that neither hides the text before it: returns where the chunk
 * at p ends, ce when nothing is glued.
 */
static size_t glued_cut(const char *t, size_t p, size_t ce, unsigned flags)
{
	for (size_t k = p + 1; k < ce; k++) {
		/* "ስልክ፡0912345670፣": Ethiopic writes its colon and comma glued; a
		 * number after one starts a chunk */
		if (k + 3 < ce && (unsigned char)t[k] == 0xe1 && (unsigned char)t[k + 1] == 0x8d &&
		    (unsigned char)t[k + 2] >= 0xa1 && (unsigned char)t[k + 2] <= 0xa8 &&
		    is_digit((unsigned char)t[k + 3]))
			return k + 3;
		if ((unsigned char)t[k - 1] < 0x80 || !is_alnum((unsigned char)t[k]))
			continue;
		if ((ce - k >= 7 && !strncmp(t + k, "http", 4) &&
		     (!strncmp(t + k + 4, "://", 3) || (ce - k >= 8 && !strncmp(t + k + 4, "s://", 4)))) ||
		    (ce - k >= 4 && !strncmp(t + k, "www.", 4)))
			return k;
		if (flags & B_AT) {
			size_t e = k;
			while (e < ce && email_local((unsigned char)t[e]))
				e++;
			if (e < ce && t[e] == '@')
				return k;
		}
	}
	return ce;
}


/*
 * "giulia.f / Portici#2024", "wordstat_2020 / Kotik#Lapa77": a login (lower
 * case, with a dot, an underscore or digits) and, after a slash, a password's
 * shape: the pair needs no word. Is the chunk [p, ce) such a login? The
 * password's bounds in *vb, *ve.
 */
static bool login_pair(const struct scan *s, size_t p, size_t ce, size_t *vb, size_t *ve)
{
	const char *t = s->t;
	if (ce - p < 3 || ce - p > 40 || ce + 4 >= s->len || memcmp(t + ce, " / ", 3))
		return false;
	bool mark = false;
	for (size_t k = p; k < ce; k++) {
		unsigned char c = (unsigned char)t[k];
		if (!((c >= 'a' && c <= 'z') || is_digit(c) || c == '.' || c == '_' || c == '-'))
			return false;
		mark |= c == '.' || c == '_' || is_digit(c);
	}
	size_t b = ce + 3, e = b;
	while (e < s->len && !is_space((unsigned char)t[e]))
		e++;
	e = scan_trim_end(t, b, e);
	if (!mark || !shape_password(t, b, e))
		return false;
	*vb = b;
	*ve = e;
	return true;
}

static bool url_chunk(const char *t, size_t p, size_t ce, unsigned flags)
{
	size_t n = ce - p;
	if (n >= 4 && (t[p] == 'w' || t[p] == 'W') && !strncmp(t + p + 1, "ww.", 3))
		return true;
	if (!(flags & B_SLASH))
		return false;
	const char *slash = memchr(t + p, '/', n);
	if (!slash)
		return false;
	if ((size_t)(slash - (t + p)) >= 1 && slash[-1] == ':' && slash + 1 < t + ce && slash[1] == '/')
		return true;
	/* example.com/path, t.co/x, bit.ly/y; not jane@example.com//pass */
	if (memchr(t + p, '@', (size_t)(slash - (t + p))))
		return false;
	for (const char *q = t + p; q < slash; q++)
		if (*q == '.' && q + 1 < slash && is_alpha((unsigned char)q[1]) && is_alpha((unsigned char)t[p]))
			return true;
	return false;
}

size_t pii_scan(const char *text, size_t len, struct pii_match *out, size_t max)
{
	return pii_scan_in(text, len, NULL, out, max);
}

static size_t scan_text(const char *text, size_t len, const struct pii_regions *regions,
			struct pii_match *out, size_t max, bool *native)
{
	unsigned seen = 0;   /* the classes of every chunk's bytes */
	struct scan s;
	static struct once ready = ONCE_INIT;
	once_run(&ready, init_classes);   /* reports may scan on two threads */
	memset(s.seen, 0, sizeof(s.seen));
	s.n = s.tok = s.prev_cls = 0;
	s.have_last = false;
	s.done_end = 0;
	s.t = text;
	s.len = len;
	s.out = out;
	s.max = max;
	s.regions = regions;
	s.keyed = s.valued = s.clause = 0;
	s.addr_open = s.addr_filled = false;
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)text[i];
		if (is_space(c)) {
			if (c == '\n' || (i > 0 && (bclass[(unsigned char)text[i - 1]] & B_TRAIL) &&
					   strchr(",.;!?", text[i - 1])))
				s.clause = s.tok;
			i++;
			continue;
		}
		/* the value of an address word: after "Adresse:", "my address is", or
		 * glued; or a house number or a postcode right after the word
		 * ("ma nouvelle adresse 5628, rue Saint-Denis", "a címem 4026 Debrecen") */
		if (s.addr_open && (s.addr_filled || colon_before(&s, i) || is_digit(c))) {
			size_t a = addr_after_keyword(&s, i);
			if (a) {
				scan_emit(&s, PII_POSTAL_ADDRESS, i, a, 0.6);
				mark(&s, 0);
				i = a;
				continue;
			}
		}
		/* one look at the chunk's bytes: where it ends and what it may hold */
		size_t ce = i;
		unsigned flags = 0;
		while (ce < len && !(bclass[(unsigned char)text[ce]] & B_SPACE)) {
			unsigned char b = (unsigned char)text[ce++];
			flags |= bclass[b] | (b >= 0x80 ? B_HIGH : 0);
		}
		seen |= flags;
		if (flags & B_HIGH)
			ce = glued_cut(text, i, ce, flags);
		/* no value is this long without a space (e-mail addresses stop at 254):
		 * a longer chunk is base64 or a link, and skipping it whole keeps the
		 * work per chunk bounded even when it splits at every ':' */
		if (ce - i > MAX_CHUNK || url_chunk(text, i, ce, flags)) {
			mark(&s, 0);
			/* "https://t.co/x配送状況は…": the link ends where the text
			 * glued to it begins */
			if ((flags & B_HIGH) && ce - i <= MAX_CHUNK) {
				size_t e = i;
				while (e < ce && (unsigned char)text[e] >= 0x80)
					e++;
				while (e < ce && (unsigned char)text[e] < 0x80)
					e++;
				ce = e;
			}
			i = ce;
			continue;
		}
		const char *at = (flags & B_AT) ? memchr(text + i, '@', ce - i) : NULL;
		size_t ee = at ? email(&s, i, (size_t)(at - text), ce) : 0;
		if (ee) {
			/* "webdept@example.com//news+12": a login and its password in one token */
			size_t pe = scan_trim_end(text, ee, ce), marks = 0;
			for (size_t k = ee + 2; k < pe; k++)
				marks += !is_alpha((unsigned char)text[k]);
			if (pe >= ee + 6 && text[ee] == '/' && text[ee + 1] == '/' && text[ee + 2] != '/' &&
			    marks)
				scan_emit(&s, PII_CREDENTIAL, ee + 2, pe, 0.7);
			/* "Drive: roster@example.org / Foodbank@2023": an address, a slash,
			 * and a password's shape (letters, digits, a sign or two cases) */
			if (ee + 3 < len && !memcmp(text + ee, " / ", 3)) {
				size_t vb = ee + 3, vce = vb;
				while (vce < len && !is_space((unsigned char)text[vce]))
					vce++;
				size_t ve = scan_trim_end(text, vb, vce);
				unsigned letters = 0, digits = 0, signs = 0, upper = 0;
				for (size_t k = vb; k < ve; k++) {
					unsigned char b = (unsigned char)text[k];
					letters += is_alpha(b);
					upper += is_upper(b);
					digits += is_digit(b);
					signs += !is_alnum(b) && b < 0x80;
				}
				if (ve - vb >= 6 && ve - vb <= 64 && letters && digits &&
				    (signs || (upper && upper < letters)) && !memchr(text + vb, '/', ve - vb) &&
				    !(memchr(text + vb, '@', ve - vb) && memchr(text + vb, '.', ve - vb))) {
					mark(&s, 0);
					scan_emit(&s, PII_CREDENTIAL, vb, ve, 0.7);
					i = vce;
					continue;
				}
			}
			mark(&s, 0);
			/* "…@outlook.jp、注文番号0484-…": the text glued after the address */
			i = (flags & B_HIGH) && ee < ce && (unsigned char)text[ee] >= 0x80 ? ee : ce;
			continue;
		}
		/* opening punctuation: ( [ " ' # ¿ ¡ “ ‘ « */
		size_t p = i, q;
		while (p < ce) {
			const unsigned char *b = (const unsigned char *)text + p;
			if (bclass[b[0]] & B_LEAD) {
				p++;
			} else if (b[0] < 0xc2) {
				break;   /* ASCII: the common case, one look */
			} else if (p + 1 < ce && b[0] == 0xc2 && (b[1] == 0xa3 || b[1] == 0xa5)) {
				p += 2;   /* £ ¥: number() sees the sign before the digits */
			} else if (p + 2 < ce && b[0] == 0xe2 && b[1] == 0x82 && b[2] == 0xac) {
				p += 3;   /* € */
			} else if (p + 1 < ce && b[0] == 0xc2 && (b[1] == 0xbf || b[1] == 0xa1 || b[1] == 0xab)) {
				p += 2;   /* ¿ ¡ « */
			} else if (p + 2 < ce && b[0] == 0xe2 && b[1] == 0x80 && (b[2] == 0x9c || b[2] == 0x98)) {
				p += 3;   /* “ ‘ */
			} else if (p + 3 < ce && b[0] == 0xe2 && b[1] == 0x84 && b[2] == 0x96) {
				mark(&s, CTX_REF);   /* "№214", "№ОБР-772104": a number's sign */
				p += 3;
			} else {
				break;
			}
		}
		if (p >= ce) {
			i = ce;
			continue;
		}
		c = (unsigned char)text[p];
		size_t lvb, lve;
		if (__builtin_expect(ce + 3 < len && text[ce + 1] == '/' && login_pair(&s, p, ce, &lvb, &lve), 0)) {
			mark(&s, 0);
			scan_emit(&s, PII_CREDENTIAL, lvb, lve, 0.7);
			i = lve;
			continue;
		}
		if (__builtin_expect(s.tok - s.clause < 2 * WIN + 4 && slash_pair(&s, p, ce), 0)) {
			size_t e = scan_trim_end(text, p, ce);
			if (e - p >= 4)
				scan_emit(&s, PII_CREDENTIAL, p, e, 0.7);
			mark(&s, 0);
			i = ce;
			continue;
		}
		if (is_digit(c) || (c == '+' && p + 1 < ce && is_digit((unsigned char)text[p + 1])))
			i = number(&s, p, ce);
		else if (is_alpha(c) || c >= 0x80)
			i = word(&s, p, ce, flags);
		else if (c == '-' && ce - p >= 10 && !memcmp(text + p, "-----BEGIN", 10) &&
			 (q = pem_key(&s, p))) {
			scan_emit(&s, PII_CREDENTIAL, p, q, 1.0);
			mark(&s, 0);
			i = q;
		} else if (scan_ctx(&s, CTX_SECRET, WIN_SECRET) && p + 1 < ce) {
			i = alnum_token(&s, p, ce);   /* a password may start with a symbol */
		} else {
			/* "//Reference", ">Password:", "-Order": a word after quoting
			 * or list marks; punctuation alone (→ - : =) is skipped */
			while (p < ce && (text[p] == '/' || text[p] == '>' || text[p] == '-' ||
					  text[p] == '|' || text[p] == '~'))
				p++;
			i = p < ce && p > i && is_alpha((unsigned char)text[p]) ? word(&s, p, ce, flags) : ce;
		}
	}
	flush(&s);
	*native = (seen & B_NATIVE) != 0;
	return s.n;
}



/*
 * Numbers written in native digits ("رقم الطلب: ٤٥٨٨١٢", "०९८७६५४३२१") are
 * read as the same number in ASCII digits: the text is scanned with each
 * such digit replaced, and the matches' bytes mapped back to the text's.
 * Texts without one (nearly all) are scanned as they are.
 */
size_t pii_scan_in(const char *text, size_t len, const struct pii_regions *regions,
		   struct pii_match *out, size_t max)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t dn;
	bool native;
	size_t n0 = scan_text(text, len, regions, out, max, &native);
	/* the scan saw the bytes a native digit starts with: is one there? */
	bool digit = false;
	for (const char *lead = "\xd9\xdb\xe0"; native && *lead && !digit; lead++)
		for (const unsigned char *q = t; !digit && (q = memchr(q, (unsigned char)*lead,
								   len - (size_t)(q - t))); q++)
			digit = pii_native_digit(t, (size_t)(q - t), len, &dn) >= 0;
	if (!digit)
		return n0;
	char *ascii = xmalloc(len + 1);
	size_t *at = xmalloc((len + 1) * sizeof(*at));
	size_t n = pii_ascii_digits(text, len, ascii, at);
	size_t k = scan_text(ascii, n, regions, out, max, &native);
	for (size_t i = 0; i < k; i++) {
		out[i].start = at[out[i].start];
		out[i].end = at[out[i].end];
	}
	free(ascii);
	free(at);
	return k;
}

const char *pii_type_name(enum pii_type t)
{
	static const char *const names[PII__COUNT] = {
		"email", "phone", "payment_card", "iban", "national_id", "account_number",
		"reference_number", "credential", "postal_address", "date_of_birth",
	};
	return (unsigned)t < PII__COUNT ? names[t] : "unknown";
}
