/* auditlog.c — the audit log for administrators and auditors: filter by user, entity and local
 * date range, 100 records a page, and the same selection as CSV for Excel. */
#include "core/route.h"
#include "core/clock.h"
#include "core/csv.h"
#include "core/db.h"
#include "core/render.h"
#include "core/text.h"
#include "core/xml.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { PER_PAGE = 100 };

static const char COUNT_SQL[] = "SELECT count(*) FROM audit_log WHERE (?1 = '' OR actor = ?1) AND (?2 = '' OR entity = ?2)"
	" AND (?3 = '' OR at >= ?3) AND (?4 = '' OR at < ?4)";
static const char ROWS_SQL[] = "SELECT id, at, actor, action, entity, entity_id, old_value, new_value, reason,"
	" request_id, row_hash FROM audit_log WHERE (?1 = '' OR actor = ?1) AND (?2 = '' OR entity = ?2)"
	" AND (?3 = '' OR at >= ?3) AND (?4 = '' OR at < ?4) ORDER BY id DESC LIMIT ?5 OFFSET ?6";

struct filter { const char *user, *entity, *from, *to; char from_utc[21], to_utc[21]; long long page; };

static const char *
q(struct ctx *c, const char *name)
{
	const char *v = http_query(c->rq, name);
	return v ? v : "";
}

/* Reads and checks the filter; returns 0 or an error status. */
static int
read_filter(struct ctx *c, struct filter *f)
{
	f->user = q(c, "user");
	f->entity = q(c, "entity");
	f->from = q(c, "from");
	f->to = q(c, "to");
	f->from_utc[0] = f->to_utc[0] = 0;
	if (*f->from) {
		time_t t = clock_parse_local_date(f->from);
		if (t == (time_t)-1) return ctx_error(c, 400, "error.date", "from");
		clock_iso(t, f->from_utc);
	}
	if (*f->to) {
		time_t t = clock_parse_local_date(f->to);
		if (t == (time_t)-1) return ctx_error(c, 400, "error.date", "to");
		clock_iso(t + 24 * 3600, f->to_utc);
	}
	const char *p = q(c, "page");
	f->page = 1;
	if (*p) {
		if (strspn(p, "0123456789") != strlen(p) || strlen(p) > 9 || (f->page = atoll(p)) < 1)
			return ctx_error(c, 400, "error.page", "page");
	}
	if (strlen(f->user) > 64) return ctx_error(c, 400, "error.field_too_long", "user");
	if (strlen(f->entity) > 64) return ctx_error(c, 400, "error.field_too_long", "entity");
	return 0;
}

static int
audit_csv(struct ctx *c, struct filter *f)
{
	struct buf *b = &c->rs->body;
	static const char *const cols[] = { "csv.id", "csv.at", "csv.actor", "csv.action", "csv.entity",
					    "csv.entity_id", "csv.old", "csv.new", "csv.reason", "csv.request_id" };
	csv_bom(b);
	for (int i = 0; i < 10; i++) csv_cell(b, render_msg(c->lang, cols[i]), i == 0);
	csv_end(b);
	sqlite3_stmt *st = db_q(ROWS_SQL, "ssssii", f->user, f->entity, f->from_utc, f->to_utc, -1LL, 0LL);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		for (int i = 0; i < 10; i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);
			char local[17];
			if (i == 1 && v) {
				clock_local(clock_parse(v), local);
				v = local;
			}
			csv_cell(b, v, i == 0);
		}
		csv_end(b);
	}
	if (st) sqlite3_reset(st);
	c->rs->status = 200;
	c->rs->ctype = "text/csv; charset=utf-8";
	char day[21];
	clock_iso(clock_now(), day);
	day[10] = 0;
	c->rs->disposition = arena_printf(c->rq->a, "attachment; filename=\"opsplan-audit-%s.csv\"", day);
	return H_DONE;
}

static int
audit_get(struct ctx *c)
{
	struct filter f;
	int st = read_filter(c, &f);
	if (st) return st;
	const char *fmt = http_query(c->rq, "format");
	if (fmt && !strcmp(fmt, "csv")) return audit_csv(c, &f);

	long long total = db_int(COUNT_SQL, "ssss", f.user, f.entity, f.from_utc, f.to_utc);
	long long pages = total ? (total + PER_PAGE - 1) / PER_PAGE : 1;
	xmlNodePtr a = xml_el(c->page, "audit");
	xml_attr_ll(a, "total", total);
	xml_attr_ll(a, "page", f.page);
	xml_attr_ll(a, "pages", pages);
	xml_attr_ll(a, "per-page", PER_PAGE);
	struct buf qs = {0};
	const char *names[] = { "user", "entity", "from", "to" }, *vals[] = { f.user, f.entity, f.from, f.to };
	for (int i = 0; i < 4; i++) {
		if (!*vals[i]) continue;
		if (qs.len) buf_addc(&qs, '&');
		buf_addf(&qs, "%s=", names[i]);
		http_urlencode(&qs, vals[i]);
	}
	xml_attr(a, "query", buf_str(&qs));
	buf_free(&qs);
	xmlNodePtr fl = xml_el(a, "filter");
	for (int i = 0; i < 4; i++) xml_attr(fl, names[i], vals[i]);
	xmlNodePtr ents = xml_el(a, "entities");
	sqlite3_stmt *s = db_q("SELECT DISTINCT entity FROM audit_log ORDER BY 1", "");
	while (s && sqlite3_step(s) == SQLITE_ROW) xml_text(ents, "entity", (const char *)sqlite3_column_text(s, 0));
	if (s) sqlite3_reset(s);
	s = db_q(ROWS_SQL, "ssssii", f.user, f.entity, f.from_utc, f.to_utc, (long long)PER_PAGE,
		 (f.page - 1) * PER_PAGE);
	static const char *const attrs[] = { "id", "at", "actor", "action", "entity", "entity-id" };
	while (s && sqlite3_step(s) == SQLITE_ROW) {
		xmlNodePtr r = xml_el(a, "record");
		for (int i = 0; i < 6; i++) xml_attr(r, attrs[i], (const char *)sqlite3_column_text(s, i));
		xml_attr(r, "reason", (const char *)sqlite3_column_text(s, 8));
		xml_attr(r, "request-id", (const char *)sqlite3_column_text(s, 9));
		xml_attr(r, "hash", (const char *)sqlite3_column_text(s, 10));
		if (sqlite3_column_type(s, 6) != SQLITE_NULL) xml_text(r, "old", (const char *)sqlite3_column_text(s, 6));
		if (sqlite3_column_type(s, 7) != SQLITE_NULL) xml_text(r, "new", (const char *)sqlite3_column_text(s, 7));
	}
	if (s) sqlite3_reset(s);
	return H_RENDER;
}

const struct route audit_routes[] = {
	{ "GET", "/audit", audit_get, "audit", ROLE_ADMIN | ROLE_AUDITOR, RF_CSV },
	{ 0 },
};
