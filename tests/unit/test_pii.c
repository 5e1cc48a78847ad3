/*
 * The personal-data scanner and the tone detector: every case of
 * tests/cases/pii.tsv (one TAP result each), then the validators and the
 * redaction forms.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pii.h"
#include "pii_check.h"
#include "tone.h"
#include "xalloc.h"
#include "cases.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tcase {
	char *want;   /* sorted type names, comma-separated, or "-" */
	char *text;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The distinct types found (tone read as if the owner wrote the text),
 * sorted and joined like the file's first column. */
static void found_types(const char *text, struct buf *out)
{
	struct pii_match m[32];
	struct tone_hit h;
	/* "[KE,US] text": the owner's phone regions, for the national forms */
	struct pii_regions regions = PII_REGIONS_INIT;
	if (text[0] == '[' && strchr(text, ']')) {
		const char *q = text + 1;
		while (q[0] && q[1] && q[2] && (q[2] == ',' || q[2] == ']')) {
			char cc[3] = { q[0], q[1], 0 };
			pii_regions_add(&regions, cc);
			q += 3;
		}
		text = q[-1] == ']' && q[0] == ' ' ? q + 1 : text;
	}
	size_t n = pii_scan_in(text, strlen(text), &regions, m, 32);
	const char *names[PII__COUNT + 1];
	size_t k = 0;
	int seen[PII__COUNT] = { 0 };
	for (size_t i = 0; i < n && i < 32; i++) {
		assert_true(m[i].start < m[i].end && m[i].end <= strlen(text));
		if (i)
			assert_true(m[i].start >= m[i - 1].end);   /* ordered, not overlapping */
		if (!seen[m[i].type]++)
			names[k++] = pii_type_name(m[i].type);
	}
	if (tone_scan(text, strlen(text), &h)) {
		assert_true(h.start < h.end && h.end <= strlen(text));
		names[k++] = "tone";
	}
	qsort(names, k, sizeof(names[0]), cmp_str);
	for (size_t i = 0; i < k; i++) {
		if (i)
			buf_addc(out, ',');
		buf_adds(out, names[i]);
	}
	if (!k)
		buf_adds(out, "-");
}

static void sort_list(char *s)
{
	char *parts[PII__COUNT + 4];
	size_t k = 0;
	char *save = NULL;
	for (char *p = strtok_r(s, ",", &save); p && k < PII__COUNT + 4; p = strtok_r(NULL, ",", &save))
		parts[k++] = xstrdup(p);
	qsort(parts, k, sizeof(parts[0]), cmp_str);
	s[0] = '\0';
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < k; i++) {
		if (i)
			buf_addc(&b, ',');
		buf_adds(&b, parts[i]);
		free(parts[i]);
	}
	memcpy(s, b.s, b.len + 1);
	buf_release(&b);
}

static void run_case(void **state)
{
	struct tcase *c = *state;
	struct buf got = BUF_INIT;
	found_types(c->text, &got);
	if (strcmp(got.s, c->want))
		print_message("# text: %s\n# wanted %s, found %s\n", c->text, c->want, got.s);
	assert_string_equal(got.s, c->want);
	buf_release(&got);
}

static void luhn(void **state)
{
	(void)state;
	assert_true(pii_luhn("4111111111111111", 16));
	assert_false(pii_luhn("4111111111111112", 16));
	assert_true(pii_card_valid("2223003122003222", 16));   /* Mastercard 2-series */
	assert_true(pii_card_valid("378282246310005", 15));    /* Amex */
	assert_false(pii_card_valid("1234567812345670", 16));  /* Luhn-valid, no issuer */
	assert_false(pii_card_valid("4111111111111", 12));
}

static void iban(void **state)
{
	(void)state;
	assert_true(pii_iban_valid("GB82WEST12345698765432", 22));
	assert_true(pii_iban_valid("DE89370400440532013000", 22));
	assert_false(pii_iban_valid("DE89370400440532013001", 22));
	assert_false(pii_iban_valid("DE8937040044053201300", 21));   /* length for DE is 22 */
	assert_false(pii_iban_valid("QQ89370400440532013000", 22));   /* no such country */
	assert_int_equal(pii_iban_length("NO"), 15);
}

static void ssn(void **state)
{
	(void)state;
	assert_true(pii_ssn_valid("536904399"));
	assert_false(pii_ssn_valid("000123456"));
	assert_false(pii_ssn_valid("666123456"));
	assert_false(pii_ssn_valid("912345678"));
	assert_false(pii_ssn_valid("536004399"));
	assert_false(pii_ssn_valid("536900000"));
	assert_false(pii_ssn_valid("078051120"));
}

