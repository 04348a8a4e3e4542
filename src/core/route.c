/* route.c — the one route table (the cgi-bin tables in order), and the gates every request
 * passes in one place: identity, route and method, role, Origin/Fetch-Metadata and CSRF for
 * POST, duplicate submission, the write transaction, rendering and error pages. */
#include "core/route.h"
#include "core/role.h"
#include "core/cache.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/db.h"
#include "core/render.h"
#include "core/text.h"
#include "core/user.h"
#include "core/xml.h"
#include <math.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static const struct route *const tables[] = { home_routes, profile_routes, user_routes, audit_routes,
					       errors_routes, project_routes, task_routes, work_routes,
					       templates_routes, lists_routes, interchange_routes, gantt_routes,
					       baseline_routes, calendar_routes, calendars_routes, leave_routes,
					       feeds_routes, burndown_routes, trend_routes, windows_routes, cmdb_routes,
					       approvalpolicy_routes, approvals_routes,
					       changecal_routes,
					       changerecord_routes,
					       standard_routes,
					       changeaudit_routes,
					       change_routes };

/* Matches "/a/{x}/b" against a path, capturing {x} segments into rq->pathv. */
static int
match(const char *pat, const char *path, struct req *rq)
{
	int n = 0;
	while (*pat && *path) {
		if (*pat == '{') {
			const char *pe = strchr(pat, '}');
			size_t l = strcspn(path, "/");
			if (!pe || !l || n == 4) return 0;
			rq->pathv[n++] = arena_strndup(rq->a, path, l);
			pat = pe + 1;
			path += l;
		} else if (*pat++ != *path++) {
			return 0;
		}
	}
	if (*pat || *path) return 0;
	rq->npathv = n;
	return 1;
}

int
route_takes_files(const char *method, const char *path)
{
	if (!method || !path || strcmp(method, "POST")) return 0;
	struct arena a = {0};
	struct req rq = { .a = &a };
	int found = 0;
	for (size_t t = 0; t < sizeof tables / sizeof *tables && !found; t++)
		for (const struct route *r = tables[t]; r->method && !found; r++)
			if (!strcmp(r->method, "POST") && match(r->pattern, path, &rq)) found = (r->flags & RF_UPLOAD) != 0;
	arena_reset(&a);
	return found;
}

static void
build_doc(struct ctx *c, const char *name)
{
	struct req *rq = c->rq;
	char now[21];
	c->doc = xmlNewDoc(BAD_CAST "1.0");
	c->page = xmlNewDocNode(c->doc, NULL, BAD_CAST "page", NULL);
	xmlDocSetRootElement(c->doc, c->page);
	xml_attr(c->page, "name", name);
	c->meta = xml_el(c->page, "meta");
	xml_attr(c->meta, "request-id", rq->request_id);
	xml_attr(c->meta, "path", rq->path);
	xml_attr(c->meta, "query", rq->query);
	xml_attr(c->meta, "lang", c->lang);
	xml_attr(c->meta, "default-lang", cfg.default_lang);
	xml_attr(c->meta, "tz", cfg.timezone);
	clock_iso(clock_now(), now);
	xml_attr(c->meta, "now", now);
	if (c->u) {
		xml_attr_ll(c->meta, "version", c->version ? c->version : db ? db_head() : 0);
		xml_attr(c->meta, "csrf", c->csrf);
		xmlNodePtr u = xml_el(c->meta, "user");
		xml_attr_ll(u, "id", c->u->id);
		xml_attr(u, "login", c->u->login);
		xml_attr(u, "name", *c->u->display_name ? c->u->display_name : c->u->login);
		xml_attr(u, "email", c->u->email);
		xml_attr(u, "phone", c->u->phone);
		xml_attr(u, "lang", c->u->lang);
		for (int i = 0; i < 6; i++)
			if (c->u->roles & (1u << i)) xml_text(u, "role", role_names[i]);
	}
	/* ?flash=NAME after a redirect: only names with a message, so a link cannot show raw keys */
	static const char *const flashes[] = { "saved", "lang", "role", "created", "deleted", "moved", "progress",
					       "comment", "imported", "template", "instantiated", "recurrence",
					       "member", "list", "baseline", "calendar", "window" };
	const char *flash = http_query(rq, "flash");
	for (size_t i = 0; flash && i < sizeof flashes / sizeof *flashes; i++)
		if (!strcmp(flash, flashes[i])) {
			xmlNodePtr f = xml_el(c->meta, "flash");
			xml_attr(f, "key", arena_printf(rq->a, "flash.%s", flash));
		}
}

