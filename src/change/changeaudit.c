/* changeaudit.c — the auditor's period reports on change management (see changeaudit.h). */
#include "change/changeaudit.h"
#include "change/approvals.h"
#include "engine/cal.h"
#include "core/clock.h"
#include "core/db.h"
#include "plan/plan.h"
#include "core/xml.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The last day of the month of day d. */
static int
month_last(int d)
{
	char s[11];
	cal_iso(d, s);
	int y = atoi(s), m = atoi(s + 5);
	char n[32];
	snprintf(n, sizeof n, "%04d-%02d-01", m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1);
	return cal_day(n) - 1;
}

static int
month_first(int d)
{
	char s[11];
	cal_iso(d, s);
	s[8] = '0';
	s[9] = '1';
	return cal_day(s);
}

/* UTC instant of the start of local day d into out[21]. */
static void
day_utc(int d, char out[21])
{
	char s[11];
	cal_iso(d, s);
	clock_iso(clock_parse_local_date(s), out);
}

int
changeaudit_period_parse(const char *from, const char *to, struct changeaudit_period *p, const char **field, const char **key)
{
	int today = plan_today();
	int f = from && *from ? cal_day(from) : month_first(today);
	if (f < 0) {
		*field = "from";
		*key = "caud.error.date";
		return -1;
	}
	int t = to && *to ? cal_day(to) : month_last(from && *from ? f : today);
	char next[11];
	cal_iso(t + 1, next);
	if (t < 0 || !*next) {
		*field = "to";
		*key = "caud.error.date";
		return -1;
	}
	if (t < f) {
		*field = "to";
		*key = "caud.error.order";
		return -1;
	}
	memset(p, 0, sizeof *p);
	cal_iso(f, p->from);
	cal_iso(t, p->to);
	day_utc(f, p->from_utc);
	day_utc(t + 1, p->to_utc);
	snprintf(p->from_local, sizeof p->from_local, "%sT00:00", p->from);
	snprintf(p->to_local, sizeof p->to_local, "%sT00:00", next);
	return 0;
}

void
changeaudit_period_attrs(xmlNodePtr e, const struct changeaudit_period *p)
{
	int f = cal_day(p->from), t = cal_day(p->to);
	int pf, pt, nf, nt;
	if (f == month_first(f) && t == month_last(f)) {
		pt = f - 1;
		pf = month_first(pt);
		nf = t + 1;
		nt = month_last(nf);
	} else {
		int len = t - f + 1;
		pf = f - len;
		pt = f - 1;
		nf = t + 1;
		nt = t + len;
	}
	char s[11];
	xml_attr(e, "from", p->from);
	xml_attr(e, "to", p->to);
	cal_iso(pf, s);
	if (*s && pf >= 0) {
		xml_attr(e, "prev-from", s);
		cal_iso(pt, s);
		xml_attr(e, "prev-to", s);
	}
	cal_iso(nt + 1, s);
	if (*s) {
		cal_iso(nf, s);
		xml_attr(e, "next-from", s);
		cal_iso(nt, s);
		xml_attr(e, "next-to", s);
	}
}

static const char *
col(struct arena *a, sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return arena_strdup(a, s ? (const char *)s : "");
}

