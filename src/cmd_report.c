/*
 * dmaudit report KIND [--db FILE] [--format F] [-o FILE|DIR] [--reveal] [--tz ZONE] [--hours H-H]
 */
#include "charts.h"
#include "cmd.h"
#include "doc.h"
#include "exitcode.h"
#include "findings.h"
#include "jsonw.h"
#include "report.h"
#include "store.h"
#include "suggest.h"
#include "timeutil.h"
#include "trace.h"
#include "tz.h"
#include "xalloc.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage_text[] =
	"usage: dmaudit report KIND [--db FILE] [--format text|json|csv|md|html] [-o FILE|DIR]\n"
	"                      [--reveal] [--tz ZONE] [--hours HH-HH] [--days DAYS]\n"
	"                      [--since DATE] [--until DATE] [--quiet]\n\n"
	"KIND is summary, autodm, etiquette, exposure, changes, or all.\n\n"
	"  --db FILE      the database (default: dmaudit.db)\n"
	"  --format F     text, json, csv, md or html. Default: from the -o file's\n"
	"                 extension (.txt .json .csv .md .html .htm; another one is\n"
	"                 refused unless --format is given); else text on a terminal\n"
	"                 and json otherwise\n"
	"  -o FILE        write to FILE (mode 0600) instead of standard output; an HTML\n"
	"                 page puts its long tables beside it, FILE-KIND-TABLE.csv\n"
	"  -o DIR         (CSV) one file per table, DIR/KIND-TABLE.csv; DIR is an\n"
	"                 existing folder or a name ending in '/' (created)\n"
	"  --reveal       show personal data in full (redacted by default)\n"
	"  --tz ZONE      IANA time zone for times shown and business hours (default UTC)\n"
	"  --hours HH-HH  business hours, e.g. 09-17 (etiquette); the customer message's\n"
	"                 time decides whether it arrived in business hours\n"
	"  --days DAYS    working days for --hours, e.g. mon-fri (default) or mon-sat\n"
	"  --since DATE   audit one period: only the messages and tweets from DATE on\n"
	"                 (2021-06-01, or 2021-06-01T12:00:00Z)\n"
	"  --until DATE   … and up to DATE (a day counts whole)\n"
	"  -q, --quiet    do not list the CSV files written\n"
	"  --no-progress  accepted as ingest takes it; a report draws no progress bar\n"
	"  -h, --help     this help\n\n"
	"CSV: one table a file. 'report KIND' writes its main table to standard output\n"
	"or -o NAME.csv; 'report all' (or -o DIR) writes every table, to DIR/KIND-TABLE.csv\n"
	"or, with -o NAME.csv, to NAME-KIND-TABLE.csv beside it, and lists the files.\n"
	"Text fits $COLUMNS, else the terminal's width, else 80 columns.\n";

enum fmt { F_TEXT, F_JSON, F_CSV, F_MD, F_HTML, F_NONE };

static enum fmt parse_format(const char *s)
{
	static const char *const names[] = { "text", "json", "csv", "md", "html" };
	for (int i = 0; i < 5; i++)
		if (!strcmp(s, names[i]))
			return (enum fmt)i;
	if (!strcmp(s, "markdown"))
		return F_MD;
	if (!strcmp(s, "txt"))
		return F_TEXT;
	return F_NONE;
}

/* The format an output name's extension says, or F_NONE when it says none known. */
static enum fmt format_from_name(const char *path)
{
	const char *base = strrchr(path, '/');
	const char *dot = strrchr(base ? base + 1 : path, '.');
	if (!dot)
		return F_NONE;
	if (!strcmp(dot, ".htm"))
		return F_HTML;
	if (!strcmp(dot, ".markdown"))
		return F_MD;
	return parse_format(dot + 1);
}

