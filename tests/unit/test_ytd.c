/* The element reader: every layout quirk, and every way a file can be cut into chunks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"
#include "exitcode.h"
#include "ytd.h"

#include <string.h>

struct collect {
	struct buf all;   /* elements joined by '|' */
	size_t n;
};

static int on_elem(void *ctx, const char *json, size_t len, size_t index, uint64_t offset,
		   struct err *err)
{
	struct collect *c = ctx;
	(void)offset;
	(void)err;
	assert_int_equal(index, c->n);
	if (c->n++)
		buf_addc(&c->all, '|');
	buf_add(&c->all, json, len);
	return 0;
}

/* Feed text in pieces of `step` bytes; returns 0 or -1, elements in c. */
static int feed(const char *text, size_t len, size_t step, struct collect *c, struct err *err)
{
	struct ytd_reader r;
	int rc = 0;
	buf_init(&c->all);
	c->n = 0;
	ytd_init(&r, on_elem, c);
	for (size_t i = 0; i < len && !rc; i += step)
		rc = ytd_feed(&r, text + i, len - i < step ? len - i : step, err);
	if (!rc)
		rc = ytd_finish(&r, err);
	ytd_release(&r);
	return rc;
}

static const struct {
	const char *name, *text, *want; /* want: elements joined by '|', or NULL for an error */
} cases[] = {
	{ "indented", "window.YTD.follower.part0 = [\n  {\n    \"a\" : 1\n  },\n  {\"b\":2}\n]",
	  "{\n    \"a\" : 1\n  }|{\"b\":2}" },
	{ "compact 2019", "window.YTD.account.part0 = [ {\"a\":[1,2]}, {\"b\":\"]\"} ]",
	  "{\"a\":[1,2]}|{\"b\":\"]\"}" },
	{ "empty []", "window.YTD.block.part0 = []", "" },
	{ "empty [ ]", "window.YTD.block.part0 = [ ]", "" },
	{ "trailing semicolon", "window.YTD.x.part0 = [{\"a\":1}];\n", "{\"a\":1}" },
	{ "BOM", "\xEF\xBB\xBFwindow.YTD.x.part1 = [{\"a\":1}]", "{\"a\":1}" },
	{ "no trailing newline", "window.YTD.x.part0 = [{\"a\":1}]", "{\"a\":1}" },
	{ "plain JSON", "[{\"a\":1}]", "{\"a\":1}" },
	{ "manifest object", "window.__THAR_CONFIG = {\n \"u\" : {\"x\":\"}\"}\n}", "{\n \"u\" : {\"x\":\"}\"}\n}" },
	{ "escaped quotes and brackets", "w = [{\"t\":\"a\\\"]}\\\\\"}, {\"u\":\"\\\\\"}]",
	  "{\"t\":\"a\\\"]}\\\\\"}|{\"u\":\"\\\\\"}" },
	{ "equals sign inside strings", "window.YTD.x.part0 = [{\"t\":\"a = b\"}]", "{\"t\":\"a = b\"}" },
	{ "empty file", "", "" },
	{ "truncated element", "window.YTD.x.part0 = [{\"a\":1", NULL },
	{ "truncated array", "window.YTD.x.part0 = [{\"a\":1},", NULL },
	{ "missing comma", "window.YTD.x.part0 = [{\"a\":1} {\"b\":2}]", NULL },
	{ "scalar element", "window.YTD.x.part0 = [1, 2]", NULL },
	{ "garbage after", "window.YTD.x.part0 = [{\"a\":1}] trailing", NULL },
	{ "no prefix", "hello world, this is not javascript", NULL },
	{ "value is not an array", "window.YTD.x.part0 = \"str\"", NULL },
};

static void test_cases_every_chunking(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t len = strlen(cases[i].text);
		for (size_t step = 1; step <= len + 1; step++) {
			struct collect c;
			struct err err = ERR_INIT;
			int rc = feed(cases[i].text, len, step, &c, &err);
			if (cases[i].want) {
				if (rc)
					fail_msg("%s (step %zu): %s", cases[i].name, step, err.msg);
				assert_string_equal(c.all.s, cases[i].want);
			} else {
				if (!rc)
					fail_msg("%s (step %zu): accepted", cases[i].name, step);
				assert_int_equal(err.code, EXIT_INPUT);
			}
			buf_release(&c.all);
		}
	}
}

static void test_depth_limit(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	buf_adds(&b, "w = [");
	for (int i = 0; i < YTD_MAX_DEPTH + 1; i++)
		buf_addc(&b, '[');
	for (int i = 0; i < YTD_MAX_DEPTH + 1; i++)
		buf_addc(&b, ']');
	buf_addc(&b, ']');
	struct collect c;
	struct err err = ERR_INIT;
	assert_int_equal(feed(b.s, b.len, 4096, &c, &err), -1);
	assert_non_null(strstr(err.msg, "nested too deep"));
	buf_release(&c.all);
	buf_release(&b);
}

static void test_error_names_element_and_byte(void **state)
{
	(void)state;
	const char *t = "window.YTD.x.part0 = [{\"a\":1}, {\"b\":2}, oops]";
	struct collect c;
	struct err err = ERR_INIT;
	assert_int_equal(feed(t, strlen(t), 7, &c, &err), -1);
	assert_non_null(strstr(err.msg, "element 3"));
	assert_non_null(strstr(err.msg, "byte 40"));
	buf_release(&c.all);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases_every_chunking),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_error_names_element_and_byte),
	};
	return cmocka_run_group_tests_name("ytd", tests, NULL, NULL);
}