static int
wants_xml(struct ctx *c)
{
	const char *f = http_query(c->rq, "format");
	return f && !strcmp(f, "xml");
}

static void
finish_render(struct ctx *c, const char *sheet)
{
	struct resp *rs = c->rs;
	rs->status = c->status;
	if (wants_xml(c)) {
		render_xml(c->doc, rs);
		return;
	}
	xml_set(c->page, "name", sheet);     /* the page name selects the templates in site.xsl */
	if (render_apply(sheet, c->doc, c->lang, rs) == 0) return;
	fprintf(stderr, "opsplan: [%s] transform '%s' failed\n", c->rq->request_id, sheet);
	buf_free(&rs->body);
	/* the error page itself; if that fails too, plain text */
	xmlFreeDoc(c->doc);
	build_doc(c, "error");
	xmlNodePtr e = xml_el(c->page, "error");
	xml_attr(e, "status", "500");
	xml_attr(e, "key", "error.500");
	xml_attr(e, "field", "");
	rs->status = 500;
	if (strcmp(sheet, "error") && render_apply("error", c->doc, c->lang, rs) == 0) return;
	buf_free(&rs->body);
	buf_addf(&rs->body, "500 Internal Server Error\nrequest id: %s\n", c->rq->request_id);
	rs->ctype = "text/plain; charset=utf-8";
}

static void
error_page(struct ctx *c, int status, const char *key, const char *field)
{
	if (c->doc) xmlFreeDoc(c->doc);
	build_doc(c, "error");
	xmlNodePtr e = xml_el(c->page, "error");
	char st[8];
	snprintf(st, sizeof st, "%d", status);
	xml_attr(e, "status", st);
	xml_attr(e, "key", key ? key : arena_printf(c->rq->a, "error.%d", status));
	xml_attr(e, "field", field ? field : "");
	c->status = status;
	c->rs->location = NULL;
	buf_free(&c->rs->body);
	finish_render(c, "error");
}

/* The route for method and path; when only the path matches, allow lists its methods. */
static const struct route *
find_route(struct req *rq, struct buf *allow)
{
	const char *m = strcmp(rq->method, "HEAD") ? rq->method : "GET";
	for (size_t t = 0; t < sizeof tables / sizeof *tables; t++)
		for (const struct route *r = tables[t]; r->pattern; r++)
			if (match(r->pattern, rq->path, rq)) {
				if (!strcmp(r->method, m)) return r;
				buf_addf(allow, "%s%s%s", allow->len ? ", " : "", r->method,
					 strcmp(r->method, "GET") ? "" : ", HEAD");
			}
	return NULL;
}

/* Refuses cross-site POSTs by Fetch Metadata, else by Origin; "null" falls back to the token. */
static int
origin_ok(struct req *rq)
{
	const char *sfs = http_env(rq, "HTTP_SEC_FETCH_SITE");
	if (sfs && *sfs) return !strcmp(sfs, "same-origin") || !strcmp(sfs, "none");
	const char *origin = http_env(rq, "HTTP_ORIGIN");
	if (!origin || !*origin || !strcmp(origin, "null")) return 1;
	if (cfg.public_origin[0]) return !strcmp(origin, cfg.public_origin);
	const char *host = http_env(rq, "HTTP_HOST"), *scheme = http_env(rq, "REQUEST_SCHEME");
	const char *https = http_env(rq, "HTTPS");
	if (!scheme || !*scheme) scheme = https && *https && strcmp(https, "off") ? "https" : "http";
	if (!host) return 0;
	size_t sl = strlen(scheme), hl = strlen(host);
	if (strncmp(origin, scheme, sl) || strncmp(origin + sl, "://", 3) || strncmp(origin + sl + 3, host, hl))
		return 0;
	/* nginx passes $host, which has no port: accept the port the request came in on */
	const char *rest = origin + sl + 3 + hl, *port = http_env(rq, "SERVER_PORT");
	return !*rest || (rest[0] == ':' && port && !strcmp(rest + 1, port));
}

