/*
 * test_etiquette: pins each definition of the etiquette report on tiny
 * stores built with SQL in a temporary database: order by createdAt then id
 * (as integers), floor of milliseconds, medians of even counts, runs, the
 * cold window's boundary, mentions and replies, links in urls or text,
 * owner_messages_before_reply and chasing, handoffs, business hours.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "etiquette.h"
#include "jsonw.h"
#include "report.h"
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define OWNER 1
#define DAY_MS (86400LL * 1000)
#define T0 1614556800000LL /* 2021-03-01T00:00:00Z, a Monday */

struct fx {
	char path[64];
	struct store s;
	struct report_opts o;
	struct report_ctx ctx;
	struct etiquette_result *res; /* the typed result */
	json_t *r;                    /* … as the JSON it writes, read back */
};

static void sql(struct fx *f, const char *fmt, ...)
{
	char q[1024];
	va_list ap;
	struct err e = ERR_INIT;
	va_start(ap, fmt);
	vsnprintf(q, sizeof(q), fmt, ap);
	va_end(ap);
	if (store_exec(&f->s, q, &e))
		fail_msg("%s: %s", q, e.msg);
}

static struct fx *fx_new(void)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct err e = ERR_INIT;
	snprintf(f->path, sizeof(f->path), "/tmp/test-etiquette-XXXXXX");
	int fd = mkstemp(f->path);
	assert_true(fd >= 0);
	close(fd);
	unlink(f->path);
	f->s = (struct store)STORE_INIT;
	assert_int_equal(store_open(&f->s, f->path, STORE_WRITE, &e), 0);
	sql(f, "INSERT INTO meta VALUES ('owner_id', '%d'), ('owner_handle', 'shop')", OWNER);
	sql(f, "INSERT INTO snapshot VALUES (1, 'x.zip', 'abc', %lld, 'manifest', 0, %d, 'data', 1, 1)",
	    T0 + 100 * DAY_MS, OWNER);
	f->o = (struct report_opts){ .hours_from = -1, .hours_to = -1, .workdays = 0x3E };
	return f;
}

/* counterpart's 1:1 conversation "1-<cp>" */
static void conv(struct fx *f, int cp)
{
	sql(f, "INSERT INTO conversation VALUES ('%d-%d', 'dm', %d, NULL)", OWNER, cp, cp);
}

static void msg(struct fx *f, int cp, long long id, int sender, long long at, int urls,
		const char *text)
{
	sql(f, "INSERT INTO message (id, conversation_id, sender_id, recipient_id, created_at,"
	       " text, url_count, snapshot_id) VALUES (%lld, '%d-%d', %d, %d, %lld, '%s', %d, 1)",
	    id, OWNER, cp, sender, sender == OWNER ? cp : OWNER, at, text, urls);
}

static void tweet(struct fx *f, long long id, long long at, int reply_to, int mention,
		  const char *text)
{
	if (reply_to)
		sql(f, "INSERT INTO tweet (id, created_at, text, reply_to_user_id, snapshot_id)"
		       " VALUES (%lld, %lld, '%s', %d, 1)", id, at, text, reply_to);
	else
		sql(f, "INSERT INTO tweet (id, created_at, text, snapshot_id)"
		       " VALUES (%lld, %lld, '%s', 1)", id, at, text);
	if (mention)
		sql(f, "INSERT INTO tweet_mention VALUES (%lld, %d, NULL)", id, mention);
}

/* The JSON etiquette_json writes for r, read back as a tree. */
static json_t *result_tree(const struct etiquette_result *r)
{
	char *text = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&text, &len);
	assert_non_null(m);
	struct jsonw *w = jsonw_open(m);
	assert_int_equal(etiquette_json(w, r, NULL), 0);
	assert_int_equal(jsonw_close(w), 0);
	fclose(m);
	json_error_t je;
	json_t *t = json_loadb(text, len, 0, &je);
	if (!t)
		fail_msg("the JSON written does not parse: %s", je.text);
	free(text);
	return t;
}

static json_t *run(struct fx *f)
{
	struct err e = ERR_INIT;
	struct err e2 = ERR_INIT;
	store_build_indexes(&f->s, &e2);
	assert_int_equal(report_ctx_init(&f->ctx, &f->s, &f->o, &e), 0);
	f->res = etiquette_analyse(&f->ctx, &e);
	if (!f->res)
		fail_msg("analyse: %s", e.msg);
	f->r = result_tree(f->res);
	return f->r;
}

