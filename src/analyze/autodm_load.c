/*
 * autodm_load: one streaming pass over the 1:1 messages into the spill of
 * autodm_int.h, each message flagged (links and their hosts, the lexicon's
 * families, merge fields, echoes) and its slotted text hashed into the
 * table of templates; then the conversations' order by counterpart.
 */
#include "autodm_int.h"
#include "autodm.h"
#include "lexicon.h"
#include "pii.h"
#include "text.h"
#include "timeutil.h"
#include "xalloc.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The lexicon's families a message is read for, in one scan (lex_hits). */
#define AUTODM_FAMILIES                                                                  \
	((1ull << LEX_FOLLOW_THANKS) | (1ull << LEX_FOOTER) | (1ull << LEX_SCAM) |      \
	 (1ull << LEX_PROMO) | (1ull << LEX_NOTICE) | (1ull << LEX_CONTACT) |           \
	 (1ull << LEX_AUTOREPLY) | (1ull << LEX_OFFER) | (1ull << LEX_DISCLAIM))
#define AUTODM_WORD_LISTS                                                                \
	((1ull << LEX_MESSENGER) | (1ull << LEX_THANKS) | (1ull << LEX_LABEL) |         \
	 (1ull << LEX_SIGNED) | (1ull << LEX_FOLLOWWORD))

/* The message flags of the lexicon's families. */
static unsigned lexicon_flags(const struct lex_hits *h)
{
	uint64_t f = h->families & AUTODM_FAMILIES;
	unsigned fl = 0;
	if (f & (1ull << LEX_FOLLOW_THANKS))
		fl |= M_FORMULA;
	if (f & (1ull << LEX_FOOTER))
		fl |= M_FOOTER;
	if (f & (1ull << LEX_SCAM))
		fl |= M_SCAM;
	if (f & (1ull << LEX_PROMO))
		fl |= M_PROMO;
	if (f & (1ull << LEX_NOTICE))
		fl |= M_NOTICE;
	if (f & (1ull << LEX_CONTACT))
		fl |= M_CONTACT;
	if (f & (1ull << LEX_AUTOREPLY))
		fl |= M_AUTOREPLY;
	if (f & (1ull << LEX_OFFER))
		fl |= M_OFFER;
	if (f & (1ull << LEX_DISCLAIM))
		fl |= M_DISCLAIM;
	return fl;
}

/* ------------------------------------------------------------ constructions */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_word_byte(char c)
{
	return (c >= 'a' && c <= 'z') || is_digit(c) || c == '_';
}

/*
 * A messenger's name with an id beside it: "WhatsApp +39 351 555 2234",
 * "contactez-moi sur Telegram @julie_fx", "به تلگرام @name". The words
 * around the name vary with every language; the name and the id do not.
 * An id is an @handle, a "+" and a digit, or seven digits in a run that
 * spaces, dashes, dots and brackets may split; it sits close before the
 * name or after it on its line ("reach me on WhatsApp for the contract and
 * the fee: +44 7822 648431").
 */
static bool messenger_id(const char *norm, size_t n, const struct lex_hits *h)
{
	size_t from = 0, s, e;
	while (lex_hits_find(h, LEX_MESSENGER, from, &s, &e)) {
		size_t lo = s > AUTODM_MESSENGER_NEAR ? s - AUTODM_MESSENGER_NEAR : 0;
		size_t hi = e + AUTODM_MESSENGER_AFTER < n ? e + AUTODM_MESSENGER_AFTER : n;
		unsigned digits = 0;
		for (size_t i = lo; i < hi; i++) {
			char c = norm[i];
			if (c == '\n' && i >= e)
				break;   /* the id after the name is on its line */
			if (c == '\n')
				digits = 0;
			else if ((c == '@' || c == '+') && i + 1 < n &&
				 (c == '@' ? is_word_byte(norm[i + 1]) : is_digit(norm[i + 1])) &&
				 (i == 0 || !is_word_byte(norm[i - 1])))
				return true;
			else if (is_digit(c)) {
				if (++digits >= 7)
					return true;
			} else if (!strchr(" -.()", c))
				digits = 0;
		}
		from = e;
	}
	return false;
}

/* Up to two digits, then ":" "." or "h" and two digits: "9:00", "18.30", "10h00". */
static size_t clock_time(const char *p)
{
	size_t i = 0;
	while (i < 2 && is_digit(p[i]))
		i++;
	if (!i || (p[i] != ':' && p[i] != '.' && p[i] != 'h') || !is_digit(p[i + 1]) ||
	    !is_digit(p[i + 2]) || is_digit(p[i + 3]))
		return 0;
	return i + 3;
}

/* Up to two digits and am/pm: "9am", "11 pm". */
static size_t meridiem_time(const char *p)
{
	size_t i = 0;
	while (i < 2 && is_digit(p[i]))
		i++;
	if (!i)
		return 0;
	if (p[i] == ' ')
		i++;
	if ((p[i] == 'a' || p[i] == 'p') && p[i + 1] == 'm' && !is_word_byte(p[i + 2]))
		return i + 2;
	return 0;
}

/* A range dash: "-", "~", "to", an en or em dash, with spaces around. */
static size_t range_dash(const char *p)
{
	size_t i = 0;
	while (p[i] == ' ')
		i++;
	if (p[i] == '-' || p[i] == '~')
		i++;
	else if (!strncmp(p + i, "\xe2\x80\x93", 3) || !strncmp(p + i, "\xe2\x80\x94", 3))
		i += 3;
	else
		return 0;
	while (p[i] == ' ')
		i++;
	return i;
}

/*
 * Opening hours written as a range of clock times, as business replies and
 * away notices give them: "09:00-18:00", "8:00–16:00", "9am - 5pm". People
 * name one time ("at 19:00"); a range of two is a timetable.
 */
static bool hours_range(const char *norm)
{
	for (const char *p = norm; *p; p++) {
		if (!is_digit(*p) || (p > norm && (is_word_byte(p[-1]) || p[-1] == ':' ||
						  p[-1] == '.')))
			continue;
		size_t a = clock_time(p), m = a ? 0 : meridiem_time(p);
		if (!a && !m)
			continue;
		const char *q = p + (a ? a : m);
		size_t d = range_dash(q);
		if (d && (a ? clock_time(q + d) : meridiem_time(q + d)))
			return true;
	}
	return false;
}

/*
 * Does the text ask for a reply of one word in capitals, as a marketing
 * robot that reads its replies does: "Reply GROW and I'll send", "Balas
 * \"NAK\"", "Réponds OUI", "Trial ke liye \"YES\" bhejo"? A reply verb with
 * the keyword within two words after it or right before it; the keyword of
 * 2 to 10 capitals, in a text that is not all capitals (shouting). The raw
 * text, not the normalized one: the capitals are the point.
 */
static bool is_cap_word(const char *t, size_t a, size_t b)
{
	size_t caps = 0;
	for (size_t i = a; i < b; i++) {
		unsigned char c = (unsigned char)t[i];
		if (c >= 'A' && c <= 'Z')
			caps++;
		else if (c == 0xc3 && i + 1 < b && (unsigned char)t[i + 1] >= 0x80 &&
			 (unsigned char)t[i + 1] <= 0x9e)
			i++;   /* Í, É, Ü */
		else
			return false;
	}
	return caps >= 2 && b - a <= 10;
}

/* Whether [a, b) of t stands between quotes of a kind: "…", '…', “…”, ‘…’, «…». */
static bool quoted(const char *t, size_t n, size_t a, size_t b)
{
	static const char *const pairs[][2] = {
		{ "\"", "\"" }, { "'", "'" }, { "\xe2\x80\x9c", "\xe2\x80\x9d" },
		{ "\xe2\x80\x98", "\xe2\x80\x99" }, { "\xc2\xab", "\xc2\xbb" },
	};
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		size_t lo = strlen(pairs[i][0]), lc = strlen(pairs[i][1]);
		if (a >= lo && b + lc <= n && !memcmp(t + a - lo, pairs[i][0], lo) &&
		    !memcmp(t + b, pairs[i][1], lc))
			return true;
	}
	return false;
}

