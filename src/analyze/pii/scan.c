/*
 * scan: the single pass of pii_scan. The text is cut into chunks at
 * white space; each chunk is an URL (skipped whole), an e-mail address, a
 * digit-group run (digits joined by single separators, possibly across
 * spaces: "+44 20 7946 0123"), or a word. Words feed a small context window
 * (which keyword classes were seen in the last few tokens); runs and
 * alphanumeric tokens are then classified, validators first, context next.
 * Everything lives on the stack: no allocation, no regular expressions.
 */
#include "pii.h"
#include "pii_check.h"
#include "pii_words.h"

#include <stdbool.h>
#include <string.h>

#define WIN 5          /* tokens a keyword reaches forward (Presidio's 5 words) */
#define WIN_SECRET 3   /* a password or code follows its keyword closely */
#define NCTX 13        /* bits in enum pii_ctx */

struct scan {
	const char *t;
	size_t len;
	struct pii_match *out;
	size_t max, n;
	struct pii_match last;   /* the latest match, still open to an overlap contest */
	bool have_last;
	unsigned tok;            /* tokens seen so far */
	unsigned seen[NCTX];     /* per context bit: token index + 1 of its last keyword */
	unsigned prev_cls;       /* classes of the previous token */
};

/* Overlap priority: secret > card > IBAN > national id > account/reference >
 * address > phone > date. */
static const int prio[PII__COUNT] = {
	[PII_EMAIL] = 5, [PII_PHONE] = 3, [PII_PAYMENT_CARD] = 9, [PII_IBAN] = 8,
	[PII_NATIONAL_ID] = 7, [PII_ACCOUNT_NUMBER] = 6, [PII_REFERENCE_NUMBER] = 6,
	[PII_CREDENTIAL] = 10, [PII_POSTAL_ADDRESS] = 4, [PII_DATE_OF_BIRTH] = 2,
};

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_alnum(unsigned char c)
{
	return is_alpha(c) || is_digit(c);
}

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static void flush(struct scan *s)
{
	if (!s->have_last)
		return;
	if (s->n < s->max)
		s->out[s->n] = s->last;
	s->n++;
	s->have_last = false;
}

static void emit(struct scan *s, enum pii_type type, size_t start, size_t end, double score)
{
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
	for (int b = 0; b < NCTX; b++)
		if (cls & (1u << b))
			s->seen[b] = s->tok + 1;
	s->prev_cls = cls;
	s->tok++;
}

/* How many tokens ago a keyword of class bit was seen; large when never. */
static unsigned ago(const struct scan *s, unsigned bit)
{
	int b = __builtin_ctz(bit);
	return s->seen[b] ? s->tok - (s->seen[b] - 1) : 1000;
}

static bool ctx(const struct scan *s, unsigned bit, unsigned win)
{
	return ago(s, bit) <= win;
}

static size_t chunk_end(const struct scan *s, size_t i)
{
	while (i < s->len && !is_space((unsigned char)s->t[i]))
		i++;
	return i;
}

/* Trailing punctuation that is not part of a value. */
static size_t trim_end(const char *t, size_t p, size_t e)
{
	while (e > p) {
		unsigned char c = (unsigned char)t[e - 1];
		if (strchr(".,;:!?)]}\"'*", c) && c) {
			e--;
			continue;
		}
		/* … ” ’ » (UTF-8) */
		if (e - p >= 3 && (!memcmp(t + e - 3, "\xe2\x80\xa6", 3) ||
				   !memcmp(t + e - 3, "\xe2\x80\x9d", 3) ||
				   !memcmp(t + e - 3, "\xe2\x80\x99", 3))) {
			e -= 3;
			continue;
		}
		if (e - p >= 2 && !memcmp(t + e - 2, "\xc2\xbb", 2)) {
			e -= 2;
			continue;
		}
		break;
	}
	return e;
}

/* A word's lower-cased form into w (at most cap-1 bytes), its length, or 0. */
static size_t fold(const char *t, size_t p, size_t e, char *w, size_t cap)
{
	if (e - p >= cap)
		return 0;
	for (size_t i = p; i < e; i++)
		w[i - p] = lower(t[i]);
	w[e - p] = '\0';
	return e - p;
}

/* Classes of the word t[p..e), trying "st." as well as "st". */
static unsigned word_class(const char *t, size_t p, size_t e, size_t ce)
{
	char w[40];
	size_t n = fold(t, p, e, w, sizeof(w));
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
static bool next_word(const struct scan *s, size_t pos, size_t *ws, size_t *we)
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
	for (int k = 0; k < 4 && next_word(s, pos, &ws, &we); k++) {
		unsigned c = word_class(s->t, ws, we, we);
		if ((c & CTX_CODE) && !(prev & (CTX_CODEMOD | CTX_REF | CTX_ACCOUNT)))
			return true;
		prev = c;
		pos = we;
	}
	return false;
}

