/* Small pure helpers: time formats, file classification, HTML entities, UTF-8, SHA-256. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"
#include "classify.h"
#include "fmt.h"
#include "html.h"
#include "sha256.h"
#include "spill.h"
#include "doc.h"
#include "timeutil.h"
#include "u64map.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_time_parse(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		int64_t ms;
	} ok[] = {
		{ "2021-12-15T21:55:37.367Z", 1639605337367 },
		{ "2013-08-04T22:32:02.000Z", 1375655522000 },
		{ "1970-01-01T00:00:00Z", 0 },
		{ "2020-02-29T12:00:00.5Z", 1582977600500 },
		{ "2021-12-15T22:55:37.367+01:00", 1639605337367 },
		{ "Sat Feb 18 12:33:11 +0000 2023", 1676723591000 },
		{ "Sat Feb 18 13:33:11 +0100 2023", 1676723591000 },
		{ "2009-02-28 00:00:00 +0000", 1235779200000 },
		{ "1639605337367", 1639605337367 },
		{ "1639605337", 1639605337000 },          /* seconds, not 1970 */
		{ "2000-02-29T00:00:00Z", 951782400000 }, /* a leap century */
		{ "2021-12-15T07:55:37-14:00", 1639605337000 },
	};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		int64_t ms = -1;
		if (!time_parse(ok[i].in, &ms))
			fail_msg("rejected %s", ok[i].in);
		assert_int_equal(ms, ok[i].ms);
	}
	static const char *const bad[] = { "", "yesterday", "2021-13-01T00:00:00Z",
					   "2021-02-30T00:00:00Z", "2021-12-15T25:00:00Z",
					   "Sat Foo 18 12:33:11 +0000 2023", "2021-12-15Tx",
					   "12345", "2021-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
					   "2021-12-15T21:55:37+99:99", "2021-12-15T21:55:37+15:00",
					   "2021-12-15T21:55:37+01:60", "16396053373670000" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int64_t ms;
		if (time_parse(bad[i], &ms))
			fail_msg("accepted %s", bad[i]);
	}
}

static void test_time_format(void **state)
{
	(void)state;
	char s[32];
	time_format_iso(1639605337367, s);
	assert_string_equal(s, "2021-12-15T21:55:37.367Z");
	time_format_iso(1375655522000, s);
	assert_string_equal(s, "2013-08-04T22:32:02Z");
	for (int64_t ms = -86400000LL * 800; ms < 86400000LL * 20000; ms += 86400000LL * 37 + 12345) {
		int64_t back;
		time_format_iso(ms, s);
		if (ms >= 0) {
			assert_true(time_parse(s, &back));
			assert_int_equal(back, ms);
		}
	}
}

static void test_classify(void **state)
{
	(void)state;
	static const struct {
		const char *path;
		enum data_kind kind;
		int part;
	} cases[] = {
		{ "data/direct-messages.js", KIND_DM, 0 },
		{ "direct-message.js", KIND_DM, 0 },
		{ "data/direct-messages-part3.js", KIND_DM, 3 },
		{ "twitter-2020-11-17-abc/data/direct-messages-group.js", KIND_GROUP_DM, 0 },
		{ "direct-message-group.js", KIND_GROUP_DM, 0 },
		{ "data/direct-message-headers.js", KIND_NONE, 0 },
		{ "data/direct-message-group-headers.js", KIND_NONE, 0 },
		{ "data/tweet.js", KIND_TWEET, 0 },
		{ "data/tweets-part1.js", KIND_TWEET, 1 },
		{ "data/tweet-headers.js", KIND_NONE, 0 },
		{ "data/follower-part2.js", KIND_FOLLOWER, 2 },
		{ "data/following.js", KIND_FOLLOWING, 0 },
		{ "data/manifest.js", KIND_MANIFEST, 0 },
		{ "data/account.js", KIND_ACCOUNT, 0 },
		{ "data/connected-application.js", KIND_APP, 0 },
		{ "data/block.js", KIND_BLOCK, 0 },
		{ "data/mute.js", KIND_MUTE, 0 },
		{ "data/direct-message-mute.js", KIND_NONE, 0 },
		{ "assets/js/main.js", KIND_NONE, 0 },
		{ "data/direct_messages_media/123-abc.jpg", KIND_MEDIA, 0 },
		{ "data/direct_messages_group_media/12-x.mp4", KIND_MEDIA, 0 },
		{ "data/like.js", KIND_NONE, 0 },
		{ "data/README.txt", KIND_NONE, 0 },
		{ "data/tweets-partx.js", KIND_NONE, 0 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int part = -1;
		enum data_kind k = classify_path(cases[i].path, &part);
		if (k != cases[i].kind || part != cases[i].part)
			fail_msg("%s: kind %d part %d", cases[i].path, k, part);
	}
}

static void test_html_unescape(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "WATCHES &amp; JEWELRY", "WATCHES & JEWELRY" },
		{ "a &lt;b&gt; &quot;c&quot; &#39;d&#39; &apos;", "a <b> \"c\" 'd' '" },
		{ "&#x1F600; &#233;", "\xF0\x9F\x98\x80 \xC3\xA9" },
		{ "AT&T & co &amp", "AT&T & co &amp" },
		{ "&#0; &#xD800; &#99999999;", "&#0; &#xD800; &#99999999;" },
		{ "&amp;amp;", "&amp;" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct buf b = BUF_INIT;
		html_unescape(&b, cases[i][0], strlen(cases[i][0]));
		assert_string_equal(b.s, cases[i][1]);
		buf_release(&b);
	}
	struct buf b = BUF_INIT;
	html_unescape(&b, "a\0b", 3); /* NUL bytes are dropped */
	assert_int_equal(b.len, 2);
	assert_string_equal(b.s, "ab");
	buf_reset(&b);
	html_escape(&b, "<script>&\"'", 12);
	assert_string_equal(b.s, "&lt;script&gt;&amp;&quot;&#39;");
	buf_release(&b);
}