static bool reply_keyword(const char *t, size_t n)
{
	static const char *const verbs[] = {
		"reply", "text", "type", "send", "comment", "responde", "responda", "réponds",
		"répondez", "rispondi", "antworte", "antwoord", "beantwoord", "balas", "ketik", "kirim",
		"bhejo", "likho",
		"sagot", "svara", "svar", "reageer", "odpowiedz", "trả lời", "nhắn", "skriv",
		"sms", "vastaa", "vasta", "kirjoita", "schreib", "schreibe", "schick", "envoie",
		"envoyez", "écris", "tapez", "envía", "envia", "escribe", "manda", "digita",
		"envie", "escreva", "scrivi", "invia", "stuur", "typ", "wyślij", "napisz",
		"odpisz", "напиши", "пиши", "ответь", "отправь", "надішли", "напишіть", "yaz",
		"gönder", "yanıtla", "dm", "apántate", NULL,
	};
	size_t w[64][2], nw = 0, lower = 0;
	for (size_t i = 0; i < n && nw < 64;) {
		while (i < n && (t[i] == ' ' || t[i] == '"' || t[i] == '\'' || t[i] == '\n' ||
				 t[i] == ',' || t[i] == ':' || (unsigned char)t[i] == 0xe2))
			i += (unsigned char)t[i] == 0xe2 && i + 2 < n ? 3 : 1;   /* “ ” */
		size_t a = i;
		while (i < n && t[i] != ' ' && t[i] != '"' && t[i] != '\'' && t[i] != '\n' &&
		       t[i] != ',' && t[i] != '.' && t[i] != '!' && t[i] != '?' && t[i] != ':' &&
		       (unsigned char)t[i] != 0xe2)
			i++;
		if (i > a) {
			w[nw][0] = a, w[nw][1] = i, nw++;
		}
		while (i < n && (t[i] == '.' || t[i] == '!' || t[i] == '?'))
			i++;
	}
	/* the keyword is a word in capitals: most texts hold none, and end here */
	uint64_t caps = 0;
	for (size_t k = 0; k < nw; k++)
		if (is_cap_word(t, w[k][0], w[k][1]))
			caps |= 1ull << k;
	if (!caps)
		return false;
	for (size_t i = 0; i < n; i++)
		lower += t[i] >= 'a' && t[i] <= 'z';
	if (lower < 8)
		return false;
	for (size_t k = 0; k < nw; k++) {
		/* a verb with the keyword in the two words after it, or right before it */
		bool near = (k + 1 < 64 && ((caps >> (k + 1)) & 3)) || (k > 0 && ((caps >> (k - 1)) & 1));
		if (!near)
			continue;
		size_t len = w[k][1] - w[k][0];
		for (size_t v = 0; verbs[v]; v++)
			if (strlen(verbs[v]) == len && !strncasecmp(t + w[k][0], verbs[v], len))
				return true;   /* "Reply YES", "\"YES\" bhejo" */
	}
	/* a keyword in quotes needs no verb: "DM me 'START'", «STOP» */
	for (size_t k = 0; k < nw; k++)
		if (((caps >> k) & 1) && quoted(t, n, w[k][0], w[k][1]))
			return true;
	return false;
}

/*
 * A price: a currency's sign or code next to an amount ("$199", "200 €",
 * "R$ 49,90", "20 000 zł", "2,000 USDT"). The text is normalized: lower
 * case, one space between words.
 */
static bool priced(const char *norm)
{
	static const char *const signs[] = { "$", "\xe2\x82\xac", "\xc2\xa3", "\xc2\xa5", "\xe2\x82\xb9",
					     "\xe2\x82\xba", "\xe2\x82\xbd", "\xe2\x82\xa9", "\xe0\xb8\xbf",
					     "\xe2\x82\xab", NULL };
	static const char *const codes[] = { "usd", "eur", "euro", "euros", "usdt", "gbp", "pln", "z\xc5\x82",
					     "rp", "ksh", "tl", "brl", "thb", "vnd", "inr", "rs", "\xd1\x80\xd1\x83\xd0\xb1",
					     "\xd0\xb3\xd1\x80\xd0\xbd", "lei", "k\xc4\x8d", "chf", "sek", "nok", "dkk", NULL };
	for (const char *p = norm; *p; p++) {
		if (!is_digit(*p) || (p > norm && is_digit(p[-1])))
			continue;
		/* the amount [p, q): digits with their separators */
		const char *q = p;
		while (is_digit(*q) || ((*q == ',' || *q == '.' || *q == ' ') && is_digit(q[1])))
			q++;
		const char *before = p > norm && p[-1] == ' ' ? p - 1 : p;
		const char *after = *q == ' ' ? q + 1 : q;
		for (size_t i = 0; signs[i]; i++) {
			size_t n = strlen(signs[i]);
			if ((before - norm >= (ptrdiff_t)n && !memcmp(before - n, signs[i], n)) ||
			    !strncmp(after, signs[i], n))
				return true;
		}
		for (size_t i = 0; codes[i]; i++) {
			size_t n = strlen(codes[i]);
			if (!strncmp(after, codes[i], n) && !is_word_byte(after[n]))
				return true;
			if (before - norm >= (ptrdiff_t)n && !memcmp(before - n, codes[i], n) &&
			    (before - n == norm || !is_word_byte(before[-(ptrdiff_t)n - 1])))
				return true;
		}
		p = q - 1;
	}
	return false;
}

/*
 * "up" or "through" right after a word of following: "thanks for following
 * up", "thank you for the follow-up" are what customers write to a business.
 */
static bool follow_up_after(const char *q)
{
	while (*q == ' ' || *q == '-')
		q++;
	return (!strncmp(q, "up", 2) && !is_word_byte(q[2])) ||
	       (!strncmp(q, "through", 7) && !is_word_byte(q[7]));
}

/* A follow-thanks formula of the lexicon that is not a thanks for following up. */
static bool formula(const char *norm, const struct lex_hits *h)
{
	size_t from = 0, s, e;
	while (lex_hits_find(h, LEX_FOLLOW_THANKS, from, &s, &e)) {
		if (!follow_up_after(norm + e))
			return true;
		from = e;
	}
	return false;
}

/*
 * Thanks for the follow in words of any language that borrow "follow":
 * "grazie mille per il follow", "salamat sa follow", "gracias x el follow",
 * "thx 4 the follow": a thanks word (autodm-thanks), then within
 * AUTODM_THANKS_GAP words one that starts with "follow", never "follow up"
 * or "follow-up" (thanks for following up is what customers say).
 */
static bool thanks_follow(const char *norm, const struct lex_hits *h)
{
	size_t from = 0, s, e;
	while (lex_hits_find(h, LEX_THANKS, from, &s, &e)) {
		const char *p = norm + e;
		for (int w = 0; w <= AUTODM_THANKS_GAP && *p; w++) {
			while (*p && !is_word_byte(*p) && *p != '\n' && !strchr(".!?", *p))
				p++;
			if (!*p || !is_word_byte(*p))
				break;
			if (!strncmp(p, "follow", 6)) {
				const char *q = p + 6;
				while (is_word_byte(*q))
					q++;
				if (!follow_up_after(q))
					return true;
			}
			while (is_word_byte(*p) || (unsigned char)*p >= 0x80)
				p++;
		}
		from = e;
	}
	return false;
}

/*
 * Thanks for the follow in a language's own words, an intensifier or two
 * between: "tack så mycket för följet", "děkuji moc za sledování": a thanks
 * word (autodm-thanks), then within AUTODM_THANKS_GAP words (runs of
 * anything but white space, so any script counts) one of following
 * (autodm-followword), in the same clause (a comma ends it: "díky moc,
 * sledování zásilky nejde" thanks for something else). The word lists hold the noun
 * and verb forms of following only, never their homonyms ("följesedel").
 */
static bool thanks_follow_native(const char *norm, const struct lex_hits *h)
{
	size_t from = 0, s, e;
	while (lex_hits_find(h, LEX_THANKS, from, &s, &e)) {
		size_t p = e;
		for (int w = 0; w <= AUTODM_THANKS_GAP + 1 && norm[p]; w++) {
			while (norm[p] == ' ')
				p++;
			if (!norm[p] || strchr(",.!?\n", norm[p]))
				break;
			size_t fs, fe;
			if (lex_hits_find(h, LEX_FOLLOWWORD, p, &fs, &fe) && fs == p)
				return true;
			while (norm[p] && !strchr(" ,.!?\n", norm[p]))
				p++;
		}
		from = e;
	}
	return false;
}

/*
 * An app's signature closing the message: "sent from" and its kin
 * (autodm-signed) set apart (on a line of its own, after a link, a dash,
 * "~", "//", a bracket or an emoji), then a
 * single word, the tool's name, and nothing but punctuation after it:
 * "... https://t.co/x Enviado desde AutoAmigo", "(Gesendet über FollowFlow)".
 * "Sent from my iPhone" is two words and a person's phone; "it was sent
 * from Berlin" starts no sentence.
 */
/* Words in t[0..n) split by white space. */
static size_t count_words(const char *t, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n; i++)
		if (t[i] != ' ' && t[i] != '\n' && t[i] != '\r' && t[i] != '\t' &&
		    (i == 0 || strchr(" \n\r\t", t[i - 1])))
			w++;
	return w;
}

