/*
 * phone: is a digit run a phone number? The run's shape proposes, the
 * numbering plans decide. With "+CC" (or "00CC") the country's national
 * lengths decide (validate.c's E.164 table: fast, and the "+" is evidence
 * enough). National forms go to libphonenumber (phonelib.h): a shape that
 * names its country ("138 1234 5678" China, "090-1234-5678" Japan,
 * "0723 688 583" Kenya, "0532 418 27 90" Turkey) is checked against that country; any other run
 * against the owner's regions (regions.c), as a mobile or fixed line; with
 * a phone word near, a length that fits is enough. Dates, times, prices,
 * versions, IP addresses and cards are ruled out before this is asked.
 */
#include "phonelib.h"
#include "pii_check.h"
#include "pii_words.h"
#include "scan.h"

#include <string.h>
#include <strings.h>

/*
 * Shapes that say which country wrote them: digits, leading digits, group
 * lengths ("344": 3-4-4 digits; "" a single group), the country to ask.
 */
static const struct shape {
	unsigned char nd;
	const char *lead;
	const char *groups;
	const char *cc;
} shapes[] = {
	{ 11, "1", "", "CN" },     { 11, "1", "344", "CN" },
	{ 11, "0", "344", "JP" },  { 10, "0", "244", "JP" },  { 10, "0", "334", "JP" },
	{ 11, "01", "344", "KR" }, { 10, "01", "334", "KR" }, { 9, "02", "234", "KR" },
	{ 10, "02", "244", "KR" },
	{ 11, "07", "", "GB" },    { 11, "07", "56", "GB" },  { 11, "07", "533", "GB" },
	{ 11, "07", "434", "GB" }, { 11, "0", "344", "GB" },  { 11, "0", "443", "GB" },
	{ 10, "", "334", "US" },   { 11, "1", "1334", "US" },
	{ 10, "07", "", "KE" },    { 10, "07", "433", "KE" }, { 10, "01", "433", "KE" },
	{ 10, "07", "46", "KE" },
	{ 11, "", "254", "BR" },   { 11, "", "29", "BR" },    { 10, "", "244", "BR" },
	{ 10, "", "55", "IN" },
	/* Philippine mobiles, 0917 938 2125; Indonesian, 0821-0046-1850 */
	{ 11, "09", "434", "PH" }, { 11, "09", "", "PH" },
	{ 12, "08", "444", "ID" }, { 11, "08", "434", "ID" }, { 12, "08", "", "ID" },
	{ 10, "69", "433", "GR" }, { 10, "69", "343", "GR" }, { 10, "69", "37", "GR" },
	{ 10, "2", "46", "GR" },
	{ 10, "0", "22222", "FR" },
	{ 9, "6", "333", "ES" },   { 9, "7", "333", "ES" },
	{ 10, "3", "334", "IT" },  { 11, "01", "47", "DE" },  { 12, "01", "48", "DE" },
	{ 11, "05", "4322", "TR" }, { 11, "05", "434", "TR" }, { 11, "05", "3322", "TR" },
	/* Turkish landlines, 0212 293 41 58: the area code in four digits */
	{ 11, "02", "4322", "TR" }, { 11, "03", "4322", "TR" }, { 11, "04", "4322", "TR" },
};

/* The first k groups of r in one style: one separator kind (space or dash,
 * dots too when dots is set), or "(212) 482-7391" with the area code in
 * brackets. */
static bool one_style(const struct run *r, int k, bool dots)
{
	int i = 1;
	if (k > 1 && (r->sep[1] == ')' || r->sep[1] == '('))
		i = 2;
	for (int j = i; j < k; j++)
		if ((r->sep[j] != ' ' && r->sep[j] != '-' && !(dots && r->sep[j] == '.')) ||
		    r->sep[j] != r->sep[i])
			return false;
	return true;
}

/* "21 95662-0989", "415 555-2671": an area code set apart by a space, the
 * local number in dashes, as Brazil and North America write them. */
static bool area_then_dashes(const struct run *r, int k)
{
	if (k < 3 || r->sep[1] != ' ')
		return false;
	for (int j = 2; j < k; j++)
		if (r->sep[j] != '-')
			return false;
	return true;
}

static bool shape_matches(const struct shape *sh, const struct run *r, int k, size_t nd)
{
	size_t ll = strlen(sh->lead), ng = strlen(sh->groups);
	if (nd != sh->nd || memcmp(r->d, sh->lead, ll))
		return false;
	if (ng == 0)
		return k == 1;
	if ((size_t)k != ng)
		return false;
	for (size_t i = 0; i < ng; i++)
		if (r->glen[i] != sh->groups[i] - '0')
			return false;
	return true;
}

