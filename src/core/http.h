/* http.h — one request and its response. http_parse() turns FastCGI/CGI params and the body
 * into struct req, refusing malformed or oversized input before any handler runs; the response
 * is built in struct resp and written by the server loop. All request memory is in req->a. */
#ifndef OPSPLAN_HTTP_H
#define OPSPLAN_HTTP_H
#include <stddef.h>
#include "core/arena.h"
#include "core/buf.h"

struct param { const char *name, *value; size_t len; const char *filename, *ctype; };

struct req {
	struct arena *a;
	char **env;                 /* NAME=VALUE params, as received */
	const char *method, *path, *query, *content_type, *client, *request_id;
	struct param *q; int nq;    /* query string */
	struct param *f; int nf;    /* form fields (urlencoded or multipart) */
	struct param *c; int nc;    /* cookies */
	const char *body; size_t body_len;
	const char *pathv[4]; int npathv;   /* {captures} from the route pattern */
	/* set by http_parse() on refusal */
	int err_status; const char *err_key, *err_field;
};

struct resp {
	int status;
	const char *ctype;
	const char *location;
	const char *disposition;
	struct buf extra;   /* additional header lines, each ending in \r\n */
	struct buf body;
};

/* Limits (http.c). */
enum { HTTP_MAX_FIELDS = 256, HTTP_MAX_NAME = 64, HTTP_MAX_VALUE = 65536, HTTP_MAX_QUERY = 8192 };

/* Fills req from env and body. 0, or the HTTP status of the refusal (err_* set). */
int http_parse(struct req *r, char **env, const char *body, size_t body_len);
/* Checks a CONTENT_LENGTH value against max: the length, or -400 / -413. */
long http_content_length(const char *v, long max);
/* Exact-name param lookup (first match) and the number of params with that name. */
const char *http_env(const struct req *r, const char *name);
int http_env_count(char **env, const char *name);
/* Form field / query value by name; NULL when absent. */
const char *http_field(const struct req *r, const char *name);
int http_field_count(const struct req *r, const char *name);
const char *http_field_at(const struct req *r, const char *name, int i);
const char *http_query(const struct req *r, const char *name);
/* An uploaded file part (value/len are its raw bytes); NULL when absent. */
const struct param *http_file(const struct req *r, const char *name);
/* Writes status line, headers (security headers included) and body into out. head: no body. */
void http_serialize(const struct resp *rs, int head, struct buf *out);
const char *http_reason(int status);
/* Percent-encodes s for a query value. */
void http_urlencode(struct buf *b, const char *s);
#endif
