/*
 * dmaudit snapshots [--db FILE] [--format text|json|csv]
 */
#include "cmd.h"
#include "doc.h"
#include "exitcode.h"
#include "jsonw.h"
#include "snapshots.h"
#include "store.h"
#include "timeutil.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char usage_text[] =
	"usage: dmaudit snapshots [--db FILE] [--format text|json|csv]\n\n"
	"List the archives ingested into the database, oldest first: when each was\n"
	"generated (and from what), its source and SHA-256, when it was ingested, its\n"
	"layout, the messages and tweets first seen in it, and its follower and\n"
	"following counts.\n\n"
	"  --db FILE    the database (default: dmaudit.db)\n"
	"  --format F   text, json or csv (default: text on a terminal, else json)\n"
	"  -h, --help   this help\n";

enum fmt { F_TEXT, F_JSON, F_CSV };

static json_t *count_json(int64_t n)
{
	return n < 0 ? json_null() : json_integer(n);
}

static int write_json(const struct snapshot_list *l)
{
	json_t *doc = json_object(), *arr = json_array();
	char iso[32];
	json_object_set_new(doc, "snapshots", arr);
	for (size_t i = 0; i < l->n; i++) {
		const struct snapshot_info *s = &l->s[i];
		json_t *j = json_object();
		time_format_iso(s->generated_at, iso);
		json_object_set_new(j, "generated_at", json_string(iso));
		json_object_set_new(j, "generated_from", json_string(s->generated_from));
		json_object_set_new(j, "source", json_string(s->source));
		json_object_set_new(j, "sha256", json_string(s->sha256));
		time_format_iso(s->ingested_at, iso);
		json_object_set_new(j, "ingested_at", json_string(iso));
		json_object_set_new(j, "layout", json_string(s->layout));
		json_object_set_new(j, "messages_first_seen", json_integer(s->messages));
		json_object_set_new(j, "tweets_first_seen", json_integer(s->tweets));
		json_object_set_new(j, "followers", count_json(s->followers));
		json_object_set_new(j, "following", count_json(s->following));
		json_array_append_new(arr, j);
	}
	int rc = jsonw_write(stdout, doc) ? EXIT_IO : EXIT_OK;
	json_decref(doc);
	return rc;
}

static void count_cell(struct doc_table *t, int64_t n)
{
	if (n < 0)
		doc_cell(t, "%s", "");
	else
		doc_cell(t, "%" PRId64, n);
}

/* Text and CSV: one table; text shortens the hash and the times. */
static void write_table(const struct snapshot_list *l, bool text)
{
	static const char *const cols[] = { "generated_at", "generated_from", "source", "sha256",
					    "ingested_at", "layout", ">messages", ">tweets",
					    ">followers", ">following", NULL };
	struct doc d;
	char iso[32];
	doc_init(&d, "Snapshots");
	if (text)
		doc_para(&d, "%zu snapshot%s, oldest first. Messages and tweets: first seen in "
			     "that snapshot.", l->n, l->n == 1 ? "" : "s");
	struct doc_table *t = doc_table(&d, "snapshots", cols);
	for (size_t i = 0; i < l->n; i++) {
		const struct snapshot_info *s = &l->s[i];
		time_format_iso(s->generated_at, iso);
		doc_cell(t, "%s", iso);
		doc_cell(t, "%s", s->generated_from);
		doc_cell(t, "%s", s->source);
		doc_cell(t, "%.*s", text ? 12 : (int)strlen(s->sha256), s->sha256);
		time_format_iso(s->ingested_at, iso);
		doc_cell(t, "%s", iso);
		doc_cell(t, "%s", s->layout);
		doc_cell(t, "%" PRId64, s->messages);
		doc_cell(t, "%" PRId64, s->tweets);
		count_cell(t, s->followers);
		count_cell(t, s->following);
	}
	doc_render(&d, text ? DOC_TEXT : DOC_CSV, stdout, "snapshots");
	doc_release(&d);
}

int cmd_snapshots(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = "dmaudit.db";
	enum fmt fmt = isatty(STDOUT_FILENO) ? F_TEXT : F_JSON;
	int c;
	while ((c = getopt_long(argc, argv, ":d:f:h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'f':
			if (!strcmp(optarg, "text"))
				fmt = F_TEXT;
			else if (!strcmp(optarg, "json"))
				fmt = F_JSON;
			else if (!strcmp(optarg, "csv"))
				fmt = F_CSV;
			else {
				fprintf(stderr, "dmaudit: snapshots: unknown format '%s' (text, "
						"json, csv)\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h': fputs(usage_text, stdout); return EXIT_OK;
		default: return cmd_bad_option("snapshots", c, argv, opts);
		}
	}
	if (optind < argc) {
		fprintf(stderr, "dmaudit: snapshots: unexpected argument '%s'\n", argv[optind]);
		return EXIT_USAGE;
	}

	struct store s = STORE_INIT;
	struct err err = ERR_INIT;
	struct snapshot_list l = SNAPSHOT_LIST_INIT;
	int rc = EXIT_OK;
	if (cmd_store_open(&s, db, STORE_READ, &err) || snapshots_read(&s, &l, &err)) {
		err_print(&err);
		rc = err.code ? err.code : EXIT_IO;
	} else if (fmt == F_JSON) {
		rc = write_json(&l);
	} else {
		write_table(&l, fmt == F_TEXT);
	}
	snapshots_release(&l);
	store_close(&s, false);
	return rc;
}