/* A region of the North American plan (+1) where "555-0182" is dialled locally. */
static bool nanp(const char *cc)
{
	return !strcmp(cc, "US") || !strcmp(cc, "CA") || !strcmp(cc, "PR");
}

/* Known to a region of the owner: valid as a line, or (with a phone word) possible. */
static bool owner_region(const struct scan *s, const struct run *r, int k, size_t nd,
			 bool phone_ctx)
{
	if (!s->regions)
		return false;
	/* "555-0182": the local form of the North American plan, a shape of its
	 * own that needs no phone word (no date, price or range is written so) */
	bool nanp_local = k == 2 && r->sep[1] == '-' && r->glen[0] == 3 && r->glen[1] == 4 &&
			  scan_stands_alone(s, r->s, r->gend[1]);
	/* the owner's regions read any plain run, so stricter about what a run is */
	bool plain = k == 1 || one_style(r, k, false);
	if (!phone_ctx && !nanp_local && (!plain || nd < 9 || nd > 12))
		return false;
	for (int i = 0; i < s->regions->n; i++) {
		enum phonelib_kind kind;
		enum phonelib_verdict v = phonelib_check(r->d, nd, s->regions->cc[i], &kind);
		if (nanp_local && !phone_ctx) {
			if (v == PHONELIB_LOCAL && nanp(s->regions->cc[i]))
				return true;
			continue;
		}
		if (v == PHONELIB_VALID && (phone_ctx || kind != PHONELIB_OTHER))
			return true;
		if (phone_ctx && v != PHONELIB_NO)
			return true;
		if (v == PHONELIB_LOCAL && nanp_local && nanp(s->regions->cc[i]))
			return true;
	}
	return false;
}

bool phone_grouped_shape(const struct run *r, int k)
{
	size_t nd = r->gdig[k - 1];
	if (k < 3 || r->plus || !one_style(r, k, true))
		return false;
	for (size_t i = 0; i < sizeof(shapes) / sizeof(shapes[0]); i++) {
		enum phonelib_kind kind;
		if (shape_matches(&shapes[i], r, k, nd) &&
		    phonelib_check(r->d, nd, shapes[i].cc, &kind) == PHONELIB_VALID)
			return true;
	}
	return false;
}

/*
 * "WA 6285108275037": an international number written without its "+", after
 * a phone's or messenger's word: its country code, then a number the
 * library finds valid in that country.
 */
bool phone_intl_bare(const struct run *r)
{
	size_t nd = r->nd;
	int mn, mx;
	if (r->plus || r->ng != 1 || nd < 10 || nd > 15 || r->d[0] == '0' || pii_degenerate(r->d, nd))
		return false;
	int cc = pii_e164_cc(r->d, nd, &mn, &mx);
	if (!cc)
		return false;
	int code = 0;
	for (int i = 0; i < cc; i++)
		code = code * 10 + (r->d[i] - '0');
	char region[3];
	enum phonelib_kind kind;
	size_t national = nd - (size_t)cc;
	return national >= (size_t)mn && national <= (size_t)mx && !phonelib_region(code, region) &&
	       phonelib_check(r->d + cc, national, region, &kind) == PHONELIB_VALID;
}

/* Phone number in the first k groups? */
bool phone_run(const struct scan *s, const struct run *r, int k, bool phone_ctx)
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
		/* Mexico's mobile 1 after +52, dialled until 2019: +52 1 81 1728 0900 */
		else if (cc == 2 && d[off] == '5' && d[off + 1] == '2' && d[off + 2] == '1' &&
			 national == (size_t)mx + 1)
			national--;
		return national >= (size_t)mn && national <= (size_t)mx && national >= 6;
	}
	if (nd < 7 || nd > 13)
		return false;
	if (k == 1 || one_style(r, k, true) || area_then_dashes(r, k)) {
		for (size_t i = 0; i < sizeof(shapes) / sizeof(shapes[0]); i++) {
			enum phonelib_kind kind;
			if (shape_matches(&shapes[i], r, k, nd) &&
			    phonelib_check(d, nd, shapes[i].cc, &kind) == PHONELIB_VALID)
				return true;
		}
	}
	if (owner_region(s, r, k, nd, phone_ctx))
		return true;
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
