/* approvalqueue.c — a change's stored approval route for the engine, and the approver's queue
 * (approvalqueue.h). */
#include "change/approvals.h"
#include "change/approvalpolicy.h"
#include "change/decide.h"
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
		struct decide_route cr;
		if (change_load(a, nums[i], &v) != 1 || decide_route_now(a, &v, today, &cr)) return -1;
		long long ob = 0;
		const struct approvals_route *r = cr.cur;
		if (cr.status != APPROVAL_PENDING || !r || decide_may(&cr, user, today, &ob) != APPROVAL_OK) continue;
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