/* Words on the last line of the raw text, 0 when it has only one line. */
static size_t last_line_words(const char *txt, size_t tlen)
{
	while (tlen && strchr(" \n\r\t", txt[tlen - 1]))
		tlen--;
	const char *nl = tlen ? memrchr(txt, '\n', tlen) : NULL;
	return nl ? count_words(nl + 1, tlen - (size_t)(nl + 1 - txt)) : 0;
}

static bool signed_by_app(const char *norm, size_t n, const struct lex_hits *h,
			  size_t line_words)
{
	size_t from = 0, s, e;
	while (lex_hits_find(h, LEX_SIGNED, from, &s, &e)) {
		from = e;
		size_t b = s;
		while (b > 0 && norm[b - 1] == ' ')
			b--;
		const unsigned char *u = (const unsigned char *)norm;
		/* set apart as a footer; after ". " it could be a customer's
		 * "I ordered it. Sent from Amazon", and a message is never only that */
		bool starts = (b > 0 && strchr("(|-~/[", norm[b - 1])) ||
			      (b >= 3 && u[b - 3] == 0xe2 && u[b - 2] == 0x80 &&
			       (u[b - 1] == 0x93 || u[b - 1] == 0x94)) ||  /* – — */
			      (b >= 4 && u[b - 4] == 0xf0);              /* an emoji */
		/* on a line of its own (normalizing made the lines one) */
		starts |= line_words && line_words == count_words(norm + s, n - s);
		if (!starts && b > 0 && norm[b - 1] != '.' && norm[b - 1] != '!' &&
		    norm[b - 1] != '?') {
			/* after a link: the word before begins with http */
			size_t w = b;
			while (w > 0 && norm[w - 1] != ' ' && norm[w - 1] != '\n')
				w--;
			starts = !strncmp(norm + w, "http", 4);
		}
		if (!starts)
			continue;
		size_t p = e;
		while (p < n && norm[p] == ' ')
			p++;
		size_t w0 = p;
		while (p < n && (is_word_byte(norm[p]) || (unsigned char)norm[p] >= 0x80 ||
				 norm[p] == '.' || norm[p] == '@'))
			p++;
		if (p - w0 < 3)
			continue;
		while (p < n && strchr(" .!)]\n", norm[p]))
			p++;
		if (p == n)
			return true;
	}
	return false;
}

/*
 * A notice's title first, as apps write them: a bracketed label ("【提醒】",
 * "[알림]", "[FollowerGuard]": at most AUTODM_HEADER_BYTES inside, not a
 * link or a number), or a title of autodm-label and a colon ("Reminder:",
 * "Rappel :", "Daily digest:") after nothing but emoji and symbols. Never
 * in a message that asks something.
 */
static bool notice_header(const char *norm, const struct lex_hits *h)
{
	/* notices tell; a customer's "Reminder: is my order shipped yet?" asks */
	if (strchr(norm, '?'))
		return false;
	const char *p = norm;
	while (*p == ' ' || *p == '\n')
		p++;
	/* or a notice's title and a colon: "Reminder:", "Rappel :", "تنبيه:" */
	size_t s = 0, e = 0, off = (size_t)(p - norm);
	bool titled = lex_hits_find(h, LEX_LABEL, off, &s, &e);
	s -= off;
	e -= off;
	if (titled && s <= AUTODM_LABEL_LEAD) {
		bool lead = true;
		for (size_t i = 0; i < s; i++)
			if (is_word_byte(p[i]))
				lead = false;
		while (p[e] == ' ')
			e++;
		if (lead && p[e] == ':')
			return true;
	}
	/* or a newsletter's name ending in such a title: "Sellers MENA Digest:",
	 * "Handmade Market Weekly:", three words at most before it */
	const char *colon = strchr(p, ':');
	if (colon && colon - p <= 48) {
		size_t from = off, ls, le;
		while (lex_hits_find(h, LEX_LABEL, from, &ls, &le)) {
			size_t q = le;
			while (norm[q] == ' ')
				q++;
			if (norm + q == colon) {
				size_t words = 0;
				for (const char *w = p; w < norm + ls; w++)
					words += *w == ' ';
				return words <= 3;
			}
			from = le;
			if (norm + from > colon)
				break;
		}
	}
	const char *close;
	if (!strncmp(p, "\xe3\x80\x90", 3))   /* 【 ... 】 */
		close = strstr(p + 3, "\xe3\x80\x91");
	else if (*p == '[')
		close = strchr(p + 1, ']');
	else
		return false;
	if (!close)
		return false;
	size_t open = *p == '[' ? 1 : 3, len = (size_t)(close - p) - open;
	if (len < 3 || len > AUTODM_HEADER_BYTES)   /* "[EN]" tags a language */
		return false;
	bool letter = false;
	for (const char *q = p + open; q < close; q++) {
		if (*q == '\n' || *q == '/' || *q == '@')
			return false;
		if (!is_digit(*q) && *q != ' ' && *q != '.' && *q != ',')
			letter = true;
	}
	return letter;
}

/* ------------------------------------------------------------ link hosts */

/* Link shorteners: the destination is hidden until clicked. */
static const char *const shorteners[] = {
	"bit.ly", "tinyurl.com", "goo.gl", "ow.ly", "is.gd", "buff.ly", "tiny.cc", "shorturl.at",
	"rebrand.ly", "cutt.ly", "bl.ink", "rb.gy", "adf.ly", "j.mp", "dlvr.it", "ift.tt", "su.pr",
	"v.gd", "x.co", "po.st", "qr.ae", "t.ly", "lnkd.in", "shorte.st", "bc.vc", "tr.im",
	"cli.gs", "snipurl.com", "budurl.com", "mcaf.ee", "soo.gd", "s.id", "2.gp", "urlz.fr",
	NULL,
};

/* Services whose business is sending DMs on someone's behalf. */
static const char *const services[] = {
	"truetwit.com", "socialoomph.com", "tweetlater.com", "crowdfireapp.com", "justunfollow.com",
	"tweetadder.com", "socialtoo.com", NULL,
};

/* Fixed texts of those services, normalized. */
static const char *const service_texts[] = {
	"uses truetwit validation service", NULL,
};

/* Links that are the platform's own: shared tweets and attachments. */
static const char *const own_hosts[] = {
	"twitter.com", "x.com", "mobile.twitter.com", "pic.twitter.com", "ton.twitter.com",
	"pbs.twimg.com", "video.twimg.com", "pic.x.com", NULL,
};

static bool host_in(const char *host, const char *const *list)
{
	size_t hl = strlen(host);
	for (size_t i = 0; list[i]; i++) {
		size_t l = strlen(list[i]);
		/* the domain itself or any subdomain of it */
		if (hl >= l && !strcasecmp(host + hl - l, list[i]) &&
		    (hl == l || host[hl - l - 1] == '.'))
			return true;
	}
	return false;
}

/* The host of a URL, lower case, without "www." */
static void url_host(const char *u, size_t n, char host[128])
{
	const char *p = memmem(u, n, "://", 3);
	size_t i = p ? (size_t)(p - u) + 3 : 0, k = 0;
	if (n - i >= 4 && !strncasecmp(u + i, "www.", 4))
		i += 4;
	while (i < n && k < 127 && !strchr("/?#:", u[i])) {
		char c = u[i++];
		host[k++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
	}
	host[k] = 0;
}

/* ------------------------------------------------------------ templates */

static uint32_t tmpl_get(struct am *a, uint64_t h, int64_t msg_id)
{
	uint32_t idx = (uint32_t)a->nt;
	if (!u64map_put(&a->map, h, &idx))
		return idx;
	ALLOC_GROW(a->t, a->nt + 1, a->at);
	struct am_tmpl *t = &a->t[a->nt];
	t->hash = h;
	t->text = NULL;
	t->shown = NULL;
	t->example = msg_id;
	t->sig = NO_SIG;
	t->cluster = (uint32_t)a->nt;
	return (uint32_t)a->nt++;
}

/* ------------------------------------------------------------ loading */

int am_cmp_i64(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return a < b ? -1 : a > b;
}

bool am_has_id(const int64_t *v, size_t n, int64_t id)
{
	return n && bsearch(&id, v, n, sizeof(*v), am_cmp_i64);
}

static int load_follow(struct report_ctx *ctx, const char *dir, int64_t **out, size_t *n,
		       struct err *err)
{
	sqlite3_stmt *st;
	char sql[400];
	size_t alloc = 0;
	snprintf(sql, sizeof(sql),
		 "SELECT account_id FROM follow WHERE direction = '%s' AND snapshot_id = "
		 "(SELECT id FROM snapshot WHERE has_%s ORDER BY generated_at DESC, id DESC LIMIT 1)",
		 dir, !strcmp(dir, "follower") ? "followers" : "following");
	if (store_prepare(ctx->store, sql, &st, err))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		ALLOC_GROW(*out, *n + 1, alloc);
		(*out)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (*n) {
		qsort(*out, *n, sizeof(**out), am_cmp_i64);
		*out = xrealloc(*out, *n * sizeof(**out));   /* kept to the end: no slack */
	}
	return 0;
}

/* Normalized handle and name of an account, as {name} candidates. */
void am_add_names(struct report_ctx *ctx, sqlite3_stmt *st, int64_t id, struct buf *nb,
		      size_t *offs, size_t *n)
{
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		for (int col = 0; col < 2; col++) {
			const char *s = (const char *)sqlite3_column_text(st, col);
			if (!s || !*s || *n >= 8)
				continue;
			offs[(*n)++] = nb->len;
			text_normalize(s, strlen(s), nb);
			buf_addc(nb, 0);
			/* a display name's first word is how merge fields greet */
			const char *sp = strchr(s, ' ');
			if (col == 1 && sp && *n < 8) {
				offs[(*n)++] = nb->len;
				text_normalize(s, (size_t)(sp - s), nb);
				buf_addc(nb, 0);
			}
		}
	}
	sqlite3_reset(st);
	(void)ctx;
}

