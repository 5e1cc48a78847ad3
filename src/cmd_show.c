/*
 * dmaudit show [--db FILE] [--reveal] [--tz ZONE] CONVERSATION|@handle|ACCOUNT_ID
 */
#include "buf.h"
#include "cmd.h"
#include "exitcode.h"
#include "pii.h"
#include "store.h"
#include "thread.h"
#include "timeutil.h"
#include "tz.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static const char usage_text[] =
	"usage: dmaudit show [--db FILE] [--reveal] [--tz ZONE] CONVERSATION|@handle|ACCOUNT_ID\n\n"
	"Print one conversation as a thread, oldest first: who wrote (\"you\" for the\n"
	"owner), when, the text, reactions, media file names and group events, with\n"
	"the conversation's link on x.com. An @handle or account id shows that\n"
	"account's 1:1 conversation, or lists its group conversations.\n\n"
	"  --db FILE    the database (default: dmaudit.db)\n"
	"  --reveal     show personal data in full (redacted by default)\n"
	"  --tz ZONE    IANA time zone for the times shown (default UTC)\n"
	"  -h, --help   this help\n";

#define LINK_PREFIX "https://x.com/messages/"

struct show {
	const struct thread *t;
	bool reveal;
	const char *zone;
	struct buf line;
};

/* "you", "@handle" or the id. */
static const char *who(const struct thread *t, int64_t id, char out[80])
{
	const char *h = thread_handle(t, id);
	if (id == t->owner)
		snprintf(out, 80, "you");
	else if (h)
		snprintf(out, 80, "@%s", h);
	else
		snprintf(out, 80, "%" PRId64, id);
	return out;
}

static const char *when(int64_t ms, char out[32])
{
	struct tz_local l;
	tz_local(ms, &l);
	snprintf(out, 32, "%04d-%02d-%02d %02d:%02d", l.year, l.month, l.day, l.hour, l.minute);
	return out;
}

/* Text as shown: redacted unless --reveal; each line indented. */
static void print_text(struct show *sh, const char *text, const char *indent)
{
	buf_reset(&sh->line);
	if (sh->reveal)
		buf_adds(&sh->line, text);
	else
		pii_redact_text(text, strlen(text), &sh->line);
	const char *p = sh->line.s;
	do {
		size_t n = strcspn(p, "\n");
		printf("%s%.*s\n", indent, (int)n, p);
		p += n + (p[n] == '\n');
	} while (*p);
}

static void print_event(struct show *sh, const struct thread_item *it)
{
	char a[80], b[80], at[32];
	const struct thread *t = sh->t;
	printf("%s  -- ", when(it->at, at));
	if (!strcmp(it->event, "join")) {
		printf("you were added to the group");
		if (it->sender)
			printf(" by %s", who(t, it->sender, a));
	} else if (!strcmp(it->event, "rename")) {
		printf("%s renamed the group to \"", it->sender ? who(t, it->sender, a) : "someone");
		buf_reset(&sh->line);
		if (sh->reveal)
			buf_adds(&sh->line, it->text ? it->text : "");
		else if (it->text)
			pii_redact_text(it->text, strlen(it->text), &sh->line);
		printf("%s\"", sh->line.s);
	} else {
		bool join = !strcmp(it->event, "participants_join");
		if (join && it->sender)
			printf("%s added ", who(t, it->sender, a));
		for (size_t i = 0; i < it->naccounts; i++)
			printf("%s%s", i ? (i + 1 == it->naccounts ? " and " : ", ") : "",
			       who(t, it->accounts[i], b));
		if (!it->naccounts)
			printf("someone");
		printf("%s", join ? (it->sender ? "" : " joined") : " left");
	}
	puts("");
}

static void print_message(struct show *sh, const struct thread_item *it)
{
	char a[80], at[32];
	printf("%s  %s%s\n", when(it->at, at), who(sh->t, it->sender, a),
	       it->welcome ? " (welcome message)" : "");
	if (*it->text)
		print_text(sh, it->text, "    ");
	for (size_t i = 0; i < it->nmedia; i++)
		printf("    [media] %s\n", it->media[i]);
	if (it->nmedia_missing)
		printf("    [media] (%zu not in the archive)\n", it->nmedia_missing);
	if (it->nreactions) {
		printf("    [reactions]");
		for (size_t i = 0; i < it->nreactions; i++)
			printf("%s %s by %s", i ? "," : "", it->reactions[i].key,
			       who(sh->t, it->reactions[i].sender, a));
		puts("");
	}
}