static int parse_hours(const char *s, struct report_opts *o)
{
	char *end;
	long a = strtol(s, &end, 10);
	if (end == s || *end != '-')
		return -1;
	const char *p = end + 1;
	long b = strtol(p, &end, 10);
	if (end == p || *end || a < 0 || a > 23 || b < 1 || b > 24 || a == b)
		return -1;
	o->hours_from = (int)a;
	o->hours_to = (int)b;
	return 0;
}

static int day_index(const char *s, size_t n)
{
	static const char *const d[] = { "sun", "mon", "tue", "wed", "thu", "fri", "sat" };
	for (int i = 0; i < 7; i++)
		if (n == 3 && !strncmp(s, d[i], 3))
			return i;
	return -1;
}

/* "mon-fri", "mon,wed,fri", "sun-thu" */
static int parse_days(const char *s, unsigned *mask)
{
	*mask = 0;
	while (*s) {
		size_t n = strcspn(s, ",");
		const char *dash = memchr(s, '-', n);
		int a = day_index(s, dash ? (size_t)(dash - s) : n);
		int b = dash ? day_index(dash + 1, n - (size_t)(dash - s) - 1) : a;
		if (a < 0 || b < 0)
			return -1;
		for (int i = a;; i = (i + 1) % 7) {
			*mask |= 1u << i;
			if (i == b)
				break;
		}
		s += n;
		if (*s == ',')
			s++;
	}
	return *mask ? 0 : -1;
}

/*
 * Move the blocks of figs into part after its key figures: before its
 * second heading (details and appendices follow), else at its end. People
 * look at the pictures before they read the tables.
 */
static void insert_figures(struct doc *part, struct doc *figs)
{
	size_t split = part->n, size = sizeof(*part->blocks);
	for (size_t i = 1; i < part->n; i++)
		if (part->blocks[i].kind == DOC_HEADING) {
			split = i;
			break;
		}
	struct doc_block *b = xmalloc((part->n + figs->n + 1) * size);
	if (split)
		memcpy(b, part->blocks, split * size);
	if (figs->n)
		memcpy(b + split, figs->blocks, figs->n * size);
	if (part->n > split)
		memcpy(b + split + figs->n, part->blocks + split, (part->n - split) * size);
	free(part->blocks);
	part->blocks = b;
	part->n += figs->n;
	part->alloc = part->n + 1;
	free(figs->blocks);
	figs->blocks = NULL;
	figs->n = figs->alloc = 0;
}

/*
 * Export and draw the charts of kind (all when NULL) as SVG into a new
 * temporary folder; its path (malloc'ed), or NULL when charts cannot be made
 * (a warning says why: the report goes on without them).
 */
static char *html_charts(struct report_ctx *ctx, const struct results *results, const char *kind,
			 struct charts *cs, const struct report_opts *ro)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/dmaudit-charts-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	struct err err = ERR_INIT;
	if (!mkdtemp(dir)) {
		warn("cannot make a temporary folder for the charts in '%s': %s; the report "
		     "has none", tmp && *tmp ? tmp : "/tmp", strerror(errno));
		free(dir);
		return NULL;
	}
	if (charts_export_kind(ctx, results, dir, kind, cs, &err)) {
		warn("the report has no charts: %s", err.msg);
		charts_remove(cs, dir, "svg");
		free(dir);
		return NULL;
	}
	charts_draw(cs, dir, "svg", ro->tz);
	return dir;
}


static void period_para(struct doc *d, const struct report_opts *ro)
{
	char a[32] = "", b[32] = "";
	if (ro->has_since)
		time_format_iso(ro->since, a);
	if (ro->has_until)
		time_format_iso(ro->until, b);
	doc_para(d, "Period: the messages and tweets %s%s%s%s%s only.", *a ? "from " : "", a,
		 *a && *b ? " " : "", *b ? "up to " : "", b);
}

