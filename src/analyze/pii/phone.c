/*
 * phone: is a digit run a phone number? By structure and length, without
 * libphonenumber: a +CC (or 00) prefix with the country's national lengths
 * (validate.c's E.164 table), the North American 3-3-4 plan, or a national
 * form with a trunk 0 when a phone word is near. Dates, times, prices,
 * versions, IP addresses and cards are ruled out before this is asked.
 */
#include "pii_check.h"
#include "pii_words.h"
#include "scan.h"

#include <string.h>

/* Phone number in the first k groups? */
bool phone_run(const struct run *r, int k, bool phone_ctx)
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
	return false;
}
