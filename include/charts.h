/*
 * charts: the data behind each chart, and drawing it with gnuplot.
 *
 * A chart is a TSV file (DIR/<name>.tsv, first line "# column names") and a
 * gnuplot script (scripts/<name>.gp) that reads it, so a user can rerun or
 * adapt a chart by hand. charts_export() writes the TSVs from the database
 * and from the report analysers' JSON; charts_draw() runs gnuplot on each,
 * without a shell (posix_spawn, paths as argv). gnuplot is optional: when it
 * is missing the TSVs are still written and charts_draw() says so.
 *
 * charts_svg_inline() turns a gnuplot SVG into a fragment safe to paste into
 * an HTML page: no prolog, no scripts, no event handlers, no links outside
 * the SVG, ids made unique per chart. Used by `report all --format html`.
 *
 * Months and dates are in the zone tz_set() chose (UTC by default).
 * This module prints nothing; notes and errors come back in the structs.
 */
#ifndef DMAUDIT_CHARTS_H
#define DMAUDIT_CHARTS_H

#include "error.h"
#include "report.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

enum chart_state {
	CHART_SKIPPED,  /* no data, or its report kind is not available: note says why */
	CHART_DATA,     /* TSV written */
	CHART_DRAWN,    /* TSV written and gnuplot drew DIR/<name>.<fmt> */
	CHART_FAILED,   /* TSV written, gnuplot failed: note says how */
};

struct chart {
	const char *name;     /* file stem: "volume" → volume.tsv, scripts/volume.gp */
	const char *kind;     /* the report kind whose section shows it */
	const char *caption;  /* one sentence for a figure caption */
	enum chart_state state;
	size_t rows;          /* data rows in the TSV */
	char note[256];
};

#define CHARTS_MAX 12

struct charts {
	struct chart c[CHARTS_MAX];
	size_t n;
	bool no_gnuplot;      /* charts_draw found no gnuplot */
	const struct store *db; /* never written through an output path (set by export) */
};

/*
 * Write DIR/<name>.tsv for every chart. results holds the analysers' results
 * by kind, as analyse_run() made them; the charts of a
 * kind missing from it are skipped, with a note. Charts read results and
 * the store; they run no analyser. Returns -1 with err (EXIT_IO) only when
 * a file cannot be written or the database fails.
 */
int charts_export(struct report_ctx *ctx, const struct results *results, const char *dir, struct charts *cs,
		  struct err *err);
/* The same for the charts of one report kind only; NULL for all. */
int charts_export_kind(struct report_ctx *ctx, const struct results *results, const char *dir,
		       const char *kind, struct charts *cs, struct err *err);

/* Remove what charts_export and charts_draw wrote to dir, then dir itself. */
void charts_remove(const struct charts *cs, const char *dir, const char *fmt);

/*
 * Append to d the figures of kind's charts from dir (SVGs drawn there): each
 * an inline SVG in a <figure> with its caption; a chart that could not be
 * drawn leaves one line saying why.
 */
void charts_figures(const struct charts *cs, const char *dir, const char *kind,
		    struct doc *d);

/* The folder holding the .gp scripts, or NULL (malloc'ed). */
char *charts_scripts_dir(void);

/* gnuplot's path ($GNUPLOT, else found on PATH), or NULL (malloc'ed). */
char *charts_gnuplot(void);

/*
 * Draw every chart in state CHART_DATA into DIR/<name>.<fmt> (fmt "svg" or
 * "png"), titles naming tz (NULL for UTC). Sets no_gnuplot and returns 0 when gnuplot is missing; a chart
 * gnuplot fails on becomes CHART_FAILED. Returns the number of failures.
 */
int charts_draw(struct charts *cs, const char *dir, const char *fmt, const char *tz);

/*
 * Read the SVG at path and return it as an inline fragment (malloc'ed), ids
 * prefixed with prefix; NULL with err when unreadable or when it holds
 * anything unsafe (scripts, handlers, outside references).
 */
char *charts_svg_inline(const char *path, const char *prefix, struct err *err);

#endif
