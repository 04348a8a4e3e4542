/* changeaudit.h — the auditor's period reports on change management (ISO/IEC 20000-1 8.5.1,
 * 7.5): a period of local days, the changes that belong to it with their approvals and CIs, the
 * checks an auditor makes on them (emergency and failed changes, changes implemented before their
 * approval, approvals by the change's own requester), the KPIs (changekpi.h) and the report's
 * model document. Read-only.
 *
 * A change belongs to the period when it was created in it or implemented in it (its actual
 * start, local time). Its submission and implementation times are the audit log's: the first
 * change.transition out of state new, and the first one into implement (UTC). */
#ifndef OPSPLAN_CHANGEAUDIT_H
#define OPSPLAN_CHANGEAUDIT_H
#include <libxml/tree.h>
#include "engine/changekpi.h"
#include "core/arena.h"
#include "core/buf.h"

/* Local days from..to inclusive; the same bounds as UTC instants ([from_utc, to_utc)) and as
 * local times ("YYYY-MM-DDT00:00" of from and of the day after to). */
struct changeaudit_period {
	char from[11], to[11];
	char from_utc[21], to_utc[21];
	char from_local[17], to_local[17];
};
/* Parses a period; from and to NULL or "" each default to the current month's first and last
 * day. 0, or -1 with the field ("from" or "to") and message key of the problem. */
int changeaudit_period_parse(const char *from, const char *to, struct changeaudit_period *p, const char **field, const char **key);

struct changeaudit_approval {
	long long id, approver_id, on_behalf_id;
	int step;
	const char *policy, *approver, *approver_name, *on_behalf, *on_behalf_name, *decision, *comment, *at;
};
struct changeaudit_change {
	long long id, requester_id;
	const char *number, *title, *type, *category, *state, *close_code, *risk_level, *requester, *requester_name,
		*implementer, *created, *planned_start, *planned_end, *actual_start, *actual_end, *closed_at;
	int risk_score, outage;                      /* risk_score -1: none */
	const char *submitted_at, *implemented_at;   /* UTC from the audit log; "" when none */
	struct changeaudit_approval *ap;
	int nap;
	const char **cis;                            /* CI codes, sorted */
	int ncis;
};
/* The period's changes (by number) with their approvals (oldest first) and CIs, in a. The count,
 * or -1 on a database error. */
int changeaudit_changes(const struct changeaudit_period *p, struct arena *a, struct changeaudit_change **out);

/* Why a change counts as implemented before its approval (a non-standard change that reached
 * implement: it has an implementation time, or is in implement, review or closed; without a time
 * every decision counts as made before): "no_approval" (no approving decision at all), "rejected"
 * (a rejection on record), "approved_late" (an approving decision after it was implemented),
 * "quorum" (the decisions, all made before, do not meet the steps of the policy they were made
 * on). NULL when it is in order (or never implemented, or standard); *at: the time it was
 * implemented (UTC, "" when unknown). */
const char *changeaudit_early(const struct changeaudit_change *c, struct arena *a, const char **at);
/* 1 when approval x on c was made by, or for, c's requester. */
int changeaudit_self(const struct changeaudit_change *c, const struct changeaudit_approval *x);

/* The KPIs of the period's n changes c (per_ci in a). 0 or -1. */
int changeaudit_kpi(const struct changeaudit_change *c, int n, struct arena *a, struct changekpi_kpi *k);

/* <change-audit from to prev-from prev-to next-from next-to><changes count><change …><approval …>
 * <comment/></approval>…</change>…</changes><emergency count><change/>…</emergency><failed count>
 * …</failed><early count><change … implemented-at reason/>…</early><self count><approval number
 * title requester-name …/>…</self></change-audit> under parent. 0 or -1. */
int changeaudit_report_xml(xmlNodePtr parent, const struct changeaudit_period *p, struct arena *a);
/* <change-kpi from to total … success-pct emergency-pct lead-n lead-hours><type code n/>…<state/>…
 * <close/>…<ci code n/>…</change-kpi> under parent. 0 or -1. */
int changeaudit_kpi_xml(xmlNodePtr parent, const struct changeaudit_period *p, struct arena *a);
/* The period's attributes from to prev-from prev-to next-from next-to (a month, or a period of
 * the same length) on e. */
void changeaudit_period_attrs(xmlNodePtr e, const struct changeaudit_period *p);
#endif