/* A mistyped KIND gets git's "did you mean", from the table of report kinds. */
static int unknown_kind(const char *kind)
{
	struct suggest sg;
	char hint[256];
	suggest_init(&sg, kind);
	for (size_t i = 0; report_kinds[i]; i++)
		suggest_add(&sg, report_kinds[i]->name);
	suggest_add(&sg, "all");
	if (sg.n) {
		fprintf(stderr, "dmaudit: report: '%s' is not a report.%s\n", kind,
			suggest_text(&sg, hint, sizeof(hint)));
		return EXIT_USAGE;
	}
	return cmd_usage_error("report", "unknown report '%s' (summary, autodm, etiquette, "
			       "exposure, changes, all)", kind);
}

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return !stat(a, &sa) && !stat(b, &sb) && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* -o names a folder: one that exists, or a name ending in '/' */
static bool is_dir_name(const char *path)
{
	struct stat st;
	size_t n = strlen(path);
	return (n && path[n - 1] == '/') || (!stat(path, &st) && S_ISDIR(st.st_mode));
}

/*
 * Where the CSV of one table goes: DIR/KIND-TABLE.csv, or for -o NAME.csv
 * NAME-KIND-TABLE.csv beside it (malloc'ed).
 */
static char *csv_path(const char *outpath, bool to_dir, const char *kind, const char *table)
{
	size_t n = strlen(outpath);
	if (to_dir)
		return xasprintf("%s%s%s-%s.csv", outpath, outpath[n - 1] == '/' ? "" : "/", kind,
				 table);
	if (n > 4 && !strcmp(outpath + n - 4, ".csv"))
		n -= 4;
	return xasprintf("%.*s-%s-%s.csv", (int)n, outpath, kind, table);
}

/* One table as a CSV file at path, refusing the database itself. Returns an exit code. */
static int write_table_file(const struct store *s, const struct doc_table *t, const char *path)
{
	struct err err = ERR_INIT;
	if (cmd_check_output(s, path, &err)) {
		err_print(&err);
		return err.code;
	}
	FILE *f = fopen(path, "w");
	if (f)
		doc_table_csv(t, f);
	if (!f || (ferror(f) | fclose(f))) {
		fprintf(stderr, "dmaudit: '%s': cannot write the table: %s\n", path, strerror(errno));
		return EXIT_IO;
	}
	return EXIT_OK;
}

/*
 * Write every table of part (the doc of one report kind) to its own CSV
 * file, each listed on stdout unless quiet. Returns an exit code.
 */
static int write_csv_files(const struct store *s, const struct doc *part, const char *kind,
			   const char *outpath, bool to_dir, bool quiet)
{
	for (size_t i = 0; i < part->n; i++) {
		const struct doc_table *t = part->blocks[i].table;
		if (part->blocks[i].kind != DOC_TABLE)
			continue;
		char *path = csv_path(outpath, to_dir, kind, t->name);
		int rc = write_table_file(s, t, path);
		if (!rc && !quiet)
			printf("%s\n", path);
		free(path);
		if (rc)
			return rc;
	}
	return EXIT_OK;
}

/* NAME.html → NAME-KIND-TABLE.csv beside it (malloc'ed) */
static char *beside_path(const char *outpath, const char *kind, const char *table)
{
	size_t n = strlen(outpath);
	const char *dot = strrchr(outpath, '.'), *slash = strrchr(outpath, '/');
	if (dot && (!slash || dot > slash))
		n = (size_t)(dot - outpath);
	return xasprintf("%.*s-%s-%s.csv", (int)n, outpath, kind, table);
}

/*
 * An HTML page keeps its size whatever the archive's: the tables of part
 * too long to fold, and the reference tables, go to CSV files beside the
 * page, which links them. Returns an exit code.
 */
static int write_beside(const struct store *s, struct doc *part, const char *kind,
			const char *outpath)
{
	for (size_t i = 0; i < part->n; i++) {
		struct doc_table *t = part->blocks[i].table;
		if (part->blocks[i].kind != DOC_TABLE ||
		    (!t->beside && t->nrows <= DOC_HTML_FOLD_ROWS))
			continue;
		char *path = beside_path(outpath, kind, t->name);
		int rc = write_table_file(s, t, path);
		const char *base = strrchr(path, '/');
		if (!rc)
			t->csv_href = xstrdup(base ? base + 1 : path);
		free(path);
		if (rc)
			return rc;
	}
	return EXIT_OK;
}

