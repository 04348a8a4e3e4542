/* approvals.c — the approval model of a change (approvals.h): its stored route for the engine,
 * the plan of every step it needs (its policy's, then the freeze override's), who may decide now,
 * who is told that a step waits, and the approver's queue. */
#include "change/approvals.h"
#include "change/approvalpolicy.h"
#include "change/conflict.h"
#include "change/outbox.h"
#include "engine/cal.h"
#include "plan/plan.h"
#include "core/db.h"
#include "change/delegation.h"
#include "core/xml.h"
#include <stdio.h>
#include <string.h>

static const char *
col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? s : "";
}

int
approvals_route_load(struct arena *a, long long change_id, const char *today, const struct approval_policy *pol, int npol,
	      struct approvals_route *r)
{
	memset(r, 0, sizeof *r);
	r->change_id = change_id;
	sqlite3_stmt *st = db_q("SELECT type, risk_level, requester_id, coalesce(implementer_id, 0) FROM changes WHERE id = ?",
				"i", change_id);
	if (!st) return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return -1;
	}
	r->chg = (struct approval_change){ arena_strdup(a, col(st, 0)),
				     sqlite3_column_type(st, 1) == SQLITE_NULL ? NULL : arena_strdup(a, col(st, 1)),
				     sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3) };
	sqlite3_reset(st);
	r->policy_id = db_int("SELECT policy_id FROM approvals WHERE change_id = ? ORDER BY id LIMIT 1", "i", change_id);
	if (!r->policy_id) {
		if (!pol) {
			pol = approvalpolicy_load_all(a, &npol);
			if (!pol) return -1;
		}
		int i = approval_select(pol, npol, r->chg.type, r->chg.risk);
		if (i < 0) return 0;
		r->policy_id = pol[i].id;
	}
	r->steps = approvalpolicy_load_steps(a, r->policy_id, &r->nsteps);
	int max = (int)db_int("SELECT count(*) FROM approvals WHERE change_id = ? AND policy_id = ?", "ii", change_id,
			      r->policy_id);
	r->d = arena_alloc(a, sizeof *r->d * (size_t)(max + 1));
	st = db_q("SELECT step, approver_id, coalesce(on_behalf_of, 0), decision = 'approved' FROM approvals"
		  " WHERE change_id = ? AND policy_id = ? ORDER BY id", "ii", change_id, r->policy_id);
	while (st && r->nd < max && sqlite3_step(st) == SQLITE_ROW)
		r->d[r->nd++] = (struct approval_decision){ sqlite3_column_int(st, 0), sqlite3_column_int64(st, 1),
						      sqlite3_column_int64(st, 2), sqlite3_column_int(st, 3) };
	if (st) sqlite3_reset(st);
	r->g = delegation_in_force(a, today, &r->ng);
	approval_evaluate(r->steps, r->nsteps, r->d, r->nd, &r->state);
	return 1;
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
			p[k++] = (struct approval_policy){ sqlite3_column_int64(st, 0), "change", arena_strdup(a, col(st, 1)), arena_strdup(a, col(st, 2)),
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
approvals_plan_load(struct arena *a, const struct change *c, int freeze, const char *today, struct approvals_plan *r)
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
approvals_plan_now(struct arena *a, const struct change *c, const char *today, struct approvals_plan *r)
{
	struct conflict_result cr;
	int ck = conflict_check(a, c, &cr);
	if (ck < 0) return -1;
	return approvals_plan_load(a, c, ck == 0 && cr.freeze, today, r);
}

int
approvals_may(const struct approvals_plan *r, long long user, const char *today, long long *on_behalf)
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

/* Display name (else login) and login of user id into the element's attributes. */
static void
user_attrs(xmlNodePtr e, const char *login_attr, const char *name_attr, long long id)
{
	sqlite3_stmt *st = db_q("SELECT login, display_name FROM users WHERE id = ?", "i", id);
	if (st && sqlite3_step(st) == SQLITE_ROW) {
		xml_attr(e, login_attr, col(st, 0));
		xml_attr(e, name_attr, col(st, 1));
	}
	if (st) sqlite3_reset(st);
}

int
approvals_queue_xml(xmlNodePtr parent, long long user, const char *today, struct arena *a)
{
	xmlNodePtr q = xml_el(parent, "queue");
	int n = (int)db_int("SELECT count(*) FROM changes WHERE state IN ('assess', 'authorize')", "");
	const char **nums = arena_alloc(a, sizeof *nums * (size_t)(n + 1));
	int k = 0;
	sqlite3_stmt *st = db_q("SELECT number FROM changes WHERE state IN ('assess', 'authorize')"
				" ORDER BY planned_start IS NULL, planned_start, number", "");
	while (st && k < n && sqlite3_step(st) == SQLITE_ROW) nums[k++] = arena_strdup(a, col(st, 0));
	if (st) sqlite3_reset(st);
	int count = 0;
	for (int i = 0; i < k; i++) {
		/* the whole route: the change's policy, then the freeze override when its window is in a freeze */
		struct change v;
		struct approvals_plan cr;
		if (change_load(a, nums[i], &v) != 1 || approvals_plan_now(a, &v, today, &cr)) return -1;
		long long ob = 0;
		const struct approvals_route *r = cr.cur;
		if (cr.status != APPROVAL_PENDING || !r || approvals_may(&cr, user, today, &ob) != APPROVAL_OK) continue;
		const struct approval_step *cur = &r->steps[r->state.current];
		st = db_q("SELECT c.number, c.title, c.type, coalesce(c.risk_level, ''), c.state, coalesce(c.planned_start, ''),"
			  " coalesce(c.planned_end, ''), p.name, coalesce(s.name, '') FROM changes c, approval_policies p"
			  " LEFT JOIN approval_steps s ON s.policy_id = p.id AND s.step = ?3 WHERE c.id = ?1 AND p.id = ?2",
			  "iid", v.id, r->policy_id, cur->step);
		if (!st || sqlite3_step(st) != SQLITE_ROW) {
			if (st) sqlite3_reset(st);
			continue;
		}
		xmlNodePtr c = xml_el(q, "change");
		xml_attr_ll(c, "id", v.id);
		static const char *const names[] = { "number", "title", "type", "risk-level", "state", "planned-start",
						     "planned-end", "policy-name", "step-name" };
		for (int j = 0; j < 9; j++) xml_attr(c, names[j], col(st, j));
		sqlite3_reset(st);
		xml_attr_ll(c, "policy", r->policy_id);
		xml_attr_ll(c, "step", cur->step);
		xml_attr_ll(c, "approvals", r->state.approvals);
		xml_attr_ll(c, "needed", r->state.needed);
		if (cr.freeze) xml_attr(c, "freeze", "1");
		user_attrs(c, "requester", "requester-name", r->chg.requester);
		if (ob) user_attrs(c, "on-behalf", "on-behalf-name", ob);
		count++;
	}
	xml_attr_ll(q, "count", count);
	return count;
}

int
approvals_waiting(struct arena *a, const struct change *c, struct outbox_waiting *w)
{
	memset(w, 0, sizeof *w);
	char today[11];   /* the local day: delegations and policies are in local days */
	cal_iso(plan_today(), today);
	struct approvals_plan r;
	if (approvals_plan_now(a, c, today, &r)) return -1;
	if (r.status == APPROVAL_APPROVED) {
		w->approved = 1;
		return 0;
	}
	const struct approvals_route *x = r.cur;
	if (r.status != APPROVAL_PENDING || !x || x->state.current < 0) return 0;
	w->step = x->steps[x->state.current].step;
	w->policy_id = x->policy_id;
	w->policy_name = w->step_name = "";
	sqlite3_stmt *st = db_q("SELECT p.name, coalesce(s.name, '') FROM approval_policies p LEFT JOIN approval_steps s"
				" ON s.policy_id = p.id AND s.step = ? WHERE p.id = ?", "ii", (long long)w->step, x->policy_id);
	if (st && sqlite3_step(st) == SQLITE_ROW) {
		w->policy_name = arena_strdup(a, col(st, 0));
		w->step_name = arena_strdup(a, col(st, 1));
	}
	if (st) sqlite3_reset(st);
	struct approval_who who[OUTBOX_MAX_APPROVERS];
	int n = approval_who_may_decide(&x->chg, x->steps, x->nsteps, x->d, x->nd, x->g, x->ng, today, who,
					OUTBOX_MAX_APPROVERS);
	for (int i = 0; i < n && i < OUTBOX_MAX_APPROVERS; i++) {
		w->who[i].user = who[i].user;
		w->who[i].on_behalf = who[i].on_behalf;
	}
	w->n = n < OUTBOX_MAX_APPROVERS ? n : OUTBOX_MAX_APPROVERS;
	w->pending = 1;
	return 0;
}

int
approvals_notify(struct arena *a, const struct change *c, const char *from, const char *reason, long long actor)
{
	struct outbox_waiting w;
	if (approvals_waiting(a, c, &w)) return -1;
	return outbox_change(a, c, from, reason, actor, &w);
}
