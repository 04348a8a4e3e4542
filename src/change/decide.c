/* changedecide.c — decisions on a change (changedecide.h). */
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

/* The freeze override route of change_id: the freeze_override policy of its first decision on
 * one, else the one approval_select picks among them. 1, 0 none, -1 error. */
static int
freeze_route(struct arena *a, long long change_id, const struct approval_change *chg, const char *today, struct approvals_route *r)
{
	memset(r, 0, sizeof *r);
	r->change_id = change_id;
	r->chg = *chg;
	r->policy_id = db_int("SELECT a.policy_id FROM approvals a JOIN approval_policies p ON p.id = a.policy_id"
			      " WHERE a.change_id = ? AND p.kind = 'freeze_override' ORDER BY a.id LIMIT 1", "i", change_id);
	if (!r->policy_id) {
		int n = (int)db_int("SELECT count(*) FROM approval_policies WHERE kind = 'freeze_override'", "");
		struct approval_policy *p = arena_alloc(a, sizeof *p * (size_t)(n + 1));
		int k = 0;
		sqlite3_stmt *st = db_q("SELECT id, type, risk_level, active FROM approval_policies"
					" WHERE kind = 'freeze_override' ORDER BY id", "");
		if (!st) return -1;
		while (k < n && sqlite3_step(st) == SQLITE_ROW)
			p[k++] = (struct approval_policy){ sqlite3_column_int64(st, 0), "change", col(a, st, 1), col(a, st, 2),
						     sqlite3_column_int(st, 3) };
		sqlite3_reset(st);
		/* approval_select routes policies of kind "change": these are given as such */
		int i = approval_select(p, k, chg->type, chg->risk);
		if (i < 0) return 0;
		r->policy_id = p[i].id;
	}
	r->steps = approvalpolicy_load_steps(a, r->policy_id, &r->nsteps);
	int max = (int)db_int("SELECT count(*) FROM approvals WHERE change_id = ? AND policy_id = ?", "ii", change_id,
			      r->policy_id);
	r->d = arena_alloc(a, sizeof *r->d * (size_t)(max + 1));
	sqlite3_stmt *st = db_q("SELECT step, approver_id, coalesce(on_behalf_of, 0), decision = 'approved' FROM approvals"
				" WHERE change_id = ? AND policy_id = ? ORDER BY id", "ii", change_id, r->policy_id);
	if (!st) return -1;
	while (r->nd < max && sqlite3_step(st) == SQLITE_ROW)
		r->d[r->nd++] = (struct approval_decision){ sqlite3_column_int(st, 0), sqlite3_column_int64(st, 1),
						      sqlite3_column_int64(st, 2), sqlite3_column_int(st, 3) };
	sqlite3_reset(st);
	r->g = delegation_in_force(a, today, &r->ng);
	approval_evaluate(r->steps, r->nsteps, r->d, r->nd, &r->state);
	return 1;
}

int
decide_route_load(struct arena *a, const struct change *c, int freeze, const char *today, struct decide_route *r)
{
	memset(r, 0, sizeof *r);
	int rc = approvals_route_load(a, c->id, today, NULL, 0, &r->main);
	if (rc < 0) return -1;
	r->routed = rc;
	r->freeze = freeze;
	r->status = APPROVAL_PENDING;
	if (!r->routed) return 0;
	if (freeze) {
		rc = freeze_route(a, c->id, &r->main.chg, today, &r->frz);
		if (rc < 0) return -1;
		r->frz_routed = rc;
	}
	if (r->main.state.status == APPROVAL_REJECTED || (r->frz_routed && r->frz.state.status == APPROVAL_REJECTED)) {
		r->status = APPROVAL_REJECTED;
	} else if (r->main.state.status == APPROVAL_PENDING) {
		r->cur = &r->main;
		r->last = r->main.state.current == r->main.nsteps - 1;
	} else if (!freeze) {
		r->status = APPROVAL_APPROVED;
	} else if (!r->frz_routed) {
		r->cur = NULL;
	} else if (r->frz.state.status == APPROVAL_PENDING) {
		r->cur = &r->frz;
		r->last = 1;
	} else {
		r->status = APPROVAL_APPROVED;
	}
	return 0;
}

int
decide_route_now(struct arena *a, const struct change *c, const char *today, struct decide_route *r)
{
	struct conflict_result cr;
	int ck = conflict_check(a, c, &cr);
	if (ck < 0) return -1;
	return decide_route_load(a, c, ck == 0 && cr.freeze, today, r);
}

int
decide_may(const struct decide_route *r, long long user, const char *today, long long *on_behalf)
{
	*on_behalf = 0;
	const struct approvals_route *x = r->cur;
	if (r->status != APPROVAL_PENDING) x = r->frz_routed && r->freeze ? &r->frz : &r->main;
	if (!r->routed) return -1;
	if (!x) {
		/* the freeze override is due but no policy fits: the engine's own refusals first */
		int why = approval_may_decide(&r->main.chg, r->main.steps, r->main.nsteps, r->main.d, r->main.nd, r->main.g,
					r->main.ng, today, user, 0, on_behalf);
		return why == APPROVAL_REQUESTER || why == APPROVAL_IMPLEMENTER ? why : -1;
	}
	return approval_may_decide(&x->chg, x->steps, x->nsteps, x->d, x->nd, x->g, x->ng, today, user, 0, on_behalf);
}

int
decide_apply(const struct audit_who *who, const struct change *c, long long user, long long on_behalf,
	  const struct decide_route *r, const char *decision, const char *comment, const char *conflicts,
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
	struct decide_route after;
	if (decide_route_load(a, c, r->freeze, today, &after)) return -1;
	const char *target = transition_decision_target(c->state, after.status, after.status == APPROVAL_PENDING && after.last);
	/* the freeze override due without a policy that fits: the change waits in authorize */
	if (after.status == APPROVAL_PENDING && !after.cur) target = "authorize";
	if (transition_decided(who, c, target, comment, a, state, missing)) return -1;
	return outbox_change(a, c, c->state, comment, user) < 0 ? -1 : 0;
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
decide_page_xml(xmlNodePtr parent, const struct change *c, const struct decide_route *r, long long user, const char *today,
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
	int why = open ? decide_may(r, user, today, &ob) : APPROVAL_CLOSED;
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
	struct decide_route route;
	if (decide_route_load(a, c, ck == 0 && cr.freeze, today, &route)) return NULL;
	return decide_page_xml(e, c, &route, user, today, a);
}