static void others(void **state)
{
	int mn, mx;
	(void)state;
	assert_int_equal(pii_e164_cc("447946", 6, &mn, &mx), 2);
	assert_int_equal(pii_e164_cc("1415", 4, &mn, &mx), 1);
	assert_int_equal(mn, 10);
	assert_int_equal(pii_e164_cc("3531234", 7, &mn, &mx), 3);
	assert_int_equal(pii_e164_cc("8091234", 7, &mn, &mx), 0);
	assert_true(pii_nino_valid("AB123456C", 9));
	assert_false(pii_nino_valid("BG123456C", 9));
	assert_true(pii_dni_valid("12345678Z", 9));
	assert_false(pii_dni_valid("12345678A", 9));
	assert_true(pii_date_valid(2000, 2, 29));
	assert_false(pii_date_valid(1900, 2, 29));
	assert_int_equal(pii_month("märz", strlen("märz")), 3);
}

/*
 * The national ids named by their checks: each sample is valid, and no
 * other last character is (the check names the whole).
 */
static void national_checks(void **state)
{
	static const struct {
		bool (*valid)(const char *, size_t);
		const char *sample;
	} ids[] = {
		{ pii_se_pnr_valid, "8112289874" },      { pii_se_pnr_valid, "198112289874" },
		{ pii_no_fnr_valid, "01019010046" },     { pii_ee_ik_valid, "37605030299" },
		{ pii_pl_pesel_valid, "44051401359" },   { pii_tr_tckn_valid, "10000000146" },
		{ pii_de_steuer_id_valid, "86095742719" }, { pii_fr_nir_valid, "255081416802538" },
		{ pii_be_rrn_valid, "93051822361" },     { pii_th_id_valid, "1101700230708" },
		{ pii_in_aadhaar_valid, "234123412346" }, { pii_jp_my_number_valid, "123456789018" },
		{ pii_il_tz_valid, "123456782" },        { pii_ir_melli_valid, "0084482397" },
		{ pii_mx_curp_valid, "GODE561231HDFRRN00" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		char v[24];
		size_t n = strlen(ids[i].sample);
		memcpy(v, ids[i].sample, n + 1);
		if (!ids[i].valid(v, n))
			print_message("# not valid: %s\n", v);
		assert_true(ids[i].valid(v, n));
		for (char c = '0'; c <= '9'; c++) {
			v[n - 1] = c;
			if (c != ids[i].sample[n - 1] && ids[i].valid(v, n))
				print_message("# valid with a wrong check: %s\n", v);
			assert_true(c == ids[i].sample[n - 1] || !ids[i].valid(v, n));
		}
	}
	/* dates and places: a PESEL of month 13, a MyKad of place 17, a NIK of province 10 */
	assert_false(pii_pl_pesel_valid("44131401351", 11));
	assert_false(pii_my_nric_valid("850612175678", 12));
	assert_true(pii_my_nric_valid("850612145678", 12));
	assert_true(pii_id_nik_valid("3174055708900003", 16));
	assert_false(pii_id_nik_valid("1074055708900003", 16));
	assert_false(pii_id_nik_valid("3174055713900003", 16));
}

/*
 * Texts handed to the scanner are not NUL-terminated (a fuzzer's bytes, a
 * slice of a row): every look-ahead stops at the length. Each text is copied
 * to a buffer of exactly its size, so AddressSanitizer sees a read past it.
 */
/* Where phones are from: a country domain (not one sold to anyone), e-mail
 * domains written twice, scripts of one country. */
static void regions(void **state)
{
	(void)state;
	struct pii_regions r = PII_REGIONS_INIT;
	assert_int_equal(pii_regions_from_tld(&r, "ng"), 0);
	assert_int_equal(pii_regions_from_tld(&r, "uk"), 0);
	assert_int_equal(pii_regions_from_tld(&r, "co"), -1);
	assert_int_equal(pii_regions_from_tld(&r, "io"), -1);
	assert_int_equal(pii_regions_from_tld(&r, "qq"), -1);
	assert_int_equal(pii_regions_from_tld(&r, NULL), -1);
	assert_int_equal(r.n, 2);
	assert_string_equal(r.cc[0], "NG");
	assert_string_equal(r.cc[1], "GB");
	struct pii_seen *seen = xcalloc(1, sizeof(*seen));
	static const char *const texts[] = { "write to amani@example.co.ke", "or wanjiru@shule.ac.ke",
					     "ሰላም ነው", "እሺ ደህና", "አመሰግናለሁ", "one@example.io" };
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		pii_seen_observe(seen, texts[i], strlen(texts[i]));
	struct pii_regions f = PII_REGIONS_INIT;
	pii_regions_from_seen(&f, seen);
	free(seen);
	bool ke = false, et = false;
	for (int i = 0; i < f.n; i++) {
		ke |= !strcmp(f.cc[i], "KE");
		et |= !strcmp(f.cc[i], "ET");
	}
	assert_true(ke);
	assert_true(et);
}

static void bounded(void **state)
{
	static const char *const texts[] = {
		"Meet me at 12 Oak Street \xc3", "12 Oak Street, \xc3", "\xc3", "Rue \xc3",
		"IBAN GB", "+", "call 07", "\xe2\x80", "\xc2", "DE44 5", "password:", "12 rue \xc3",
	};
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		size_t n = strlen(texts[i]);
		char *b = malloc(n);
		memcpy(b, texts[i], n);
		struct pii_match m[8];
		size_t got = pii_scan(b, n, m, 8);
		for (size_t k = 0; k < got && k < 8; k++)
			assert_true(m[k].end <= n);
		free(b);
	}
	(void)state;
}