static void
submission_key(struct req *rq, const char *nonce, char out[65])
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned dl;
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	EVP_DigestInit_ex(md, EVP_sha256(), NULL);
	EVP_DigestUpdate(md, nonce, 16);
	EVP_DigestUpdate(md, "\n", 1);
	EVP_DigestUpdate(md, rq->path, strlen(rq->path));
	EVP_DigestUpdate(md, "\n", 1);
	EVP_DigestUpdate(md, rq->body, rq->body_len);
	EVP_DigestFinal_ex(md, d, &dl);
	EVP_MD_CTX_free(md);
	text_hex(d, dl, out);
}

/* Loads the user, creating them on first sight when auto_provision allows. 0 or an error status. */
static int
load_user(struct ctx *c, const char *login, const char **key)
{
	struct user *u = arena_alloc(c->rq->a, sizeof *u);
	int rc = user_load(c->rq->a, login, u);
	if (rc < 0) { *key = "error.500"; return 500; }
	if (rc == 0) {
		if (!strcmp(cfg.auto_provision, "off")) { *key = "error.unknown_user"; return 403; }
		struct audit_who who = { login, c->rq->request_id, c->rq->client };
		if (db_begin() != SQLITE_OK) { *key = "error.busy"; return 503; }
		if (user_create(&who, "user.provision", login, "", "", "", "", role_bit(cfg.auto_provision),
				"first sign-on") || db_commit() != SQLITE_OK) {
			db_rollback();
			/* a concurrent first request may have created it */
			if (user_load(c->rq->a, login, u) != 1) { *key = "error.busy"; return 503; }
		} else if (user_load(c->rq->a, login, u) != 1) {
			*key = "error.500";
			return 500;
		}
	}
	if (!u->active || !u->roles) { *key = "error.unknown_user"; return 403; }
	c->u = u;
	return 0;
}

static void
saved_page(struct ctx *c, const char *location)
{
	build_doc(c, "saved");
	xmlNodePtr s = xml_el(c->page, "saved");
	xml_attr(s, "location", location);
	c->status = 200;
	finish_render(c, "saved");
}

/* The render-cache key: the data version in front of the request's part. */
static const char *
cache_key_at(struct ctx *c, const char *key, long long version)
{
	return arena_printf(c->rq->a, "%lld\x1f%s", version, key);
}

