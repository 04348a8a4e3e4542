/* calendars.c — the list of working calendars (the global one and the project calendars, each
 * with the number of projects that follow it) and creating a project calendar with its own
 * working weekdays and hours. One calendar's page and its changes are in calendar.c. */
#include "core/route.h"
#include "core/json.h"
#include "plan/calendars.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/text.h"
#include "core/xml.h"
#include <stdio.h>
#include <string.h>

static void
list_xml(struct ctx *c, const char *name, const char *weekdays, const char *hours)
{
	c->sheet = "calendars";
	calendars_xml(c->page);
	xmlNodePtr f = xml_el(c->page, "calendar-form");
	xml_attr(f, "name", name);
	xml_attr(f, "weekdays", weekdays);
	xml_attr(f, "hours", hours);
}

static int
calendars_page(struct ctx *c)
{
	list_xml(c, "", "12345", "09:00-12:00,13:00-18:00");
	return H_RENDER;
}

static int
create_post(struct ctx *c)
{
	const char *name = form_str(c, "name"), *hours = form_str(c, "hours");
	int n = http_field_count(c->rq, "weekdays");
	if (n > 7) return ctx_error(c, 400, "calendar.error.weekdays", "weekdays");
	const char *days[8];
	char shown[8];
	int k = 0;
	for (int i = 0; i < n; i++) {
		days[i] = http_field_at(c->rq, "weekdays", i);
		if (days[i][0] >= '1' && days[i][0] <= '7' && !days[i][1] && !memchr(shown, days[i][0], (size_t)k))
			shown[k++] = days[i][0];
	}
	shown[k] = 0;
	char wd[8], hr[64];
	const char *key = calendars_name_check(name, 0);
	int bad = key ? ctx_invalid(c, "name", key) : 0;
	bad += calendars_check(days, n, hours, wd, hr, form_err, c);
	if (bad) {
		list_xml(c, name, shown, hours);
		return H_INVALID;
	}
	char now[21];
	clock_iso(clock_now(), now);
	/* a new id, never one a deleted calendar had: the audit log names calendars by id */
	if (db_run("INSERT INTO calendars (id, name, weekdays, hours, created_at) VALUES (max((SELECT coalesce(max(id), 1)"
		   " FROM calendars), (SELECT coalesce(max(CAST(entity_id AS INTEGER)), 1) FROM audit_log"
		   " WHERE entity = 'calendar' AND action = 'calendar.create')) + 1, ?, ?, ?, ?)", "ssss", name, wd, hr, now) != SQLITE_DONE)
		return ctx_error(c, 503, "error.busy", "");
	long long id = sqlite3_last_insert_rowid(db);
	struct buf nv = {0};
	json_open(&nv);
	json_s(&nv, "name", name);
	json_s(&nv, "weekdays", wd);
	json_s(&nv, "hours", hr);
	json_close(&nv);
	int rc = audit_append(&c->who, "calendar.create", "calendar", arena_printf(c->rq->a, "%lld", id), NULL,
			      buf_str(&nv), "");
	buf_free(&nv);
	if (rc) return ctx_error(c, 503, "error.busy", "");
	return ctx_redirect(c, arena_printf(c->rq->a, "/admin/calendars/%lld?flash=created", id));
}

const struct route calendars_routes[] = {
	{ "GET", "/admin/calendars", calendars_page, "calendars", ROLE_ADMIN | ROLE_MANAGER | ROLE_AUDITOR, 0 },
	{ "POST", "/admin/calendars", create_post, "calendars", ROLE_ADMIN, 0 },
	{ 0 },
};