/* ------------------------------------------------------------ addresses */

static bool capitalised(const char *t, size_t p)
{
	unsigned char c = (unsigned char)t[p];
	/* UTF-8 upper case Latin letters (À-Þ) are 0xC3 0x80-0x9E */
	return is_upper(c) || (c == 0xc3 && (unsigned char)t[p + 1] < 0x9f);
}

/* After a street: the rest of the address line (", Leeds LS6 2AB"). Stops at
 * a lower-case word, the end of a sentence or a line, or after 8 chunks. */
static size_t addr_extend(const struct scan *s, size_t pos)
{
	size_t end = pos, q = pos;
	for (int k = 0; k < 8; k++) {
		if (q < s->len && s->t[q] == ',')
			q++;
		while (q < s->len && (s->t[q] == ' ' || s->t[q] == '\t'))
			q++;
		if (q >= s->len || is_space((unsigned char)s->t[q]))
			break;
		size_t ce = chunk_end(s, q), core = trim_end(s->t, q, ce);
		if (core == q)
			break;
		unsigned char c = (unsigned char)s->t[q];
		bool ok = is_digit(c) || capitalised(s->t, q);
		if (!ok && is_alpha(c))
			ok = (word_class(s->t, q, core, ce) & CTX_ADDRLINK) != 0;
		if (!ok)
			break;
		end = core;
		/* a sentence ends at ". " unless the word is an abbreviation (St., Ave.) */
		if (core < ce && strchr("!?;", s->t[core]))
			break;
		if (core < ce && s->t[core] == '.' && core - q > 4)
			break;
		q = core;
		while (q < ce && s->t[q] != ',')
			q++;
		if (q >= ce)
			q = ce;
	}
	return end;
}

/* A house number at [p, e): is a street name next ("12 Oak Street", "12 rue des
 * Lilas")? Returns the end of the address, or 0. */
static size_t addr_after_number(const struct scan *s, size_t e)
{
	size_t ws, we, pos = e;
	for (int k = 0; k < 5 && next_word(s, pos, &ws, &we); k++) {
		if (ws != pos + 1 || s->t[pos] != ' ')
			return 0;   /* one plain space between the parts of a street */
		unsigned c = word_class(s->t, ws, we, chunk_end(s, ws));
		if (k == 0 && (c & CTX_STREETPRE)) {
			size_t w2s, w2e;
			if (next_word(s, we, &w2s, &w2e))
				return addr_extend(s, w2e);
			return 0;
		}
		if (k > 0 && (c & CTX_STREET)) {
			size_t end = we;
			if (end < s->len && s->t[end] == '.')
				end++;
			return addr_extend(s, end);
		}
		if (!capitalised(s->t, ws))
			return 0;
		pos = we;
	}
	return 0;
}

/* Is a house number (1-4 digits, maybe a letter) at q? Its end, or 0. */
static size_t house_number(const struct scan *s, size_t q)
{
	size_t e = q;
	while (e < s->len && is_digit((unsigned char)s->t[e]) && e - q < 5)
		e++;
	if (e == q || e - q > 4)
		return 0;
	if (e < s->len && is_alpha((unsigned char)s->t[e]) &&
	    !(e + 1 < s->len && is_alpha((unsigned char)s->t[e + 1])))
		e++;
	if (e < s->len && !is_space((unsigned char)s->t[e]) && s->t[e] != ',')
		return 0;
	return e;
}

/* A street word before its name or as a compound at [p, e): "Calle Mayor 12",
 * "Hauptstraße 5". Returns the end of the address, or 0. */
static size_t addr_from_word(const struct scan *s, size_t p, size_t e, unsigned cls, char *w,
			     size_t wn)
{
	if (!capitalised(s->t, p))
		return 0;
	size_t pos = e;
	if (cls & CTX_STREETPRE) {
		size_t ws, we;
		int names = 0;
		for (int k = 0; k < 4; k++) {
			if (pos + 1 < s->len && s->t[pos] == ' ' && is_digit((unsigned char)s->t[pos + 1]))
				break;
			if (!next_word(s, pos, &ws, &we) || ws != pos + 1)
				return 0;
			unsigned c = word_class(s->t, ws, we, we);
			if (!capitalised(s->t, ws) && !(c & CTX_ADDRLINK))
				return 0;
			names++;
			pos = we;
		}
		if (!names)
			return 0;
	} else if (!pii_street_compound(w, wn)) {
		return 0;
	}
	if (pos + 1 >= s->len || s->t[pos] != ' ')
		return 0;
	size_t h = house_number(s, pos + 1);
	return h ? addr_extend(s, h) : 0;
}

