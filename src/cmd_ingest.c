/*
 * dmaudit ingest [--db FILE] [--quiet] [--no-progress] ARCHIVE...
 */
#include "cmd.h"
#include "exitcode.h"
#include "ingest.h"
#include "interrupt.h"
#include "store.h"
#include "timeutil.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char usage_text[] =
	"usage: dmaudit ingest [--db FILE] [--quiet] [--no-progress] ARCHIVE [ARCHIVE...]\n\n"
	"Read Twitter/X data archives (the ZIP, or the folder it unzips to) into the\n"
	"database. Several archives of one account, from different dates, may be given\n"
	"in one call or several, in any order; each lands whole or not at all.\n\n"
	"  --db FILE      the database (default: dmaudit.db; created with mode 0600)\n"
	"  -q, --quiet    no progress bar and no summary line (warnings and errors stay)\n"
	"  --no-progress  no progress bar, but the summary line of each archive\n"
	"  -h, --help     this help\n\n"
	"The progress bar is drawn on stderr when it is a terminal, once an archive\n"
	"takes longer than DMAUDIT_PROGRESS_DELAY seconds (0.1 by default).\n";

/*
 * The bar appears once an ingest has run for a while (an ingest that ends
 * sooner shows only its summary line) and is redrawn ten times a second.
 * DMAUDIT_PROGRESS_DELAY sets the while, in seconds (tests use 0).
 */
#define PROGRESS_DELAY 0.1
#define PROGRESS_EVERY 0.1

struct progress {
	const char *name;
	double start, last;
	double delay;
	bool shown;
};

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void show_progress(void *ctx, uint64_t done, uint64_t total)
{
	struct progress *p = ctx;
	double t = now_s();
	if (!total || t - p->start < p->delay || (p->shown && t - p->last < PROGRESS_EVERY))
		return;
	p->last = t;
	p->shown = true;
	int pct = done >= total ? 100 : (int)(done * 100 / total);
	int bar = pct * 30 / 100;
	fprintf(stderr, "\r%-.30s [%.*s%*s] %3d%% %.1f/%.1f MB", p->name, bar,
		"##############################", 30 - bar, "", pct, (double)done / 1e6,
		(double)total / 1e6);
	fflush(stderr);
}

/* The one line an interrupted archive gets; the exit code for the signal. */
static int say_interrupted(const char *path, const char *db, bool db_kept)
{
	int sig = interrupt_pending();
	if (db_kept)
		fprintf(stderr, "dmaudit: '%s': interrupted by %s; '%s' is as it was before this "
				"archive\n", path, interrupt_name(sig), db);
	else
		fprintf(stderr, "dmaudit: '%s': interrupted by %s; '%s' was not created\n", path,
			interrupt_name(sig), db);
	return EXIT_SIGNAL + sig;
}

/* The one line a landed archive gets: whose, of when, and what was stored. */
static void say_landed(const char *path, const struct ingest_result *res, double seconds)
{
	char date[16], who[96];
	time_format_date(res->generated_at, date);
	if (res->owner_handle[0])
		snprintf(who, sizeof(who), "@%s (%lld)", res->owner_handle, (long long)res->owner);
	else
		snprintf(who, sizeof(who), "account %lld", (long long)res->owner);
	/* what was stored; what was already held is said apart */
	char held[64] = "";
	if (res->known)
		snprintf(held, sizeof(held), " (%lld already held)", (long long)res->known);
	fprintf(stderr,
		"dmaudit: %s: %s, snapshot of %s: %lld messages in %lld conversations%s, %lld "
		"group messages, %lld tweets, %lld followers, %lld following (%.2f s)\n",
		path, who, date, (long long)res->stored.dm_messages, (long long)res->conversations,
		held, (long long)res->stored.group_messages, (long long)res->stored.tweets,
		(long long)res->n.followers, (long long)res->n.following, seconds);
}

int cmd_ingest(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "no-progress", no_argument, NULL, 'P' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = "dmaudit.db";
	bool quiet = false, progress = true;
	int c;

	while ((c = getopt_long(argc, argv, ":d:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'q': quiet = true; break;
		case 'P': progress = false; break;
		case 'h': fputs(usage_text, stdout); return EXIT_OK;
		default: return cmd_bad_option("ingest", c, argv, opts);
		}
	}
	if (optind >= argc)
		return cmd_usage_error("ingest", "no archive given (dmaudit ingest [--db FILE] "
					"ARCHIVE...)");

	struct store s = STORE_INIT;
	struct err err = ERR_INIT;
	/* from here a signal rolls the archive back instead of killing the process */
	interrupt_catch();
	if (cmd_store_open(&s, db, STORE_WRITE, &err)) {
		err_print(&err);
		return interrupt_pending() ? EXIT_SIGNAL + interrupt_pending() : err.code;
	}
	for (int i = optind; i < argc; i++)
		if (store_is_file(&s, argv[i])) {
			fprintf(stderr, "dmaudit: '%s' is the database itself, not an archive\n",
				argv[i]);
			store_close(&s, true);
			return EXIT_USAGE;
		}
	bool landed = false;
	int rc = EXIT_OK;
	for (int i = optind; i < argc && rc == EXIT_OK && !interrupt_pending(); i++) {
		struct ingest_result res;
		const char *base = strrchr(argv[i], '/');
		const char *delay = getenv("DMAUDIT_PROGRESS_DELAY");
		struct progress p = { base && base[1] ? base + 1 : argv[i], now_s(), 0,
				      delay ? strtod(delay, NULL) : PROGRESS_DELAY, false };
		double t0 = now_s();
		bool tty = !quiet && progress && isatty(STDERR_FILENO);
		int r = ingest_archive(&s, argv[i], tty ? show_progress : NULL, &p, &res, &err);
		if (p.shown)
			fputs("\r\033[K", stderr);
		for (size_t w = 0; w < res.nwarnings; w++)
			fprintf(stderr, "dmaudit: warning: %s\n", res.warnings[w]);
		if (r && interrupt_pending()) {
			rc = say_interrupted(argv[i], db, landed || !s.created);
		} else if (r) {
			err_print(&err);
			rc = err.code ? err.code : EXIT_IO;
		} else if (res.already) {
			if (!quiet)
				fprintf(stderr, "dmaudit: '%s': this snapshot is already in '%s'; "
						"nothing changed\n", argv[i], db);
		} else {
			landed = true;
			if (!quiet)
				say_landed(argv[i], &res, now_s() - t0);
		}
		ingest_result_release(&res);
	}
	/* A database this call created and nothing landed in is removed again. */
	store_close(&s, !landed);
	return rc;
}
