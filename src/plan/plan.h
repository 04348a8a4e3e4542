/* plan.h — what the plan wing shares: a project as loaded, the field-error callback of the checks,
 * a project's working calendar, today, and the people pickers. The models: project.h, task.h,
 * schedule.h, baseline.h, lists.h and the page families' own headers. */
#ifndef OPSPLAN_PLAN_H
#define OPSPLAN_PLAN_H
#include <libxml/tree.h>
#include <sqlite3.h>
#include "core/audit.h"
#include "core/auth.h"
#include "engine/cal.h"
#include "core/arena.h"
#include "core/buf.h"

enum { HOURS_PER_DAY = 8 };

struct project {
	long long id, manager_id;
	const char *code, *name, *description, *category, *planned_start, *planned_finish, *status;
	const char *manager, *manager_name;
	int is_template;
};


/* The global working calendar (calendar 1: weekdays, hours, calendar_days), loaded into a. */
const struct calendar *plan_calendar(struct arena *a);
/* A project's calendar (its calendar_id, else the global one) with the global exceptions merged
 * under its own, loaded into a. */
const struct calendar *plan_project_calendar(struct arena *a, long long project_id);
/* Today as a day number, in the configured zone. */
int plan_today(void);

/* <people> with the active users (the forms' pickers). */
void plan_people_xml(xmlNodePtr parent);
#endif