/*
 * A domain written to slip past link filters: "site .com", "site dot com",
 * "site[.]com", "site (.) net", "hxxp://". Real links are slots already;
 * these are not. OBF_DEFANGED for the forms no sentence takes: brackets,
 * "hxxp", or a spaced dot after a hyphened name or before a path
 * ("verify-badge . net", "site . com/claim"); OBF_SPACED for a spaced dot
 * alone, which a sentence may hold ("at home . cz is the code").
 */
enum { OBF_NONE, OBF_SPACED, OBF_DEFANGED };

/* The name before p (a domain's last label, or a word) holds a hyphen. */
static bool hyphened_label(const char *norm, const char *p)
{
	const char *q = p;
	while (q > norm && q[-1] != ' ' && q[-1] != '/')
		q--;
	return memchr(q, '-', (size_t)(p - q)) != NULL;
}

/* Two to ten ASCII letters at q, then no more of a word: a domain's ending. */
static bool letters_then_end(const char *q)
{
	size_t n = 0;
	while (q[n] >= 'a' && q[n] <= 'z')
		n++;
	return n >= 2 && n <= 10 && !is_word_byte(q[n]);
}

static int obfuscated_link(const char *norm)
{
	/* not ". ": "at home. Me too" is a sentence, not a domain */
	static const char *const dots[] = { " . ", " .", " dot ", "[.]", "(.)", " [.] ", " (.) ",
					    "[dot]", "(dot)", " [dot] ", " (dot) ", "[точка]",
					    " точка ", "(punto)", "(ponto)", "(punkt)", "(point)",
					    "[punto]", "[ponto]", "[punkt]", "[point]", NULL };
	static const char *const tlds[] = { "com", "net", "org", "io", "xyz", "top", "vip", "fun",
					    "site", "online", "club", "info", "biz", "ru", "cc",
					    "app", "live", "shop", "store", "link", "nl", "br", "ua", "uk",
					    "tk", "co", "fr", "pl", "eu", "ch", "hu", "gr", "cz", "ro",
					    "ir", "il", "sk", "fi", "dk", "vn", "kz", "jp", "kr", "cn",
					    "ws", "pw", "icu", "cyou", "sbs", "cfd", "buzz", "bond",
					    "click", "cam", "website", "tech", "su", "bg", "lt", "lv",
					    NULL };
	/* country codes that are words too ("like it . it works"): only between brackets */
	static const char *const bracketed_tlds[] = { "de", "es", "it", "pt", "in", "me", "us",
						     "at", "be", "to", "id", "tr", "se", "no", "si", "my",
						     "ma", "am", "sa", "ae", NULL };
	/* "hxxp://", "hxxps[:]//": a link defanged by whoever pasted it */
	for (const char *h = strstr(norm, "hxxp"); h; h = strstr(h + 4, "hxxp")) {
		const char *q = h + 4 + (h[4] == 's');
		if (!strncmp(q, "://", 3) || !strncmp(q, "[:]//", 5))
			return OBF_DEFANGED;
	}
	/* "site[.]help", "site(.)anything": no sentence puts a dot in brackets
	 * between a name and two to ten letters, whatever the domain's ending */
	for (const char *const *dot = (const char *const[]){ "[.]", "(.)", NULL }; *dot; dot++)
		for (const char *b = strstr(norm, *dot); b; b = strstr(b + 3, *dot))
			if (b > norm && is_word_byte(b[-1]) && letters_then_end(b + 3))
				return OBF_DEFANGED;
	for (const char *p = norm; *p; p++) {
		/* every form starts with a space or a bracket right after a letter or digit */
		if ((*p != ' ' && *p != '[' && *p != '(') || p == norm ||
		    !((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= '0' && p[-1] <= '9')))
			continue;
		/* … and goes on with a dot, a bracket or a word for "dot" (d, p, т) */
		const char *n = *p == ' ' && (p[1] == '[' || p[1] == '(') ? p + 1 : p;
		unsigned char c1 = (unsigned char)n[1];
		if (c1 != '.' && c1 != 'd' && c1 != 'p' && c1 != 0xd1)
			continue;
		for (size_t i = 0; dots[i]; i++) {
			size_t dl = strlen(dots[i]);
			if (strncmp(p, dots[i], dl))
				continue;
			bool bracket = strchr(dots[i], '[') || strchr(dots[i], '(');
			for (int list = 0; list < 2; list++) {
				const char *const *tl_of = list ? bracketed_tlds : tlds;
				for (size_t k = 0; tl_of[k]; k++) {
					size_t tl = strlen(tl_of[k]);
					const char *q = p + dl;
					if (strncmp(q, tl_of[k], tl) || (q[tl] >= 'a' && q[tl] <= 'z') ||
					    (q[tl] >= '0' && q[tl] <= '9'))
						continue;
					/* "t . me / channel": a path after the ending makes it a domain */
					bool path = q[tl] == '/' || (q[tl] == ' ' && q[tl + 1] == '/');
					if (list && !bracket && !path)
						continue;   /* "like it . it works" */
					return bracket || path || hyphened_label(norm, p) ? OBF_DEFANGED
											: OBF_SPACED;
				}
			}
		}
	}
	return OBF_NONE;
}

/*
 * A link to another site whose path or subdomains name the platform
 * ("site.example/x/twitter.com.html", "twitter.com.site.example"): bait
 * dressed up as a tweet or a login page.
 */
static bool disguised(const char *u, size_t n, const char *host)
{
	static const char *const names[] = { "twitter.com", "twitter-", "/x.com/", NULL };
	const char *path = memmem(u, n, "://", 3);
	path = path ? path + 3 : u;
	for (size_t i = 0; names[i]; i++) {
		size_t l = strlen(names[i]);
		if (memmem(path, n - (size_t)(path - u), names[i], l))
			return true;
	}
	(void)host;
	return false;
}

/* Link flags of a message from its expanded URLs (space-separated). */
static unsigned link_flags(const char *urls, const struct text_slots *f, size_t ntok,
			   const char *norm)
{
	unsigned fl = 0, links = 0;
	if (urls && *urls) {
		const char *p = urls;
		while (*p) {
			while (*p == ' ')
				p++;
			size_t n = strcspn(p, " ");
			if (!n)
				break;
			char host[128];
			url_host(p, n, host);
			if (!host_in(host, own_hosts)) {
				links++;
				/* a link that hides where it goes, or dresses up as the platform */
				if (host_in(host, shorteners) || disguised(p, n, host))
					fl |= M_SHORTENER;
				if (host_in(host, services))
					fl |= M_SERVICE;
			}
			p += n;
		}
	} else {
		links = f->url;
	}
	for (size_t i = 0; service_texts[i]; i++)
		if (strstr(norm, service_texts[i]))
			fl |= M_SERVICE;
	int obf = links ? OBF_NONE : obfuscated_link(norm);
	if (obf != OBF_NONE)
		links = 1;
	if (obf == OBF_DEFANGED)
		fl |= M_DEFANGED;
	if (links) {
		fl |= M_LINK;
		if (ntok - f->url <= AUTODM_LINK_ONLY_WORDS)
			fl |= M_LINK_ONLY;
	}
	return fl;
}

