/* ctx.h — the request context handed to handlers, the route type, and the helpers a handler
 * uses to finish: render (return H_RENDER), redirect, refuse, or re-show a form with errors. */
#ifndef OPSPLAN_CTX_H
#define OPSPLAN_CTX_H
#include <libxml/tree.h>
#include "core/audit.h"
#include "core/auth.h"
#include "core/http.h"
#include "core/model.h"

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
/* The id in a path capture ("42"), 0 when not a positive integer. */
long long ctx_id(struct ctx *c, int i);
/* A CSV download (csv.h: BOM, CRLF, formulas neutralised): sets the answer (200, text/csv,
 * attachment named filename) and writes the BOM and the header row — each of the n header keys
 * in the page's language —; returns the body, for the rows (csv_cell/csv_end). The handler then
 * returns H_DONE. */
struct buf *ctx_csv(struct ctx *c, const char *filename, const char *const *header_keys, int n);
/* A model's result code (model.h) as the handler's answer: MODEL_OK → 0 (go on), MODEL_DB → 503
 * error.busy, MODEL_CONFLICT → 409, MODEL_FORBIDDEN → 403, MODEL_REFUSED → 400, MODEL_NOT_FOUND
 * → 404, each with key (and field). */
int ctx_model(struct ctx *c, int rc, const char *key, const char *field);
/* A query parameter, "" when absent. */
const char *ctx_query(struct ctx *c, const char *name);

#endif
