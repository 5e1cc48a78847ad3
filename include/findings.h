/*
 * findings: the verdicts behind the reports, written into the database as
 * tables that sqlite3 and Datasette users can query: autodm_sender (the
 * autodm report's inbound list), exposure_finding (its findings, with the
 * offsets of each value in its text instead of the value) and
 * etiquette_conversation (the etiquette report's conversations).
 *
 * The rows are read from the report's own typed results, so a table always
 * equals the JSON of the run that wrote it. Each table whose kind is in the
 * results is replaced whole in one transaction; the others are left as they
 * are. The findings module
 * writes the store and nothing else: it never prints.
 */
#ifndef DMAUDIT_FINDINGS_H
#define DMAUDIT_FINDINGS_H

#include "error.h"
#include "report.h"
#include "store.h"

#include <jansson.h>
#include <stdbool.h>

/* Does results hold a report whose findings have a table? */
bool findings_any(const struct results *res);

/*
 * Replace the tables of the reports in res (autodm, etiquette, exposure,
 * any of them) in the store w, opened for writing. The
 * exposure offsets come from ctx->spans. 0, or -1 with err filled (nothing
 * written then).
 */
int findings_write(struct store *w, const struct report_ctx *ctx, const struct results *res,
		   struct err *err);

#endif