/* The order of a page: the worst findings first, the archive's counts last. */
static const char *const page_order[] = { "exposure", "etiquette", "autodm", "changes",
					  "summary" };

/* What the command line asks for, checked. */
struct request {
	struct report_opts ro;
	const char *db, *outpath, *kind;
	const struct report_kind *one;   /* NULL for all */
	enum fmt fmt;
	bool all, quiet;
	bool to_dir;      /* -o names a folder */
	bool csv_files;   /* CSV, one file a table */
};

static int check_output(struct request *req);

/*
 * Read the options into req. -1 when the command goes on; otherwise the
 * exit code (usage printed, or an error said in one line).
 */
static int parse_request(int argc, char **argv, struct request *req)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "reveal", no_argument, NULL, 'r' },
		{ "tz", required_argument, NULL, 'z' },
		{ "hours", required_argument, NULL, 'H' },
		{ "days", required_argument, NULL, 'D' },
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
				 .db = "dmaudit.db", .fmt = F_NONE };
	while ((c = getopt_long(argc, argv, ":d:f:o:hrq", opts, NULL)) != -1) {
		switch (c) {
		case 'd': req->db = optarg; break;
		case 'o': req->outpath = optarg; break;
		case 'r': ro->reveal = true; break;
		case 'q': req->quiet = true; break;
		case 'P': break;
		case 'f':
			if ((req->fmt = parse_format(optarg)) == F_NONE)
				return cmd_usage_error("report", "unknown format '%s' (text, json, "
						       "csv, md, html)", optarg);
			break;
		case 'z':
			if (tz_check(optarg))
				return cmd_usage_error("report", "unknown time zone '%s' (an IANA "
						       "name such as Europe/Paris, or UTC)", optarg);
			ro->tz = optarg;
			break;
		case 'H':
			if (parse_hours(optarg, ro))
				return cmd_usage_error("report", "--hours '%s' is not like 09-17",
						       optarg);
			break;
		case 'D':
			if (parse_days(optarg, &ro->workdays))
				return cmd_usage_error("report", "--days '%s' is not like mon-fri",
						       optarg);
			break;
		case 's':
		case 'u':
			if (cmd_period_option("report", c, optarg, &ro->since, &ro->until))
				return EXIT_USAGE;
			*(c == 's' ? &ro->has_since : &ro->has_until) = true;
			break;
		case 'h': fputs(usage_text, stdout); return EXIT_OK;
		default: return cmd_bad_option("report", c, argv, opts);
		}
	}
	if (ro->has_since && ro->has_until && ro->since > ro->until)
		return cmd_usage_error("report", "--since is after --until");
	if (optind >= argc)
		return cmd_usage_error("report", "which report? (summary, autodm, etiquette, "
				       "exposure, changes, all)");
	req->kind = argv[optind];
	if (optind + 1 < argc)
		return cmd_usage_error("report", "unexpected argument '%s'", argv[optind + 1]);
	req->all = !strcmp(req->kind, "all");
	req->one = req->all ? NULL : report_find(req->kind);
	if (!req->all && !req->one)
		return unknown_kind(req->kind);
	return check_output(req);
}

