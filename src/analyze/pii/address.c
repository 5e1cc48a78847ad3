/*
 * address: street addresses of several countries: "12 Baker Lane" (number,
 * capitalised name, street word), "12 rue des Lilas" and "Calle Mayor 12"
 * (a street word before the name), "Hauptstraße 5" and "Keizersgracht 123"
 * (compounds), then the rest of the line: city, state, postcode.
 */
#include "pii_check.h"
#include "pii_words.h"
#include "scan.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

bool scan_capitalised(const struct scan *s, size_t p)
{
	if (p >= s->len)
		return false;
	unsigned char c = (unsigned char)s->t[p];
	unsigned char c1 = p + 1 < s->len ? (unsigned char)s->t[p + 1] : 0;
	/* UTF-8 capitals: Latin À-Þ (C3 80-9E), Greek Ά-Ω (CE 86-AB), Cyrillic Ѐ-Я
	 * (D0 80-AF); a lead byte at the end is none */
	if (c < 0x80)
		return is_upper(c);
	if ((c == 0xc4 || c == 0xc5) && c1 >= 0x80 && c1 < 0xc0) {
		/* Latin Extended-A (Ą Č Ł Ő Š Ž …): capitals at even code points,
		 * at odd ones from Ĺ to Ň and from Ź to Ž */
		unsigned cp = ((c & 0x1fu) << 6) | (c1 & 0x3fu);
		if (cp == 0x178)
			return true;
		bool odd = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17e);
		return cp != 0x138 && cp != 0x149 && (cp & 1) == odd;
	}
	if (c == 0xc8 && (c1 == 0x98 || c1 == 0x9a))
		return true;   /* Ș Ț */
	return is_upper(c) || (c == 0xc3 && c1 >= 0x80 && c1 < 0x9f) ||
	       (c == 0xce && c1 >= 0x86 && c1 <= 0xab) || (c == 0xd0 && c1 >= 0x80 && c1 <= 0xaf);
}

/* Keywords of values other than an address: where an address line ends. */
#define OTHER_VALUE (CTX_PHONE | CTX_NATID | CTX_ACCOUNT | CTX_REF | CTX_SECRET | CTX_CODE | \
		     CTX_DOB | CTX_CARD | CTX_USER)

/* After a street: the rest of the address line (", Leeds LS6 2AB"). Stops at
 * a lower-case word, the end of a sentence or a line, or after 8 chunks. */