static void fx_free(struct fx *f)
{
	json_decref(f->r);
	etiquette_result_free(f->res);
	report_ctx_release(&f->ctx);
	store_close(&f->s, false);
	unlink(f->path);
	free(f);
}

static json_t *conv_of(struct fx *f, int cp)
{
	char id[32];
	size_t i;
	json_t *c;
	snprintf(id, sizeof(id), "%d-%d", OWNER, cp);
	json_array_foreach(json_object_get(f->r, "conversations"), i, c)
		if (!strcmp(json_string_value(json_object_get(c, "conversation_id")), id))
			return c;
	fail_msg("no conversation %s", id);
	return NULL;
}

static json_t *field(struct fx *f, int cp, const char *k)
{
	return json_object_get(conv_of(f, cp), k);
}

static json_int_t ifield(struct fx *f, int cp, const char *k)
{
	json_t *v = field(f, cp, k);
	assert_true(json_is_integer(v));
	return json_integer_value(v);
}

static json_int_t total(struct fx *f, const char *k)
{
	json_t *v = json_object_get(json_object_get(f->r, "totals"), k);
	assert_true(json_is_integer(v));
	return json_integer_value(v);
}

/* ---- pure helpers ---- */

static void test_seconds_floor(void **state)
{
	(void)state;
	assert_int_equal(etiquette_seconds(1000, 2999), 1);
	assert_int_equal(etiquette_seconds(1000, 1999), 0);
	assert_int_equal(etiquette_seconds(1000, 2000), 1);
	assert_int_equal(etiquette_seconds(2000, 1999), -1); /* floor, not truncation */
}

static void test_median_even_rounds_down(void **state)
{
	(void)state;
	int64_t a[] = { 2, 1 };
	assert_int_equal(etiquette_median(a, 2), 1); /* 1.5 -> 1 */
	int64_t b[] = { 11, 3, 10, 4 };
	assert_int_equal(etiquette_median(b, 4), 7);
	int64_t c[] = { 5, 1, 9 };
	assert_int_equal(etiquette_median(c, 3), 5);
	int64_t d[] = { 7 };
	assert_int_equal(etiquette_median(d, 1), 7);
}

static void test_p90_nearest_rank(void **state)
{
	(void)state;
	int64_t a[10], b[11], c[1] = { 42 };
	for (int i = 0; i < 10; i++)
		a[i] = 10 - i;            /* 1..10 */
	for (int i = 0; i < 11; i++)
		b[i] = i + 1;             /* 1..11 */
	assert_int_equal(etiquette_p90(a, 10), 9);   /* ceil(9) = 9th */
	assert_int_equal(etiquette_p90(b, 11), 10);  /* ceil(9.9) = 10th */
	assert_int_equal(etiquette_p90(c, 1), 42);
}

static void test_invites_dm(void **state)
{
	(void)state;
	static const char *const yes[] = {
		"@ann Sorry to hear that! Please DM us and we'll sort it out.",
		"@ann We'd love to help, send us a DM with the details.",
		"@ann Can you DM us?",
		"@ann Send us a direct message here: https://twitter.com/messages/compose?recipient_id=1",
		"@ann https://x.com/messages/compose?recipient_id=1",
		"@ann Could you message us privately so we can check?",
		"@ann Let's take this to DMs.",
		"@ann ¡Hola! Envíanos un DM y lo revisamos.",
		"@ann ENVIANOS UN DM",
		"@ann Écrivez-nous en message privé, on s'en occupe.",
		"@ann Envoyez-nous un DM",
		"@ann Bitte per DM melden.",
		"@ann Schick uns eine Direktnachricht",
		"@ann Manda uma mensagem direta, por favor",
		"@ann DMでお問い合わせください。",
		"@ann 詳しくはＤＭでご連絡ください。",
		"@ann ダイレクトメッセージをお送りください",
		NULL,
	};
	static const char *const no[] = {
		"@ann Thanks for your message, glad you liked it!",
		"@ann our admin usage stats are up",
		"@ann the random thought of the day",
		"Big sale this weekend",
		NULL,
	};
	for (int i = 0; yes[i]; i++)
		if (!etiquette_invites_dm(yes[i]))
			fail_msg("should invite: %s", yes[i]);
	for (int i = 0; no[i]; i++)
		if (etiquette_invites_dm(no[i]))
			fail_msg("should not invite: %s", no[i]);
}

