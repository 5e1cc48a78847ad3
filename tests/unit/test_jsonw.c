/* jsonw writes exactly what json_dumpf would with the report's flags. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "jsonw.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII | JSON_REAL_PRECISION(6))

static void same_as_jansson(const json_t *v)
{
	char *want = json_dumps(v, FLAGS);
	char *got = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&got, &n);
	assert_int_equal(jsonw_write(f, v), 0);
	fclose(f);
	assert_non_null(want);
	assert_int_equal(n, strlen(want) + 1);
	assert_memory_equal(got, want, strlen(want));
	assert_int_equal(got[n - 1], '\n');
	free(want);
	free(got);
}

static void test_values(void **state)
{
	(void)state;
	static const char *const strings[] = {
		"", "plain", "quote \" backslash \\ slash /", "\b\f\n\r\t\x01\x1f\x7f",
		"caf\xc3\xa9", "\xe2\x82\xac 100", "\xf0\x9f\x98\x80 emoji", "\xe6\x97\xa5\xe6\x9c\xac",
		"\xef\xbf\xbd", "<script>&amp;</script>",
	};
	static const double reals[] = { 0.0, -0.0, 0.5, 1.0, 0.829601, 1e6, 1234567.0, 1e-7,
					 123456789.0, -2.5e-300, 1e300, 3.14159265, 100.0 };
	static const json_int_t ints[] = { 0, -1, 42, INT64_MAX, INT64_MIN };
	json_t *a = json_array();
	for (size_t i = 0; i < sizeof(strings) / sizeof(*strings); i++)
		json_array_append_new(a, json_string(strings[i]));
	json_array_append_new(a, json_stringn("nul\0inside", 10));
	for (size_t i = 0; i < sizeof(reals) / sizeof(*reals); i++)
		json_array_append_new(a, json_real(reals[i]));
	for (size_t i = 0; i < sizeof(ints) / sizeof(*ints); i++)
		json_array_append_new(a, json_integer(ints[i]));
	json_array_append_new(a, json_true());
	json_array_append_new(a, json_false());
	json_array_append_new(a, json_null());
	json_array_append_new(a, json_array());
	json_array_append_new(a, json_object());
	json_t *o = json_object();
	json_object_set_new(o, "z first", json_integer(1));
	json_object_set_new(o, "a \xc3\xa9 \"key\"", json_string("v"));
	json_object_set_new(o, "nested", json_pack("{s:[i,{s:[]}],s:{}}", "x", 1, "y", "e"));
	json_array_append_new(a, o);
	same_as_jansson(a);
	same_as_jansson(o);
	json_decref(a);
}

/* Random trees from a fixed seed: shapes, strings and numbers mixed. */
static json_t *random_tree(unsigned *seed, int depth)
{
	int kind = rand_r(seed) % (depth > 4 ? 5 : 7);
	switch (kind) {
	case 0: return json_integer((json_int_t)rand_r(seed) - RAND_MAX / 2);
	case 1: return json_real((double)rand_r(seed) / (rand_r(seed) % 1000 + 1) *
				 pow(10, rand_r(seed) % 40 - 20));
	case 2: {
		char s[24];
		size_t n = (size_t)(rand_r(seed) % 20);
		for (size_t i = 0; i < n; i++)
			s[i] = (char)(rand_r(seed) % 127 + 1);
		s[n] = '\0';
		return json_string(s);
	}
	case 3: return json_string(rand_r(seed) % 2 ? "\xf0\x9f\x91\x8d ok" : "\xd0\x9f\xd1\x80\xd0\xb8");
	case 4: return rand_r(seed) % 2 ? json_null() : json_boolean(rand_r(seed) % 2);
	case 5: {
		json_t *a = json_array();
		for (int i = rand_r(seed) % 5; i > 0; i--)
			json_array_append_new(a, random_tree(seed, depth + 1));
		return a;
	}
	default: {
		json_t *o = json_object();
		for (int i = rand_r(seed) % 5; i > 0; i--) {
			char key[8];
			snprintf(key, sizeof(key), "k%d", rand_r(seed) % 50);
			json_object_set_new(o, key, random_tree(seed, depth + 1));
		}
		return o;
	}
	}
}

static void test_random_trees(void **state)
{
	(void)state;
	unsigned seed = 12345;
	for (int i = 0; i < 3000; i++) {
		json_t *t = json_array();
		json_array_append_new(t, random_tree(&seed, 0));
		same_as_jansson(t);
		json_decref(t);
	}
}

static char *written(const json_t *v)
{
	char *got = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&got, &n);
	assert_int_equal(jsonw_write(f, v), 0);
	fclose(f);
	return got;
}

/*
 * Write v value by value through the streaming calls; with a coin's toss,
 * a container is handed to jsonw_tree whole instead.
 */
static void stream(struct jsonw *w, const json_t *v, unsigned *seed)
{
	if ((json_is_array(v) || json_is_object(v)) && rand_r(seed) % 4 == 0) {
		jsonw_tree(w, v);
		return;
	}
	switch (json_typeof(v)) {
	case JSON_NULL: jsonw_null(w); break;
	case JSON_TRUE: jsonw_bool(w, true); break;
	case JSON_FALSE: jsonw_bool(w, false); break;
	case JSON_INTEGER: jsonw_int(w, (int64_t)json_integer_value(v)); break;
	case JSON_REAL: jsonw_real(w, json_real_value(v)); break;
	case JSON_STRING:
		if (rand_r(seed) % 2)
			jsonw_str(w, json_string_value(v));
		else
			jsonw_str_or_null(w, json_string_value(v));
		break;
	case JSON_ARRAY: {
		size_t i;
		json_t *e;
		jsonw_array(w);
		json_array_foreach(v, i, e)
			stream(w, e, seed);
		jsonw_end(w);
		break;
	}
	case JSON_OBJECT: {
		const char *k;
		json_t *e;
		jsonw_object(w);
		json_object_foreach((json_t *)v, k, e) {
			jsonw_key(w, k);
			stream(w, e, seed);
		}
		jsonw_end(w);
		break;
	}
	}
}

/* The streaming writer gives the tree writer's bytes, for any mix of the two. */
static void test_streaming(void **state)
{
	(void)state;
	unsigned seed = 777, coin = 1;
	for (int i = 0; i < 2000; i++) {
		json_t *t = random_tree(&seed, 0);
		if (i == 0) {
			json_decref(t);
			t = json_pack("{s:[],s:{},s:[[],{}],s:n}", "a", "o", "nested", "z");
		}
		char *want = written(t), *got = NULL;
		size_t n = 0;
		FILE *f = open_memstream(&got, &n);
		struct jsonw *w = jsonw_open(f);
		stream(w, t, &coin);
		assert_int_equal(jsonw_close(w), 0);
		fclose(f);
		assert_string_equal(got, want);
		free(want);
		free(got);
		json_decref(t);
	}
}


int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_random_trees),
		cmocka_unit_test(test_streaming),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
