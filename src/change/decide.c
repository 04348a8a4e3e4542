/* decide.c — decisions on a change (decide.h). */
#include "change/decide.h"
#include "change/approvalpolicy.h"
#include "engine/cal.h"
#include "change/transition.h"
#include "plan/plan.h"
#include "core/clock.h"
#include "core/json.h"
#include "core/db.h"
#include "change/delegation.h"
#include "change/outbox.h"
#include "core/text.h"
#include "core/xml.h"
#include <string.h>

static const char *
col(struct arena *a, sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return arena_strdup(a, s ? s : "");
}

int
decide_apply(const struct audit_who *who, const struct change *c, long long user, long long on_behalf,
	  const struct approvals_plan *r, const char *decision, const char *comment, const char *conflicts,
	  struct arena *a, const char **state, const char **missing)
{
	const struct approvals_route *x = r->cur;
	if (!x || x->state.current < 0) return -1;
	int step = x->steps[x->state.current].step;
	char now[21];
	clock_iso(clock_now(), now);
	if (db_run("INSERT INTO approvals (change_id, policy_id, step, approver_id, on_behalf_of, decision, comment,"
		   " conflicts, at) VALUES (?, ?, ?, ?, nullif(?, 0), ?, ?, ?, ?)", "iiiiissss", c->id, x->policy_id,
		   (long long)step, user, on_behalf, decision, comment, conflicts, now) != SQLITE_DONE)
		return -1;
	struct buf nv = {0};
	json_open(&nv);
	json_n(&nv, "policy", (double)x->policy_id);
	json_n(&nv, "step", step);
	json_s(&nv, "decision", decision);
	if (on_behalf) json_n(&nv, "on_behalf", (double)on_behalf);
	json_s(&nv, "comment", comment);
	json_s(&nv, "conflicts", conflicts);
	json_close(&nv);
	int rc = audit_append(who, "change.decide", "change", c->number, NULL, buf_str(&nv), comment);
	buf_free(&nv);
	if (rc) return -1;
	/* where the change stands now */
	char today[11];   /* the local day, as on the page */
	cal_iso(plan_today(), today);
	struct approvals_plan after;
	if (approvals_plan_load(a, c, r->freeze, today, &after)) return -1;
	const char *target = transition_decision_target(c->state, after.status, after.status == APPROVAL_PENDING && after.last);
	/* the freeze override due without a policy that fits: the change waits in authorize */
	if (after.status == APPROVAL_PENDING && !after.cur) target = "authorize";
	if (transition_decided(who, c, target, comment, a, state, missing)) return -1;
	return approvals_notify(a, c, c->state, comment, user) < 0 ? -1 : 0;
}

static void
user_attrs(xmlNodePtr e, const char *login_attr, const char *name_attr, long long id)
{
	if (!id) return;
	sqlite3_stmt *st = db_q("SELECT login, display_name FROM users WHERE id = ?", "i", id);
	if (st && sqlite3_step(st) == SQLITE_ROW) {
		xml_attr(e, login_attr, (const char *)sqlite3_column_text(st, 0));
		xml_attr(e, name_attr, (const char *)sqlite3_column_text(st, 1));
	}
	if (st) sqlite3_reset(st);
}

xmlNodePtr
decide_page_xml(xmlNodePtr parent, const struct change *c, const struct approvals_plan *r, long long user, const char *today,
	    struct arena *a)
{
	xmlNodePtr e = xml_el(parent, "approval");
	static const char *const names[] = { "pending", "approved", "rejected" };
	int open = !strcmp(c->state, "assess") || !strcmp(c->state, "authorize");
	xml_attr(e, "status", !r->routed ? "none" : names[r->status]);
	xml_attr(e, "freeze", r->freeze ? "1" : "0");
	const struct approvals_route *x = r->cur;
	if (x && r->status == APPROVAL_PENDING && x->state.current >= 0) {
		int step = x->steps[x->state.current].step;
		xml_attr_ll(e, "policy", x->policy_id);
		sqlite3_stmt *st = db_q("SELECT p.name, coalesce(s.name, '') FROM approval_policies p LEFT JOIN approval_steps s"
					" ON s.policy_id = p.id AND s.step = ? WHERE p.id = ?", "ii", (long long)step, x->policy_id);
		if (st && sqlite3_step(st) == SQLITE_ROW) {
			xml_attr(e, "policy-name", (const char *)sqlite3_column_text(st, 0));
			xml_attr(e, "step-name", (const char *)sqlite3_column_text(st, 1));
		}
		if (st) sqlite3_reset(st);
		xml_attr_ll(e, "step", step);
		xml_attr_ll(e, "approvals", x->state.approvals);
		xml_attr_ll(e, "needed", x->state.needed);
	}
	/* an approved route still in authorize: what scheduling needs */
	if (r->routed && r->status == APPROVAL_APPROVED && !strcmp(c->state, "authorize")) {
		struct buf b = {0};
		if (!*c->planned_start) buf_adds(&b, "planned_start ");
		if (!*c->implementer) buf_adds(&b, "implementer");
		xml_attr(e, "missing", buf_str(&b));
		buf_free(&b);
	}
	long long ob = 0;
	int why = open ? approvals_may(r, user, today, &ob) : APPROVAL_CLOSED;
	xml_attr(e, "may", open && why == APPROVAL_OK ? "1" : "0");
	xml_attr(e, "reason", why < 0 ? "no_route" : approval_reason_name(why));
	if (why == APPROVAL_OK && ob) user_attrs(e, "on-behalf", "on-behalf-name", ob);
	sqlite3_stmt *st = db_q("SELECT a.id, p.name, a.step, coalesce(s.name, ''), a.approver_id, coalesce(a.on_behalf_of, 0),"
				" a.decision, a.at, a.comment, a.conflicts FROM approvals a"
				" JOIN approval_policies p ON p.id = a.policy_id"
				" LEFT JOIN approval_steps s ON s.policy_id = a.policy_id AND s.step = a.step"
				" WHERE a.change_id = ? ORDER BY a.id", "i", c->id);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr d = xml_el(e, "decision");
		xml_attr_ll(d, "id", sqlite3_column_int64(st, 0));
		xml_attr(d, "policy-name", col(a, st, 1));
		xml_attr_ll(d, "step", sqlite3_column_int64(st, 2));
		xml_attr(d, "step-name", col(a, st, 3));
		user_attrs(d, "user", "user-name", sqlite3_column_int64(st, 4));
		user_attrs(d, "on-behalf", "on-behalf-name", sqlite3_column_int64(st, 5));
		xml_attr(d, "decision", col(a, st, 6));
		xml_attr(d, "at", col(a, st, 7));
		xml_text(d, "comment", col(a, st, 8));
		xml_text(d, "conflicts", col(a, st, 9));
	}
	if (st) sqlite3_reset(st);
	return e;
}

xmlNodePtr
decide_item_xml(xmlNodePtr e, const struct change *c, long long user, struct arena *a)
{
	struct conflict_result cr;
	int ck = conflict_check(a, c, &cr);
	if (ck < 0) return NULL;
	if (ck == 0) conflict_xml(e, &cr);
	char today[11];   /* the local day: delegations and policies are in local days */
	cal_iso(plan_today(), today);
	struct approvals_plan route;
	if (approvals_plan_load(a, c, ck == 0 && cr.freeze, today, &route)) return NULL;
	return decide_page_xml(e, c, &route, user, today, a);
}