static void test_in_hours(void **state)
{
	(void)state;
	struct report_opts o = { .hours_from = 9, .hours_to = 17, .workdays = 0x3E };
	int64_t h = 3600 * 1000;
	assert_true(etiquette_in_hours(&o, T0 + 9 * h));        /* Monday 09:00 */
	assert_true(etiquette_in_hours(&o, T0 + 17 * h - 1));   /* 16:59:59.999 */
	assert_false(etiquette_in_hours(&o, T0 + 17 * h));      /* 17:00 is out */
	assert_false(etiquette_in_hours(&o, T0 + 8 * h));
	assert_false(etiquette_in_hours(&o, T0 - 2 * DAY_MS + 10 * h)); /* Saturday */
	struct report_opts night = { .hours_from = 22, .hours_to = 6, .workdays = 0x7F };
	assert_true(etiquette_in_hours(&night, T0 + 23 * h));
	assert_true(etiquette_in_hours(&night, T0 + 2 * h));
	assert_false(etiquette_in_hours(&night, T0 + 12 * h));
}

/* ---- the report on small stores ---- */

static void test_ties_broken_by_integer_id(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	/* same millisecond: id 9 sorts before id 10 as integers ("10" < "9" as text) */
	conv(f, 2);
	msg(f, 2, 10, OWNER, T0, 0, "hello");
	msg(f, 2, 9, 2, T0, 0, "hi");
	/* the reverse: the owner's lower id wins the tie */
	conv(f, 3);
	msg(f, 3, 21, 3, T0, 0, "hi");
	msg(f, 3, 20, OWNER, T0, 0, "hello");
	run(f);
	assert_string_equal(json_string_value(field(f, 2, "initiated_by")), "counterpart");
	assert_int_equal(ifield(f, 2, "first_response_seconds"), 0);
	assert_string_equal(json_string_value(field(f, 3, "initiated_by")), "owner");
	assert_true(json_is_null(field(f, 3, "first_response_seconds")));
	fx_free(f);
}

static void test_milliseconds_floor_in_report(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	conv(f, 2);
	msg(f, 2, 1, 2, T0 + 500, 0, "q");
	msg(f, 2, 2, OWNER, T0 + 2499, 0, "a"); /* 1.999 s */
	run(f);
	assert_int_equal(ifield(f, 2, "first_response_seconds"), 1);
	assert_int_equal(json_integer_value(json_array_get(field(f, 2, "reply_seconds"), 0)), 1);
	fx_free(f);
}

static void test_runs_and_reply_seconds(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	conv(f, 2);
	msg(f, 2, 1, 2, T0, 0, "q1");
	msg(f, 2, 2, 2, T0 + 5000, 0, "q2");         /* same run */
	msg(f, 2, 3, OWNER, T0 + 10000, 0, "a1");    /* 10 s from the run's first */
	msg(f, 2, 4, OWNER, T0 + 12000, 0, "a1b");   /* no run open: nothing */
	msg(f, 2, 5, 2, T0 + 20000, 0, "q3");
	msg(f, 2, 6, OWNER, T0 + 25000, 0, "a2");    /* 5 s */
	msg(f, 2, 7, 2, T0 + 40000, 0, "q4");        /* never answered: no entry */
	run(f);
	json_t *rs = field(f, 2, "reply_seconds");
	assert_int_equal(json_array_size(rs), 2);
	assert_int_equal(json_integer_value(json_array_get(rs, 0)), 10);
	assert_int_equal(json_integer_value(json_array_get(rs, 1)), 5);
	assert_int_equal(ifield(f, 2, "first_response_seconds"), 10);
	assert_int_equal(total(f, "median_reply_seconds"), 7); /* (5 + 10) / 2 rounded down */
	/* answered once, so not unanswered; but its last run waits */
	assert_int_equal(total(f, "unanswered"), 0);
	assert_int_equal(json_array_size(json_object_get(f->r, "awaiting_reply")), 1);
	/* owner messages before a reply do not apply to a counterpart-initiated one */
	assert_true(json_is_null(field(f, 2, "owner_messages_before_reply")));
	assert_true(json_is_null(field(f, 2, "cold")));
	assert_true(json_is_null(field(f, 2, "first_has_url")));
	fx_free(f);
}