static int
load_approvals(struct changeaudit_change *c, struct arena *a)
{
	sqlite3_stmt *st = db_q("SELECT a.id, a.step, p.name, u.login, u.display_name, coalesce(b.login, ''),"
				" coalesce(b.display_name, ''), a.decision, a.comment, a.at, a.approver_id,"
				" coalesce(a.on_behalf_of, 0) FROM approvals a JOIN approval_policies p ON p.id = a.policy_id"
				" JOIN users u ON u.id = a.approver_id LEFT JOIN users b ON b.id = a.on_behalf_of"
				" WHERE a.change_id = ? ORDER BY a.at, a.id", "i", c->id);
	if (!st) return -1;
	int cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (c->nap == cap) {
			cap = cap ? 2 * cap : 8;
			struct changeaudit_approval *n = arena_alloc(a, sizeof *n * (size_t)cap);
			if (c->nap) memcpy(n, c->ap, sizeof *n * (size_t)c->nap);
			c->ap = n;
		}
		struct changeaudit_approval *x = &c->ap[c->nap++];
		x->id = sqlite3_column_int64(st, 0);
		x->step = sqlite3_column_int(st, 1);
		x->policy = col(a, st, 2);
		x->approver = col(a, st, 3);
		x->approver_name = col(a, st, 4);
		x->on_behalf = col(a, st, 5);
		x->on_behalf_name = col(a, st, 6);
		x->decision = col(a, st, 7);
		x->comment = col(a, st, 8);
		x->at = col(a, st, 9);
		x->approver_id = sqlite3_column_int64(st, 10);
		x->on_behalf_id = sqlite3_column_int64(st, 11);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int
load_cis(struct changeaudit_change *c, struct arena *a)
{
	sqlite3_stmt *st = db_q("SELECT i.code FROM change_cis x JOIN config_items i ON i.id = x.ci_id"
				" WHERE x.change_id = ? ORDER BY i.code", "i", c->id);
	if (!st) return -1;
	int cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (c->ncis == cap) {
			cap = cap ? 2 * cap : 8;
			const char **n = arena_alloc(a, sizeof *n * (size_t)cap);
			if (c->ncis) memcpy(n, c->cis, sizeof *n * (size_t)c->ncis);
			c->cis = n;
		}
		c->cis[c->ncis++] = col(a, st, 0);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
changeaudit_changes(const struct changeaudit_period *p, struct arena *a, struct changeaudit_change **out)
{
	/* the audit log's state changes of a change: JSON written by changeflow.c */
	sqlite3_stmt *st = db_q(
		"SELECT c.id, c.number, c.title, c.type, c.category, c.state, coalesce(c.close_code, ''),"
		" coalesce(c.risk_level, ''), coalesce(c.risk_score, -1), c.requester_id, r.login, r.display_name,"
		" coalesce(i.login, ''), c.created_at, coalesce(c.planned_start, ''), coalesce(c.planned_end, ''),"
		" coalesce(c.actual_start, ''), coalesce(c.actual_end, ''), coalesce(c.closed_at, ''), c.outage,"
		" coalesce((SELECT min(l.at) FROM audit_log l WHERE l.entity = 'change' AND l.entity_id = c.number"
		"   AND l.action = 'change.transition'"
		"   AND CASE WHEN json_valid(l.old_value) THEN json_extract(l.old_value, '$.state') END = 'new'), ''),"
		" coalesce((SELECT min(l.at) FROM audit_log l WHERE l.entity = 'change' AND l.entity_id = c.number"
		"   AND l.action = 'change.transition'"
		"   AND CASE WHEN json_valid(l.new_value) THEN json_extract(l.new_value, '$.state') END = 'implement'), '')"
		" FROM changes c JOIN users r ON r.id = c.requester_id LEFT JOIN users i ON i.id = c.implementer_id"
		" WHERE (c.created_at >= ? AND c.created_at < ?) OR (c.actual_start >= ? AND c.actual_start < ?)"
		" ORDER BY c.number",
		"ssss", p->from_utc, p->to_utc, p->from_local, p->to_local);
	if (!st) return -1;
	int n = 0, cap = 0, rc;
	struct changeaudit_change *v = NULL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 32;
			struct changeaudit_change *nv = arena_alloc(a, sizeof *nv * (size_t)cap);
			if (n) memcpy(nv, v, sizeof *nv * (size_t)n);
			v = nv;
		}
		struct changeaudit_change *c = &v[n++];
		memset(c, 0, sizeof *c);
		c->id = sqlite3_column_int64(st, 0);
		c->number = col(a, st, 1);
		c->title = col(a, st, 2);
		c->type = col(a, st, 3);
		c->category = col(a, st, 4);
		c->state = col(a, st, 5);
		c->close_code = col(a, st, 6);
		c->risk_level = col(a, st, 7);
		c->risk_score = sqlite3_column_int(st, 8);
		c->requester_id = sqlite3_column_int64(st, 9);
		c->requester = col(a, st, 10);
		c->requester_name = col(a, st, 11);
		c->implementer = col(a, st, 12);
		c->created = col(a, st, 13);
		c->planned_start = col(a, st, 14);
		c->planned_end = col(a, st, 15);
		c->actual_start = col(a, st, 16);
		c->actual_end = col(a, st, 17);
		c->closed_at = col(a, st, 18);
		c->outage = sqlite3_column_int(st, 19);
		c->submitted_at = col(a, st, 20);
		c->implemented_at = col(a, st, 21);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) return -1;
	for (int i = 0; i < n; i++)
		if (load_approvals(&v[i], a) || load_cis(&v[i], a)) return -1;
	*out = v;
	return n;
}

