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
 * are.
 *
 * The tables are filled on a thread of their own while the report is
 * written (the results are only read, each reader with its own cursor),
 * and committed only once the report is out: a report that could not be
 * written leaves the tables as they were. The module writes the store and
 * nothing else: it never prints.
 */
#ifndef DMAUDIT_FINDINGS_H
#define DMAUDIT_FINDINGS_H

#include "error.h"
#include "report.h"
#include "store.h"

#include <stdbool.h>

/* Does results hold a report whose findings have a table? */
bool findings_any(const struct results *res);

/*
 * Replace the tables of the reports in res (autodm, etiquette, exposure,
 * any of them) in db, in one transaction, on a thread of its own:
 * findings_start opens db for writing and fills the tables; findings_finish waits for it and
 * commits when keep is true, else rolls back. res must outlive the job.
 * findings_finish returns 0, or -1 with err filled (nothing written then);
 * it frees the job. NULL from findings_start only when no memory.
 */
struct findings_job;
struct findings_job *findings_start(const char *db, const struct results *res);
int findings_finish(struct findings_job *job, bool keep, struct err *err);

#endif
