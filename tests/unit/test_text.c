/* Unit tests for text.h: normalization, slots, tokens, MinHash, clustering. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "text.h"

#include <string.h>

static char out[1024];

static const char *norm(const char *s)
{
	struct buf b = BUF_INIT;
	text_normalize(s, strlen(s), &b);
	snprintf(out, sizeof(out), "%s", b.s);
	buf_release(&b);
	return out;
}

static const char *slot(const char *s, const char *const *names, size_t n)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	text_normalize(s, strlen(s), &a);
	text_slot(a.s, names, n, &b, NULL);
	snprintf(out, sizeof(out), "%s", b.s);
	buf_release(&a);
	buf_release(&b);
	return out;
}

static double sim(const char *x, const char *y)
{
	uint32_t a[TEXT_MINHASH_K], b[TEXT_MINHASH_K];
	char sx[1024];
	snprintf(sx, sizeof(sx), "%s", slot(x, NULL, 0));
	text_minhash(sx, a);
	text_minhash(slot(y, NULL, 0), b);
	return text_minhash_similarity(a, b);
}

static void test_normalize(void **state)
{
	(void)state;
	assert_string_equal(norm("  Hello\r\n\tWORLD  "), "hello world");
	/* fullwidth and styled letters fold to plain ones (NFKC + case folding) */
	assert_string_equal(norm("ＦＲＥＥ １００"), "free 100");
	assert_string_equal(norm("\xf0\x9d\x90\x85\xf0\x9d\x90\x91\xf0\x9d\x90\x84\xf0\x9d\x90\x84"), "free");
	/* zero-width space dropped; curly apostrophe inside a word dropped */
	assert_string_equal(norm("fo\xe2\x80\x8bo didn\xe2\x80\x99t"), "foo didnt");
	assert_string_equal(norm("Straße"), "strasse");
	/* invalid UTF-8 keeps its ASCII */
	assert_string_equal(norm("ok\xff\xfe go"), "ok go");
}

static void test_slots(void **state)
{
	(void)state;
	const char *names[] = { "sarah", "northwind_goods" };
	assert_string_equal(slot("Hi Sarah! see https://t.co/abc123 or bit.ly/xY", names, 2),
			    "hi {name}! see {url} or {url}");
	assert_string_equal(slot("mail me: jo.doe@example.com.", NULL, 0), "mail me: {email}.");
	assert_string_equal(slot("Thanks @Bob_99 for 1,250 likes at 10:30", NULL, 0),
			    "thanks {user} for {num} likes at {num}");
	assert_string_equal(slot("visit www.example.com now", NULL, 0), "visit {url} now");
	/* numbers written as words are numbers; articles and words inside others are not */
	assert_string_equal(slot("Wir verlosen drei Kaffeemaschinen", NULL, 0), "wir verlosen {num} kaffeemaschinen");
	assert_string_equal(slot("one of twenty, tresor and three", NULL, 0), "one of {num}, tresor and {num}");
	/* a name only as a whole word */
	assert_string_equal(slot("sarahs sarah", names, 1), "sarahs {name}");
	struct buf a = BUF_INIT;
	struct text_slots f;
	text_slot("a http://x.y b@c.de @u 7", NULL, 0, &a, &f);
	assert_int_equal(f.url, 1);
	assert_int_equal(f.email, 1);
	assert_int_equal(f.user, 1);
	assert_int_equal(f.num, 1);
	buf_release(&a);
}

static void test_tokens(void **state)
{
	(void)state;
	assert_int_equal(text_tokens("thanks for the follow {url}"), 5);
	/* every Han or kana character is a word */
	assert_int_equal(text_tokens(slot("注文した商品", NULL, 0)), 6);
	assert_int_equal(text_tokens(slot("안녕하세요 감사", NULL, 0)), 7);
	assert_int_equal(text_tokens(slot("¡Hola, señor! ¿qué tal?", NULL, 0)), 4);
	/* Thai is an alphabet: ten letters of a greeting are three words, not ten */
	assert_int_equal(text_tokens(slot("สวัสดีครับ", NULL, 0)), 3);
	assert_int_equal(text_tokens(slot("ok สวัสดี", NULL, 0)), 3);
}

static void test_minhash(void **state)
{
	(void)state;
	/* equal after slotting */
	assert_true(sim("Thanks for following! Check out https://a.co/1", "thanks for following!  check out http://b.co/2") == 1.0);
	/* a typo and a dropped apostrophe still match; different texts do not */
	assert_true(sim("u didnt see them tapping u http://t.co/a", "u didn't seee them tapping u http://t.co/b") >= TEXT_NEAR_DUP);
	assert_true(sim("Thanks for following, Anna! Check out my latest video here", "Thanks for following, Bartholomew! Check out my latest video here") >= TEXT_NEAR_DUP);
	assert_true(sim("Do you ship to Ireland?", "The zip on my jacket broke after a week") < 0.3);
	/* CJK: near-duplicates by character shingles, without spaces */
	assert_true(sim("フォローありがとうございます！こちらもチェックしてね", "フォローありがとうございます!こちらもチェックしてね！") >= TEXT_NEAR_DUP);
	assert_true(sim("关注我的频道获取免费礼品", "今天天气很好我们去公园吧") < 0.3);
}

static void test_cluster(void **state)
{
	(void)state;
	const char *texts[] = {
		"Hey Anna, thanks for the follow! Let's connect on Facebook too: {url}",
		"Do you ship to Ireland?",
		"Hey Boris, thanks for the follow! Let's connect on Facebook too: {url}",
		"Congratulations! You have been selected to receive a gift card: {url}",
		"Hey Chen, thanks for the follow! Let's connect on Facebook too: {url}",
	};
	size_t n = sizeof(texts) / sizeof(texts[0]);
	uint32_t sigs[5 * TEXT_MINHASH_K], cl[5];
	for (size_t i = 0; i < n; i++)
		text_minhash(texts[i], sigs + i * TEXT_MINHASH_K);
	text_cluster(sigs, n, TEXT_NEAR_DUP, cl);
	assert_int_equal(cl[0], 0);
	assert_int_equal(cl[2], 0);
	assert_int_equal(cl[4], 0);
	assert_int_equal(cl[1], 1);
	assert_int_equal(cl[3], 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_slots),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_minhash),
		cmocka_unit_test(test_cluster),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