static void test_utf8(void **state)
{
	(void)state;
	const char *good = "plain ascii text, caf\xC3\xA9, \xE6\x97\xA5\xE6\x9C\xAC, \xF0\x9F\x98\x80";
	assert_int_equal(utf8_valid_prefix(good, strlen(good)), strlen(good));
	static const char *const bad[] = { "\xFF", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80",
					   "\xF4\x90\x80\x80", "\xC3", "abc\xE6\x97" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_true(utf8_valid_prefix(bad[i], strlen(bad[i])) < strlen(bad[i]));
	struct buf b = BUF_INIT;
	assert_int_equal(utf8_repair("caf\xFF\xFE ok \xC3", 10, &b), 3);
	assert_string_equal(b.s, "caf\xEF\xBF\xBD\xEF\xBF\xBD ok \xEF\xBF\xBD");
	buf_release(&b);
}

static void test_sha256(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
		{ "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct sha256 c;
		unsigned char d[32];
		char hex[65];
		sha256_begin(&c);
		/* byte by byte, to cross every block boundary */
		for (const char *p = cases[i][0]; *p; p++)
			sha256_add(&c, p, 1);
		sha256_end(&c, d);
		sha256_hex(d, hex);
		assert_string_equal(hex, cases[i][1]);
	}
}

static void test_u64map(void **state)
{
	(void)state;
	struct u64map m = U64MAP_INIT;
	uint32_t v;
	assert_false(u64map_get(&m, 0, &v));
	/* key 0 and keys in sequence, past several doublings */
	for (uint64_t k = 0; k < 5000; k++) {
		v = (uint32_t)(k * 3);
		assert_true(u64map_put(&m, k << 20, &v));
	}
	for (uint64_t k = 0; k < 5000; k++) {
		v = 7;
		assert_false(u64map_put(&m, k << 20, &v));
		assert_int_equal(v, k * 3);
		assert_true(u64map_get(&m, k << 20, &v));
		assert_int_equal(v, k * 3);
	}
	assert_false(u64map_get(&m, 1, &v));
	assert_int_equal(m.n, 5000);
	u64map_release(&m);
	assert_int_equal(m.cap, 0);
}

static void test_fmt_i64(void **state)
{
	(void)state;
	static const int64_t v[] = { 0, 7, -1, 10, 99, 1000000, 1469598103934665603LL,
				     INT64_MAX, INT64_MIN, -9, -10 };
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		char want[32], got[FMT_I64_SIZE];
		snprintf(want, sizeof(want), "%lld", (long long)v[i]);
		assert_int_equal(fmt_i64(got, v[i]), strlen(want));
		assert_string_equal(got, want);
	}
}

/* The fast path of time_format_iso against the calendar, second by second at the edges. */
static void test_time_format_years(void **state)
{
	(void)state;
	static const int64_t ms[] = { 0, 999, 1000, 1639605337367, 253402300799999LL,
				      253402300800000LL, -1, -62167219200000LL, -62167219200001LL,
				      951782400000, 951868799999 };
	static const char *const want[] = {
		"1970-01-01T00:00:00Z", "1970-01-01T00:00:00.999Z", "1970-01-01T00:00:01Z",
		"2021-12-15T21:55:37.367Z", "9999-12-31T23:59:59.999Z", "10000-01-01T00:00:00Z",
		"1969-12-31T23:59:59.999Z", "0000-01-01T00:00:00Z", "-001-12-31T23:59:59.999Z",
		"2000-02-29T00:00:00Z", "2000-02-29T23:59:59.999Z",
	};
	for (size_t i = 0; i < sizeof(ms) / sizeof(ms[0]); i++) {
		char s[32];
		time_format_iso(ms[i], s);
		assert_string_equal(s, want[i]);
	}
}

/*
 * Records past the bound move to the temporary file and read back the
 * same, in memory and from the file alike; without a place for the file
 * (TMPDIR missing) they stay in memory, the same again.
 */