/* ------------------------------------------------------------ dates of birth */

static int small_int(const char *t, size_t p, size_t e)
{
	int v = 0;
	for (size_t i = p; i < e; i++)
		v = v * 10 + (t[i] - '0');
	return v;
}

/* Digits at q: their end, or q. */
static size_t digits_end(const struct scan *s, size_t q)
{
	while (q < s->len && is_digit((unsigned char)s->t[q]))
		q++;
	return q;
}

/* "5 March 1990", "5. März 1990", "5 de marzo de 1990", "5th March, 1990"
 * starting with the day at p; returns the end or 0. */
static size_t dob_day_month(const struct scan *s, size_t p)
{
	size_t q = digits_end(s, p), ws, we;
	if (q - p > 2)
		return 0;
	int d = small_int(s->t, p, q);
	if (q < s->len && s->t[q] == '.')
		q++;
	if (q + 1 < s->len && is_alpha((unsigned char)s->t[q]) && is_alpha((unsigned char)s->t[q + 1]))
		q += 2;   /* st nd rd th */
	if (!next_word(s, q, &ws, &we))
		return 0;
	char w[16];
	size_t n = fold(s->t, ws, we, w, sizeof(w));
	if (n && (!strcmp(w, "de") || !strcmp(w, "of")) && next_word(s, we, &ws, &we))
		n = fold(s->t, ws, we, w, sizeof(w));
	int m = n ? pii_month(w, n) : 0;
	if (!m)
		return 0;
	q = we;
	if (q < s->len && s->t[q] == '.')
		q++;
	size_t a, b;
	if (next_word(s, q, &a, &b) && b - a == 2 && lower(s->t[a]) == 'd' && lower(s->t[a + 1]) == 'e')
		q = b;
	while (q < s->len && (s->t[q] == ' ' || s->t[q] == ','))
		q++;
	size_t ye = digits_end(s, q);
	if (ye - q != 4)
		return 0;
	return pii_date_valid(small_int(s->t, q, ye), m, d) ? ye : 0;
}

/* "March 5, 1990" with the month word at [p, e); returns the end or 0. */
static size_t dob_month_day(const struct scan *s, int m, size_t e)
{
	size_t q = e;
	if (q < s->len && s->t[q] == '.')
		q++;
	while (q < s->len && s->t[q] == ' ')
		q++;
	size_t de = digits_end(s, q);
	if (de == q || de - q > 2)
		return 0;
	int d = small_int(s->t, q, de);
	q = de;
	if (q + 1 < s->len && is_alpha((unsigned char)s->t[q]) && is_alpha((unsigned char)s->t[q + 1]))
		q += 2;
	while (q < s->len && (s->t[q] == ' ' || s->t[q] == ','))
		q++;
	size_t ye = digits_end(s, q);
	if (ye - q != 4)
		return 0;
	return pii_date_valid(small_int(s->t, q, ye), m, d) ? ye : 0;
}

/* "1990年3月5日" with the year's digits at [p, e); returns the end or 0. */
static size_t cjk_date(const struct scan *s, size_t p, size_t e)
{
	static const char nen[] = "\xe5\xb9\xb4", tsuki[] = "\xe6\x9c\x88", hi[] = "\xe6\x97\xa5";
	size_t q = e;
	if (q + 3 > s->len || memcmp(s->t + q, nen, 3))
		return 0;
	q += 3;
	size_t me = digits_end(s, q);
	if (me == q || me - q > 2 || me + 3 > s->len || memcmp(s->t + me, tsuki, 3))
		return 0;
	size_t ds = me + 3, de = digits_end(s, ds);
	if (de == ds || de - ds > 2 || de + 3 > s->len || memcmp(s->t + de, hi, 3))
		return 0;
	if (!pii_date_valid(small_int(s->t, p, e), small_int(s->t, q, me), small_int(s->t, ds, de)))
		return 0;
	return de + 3;
}

/* ------------------------------------------------------------ e-mail */