/* A local "YYYY-MM-DDTHH:MM" as a UTC instant in out[21]; "" when malformed. */
static void
local_utc(const char *s, char out[21])
{
	out[0] = 0;
	if (strlen(s) < 16 || s[10] != 'T') return;
	char day[11];
	memcpy(day, s, 10);
	day[10] = 0;
	time_t t = clock_parse_local_date(day);
	if (t < 0) return;
	clock_iso(t + atoi(s + 11) * 3600 + atoi(s + 14) * 60, out);
}

const char *
changeaudit_early(const struct changeaudit_change *c, struct arena *a, const char **at)
{
	*at = "";
	if (!strcmp(c->type, "standard")) return NULL;
	const char *t = c->implemented_at;
	if (!*t && *c->actual_start) {
		char u[21];
		local_utc(c->actual_start, u);
		t = arena_strdup(a, u);
	}
	/* a change in review or closed went through implement even without a recorded time */
	int reached = *t || !strcmp(c->state, "implement") || !strcmp(c->state, "review") || !strcmp(c->state, "closed");
	if (!reached) return NULL;
	*at = t;
	int before = 0, after = 0, rejected = 0;
	for (int i = 0; i < c->nap; i++) {
		int ok = !strcmp(c->ap[i].decision, "approved");
		if (!ok) rejected++;
		else if (!*t || strcmp(c->ap[i].at, t) <= 0) before++;
		else after++;
	}
	if (!before && !after) return "no_approval";
	if (rejected) return "rejected";
	if (after) return "approved_late";
	/* every decision was made before: do they meet the policy's steps? */
	struct approvals_route r;
	char today[11];
	memcpy(today, *t ? t : c->created, 10);
	today[10] = 0;
	if (approvals_route_load(a, c->id, today, NULL, 0, &r) != 1 || r.state.status != APPROVAL_APPROVED) return "quorum";
	return NULL;
}

int
changeaudit_self(const struct changeaudit_change *c, const struct changeaudit_approval *x)
{
	return x->approver_id == c->requester_id || (x->on_behalf_id && x->on_behalf_id == c->requester_id);
}

int
changeaudit_kpi(const struct changeaudit_change *c, int n, struct arena *a, struct changekpi_kpi *k)
{
	struct changekpi_change *in = arena_alloc(a, sizeof *in * (size_t)(n ? n : 1));
	int nl = 0;
	for (int i = 0; i < n; i++) nl += c[i].ncis;
	struct changekpi_ci_link *l = arena_alloc(a, sizeof *l * (size_t)(nl ? nl : 1));
	struct changekpi_ci_count *per = arena_alloc(a, sizeof *per * (size_t)(nl ? nl : 1));
	nl = 0;
	for (int i = 0; i < n; i++) {
		time_t s = *c[i].submitted_at ? clock_parse(c[i].submitted_at) : 0,
		       m = *c[i].implemented_at ? clock_parse(c[i].implemented_at) : 0;
		in[i] = (struct changekpi_change){ c[i].type, c[i].state, c[i].close_code, s > 0 ? s : 0, m > 0 ? m : 0 };
		for (int j = 0; j < c[i].ncis; j++) l[nl++] = (struct changekpi_ci_link){ i, c[i].cis[j] };
	}
	return changekpi_compute(in, n, l, nl, per, k);
}

static xmlNodePtr
change_el(xmlNodePtr parent, const struct changeaudit_change *c)
{
	xmlNodePtr e = xml_el(parent, "change");
	xml_attr(e, "number", c->number);
	xml_attr(e, "title", c->title);
	xml_attr(e, "type", c->type);
	xml_attr(e, "state", c->state);
	xml_attr(e, "close-code", c->close_code);
	xml_attr(e, "risk-level", c->risk_level);
	xml_attr(e, "requester", c->requester);
	xml_attr(e, "requester-name", *c->requester_name ? c->requester_name : c->requester);
	xml_attr(e, "created", c->created);
	xml_attr(e, "actual-start", c->actual_start);
	return e;
}

static xmlNodePtr
approval_el(xmlNodePtr parent, const struct changeaudit_approval *x)
{
	xmlNodePtr e = xml_el(parent, "approval");
	xml_attr_ll(e, "id", x->id);
	xml_attr(e, "policy-name", x->policy);
	xml_attr_ll(e, "step", x->step);
	xml_attr(e, "approver", x->approver);
	xml_attr(e, "approver-name", *x->approver_name ? x->approver_name : x->approver);
	xml_attr(e, "on-behalf", x->on_behalf);
	xml_attr(e, "on-behalf-name", *x->on_behalf_name ? x->on_behalf_name : x->on_behalf);
	xml_attr(e, "decision", x->decision);
	xml_attr(e, "at", x->at);
	xml_text(e, "comment", x->comment);
	return e;
}

