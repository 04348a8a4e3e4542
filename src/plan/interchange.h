/* mspdi_model.h — Microsoft Project XML through the model, shared by `opsplan import|export`
 * (interchange.c) and the project's import page and downloads (cgi-bin/import.c, project.c):
 * a read plan into an empty project (its calendar, tasks, owners by resource name, links, the
 * schedule, the audit records), and a project's schedule as a plan or as CSV. */
#ifndef OPSPLAN_MSPDI_MODEL_H
#define OPSPLAN_MSPDI_MODEL_H
#include "core/arena.h"
#include "core/buf.h"
#include "format/mspdi.h"
#include "plan/plan.h"

/* What an import did (strings in the arena given to interchange_import). */
struct interchange_result {
	int ntasks;                    /* tasks created */
	int owners;                    /* tasks given an owner from the file's assignments */
	const char *calendar;          /* name of the project calendar made from the file (or Project's
	                                  Standard calendar when the file has none) */
	const char *start, *finish;    /* the project's planned start and finish afterwards */
	const char **unmatched;        /* resource names that are no user's login or display name, once each */
	int nunmatched;
	long long audit_id;            /* the project.import audit record */
	const char *err_key, *err_arg; /* when refused (-2) */
};

/* Imports plan into project p, inside the caller's BEGIN IMMEDIATE transaction, which the caller
 * rolls back on anything but 0: the file's project calendar (CalendarUID) becomes a calendar of
 * its own for p, with no base (exactly the file's working time, no national holidays), the file's
 * StartDate p's planned start, then every task (audited) — scheduled as Microsoft Project does:
 * from its links and constraints, the file's Start being a result (kept only for a manually
 * scheduled task), actual dates kept —, parents by outline level, owners where a resource
 * name matches exactly one active user's login or display name, links by UID, the schedule, p's
 * planned finish (the file's or the schedule's, the later), and one "project.import" audit
 * record naming source and what was done. 0; -1 on a database error;
 * -2 when refused, with err_key: "mspdi.error.not_empty" (p has tasks), "mspdi.error.calendar",
 * "mspdi.error.calendar_size", "mspdi.error.task" (err_arg "UID name") or
 * "mspdi.error.loop" (err_arg the loop). */
int interchange_import(const struct audit_who *who, const struct project *p, const struct mspdi_plan *plan,
		 const char *source, struct arena *a, struct interchange_result *res);

/* Project p's tasks as a plan for mspdi_write (in a): the UIDs of an import (else task ids),
 * Start/Finish as scheduled, to the minute (a milestone at the end of a day at its last working
 * minute, as Project 2013 writes it), the schedule fields (EarlyStart … LateFinish, TotalSlack and
 * FreeSlack in tenths of minutes, Critical), constraints (a start entered on the pages as start
 * no earlier than), the links, owners as resources, and exactly the calendar the schedule used
 * (its own exceptions, and China's under them when that is its base) as calendar 1; FinishDate
 * the latest task finish. 0 or -1. */
int interchange_export_plan(struct arena *a, const struct project *p, struct mspdi_plan *plan);

/* Project p's schedule as CSV (csv.h) into b, one row per task in WBS order; headers: the 16
 * column titles, or NULL for the English ones. */
void interchange_schedule_csv(const struct project *p, const char *const *headers, struct buf *b);
enum { INTERCHANGE_CSV_COLS = 16 };
#endif