size_t addr_extend(const struct scan *s, size_t pos)
{
	size_t end = pos, q = pos;
	for (int k = 0; k < 8; k++) {
		if (q < s->len && s->t[q] == ',')
			q++;
		while (q < s->len && (s->t[q] == ' ' || s->t[q] == '\t'))
			q++;
		if (q >= s->len || is_blank((unsigned char)s->t[q]))
			break;
		size_t ce = scan_chunk_end(s, q), core = scan_trim_end(s->t, q, ce);
		if (core == q)
			break;
		unsigned char c = (unsigned char)s->t[q];
		if (is_digit(c)) {
			/* "…, Surulere, 0813 684 1390": a phone after the address ends it */
			size_t d = 0;
			for (size_t i = q; i < s->len && (is_digit((unsigned char)s->t[i]) ||
				((s->t[i] == ' ' || s->t[i] == '-' || s->t[i] == '.') && i + 1 < s->len &&
				 is_digit((unsigned char)s->t[i + 1]))); i++)
				d += is_digit((unsigned char)s->t[i]);
			if (d >= 8)
				break;
		}
		bool ok = is_digit(c) || scan_capitalised(s, q);
		if (!ok && is_alpha(c))
			ok = (scan_word_class(s->t, q, core, ce) & CTX_ADDRLINK) != 0;
		/* "…, 50968 Köln, Tel. 0221 3460927": a keyword of another kind ends it */
		else if (ok && !is_digit(c) && (scan_word_class(s->t, q, core, ce) & OTHER_VALUE))
			ok = false;
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

/* Words that a count ("5 miles down the road") puts between a number and a
 * street word, and no street's name holds. */
static bool not_a_name(const char *w, size_t n)
{
	static const char *const stop[] = {
		"the", "a", "an", "to", "of", "in", "on", "at", "for", "from", "my", "your", "his",
		"her", "our", "their", "this", "that", "down", "up", "and", "or", "by", "with",
		"more", "less", "min", "mins", "minutes", "miles", "km", "hours", "days", "weeks",
		"years", "times", "people", "is", "are", "was", "off", "other", "way", "lane",
	};
	for (size_t i = 0; i < sizeof(stop) / sizeof(stop[0]); i++)
		if (strlen(stop[i]) == n && !strncasecmp(stop[i], w, n))
			return true;
	return false;
}

/* What may follow a street written in lower case: the end of the line or
 * text, a comma or full stop, an apartment, a direction, or a ZIP code. */
static bool street_tail(const struct scan *s, size_t e)
{
	const char *t = s->t;
	if (e >= s->len || t[e] == '\n' || t[e] == ',' || t[e] == '.' || t[e] == ';')
		return true;
	size_t ws, we;
	if (!scan_next_word(s, e, &ws, &we))
		return false;
	static const char *const after[] = { "apt", "ste", "suite", "unit", "north", "south", "east",
					     "west", "ne", "nw", "se", "sw" };
	for (size_t i = 0; i < sizeof(after) / sizeof(after[0]); i++)
		if (strlen(after[i]) == we - ws && !strncasecmp(after[i], t + ws, we - ws))
			return true;
	/* a five-digit ZIP code within the line's next few words */
	for (size_t q = e, run = 0; q < s->len && q < e + 48 && t[q] != '\n'; q++) {
		run = is_digit((unsigned char)t[q]) ? run + 1 : 0;
		if (run == 5 && (q + 1 == s->len || !is_digit((unsigned char)t[q + 1])) &&
		    !is_digit((unsigned char)t[q - 5]))
			return true;
	}
	return false;
}

/* An ordinal as a street's name: 11th, 2nd, 3rd, 1st. */
static size_t ordinal_end(const struct scan *s, size_t q)
{
	size_t e = q;
	while (e < s->len && is_digit((unsigned char)s->t[e]) && e - q < 4)
		e++;
	if (e == q || e + 2 > s->len)
		return 0;
	char a = lower(s->t[e]), b = lower(s->t[e + 1]);
	if (!((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
	      (a == 't' && b == 'h')))
		return 0;
	e += 2;
	return e < s->len && is_alpha((unsigned char)s->t[e]) ? 0 : e;
}

/* A house number at [p, e): is a street name next ("12 Oak Street", "12 rue des
 * Lilas", "229 high st apt 3")? Returns the end of the address, or 0. */
size_t addr_after_number(const struct scan *s, size_t e)
{
	size_t ws, we, pos = e;
	bool lower_name = false;
	int caps_after_lower = 0;   /* "east India row" has one */
	/* "12, Assi Ghat Road": India's comma after the house number, which
	 * starts its line */
	size_t hb = e;
	while (hb > 0 && (is_alnum((unsigned char)s->t[hb - 1]) || s->t[hb - 1] == '/' ||
			  s->t[hb - 1] == '-'))
		hb--;
	if (pos + 2 < s->len && s->t[pos] == ',' && s->t[pos + 1] == ' ' && scan_capitalised(s, pos + 2) &&
	    (hb == 0 || s->t[hb - 1] == '\n'))
		pos++;
	for (int k = 0; k < 5; k++) {
		if (pos < s->len && s->t[pos] == '.' && k > 0)
			pos++;   /* "937 E. Main Street" */
		size_t oe = pos + 1 < s->len && s->t[pos] == ' ' ? ordinal_end(s, pos + 1) : 0;
		if (oe && k < 4) {
			pos = oe;
			continue;
		}
		if (!scan_next_word(s, pos, &ws, &we))
			return 0;
		/* "123 Nguyễn Thị Minh Khai, Phường Bến Thành, Quận 1": a street
		 * named without its word, then a ward or district named by its own */
		if (k > 0 && !lower_name && s->t[pos] == ',' && ws == pos + 2 &&
		    (scan_word_class(s->t, ws, we, scan_chunk_end(s, ws)) & CTX_ADDRMARK))
			return addr_extend(s, pos);
		if (ws != pos + 1 || s->t[pos] != ' ')
			return 0;   /* one plain space between the parts of a street */
		unsigned c = scan_word_class(s->t, ws, we, scan_chunk_end(s, ws));
		/* "14 Kloofstraat", "3 Storgatan": the number before a street's compound */
		if (k == 0 && !(c & ~(unsigned)CTX_STREET) && we - ws >= 6 && we - ws < 40 &&
		    scan_capitalised(s, ws)) {
			char w[40];
			size_t wn = scan_fold(s->t, ws, we, w, sizeof(w) - 1);
			if (wn && pii_street_compound(w, wn))
				return addr_extend(s, we);
		}
		if (k == 0 && (c & CTX_STREETPRE)) {
			size_t w2s, w2e;
			if (scan_next_word(s, we, &w2s, &w2e))
				return addr_extend(s, w2e);
			return 0;
		}
		if (k > 0 && (c & CTX_STREET)) {
			size_t end = we;
			if (lower_name && !street_tail(s, end))
				return 0;
			if (end < s->len && s->t[end] == '.')
				end++;
			return addr_extend(s, end);
		}
		if (!scan_capitalised(s, ws)) {
			/* a name in lower case, when what follows the street word confirms it */
			if (!is_alpha((unsigned char)s->t[ws]) || not_a_name(s->t + ws, we - ws) ||
			    (c & ~(unsigned)CTX_STREETPRE))
				return 0;
			lower_name = true;
		} else if (lower_name && ++caps_after_lower > 1) {
			return 0;   /* "2024 ersticht Dominik Sobota den Dr.": prose, not a name */
		}
		pos = we;
	}
	return 0;
}

/* Does a letter of a script without capitals start at t[q] (Hebrew, Arabic,
 * Devanagari, Thai, kana, Han, Hangul)? A name there shows no capital. */
static bool caseless_letter(const struct scan *s, size_t q)
{
	if (q >= s->len)
		return false;
	unsigned char c = (unsigned char)s->t[q];
	return (c >= 0xd6 && c <= 0xdf) || c == 0xe0 || (c >= 0xe3 && c <= 0xed);
}

/* A capitalised word (Latin, Greek or Cyrillic) or one of a script without
 * case ending just before p, the name of a street written without a street
 * word ("Kavalas 10, …"), or abbreviated ("Venloer Str. 412, …")? */
static bool name_before(const struct scan *s, size_t p)
{
	if (p < 3 || s->t[p - 1] != ' ')
		return false;
	size_t q = p - 1;
	if (s->t[q - 1] == '.')
		q--;
	size_t end = q;
	while (q > 0 && (is_alpha((unsigned char)s->t[q - 1]) || (unsigned char)s->t[q - 1] >= 0x80))
		q--;
	return q < end && (scan_capitalised(s, q) || caseless_letter(s, q));
}

/*
 * A flat or floor between the house number at q and the postcode: ", 6 tr /",
 * " lgh 1602,", ", 3ος όροφος,", " as. 15 /": one to three short words, one
 * with digits, ended by a comma or a slash. Where the next piece starts
 * (at its comma or past its slash), or q when there is none.
 */
static size_t unit_after(const struct scan *s, size_t q)
{
	const char *t = s->t;
	size_t b = q;
	if (b < s->len && t[b] == ',')
		b++;
	bool digits = false;
	for (int words = 0; words < 3; words++) {
		if (b >= s->len || t[b] != ' ')
			return q;
		size_t w = ++b;
		while (b < s->len && t[b] != ' ' && t[b] != ',' && t[b] != '/' && t[b] != '\n')
			b++;
		if (b == w || b - w > 12)
			return q;
		for (size_t i = w; i < b; i++)
			digits |= is_digit((unsigned char)t[i]);
		if (b < s->len && t[b] == ',')
			return digits ? b : q;
		if (b + 1 < s->len && t[b] == ' ' && t[b + 1] == '/')
			return digits ? b + 2 : q;
	}
	return q;
}

/* "utca 12, Szeged 6720": the town, then its four-digit postcode ending the
 * phrase, as Hungary also writes it: their end, or 0. */
static size_t town_postcode_at(const struct scan *s, size_t q)
{
	const char *t = s->t;
	/* only after a street's word: "India 245, England 3021" are scores */
	if (ago(s, CTX_STREET) > 1 || !scan_capitalised(s, q))
		return 0;
	size_t e = scan_chunk_end(s, q);
	for (size_t k = q; k < e; k++)
		if (!is_alpha((unsigned char)t[k]) && (unsigned char)t[k] < 0x80 && t[k] != '-')
			return 0;
	if (e + 5 > s->len || t[e] != ' ')
		return 0;
	size_t d = e + 1, n = d;
	while (n < s->len && is_digit((unsigned char)t[n]))
		n++;
	if (n - d != 4 || !memcmp(t + d, "19", 2) || !memcmp(t + d, "20", 2))
		return 0;
	return n == s->len || strchr(".,;!\n\r)", t[n]) ? n : 0;
}

/* The postcode and capitalised town from q (past a comma and line breaks):
 * their end, or 0. */
static size_t postcode_town_at(const struct scan *s, size_t q)
{
	const char *t = s->t;
	if (q < s->len && t[q] == ',')
		q++;
	for (int nl = 0; q < s->len && (t[q] == ' ' || t[q] == '\n' || t[q] == '\r'); q++)
		if (t[q] == '\n' && ++nl > 2)
			return 0;
	size_t d = q;
	while (q < s->len && is_digit((unsigned char)t[q]))
		q++;
	size_t nd = q - d;
	if (!nd)
		return town_postcode_at(s, q);
	if (nd == 3 && q + 3 < s->len && t[q] == ' ' && is_digit((unsigned char)t[q + 1]) &&
	    is_digit((unsigned char)t[q + 2]) && !is_digit((unsigned char)t[q + 3])) {
		q += 3;
		nd = 5;
	}
	/* "3511 AX": the Dutch postcode's two letters; "00-950": the Polish form */
	if (nd == 4 && q + 3 < s->len && t[q] == ' ' && is_upper((unsigned char)t[q + 1]) &&
	    is_upper((unsigned char)t[q + 2]) && !is_alnum((unsigned char)t[q + 3]))
		q += 3;
	else if (nd == 2 && q + 4 < s->len && t[q] == '-' && is_digit((unsigned char)t[q + 1]) &&
		 is_digit((unsigned char)t[q + 2]) && is_digit((unsigned char)t[q + 3]) &&
		 !is_alnum((unsigned char)t[q + 4])) {
		q += 4;
		nd = 5;
	}
	if (nd < 4 || nd > 5 || (q < s->len && is_alnum((unsigned char)t[q])))
		return 0;
	if (nd == 4 && (!memcmp(t + d, "19", 2) || !memcmp(t + d, "20", 2)))
		return 0;   /* "Version 10, 2019, Windows": a year, not a postcode */
	if (q < s->len && t[q] == ',')
		q++;
	while (q < s->len && (t[q] == ' ' || t[q] == '\n' || t[q] == '\r'))
		q++;
	if (!scan_capitalised(s, q) && !caseless_letter(s, q))
		return 0;
	size_t ce = scan_chunk_end(s, q);
	return scan_trim_end(t, q, ce);
}

/* "Kavalas 10, 71307, Heraklion", "Χρήστου Λαδά 6\n105 61 Αθήνα": a name, a
 * house number [p, e), then on the same or the next lines a postcode (4-5
 * digits, 3 and 2, 4 and two capitals "3511 AX", 2-3 "00-950") and a
 * capitalised town. A building after the house number ("1511/230") and a
 * short suffix ("118 bis") go with it. Returns the end, or 0. */
size_t addr_postcode_town(const struct scan *s, size_t p, size_t e)
{
	const char *t = s->t;
	size_t q = e;
	/* "Tegnérgatan 14B": a letter of the house number */
	if (q < s->len && is_alpha((unsigned char)t[q]) &&
	    !(q + 1 < s->len && is_alnum((unsigned char)t[q + 1])))
		q++;
	/* "Prinsengracht 39-hs", "Rüütli 116-2": a floor or flat after a hyphen */
	if (q + 1 < s->len && t[q] == '-' && is_alnum((unsigned char)t[q + 1])) {
		size_t b = q + 1;
		while (b < s->len && is_alnum((unsigned char)t[b]) && b - q <= 4)
			b++;
		if (b - q <= 4 && !(b < s->len && is_alnum((unsigned char)t[b])))
			q = b;
	}
	/* the street's name, or its word in lower case: "Hatanpään valtatie 77", "Telliskivi tn 124" */
	if (e - p > 4 || !(name_before(s, p) || ago(s, CTX_STREET) == 1))
		return 0;
	for (int part = 0; part < 2 && q + 1 < s->len && t[q] == '/' && is_digit((unsigned char)t[q + 1]);
	     part++) {
		size_t b = q + 1;
		while (b < s->len && is_digit((unsigned char)t[b]) && b - q <= 4)
			b++;
		q = b;
	}
	/* "118 bis", "12 a": a suffix of the house number, lower case, before the comma */
	if (q + 2 < s->len && t[q] == ' ' && is_alpha((unsigned char)t[q + 1]) && !is_upper((unsigned char)t[q + 1])) {
		size_t b = q + 1;
		while (b < s->len && is_alpha((unsigned char)t[b]))
			b++;
		if (b - q - 1 <= 3 && b < s->len && t[b] == ',')
			q = b;
	}
	size_t u = unit_after(s, q), a = u != q ? postcode_town_at(s, u) : 0;
	return a ? a : postcode_town_at(s, q);
}

/*
 * "6720 Szeged, Teréz krt. 12", "1056 Budapest, Váci út 45": the postcode
 * and town first, then the street's name, its word (the caller saw it just
 * before the house number [p, e)) and the number, as Hungary writes it.
 * Sets *start to the postcode and returns the end, or 0.
 */
size_t addr_town_first(const struct scan *s, size_t p, size_t e, size_t *start)
{
	const char *t = s->t;
	size_t q = p, names = 0;
	/* back over the street's word and up to three capitalised names */
	for (int words = 0; words < 5; words++) {
		if (q < 2 || t[q - 1] != ' ')
			return 0;
		if (t[q - 2] == ',')
			break;
		size_t w = q - 1;
		while (w > 0 && !is_blank((unsigned char)t[w - 1]))
			w--;
		if (w == q - 1)
			return 0;
		names += words > 0 && scan_capitalised(s, w);
		q = w;
	}
	if (!names || q < 2 || t[q - 2] != ',')
		return 0;
	size_t town_end = q - 2, w = town_end;
	while (w > 0 && !is_blank((unsigned char)t[w - 1]))
		w--;
	if (w == town_end || !scan_capitalised(s, w) || w < 5 || t[w - 1] != ' ')
		return 0;
	size_t d = w - 1;
	while (d > 0 && is_digit((unsigned char)t[d - 1]))
		d--;
	size_t nd = w - 1 - d;
	if (nd < 4 || nd > 5 || (d > 0 && !is_blank((unsigned char)t[d - 1]) && t[d - 1] != ':'))
		return 0;
	/* where an address starts: the text's or a line's start, a colon, or
	 * after an address word ("scored 3421 Points, Main Street 5" is none) */
	size_t b = d;
	while (b > 0 && t[b - 1] == ' ')
		b--;
	if (b > 0 && t[b - 1] != '\n' && t[b - 1] != ':' && ago(s, CTX_ADDRESS) > 8)
		return 0;
	if (nd == 4 && (!memcmp(t + d, "19", 2) || !memcmp(t + d, "20", 2)))
		return 0;
	size_t h = e;
	if (h < s->len && is_alpha((unsigned char)t[h]) && !(h + 1 < s->len && is_alnum((unsigned char)t[h + 1])))
		h++;
	for (int part = 0; part < 2 && h + 1 < s->len && t[h] == '/' && is_digit((unsigned char)t[h + 1]); part++)
		for (h++; h < s->len && is_digit((unsigned char)t[h]); h++)
			;
	if (h < s->len && is_alnum((unsigned char)t[h]))
		return 0;
	*start = d;
	return h;
}

/* Does the town ending at t[town] end the line or go on as a name ("Praha 3",
 * "Ramat Gan")? "Game 3, 12000 Fans watched" is prose. */
bool addr_town_ends(const struct scan *s, size_t town)
{
	const char *t = s->t;
	size_t w = town;
	while (w < s->len && t[w] == ' ')
		w++;
	return w == town || w >= s->len || is_digit((unsigned char)t[w]) || scan_capitalised(s, w) ||
	       caseless_letter(s, w) || strchr(",.;!?()\n", t[w]);
}

/*
 * Turkey's house number after its street word: "Turnacıbaşı Cad. No:9 D:2",
 * "Kumbaracı Yokuşu No: 41" (the caller saw the street word just before).
 * [p, e) are the digits; "No:" or "No." must come right before them. The
 * door ("D:2", "Daire 4") and the rest of the line go with it. Returns the
 * end, or 0.
 */
size_t addr_marked_number(const struct scan *s, size_t p, size_t e)
{
	const char *t = s->t;
	size_t m = p;
	if (m > 0 && t[m - 1] == ' ')
		m--;
	if (m < 3 || (t[m - 1] != ':' && t[m - 1] != '.') || strncasecmp(t + m - 3, "no", 2) ||
	    (m > 3 && t[m - 4] != ' '))
		return 0;
	size_t q = e;
	if (q + 3 < s->len && t[q] == ' ' && (t[q + 1] == 'D' || t[q + 1] == 'd') &&
	    t[q + 2] == ':' && is_digit((unsigned char)t[q + 3])) {
		q += 3;
		while (q < s->len && is_digit((unsigned char)t[q]))
			q++;
	}
	if (q < s->len && !is_blank((unsigned char)t[q]) && t[q] != ',' && t[q] != '.')
		return 0;
	size_t x = addr_extend(s, q);
	return x > q ? x : q;
}

/* Units of an address in scripts without spaces before its numbers:
 * "北京市朝阳区建国路88号", "盛岡市高松2-26-24", "역삼동 123-45". */
/*
 * Is the unit character at i part of a word for "number" (注文番号, 订单号,
 * 电话号码, 编号), so that it says nothing of an address? [p, e) bounds the run.
 */
static bool number_word(const struct scan *s, size_t i, size_t p, size_t e)
{
	static const char *const words[] = { "番号", "号码", "单号", "编号", "账号", "帐号",
					     "信号", "型号" };
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
		/* the unit is the first or the second character of the word */
		if (i + 6 <= e && !memcmp(s->t + i, words[k], 6))
			return true;
		if (i >= p + 3 && !memcmp(s->t + i - 3, words[k], 6))
			return true;
	}
	return false;
}

bool addr_cjk_units(const struct scan *s, size_t p, size_t e)
{
	unsigned units = 0;
	size_t i = p;
	while (i < e) {
		unsigned char c = (unsigned char)s->t[i];
		size_t k = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
		if (i + k > e)
			break;
		if (k == 3) {
			char w[7] = { s->t[i], s->t[i + 1], s->t[i + 2], 0 };
			if ((pii_word_class(w, 3) & CTX_ADDRMARK) && !number_word(s, i, p, e))
				units++;
			/* units of two characters: 丁目, 番地, 번지 */
			if (i + 6 <= e) {
				memcpy(w, s->t + i, 6);
				w[6] = 0;
				if (pii_word_class(w, 6) & CTX_ADDRMARK)
					units++;
			}
		}
		i += k;
	}
	return units >= 1;
}

/* Is a house number (1-4 digits, maybe a letter, or a building and flat
 * "84/92", "263-1") at q? Its end, or 0. */
static size_t house_number(const struct scan *s, size_t q)
{
	size_t e = q;
	while (e < s->len && is_digit((unsigned char)s->t[e]) && e - q < 5)
		e++;
	if (e == q || e - q > 4)
		return 0;
	/* "12/3", "45-47"; Austria's staircase and door after the house: "106/4/17" */
	for (int part = 0; part < 2 && e + 1 < s->len && (s->t[e] == '/' || s->t[e] == '-') &&
			   is_digit((unsigned char)s->t[e + 1]); part++) {
		size_t f = e + 1;
		while (f < s->len && is_digit((unsigned char)s->t[f]) && f - e <= 4)
			f++;
		if (f - e - 1 > 3)
			break;
		e = f;
	}
	if (e < s->len && is_alpha((unsigned char)s->t[e]) &&
	    !(e + 1 < s->len && is_alpha((unsigned char)s->t[e + 1])))
		e++;
	if (e < s->len && !is_blank((unsigned char)s->t[e]) && s->t[e] != ',')
		return 0;
	return e;
}

/*
 * A house number's marker at t[pos] (a space) followed by its digits:
 * " nr. 45" (Romania), " No:9", " No: 41" (Turkey), " č. 12" (Czechia).
 * Returns where the space before the digits is (or the digits when the
 * marker touches them), 0 when there is none.
 */
static size_t number_marker(const struct scan *s, size_t pos)
{
	static const char *const marks[] = { "nr.", "nr", "no:", "no.", "\xc4\x8d.", NULL };
	if (pos + 1 >= s->len || s->t[pos] != ' ')
		return 0;
	for (size_t i = 0; marks[i]; i++) {
		size_t k = strlen(marks[i]);
		if (pos + 1 + k >= s->len || strncasecmp(s->t + pos + 1, marks[i], k))
			continue;
		size_t q = pos + 1 + k;
		if (s->t[q] == ' ' && q + 1 < s->len && is_digit((unsigned char)s->t[q + 1]))
			return q;
		if (is_digit((unsigned char)s->t[q]) && s->t[q - 1] != 'r')
			return q - 1;   /* "No:9": house_number reads from q */
	}
	return 0;
}

/* ", д. 15", ", дом 15", ", буд. 22", ", nr. 7" at pos: where the digits start, or 0. */
static size_t house_mark_after_comma(const struct scan *s, size_t pos)
{
	static const char *const marks[] = { "\xd0\xb4. ", "\xd0\xb4.", "\xd0\xb4\xd0\xbe\xd0\xbc ",
					     "\xd0\xb1\xd1\x83\xd0\xb4. ", "\xd0\xb1\xd1\x83\xd0\xb4.",
					     "nr. ", "nr.", "no. ", NULL };
	if (pos + 3 >= s->len || s->t[pos] != ',' || s->t[pos + 1] != ' ')
		return 0;
	size_t q = pos + 2;
	for (size_t i = 0; marks[i]; i++) {
		size_t n = strlen(marks[i]);
		if (q + n < s->len && !strncasecmp(s->t + q, marks[i], n) &&
		    is_digit((unsigned char)s->t[q + n]))
			return q + n;
	}
	return 0;
}

/* Is the word ending at the dot at pos an abbreviation (one to three letters)? */
static bool abbrev_ends_at(const struct scan *s, size_t pos)
{
	size_t b = pos;
	while (b > 0 && is_alpha((unsigned char)s->t[b - 1]))
		b--;
	return pos - b >= 1 && pos - b <= 3;
}

/*
 * "Tucumán 1432, 2° piso", "Los Leones 2215, depto 33": a street's name and
 * number, as Argentina and Chile write them without a street word, known by
 * the floor, flat or office after them. [p, e) is the number; returns the
 * address's end, or 0.
 */
size_t addr_unit_after(const struct scan *s, size_t p, size_t e)
{
	static const char *const units[] = { "piso", "depto", "depto.", "dpto", "dpto.", "departamento",
					     "oficina", "of.", "local", "apto", "apto.", "apartamento",
					     "int.", "interior", "torre", "casa", "andar", "sala", "loja",
					     "dto", "dto.", "esq.", "piano", "interno", "scala", NULL };
	if (!name_before(s, p) || e + 3 >= s->len || s->t[e] != ',' || s->t[e + 1] != ' ')
		return 0;
	size_t q = e + 2;
	bool ordinal = false;
	/* an ordinal first: "2° piso", "3.º andar", "5to piso" */
	size_t d = q;
	while (d < s->len && is_digit((unsigned char)s->t[d]))
		d++;
	if (d > q) {
		size_t o = d;
		if (o < s->len && s->t[o] == '.')
			o++;
		if (o + 1 < s->len && (unsigned char)s->t[o] == 0xc2 &&
		    ((unsigned char)s->t[o + 1] == 0xb0 || (unsigned char)s->t[o + 1] == 0xba))
			o += 2;
		else
			while (o < s->len && is_alpha((unsigned char)s->t[o]) && o - d < 3)
				o++;
		if (o == d || o >= s->len || s->t[o] != ' ')
			return 0;
		q = o + 1;
		ordinal = true;
	}
	for (size_t i = 0; units[i]; i++) {
		size_t n = strlen(units[i]);
		if (q + n > s->len || strncasecmp(s->t + q, units[i], n) ||
		    (q + n < s->len && is_alpha((unsigned char)s->t[q + n])))
			continue;
		/* without an ordinal, the unit's own number: "depto 33", "of. 8" */
		if (ordinal || (q + n + 1 < s->len && s->t[q + n] == ' ' &&
				is_digit((unsigned char)s->t[q + n + 1])))
			return addr_extend(s, e);
	}
	return 0;
}

/* A street word before its name or as a compound at [p, e): "Calle Mayor 12",
 * "Hauptstraße 5". Returns the end of the address, or 0. */
size_t addr_from_word(const struct scan *s, size_t p, size_t e, unsigned cls, char *w,
			     size_t wn)
{
	/* Cyrillic and Greek street words are written in lower case: ул., οδός;
	 * so are abbreviated ones: "ul. Marszałkowska", "al. Jana Pawła" */
	if (!scan_capitalised(s, p) &&
	    !((cls & CTX_STREETPRE) && ((unsigned char)s->t[p] >= 0xc0 || (e < s->len && s->t[e] == '.'))))
		return 0;
	bool after_comma = false;
	size_t pos = e;
	if (pos < s->len && s->t[pos] == '.')
		pos++;   /* "ул. Ленина 5", "Av. Paulista 1000" */
	if (cls & CTX_STREETPRE) {
		size_t ws, we;
		int names = 0;
		/* "Cra 7 No. 88-84", "Transversal 87 # 67A-70": Colombia numbers its
		 * streets and gives the crossing street and the distance from it */
		if (pos + 1 < s->len && s->t[pos] == ' ' && is_digit((unsigned char)s->t[pos + 1])) {
			size_t q = pos + 1;
			while (q < s->len && (is_digit((unsigned char)s->t[q]) || is_alpha((unsigned char)s->t[q])) &&
			       q - pos <= 4)
				q++;
			size_t m = q;
			if (m + 4 < s->len && s->t[m] == ' ' && s->t[m + 1] == '#')
				m += 2;
			else if (m + 5 < s->len && s->t[m] == ' ' && !strncasecmp(s->t + m + 1, "no.", 3))
				m += 4;
			else
				m = 0;
			if (m && m + 1 < s->len && s->t[m] == ' ')
				m++;
			size_t d = m;
			while (m && d < s->len && (is_alnum((unsigned char)s->t[d])) && d - m < 5)
				d++;
			if (m && d > m && d + 1 < s->len && s->t[d] == '-' && is_digit((unsigned char)s->t[d + 1])) {
				d++;
				while (d < s->len && is_digit((unsigned char)s->t[d]))
					d++;
				return addr_extend(s, d);
			}
		}
		for (int k = 0; k < 4; k++) {
			if (pos + 1 < s->len && s->t[pos] == ' ' && is_digit((unsigned char)s->t[pos + 1]))
				break;
			if (names && number_marker(s, pos))
				break;
			/* "Calle Mayor, 12", "Via Roma, 10", "Rua Augusta, 1508": the
			 * number after a comma, as Spain, Italy and Portugal write it */
			if (names && pos + 2 < s->len && s->t[pos] == ',' && s->t[pos + 1] == ' ' &&
			    is_digit((unsigned char)s->t[pos + 2])) {
				/* "Jalan Semarak, 54100 Kuala Lumpur": no house number, the
				 * postcode and town after the street's name */
				size_t pt = postcode_town_at(s, pos);
				if (pt)
					return pt;
				pos++;
				after_comma = true;
				break;
			}
			/* "ул. Баумана, д. 15", "вул. Хрещатик, буд. 22": the house's
			 * word and its number after a comma, as Russia and Ukraine write it */
			size_t hm = names ? house_mark_after_comma(s, pos) : 0;
			if (hm) {
				size_t h = house_number(s, hm);
				return h ? addr_extend(s, h) : 0;
			}

			/* "Rua D. Afonso Henriques 22", "Av. Dr. Arnaldo 455": an
			 * abbreviated title inside the name */
			if (names && pos + 1 < s->len && s->t[pos] == '.' && s->t[pos + 1] == ' ' &&
			    abbrev_ends_at(s, pos))
				pos++;
			if (!scan_next_word(s, pos, &ws, &we) || ws != pos + 1)
				return 0;
			unsigned c = scan_word_class(s->t, ws, we, we);
			if (!scan_capitalised(s, ws) && !caseless_letter(s, ws) && !(c & CTX_ADDRLINK))
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
	size_t mk = number_marker(s, pos);
	if (mk)
		pos = mk;
	size_t h = house_number(s, pos + 1);
	if (h && after_comma) {
		/* "Calle Mayor, 3 veces", "Plaza Mayor, 2024 fue": a count or a year
		 * after the name; a house number ends the phrase or meets a capital */
		const char *n = s->t + pos + 1;
		bool year = h - pos - 1 == 4 && (!memcmp(n, "19", 2) || !memcmp(n, "20", 2));
		bool ends = h == s->len || strchr(",.;\n", s->t[h]) ||
			    (h + 1 < s->len && s->t[h] == ' ' && scan_capitalised(s, h + 1));
		if (year || !ends)
			return 0;
	}
	return h ? addr_extend(s, h) : 0;
}

/*
 * The value after an address word ("Adresse: Hauptstr. 17a, 80331 München",
 * "주소: 서울특별시 마포구 양화로 45", "Anwani yangu ni Ngong Road, …"): from p
 * to the end of the line or sentence, or to a keyword of another kind
 * ("Tel."), when it holds a house number or postcode and a name (a
 * capitalised word, or one of a script without case). Not an e-mail, web or
 * IP address, nor a hash. Returns the end, or 0.
 */
size_t addr_after_keyword(const struct scan *s, size_t p)
{
	const char *t = s->t;
	size_t q = p, end = 0, lim = s->len - p > 200 ? p + 200 : s->len;
	bool number = false, name = false;
	for (int k = 0; k < 14 && q < lim; k++) {
		while (q < lim && (t[q] == ' ' || t[q] == '\t'))
			q++;
		if (q >= lim || t[q] == '\n' || t[q] == '\r')
			break;
		size_t ce = scan_chunk_end(s, q), core = scan_trim_end(t, q, ce);
		if (core == q) {
			q = ce;   /* a dash or slash alone */
			continue;
		}
		if (memchr(t + q, '@', ce - q) || (ce - q >= 3 && memmem(t + q, ce - q, "://", 3)))
			break;
		size_t digits = 0, run = 0, longest = 0, high = 0, alpha = 0;
		bool dotted = false;
		for (size_t i = q; i < core; i++) {
			unsigned char c = (unsigned char)t[i];
			if (is_digit(c)) {
				digits++;
				if (++run > longest)
					longest = run;
			} else {
				dotted = dotted || (c == '.' && run && i + 1 < core &&
						    is_digit((unsigned char)t[i + 1]));
				run = 0;
				high += c >= 0x80;
				alpha += is_alpha(c);
			}
		}
		if (longest >= 7 || dotted || (digits > 3 && alpha > 3 && !high))
			break;   /* a phone, an IP address, a hash or a code */
		unsigned word_cls = 0;
		if (!digits) {
			unsigned cls;
			if ((unsigned char)t[q] >= 0xe0) {
				char w[96];
				size_t n = scan_fold(t, q, core, w, sizeof(w));
				cls = n ? pii_word_class_within(w, n) : 0;
			} else {
				cls = scan_word_class(t, q, core, ce);
			}
			if (cls & OTHER_VALUE)
				break;   /* "Tel.", "電話", "order": the address ended */
			bool cap = scan_capitalised(s, q) || caseless_letter(s, q);
			if (!cap && !high && !cls && core - q > 4)
				break;   /* a lower-case word: the sentence goes on */
			name = name || cap;
			word_cls = cls;
		} else {
			number = true;
			name = name || high;   /* 4丁目, 101동 */
		}
		end = core;
		if (core < ce && (t[core] == '!' || t[core] == '?'))
			break;
		/* "… Nairobi 00621. Call me", "… Köln. Danke": a sentence ends, not
		 * at an abbreviation ("Hauptstr. 17a", "вул. Хрещатик", "No. 27") */
		if (core < ce && t[core] == '.' &&
		    (digits || (core - q > 4 && !word_cls && !(ce + 1 < s->len && is_digit((unsigned char)t[ce + 1])))))
			break;
		q = ce;
	}
	return number && name ? end : 0;
}

/*
 * An address written as a chain of parts up to its postcode, as India,
 * Indonesia, Malaysia, the Philippines and Bangladesh write it without a
 * street word the scanner knows: "Flat 3B, Sri Lakshmi Apartments, Anna
 * Nagar, Chennai - 600040", "Perum Griya Asri Blok C2 No. 15, Tambun
 * Selatan, Bekasi 17510", "No. 23, Jalan SS2/24, 47300 Petaling Jaya,
 * Selangor". [p, e) is a postcode of 4 to 6 digits (not a year). Its line
 * (from a line start, a colon or a " / ") must hold two commas before it,
 * or one and a house number's "No.", and a number among its first parts;
 * the town is a capitalised word right before the postcode ("Chennai -
 * 600040") or after it ("47300 Petaling Jaya"). *start gets where the
 * address begins; returns its end, or 0.
 */
/* Does a sentence end at the full stop t[i]: a lower-case word before it
 * ("last week. Flat 3B"), not an abbreviation ("Brgy. San Isidro", "Lt. 11")? */
static bool sentence_stop(const char *t, size_t b, size_t i)
{
	size_t w = i;
	while (w > b && is_alpha((unsigned char)t[w - 1]))
		w--;
	return i - w >= 2 && !is_upper((unsigned char)t[w]);
}

size_t addr_chain(const struct scan *s, size_t p, size_t e, size_t *start)
{
	const char *t = s->t;
	size_t n = e - p;
	if (n < 4 || n > 6 || (n == 4 && (!memcmp(t + p, "19", 2) || !memcmp(t + p, "20", 2))))
		return 0;
	if (e < s->len && (is_alnum((unsigned char)t[e]) || t[e] == '-' || t[e] == '/' ||
			   (t[e] == '.' && e + 1 < s->len && is_digit((unsigned char)t[e + 1]))))
		return 0;
	/* the line's start: a new line, "ship to:", "Rina / ", a sentence's end */
	size_t b = p;
	while (b > 0 && t[b - 1] != '\n' && t[b - 1] != ':' && t[b - 1] != '!' && t[b - 1] != '?' &&
	       !(b >= 3 && t[b - 1] == ' ' && t[b - 2] == '/' && t[b - 3] == ' ') &&
	       !(b >= 2 && t[b - 1] == ' ' && t[b - 2] == '.' && sentence_stop(t, 0, b - 2)) &&
	       p - b < 200)
		b--;
	while (b < p && (t[b] == ' ' || t[b] == '\t'))
		b++;
	/* the town before the postcode, or after it */
	size_t q = p, end = e;
	while (q > b && (t[q - 1] == ' ' || t[q - 1] == '-'))
		q--;
	bool town_before = q < p && q > b && t[q - 1] != ',' && is_alpha((unsigned char)t[q - 1]);
	if (town_before) {
		size_t w = q;
		while (w > b && is_alpha((unsigned char)t[w - 1]))
			w--;
		town_before = scan_capitalised(s, w);
	}
	if (!town_before) {
		size_t a = e + (e < s->len && t[e] == ',');   /* "…, 03100, Benito Juárez" */
		if (!(q > b && t[q - 1] == ',' && a + 1 < s->len && t[a] == ' ' &&
		      scan_capitalised(s, a + 1)))
			return 0;
		end = addr_extend(s, e);
	}
	/* its parts, by commas: a number among the first two, names after the
	 * first (no word of prose), and an area's name without digits between
	 * the first part and the town's ("India 245, Australia 189, England
	 * 3021" is a score) */
	unsigned commas = 0, digit_free = 0;
	bool marked = false, number = false, digits = false;
	for (size_t i = b; i <= q; i++) {
		if (i == q || t[i] == ',') {
			if (commas >= 1 && !digits && (i < q || !town_before))
				digit_free++;
			if (i == q)
				break;
			commas++;
			digits = false;
			continue;
		}
		if (is_digit((unsigned char)t[i])) {
			digits = true;
			number = number || commas < 2;
		}
		bool word = (i == b || t[i - 1] == ' ') && is_alpha((unsigned char)t[i]);
		if (word && i + 3 < q && !strncasecmp(t + i, "no", 2) &&
		    (t[i + 2] == '.' || t[i + 2] == ' ' || t[i + 2] == ':'))
			marked = true;
		if (word && commas >= 1 && !is_upper((unsigned char)t[i])) {
			size_t w = i;
			while (w < q && is_alpha((unsigned char)t[w]))
				w++;
			if (w - i > 3)
				return 0;   /* "2 and 3 shipped": prose */
		}
	}
	if (!number || !((commas >= 2 && digit_free) || (commas == 1 && marked)))
		return 0;
	*start = b;
	return end;
}

/*
 * A house number and Thai units after it, "45/7 หมู่ 3 ถนนรามอินทรา แขวง…":
 * [p, e) is the number; the next chunk holds a unit (pii-addrmark.tsv).
 * Returns the end of the address, or 0.
 */
size_t addr_thai_units(const struct scan *s, size_t p, size_t e)
{
	const unsigned char *u = (const unsigned char *)s->t;
	if (e + 4 > s->len || u[e] != ' ' || u[e + 1] != 0xe0 || (u[e + 2] != 0xb8 && u[e + 2] != 0xb9))
		return 0;
	size_t ce = scan_chunk_end(s, e + 1);
	char w[96];
	size_t n = scan_fold(s->t, e + 1, ce, w, sizeof(w));
	if (!n || !(pii_word_class_within(w, n) & CTX_ADDRMARK))
		return 0;
	return addr_after_keyword(s, p);
}

/* Does [b, e) hold a word of a street or an area: "Street 5", "Block 6",
 * "Sector 15", "Phase 2", "Brgy.", a street word of the lexicon? */
static bool area_word_in(const struct scan *s, size_t b, size_t e)
{
	static const char *const areas[] = { "block", "blk", "sector", "phase", "estate",
					     "brgy", "colony", "nagar", "layout", "soi",
					     "village", "subdivision", "compound", "cross",
					     "mohalla", "gali", "extension", "ext", "building",
					     "bldg", "tower", NULL };
	for (size_t i = b; i < e;) {
		if (!is_alpha((unsigned char)s->t[i])) {
			i++;
			continue;
		}
		size_t w = i;
		while (w < e && is_alpha((unsigned char)s->t[w]))
			w++;
		for (size_t k = 0; areas[k]; k++)
			if (strlen(areas[k]) == w - i && !strncasecmp(s->t + i, areas[k], w - i))
				return true;
		if (scan_word_class(s->t, i, w, w) & (CTX_STREET | CTX_STREETPRE | CTX_ADDRMARK))
			return true;
		i = w;
	}
	return false;
}

/*
 * A house number given by its marker, then a comma and the street: "No. 48,
 * Ogunlana Drive, Surulere", "Plot 24, Admiralty Way", "Apt B9, Kindaruma
 * Road". [p, e) is the number (a letter may lead it); *start gets where the
 * marker begins. Returns the end of the address, or 0.
 */
size_t addr_marker_comma(const struct scan *s, size_t p, size_t e, size_t *start)
{
	static const char *const marks[] = { "no.", "no", "nr.", "plot", "apt", "apt.", "flat",
					     "house", "hse", "unit", "suite", "block", "blk",
					     "door", "lot", "h.no.", "h.no", "shop", NULL };
	const char *t = s->t;
	if (e + 2 >= s->len || t[e] != ',' || t[e + 1] != ' ' || p < 3 || t[p - 1] != ' ')
		return 0;
	size_t w = p - 1;
	while (w > 0 && (is_alpha((unsigned char)t[w - 1]) || t[w - 1] == '.'))
		w--;
	size_t n = p - 1 - w;
	bool marked = false;
	for (size_t i = 0; marks[i] && !marked; i++)
		marked = strlen(marks[i]) == n && !strncasecmp(t + w, marks[i], n);
	if (!marked || !scan_capitalised(s, w))
		return 0;
	/* "Hse No. 31": a second marker before the first */
	size_t from = w;
	if (from >= 2 && t[from - 1] == ' ') {
		size_t v = from - 1;
		while (v > 0 && is_alpha((unsigned char)t[v - 1]))
			v--;
		for (size_t i = 0; marks[i]; i++)
			if (strlen(marks[i]) == from - 1 - v && !strncasecmp(t + v, marks[i], from - 1 - v) &&
			    scan_capitalised(s, v))
				from = v;
	}
	size_t end = addr_after_number(s, e + 1);
	if (!end) {
		/* "House 12, Street 5, F-7/2, Islamabad", "Lot 12, Phase 2, Brgy.
		 * San Isidro, Quezon City": no street's name, but two more parts
		 * in capitals or digits, apart by commas */
		size_t x = addr_extend(s, e), commas = 0;
		for (size_t i = e; i < x; i++)
			commas += t[i] == ',';
		if (commas < 2 || !area_word_in(s, e, x))
			return 0;   /* "House 3, Season 2, Episode 4" */
		end = x;
	}
	*start = from;
	return end;
}

/* The Hangul syllable that ends the word before b (b at the word's end), or 0. */
static uint32_t hangul_last(const struct scan *s, size_t b, size_t *ws)
{
	const unsigned char *u = (const unsigned char *)s->t;
	size_t w = b;
	while (w > 0 && !is_blank(u[w - 1]))
		w--;
	*ws = w;
	if (b < w + 3 || u[b - 3] < 0xea || u[b - 3] > 0xed)
		return 0;
	uint32_t c = ((uint32_t)(u[b - 3] & 0x0f) << 12) | ((uint32_t)(u[b - 2] & 0x3f) << 6) |
		     (u[b - 1] & 0x3f);
	return c >= 0xac00 && c <= 0xd7a3 ? c : 0;
}

/*
 * A Korean address by its units, written with spaces: "강남구 테헤란로 152",
 * "해운대구 우동 1408", "역삼동 123-45". [p, e) is the number; the word
 * before it ends in a road's or a neighbourhood's unit (로 길 동 읍 면 리 가),
 * and one of the two words before that in a district's or a city's (구 군
 * 시 도). *start gets the first unit word's start. Returns the number's end
 * (with "번지" or "호" glued to it), or 0.
 */
size_t addr_hangul_units(const struct scan *s, size_t p, size_t e, size_t *start)
{
	static const uint32_t road[] = { 0xb85c, 0xae38, 0xb3d9, 0xc74d, 0xba74, 0xb9ac, 0xac00 };
	static const uint32_t area[] = { 0xad6c, 0xad70, 0xc2dc, 0xb3c4 };
	if (p < 4 || s->t[p - 1] != ' ')
		return 0;
	size_t ws;
	uint32_t c = hangul_last(s, p - 1, &ws);
	bool is_road = false;
	for (size_t i = 0; i < sizeof(road) / sizeof(road[0]) && c; i++)
		is_road = is_road || c == road[i];
	if (!is_road || ws == p - 4)
		return 0;   /* a unit alone ("동 12") names nothing */
	size_t from = ws;
	bool in_area = false;
	for (int k = 0; k < 2 && from > 1 && s->t[from - 1] == ' ' && !in_area; k++) {
		size_t w2;
		uint32_t a = hangul_last(s, from - 1, &w2);
		if (!a)
			break;
		for (size_t i = 0; i < sizeof(area) / sizeof(area[0]); i++)
			in_area = in_area || a == area[i];
		from = w2;
	}
	if (!in_area)
		return 0;
	*start = from;
	size_t q = e;
	static const char *const tails[] = { "\xeb\xb2\x88\xec\xa7\x80", "\xed\x98\xb8" };  /* 번지 호 */
	for (size_t i = 0; i < 2; i++) {
		size_t n = strlen(tails[i]);
		if (q + n <= s->len && !memcmp(s->t + q, tails[i], n))
			q += n;
	}
	return q;
}

/*
 * A post office box: "P.O. Box 12345-00100, Nairobi", "PO Box 881 Accra",
 * "Postfach 10 02 33", "Apartado 1234", "Caixa Postal 55", "BP 1205
 * Dakar", "ص.ب 1234". [p, e) is the number; *start gets where the box's
 * words begin. Returns the end of the address (its town, when one follows),
 * or 0.
 */
size_t addr_po_box(const struct scan *s, size_t p, size_t e, size_t *start)
{
#define BOX(x) { x, sizeof(x) - 1 }
	static const struct { const char *w; unsigned char n; } boxes[] = {
		BOX("p.o. box"), BOX("po box"), BOX("p.o.box"), BOX("p. o. box"), BOX("p o box"),
		BOX("post office box"), BOX("pobox"), BOX("postfach"), BOX("apartado"),
		BOX("caixa postal"), BOX("bp"), BOX("b.p."), BOX("boîte postale"), BOX("casilla"),
		BOX("\xd8\xb5.\xd8\xa8"), BOX("\xd8\xb5.\xd8\xa8."),
		BOX("\xd8\xb5\xd9\x86\xd8\xaf\xd9\x88\xd9\x82 \xd8\xa8\xd8\xb1\xd9\x8a\xd8\xaf"),
	};
#undef BOX
	const char *t = s->t;
	size_t q = p;
	while (q > 0 && (t[q - 1] == ' ' || t[q - 1] == ':' || t[q - 1] == '#'))
		q--;
	/* the box's word ends in x, h, o, l, e, a, p, "." or an Arabic letter:
	 * most numbers follow none of them, and cost one look */
	unsigned char last = q > 0 ? (unsigned char)lower(t[q - 1]) : 0;
	if (q == p || !(last == 'x' || last == 'h' || last == 'o' || last == 'l' || last == 'e' ||
			last == 'a' || last == 'p' || last == '.' || last >= 0x80))
		return 0;
	for (size_t i = 0; i < sizeof(boxes) / sizeof(boxes[0]); i++) {
		size_t n = boxes[i].n;
		if ((unsigned char)lower(boxes[i].w[n - 1]) != last || q < n ||
		    strncasecmp(t + q - n, boxes[i].w, n) ||
		    (q > n && (is_alnum((unsigned char)t[q - n - 1]) || t[q - n - 1] == '.')))
			continue;
		/* "BP" alone must be written in capitals: "bp" is a petrol station */
		if (n == 2 && !(t[q - 2] == 'B' && t[q - 1] == 'P'))
			continue;
		*start = q - n;
		size_t end = addr_extend(s, e);
		return end > e ? end : e;
	}
	return 0;
}
