/* Unit tests for search.h: query terms, snippets, and the index on a small store. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "exitcode.h"
#include "search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void test_terms(void **state)
{
	struct search_terms t = SEARCH_TERMS_INIT;
	struct err err = ERR_INIT;
	assert_int_equal(search_terms_parse("  refund  \"case number\" 確認 x\"y", &t, &err), 0);
	assert_int_equal(t.n, 4);
	assert_string_equal(t.term[0], "refund");
	assert_string_equal(t.term[1], "case number");
	assert_string_equal(t.term[2], "確認");
	assert_string_equal(t.term[3], "x\"y");
	search_terms_release(&t);
	/* an unclosed quote runs to the end; empty quotes and blanks hold nothing */
	assert_int_equal(search_terms_parse("\"open phrase", &t, &err), 0);
	assert_int_equal(t.n, 1);
	assert_string_equal(t.term[0], "open phrase");
	search_terms_release(&t);
	assert_int_equal(search_terms_parse(" \"\" \t", &t, &err), -1);
	assert_int_equal(err.code, EXIT_USAGE);
	search_terms_release(&t);
}

static const char *snip(const char *text, const char *q, size_t width)
{
	static char out[512];
	struct search_terms t = SEARCH_TERMS_INIT;
	struct buf b = BUF_INIT;
	search_terms_parse(q, &t, NULL);
	search_snippet(text, strlen(text), &t, width, &b);
	snprintf(out, sizeof(out), "%s", b.s);
	buf_release(&b);
	search_terms_release(&t);
	return out;
}

static void test_snippet(void **state)
{
	/* short texts whole, white space folded */
	assert_string_equal(snip("Any news\n\non my  refund?", "refund", 100),
			    "Any news on my refund?");
	/* a long text cut around the hit, from a word's start, marked both ends */
	assert_string_equal(snip("one two three four five six seven eight nine ten eleven "
				 "twelve REFUND thirteen fourteen fifteen sixteen", "refund", 30),
			    "…twelve REFUND thirteen fourtee…");
	/* no term in the text (it was redacted away): the start */
	assert_string_equal(snip("mail j***@m***.example today please", "john@mail.example", 12),
			    "mail j***@m*…");
	/* widths count characters, never cutting one */
	assert_string_equal(snip("ご迷惑をおかけしております。確認いたします。", "確認", 6),
			    "…す。確認いた…");
}

/* A store with three texts, built and searched. */
static void test_index(void **state)
{
	char path[] = "/tmp/dmaudit-test-search-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	struct store s = STORE_INIT;
	struct err err = ERR_INIT;
	assert_int_equal(store_open(&s, path, STORE_WRITE, &err), 0);
	assert_int_equal(store_exec(&s,
		"INSERT INTO meta VALUES ('owner_id', '1');"
		"INSERT INTO snapshot VALUES (1, 'a.zip', 'x', 0, 'manifest', 0, 1, 'data', 1, 1);"
		"INSERT INTO account VALUES (2, 'bob', 'Bob', 'mention');"
		"INSERT INTO conversation VALUES ('1-2', 'dm', 2, NULL);"
		"INSERT INTO message (id, conversation_id, sender_id, recipient_id, created_at, text,"
		"  snapshot_id) VALUES (10, '1-2', 2, 1, 3000, 'Where is my Refund?', 1),"
		"  (11, '1-2', 1, 2, 1000, 'refunds take 5 days', 1),"
		"  (12, '1-2', 2, 1, 2000, '東京に着きました', 1);"
		"INSERT INTO tweet (id, created_at, text, snapshot_id) VALUES (20, 4000, 'No refund', 1);",
		&err), 0);
	assert_int_equal(search_index_check(&s), SEARCH_INDEX_MISSING);
	int64_t docs = 0;
	assert_int_equal(search_index_build(&s, &docs, &err), 0);
	assert_int_equal(docs, 4);
	assert_int_equal(search_index_check(&s), SEARCH_INDEX_FRESH);

	struct search_terms t = SEARCH_TERMS_INIT;
	struct search_result r = SEARCH_RESULT_INIT;
	struct search_query q = { &t, SEARCH_ANY, 0, INT64_MIN, INT64_MAX, 0 };
	search_terms_parse("REFUND", &t, &err);
	assert_int_equal(search_run(&s, &q, &r, &err), 0);
	assert_int_equal(r.n, 3);           /* newest first, the tweet included */
	assert_int_equal(r.hit[0].source_id, 20);
	assert_int_equal(r.hit[0].channel, SEARCH_TWEET);
	assert_null(r.hit[0].conversation_id);
	assert_int_equal(r.hit[1].source_id, 10);
	assert_string_equal(r.hit[1].sender_handle, "bob");
	assert_int_equal(r.hit[2].source_id, 11);
	search_result_release(&r);

	q.from = 2;
	q.since = 2500;
	assert_int_equal(search_run(&s, &q, &r, &err), 0);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.hit[0].source_id, 10);
	search_result_release(&r);

	q.from = 0;
	q.since = INT64_MIN;
	q.limit = 1;
	assert_int_equal(search_run(&s, &q, &r, &err), 0);
	assert_int_equal(r.n, 1);
	assert_true(r.more);
	search_result_release(&r);
	search_terms_release(&t);

	/* a two-character CJK word has no trigram: LIKE finds it */
	q.limit = 0;
	search_terms_parse("東京", &t, &err);
	assert_int_equal(search_run(&s, &q, &r, &err), 0);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.hit[0].source_id, 12);
	search_result_release(&r);
	search_terms_release(&t);

	/* a new snapshot makes the index stale */
	assert_int_equal(store_exec(&s, "INSERT INTO snapshot VALUES (2, 'b.zip', 'y', 1, "
					"'manifest', 0, 1, 'data', 1, 1);", &err), 0);
	assert_int_equal(search_index_check(&s), SEARCH_INDEX_STALE);
	store_close(&s, true);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_terms),
		cmocka_unit_test(test_snippet),
		cmocka_unit_test(test_index),
	};
	return cmocka_run_group_tests_name("search", tests, NULL, NULL);
}