static void
count(xmlNodePtr e)
{
	long long n = 0;
	for (xmlNodePtr k = e->children; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE) n++;
	xml_attr_ll(e, "count", n);
}

int
changeaudit_report_xml(xmlNodePtr parent, const struct changeaudit_period *p, struct arena *a)
{
	struct changeaudit_change *c;
	int n = changeaudit_changes(p, a, &c);
	if (n < 0) return -1;
	xmlNodePtr r = xml_el(parent, "change-audit");
	changeaudit_period_attrs(r, p);
	xmlNodePtr all = xml_el(r, "changes"), em = xml_el(r, "emergency"), fl = xml_el(r, "failed"),
		   ea = xml_el(r, "early"), sf = xml_el(r, "self");
	for (int i = 0; i < n; i++) {
		xmlNodePtr e = change_el(all, &c[i]);
		for (int j = 0; j < c[i].nap; j++) approval_el(e, &c[i].ap[j]);
		if (!strcmp(c[i].type, "emergency")) change_el(em, &c[i]);
		if (!strcmp(c[i].close_code, "unsuccessful") || !strcmp(c[i].close_code, "rolled_back"))
			change_el(fl, &c[i]);
		const char *at, *why = changeaudit_early(&c[i], a, &at);
		if (why) {
			xmlNodePtr x = change_el(ea, &c[i]);
			xml_attr(x, "implemented-at", at);
			xml_attr(x, "reason", why);
			xml_attr_ll(x, "approvals", c[i].nap);
		}
		for (int j = 0; j < c[i].nap; j++)
			if (changeaudit_self(&c[i], &c[i].ap[j])) {
				xmlNodePtr x = approval_el(sf, &c[i].ap[j]);
				xml_attr(x, "number", c[i].number);
				xml_attr(x, "title", c[i].title);
				xml_attr(x, "requester-name", *c[i].requester_name ? c[i].requester_name : c[i].requester);
			}
	}
	count(all);
	count(em);
	count(fl);
	count(ea);
	count(sf);
	return 0;
}

int
changeaudit_kpi_xml(xmlNodePtr parent, const struct changeaudit_period *p, struct arena *a)
{
	struct changeaudit_change *c;
	int n = changeaudit_changes(p, a, &c);
	struct changekpi_kpi k;
	if (n < 0 || changeaudit_kpi(c, n, a, &k)) return -1;
	xmlNodePtr e = xml_el(parent, "change-kpi");
	changeaudit_period_attrs(e, p);
	char s[32];
	xml_attr_ll(e, "total", k.total);
	xml_attr_ll(e, "closed-with-code", k.closed_with_code);
	xml_attr_ll(e, "successful", k.successful);
	changekpi_fmt(k.success_pct, s);
	xml_attr(e, "success-pct", s);
	xml_attr_ll(e, "emergency", k.emergency);
	changekpi_fmt(k.emergency_pct, s);
	xml_attr(e, "emergency-pct", s);
	xml_attr_ll(e, "lead-n", k.lead_n);
	changekpi_fmt(k.lead_hours, s);
	xml_attr(e, "lead-hours", s);
	for (int i = 0; i < CHANGEKPI_NTYPES; i++) {
		xmlNodePtr x = xml_el(e, "type");
		xml_attr(x, "code", changekpi_types[i]);
		xml_attr_ll(x, "n", k.by_type[i]);
	}
	for (int i = 0; i < CHANGEKPI_NSTATES; i++) {
		xmlNodePtr x = xml_el(e, "state");
		xml_attr(x, "code", changekpi_states[i]);
		xml_attr_ll(x, "n", k.by_state[i]);
	}
	for (int i = 0; i < CHANGEKPI_NCLOSE; i++) {
		xmlNodePtr x = xml_el(e, "close");
		xml_attr(x, "code", changekpi_close[i]);
		xml_attr_ll(x, "n", k.by_close[i]);
	}
	for (int i = 0; i < k.nci; i++) {
		xmlNodePtr x = xml_el(e, "ci");
		xml_attr(x, "code", k.per_ci[i].ci);
		xml_attr_ll(x, "n", k.per_ci[i].n);
	}
	return 0;
}