static bool email_local(unsigned char c)
{
	return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

/* An address around the '@' at a inside chunk [p, ce); emits and returns true. */
static bool email(struct scan *s, size_t p, size_t a, size_t ce)
{
	size_t ls = a;
	while (ls > p && email_local((unsigned char)s->t[ls - 1]))
		ls--;
	while (ls < a && (s->t[ls] == '.' || s->t[ls] == '-' || s->t[ls] == '+'))
		ls++;
	if (ls == a)
		return false;
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
	if (!last_dot || q - last_dot - 1 < 2)
		return false;
	for (size_t i = last_dot + 1; i < q; i++)
		if (!is_alpha((unsigned char)s->t[i]))
			return false;
	emit(s, PII_EMAIL, ls, q, 0.95);
	return true;
}

/* ------------------------------------------------------------ digit runs */

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

static void run_parse(const struct scan *s, size_t p, struct run *r)
{
	const char *t = s->t;
	size_t q = p, len = s->len;
	memset(r, 0, sizeof(*r));
	r->s = p;
	if (t[q] == '+') {
		r->plus = true;
		q++;
	}
	for (;;) {
		size_t gs = q;
		while (q < len && is_digit((unsigned char)t[q])) {
			if (r->nd < sizeof(r->d) - 1)
				r->d[r->nd] = t[q];
			r->nd++;
			q++;
		}
		r->glen[r->ng] = (unsigned char)(q - gs > 255 ? 255 : q - gs);
		r->gend[r->ng] = q;
		r->gdig[r->ng] = r->nd;
		r->ng++;
		if (r->ng == 16)
			break;
		char sk = 0;
		size_t x = q;
		unsigned char c = x < len ? (unsigned char)t[x] : 0;
		unsigned char c1 = x + 1 < len ? (unsigned char)t[x + 1] : 0;
		unsigned char c2 = x + 2 < len ? (unsigned char)t[x + 2] : 0;
		if ((c == ' ' || c == '-' || c == '.' || c == '/') && is_digit(c1)) {
			sk = (char)c;
			x++;
		} else if (c == ' ' && c1 == '(' && is_digit(c2)) {
			sk = '(';
			x += 2;
		} else if (c == ' ' && c1 == '-' && c2 == ' ' && x + 3 < len &&
			   is_digit((unsigned char)t[x + 3])) {
			sk = '-';
			x += 3;
		} else if (c == ')' && is_digit(c1)) {
			sk = ')';
			x++;
		} else if (c == ')' && c1 == ' ' && is_digit(c2)) {
			sk = ')';
			x += 2;
		} else if ((c == '(' || c == ':' || c == ',') && is_digit(c1)) {
			sk = (char)c;
			x++;
		}
		if (!sk)
			break;
		r->sep[r->ng] = sk;
		q = x;
	}
	r->e = q;
	r->d[r->nd < sizeof(r->d) ? r->nd : sizeof(r->d) - 1] = '\0';
	r->e1 = r->gend[0];
	r->nd1 = r->gdig[0];
	for (int i = 1; i < r->ng && r->sep[i] != ' ' && r->sep[i] != '(' && r->sep[i] != ')'; i++) {
		r->e1 = r->gend[i];
		r->nd1 = r->gdig[i];
	}
}

static bool run_has(const struct run *r, int upto, char c)
{
	for (int i = 1; i < upto; i++)
		if (r->sep[i] == c)
			return true;
	return false;
}

/* One separator kind (or none) among the first k groups. */
static bool run_uniform(const struct run *r, int k)
{
	for (int i = 2; i < k; i++)
		if (r->sep[i] != r->sep[1])
			return false;
	return true;
}

/* A calendar date (d/m/y, m/d/y, y-m-d, d.m.y) in the first three groups. */
static bool run_date(const struct run *r)
{
	if (r->ng < 3 || r->sep[1] != r->sep[2] || !strchr("/-.", r->sep[1]))
		return false;
	int a = small_int(r->d, 0, r->glen[0]);
	int b = small_int(r->d, r->glen[0], r->glen[0] + r->glen[1]);
	int c = small_int(r->d, r->glen[0] + r->glen[1], r->glen[0] + r->glen[1] + r->glen[2]);
	if (r->glen[0] == 4 && r->glen[1] <= 2 && r->glen[2] <= 2)
		return pii_date_valid(a, b, c);
	if (r->glen[0] > 2 || r->glen[1] > 2 || (r->glen[2] != 2 && r->glen[2] != 4))
		return false;
	if (r->glen[2] == 2)
		c += c < 30 ? 2000 : 1900;
	return pii_date_valid(c, b, a) || pii_date_valid(c, a, b);
}

/* Phone number in the first k groups? */
static bool run_phone(const struct scan *s, const struct run *r, int k, bool phone_ctx)
{
	size_t nd = r->gdig[k - 1];
	const char *d = r->d;
	int mn, mx, cc;
	if (nd > 17 || pii_degenerate(d, nd))
		return false;
	if (r->plus || (d[0] == '0' && d[1] == '0' && nd >= 10)) {
		size_t off = r->plus ? 0 : 2;
		cc = pii_e164_cc(d + off, nd - off, &mn, &mx);
		if (!cc)
			return false;
		size_t national = nd - off - (size_t)cc;
		/* a trunk 0 written after the country code: +44 (0)20 … */
		if (d[off + cc] == '0' && national == (size_t)mx + 1)
			national--;
		return national >= (size_t)mn && national <= (size_t)mx && national >= 6;
	}
	if (r->glen[0] > 5 && k > 1 && !phone_ctx)
		return false;
	/* North American: [2-9]XX [2-9]XX XXXX, optional leading 1 */
	const char *n = d;
	size_t nn = nd;
	if (nd == 11 && d[0] == '1') {
		n++;
		nn--;
	}
	if (nn == 10 && n[0] >= '2' && n[3] >= '2') {
		if (phone_ctx)
			return true;
		/* grouped 3-3-4 or (3) 3-4 without context */
		int g0 = nd == 11 ? 1 : 0;
		if (k - g0 == 3 && r->glen[g0] == 3 && r->glen[g0 + 1] == 3 && r->glen[g0 + 2] == 4)
			return true;
	}
	/* national forms with a trunk 0 (UK, FR, DE, ES …) need a context word */
	if (phone_ctx && d[0] == '0' && d[1] != '0' && nd >= 9 && nd <= 11)
		return true;
	if (phone_ctx && nd >= 8 && nd <= 12 && k >= 2)
		return true;
	(void)s;
	return false;
}

/* Which of the value contexts was seen most recently, 0 when none is open. */
static unsigned value_ctx(const struct scan *s)
{
	/* a phone or birth keyword after "order" says the next number is not the order's */
	static const unsigned order[] = { CTX_CODE, CTX_SECRET, CTX_ACCOUNT, CTX_REF, CTX_NATID,
					  CTX_PHONE, CTX_DOB, CTX_CARD };
	static const unsigned win[] = { WIN_SECRET, WIN_SECRET, WIN, WIN, WIN, WIN, WIN, WIN };
	unsigned best = 0, best_ago = 1000;
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		unsigned a = ago(s, order[i]);
		if (a <= win[i] && a < best_ago) {
			best = order[i];
			best_ago = a;
		}
	}
	return best;
}

