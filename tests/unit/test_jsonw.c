/* jsonw writes exactly what json_dumpf would with the report's flags. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "jrows.h"
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

/* A rows array writes exactly what the same entries would as a tree, at any depth. */
static void test_rows(void **state)
{
	(void)state;
	unsigned seed = 777;
	for (int round = 0; round < 200; round++) {
		json_t *tree = json_object(), *rowed = json_object();
		json_t *plain = json_array(), *rows = jrows_new();
		int n = rand_r(&seed) % 6;
		for (int i = 0; i < n; i++) {
			json_t *e = random_tree(&seed, 1);
			jrows_add(rows, e);
			json_array_append_new(plain, e);
		}
		/* at depth 1, or deeper inside an object */
		if (round % 2) {
			json_object_set_new(tree, "list", plain);
			json_object_set_new(rowed, "list", rows);
		} else {
			json_object_set_new(tree, "a", json_pack("{s:{s:o}}", "b", "list", plain));
			json_object_set_new(rowed, "a", json_pack("{s:{s:o}}", "b", "list", rows));
		}
		char *want = written(tree), *got = written(rowed);
		assert_string_equal(got, want);
		free(want);
		free(got);
		jrows_release_all(); /* before the placeholder's address can be reused */
		json_decref(tree);
		json_decref(rowed);
	}
	/* rows put in another order are written in it */
	json_t *rows = jrows_new(), *plain = json_array();
	for (int i = 0; i < 3; i++) {
		json_t *v = json_integer(i);
		jrows_add(rows, v);
		json_decref(v);
	}
	static const size_t order[] = { 2, 0, 1 };
	jrows_order(rows, order, 3);
	for (int i = 0; i < 3; i++)
		json_array_append_new(plain, json_integer((json_int_t)order[i]));
	char *want = written(plain), *got = written(rows);
	assert_string_equal(got, want);
	free(want);
	free(got);
	json_decref(plain);
	json_decref(rows);
	jrows_release_all();
}

/*
 * A list whose text passes the memory bound moves to a temporary file: it
 * is written and read back the same, in the order set, and with no place
 * for the file (TMPDIR missing) it stays in memory, the same again.
 */
static void spilled(const char *tmpdir)
{
	setenv("TMPDIR", tmpdir, 1);
	json_t *rows = jrows_new(), *plain = json_array();
	size_t n = 0, bytes = 0;
	while (bytes < 3 * JROWS_MEMORY_BOUND) {
		json_t *e = json_pack("{s:I,s:s,s:[i,b]}", "n", (json_int_t)n,
				      "text", "some words \u00e9 \"quoted\" and more", "pair", 1, (int)(n % 2));
		jrows_add(rows, e);
		json_array_append_new(plain, e);
		bytes += 60;
		n++;
	}
	size_t *order = malloc(n * sizeof(*order));
	for (size_t i = 0; i < n; i++)
		order[i] = (i * 7919) % n;  /* a permutation: 7919 is prime, n is not its multiple */
	assert_true(n % 7919 != 0);
	jrows_order(rows, order, n);
	json_t *want_a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append(want_a, json_array_get(plain, order[i]));
	char *want = written(want_a), *got = written(rows);
	assert_string_equal(got, want);
	assert_int_equal(jrows_size(rows), n);
	struct jrows_iter it;
	size_t k = 0;
	for (json_t *v = jrows_first(&it, rows); v; v = jrows_next(&it), k++)
		assert_true(json_equal(v, json_array_get(want_a, k)));
	assert_false(it.failed);
	assert_int_equal(k, n);
	/* a loop left early */
	assert_non_null(jrows_first(&it, rows));
	jrows_stop(&it);
	free(want);
	free(got);
	free(order);
	json_decref(want_a);
	json_decref(plain);
	json_decref(rows);
	jrows_release_all();
	unsetenv("TMPDIR");
}

static void test_rows_spill(void **state)
{
	(void)state;
	spilled("/tmp");
	spilled("/nonexistent-dir-for-dmaudit-test");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_random_trees),
		cmocka_unit_test(test_streaming),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_rows_spill),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
