/*
 * dmaudit search [--db FILE] [--format text|json|csv] [--reveal] [--from ACCOUNT]
 *                [--since DATE] [--until DATE] [--in dm|group|tweet] [--limit N] QUERY
 *
 * Reads the database read-only, unless the full-text index is missing or
 * older than the data: then it is built first (once, in one transaction,
 * on a writing connection; see search.h).
 */
#include "cmd.h"
#include "doc.h"
#include "exitcode.h"
#include "interrupt.h"
#include "jsonw.h"
#include "pii.h"
#include "search.h"
#include "store.h"
#include "timeutil.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage_text[] =
	"usage: dmaudit search [--db FILE] [--format text|json|csv] [--reveal] [--from ACCOUNT]\n"
	"                      [--since DATE] [--until DATE] [--in dm|group|tweet] [--limit N]\n"
	"                      QUERY\n\n"
	"Find messages (1:1 and group) and the owner's tweets that contain every word of\n"
	"QUERY (\"quoted words\" as one phrase), anywhere in a word and in any script,\n"
	"ignoring case; newest first. The first search after an ingest builds the index.\n\n"
	"  --db FILE        the database (default: dmaudit.db)\n"
	"  --format F       text, json or csv (default: text on a terminal, else json)\n"
	"  --reveal         show personal data in full (redacted by default)\n"
	"  --from ACCOUNT   only what this account sent: @handle or account id\n"
	"  --since DATE     only from DATE on (2021-06-01, or 2021-06-01T12:00:00Z)\n"
	"  --until DATE     only up to DATE (a day counts whole)\n"
	"  --in CHANNEL     only dm (1:1), group (group DMs) or tweet\n"
	"  --limit N        at most N hits (default 100; 0 for all)\n"
	"  -h, --help       this help\n\n"
	"Words of one or two characters are matched without the index (slower).\n";

#define DEFAULT_LIMIT 100
#define SNIPPET_WIDTH 100

enum fmt { F_TEXT, F_JSON, F_CSV };

struct opts {
	const char *db;
	enum fmt fmt;
	bool reveal;
	const char *from;
	struct search_query q;
};

