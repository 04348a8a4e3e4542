/* route.h — the request context handed to handlers, the route table type, and the helpers a
 * handler uses to finish: render (return 0), redirect, refuse, or re-show a form with errors. */
#ifndef OPSPLAN_ROUTE_H
#define OPSPLAN_ROUTE_H
#include <libxml/tree.h>
#include "core/audit.h"
#include "core/auth.h"
#include "core/http.h"

struct route;
struct ctx {
	struct req *rq;
	struct resp *rs;
	const struct route *route;
	struct user *u;
	const char *lang;
	const char *csrf;
	xmlDocPtr doc;
	xmlNodePtr page, meta, errors;
	struct audit_who who;
	int status;            /* status of a rendered page (200, or 400 for a form with errors) */
	const char *sheet;     /* stylesheet override */
	const char *err_key, *err_field;   /* set by ctx_error() */
	long long version;     /* audit chain head the page was built from (0: unknown) */
};

typedef int (*handler_fn)(struct ctx *);
enum { RF_CSV = 1, RF_UPLOAD = 2 };   /* route flags: offers CSV; accepts file parts */
struct route {
	const char *method, *pattern;
	handler_fn fn;
	const char *sheet;     /* page name: xslt/<sheet>.xsl; NULL for POST-only */
	unsigned roles;        /* ROLE_* bits allowed */
	unsigned flags;
};

/* Handler results besides 0 (render) and an HTTP error status (>= 400). */
enum { H_RENDER = 0, H_DONE = 1, H_INVALID = 2, H_REDIRECT = 303 };

/* Process one parsed request (identity, route, permission, CSRF, handler, render). */
void route_dispatch(struct req *rq, struct resp *rs);
/* Whether method and path name a route that accepts files (RF_UPLOAD): its body may be up to
 * max_upload instead of max_body. */
int route_takes_files(const char *method, const char *path);
/* Handler helpers. */
int ctx_redirect(struct ctx *c, const char *location);          /* → H_REDIRECT */
int ctx_error(struct ctx *c, int status, const char *key, const char *field);
/* A model's load result rc (1 found, 0 not found, < 0 a database error) as a handler status:
 * 0, 404 with the message not_found, or 503. */
int ctx_found(struct ctx *c, int rc, const char *not_found);
/* Records a field error for a form re-render; returns H_INVALID. */
int ctx_invalid(struct ctx *c, const char *field, const char *key);
/* The same with an argument shown in the message ({2}). */
int ctx_invalid_arg(struct ctx *c, const char *field, const char *key, const char *arg);
/* The named capture of the route pattern ({...}), by position. */
const char *ctx_pathv(struct ctx *c, int i);
/* A form field without surrounding white space (text_trim), "" when absent. */
const char *form_str(struct ctx *c, const char *name);
/* A number field: dflt when empty, NAN when not a plain finite number. */
double form_num(struct ctx *c, const char *name, double dflt);
/* plan_err_fn for the model's checks: records the field error on c (a struct ctx *). */
void form_err(void *c, const char *field, const char *key);
/* The id in a path capture ("42"), 0 when not a positive integer. */
long long ctx_id(struct ctx *c, int i);

/* Route tables from cgi-bin/, each ending in {0}. */
extern const struct route home_routes[], profile_routes[], admin_routes[], auditlog_routes[], errors_routes[],
	project_routes[], task_routes[], work_routes[], template_routes[], lists_routes[], import_routes[], gantt_routes[],
	baseline_routes[], calendar_routes[], calendars_routes[], leave_routes[], feed_routes[],
	burndown_routes[], trend_routes[], windows_routes[], cmdb_routes[],
	approvalpolicy_routes[], approvals_routes[], change_routes[];
extern const struct route changecal_routes[];   /* before change_routes: /changes/{number} catches all */
extern const struct route changerecord_routes[];   /* before change_routes too */
extern const struct route standard_routes[];    /* before change_routes too */
extern const struct route changeaudit_routes[]; /* before change_routes too */
#endif