static void test_never_answered(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	conv(f, 2);
	msg(f, 2, 1, 2, T0, 0, "is anyone there?");
	msg(f, 2, 2, 2, T0 + 1000, 0, "hello?");
	conv(f, 3);
	msg(f, 3, 3, 3, T0, 0, "q");
	msg(f, 3, 4, OWNER, T0 + 3000, 0, "a");
	conv(f, 4);
	msg(f, 4, 5, 4, T0, 0, "q");
	msg(f, 4, 6, OWNER, T0 + 6000, 0, "a");
	run(f);
	assert_true(json_is_null(field(f, 2, "first_response_seconds")));
	assert_int_equal(json_array_size(field(f, 2, "reply_seconds")), 0);
	assert_int_equal(total(f, "counterpart_initiated"), 3);
	assert_int_equal(total(f, "answered"), 2);
	assert_int_equal(total(f, "unanswered"), 1);
	assert_int_equal(total(f, "median_first_response_seconds"), 4); /* (3 + 6) / 2 -> 4 */
	json_t *u = json_array_get(json_object_get(f->r, "unanswered"), 0);
	assert_string_equal(json_string_value(json_object_get(u, "conversation_id")), "1-2");
	/* age from the first message to the snapshot time, never the wall clock */
	assert_int_equal(json_integer_value(json_object_get(u, "age_seconds")), 100 * 86400);
	assert_string_equal(json_string_value(json_object_get(u, "snippet")), "is anyone there?");
	fx_free(f);
}

static void test_unanswered_snippet_redacted(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	conv(f, 2);
	msg(f, 2, 1, 2, T0, 0, "my card is 4111 1111 1111 1111, please\nrefund it");
	run(f);
	json_t *u = json_array_get(json_object_get(f->r, "unanswered"), 0);
	const char *sn = json_string_value(json_object_get(u, "snippet"));
	assert_non_null(sn);
	assert_null(strstr(sn, "4111 1111 1111 1111"));
	assert_non_null(strstr(sn, "1111, please refund it")); /* last digits kept, one line */
	fx_free(f);
}

static void test_cold_window_boundary(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	int64_t t = T0 + 30 * DAY_MS, w = ETIQUETTE_COLD_WINDOW_MS;
	conv(f, 2); /* reply exactly 604800 s before: inside, so warm */
	msg(f, 2, 1, OWNER, t, 0, "hi");
	tweet(f, 100, t - w, 2, 0, "@two thanks");
	conv(f, 3); /* one millisecond earlier: outside, so cold */
	msg(f, 3, 2, OWNER, t, 0, "hi");
	tweet(f, 101, t - w - 1, 3, 0, "@three thanks");
	conv(f, 4); /* a tweet at the same millisecond is not before: cold */
	msg(f, 4, 3, OWNER, t, 0, "hi");
	tweet(f, 102, t, 4, 0, "@four thanks");
	run(f);
	assert_false(json_is_true(field(f, 2, "cold")));
	assert_true(json_is_boolean(field(f, 2, "cold")));
	assert_true(json_is_true(field(f, 3, "cold")));
	assert_true(json_is_true(field(f, 4, "cold")));
	assert_int_equal(total(f, "cold"), 2);
	assert_int_equal(total(f, "owner_initiated"), 3);
	fx_free(f);
}

static void test_mention_counts_like_reply(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	int64_t t = T0 + 30 * DAY_MS;
	conv(f, 2); /* mentioned within the week: warm */
	msg(f, 2, 1, OWNER, t, 0, "hi");
	tweet(f, 100, t - DAY_MS, 0, 2, "shout out to @two");
	conv(f, 3); /* someone else mentioned, someone else replied to: cold */
	msg(f, 3, 2, OWNER, t, 0, "hi");
	tweet(f, 101, t - DAY_MS, 0, 9, "shout out to @nine");
	tweet(f, 102, t - DAY_MS, 8, 0, "@eight thanks");
	run(f);
	assert_false(json_is_true(field(f, 2, "cold")));
	assert_true(json_is_true(field(f, 3, "cold")));
	fx_free(f);
}