static int parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "reveal", no_argument, NULL, 'r' },
		{ "from", required_argument, NULL, 'F' },
		{ "since", required_argument, NULL, 's' },
		{ "until", required_argument, NULL, 'u' },
		{ "in", required_argument, NULL, 'i' },
		{ "limit", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	char *end;
	while ((c = getopt_long(argc, argv, ":d:f:h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': o->db = optarg; break;
		case 'f':
			if (!strcmp(optarg, "text"))
				o->fmt = F_TEXT;
			else if (!strcmp(optarg, "json"))
				o->fmt = F_JSON;
			else if (!strcmp(optarg, "csv"))
				o->fmt = F_CSV;
			else {
				fprintf(stderr, "dmaudit: search: unknown format '%s' (text, json, "
						"csv)\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'r': o->reveal = true; break;
		case 'F': o->from = optarg; break;
		case 's':
		case 'u':
			if (cmd_parse_date(optarg, c == 'u', c == 's' ? &o->q.since : &o->q.until)) {
				fprintf(stderr, "dmaudit: search: --%s '%s' is not a date (YYYY-MM-DD, "
						"or YYYY-MM-DDTHH:MM:SSZ)\n",
					c == 's' ? "since" : "until", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'i':
			o->q.channel = search_channel_parse(optarg);
			if (o->q.channel == SEARCH_ANY) {
				fprintf(stderr, "dmaudit: search: --in '%s': dm, group or tweet\n",
					optarg);
				return EXIT_USAGE;
			}
			break;
		case 'l': {
			long v = strtol(optarg, &end, 10);
			if (end == optarg || *end || v < 0) {
				fprintf(stderr, "dmaudit: search: --limit '%s' is not a number of hits "
						"(0 for all)\n", optarg);
				return EXIT_USAGE;
			}
			o->q.limit = (size_t)v;
			break;
		}
		case 'h': fputs(usage_text, stdout); return -1;
		default: return cmd_bad_option("search", c, argv, opts);
		}
	}
	if (o->q.since > o->q.until) {
		fputs("dmaudit: search: --since is after --until\n", stderr);
		return EXIT_USAGE;
	}
	if (optind >= argc) {
		return cmd_usage_error("search", "no QUERY given");
	}
	if (optind + 1 < argc) {
		fprintf(stderr, "dmaudit: search: unexpected argument '%s' (quote a QUERY of "
				"several words)\n", argv[optind + 1]);
		return EXIT_USAGE;
	}
	return 0;
}

/*
 * Open the database for reading; when the index is missing or stale,
 * build it on a writing connection, which then serves the query.
 */
static int open_indexed(struct store *s, const char *db, struct err *err)
{
	if (cmd_store_open(s, db, STORE_READ, err))
		return -1;
	enum search_index_state state = search_index_check(s);
	if (state == SEARCH_INDEX_FRESH)
		return 0;
	int64_t size = search_index_size(s), docs;
	store_close(s, false);
	if (isatty(STDERR_FILENO))
		fprintf(stderr, "dmaudit: %s the search index of '%s' (%" PRId64 " texts; once "
				"after each ingest)\n",
			state == SEARCH_INDEX_MISSING ? "building" : "updating", db, size);
	/* a signal during the build rolls it back */
	interrupt_catch();
	if (cmd_store_open(s, db, STORE_WRITE, err) || search_index_build(s, &docs, err)) {
		if (!interrupt_pending())
			err_prefix(err, "search");
		return -1;
	}
	return 0;
}

/* The hit's snippet: redacted unless --reveal, then cut around a term. */
static void snippet(const struct search_hit *h, const struct opts *o, struct buf *out)
{
	struct buf red = BUF_INIT;
	const char *t = h->text;
	size_t n = strlen(t);
	if (!o->reveal) {
		pii_redact_text(t, n, &red);
		t = red.s;
		n = red.len;
	}
	buf_reset(out);
	search_snippet(t, n, o->q.terms, SNIPPET_WIDTH, out);
	buf_release(&red);
}

static json_t *id_json(int64_t id)
{
	char s[24];
	snprintf(s, sizeof(s), "%" PRId64, id);
	return json_string(s);
}

static int write_json(const struct search_result *r, const struct opts *o)
{
	json_t *doc = json_object(), *hits = json_array();
	struct buf sn = BUF_INIT;
	char iso[32];
	json_object_set_new(doc, "hits", hits);
	for (size_t i = 0; i < r->n; i++) {
		const struct search_hit *h = &r->hit[i];
		json_t *j = json_object();
		snippet(h, o, &sn);
		time_format_iso(h->created_at, iso);
		json_object_set_new(j, "message_id", id_json(h->source_id));
		json_object_set_new(j, "conversation_id", h->conversation_id
							  ? json_string(h->conversation_id)
							  : json_null());
		json_object_set_new(j, "sender_id", id_json(h->sender_id));
		json_object_set_new(j, "created_at", json_string(iso));
		json_object_set_new(j, "snippet", json_string(sn.s));
		json_object_set_new(j, "channel", json_string(search_channel_name(h->channel)));
		json_object_set_new(j, "sender_handle", h->sender_handle
							? json_string(h->sender_handle)
							: json_null());
		json_array_append_new(hits, j);
	}
	int rc = jsonw_write(stdout, doc) ? EXIT_IO : EXIT_OK;
	json_decref(doc);
	buf_release(&sn);
	return rc;
}

static void write_csv(const struct search_result *r, const struct opts *o)
{
	static const char *const cols[] = { "message_id", "conversation_id", "channel",
					    "sender_id", "sender_handle", "created_at",
					    "snippet", NULL };
	struct doc d;
	struct buf sn = BUF_INIT;
	char iso[32];
	doc_init(&d, "search");
	struct doc_table *t = doc_table(&d, "hits", cols);
	for (size_t i = 0; i < r->n; i++) {
		const struct search_hit *h = &r->hit[i];
		snippet(h, o, &sn);
		time_format_iso(h->created_at, iso);
		doc_cell(t, "%" PRId64, h->source_id);
		doc_cell(t, "%s", h->conversation_id ? h->conversation_id : "");
		doc_cell(t, "%s", search_channel_name(h->channel));
		doc_cell(t, "%" PRId64, h->sender_id);
		doc_cell(t, "%s", h->sender_handle ? h->sender_handle : "");
		doc_cell(t, "%s", iso);
		doc_cell(t, "%s", sn.s);
	}
	doc_render(&d, DOC_CSV, stdout, "hits");
	doc_release(&d);
	buf_release(&sn);
}

static void write_text(const struct search_result *r, const struct opts *o, int64_t owner)
{
	struct buf sn = BUF_INIT;
	char iso[32];
	if (!r->n)
		puts("No hits.");
	for (size_t i = 0; i < r->n; i++) {
		const struct search_hit *h = &r->hit[i];
		snippet(h, o, &sn);
		time_format_iso(h->created_at, iso);
		printf("%s  ", iso);
		if (h->sender_id == owner)
			fputs("you", stdout);
		else if (h->sender_handle)
			printf("@%s", h->sender_handle);
		else
			printf("%" PRId64, h->sender_id);
		if (h->channel == SEARCH_TWEET)
			printf("  tweet %" PRId64 "\n", h->source_id);
		else
			printf("  %s %s  message %" PRId64 "\n",
			       h->channel == SEARCH_DM ? "dm" : "group", h->conversation_id,
			       h->source_id);
		printf("    %s\n", sn.s);
	}
	if (r->more)
		printf("\nThe newest %zu hits; --limit N shows more (0 for all).\n", o->q.limit);
	buf_release(&sn);
}

int cmd_search(int argc, char **argv)
{
	struct search_terms terms = SEARCH_TERMS_INIT;
	struct opts o = { "dmaudit.db", isatty(STDOUT_FILENO) ? F_TEXT : F_JSON, false, NULL,
			  { &terms, SEARCH_ANY, 0, INT64_MIN, INT64_MAX, DEFAULT_LIMIT } };
	int rc = parse_args(argc, argv, &o);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;

	struct err err = ERR_INIT;
	struct store s = STORE_INIT;
	struct search_result r = SEARCH_RESULT_INIT;
	if (search_terms_parse(argv[optind], &terms, &err))
		goto fail;
	if (open_indexed(&s, o.db, &err))
		goto fail;
	if (o.from && !(o.q.from = store_account(&s, o.from))) {
		err_set(&err, EXIT_INPUT, "search: --from '%s': no such account in '%s'", o.from,
			o.db);
		goto fail;
	}
	if (search_run(&s, &o.q, &r, &err))
		goto fail;
	switch (o.fmt) {
	case F_JSON: rc = write_json(&r, &o); break;
	case F_CSV: write_csv(&r, &o); break;
	case F_TEXT: write_text(&r, &o, store_owner(&s)); break;
	}
	goto out;
fail:
	if (interrupt_pending()) {
		fprintf(stderr, "dmaudit: search: interrupted by %s; '%s' is as it was\n",
			interrupt_name(interrupt_pending()), o.db);
		rc = EXIT_SIGNAL + interrupt_pending();
	} else {
		err_print(&err);
		rc = err.code ? err.code : EXIT_IO;
	}
out:
	search_result_release(&r);
	search_terms_release(&terms);
	store_close(&s, false);
	return rc;
}
