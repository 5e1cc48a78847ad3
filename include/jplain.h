/*
 * jplain: the scan both JSON string readers and writers spend their time in.
 *
 * A plain byte is printable ASCII other than '"' and '\\': it stands for
 * itself inside a JSON string, unescaped. jplain_end() returns the first
 * byte from p that is not plain (or end), sixteen bytes at a time where the
 * CPU has SSE2. Used by jdoc (reading elements) and jsonw (writing reports).
 */
#ifndef DMAUDIT_JPLAIN_H
#define DMAUDIT_JPLAIN_H

#include <stdbool.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

static inline bool jplain(unsigned char c)
{
	return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

static inline const unsigned char *jplain_end(const unsigned char *p, const unsigned char *end)
{
#ifdef __SSE2__
	const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\');
	const __m128i space = _mm_set1_epi8(0x20);
	while (end - p >= 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
		/* signed compare: bytes >= 0x80 are negative, so below 0x20 too */
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote),
						      _mm_cmpeq_epi8(x, bslash)),
					 _mm_cmplt_epi8(x, space));
		unsigned mask = (unsigned)_mm_movemask_epi8(m);
		if (mask)
			return p + __builtin_ctz(mask);
		p += 16;
	}
#endif
	while (p < end && jplain(*p))
		p++;
	return p;
}

#endif
