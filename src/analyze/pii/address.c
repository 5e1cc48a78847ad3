/*
 * address: street addresses of several countries: "12 Baker Lane" (number,
 * capitalised name, street word), "12 rue des Lilas" and "Calle Mayor 12"
 * (a street word before the name), "Hauptstraße 5" and "Keizersgracht 123"
 * (compounds), then the rest of the line: city, state, postcode.
 */
#include "pii_check.h"
#include "pii_words.h"
#include "scan.h"

#include <string.h>

bool scan_capitalised(const struct scan *s, size_t p)
{
	if (p >= s->len)
		return false;
	unsigned char c = (unsigned char)s->t[p];
	/* UTF-8 upper case Latin letters (À-Þ) are 0xC3 0x80-0x9E; a lead byte at the end is not */
	return is_upper(c) ||
	       (c == 0xc3 && p + 1 < s->len && (unsigned char)s->t[p + 1] >= 0x80 &&
		(unsigned char)s->t[p + 1] < 0x9f);
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
		if (q >= s->len || is_blank((unsigned char)s->t[q]))
			break;
		size_t ce = scan_chunk_end(s, q), core = scan_trim_end(s->t, q, ce);
		if (core == q)
			break;
		unsigned char c = (unsigned char)s->t[q];
		bool ok = is_digit(c) || scan_capitalised(s, q);
		if (!ok && is_alpha(c))
			ok = (scan_word_class(s->t, q, core, ce) & CTX_ADDRLINK) != 0;
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
size_t addr_after_number(const struct scan *s, size_t e)
{
	size_t ws, we, pos = e;
	for (int k = 0; k < 5 && scan_next_word(s, pos, &ws, &we); k++) {
		if (ws != pos + 1 || s->t[pos] != ' ')
			return 0;   /* one plain space between the parts of a street */
		unsigned c = scan_word_class(s->t, ws, we, scan_chunk_end(s, ws));
		if (k == 0 && (c & CTX_STREETPRE)) {
			size_t w2s, w2e;
			if (scan_next_word(s, we, &w2s, &w2e))
				return addr_extend(s, w2e);
			return 0;
		}
		if (k > 0 && (c & CTX_STREET)) {
			size_t end = we;
			if (end < s->len && s->t[end] == '.')
				end++;
			return addr_extend(s, end);
		}
		if (!scan_capitalised(s, ws))
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
	if (e < s->len && !is_blank((unsigned char)s->t[e]) && s->t[e] != ',')
		return 0;
	return e;
}

/* A street word before its name or as a compound at [p, e): "Calle Mayor 12",
 * "Hauptstraße 5". Returns the end of the address, or 0. */
size_t addr_from_word(const struct scan *s, size_t p, size_t e, unsigned cls, char *w,
			     size_t wn)
{
	if (!scan_capitalised(s, p))
		return 0;
	size_t pos = e;
	if (cls & CTX_STREETPRE) {
		size_t ws, we;
		int names = 0;
		for (int k = 0; k < 4; k++) {
			if (pos + 1 < s->len && s->t[pos] == ' ' && is_digit((unsigned char)s->t[pos + 1]))
				break;
			if (!scan_next_word(s, pos, &ws, &we) || ws != pos + 1)
				return 0;
			unsigned c = scan_word_class(s->t, ws, we, we);
			if (!scan_capitalised(s, ws) && !(c & CTX_ADDRLINK))
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
