/*
 * libFuzzer target: jdoc against jansson, on the same bytes.
 *
 * Whatever jansson accepts (JSON_ALLOW_NUL), jdoc must accept with the same
 * tree; whatever jansson refuses, jdoc must refuse too, except numbers out
 * of jansson's range (jdoc keeps literals), raw NUL bytes (jansson reads
 * some as the end of the text), and nesting between jdoc's cap of 512 and
 * jansson's of 2048 (the element reader refuses it by design). Any other
 * difference aborts. Built into
 * the unit tests too (DIFF_MAIN), where it checks a list of hand-made inputs.
 */
#include "jdoc.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int same(json_t *j, const struct jnode *n);

static int same_object(json_t *j, const struct jnode *n)
{
	/* jansson keeps the last of repeated keys: compare each distinct key once */
	size_t distinct = 0;
	JDOC_KEYS(n, k) {
		if (jdoc_repeated(n, k))
			continue;
		distinct++;
		char *key = strndup(k->s, k->len);
		json_t *v = memchr(k->s, 0, k->len) ? NULL : json_object_get(j, key);
		free(key);
		if (!v) {
			/* jansson cannot look up keys holding U+0000: find it by iteration */
			const char *jk;
			size_t jl;
			json_t *jv;
			void *it;
			for (it = json_object_iter(j); it; it = json_object_iter_next(j, it)) {
				jk = json_object_iter_key(it);
				jl = json_object_iter_key_len(it);
				jv = json_object_iter_value(it);
				if (jl == k->len && !memcmp(jk, k->s, jl))
					v = jv;
			}
		}
		if (!v || !same(v, k + 1))
			return 0;
	}
	return distinct == json_object_size(j);
}

static int same(json_t *j, const struct jnode *n)
{
	switch (json_typeof(j)) {
	case JSON_NULL: return n->type == J_NULL;
	case JSON_TRUE: return n->type == J_TRUE;
	case JSON_FALSE: return n->type == J_FALSE;
	case JSON_STRING:
		return n->type == J_STRING && n->len == json_string_length(j) &&
		       !memcmp(n->s, json_string_value(j), n->len);
	case JSON_INTEGER: {
		int64_t v;
		return jdoc_int(n, &v) && v == json_integer_value(j);
	}
	case JSON_REAL: {
		if (n->type != J_NUMBER)
			return 0;
		char lit[512];
		snprintf(lit, sizeof(lit), "%.*s", (int)n->len, n->s);
		return n->len < sizeof(lit) && strtod(lit, NULL) == json_real_value(j);
	}
	case JSON_ARRAY: {
		if (n->type != J_ARRAY || n->len != json_array_size(j))
			return 0;
		size_t i = 0;
		JDOC_EACH(n, v)
			if (!same(json_array_get(j, i++), v))
				return 0;
		return i == n->len;
	}
	case JSON_OBJECT: return n->type == J_OBJECT && same_object(j, n);
	}
	return 0;
}

/* 0 when jdoc and jansson agree on text; prints the difference otherwise. */
static int diff(const char *text, size_t len)
{
	static struct jdoc d = JDOC_INIT;
	json_error_t jerr;
	size_t at;
	const char *why;
	json_t *j = json_loadb(text, len, JSON_ALLOW_NUL, &jerr);
	int rc = jdoc_parse(&d, text, len, &at, &why);
	int bad = 0;
	if (j && rc && memchr(text, 0, len)) {
		/* jansson's reader stops at a raw NUL byte; jdoc refuses it */
	} else if (j && rc && !strcmp(why, "nested too deeply")) {
		/* jdoc caps nesting at JDOC_MAX_DEPTH (512), jansson at 2048: by design */
	} else if (j && rc) {
		fprintf(stderr, "jdoc refuses what jansson accepts: %s at %zu\n", why, at);
		bad = 1;
	} else if (!j && !rc) {
		/* jansson's ranges: integers beyond 64 bits, reals beyond double */
		if (!strstr(jerr.text, "too big") && !strstr(jerr.text, "overflow")) {
			fprintf(stderr, "jdoc accepts what jansson refuses: %s\n", jerr.text);
			bad = 1;
		}
	} else if (j && !same(j, jdoc_root(&d))) {
		fprintf(stderr, "jdoc and jansson read different trees\n");
		bad = 1;
	}
	json_decref(j);
	if (bad)
		fprintf(stderr, "input: %.*s\n", (int)(len > 200 ? 200 : len), text);
	return bad;
}

#ifdef DIFF_MAIN
#include <stdio.h>
int main(void)
{
	static const char *const cases[] = {
		"{}", "[]", " [ ] ", "{\"a\":1}", "[1,2,3]", "[-0, 0.5e-3, 1E+2, -12.5]",
		"{\"a\":\"x\",\"a\":\"y\"}", "{\"a\":{\"b\":[{}]},\"c\":null}",
		"[\"\\u00e9\\ud83d\\ude00\\n\\t\\\"\\\\\\/\"]", "[\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"]",
		"[\"\\u0000x\"]", "{\"\\u0000\":1}", "[true,false,null]", "[9223372036854775807]",
		"[-9223372036854775808]", "[\"a very long string that is longer than sixteen bytes\"]",
		"[\"escape after sixteen plain bytes........\\n\"]",
		/* refused by both */
		"", " ", "1", "\"s\"", "[", "]", "{", "{\"a\"}", "{\"a\":}", "{a:1}", "[1,]", "[,1]",
		"{\"a\":1,}", "[01]", "[1.]", "[.5]", "[1e]", "[-]", "[+1]", "[tru]", "[nul]",
		"[\"\x01\"]", "[\"\\x\"]", "[\"\\u12\"]", "[\"\\ud800\"]", "[\"\\udc00\"]",
		"[\"\\ud800\\u0041\"]", "[\"\xc3\"]", "[\"\xc0\xaf\"]", "[\"\xed\xa0\x80\"]",
		"[\"\xf4\x90\x80\x80\"]", "[1] x", "[1]]", "{}{}", "[\"unterminated", "[\"\\",
		"[1 2]", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "[NaN]", "[Infinity]", "[\xef\xbb\xbf]",
	};
	int failed = 0, n = (int)(sizeof(cases) / sizeof(cases[0]));
	for (int i = 0; i < n; i++) {
		int bad = diff(cases[i], strlen(cases[i]));
		printf("%s %d - jdoc agrees with jansson on case %d\n", bad ? "not ok" : "ok",
		       i + 1, i + 1);
		failed += bad;
	}
	/* nesting: 512 levels parse, 513 do not (jansson allows more: not compared) */
	static struct jdoc d = JDOC_INIT;
	char deep[2 * 513 + 1];
	size_t at;
	const char *why;
	memset(deep, '[', 512);
	memset(deep + 512, ']', 512);
	int ok512 = jdoc_parse(&d, deep, 1024, &at, &why) == 0 && d.n == 512;
	memset(deep, '[', 513);
	memset(deep + 513, ']', 513);
	int no513 = jdoc_parse(&d, deep, 1026, &at, &why) != 0 && at == 512;
	printf("%s %d - 512 levels parse, 513 are refused at byte 512\n",
	       ok512 && no513 ? "ok" : "not ok", n + 1);
	failed += !(ok512 && no513);
	jdoc_release(&d);
	printf("1..%d\n", n + 1);
	return failed != 0;
}
#else
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	if (diff((const char *)data, size))
		abort();
	return 0;
}
#endif