void am_init(struct am *a)
{
	memset(a, 0, sizeof(*a));
	spill_init(&a->msgs, AM_SPILL_BOUND);
}

_Static_assert(sizeof(struct am_msg) == AM_MSG_BYTES, "a message's record is the struct");

/* Append a message to the open record, its conversation's. */
static void add_msg(struct am *a, const struct am_msg *m)
{
	buf_add(spill_begin(&a->msgs), m, sizeof(*m));
	a->nm++;
	a->c[a->nc - 1].n++;
}

const struct am_msg *am_read(const struct am *a, uint32_t ci, struct am_reader *r)
{
	size_t len;
	const char *p = spill_get(&a->msgs, ci, &r->scratch, &len);
	if (!p)
		return NULL;
	ALLOC_GROW(r->m, len / sizeof(*r->m) + 1, r->alloc);
	memcpy(r->m, p, len);
	return r->m;
}

void am_reader_release(struct am_reader *r)
{
	free(r->m);
	buf_release(&r->scratch);
	r->m = NULL;
	r->alloc = 0;
}

static int cmp_by_cp(const void *x, const void *y, void *arg)
{
	const struct am_conv *c = arg;
	uint32_t i = *(const uint32_t *)x, j = *(const uint32_t *)y;
	if (c[i].cp != c[j].cp)
		return c[i].cp < c[j].cp ? -1 : 1;
	return i < j ? -1 : i > j;
}

size_t am_next_cp(const struct am *a, size_t from)
{
	size_t e = from + 1;
	while (e < a->nc && a->c[a->by_cp[e]].cp == a->c[a->by_cp[from]].cp)
		e++;
	return e;
}

/* The conversations in the order of their counterparts, each one's in load order. */
static void order_by_cp(struct am *a)
{
	a->by_cp = xmalloc((a->nc ? a->nc : 1) * sizeof(*a->by_cp));
	for (size_t i = 0; i < a->nc; i++)
		a->by_cp[i] = (uint32_t)i;
	if (a->nc > 1)
		qsort_r(a->by_cp, a->nc, sizeof(*a->by_cp), cmp_by_cp, a->c);
}

/*
 * A reply of AUTODM_FAST_CHARS characters or more (its slotted text, so a
 * pasted link counts as five, a CJK character as AUTODM_WIDE_KEYS) that
 * came dt ms after the owner's message,
 * faster than AUTODM_FAST_CPS characters a second: no one reads a message
 * and types that much so soon.
 */
static bool typed_faster(const struct buf *slotted, int64_t dt, double cps)
{
	size_t chars = 0;
	for (size_t i = 0; i < slotted->len; i++) {
		unsigned char c = (unsigned char)slotted->s[i];
		/* kana, hangul and ideographs (U+3000-U+DFFF) take keys a character */
		chars += (c & 0xc0) == 0x80 ? 0 : c >= 0xe3 && c <= 0xed ? AUTODM_WIDE_KEYS : 1;
	}
	return chars >= AUTODM_FAST_CHARS && dt >= 0 && (double)chars * 1000.0 >= cps * (double)dt;
}

static bool faster_than_typing(const struct buf *slotted, int64_t dt)
{
	return typed_faster(slotted, dt, AUTODM_FAST_CPS);
}

/*
 * A message that came dt ms after the sender's own, faster than
 * AUTODM_PASTE_CPS characters a second: a fast typist, who has no message
 * to read first, reaches the reply's pace, never this one.
 */
static bool pasted(const struct buf *slotted, int64_t dt)
{
	return typed_faster(slotted, dt, AUTODM_PASTE_CPS);
}

/*
 * The owner's first reply turns an offer down: a short message
 * (AUTODM_DECLINE_WORDS words at most) with a phrase of autodm-decline.tsv,
 * "no thanks", "nein danke", "ilgilenmiyoruz".
 */
static bool declines(const char *txt, size_t tlen, struct buf *norm, struct lex_hits *hits)
{
	if (!txt || tlen > 160)
		return false;
	buf_reset(norm);
	text_normalize(txt, tlen, norm);
	if (text_tokens(norm->s) > AUTODM_DECLINE_WORDS)
		return false;
	lex_hits_scan(hits, norm->s, norm->len, 1ull << LEX_DECLINE);
	return (hits->families & (1ull << LEX_DECLINE)) != 0;
}

/* The words that ask for what phishing is after: "the code you got", "password", "card number". */
#define SECRET_WORDS \
	((1ull << LEX_PII_SECRET) | (1ull << LEX_PII_CODE) | (1ull << LEX_PII_CARD))

/* Does t give an international phone number: "+", then eight digits or
 * more that spaces, dashes, dots and brackets may split? */
static bool intl_phone(const char *t, size_t n)
{
	for (size_t i = 0; t && i + 1 < n; i++) {
		if (t[i] != '+' || !is_digit(t[i + 1]) || (i > 0 && is_word_byte(t[i - 1])))
			continue;
		size_t digits = 0, j = i + 1;
		while (j < n && (is_digit(t[j]) || strchr(" -.()", t[j])) && t[j])
			digits += is_digit(t[j++]);
		if (digits >= 8 && digits <= 15)
			return true;
	}
	return false;
}

/* The length of a currency sign at t (ASCII $, or £ € ¥ ₹ ₦ ₱ ₩ ₺ ₽), or 0. */
static size_t currency_at(const unsigned char *t, size_t n)
{
	if (n >= 1 && t[0] == '$')
		return 1;
	if (n >= 2 && t[0] == 0xc2 && (t[1] == 0xa3 || t[1] == 0xa5))
		return 2;   /* £ ¥ */
	if (n >= 3 && t[0] == 0xe2 && t[1] == 0x82 &&
	    (t[2] == 0xac || t[2] == 0xb9 || t[2] == 0xa6 || t[2] == 0xb1 || t[2] == 0xa9 ||
	     t[2] == 0xba || t[2] == 0xbd))
		return 3;   /* € ₹ ₦ ₱ ₩ ₺ ₽ */
	return 0;
}

/*
 * The contact a message gives, hashed (0 when none): a phone number (9 to 15
 * digits, in groups, its last nine kept so that "+254 798 112 334" and
 * "0798112334" agree; Arabic-Indic digits read as digits), an e-mail
 * address, or, after a messenger's name, the id ("LINE: job.th88",
 * "telegram @karim_trading"). Two strangers who give the same one are
 * one campaign, whatever their words.
 */
static uint32_t contact_key(const char *norm, size_t n, bool messenger)
{
	char d[16];
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)norm[i];
		/* a phone: digits and their separators */
		size_t nd = 0, j = i, total = 0;
		if ((is_digit((char)c) || ((c == 0xd9 || c == 0xdb) && i + 1 < n)) &&
		    (i == 0 || !is_word_byte(norm[i - 1]))) {
			while (j < n) {
				unsigned char b = (unsigned char)norm[j];
				int v = -1;
				if (is_digit((char)b))
					v = b - '0', j++;
				else if (b == 0xd9 && j + 1 < n && (unsigned char)norm[j + 1] >= 0xa0 &&
					 (unsigned char)norm[j + 1] <= 0xa9)
					v = (unsigned char)norm[j + 1] - 0xa0, j += 2;
				else if (b == 0xdb && j + 1 < n && (unsigned char)norm[j + 1] >= 0xb0 &&
					 (unsigned char)norm[j + 1] <= 0xb9)
					v = (unsigned char)norm[j + 1] - 0xb0, j += 2;
				else if (strchr(" -.()", (char)b) && b && j + 1 < n && total)
					j++;
				else
					break;
				if (v >= 0) {
					total++;
					memmove(d, d + (nd == 9), nd - (nd == 9));
					nd -= nd == 9;
					d[nd++] = (char)('0' + v);
				}
			}
			if (total >= 9 && total <= 15)
				return (uint32_t)text_hash(d, nd) | 1;
			if (j > i)
				i = j - 1;
			continue;
		}
		/* an e-mail address */
		if (c == '@' && i > 0 && is_word_byte(norm[i - 1])) {
			size_t b = i, e = i + 1;
			while (b > 0 && (is_word_byte(norm[b - 1]) || norm[b - 1] == '.' || norm[b - 1] == '-' ||
					 norm[b - 1] == '+'))
				b--;
			bool dot = false;
			while (e < n && (is_word_byte(norm[e]) || norm[e] == '-' ||
					 (norm[e] == '.' && e + 1 < n && is_word_byte(norm[e + 1]))))
				dot |= norm[e++] == '.';
			if (dot)
				return (uint32_t)text_hash(norm + b, e - b) | 1;
		}
		/* a messenger's id: a handle, or what follows a colon ("line: job.th88"),
		 * in a message that names a messenger */
		if (messenger && c == ':') {
			size_t b = i + 1;
			while (b < n && norm[b] == ' ')
				b++;
			if (b < n && norm[b] == '@')
				b++;
			size_t e = b;
			bool letter = false;
			while (e < n && (is_word_byte(norm[e]) || norm[e] == '.' || norm[e] == '_' ||
					 norm[e] == '-')) {
				letter |= norm[e] >= 'a' && norm[e] <= 'z';
				e++;
			}
			if (letter && e - b >= 4 && norm[e - 1] != '.')
				return (uint32_t)text_hash(norm + b, e - b) | 1;
		}
		if (messenger && c == '@' && i + 4 < n && (i == 0 || !is_word_byte(norm[i - 1]))) {
			size_t e = i + 1;
			while (e < n && (is_word_byte(norm[e]) || norm[e] == '.' || norm[e] == '_'))
				e++;
			if (e - i > 4)
				return (uint32_t)text_hash(norm + i + 1, e - i - 1) | 1;
		}
	}
	return 0;
}