static void test_first_has_url(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	conv(f, 2); /* a link in urls only (the text shows none) */
	msg(f, 2, 1, OWNER, T0, 1, "see our shop");
	conv(f, 3); /* a link in the text only */
	msg(f, 3, 2, OWNER, T0, 0, "see https://shop.example");
	conv(f, 4); /* plain http:// */
	msg(f, 4, 3, OWNER, T0, 0, "see http://shop.example");
	conv(f, 5); /* no link: "http" without :// does not count */
	msg(f, 5, 4, OWNER, T0, 0, "the http protocol");
	conv(f, 6); /* only the first owner message decides */
	msg(f, 6, 5, OWNER, T0, 0, "hello");
	msg(f, 6, 6, OWNER, T0 + 1000, 1, "https://shop.example");
	run(f);
	assert_true(json_is_true(field(f, 2, "first_has_url")));
	assert_true(json_is_true(field(f, 3, "first_has_url")));
	assert_true(json_is_true(field(f, 4, "first_has_url")));
	assert_true(json_is_false(field(f, 5, "first_has_url")));
	assert_true(json_is_false(field(f, 6, "first_has_url")));
	assert_int_equal(total(f, "cold_with_url"), 3);
	fx_free(f);
}

static void test_owner_messages_before_reply_and_chased(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	conv(f, 2); /* the counterpart never wrote: all three count */
	msg(f, 2, 1, OWNER, T0, 0, "hi");
	msg(f, 2, 2, OWNER, T0 + 1000, 0, "hello?");
	msg(f, 2, 3, OWNER, T0 + 2000, 0, "still there?");
	conv(f, 3); /* one, then an answer, then more owner messages */
	msg(f, 3, 4, OWNER, T0, 0, "hi");
	msg(f, 3, 5, 3, T0 + 1000, 0, "yes?");
	msg(f, 3, 6, OWNER, T0 + 2000, 0, "a");
	msg(f, 3, 7, OWNER, T0 + 3000, 0, "b");
	conv(f, 4); /* exactly two before the answer: chased */
	msg(f, 4, 8, OWNER, T0, 0, "hi");
	msg(f, 4, 9, OWNER, T0 + 1000, 0, "hi again");
	msg(f, 4, 10, 4, T0 + 5000, 0, "stop");
	run(f);
	assert_int_equal(ifield(f, 2, "owner_messages_before_reply"), 3);
	assert_int_equal(ifield(f, 3, "owner_messages_before_reply"), 1);
	assert_int_equal(ifield(f, 4, "owner_messages_before_reply"), 2);
	assert_int_equal(total(f, "chased"), 2);
	assert_int_equal(json_array_size(json_object_get(f->r, "chased")), 2);
	/* an owner-initiated conversation still gets reply_seconds */
	assert_int_equal(json_array_size(field(f, 3, "reply_seconds")), 1);
	assert_int_equal(json_integer_value(json_array_get(field(f, 3, "reply_seconds"), 0)), 1);
	fx_free(f);
}

static void test_groups_and_empty_conversations_left_out(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	sql(f, "INSERT INTO conversation VALUES ('g1', 'group', NULL, 'team')");
	sql(f, "INSERT INTO message (id, conversation_id, sender_id, created_at, text, snapshot_id)"
	       " VALUES (1, 'g1', 7, %lld, 'hi all', 1)", T0);
	conv(f, 3); /* no messages */
	conv(f, 2);
	msg(f, 2, 2, 2, T0, 0, "q");
	run(f);
	assert_int_equal(json_array_size(json_object_get(f->r, "conversations")), 1);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(f->r, "stats"),
							    "empty_conversations_skipped")), 1);
	fx_free(f);
}

static void test_contract_fields_exactly(void **state)
{
	(void)state;
	static const char *const keys[] = { "conversation_id", "counterpart_id", "initiated_by",
					    "first_response_seconds", "reply_seconds", "cold",
					    "first_has_url", "owner_messages_before_reply" };
	struct fx *f = fx_new();
	conv(f, 2);
	msg(f, 2, 1, 2, T0, 0, "q");
	run(f);
	json_t *c = conv_of(f, 2);
	assert_int_equal(json_object_size(c), 8);
	for (size_t i = 0; i < 8; i++)
		assert_non_null(json_object_get(c, keys[i]));
	assert_int_equal(json_object_size(json_object_get(f->r, "totals")), 10);
	assert_true(json_is_null(json_object_get(json_object_get(f->r, "totals"),
						 "median_first_response_seconds")));
	fx_free(f);
}