static void spill_round(const char *tmpdir)
{
	setenv("TMPDIR", tmpdir, 1);
	struct spill s;
	struct buf scratch = BUF_INIT;
	char rec[64];
	spill_init(&s, 1000);
	for (unsigned i = 0; i < 5000; i++) {
		int n = snprintf(rec, sizeof(rec), "record %u%*s|", i, (int)(i % 17), "");
		assert_int_equal(spill_add(&s, rec, (size_t)n), i);
	}
	/* one record written in two appends */
	buf_adds(spill_begin(&s), "two ");
	buf_adds(spill_begin(&s), "parts");
	assert_int_equal(spill_end(&s), 5000);
	assert_int_equal(spill_count(&s), 5001);
	for (unsigned i = 0; i < 5000; i += 7) {
		size_t len;
		int n = snprintf(rec, sizeof(rec), "record %u%*s|", i, (int)(i % 17), "");
		const char *got = spill_get(&s, i, &scratch, &len);
		assert_non_null(got);
		assert_int_equal(len, (size_t)n);
		assert_memory_equal(got, rec, len);
	}
	size_t len;
	const char *last = spill_get(&s, 5000, &scratch, &len);
	assert_int_equal(len, 9);
	assert_memory_equal(last, "two parts", 9);
	assert_true(s.in_file > 0 || s.memory_only);
	assert_true(!strcmp(tmpdir, "/tmp") ? s.in_file > 0 : s.memory_only);
	buf_release(&scratch);
	spill_release(&s);
	unsetenv("TMPDIR");
}

static void test_spill(void **state)
{
	(void)state;
	spill_round("/tmp");
	spill_round("/nonexistent-dir-for-dmaudit-test");
}

/* Record i of test_spill_cursor: small ones, and every 997th larger than the read-ahead. */
static size_t cursor_rec(unsigned i, char *out, size_t n)
{
	size_t len = i % 997 == 5 ? SPILL_AHEAD + 1000 + i : (size_t)snprintf(out, n, "r%u.", i);
	if (i % 997 == 5)
		memset(out, 'a' + (int)(i % 26), len);
	return len;
}

/* Read in order through a cursor, then backwards, then by jumps: every record exact. */
static void test_spill_cursor(void **state)
{
	(void)state;
	struct spill s;
	size_t cap = SPILL_AHEAD + 30000;
	char *rec = malloc(cap), *want = malloc(cap);
	const unsigned n = 20000;
	spill_init(&s, 1000);
	for (unsigned i = 0; i < n; i++)
		spill_add(&s, rec, cursor_rec(i, rec, cap));
	assert_true(s.in_file > 0);
	struct spill_cursor c = SPILL_CURSOR_INIT;
	for (int pass = 0; pass < 3; pass++) {
		for (unsigned j = 0; j < n; j++) {
			unsigned i = pass == 0 ? j : pass == 1 ? n - 1 - j : (j * 7919u) % n;
			size_t len, wn = cursor_rec(i, want, cap);
			const char *got = spill_get_next(&s, i, &c, &len);
			assert_non_null(got);
			assert_int_equal(len, wn);
			assert_memory_equal(got, want, len);
		}
	}
	spill_cursor_release(&c);
	spill_release(&s);
	free(rec);
	free(want);
}

/* A table of more rows than its memory holds renders every row, links included. */
static void test_doc_table_spill(void **state)
{
	(void)state;
	struct doc d;
	doc_init(&d, "t");
	static const char *const cols[] = { "id", ">n", NULL };
	struct doc_table *t = doc_table(&d, "big", cols);
	const size_t rows = DOC_TABLE_MEMORY / 8;
	for (size_t i = 0; i < rows; i++) {
		doc_cell_link(t, i % 3 ? NULL : "https://x.com/i/user/1", "row-%zu", i);
		doc_cell(t, "%zu", i * 2);
	}
	assert_int_equal(t->nrows, rows);
	assert_true(t->rows.in_file > 0);
	const char *href;
	assert_string_equal(doc_cell_at(t, 0, 0, &href), "row-0");
	assert_string_equal(href, "https://x.com/i/user/1");
	char want[32];
	snprintf(want, sizeof(want), "%zu", (rows - 1) * 2);
	assert_string_equal(doc_cell_at(t, rows - 1, 1, &href), want);
	assert_null(href);
	char *csv = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&csv, &n);
	doc_table_csv(t, f);
	fclose(f);
	size_t lines = 0;
	for (size_t i = 0; i < n; i++)
		lines += csv[i] == '\n';
	assert_int_equal(lines, rows + 1);
	assert_non_null(strstr(csv, "row-1,2\r\n"));
	free(csv);
	doc_release(&d);
}


int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fmt_i64), cmocka_unit_test(test_time_format_years),
		cmocka_unit_test(test_time_parse),  cmocka_unit_test(test_time_format),
		cmocka_unit_test(test_classify),    cmocka_unit_test(test_html_unescape),
		cmocka_unit_test(test_utf8),        cmocka_unit_test(test_sha256),
		cmocka_unit_test(test_u64map),
		cmocka_unit_test(test_spill),       cmocka_unit_test(test_spill_cursor),
		cmocka_unit_test(test_doc_table_spill),
	};
	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