static bool money_before(const struct scan *s, size_t p)
{
	const char *t = s->t;
	size_t q = p;
	if (q > 0 && t[q - 1] == ' ')
		q--;   /* "€ 45" */
	if (q >= 1 && t[q - 1] == '$')
		return true;
	if (q >= 2 && (!memcmp(t + q - 2, "\xc2\xa3", 2) || !memcmp(t + q - 2, "\xc2\xa5", 2)))
		return true;
	if (q >= 3 && !memcmp(t + q - 3, "\xe2\x82\xac", 3))
		return true;
	return false;
}

static bool money_after(const struct scan *s, size_t e)
{
	const char *t = s->t;
	size_t q = e;
	if (q < s->len && t[q] == ' ')
		q++;
	if (q < s->len && (t[q] == '%' || t[q] == '$'))
		return true;
	if (q + 1 < s->len && (!memcmp(t + q, "\xc2\xa3", 2)))
		return true;
	if (q + 2 < s->len && !memcmp(t + q, "\xe2\x82\xac", 3))
		return true;
	if (q + 3 <= s->len && (!memcmp(t + q, "EUR", 3) || !memcmp(t + q, "USD", 3) ||
				!memcmp(t + q, "GBP", 3)))
		return true;
	return false;
}

static size_t alnum_token(struct scan *s, size_t p, size_t ce);