/* The format and where it goes: from --format, else the output's name, else the terminal. */
static int check_output(struct request *req)
{
	const char *outpath = req->outpath;
	req->to_dir = outpath && is_dir_name(outpath);
	if (req->fmt == F_NONE && req->to_dir)
		req->fmt = F_CSV;
	/* an output that is the database is refused as such below, whatever its name */
	if (req->fmt == F_NONE && outpath && (req->fmt = format_from_name(outpath)) == F_NONE &&
	    !same_file(outpath, req->db))
		return cmd_usage_error("report", "'%s': cannot tell the format from the name; "
				       "known extensions are .txt .json .csv .md .html .htm "
				       "(or give --format)", outpath);
	if (req->fmt == F_NONE)
		req->fmt = isatty(STDOUT_FILENO) ? F_TEXT : F_JSON;
	if (req->to_dir && req->fmt != F_CSV)
		return cmd_usage_error("report", "'%s' is a folder: only --format csv writes "
				       "into one (a file a table)", outpath);
	/* CSV: one table a file, so several tables need several files */
	req->csv_files = req->fmt == F_CSV && (req->to_dir || req->all);
	if (req->csv_files && !outpath)
		return cmd_usage_error("report", "'report %s --format csv' writes one file per "
				       "table: give -o DIR or -o NAME.csv", req->kind);
	return -1;
}

/* The page's opening: title, period, the overview, the footer and contents. */
static void open_doc(struct report_ctx *ctx, const struct results *res,
		     const struct request *req, struct doc *d)
{
	char title[128];
	const char *what = req->all ? "DM audit" : req->one->title;
	if (ctx->owner_handle[0])
		snprintf(title, sizeof(title), "dmaudit: %s of @%s", what, ctx->owner_handle);
	else
		snprintf(title, sizeof(title), "dmaudit: %s", what);
	doc_init(d, title);
	if (req->all && req->fmt == F_HTML)
		doc_heading(d, 1, "%s", title + 9);
	if (REPORT_PERIOD(&req->ro) && !req->csv_files)
		period_para(d, &req->ro);
	if (req->all && !req->csv_files)
		overview_view(ctx, res, d);
	if (req->fmt == F_HTML)
		overview_footer(ctx, res, d);
	if (req->fmt == F_HTML && !req->all)
		doc_toc(d);
}

/*
 * Every format but JSON: each kind's view, in the page's order, with its
 * charts (HTML) or as its own files (CSV); then the page rendered to out.
 */
static int write_doc(struct report_ctx *ctx, struct store *s, const struct results *res,
		     const struct request *req, FILE *out)
{
	struct doc d;
	int rc = EXIT_OK;
	open_doc(ctx, res, req, &d);
	/* HTML pages carry their charts, drawn in a private temporary folder */
	struct charts cs = { .n = 0 };
	char *chartdir = NULL;
	if (req->fmt == F_HTML)
		chartdir = html_charts(ctx, res, req->all ? NULL : req->one->name, &cs, &req->ro);
	if (chartdir && cs.no_gnuplot)
		doc_html(&d, "<p class=\"none\">The charts are not included: gnuplot was not "
			 "found (install it with 'apt-get install gnuplot-nox').</p>");
	for (size_t i = 0; i < sizeof(page_order) / sizeof(page_order[0]); i++) {
		const struct report_kind *k = report_find(page_order[i]);
		if (!results_has(res, k->name))
			continue;
		struct doc part;
		doc_init(&part, k->title);
		k->view(ctx, res, &part);
		if (req->csv_files) {
			if (!rc)
				rc = write_csv_files(s, &part, k->name, req->outpath, req->to_dir,
						     req->quiet);
			doc_release(&part);
			continue;
		}
		if (chartdir) {
			struct doc figs;
			doc_init(&figs, k->title);
			charts_figures(&cs, chartdir, k->name, &figs);
			insert_figures(&part, &figs);
			doc_release(&figs);
		}
		if (req->fmt == F_HTML && req->outpath && !rc)
			rc = write_beside(s, &part, k->name, req->outpath);
		doc_append(&d, &part);
		doc_release(&part);
	}
	enum fmt fmt = req->fmt;
	enum doc_format df = fmt == F_TEXT ? DOC_TEXT : fmt == F_MD ? DOC_MD
			   : fmt == F_HTML ? DOC_HTML_PAGE : DOC_CSV;
	if (df == DOC_TEXT)
		doc_render_text(&d, out, cmd_term_width(out));
	else if (!req->csv_files)
		doc_render(&d, df, out, fmt == F_CSV && !req->all ? req->one->csv_table : NULL);
	doc_release(&d);
	if (chartdir) {
		charts_remove(&cs, chartdir, "svg");
		free(chartdir);
	}
	return rc;
}

