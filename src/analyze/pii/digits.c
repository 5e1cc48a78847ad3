/*
 * digits: numbers written in native digits (Arabic-Indic ٠-٩, Persian ۰-۹,
 * Devanagari ०-९, Bengali ০-৯, Thai ๐-๙) read as the same numbers in ASCII,
 * with where each byte came from, for the scanner and the answers it reads.
 */
#include "pii.h"
#include "scan.h"

/*
 * The value of the native digit at t[i] (Arabic-Indic ٠-٩, Persian ۰-۹,
 * Devanagari ०-९, Bengali ০-৯, Thai ๐-๙) and its length in *n, or -1.
 */
int pii_native_digit(const unsigned char *t, size_t i, size_t len, size_t *n)
{
	if (i + 1 < len && t[i] == 0xd9 && t[i + 1] >= 0xa0 && t[i + 1] <= 0xa9)
		return *n = 2, t[i + 1] - 0xa0;
	if (i + 1 < len && t[i] == 0xdb && t[i + 1] >= 0xb0 && t[i + 1] <= 0xb9)
		return *n = 2, t[i + 1] - 0xb0;
	if (i + 2 < len && t[i] == 0xe0) {
		if ((t[i + 1] == 0xa5 || t[i + 1] == 0xa7) && t[i + 2] >= 0xa6 && t[i + 2] <= 0xaf)
			return *n = 3, t[i + 2] - 0xa6;
		if (t[i + 1] == 0xb9 && t[i + 2] >= 0x90 && t[i + 2] <= 0x99)
			return *n = 3, t[i + 2] - 0x90;
	}
	return -1;
}

size_t pii_ascii_digits(const char *text, size_t len, char *ascii, size_t *at)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t n = 0, dn;
	for (size_t i = 0; i < len;) {
		int d = pii_native_digit(t, i, len, &dn);
		at[n] = i;
		if (d >= 0) {
			ascii[n++] = (char)('0' + d);
			i += dn;
		} else {
			ascii[n++] = text[i++];
		}
	}
	at[n] = len;
	ascii[n] = '\0';
	return n;
}