/* A digit run starting at p ('+' or a digit). Returns where scanning goes on. */
static size_t number(struct scan *s, size_t p, size_t ce)
{
	struct run r;
	run_parse(s, p, &r);
	/* a CJK date, 1990年3月5日 */
	if (r.ng == 1 && r.glen[0] == 4) {
		size_t a = cjk_date(s, p, r.e);
		if (a) {
			if (ctx(s, CTX_DOB, WIN))
				emit(s, PII_DATE_OF_BIRTH, p, a, 0.7);
			mark(s, 0);
			return a;
		}
	}
	/* letters glued to the digits: 12345678Z, 2fa, 14h, 3rd: a token of its own */
	if (r.e < s->len && (is_alpha((unsigned char)s->t[r.e]) ||
			     (unsigned char)s->t[r.e] >= 0x80) && r.e < ce)
		return alnum_token(s, p, ce);
	if (!r.plus && p < ce && r.ng == 1 && r.e < ce && (s->t[r.e] == '-' || s->t[r.e] == '_') &&
	    r.e + 1 < ce && is_alpha((unsigned char)s->t[r.e + 1]))
		return alnum_token(s, p, ce);
	bool phone_ctx = ctx(s, CTX_PHONE, WIN);
	size_t next = r.e;

	if (money_before(s, p) || money_after(s, r.e) || run_has(&r, r.ng, ',') ||
	    run_has(&r, r.ng, ':'))
		goto done;
	if (run_date(&r)) {
		if (ctx(s, CTX_DOB, WIN))
			emit(s, PII_DATE_OF_BIRTH, p, r.gend[2], 0.7);
		goto done;
	}
	if (r.ng == 2 && r.sep[1] == '/')
		goto done;   /* 09/27, 3/4 */
	/* dotted: versions, IP addresses, decimals; phones only with + or context */
	if (run_has(&r, r.ng, '.') && !r.plus) {
		bool all_dots = run_uniform(&r, r.ng) && r.sep[1] == '.';
		if (!(all_dots && phone_ctx && r.ng >= 3 && r.nd >= 9 && r.glen[0] > 1 &&
		      run_phone(s, &r, r.ng, true)))
			goto done;
		if (r.ng == 4 && r.glen[0] <= 3 && r.glen[1] <= 3 && r.glen[2] <= 3 && r.glen[3] <= 3)
			goto done;
		emit(s, PII_PHONE, p, r.e, 0.6);
		goto done;
	}
	/* payment cards: 13-19 digits in one or more groups, one separator kind */
	if (!r.plus) {
		for (int k = r.ng; k >= 1; k--) {
			size_t nd = r.gdig[k - 1];
			if (nd < 13 || nd > 19 || !run_uniform(&r, k) || (k > 1 && !strchr(" -", r.sep[1])))
				continue;
			if (pii_card_valid(r.d, nd)) {
				emit(s, PII_PAYMENT_CARD, p, r.gend[k - 1], 1.0);
				next = r.gend[k - 1];
				goto done;
			}
		}
	}
	/* US SSN 3-2-4 */
	if (!r.plus && r.ng >= 3 && r.glen[0] == 3 && r.glen[1] == 2 && r.glen[2] == 4 &&
	    r.sep[1] == r.sep[2] && (r.sep[1] == '-' || r.sep[1] == ' ') &&
	    (r.ng == 3 || r.sep[3] == ' ')) {
		if (pii_ssn_valid(r.d) && (r.sep[1] == '-' || ctx(s, CTX_NATID, WIN))) {
			emit(s, PII_NATIONAL_ID, p, r.gend[2], r.sep[1] == '-' ? 0.8 : 0.7);
			next = r.gend[2];
			goto done;
		}
	}
	/* values named by a keyword just before them */
	unsigned vc = r.plus ? 0 : value_ctx(s);
	if (vc == CTX_NATID && r.ng == 1 && r.nd == 9 && pii_ssn_valid(r.d)) {
		emit(s, PII_NATIONAL_ID, p, r.e, 0.6);
		goto done;
	}
	if ((vc == CTX_CODE || vc == CTX_SECRET) && r.e1 == r.gend[0] && r.nd1 >= 4 &&
	    r.nd1 <= (vc == CTX_CODE ? 8u : 32u)) {
		emit(s, PII_CREDENTIAL, p, r.e1, 0.8);
		next = r.e1;
		goto done;
	}
	if (vc == CTX_ACCOUNT && (r.nd1 >= 6 || (r.nd1 == 6 && r.ng >= 3))) {
		emit(s, PII_ACCOUNT_NUMBER, p, r.e1, 0.7);
		next = r.e1;
		goto done;
	}
	if (vc == CTX_REF && r.nd1 >= 5) {
		emit(s, PII_REFERENCE_NUMBER, p, r.e1, 0.7);
		next = r.e1;
		goto done;
	}
	/* phones: the whole run; with a +CC, the longest prefix of groups that is one */
	for (int k = r.ng; k >= 1; k--) {
		if (r.gdig[k - 1] < 7 || (k < r.ng && !r.plus))
			break;
		if (run_phone(s, &r, k, phone_ctx)) {
			emit(s, PII_PHONE, p, r.gend[k - 1], r.plus ? 0.9 : 0.6);
			next = r.gend[k - 1];
			goto done;
		}
	}
	/* a one-time code named after it: "123456 is your verification code" */
	if (r.ng == 1 && r.nd >= 4 && r.nd <= 8 && code_follows(s, r.e)) {
		emit(s, PII_CREDENTIAL, p, r.e, 0.8);
		goto done;
	}
	if (r.ng == 1 || (r.ng >= 2 && r.sep[1] == ' ')) {
		size_t a;
		if (r.glen[0] <= 2 && ctx(s, CTX_DOB, WIN) && (a = dob_day_month(s, p))) {
			emit(s, PII_DATE_OF_BIRTH, p, a, 0.7);
			next = a;
			goto done;
		}
		if (r.glen[0] <= 5 && (a = addr_after_number(s, r.gend[0]))) {
			emit(s, PII_POSTAL_ADDRESS, p, a, 0.6);
			next = a;
			goto done;
		}
	}
done:
	mark(s, 0);
	return next > p ? next : ce;
}

/* ------------------------------------------------------------ IBAN, NINO */