/*
 * A service's notice as systems send them, in any language: a sender's name
 * and a colon first ("Posti:", "TrueMoney:", "LHV:"), one or two words of
 * at most 24 bytes, then no question but an identifier: a code of capitals
 * and digits ("LHV-3350178", "JJFI64511200012345678") or six digits or more.
 */
static bool brand_notice(const char *txt, size_t n)
{
	size_t i = 0, words = 1;
	while (i < n && (txt[i] == ' ' || txt[i] == '\n'))
		i++;
	size_t b = i;
	if (i >= n || !((txt[i] >= 'A' && txt[i] <= 'Z') || (unsigned char)txt[i] >= 0xc0))
		return false;
	while (i < n && txt[i] != ':' && txt[i] != '\n' && i - b <= 24) {
		if (txt[i] == ' ')
			words++;
		i++;
	}
	if (i >= n || txt[i] != ':' || words > 2 || i - b < 2 || i + 1 >= n || txt[i + 1] != ' ' ||
	    memchr(txt, '?', n))
		return false;
	for (size_t k = i + 1; k < n; k++) {
		if (k > 0 && is_word_byte(txt[k - 1]))
			continue;
		size_t e = k, digits = 0, caps = 0;
		while (e < n && (is_digit(txt[e]) || (txt[e] >= 'A' && txt[e] <= 'Z') || txt[e] == '-')) {
			digits += is_digit(txt[e]);
			caps += txt[e] >= 'A' && txt[e] <= 'Z';
			e++;
		}
		if (e < n && is_word_byte(txt[e]))
			continue;
		if ((digits >= 6 && !caps && e - k == digits) || (caps >= 2 && digits >= 4))
			return true;
	}
	return false;
}

/*
 * A discount, as shops announce one in any language: a percentage off (5 to
 * 95, "-60%", "30 %", "40% off") and a code in capitals with digits
 * ("BLACK60", "DIWALI40", "SIVELLIN25"), or a percentage and a link out of
 * the blue ("giảm 30% … https://…"). A person's "I'm 100% sure" is neither.
 */
static bool percent_off(const char *txt, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		if (txt[i] != '%')
			continue;
		size_t e = i;
		if (txt[e - 1] == ' ' && e >= 2)
			e--;
		size_t b = e;
		while (b > 0 && is_digit(txt[b - 1]) && e - b < 3)
			b--;
		if (b == e || (b > 0 && is_digit(txt[b - 1])))
			continue;
		int v = 0;
		for (size_t k = b; k < e; k++)
			v = v * 10 + (txt[k] - '0');
		if (v >= 5 && v <= 95)
			return true;
	}
	return false;
}

static bool discount_code(const char *txt, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!(txt[i] >= 'A' && txt[i] <= 'Z') || (i > 0 && is_word_byte(txt[i - 1])))
			continue;
		size_t e = i;
		while (e < n && txt[e] >= 'A' && txt[e] <= 'Z')
			e++;
		size_t letters = e - i, d = e;
		while (d < n && is_digit(txt[d]))
			d++;
		if (letters >= 3 && d > e && d - e <= 3 && (d == n || !is_word_byte(txt[d])))
			return true;
		i = d;
	}
	return false;
}

/*
 * Returns promised: two amounts of money joined by a few bytes, the second
 * five times the first or more ("my mentor turned my $250 into $3,900",
 * "de 500€ a 5.000€", "$100 → $1,000"), what investment bait promises in
 * every language. A customer's two amounts are apart ("$20 for shipping
 * and $150 for the lamp").
 */
static bool returns_promised(const char *txt, size_t n)
{
	const unsigned char *t = (const unsigned char *)txt;
	double prev = 0;
	size_t prev_end = 0;
	for (size_t i = 0; txt && i < n;) {
		size_t sign = currency_at(t + i, n - i), j = i + sign;
		bool before = sign > 0;
		if (!before && !(t[i] >= '0' && t[i] <= '9' && (i == 0 || !(t[i - 1] >= '0' && t[i - 1] <= '9')))) {
			i++;
			continue;
		}
		double v = 0;
		size_t d = 0;
		while (j < n && ((t[j] >= '0' && t[j] <= '9') ||
				 ((t[j] == ',' || t[j] == '.') && j + 3 < n && t[j + 1] >= '0' &&
				  t[j + 1] <= '9' && t[j + 3] >= '0' && t[j + 3] <= '9' &&
				  !(j + 4 < n && t[j + 4] >= '0' && t[j + 4] <= '9')))) {
			if (t[j] >= '0' && t[j] <= '9')
				v = v * 10 + (t[j] - '0'), d++;
			j++;
		}
		if (!d) {
			i = j > i ? j : i + 1;
			continue;
		}
		if (j < n && (t[j] == 'k' || t[j] == 'K'))
			v *= 1000, j++;
		size_t after = before ? 0 : currency_at(t + j, n - j);
		if (before || after) {
			if (prev > 0 && i - prev_end <= AUTODM_RETURNS_GAP && v >= AUTODM_RETURNS_RATIO * prev)
				return true;
			prev = v;
			prev_end = j + after;
		}
		i = j + after;
	}
	return false;
}

/*
 * A broadcast's headline: the text opens with a pictograph (🔥 🎉 📢 🎲 ⚽ ⭐,
 * U+1F300-1FAFF, U+2600-27BF, U+2B50), then three words or more, one of them
 * a word of capitals or followed by "!", as a campaign's first line is
 * written in every language ("🔥 OFA KALI!", "🛋️ HOT SALE en Muebles",
 * "🎯 Sei stata sfidata a Quiz Italia!"). A friend's "😂 look at this" has
 * neither.
 */
static bool headline(const char *t, size_t n)
{
	size_t i = 0;
	while (i < n && (t[i] == ' ' || t[i] == '\n'))
		i++;
	const unsigned char *u = (const unsigned char *)t + i;
	size_t left = n - i;
	bool pict = (left >= 4 && u[0] == 0xf0 && u[1] == 0x9f && u[2] >= 0x8c && u[2] <= 0xab) ||
		    (left >= 3 && u[0] == 0xe2 && (u[1] == 0x98 || u[1] == 0x99 || u[1] == 0x9a ||
						   u[1] == 0x9b || u[1] == 0x9c || u[1] == 0x9d ||
						   u[1] == 0x9e)) ||
		    (left >= 3 && u[0] == 0xe2 && u[1] == 0xad && u[2] == 0x90);
	/* or a word of five capitals or more first, then "!" or ":" ("PROMOCJA!",
	 * "CONGRATULATIONS!", "ATTENTION:") */
	if (!pict) {
		size_t c = 0;
		while (c < left && u[c] >= 'A' && u[c] <= 'Z')
			c++;
		if (c < 5 || c >= left || (u[c] != '!' && u[c] != ':'))
			return false;
	}
	size_t words = 0, caps_run = 0;
	bool loud = false;
	for (size_t k = i; k < n && k < i + 160; k++) {
		unsigned char c = (unsigned char)t[k];
		if (c == '!' || (k + 2 < n && c == 0xc2 && (unsigned char)t[k + 1] == 0xa1))
			loud = true;
		if (c >= 'A' && c <= 'Z')
			caps_run++;
		else if (c >= 'a' && c <= 'z')
			caps_run = 0;
		else {
			loud |= caps_run >= 3;
			caps_run = 0;
		}
		words += c == ' ' && k + 1 < n && t[k + 1] != ' ';
	}
	loud |= caps_run >= 3;
	return words >= 3 && loud;
}