void
route_dispatch(struct req *rq, struct resp *rs)
{
	struct ctx c = { .rq = rq, .rs = rs, .status = 200 };
	const char *accept = http_env(rq, "HTTP_ACCEPT_LANGUAGE");
	c.lang = auth_lang_from_header(accept);
	if (!c.lang) c.lang = cfg.default_lang;

	char login[65];
	const char *why = NULL, *key = NULL, *cache_key = NULL;
	int st = auth_identity(rq->env, login, &why);
	if (st) {
		fprintf(stderr, "opsplan: [%s] %s: %s from %s\n", rq->request_id, st == 500 ? "security" : "auth", why, rq->client);
		error_page(&c, st, st == 500 ? "error.identity_dup" : "error.identity", "");
		goto out;
	}
	if (cfg.render_cache && !rq->err_status && (!strcmp(rq->method, "GET") || !strcmp(rq->method, "HEAD"))) {
		/* a page already rendered for this data version, user, language and URL this minute */
		cache_key = arena_printf(rq->a, "%s\x1f%s\x1f%s?%s\x1f%lld", login, accept ? accept : "",
					 rq->path, rq->query, (long long)(clock_now() / 60));
		struct cache_page hit;
		if (cache_get(cache_key_at(&c, cache_key, db_head()), &hit)) {
			/* the page with this request's own id and a fresh CSRF token (fresh nonce) */
			char token[128];
			auth_csrf_make(login, clock_now(), token);
			rs->status = 200;
			rs->ctype = hit.ctype;
			buf_add(&rs->body, hit.body->p ? hit.body->p : "", hit.body->len);
			cache_replace(&rs->body, hit.rid, rq->request_id);
			cache_replace(&rs->body, hit.csrf, token);
			goto out;
		}
	}
	st = load_user(&c, login, &key);
	if (st) {
		if (st == 403) fprintf(stderr, "opsplan: [%s] auth: '%s' refused (%s)\n", rq->request_id, login, key);
		error_page(&c, st, key, "");
		goto out;
	}
	if (*c.u->lang) c.lang = c.u->lang;
	c.who = (struct audit_who){ c.u->login, rq->request_id, rq->client };
	char token[128];
	auth_csrf_make(c.u->login, clock_now(), token);
	c.csrf = token;

	if (rq->err_status) {
		error_page(&c, rq->err_status, rq->err_key, rq->err_field);
		goto out;
	}
	struct buf allow = {0};
	const struct route *r = find_route(rq, &allow);
	if (!r) {
		if (allow.len) buf_addf(&rs->extra, "Allow: %s\r\n", buf_str(&allow));
		error_page(&c, allow.len ? 405 : 404, allow.len ? "error.method" : "error.not_found", "");
		buf_free(&allow);
		goto out;
	}
	c.route = r;
	if (!(c.u->roles & r->roles)) {
		error_page(&c, 403, "error.forbidden", "");
		goto out;
	}
	if (!(r->flags & RF_UPLOAD))
		for (int i = 0; i < rq->nf; i++)
			if (rq->f[i].filename) {   /* a file where the form has only text fields */
				error_page(&c, 400, "error.field", rq->f[i].name);
				goto out;
			}
	int h;
	if (strcmp(r->method, "POST")) {
		if (db_read_begin() != SQLITE_OK) {
			error_page(&c, 503, "error.busy", "");
			goto out;
		}
		c.version = db_head();
		build_doc(&c, r->sheet);
		h = r->fn(&c);
		db_read_end();
	} else {
		build_doc(&c, r->sheet ? r->sheet : "error");
		const char *nonce = NULL;
		if (!origin_ok(rq)) {
			fprintf(stderr, "opsplan: [%s] csrf: cross-site POST refused for %s\n", rq->request_id, login);
			error_page(&c, 403, "error.origin", "");
			goto out;
		}
		if (http_field_count(rq, "csrf_token") != 1 ||
		    auth_csrf_check(c.u->login, http_field(rq, "csrf_token"), clock_now(), &nonce)) {
			fprintf(stderr, "opsplan: [%s] csrf: bad token from %s\n", rq->request_id, login);
			error_page(&c, 403, "error.csrf", "");
			goto out;
		}
		char skey[65];
		submission_key(rq, nonce, skey);
		if (db_begin() != SQLITE_OK) {
			error_page(&c, 503, "error.busy", "");
			goto out;
		}
		sqlite3_stmt *q = db_q("SELECT location FROM form_submission WHERE key = ?", "s", skey);
		if (q && sqlite3_step(q) == SQLITE_ROW) {
			const char *loc = arena_strdup(rq->a, (const char *)sqlite3_column_text(q, 0));
			sqlite3_reset(q);
			db_rollback();
			xmlFreeDoc(c.doc);
			saved_page(&c, loc);
			goto out;
		}
		if (q) sqlite3_reset(q);
		h = r->fn(&c);
		if (h == H_REDIRECT || h == H_DONE) {
			char at[21], old[21];
			time_t now = clock_now();
			clock_iso(now, at);
			clock_iso(now - 9 * 3600, old);
			if (db_run("DELETE FROM form_submission WHERE at < ?", "s", old) != SQLITE_DONE ||
			    db_run("INSERT INTO form_submission (key, user_id, at, location) VALUES (?,?,?,?)",
				   "siss", skey, c.u->id, at, rs->location ? rs->location : rq->path) != SQLITE_DONE ||
			    db_commit() != SQLITE_OK) {
				fprintf(stderr, "opsplan: [%s] commit failed: %s\n", rq->request_id, db_errmsg());
				db_rollback();
				h = ctx_error(&c, 503, "error.busy", "");
			}
		} else {
			db_rollback();
		}
	}
	switch (h) {
	case H_DONE:
		break;
	case H_REDIRECT:
		rs->status = 303;
		break;
	case H_RENDER:
	case H_INVALID:
		finish_render(&c, c.sheet ? c.sheet : r->sheet);
		if (h == H_RENDER && rs->status == 200 && cache_key)
			cache_put(cache_key_at(&c, cache_key, c.version), rs->ctype, rs->body.p ? rs->body.p : "",
				  rs->body.len, rq->request_id, c.csrf);
		break;
	default:
		error_page(&c, h, c.err_key, c.err_field);
	}
out:
	if (c.doc) xmlFreeDoc(c.doc);
}