static void test_handoff(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	int64_t t = T0 + 10 * DAY_MS;
	tweet(f, 100, t, 2, 0, "@two Sorry! Please DM us.");
	tweet(f, 101, t, 3, 0, "@three Envíanos un DM");
	tweet(f, 102, t, 4, 0, "@four thanks for the kind words");
	conv(f, 2);
	msg(f, 2, 1, 2, t - 1000, 0, "earlier message does not count");
	msg(f, 2, 2, 2, t + 90500, 0, "here is my order");
	run(f);
	json_t *h = json_object_get(f->r, "handoffs");
	assert_int_equal(json_array_size(h), 2);
	json_t *a = json_array_get(h, 0), *b = json_array_get(h, 1);
	assert_string_equal(json_string_value(json_object_get(a, "tweet_id")), "100");
	assert_true(json_is_true(json_object_get(a, "dm_followed")));
	assert_int_equal(json_integer_value(json_object_get(a, "seconds")), 90);
	assert_true(json_is_false(json_object_get(b, "dm_followed")));
	fx_free(f);
}

/* A reply of more than 68 years no longer fits 32 bits: the medians stay exact. */
static void test_reply_seconds_past_32_bits(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	long long far = 80LL * 365 * DAY_MS;  /* 2.5e9 s */
	conv(f, 2);
	msg(f, 2, 1, 2, T0, 0, "q");
	msg(f, 2, 2, OWNER, T0 + 10000, 0, "a");           /* 10 s */
	msg(f, 2, 3, 2, T0 + 20000, 0, "q2");
	msg(f, 2, 4, OWNER, T0 + 20000 + far, 0, "a2");    /* 80 years */
	msg(f, 2, 5, 2, T0 + 30000 + far, 0, "q3");
	msg(f, 2, 6, OWNER, T0 + 60000 + far, 0, "a3");    /* 30 s */
	run(f);
	json_t *rs = field(f, 2, "reply_seconds");
	assert_int_equal(json_array_size(rs), 3);
	assert_int_equal(json_integer_value(json_array_get(rs, 1)), far / 1000);
	assert_int_equal(total(f, "median_reply_seconds"), 30);
	assert_int_equal(f->res->reply.p90.s, far / 1000);
	assert_int_equal(f->res->reply.count, 3);
	/* widened, the values keep their groups: the month of the run's first message */
	json_t *bm = json_object_get(f->r, "by_month");
	assert_int_equal(json_array_size(bm), 2);
	json_t *m0 = json_array_get(bm, 0), *m1 = json_array_get(bm, 1);
	assert_string_equal(json_string_value(json_object_get(m0, "month")), "2021-03");
	assert_int_equal(json_integer_value(json_object_get(m0, "replies")), 2);
	assert_int_equal(json_integer_value(json_object_get(m0, "median_reply_seconds")),
			 10 + (far / 1000 - 10) / 2);
	assert_int_equal(json_integer_value(json_object_get(m1, "replies")), 1);
	assert_int_equal(json_integer_value(json_object_get(m1, "p90_reply_seconds")), 30);
	assert_int_equal(f->res->reply_in.count + f->res->reply_off.count, 3);
	fx_free(f);
}

/*
 * Every group's figures from one sort: first responses in two months, in
 * and off business hours, of odd and even counts, against the definitions.
 */