/* "#TeamFollowBack #SiguemeYTeSigo": the hashtags of a text written for a timeline. */
static size_t hashtags(const char *t, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i + 1 < n; i++)
		if (t[i] == '#' && (i == 0 || t[i - 1] == ' ' || t[i - 1] == '\n') &&
		    (((t[i + 1] | 32) >= 'a' && (t[i + 1] | 32) <= 'z') ||
		     (unsigned char)t[i + 1] >= 0x80))
			k++;
	return k;
}

/* Bytes after the last question mark (? ？ ؟) of txt, or -1 when it asks nothing. */
static long after_question(const char *txt, size_t tlen)
{
	long after = -1;
	for (size_t i = 0; txt && i < tlen; i++) {
		unsigned char c = (unsigned char)txt[i];
		if (c == '?')
			after = (long)(tlen - i - 1);
		else if (c == 0xef && i + 2 < tlen && (unsigned char)txt[i + 1] == 0xbc &&
			 (unsigned char)txt[i + 2] == 0x9f)
			after = (long)(tlen - i - 3);
		else if (c == 0xd8 && i + 1 < tlen && (unsigned char)txt[i + 1] == 0x9f)
			after = (long)(tlen - i - 2);
	}
	return after;
}

/* Is some word of family f among the hits h in normalized t[0..n) a whole
 * word ("vous", not that of "rendez-vous"), one of `only` when given, none
 * of `but`? */
static bool whole_word(const struct lex_hits *h, const char *t, size_t n, enum lex_family f,
		       const char *const *only, const char *const *but)
{
	size_t from = 0, a, b;
	while (lex_hits_find(h, f, from, &a, &b)) {
		bool whole = (a == 0 || t[a - 1] == ' ') && (b == n || t[b] == ' ' || t[b] == '\'');
		bool listed = !only;
		for (size_t k = 0; !listed && only[k]; k++)
			listed = strlen(only[k]) == b - a && !memcmp(t + a, only[k], b - a);
		for (size_t k = 0; whole && but && but[k]; k++)
			whole = strlen(but[k]) != b - a || memcmp(t + a, but[k], b - a);
		if (whole && listed)
			return true;
		from = b;
	}
	return false;
}

/*
 * A customer's words: a question that ends the text ("Har ni öppet på
 * onsdag?", "¿a qué hora abren? 🙏"), or the writer's own affairs in the
 * first person singular, the reader not named ("I booked a flu shot but…",
 * "je dois annuler mon rendez-vous"). Customers of one business ask the
 * same things in the same words; a campaign's question opens its pitch
 * ("Want more reach? We deliver…"), it speaks as "we", and of the reader
 * ("I would like to tell you about an opportunity for your family").
 */
static bool customer_words(const char *txt, size_t tlen, const struct buf *norm,
			   struct lex_hits *h)
{
	/* the writer's words of tone-self.tsv that speak for a group */
	static const char *const plural[] = { "we", "us", "wir", "uns", "nous", "nosotros",
					      "wij", "kami", "hum", NULL };
	if (!norm->s)
		return false;
	lex_hits_scan(h, norm->s, norm->len, (1ull << LEX_TONE_SELF) | (1ull << LEX_TONE_YOU));
	if (whole_word(h, norm->s, norm->len, LEX_TONE_SELF, plural, NULL))
		return false;   /* "We are a team of 120+ developers … Can we schedule a call?" */
	long after = after_question(txt, tlen);
	if (after >= 0 && after <= AUTODM_QUESTION_TAIL)
		return true;
	if (whole_word(h, norm->s, norm->len, LEX_TONE_YOU, NULL, NULL))
		return false;
	/* English "I", capital as written ("i" is "and" in Polish, "in" in
	 * Swedish; "I går" opens a Swedish text) */
	for (size_t i = 0; txt && i < tlen; i++) {
		if (txt[i] != 'I' || (i > 0 && txt[i - 1] != ' '))
			continue;
		bool apos = (i + 1 < tlen && txt[i + 1] == '\'') ||
			    (i + 4 <= tlen && !memcmp(txt + i + 1, "\xe2\x80\x99", 3));
		if (apos || (i > 0 && i + 1 < tlen && txt[i + 1] == ' '))
			return true;   /* "I booked", "I'm", "I’ve" */
	}
	return whole_word(h, norm->s, norm->len, LEX_TONE_SELF, NULL, plural);
}

/* Does the owner's reply hand over a one-time code, a password or a card number? */
static bool gives_secret(const char *txt, size_t tlen)
{
	struct pii_match m[8];
	size_t n = txt ? pii_scan(txt, tlen, m, sizeof(m) / sizeof(m[0])) : 0;
	for (size_t i = 0; i < n; i++)
		if (m[i].type == PII_CREDENTIAL || m[i].type == PII_PAYMENT_CARD)
			return true;
	return false;
}