/* IBAN at p: country letters, check digits, then the BBAN in groups. */
static size_t iban(struct scan *s, size_t p)
{
	char cc[3] = { s->t[p], s->t[p + 1], 0 };
	int L = pii_iban_length(cc);
	char v[40];
	size_t n = 0, q = p;
	if (!L)
		return 0;
	while (q < s->len && n < (size_t)L) {
		unsigned char c = (unsigned char)s->t[q];
		if (is_alnum(c)) {
			v[n++] = (char)(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
			q++;
		} else if (c == ' ' && n % 4 == 0 && q + 1 < s->len && is_alnum((unsigned char)s->t[q + 1])) {
			q++;
		} else {
			break;
		}
	}
	if (n != (size_t)L || (q < s->len && is_alnum((unsigned char)s->t[q])))
		return 0;
	if (!pii_iban_valid(v, n))
		return 0;
	emit(s, PII_IBAN, p, q, 1.0);
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
	emit(s, PII_NATIONAL_ID, p, q, 0.9);
	return q;
}

/* ------------------------------------------------------------ words */

/* A token of letters, digits and symbols at [p, core): reference numbers
 * (TKT-123456, MBR12345678), codes (G-123456), passwords (Tulip#123). */
static size_t alnum_token(struct scan *s, size_t p, size_t ce)
{
	size_t core = trim_end(s->t, p, ce);
	size_t digits = 0, letters = 0, other = 0, n = core - p;
	for (size_t i = p; i < core; i++) {
		unsigned char c = (unsigned char)s->t[i];
		if (is_digit(c))
			digits++;
		else if (is_alpha(c) || c >= 0x80)
			letters++;
		else
			other++;
	}
	unsigned cls = word_class(s->t, p, core, ce);
	if (cls & ~(CTX_FILLER | CTX_ADDRLINK)) {
		mark(s, cls);
		return ce;
	}
	if (n == 0)
		goto done;
	/* Spanish DNI and NIE carry a check letter */
	if (n == 9 && pii_dni_valid(s->t + p, n)) {
		emit(s, PII_NATIONAL_ID, p, core, 0.9);
		goto done;
	}
	/* versions (v2.3.1) and units (14h, 2kg) are never values */
	if (lower(s->t[p]) == 'v' && n > 1 && is_digit((unsigned char)s->t[p + 1]))
		goto done;
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
	if (code_shape && (vc == CTX_CODE || vc == CTX_SECRET || code_follows(s, core))) {
		emit(s, PII_CREDENTIAL, p, core, 0.8);
		goto done;
	}
	if (ctx(s, CTX_SECRET, WIN_SECRET) && n >= 5 && n <= 64 && (digits || other)) {
		emit(s, PII_CREDENTIAL, p, core, 0.8);
		goto done;
	}
	if ((vc == CTX_ACCOUNT || vc == CTX_REF) && digits >= 4 && n >= 5 && n <= 24 &&
	    letters <= 8) {
		emit(s, vc == CTX_ACCOUNT ? PII_ACCOUNT_NUMBER : PII_REFERENCE_NUMBER, p, core, 0.7);
		goto done;
	}
done:
	mark(s, 0);
	return ce;
}

/* A word (or word-and-digits token) at [p, ce). */
static size_t word(struct scan *s, size_t p, size_t ce)
{
	const char *t = s->t;
	unsigned char c0 = (unsigned char)t[p];
	size_t core = trim_end(t, p, ce);
	/* key:value and key=value inside one chunk: the key first */
	for (size_t i = p + 1; i + 1 < core; i++) {
		if (t[i] == '=' || (t[i] == ':' && !(i + 2 < core && t[i + 1] == '/' && t[i + 2] == '/'))) {
			bool letters = true;
			for (size_t k = p; k < i; k++)
				letters = letters && (is_alpha((unsigned char)t[k]) ||
						      (unsigned char)t[k] >= 0x80 || t[k] == '.');
			if (letters) {
				mark(s, word_class(t, p, i, i));
				return i + 1;
			}
			break;
		}
	}
	if (is_upper(c0) && p + 3 < s->len && is_upper((unsigned char)t[p + 1])) {
		size_t q;
		if (is_digit((unsigned char)t[p + 2]) && is_digit((unsigned char)t[p + 3]) &&
		    (q = iban(s, p))) {
			mark(s, 0);
			return q;
		}
		if ((is_digit((unsigned char)t[p + 2]) || t[p + 2] == ' ') && (q = nino(s, p))) {
			mark(s, 0);
			return q;
		}
	}
	size_t digits = 0, other = 0, e = p;
	for (size_t i = p; i < core; i++) {
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
	size_t wn = fold(t, p, e, w, sizeof(w));
	unsigned cls = word_class(t, p, e, ce);
	/* "code" means a secret unless a word before it says what kind of code */
	if ((cls & CTX_CODE) && (s->prev_cls & (CTX_CODEMOD | CTX_ACCOUNT | CTX_REF))) {
		cls &= ~(unsigned)CTX_CODE;
		cls |= s->prev_cls & (CTX_ACCOUNT | CTX_REF);
	}
	/* "account number", "case number": the number is the account's, not a phone's */
	if ((cls & CTX_FILLER) && (s->prev_cls & (CTX_ACCOUNT | CTX_REF | CTX_NATID | CTX_CODE |
						  CTX_SECRET | CTX_CARD | CTX_DOB)))
		cls &= ~(unsigned)CTX_PHONE;
	int m = wn ? pii_month(w, wn) : 0;
	if (m && ctx(s, CTX_DOB, WIN)) {
		size_t a = dob_month_day(s, m, e);
		if (a) {
			emit(s, PII_DATE_OF_BIRTH, p, a, 0.7);
			mark(s, 0);
			return a;
		}
	}
	if ((cls & CTX_STREETPRE) || (wn && capitalised(t, p) && pii_street_compound(w, wn))) {
		size_t a = addr_from_word(s, p, e, cls, w, wn);
		if (a) {
			emit(s, PII_POSTAL_ADDRESS, p, a, 0.6);
			mark(s, 0);
			return a;
		}
	}
	mark(s, cls);
	return ce;
}

/* ------------------------------------------------------------ the pass */

static bool url_chunk(const char *t, size_t p, size_t ce)
{
	size_t n = ce - p;
	if (n >= 4 && (t[p] == 'w' || t[p] == 'W') && !strncmp(t + p + 1, "ww.", 3))
		return true;
	const char *slash = memchr(t + p, '/', n);
	if (!slash)
		return false;
	if ((size_t)(slash - (t + p)) >= 1 && slash[-1] == ':' && slash + 1 < t + ce && slash[1] == '/')
		return true;
	/* example.com/path, t.co/x, bit.ly/y */
	for (const char *q = t + p; q < slash; q++)
		if (*q == '.' && q + 1 < slash && is_alpha((unsigned char)q[1]) && is_alpha((unsigned char)t[p]))
			return true;
	return false;
}

size_t pii_scan(const char *text, size_t len, struct pii_match *out, size_t max)
{
	struct scan s;
	memset(&s, 0, sizeof(s));
	s.t = text;
	s.len = len;
	s.out = out;
	s.max = max;
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)text[i];
		if (is_space(c)) {
			i++;
			continue;
		}
		size_t ce = chunk_end(&s, i);
		if (url_chunk(text, i, ce)) {
			mark(&s, 0);
			i = ce;
			continue;
		}
		const char *at = memchr(text + i, '@', ce - i);
		if (at && email(&s, i, (size_t)(at - text), ce)) {
			mark(&s, 0);
			i = ce;
			continue;
		}
		/* opening punctuation: ( [ " ' # ¿ ¡ “ ‘ « */
		size_t p = i;
		for (;;) {
			if (p < ce && text[p] && strchr("([{\"'#<*_$", text[p])) {
				p++;
			} else if (p + 1 < ce && (!memcmp(text + p, "\xc2\xa3", 2) ||
						  !memcmp(text + p, "\xc2\xa5", 2))) {
				p += 2;   /* £ ¥: number() sees the sign before the digits */
			} else if (p + 2 < ce && !memcmp(text + p, "\xe2\x82\xac", 3)) {
				p += 3;   /* € */
			} else if (p + 1 < ce && ((unsigned char)text[p] == 0xc2) &&
				   ((unsigned char)text[p + 1] == 0xbf || (unsigned char)text[p + 1] == 0xa1 ||
				    (unsigned char)text[p + 1] == 0xab)) {
				p += 2;
			} else if (p + 2 < ce && !memcmp(text + p, "\xe2\x80", 2) &&
				   ((unsigned char)text[p + 2] == 0x9c || (unsigned char)text[p + 2] == 0x98)) {
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
		if (is_digit(c) || (c == '+' && p + 1 < ce && is_digit((unsigned char)text[p + 1])))
			i = number(&s, p, ce);
		else if (is_alpha(c) || c >= 0x80)
			i = word(&s, p, ce);
		else
			i = ce;   /* punctuation alone: → - : = */
	}
	flush(&s);
	return s.n;
}

const char *pii_type_name(enum pii_type t)
{
	static const char *const names[PII__COUNT] = {
		"email", "phone", "payment_card", "iban", "national_id", "account_number",
		"reference_number", "credential", "postal_address", "date_of_birth",
	};
	return (unsigned)t < PII__COUNT ? names[t] : "unknown";
}