static void redact_one(enum pii_type t, const char *v, const char *want)
{
	struct buf b = BUF_INIT;
	pii_redact_value(t, v, strlen(v), &b);
	assert_string_equal(b.s, want);
	buf_release(&b);
}

static void redaction(void **state)
{
	(void)state;
	redact_one(PII_EMAIL, "jane@mail.example", "j***@m***.example");
	redact_one(PII_EMAIL, "ana@yahoo.co.uk", "a***@y***.co.uk");
	redact_one(PII_PAYMENT_CARD, "4111 1111 1111 4467", "**** **** **** 4467");
	redact_one(PII_PAYMENT_CARD, "4111111111114467", "**** **** **** 4467");
	redact_one(PII_PAYMENT_CARD, "2223-0031-2200-3222", "****-****-****-3222");
	redact_one(PII_PHONE, "+44 20 7946 0958", "+44 ** **** **58");
	redact_one(PII_PHONE, "07700 900123", "***** ****23");
	redact_one(PII_IBAN, "DE89 3704 0044 0532 0130 00", "DE** **** **** **** **30 00");
	redact_one(PII_CREDENTIAL, "Tulip#4821", "********");
	redact_one(PII_CREDENTIAL, "1234", "********");
	redact_one(PII_DATE_OF_BIRTH, "05/03/1990", "**/**/199*");
	redact_one(PII_POSTAL_ADDRESS, "12 Baker Lane, Leeds", "** B**** L***, L****");
	redact_one(PII_NATIONAL_ID, "536-90-4399", "***-**-**99");
#define NNBSP "\xe2\x80\xaf"   /* narrow no-break space */
	redact_one(PII_PAYMENT_CARD, "4111" NNBSP "1111" NNBSP "1111" NNBSP "1111",
		   "****" NNBSP "****" NNBSP "****" NNBSP "1111");
#undef NNBSP
	/* a card's expiry and security code are one value with it; their digits go too */
	redact_one(PII_PAYMENT_CARD, "5301 2675 0622 3312 exp 01/30 cvv 395",
		   "**** **** **** 3312 exp **/** cvv ***");
	redact_one(PII_PAYMENT_CARD, "5395655206796065 до 02/30 cvc 027",
		   "**** **** **** 6065 до **/** cvc ***");

	const char *msg = "card 4111 1111 1111 1111, mail jane@mail.example ok";
	struct buf b = BUF_INIT;
	pii_redact_text(msg, strlen(msg), &b);
	assert_string_equal(b.s, "card **** **** **** 1111, mail j***@m***.example ok");
	buf_release(&b);
}

struct case_list {
	struct tcase *c;
	size_t n, alloc;
};

static void add_case(void *ctx, char *want, char *text, int line)
{
	struct case_list *l = ctx;
	(void)line;
	ALLOC_GROW(l->c, l->n + 1, l->alloc);
	struct tcase *c = &l->c[l->n++];
	c->want = xstrdup(want);
	sort_list(c->want);
	c->text = xstrdup(text);
	/* "\n" in the file stands for a line break inside one message */
	for (char *r = c->text, *w = r; ; r++, w++) {
		if (r[0] == '\\' && r[1] == 'n') {
			*w = '\n';
			r++;
		} else {
			*w = *r;
		}
		if (!*r)
			break;
	}
}

int main(void)
{
	struct case_list l = { NULL, 0, 0 };
	if (cases_read("pii.tsv", add_case, &l))
		return 1;
	struct tcase *cases = l.c;
	size_t n = l.n;
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(luhn), cmocka_unit_test(iban), cmocka_unit_test(ssn),
		cmocka_unit_test(others), cmocka_unit_test(national_checks),
		cmocka_unit_test(redaction), cmocka_unit_test(bounded), cmocka_unit_test(regions),
	};
	size_t nfixed = sizeof(fixed) / sizeof(fixed[0]);
	struct CMUnitTest *tests = xcalloc(n + nfixed, sizeof(*tests));
	for (size_t i = 0; i < n; i++) {
		tests[i] = (struct CMUnitTest){ xasprintf("pii case line: %.60s", cases[i].text),
						run_case, NULL, NULL, &cases[i] };
	}
	for (size_t i = 0; i < nfixed; i++)
		tests[n++] = fixed[i];
	return _cmocka_run_group_tests("pii", tests, n, NULL, NULL);
}
