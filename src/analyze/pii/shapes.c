/*
 * shapes: the forms an identifier takes that say what it is with no word
 * beside it (a system's reference, Ghana's digital address, a password),
 * and the forms that say what it is not (a time of day). Pure functions of
 * the token's bytes; the scanner (scan.c) decides where to ask.
 */
#include "scan.h"

#include <string.h>

/*
 * A reference in the shape systems give them, whatever the language around
 * it: capitals first, then groups joined by "-" or "/", digits in them
 * ("DST-77120-GR", "BMS-EVT-884201", "HA/2022/08/11452", "TMN-66091234",
 * "T230303-88412"). Three groups or more with four digits, or two with three
 * capitals or more and five digits; standards and public ids (ISO-27001,
 * CVE-2021-44228, COVID-19) are none.
 */
bool shape_system_ref(const char *v, size_t n)
{
	static const char *const public[] = { "ISO", "IEC", "EN", "DIN", "RFC", "CVE", "ISBN",
					      "DOI", "COVID", "SARS", "GPL", "UTF", "CC", "BS",
					      "ASTM", "ANSI", "IEEE", "NFPA", "ECE", "GHS", NULL };
	size_t i = 0, groups = 1, digits = 0, last = 0, gl = 0, gd = 0;
	while (i < n && i < 7 && is_upper((unsigned char)v[i]))
		i++;
	size_t prefix = i;
	if (i == 0 || i > 6 || i == n)
		return false;
	for (size_t k = 0; public[k]; k++)
		if (strlen(public[k]) == i && !memcmp(v, public[k], i))
			return false;
	for (; i < n; i++) {
		unsigned char c = (unsigned char)v[i];
		if (c == '-' || c == '/') {
			if (v[i - 1] == '-' || v[i - 1] == '/' || i + 1 == n)
				return false;
			groups++;
			last = gl = gd = 0;
		} else if (is_digit(c)) {
			digits++;
			last++;
			gd++;
		} else if (is_upper(c)) {
			gl++;
		} else {
			return false;
		}
		/* a product key's groups mix letters and digits ("JTK4Z"); a
		 * reference's are words or numbers */
		if (groups > 1 && gl && gd)
			return false;
	}
	/* "D-80331 München": one letter and a postcode name a country; two are
	 * an airline's or a country's ("LH-20451") */
	return groups >= 2 && digits <= 16 &&
	       ((groups >= 3 && digits >= 4) || (groups == 2 && last >= 5 && prefix >= 3));
}

/* "AFB-7734", "K-33719", "CMD-00418": capitals, a dash, four to eight digits. */
bool shape_prefixed_short(const char *v, size_t n)
{
	size_t i = 0;
	while (i < n && i < 6 && is_upper((unsigned char)v[i]))
		i++;
	if (i == 0 || i + 5 > n || v[i] != '-')
		return false;
	for (size_t k = i + 1; k < n; k++)
		if (!is_digit((unsigned char)v[k]))
			return false;
	return n - i - 1 >= 4 && n - i - 1 <= 8;
}

/* GhanaPostGPS: a region's letter and a district's, then 3-4 digits and 4 ("GA-183-8164"). */
bool shape_ghana_gps(const char *v, size_t n)
{
	if ((n != 11 && n != 12) || !is_upper((unsigned char)v[0]) || !is_upper((unsigned char)v[1]) ||
	    v[2] != '-' || !strchr("ABCEGNUVWX", v[0]) || v[n - 5] != '-')
		return false;
	for (size_t i = 3; i < n; i++)
		if (i != n - 5 && !is_digit((unsigned char)v[i]))
			return false;
	return true;
}

/* A time of day inside a token: "mag-11:59PM", "bis-18:30". */
bool shape_clock_inside(const char *v, size_t n)
{
	for (size_t i = 1; i + 2 < n; i++)
		if (v[i] == ':' && is_digit((unsigned char)v[i - 1]) && is_digit((unsigned char)v[i + 1]) &&
		    is_digit((unsigned char)v[i + 2]))
			return true;
	return false;
}

/*
 * A password's shape, strong enough to need no word: letters and digits and
 * a sign other than a dot or a dash ("Kotik#Lapa77", "Tejo!2025"), 6 to 64
 * bytes, ASCII.
 */
bool shape_password(const char *t, size_t b, size_t e)
{
	unsigned letters = 0, digits = 0, signs = 0;
	if (e - b < 6 || e - b > 64)
		return false;
	for (size_t k = b; k < e; k++) {
		unsigned char c = (unsigned char)t[k];
		if (c >= 0x80 || c == '/')
			return false;
		letters += is_alpha(c);
		digits += is_digit(c);
		signs += !is_alnum(c) && c != '.' && c != '-';
	}
	return letters >= 2 && digits && signs && !memchr(t + b, '@', e - b);
}
