/*
 * phonelib: the C face of libphonenumber, for the personal-data scanner only.
 *
 * The scanner finds digit runs that look like phone numbers (fast, in C);
 * this module says whether Google's metadata knows them as numbers of a
 * region: one small C++ file (phonelib.cc) behind these C functions. It
 * never throws, never prints, and allocates nothing the caller sees. A call
 * costs tens of microseconds (regular expressions over the metadata), so the
 * scanner asks only about national forms that its own rules cannot decide;
 * numbers written with "+CC" are checked against validate.c's E.164 table.
 * Thread-safe: the library's singleton is immutable after its first use.
 */
#ifndef DMAUDIT_PII_PHONELIB_H
#define DMAUDIT_PII_PHONELIB_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum phonelib_verdict {
	PHONELIB_NO = 0,     /* no number of that region */
	PHONELIB_LOCAL,      /* the right length to dial locally (no area code) */
	PHONELIB_POSSIBLE,   /* the right length for the region, not a known range */
	PHONELIB_VALID,      /* a number of a range the region assigns */
};

enum phonelib_kind {
	PHONELIB_OTHER = 0,  /* toll-free, premium, shared cost, pager, unknown */
	PHONELIB_FIXED,
	PHONELIB_MOBILE,     /* mobile, or fixed-or-mobile where a region does not tell */
};

/*
 * Digits d[0..n) (ASCII, no '+') as dialled inside the region cc ("KE",
 * "JP"): the verdict, and in *kind what kind of line it is (when valid).
 */
enum phonelib_verdict phonelib_check(const char *d, size_t n, const char *cc,
				     enum phonelib_kind *kind);

/* The main region of an international calling code (30 -> "GR") into out[3];
 * 0 when the code is none, -1 otherwise. */
int phonelib_region(int calling_code, char out[3]);

/* Does the library know the region cc ("NG") and its numbering plan? */
bool phonelib_known_region(const char *cc);

#ifdef __cplusplus
}
#endif

#endif