static void test_group_figures(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	long long h = 3600000, april = T0 + 31 * DAY_MS;  /* 2021-04-01, a Thursday */
	/* March, in hours (Monday 10:00): 30, 10, 20 s; off hours (Monday 20:00): 100, 300 s */
	static const int in_s[] = { 30, 10, 20 }, off_s[] = { 100, 300 };
	/* April, in hours (Thursday 11:00): 7, 9, 1, 5 s */
	static const int april_s[] = { 7, 9, 1, 5 };
	int cp = 10;
	long long id = 1;
	for (size_t i = 0; i < 3; i++, cp++) {
		conv(f, cp);
		msg(f, cp, id++, cp, T0 + 10 * h + (long long)i, 0, "q");
		msg(f, cp, id++, OWNER, T0 + 10 * h + (long long)i + in_s[i] * 1000LL, 0, "a");
	}
	for (size_t i = 0; i < 2; i++, cp++) {
		conv(f, cp);
		msg(f, cp, id++, cp, T0 + 20 * h + (long long)i, 0, "q");
		msg(f, cp, id++, OWNER, T0 + 20 * h + (long long)i + off_s[i] * 1000LL, 0, "a");
	}
	for (size_t i = 0; i < 4; i++, cp++) {
		conv(f, cp);
		msg(f, cp, id++, cp, april + 11 * h + (long long)i, 0, "q");
		msg(f, cp, id++, OWNER, april + 11 * h + (long long)i + april_s[i] * 1000LL, 0, "a");
	}
	run(f);
	const struct etiquette_result *r = f->res;
	/* all nine: 1 5 7 9 10 20 30 100 300 */
	assert_int_equal(r->first_response.count, 9);
	assert_int_equal(r->median_first_response.s, 10);
	assert_int_equal(r->p90_first_response.s, 300);   /* rank ceil(8.1) = 9 */
	/* in hours, seven: 1 5 7 9 10 20 30; off hours: 100 300 */
	assert_int_equal(r->first_in.count, 7);
	assert_int_equal(r->first_in.median.s, 9);
	assert_int_equal(r->first_in.p90.s, 30);
	assert_int_equal(r->first_off.count, 2);
	assert_int_equal(r->first_off.median.s, 200);
	assert_int_equal(r->first_off.p90.s, 300);
	/* the reply times are the same values, by the same groups */
	assert_int_equal(r->reply.count, 9);
	assert_int_equal(r->reply_off.median.s, 200);
	assert_int_equal((int)r->nmonths, 2);
	/* March: 10 20 30 100 300; April: 1 5 7 9 (even: (5 + 7) / 2) */
	assert_int_equal(r->months[0].counterpart_initiated, 5);
	assert_int_equal(r->months[0].median_first.s, 30);
	assert_int_equal(r->months[0].p90_first.s, 300);
	assert_int_equal(r->months[1].median_first.s, 6);
	assert_int_equal(r->months[1].p90_first.s, 9);
	assert_int_equal(r->months[1].replies, 4);
	assert_int_equal(r->months[1].median_reply.s, 6);
	fx_free(f);
}

/* Rows go through their records unchanged, NULL strings too, past the memory bound. */
static void test_rows_round_trip(void **state)
{
	(void)state;
	struct etiquette_result *r = etiquette_result_new();
	int64_t replies[3] = { 5, INT64_MAX, -1 };
	size_t n = 5000;   /* some megabytes: the list moves to its temporary file */
	for (size_t i = 0; i < n; i++) {
		char id[32], snip[300];
		struct etiquette_row e;
		memset(&e, 0, sizeof(e));
		snprintf(id, sizeof(id), "1-%zu", i);
		memset(snip, 'a' + (int)(i % 26), sizeof(snip) - 1);
		snip[sizeof(snip) - 1] = '\0';
		e.conversation_id = id;
		e.counterpart = (int64_t)i * 1000003;
		e.handle = i % 3 ? "h\xc3\xa9" : NULL;
		e.snippet = snip;
		e.cue = i % 2 ? "\"sale\"" : NULL;
		e.at = -(int64_t)i;
		e.first_response = (struct etiquette_secs){ i % 2 == 0, (int64_t)i };
		e.owner_first = i % 5 == 0;
		e.reply_seconds = replies;
		e.nreplies = i % 4;
		etiquette_add(r, ETIQUETTE_UNANSWERED, &e);
	}
	assert_true(r->lists[ETIQUETTE_UNANSWERED].in_file > 0 ||
		    r->lists[ETIQUETTE_UNANSWERED].memory_only);
	assert_int_equal(etiquette_count(r, ETIQUETTE_UNANSWERED), n);
	assert_int_equal(etiquette_count(r, ETIQUETTE_COLD), 0);
	struct etiquette_iter it;
	size_t k = 0;
	for (const struct etiquette_row *e = etiquette_first(&it, r, ETIQUETTE_UNANSWERED); e;
	     e = etiquette_next(&it), k++) {
		char id[32];
		snprintf(id, sizeof(id), "1-%zu", k);
		assert_string_equal(e->conversation_id, id);
		assert_int_equal(e->counterpart, (int64_t)k * 1000003);
		if (k % 3)
			assert_string_equal(e->handle, "h\xc3\xa9");
		else
			assert_null(e->handle);
		assert_int_equal(strlen(e->snippet), 299);
		assert_int_equal(e->snippet[0], 'a' + (int)(k % 26));
		if (k % 2)
			assert_string_equal(e->cue, "\"sale\"");
		else
			assert_null(e->cue);
		assert_int_equal(e->at, -(int64_t)k);
		assert_int_equal(e->first_response.set, k % 2 == 0);
		assert_int_equal(e->owner_first, k % 5 == 0);
		assert_int_equal(e->nreplies, k % 4);
		for (size_t j = 0; j < e->nreplies; j++)
			assert_int_equal(e->reply_seconds[j], replies[j]);
		assert_false(e->automated);
	}
	assert_false(it.failed);
	assert_int_equal(k, n);
	/* by position, out of order */
	etiquette_open(&it, r, ETIQUETTE_UNANSWERED);
	const struct etiquette_row *e = etiquette_get(&it, n - 1);
	assert_non_null(e);
	assert_int_equal(e->counterpart, (int64_t)(n - 1) * 1000003);
	assert_non_null(etiquette_get(&it, 7));
	assert_null(etiquette_get(&it, n));
	etiquette_stop(&it);
	etiquette_result_free(r);
}