int am_load(struct report_ctx *ctx, struct am *a, struct err *err)
{
	sqlite3_stmt *st = NULL, *names = NULL;
	struct buf conv = BUF_INIT, norm = BUF_INIT, slotted = BUF_INIT, nb = BUF_INIT;
	struct buf last_owner = BUF_INIT, full_name = BUF_INIT;
	struct lex_hits hits = LEX_HITS_INIT, persons = LEX_HITS_INIT;   /* persons: customer_words */
	size_t offs[16], nnames = 0, owner_names = 0;
	const char *namev[16];
	bool cp_written = false, owner_written = false, owner_replied = false;
	bool cp_opened = false;       /* the other side wrote the conversation's first message */
	int64_t cp_at = -1;           /* when the other side's last message came, none of the owner's since */
	unsigned owner_replies = 0;   /* the owner's replies in it so far */
	bool asked_secret = false;    /* since the owner's last, the other side named a code,
				       * a password or a card */
	int64_t owner_at = -1;   /* time of the conversation's last message when the owner sent it */
	int rc = -1;

	if (load_follow(ctx, "following", &a->following, &a->nfollowing, err) ||
	    load_follow(ctx, "follower", &a->followers, &a->nfollowers, err))
		goto out;
	if (store_prepare(ctx->store, "SELECT handle, name FROM account WHERE id = ?", &names, err))
		goto out;
	am_add_names(ctx, names, ctx->owner, &nb, offs, &owner_names);
	/* the owner's full name, as a mail merge fills it: "Dear Keith Frankish" */
	for (size_t i = 0; i < owner_names; i++) {
		const char *nm = nb.s + offs[i];
		if (strchr(nm, ' ') && strlen(nm) >= 6 && !full_name.len)
			buf_adds(&full_name, nm);
	}
	tmpl_get(a, 0, 0);   /* template 0 stands for texts never compared */
	if (store_prepare(ctx->store,
			  /* conversations outside, their messages by index inside: half
			   * the work of looking up each message's conversation */
			  "SELECT m.id, m.conversation_id, m.sender_id, m.created_at, m.text, m.kind,"
			  " c.counterpart_id, CASE WHEN m.url_count > 0 THEN"
			  " (SELECT group_concat(coalesce(u.expanded, u.url), ' ')"
			  " FROM message_url u WHERE u.message_id = m.id) END"
			  " FROM conversation c CROSS JOIN message m ON m.conversation_id = c.id"
			  " WHERE c.kind = 'dm' AND c.counterpart_id IS NOT NULL"
			  " AND c.counterpart_id <> ?1"
			  " ORDER BY c.id, m.created_at, m.id", &st, err))
		goto out;
	sqlite3_bind_int64(st, 1, ctx->owner);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const char *cid = (const char *)sqlite3_column_text(st, 1);
		int64_t sender = sqlite3_column_int64(st, 2);
		const char *txt = (const char *)sqlite3_column_text(st, 4);
		size_t tlen = (size_t)sqlite3_column_bytes(st, 4);
		const char *kind = (const char *)sqlite3_column_text(st, 5);
		int64_t cp = sqlite3_column_int64(st, 6);
		const char *urls = (const char *)sqlite3_column_text(st, 7);

		if (!cid || strcmp(cid, conv.s)) {   /* a new conversation */
			if (a->nc)
				spill_end(&a->msgs);
			buf_reset(&conv);
			buf_adds(&conv, cid ? cid : "");
			ALLOC_GROW(a->c, a->nc + 1, a->ac);
			a->c[a->nc].cp = cp;
			a->c[a->nc].first = (uint32_t)a->nm;
			a->c[a->nc].n = 0;
			a->nc++;
			cp_written = owner_written = owner_replied = false;
			cp_opened = asked_secret = false;
			cp_at = -1;
			owner_replies = 0;
			owner_at = -1;
			buf_reset(&last_owner);
			buf_setlen(&nb, owner_names ? offs[owner_names - 1] +
				   strlen(nb.s + offs[owner_names - 1]) + 1 : 0);
			nnames = owner_names;
			am_add_names(ctx, names, cp, &nb, offs, &nnames);
			for (size_t i = 0; i < nnames; i++)
				namev[i] = nb.s + offs[i];
		}
		bool owner = sender == ctx->owner;
		bool opening = owner ? !cp_written : !owner_written;
		if (!owner && !owner_written && !cp_written)
			cp_opened = true;
		int64_t at = sqlite3_column_int64(st, 3);
		int64_t after_owner = owner_at;   /* when the owner's message before this one came */
		int64_t after_own = cp_at;        /* … the sender's own, the owner silent since */
		owner_at = owner ? at : -1;
		cp_at = owner ? -1 : at;
		if (owner)
			owner_written = true;
		else
			cp_written = true;

		if (owner) {
			/* a bot that answers commands repeats them: keep the last one, as written */
			buf_reset(&last_owner);
			buf_add(&last_owner, txt ? txt : "", txt ? tlen : 0);
		}
		uint64_t reply_fl = 0;
		if (owner && !opening) {
			/* the owner's replies are only counted, never compared; the
			 * first one is read for a "no thanks"; one with a link is read
			 * whole, for an app's invitation dropped into many chats */
			reply_fl = M_OWNER;
			if (!owner_replied && declines(txt, tlen, &norm, &hits))
				reply_fl |= M_DECLINE;
			if (cp_opened && owner_replies++ < AUTODM_PHISH_REPLIES && asked_secret &&
			    gives_secret(txt, tlen))
				reply_fl |= M_GAVE_SECRET;
			asked_secret = false;
			owner_replied = true;
			if (!urls || !*urls) {
				add_msg(a, &(struct am_msg){ .id = id, .at = at, .flags = reply_fl });
				continue;
			}
		}
		buf_reset(&norm);
		buf_reset(&slotted);
		text_normalize(txt ? txt : "", txt ? tlen : 0, &norm);
		struct text_slots f;
		/* merge fields name the recipient; bots also sign with the sender's name */
		if (owner)
			text_slot(norm.s, namev + owner_names, nnames - owner_names, &slotted, &f);
		else
			text_slot(norm.s, namev, nnames, &slotted, &f);
		size_t ntok = text_tokens(slotted.s);
		uint32_t ti = tmpl_get(a, text_hash(slotted.s, slotted.len), id);
		struct am_tmpl *t = &a->t[ti];
		if ((opening || owner) && !t->text) {
			t->text = xstrdup(slotted.s);
			if (ntok >= AUTODM_MIN_TOKENS) {
				ALLOC_GROW(a->sigs, (a->ns + 1) * TEXT_MINHASH_K, a->as);
				a->sig_tmpl = xrealloc(a->sig_tmpl, (a->ns + 1) * sizeof(uint32_t));
				text_minhash(slotted.s, a->sigs + a->ns * TEXT_MINHASH_K);
				a->sig_tmpl[a->ns] = ti;
				t->sig = (uint32_t)a->ns++;
			}
		}
		lex_hits_scan(&hits, norm.s, norm.len, AUTODM_FAMILIES | AUTODM_WORD_LISTS);
		if (!owner && cp_opened && owner_replies < AUTODM_PHISH_REPLIES &&
		    lex_scan(norm.s, norm.len, SECRET_WORDS))
			asked_secret = true;
		uint64_t fl = link_flags(urls, &f, ntok, norm.s) | lexicon_flags(&hits);
		if (!owner && messenger_id(norm.s, norm.len, &hits))
			fl |= M_CONTACT;
		if ((fl & M_FORMULA) && !formula(norm.s, &hits))
			fl &= ~(uint64_t)M_FORMULA;
		if (!owner && (thanks_follow(norm.s, &hits) || thanks_follow_native(norm.s, &hits)))
			fl |= M_FORMULA;
		if (!owner && signed_by_app(norm.s, norm.len, &hits,
					    txt ? last_line_words(txt, tlen) : 0))
			fl |= M_FOOTER;
		if (!owner && opening && returns_promised(txt, tlen))
			fl |= M_SCAM;
		if (!owner && opening && intl_phone(txt, tlen))
			fl |= M_INTL_PHONE;
		if (!owner && hours_range(norm.s))
			fl |= M_HOURS;
		if (!owner && opening && priced(norm.s))
			fl |= M_PRICED;
		if (!owner && txt && brand_notice(txt, tlen))
			fl |= M_NOTICE;
		if (!owner && txt && percent_off(txt, tlen) &&
		    (discount_code(txt, tlen) || (opening && f.url)))
			fl |= M_PROMO;
		if (!owner && opening && txt && reply_keyword(txt, tlen))
			fl |= M_KEYWORD;
		if (!owner && notice_header(norm.s, &hits))
			fl |= M_HEADER;
		if (!owner && txt && last_owner.len >= AUTODM_ECHO_BYTES && tlen > last_owner.len &&
		    memmem(txt, tlen, last_owner.s, last_owner.len))
			fl |= M_ECHO;
		if (!owner && opening && full_name.len) {
			const char *nm = strstr(norm.s, full_name.s);
			if (nm && nm - norm.s <= AUTODM_MERGE_WITHIN)
				fl |= M_MERGE;
		}
		if (!owner && after_owner >= 0 && faster_than_typing(&slotted, at - after_owner))
			fl |= M_FAST;
		if (!owner && opening && txt && hashtags(txt, tlen) >= AUTODM_HASHTAGS)
			fl |= M_HASHTAGS;
		if (!owner && opening && txt && headline(txt, tlen))
			fl |= M_HEADLINE;
		/* "You won a prize 🎉", and two seconds later "claim it on WhatsApp +63…" */
		if (!owner && opening && after_own >= 0 && pasted(&slotted, at - after_own))
			fl |= M_PASTED;
		if (!owner && opening && customer_words(txt, tlen, &norm, &persons))
			fl |= M_ASKS;
		if (!owner && after_question(txt, tlen) >= 0)
			fl |= M_QUESTION;
		if (!owner && f.num)
			fl |= M_NUMBERED;
		if (owner)
			fl |= M_OWNER | reply_fl;
		if (opening)
			fl |= M_OPENING;
		if (kind && !strcmp(kind, "welcome"))
			fl |= M_WELCOME;
		if (f.user || f.email)
			fl |= M_RICH;
		size_t slots = f.url + f.email + f.user + f.num + f.name;
		if (ntok >= AUTODM_MIN_TOKENS)
			fl |= M_TOKENS;
		if (ntok >= AUTODM_MIN_TOKENS + slots)
			fl |= M_WORDY;
		if (ntok >= AUTODM_LONG_WORDS + slots)
			fl |= M_LONG;
		if (ntok >= AUTODM_PAIR_WORDS + slots)
			fl |= M_PAIR;
		if (ntok >= AUTODM_LETTER_WORDS + slots && !f.url && !f.user && !f.email)
			fl |= M_LETTER;
		/* "Please follow: @someone", "check out my channel {url}": nothing but the pitch */
		if ((fl & M_PROMO) && (f.url || f.user) && ntok <= AUTODM_BARE_PITCH_WORDS + slots)
			fl |= M_BARE_PITCH;
		uint32_t contact = owner || opening ? contact_key(norm.s, norm.len, fl & M_CONTACT) : 0;
		add_msg(a, &(struct am_msg){ .id = id, .at = at, .tmpl = ti, .flags = fl,
					     .contact = contact });
	}
	if (step != SQLITE_DONE) {
		store_fail(ctx->store, err, "reading messages");
		goto out;
	}
	if (a->nc) {
		spill_end(&a->msgs);
		a->c = xrealloc(a->c, a->nc * sizeof(*a->c));   /* kept to the end: no slack */
		a->ac = a->nc;
	}
	order_by_cp(a);
	rc = 0;
out:
	sqlite3_finalize(st);
	sqlite3_finalize(names);
	buf_release(&conv);
	buf_release(&norm);
	buf_release(&slotted);
	buf_release(&nb);
	buf_release(&last_owner);
	buf_release(&full_name);
	lex_hits_release(&hits);
	lex_hits_release(&persons);
	return rc;
}

void am_release(struct am *a)
{
	for (size_t i = 0; i < a->nt; i++) {
		free(a->t[i].text);
		free(a->t[i].shown);
	}
	spill_release(&a->msgs);
	free(a->c);
	free(a->by_cp);
	free(a->in_senders);
	free(a->in_linkers);
	free(a->recipients);
	free(a->recipients_following);
	free(a->t);
	u64map_release(&a->map);
	u64map_release(&a->contacts);
	free(a->sigs);
	free(a->sig_tmpl);
	free(a->following);
	free(a->followers);
}

