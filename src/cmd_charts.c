/*
 * dmaudit charts [--db FILE] [-o DIR] [--format svg|png] [--tz ZONE] [--since DATE]
 *                [--until DATE] [--quiet]
 *
 * Writes DIR/<chart>.tsv for every chart, then DIR/<chart>.svg (or .png)
 * with gnuplot and the scripts in scripts/. Without gnuplot the data is
 * still written, one line says how to install it, and the exit status is 0:
 * the user asked for charts, got their data, and is told the one step left.
 */
#include "charts.h"
#include "cmd.h"
#include "exitcode.h"
#include "report.h"
#include "store.h"
#include "tz.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef DMAUDIT_SHARE /* the Makefile sets it from PREFIX */
#define DMAUDIT_SHARE "/usr/local/share/dmaudit"
#endif

static const char usage_text[] =
	"usage: dmaudit charts [--db FILE] [-o DIR] [--format svg|png] [--tz ZONE]\n"
	"                      [--since DATE] [--until DATE] [--quiet]\n\n"
	"Draw charts of the database with gnuplot. For each chart, DIR/NAME.tsv holds\n"
	"its data and scripts/NAME.gp the gnuplot script that draws it, to rerun or\n"
	"adapt by hand:\n"
	"  gnuplot -e \"datafile='charts/volume.tsv'; outfile='v.svg'\" scripts/volume.gp\n\n"
	"  --db FILE      the database (default: dmaudit.db)\n"
	"  -o DIR         the folder to write to (default: charts), created if missing\n"
	"  --format F     svg (default) or png\n"
	"  --tz ZONE      IANA time zone for months and dates (default UTC)\n"
	"  --since DATE   chart one period: only the messages and tweets from DATE on\n"
	"                 (2021-06-01, or 2021-06-01T12:00:00Z)\n"
	"  --until DATE   … and up to DATE (a day counts whole)\n"
	"  -q, --quiet    do not list the files written (warnings and errors stay)\n"
	"  --no-progress  accepted as ingest takes it; charts draws no progress bar\n"
	"  -h, --help     this help\n\n"
	"gnuplot is needed for the pictures only; without it the .tsv files are written.\n"
	"The gnuplot scripts are found in $DMAUDIT_SCRIPTS, else scripts/ beside the\n"
	"binary, else " DMAUDIT_SHARE ".\n";

/* A line a chart: where it went, or why not (failures always, on stderr). */
static void say_charts(const struct charts *cs, const char *dir, const char *fmt, bool quiet)
{
	for (size_t i = 0; i < cs->n; i++) {
		const struct chart *ch = &cs->c[i];
		if (quiet && ch->state != CHART_FAILED)
			continue;
		switch (ch->state) {
		case CHART_SKIPPED:
			printf("%-17s skipped: %s\n", ch->name, ch->note);
			break;
		case CHART_DATA:
			printf("%-17s %s/%s.tsv\n", ch->name, dir, ch->name);
			break;
		case CHART_DRAWN:
			printf("%-17s %s/%s.%s\n", ch->name, dir, ch->name, fmt);
			break;
		case CHART_FAILED:
			fprintf(stderr, "dmaudit: charts: %s: %s\n", ch->name, ch->note);
			break;
		}
	}
	if (cs->no_gnuplot)
		fprintf(stderr, "dmaudit: gnuplot not found; install it with 'apt-get install "
				"gnuplot-nox' (the data is in %s/*.tsv)\n", dir);
}

/* What the command line asks for, checked. */
struct request {
	struct report_opts ro;
	const char *db, *dir, *fmt;
	bool quiet;
};

/* -1 when the command goes on; otherwise the exit code (usage or an error said). */
static int parse_request(int argc, char **argv, struct request *req)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "tz", required_argument, NULL, 'z' },
		{ "since", required_argument, NULL, 's' },
		{ "until", required_argument, NULL, 'u' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "no-progress", no_argument, NULL, 'P' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct report_opts *ro = &req->ro;
	int c;

	*req = (struct request){ .ro = { .hours_from = -1, .hours_to = -1, .workdays = 0x3E },
				 .db = "dmaudit.db", .dir = "charts", .fmt = "svg" };
	while ((c = getopt_long(argc, argv, ":d:o:f:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'd': req->db = optarg; break;
		case 'o': req->dir = optarg; break;
		case 'f':
			if (strcmp(optarg, "svg") && strcmp(optarg, "png"))
				return cmd_usage_error("charts", "unknown format '%s' (svg, png)",
						       optarg);
			req->fmt = optarg;
			break;
		case 'z':
			if (tz_check(optarg))
				return cmd_usage_error("charts", "unknown time zone '%s' (an IANA "
						       "name such as Europe/Paris, or UTC)", optarg);
			ro->tz = optarg;
			break;
		case 'q': req->quiet = true; break;
		case 'P': break;
		case 's':
		case 'u':
			if (cmd_period_option("charts", c, optarg, &ro->since, &ro->until))
				return EXIT_USAGE;
			*(c == 's' ? &ro->has_since : &ro->has_until) = true;
			break;
		case 'h': fputs(usage_text, stdout); return EXIT_OK;
		default: return cmd_bad_option("charts", c, argv, opts);
		}
	}
	if (ro->has_since && ro->has_until && ro->since > ro->until)
		return cmd_usage_error("charts", "--since is after --until");
	if (optind < argc)
		return cmd_usage_error("charts", "unexpected argument '%s'", argv[optind]);
	return -1;
}

int cmd_charts(int argc, char **argv)
{
	struct request req;
	int rc = parse_request(argc, argv, &req);
	if (rc >= 0)
		return rc;
	struct report_opts ro = req.ro;
	const char *db = req.db, *dir = req.dir, *fmt = req.fmt;
	bool quiet = req.quiet;
	if (ro.tz)
		tz_set(ro.tz);

	struct store s = STORE_INIT;
	struct err err = ERR_INIT;
	struct report_ctx ctx;
	if (cmd_store_open(&s, db, STORE_READ, &err) || cmd_check_output(&s, dir, &err) ||
	    report_ctx_init(&ctx, &s, &ro, &err)) {
		err_print(&err);
		store_close(&s, false);
		return err.code;
	}
	if (mkdir(dir, 0700) && errno != EEXIST) {
		fprintf(stderr, "dmaudit: '%s': cannot make the folder: %s\n", dir,
			strerror(errno));
		report_ctx_release(&ctx);
		store_close(&s, false);
		return EXIT_IO;
	}

	struct charts cs;
	struct results res;
	results_init(&res);
	rc = EXIT_OK;
	if (analyse_run(&ctx, db, NULL, &res, &err) ||
	    charts_export(&ctx, &res, dir, &cs, &err)) {
		err_print(&err);
		rc = err.code ? err.code : EXIT_IO;
		goto out;
	}
	if (charts_draw(&cs, dir, fmt, ro.tz))
		rc = EXIT_IO;
	say_charts(&cs, dir, fmt, quiet);
out:
	results_release(&res);
	report_ctx_release(&ctx);
	store_close(&s, false);
	return rc;
}