/* autodm's verdicts: near-certain senders are automated, likely ones only maybe. */
static void test_judge(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	for (int cp = 2; cp <= 5; cp++) {
		conv(f, cp);
		msg(f, cp, cp * 10, cp, T0 + cp, 0, "hello");
	}
	run(f);
	assert_false(f->res->judged);
	assert_int_equal(f->res->unanswered_automated, 0);
	/* unjudged: the rows say nothing of automation */
	json_t *u = json_array_get(json_object_get(f->r, "unanswered"), 0);
	assert_null(json_object_get(u, "automated"));
	static const int64_t automated[] = { 3, 5 }, likely[] = { 4 };
	struct autodm_verdicts v = { automated, 2, likely, 1 };
	struct err e = ERR_INIT;
	assert_int_equal(etiquette_judge(f->res, &v, &e), 0);
	assert_int_equal(f->res->unanswered_automated, 2);
	assert_true(etiquette_is_automated(f->res, 5));
	assert_false(etiquette_is_automated(f->res, 4));
	json_decref(f->r);
	f->r = result_tree(f->res);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(f->r, "stats"),
							    "unanswered_automated")), 2);
	static const struct { bool automated, maybe; } want[] = {
		{ false, false }, { true, false }, { false, true }, { true, false } };
	json_t *un = json_object_get(f->r, "unanswered");
	assert_int_equal(json_array_size(un), 4);
	for (size_t i = 0; i < 4; i++) {
		json_t *x = json_array_get(un, i);
		assert_int_equal(json_is_true(json_object_get(x, "automated")), want[i].automated);
		assert_int_equal(json_is_true(json_object_get(x, "maybe_automated")), want[i].maybe);
	}
	fx_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seconds_floor),
		cmocka_unit_test(test_median_even_rounds_down),
		cmocka_unit_test(test_p90_nearest_rank),
		cmocka_unit_test(test_invites_dm),
		cmocka_unit_test(test_in_hours),
		cmocka_unit_test(test_ties_broken_by_integer_id),
		cmocka_unit_test(test_milliseconds_floor_in_report),
		cmocka_unit_test(test_runs_and_reply_seconds),
		cmocka_unit_test(test_never_answered),
		cmocka_unit_test(test_unanswered_snippet_redacted),
		cmocka_unit_test(test_cold_window_boundary),
		cmocka_unit_test(test_mention_counts_like_reply),
		cmocka_unit_test(test_first_has_url),
		cmocka_unit_test(test_owner_messages_before_reply_and_chased),
		cmocka_unit_test(test_groups_and_empty_conversations_left_out),
		cmocka_unit_test(test_contract_fields_exactly),
		cmocka_unit_test(test_handoff),
		cmocka_unit_test(test_reply_seconds_past_32_bits),
		cmocka_unit_test(test_group_figures),
		cmocka_unit_test(test_rows_round_trip),
		cmocka_unit_test(test_judge),
	};
	return cmocka_run_group_tests_name("etiquette", tests, NULL, NULL);
}