static void print_thread(struct show *sh)
{
	const struct thread *t = sh->t;
	const struct thread_summary *c = &t->info;
	char a[80], d1[32], d2[32];
	if (c->group) {
		printf("Group conversation %s", c->id);
		if (c->name) {
			buf_reset(&sh->line);
			if (sh->reveal)
				buf_adds(&sh->line, c->name);
			else
				pii_redact_text(c->name, strlen(c->name), &sh->line);
			printf(" \"%s\"", sh->line.s);
		}
		printf(", %zu other member%s\n", thread_members(t), thread_members(t) == 1 ? "" : "s");
	} else {
		printf("Conversation %s with %s", c->id, who(t, c->counterpart, a));
		if (thread_handle(t, c->counterpart))
			printf(" (%" PRId64 ")", c->counterpart);
		puts("");
	}
	printf("%s%s\n", LINK_PREFIX, c->id);
	if (c->messages)
		printf("%" PRId64 " message%s, %s to %s (%s)\n\n", c->messages,
		       c->messages == 1 ? "" : "s", when(c->first_at, d1), when(c->last_at, d2),
		       sh->zone ? sh->zone : "UTC");
	else
		printf("no messages (%s)\n\n", sh->zone ? sh->zone : "UTC");
	for (size_t i = 0; i < t->n; i++) {
		if (t->item[i].kind == THREAD_EVENT)
			print_event(sh, &t->item[i]);
		else
			print_message(sh, &t->item[i]);
	}
}

/* Several conversations matched an account: list them to choose from. */
static void print_choices(const struct thread_matches *m, const char *target, const char *zone)
{
	char d[32];
	printf("%s has no 1:1 conversation; %zu group conversations, most recent first "
	       "(dmaudit show ID):\n", target, m->n);
	for (size_t i = 0; i < m->n; i++) {
		const struct thread_summary *c = &m->c[i];
		printf("  %s  %" PRId64 " message%s", c->id, c->messages, c->messages == 1 ? "" : "s");
		if (c->messages)
			printf(", last %s %s", when(c->last_at, d), zone ? zone : "UTC");
		printf("  %s%s\n", LINK_PREFIX, c->id);
	}
}

int cmd_show(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "reveal", no_argument, NULL, 'r' },
		{ "tz", required_argument, NULL, 'z' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = "dmaudit.db", *zone = NULL;
	bool reveal = false;
	int c;
	while ((c = getopt_long(argc, argv, ":d:h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'r': reveal = true; break;
		case 'z':
			if (tz_check(optarg)) {
				fprintf(stderr, "dmaudit: show: unknown time zone '%s' (an IANA name "
						"such as Europe/Paris, or UTC)\n", optarg);
				return EXIT_USAGE;
			}
			zone = optarg;
			break;
		case 'h': fputs(usage_text, stdout); return EXIT_OK;
		default: return cmd_bad_option("show", c, argv, opts);
		}
	}
	if (optind >= argc) {
		return cmd_usage_error("show", "no conversation given (an id, @handle or account id)");
	}
	if (optind + 1 < argc) {
		fprintf(stderr, "dmaudit: show: unexpected argument '%s'\n", argv[optind + 1]);
		return EXIT_USAGE;
	}
	const char *target = argv[optind];
	if (zone)
		tz_set(zone);

	struct store s = STORE_INIT;
	struct err err = ERR_INIT;
	struct thread_matches m = THREAD_MATCHES_INIT;
	struct thread t = THREAD_INIT;
	int rc = EXIT_OK;
	if (cmd_store_open(&s, db, STORE_READ, &err) || thread_find(&s, target, &m, &err))
		goto fail;
	if (m.n == 0) {
		if (m.account)
			err_set(&err, EXIT_INPUT, "show: '%s' has no conversation in '%s'", target,
				db);
		else if (*target == '@')
			err_set(&err, EXIT_INPUT, "show: no account '%s' in '%s'", target, db);
		else
			err_set(&err, EXIT_INPUT, "show: '%s' is no conversation, @handle or account "
				"in '%s'", target, db);
		goto fail;
	}
	if (m.n > 1) {
		print_choices(&m, target, zone);
		goto out;
	}
	if (thread_load(&s, &m.c[0], &t, &err))
		goto fail;
	struct show sh = { &t, reveal, zone, BUF_INIT };
	print_thread(&sh);
	buf_release(&sh.line);
	goto out;
fail:
	err_print(&err);
	rc = err.code ? err.code : EXIT_IO;
out:
	thread_release(&t);
	thread_matches_release(&m);
	store_close(&s, false);
	return rc;
}
