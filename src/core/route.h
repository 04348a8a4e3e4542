/* route.h — the one route table: dispatching a parsed request through the gates to its handler,
 * and the route tables of cgi-bin/ it is made of. A handler's context and helpers are ctx.h's,
 * a form's fields form.h's (both included). */
#ifndef OPSPLAN_ROUTE_H
#define OPSPLAN_ROUTE_H
#include "core/ctx.h"
#include "core/form.h"

/* Process one parsed request (identity, route, permission, CSRF, handler, render). */
void route_dispatch(struct req *rq, struct resp *rs);
/* Whether method and path name a route that accepts files (RF_UPLOAD): its body may be up to
 * max_upload instead of max_body. */
int route_takes_files(const char *method, const char *path);
/* Route tables from cgi-bin/, each ending in {0}. */
extern const struct route home_routes[], profile_routes[], user_routes[], audit_routes[], errors_routes[],
	project_routes[], task_routes[], work_routes[], templates_routes[], lists_routes[], interchange_routes[], gantt_routes[],
	baseline_routes[], calendar_routes[], calendars_routes[], leave_routes[], feeds_routes[],
	burndown_routes[], trend_routes[], windows_routes[], cmdb_routes[],
	approvalpolicy_routes[], approvals_routes[], change_routes[];
extern const struct route changecal_routes[];   /* before change_routes: /changes/{number} catches all */
extern const struct route changerecord_routes[];   /* before change_routes too */
extern const struct route standard_routes[];    /* before change_routes too */
extern const struct route changeaudit_routes[]; /* before change_routes too */
#endif