/* Where the report goes: stdout, a file, or (CSV) a folder made 0700; NULL said in a line. */
static FILE *open_output(const struct request *req)
{
	if (req->to_dir && mkdir(req->outpath, 0700) && errno != EEXIST) {
		fprintf(stderr, "dmaudit: '%s': cannot make the folder: %s\n", req->outpath,
			strerror(errno));
		return NULL;
	}
	if (!req->outpath || req->csv_files)
		return stdout;
	FILE *out = fopen(req->outpath, "w");
	if (!out)
		fprintf(stderr, "dmaudit: '%s': cannot write the report: %s\n", req->outpath,
			strerror(errno));
	return out;
}

/*
 * The findings tables get this run's verdicts: a second connection fills
 * them while the report is written and commits once it is out. A database
 * the user may not write is only read, as before; a period's report leaves
 * the tables be (they hold the whole archive's verdicts).
 */
static struct findings_job *start_findings(const struct request *req, const struct results *res)
{
	if (REPORT_PERIOD(&req->ro) || !findings_any(res) || access(req->db, W_OK))
		return NULL;
	return findings_start(req->db, res);
}

/* Any failure is a warning: the report itself was written. */
static void finish_findings(struct findings_job *job, bool keep)
{
	struct err err = ERR_INIT;
	if (job && findings_finish(job, keep, &err))
		warn("the findings tables were not updated: %s", err.msg);
	else if (job && keep)
		trace("findings stored");
}

int cmd_report(int argc, char **argv)
{
	struct request req;
	int rc = parse_request(argc, argv, &req);
	if (rc >= 0)
		return rc;
	if (req.ro.tz)
		tz_set(req.ro.tz);

	struct store s = STORE_INIT;
	struct err err = ERR_INIT;
	struct report_ctx ctx;
	trace("start");
	if (cmd_store_open(&s, req.db, STORE_READ, &err) ||
	    cmd_check_output(&s, req.outpath, &err) || report_ctx_init(&ctx, &s, &req.ro, &err)) {
		err_print(&err);
		store_close(&s, false);
		return err.code;
	}

	/*
	 * Analyse everything first: nothing is written unless all of it worked.
	 * The results are typed; the lists that grow with the archive are
	 * records, past a bound in temporary files (spill.h).
	 */
	struct results res;
	results_init(&res);
	FILE *out = NULL;
	rc = EXIT_OK;
	if (analyse_run(&ctx, req.db, req.all ? NULL : req.one->name, &res, &err)) {
		err_print(&err);
		rc = err.code ? err.code : EXIT_IO;
	} else if (!(out = open_output(&req))) {
		rc = EXIT_IO;
	}
	if (rc) {
		report_ctx_release(&ctx);
		store_close(&s, false);
		results_release(&res);
		return rc;
	}
	if (REPORT_PERIOD(&req.ro))
		res.period = &req.ro;
	struct findings_job *findings = start_findings(&req, &res);

	if (req.fmt != F_JSON) {
		rc = write_doc(&ctx, &s, &res, &req, out);
	} else if (results_json(out, &res, req.all ? NULL : req.one->name) && !ferror(out)) {
		/* a failed write is seen below, as for every format */
		fprintf(stderr, "dmaudit: the report's rows could not be read back from their "
			"temporary file: %s\n", strerror(errno));
		rc = EXIT_IO;
	}
	trace("written");
	if (out != stdout && (ferror(out) | fclose(out))) {
		fprintf(stderr, "dmaudit: '%s': cannot write the report: %s\n", req.outpath,
			strerror(errno));
		rc = EXIT_IO;
	}
	finish_findings(findings, rc == EXIT_OK);
	report_ctx_release(&ctx);
	store_close(&s, false);
	results_release(&res);
	trace("freed");
	return rc;
}
