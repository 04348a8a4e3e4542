/* outbox.c — notification rows for change management (outbox.h). */
#include "change/outbox.h"
#include "core/clock.h"
#include "core/json.h"
#include "core/config.h"
#include "core/db.h"
#include "core/text.h"
#include <string.h>

/* A change as a message needs it, read after the step (strings in a; NULL for none). */
struct ob_chg {
	long long id, requester, implementer;
	const char *number, *title, *type, *state, *risk, *ps, *pe, *review_due;
};

static const char *
col(struct arena *a, sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? arena_strdup(a, s) : NULL;
}

static int
ob_load(struct arena *a, long long id, struct ob_chg *o)
{
	sqlite3_stmt *st = db_q("SELECT number, title, type, state, risk_level, planned_start, planned_end, review_due,"
				" requester_id, coalesce(implementer_id, 0) FROM changes WHERE id = ?", "i", id);
	if (!st) return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return -1;
	}
	*o = (struct ob_chg){ id, sqlite3_column_int64(st, 8), sqlite3_column_int64(st, 9), col(a, st, 0), col(a, st, 1),
			      col(a, st, 2), col(a, st, 3), col(a, st, 4), col(a, st, 5), col(a, st, 6), col(a, st, 7) };
	sqlite3_reset(st);
	return 0;
}

/* One row of event for recipient to (not the actor, an active user) with the change's payload
 * and the extra (key, value) pairs, NULL-ended. 1 written, 0 not (already there or nobody to
 * tell), -1 on an error. */
static int
put(struct arena *a, const char *event, const struct ob_chg *o, const char *from, const char *occasion, long long to,
    long long actor, const char *const *extra)
{
	if (!to || to == actor) return 0;
	struct buf b = {0};
	json_open(&b);
	json_s(&b, "number", o->number);
	json_s(&b, "title", o->title);
	json_s(&b, "type", o->type);
	json_s(&b, "state", o->state);
	json_s(&b, "from", from);
	json_s(&b, "risk_level", o->risk);
	json_s(&b, "planned_start", o->ps);
	json_s(&b, "planned_end", o->pe);
	json_s(&b, "review_due", o->review_due);
	json_s(&b, "link", arena_printf(a, "/changes/%s", o->number));
	for (; extra && *extra; extra += 2) json_s(&b, extra[0], extra[1]);
	json_close(&b);
	char now[21];
	clock_iso(clock_now(), now);
	int rc = db_run("INSERT INTO notification_outbox (created_at, event, entity, entity_id, occasion, recipient_id, lang,"
			" payload) SELECT ?1, ?2, 'change', ?3, ?4, id, CASE lang WHEN '' THEN ?5 ELSE lang END, ?6 FROM users"
			" WHERE id = ?7 AND active = 1 ON CONFLICT DO NOTHING", "ssssssi", now, event, o->number, occasion,
			cfg.default_lang, buf_str(&b), to);
	buf_free(&b);
	if (rc != SQLITE_DONE) return -1;
	return sqlite3_changes(db) > 0;
}

/* event to the requester and the implementer. The rows written, or -1. */
static int
both(struct arena *a, const char *event, const struct ob_chg *o, const char *from, long long actor,
     const char *const *extra)
{
	int r1 = put(a, event, o, from, "", o->requester, actor, extra);
	int r2 = o->implementer != o->requester ? put(a, event, o, from, "", o->implementer, actor, extra) : 0;
	return r1 < 0 || r2 < 0 ? -1 : r1 + r2;
}

static const char *
login_of(struct arena *a, long long id)
{
	sqlite3_stmt *st = db_q("SELECT login FROM users WHERE id = ?", "i", id);
	const char *s = st && sqlite3_step(st) == SQLITE_ROW ? col(a, st, 0) : NULL;
	if (st) sqlite3_reset(st);
	return s;
}

/* change.approval_needed to the approvers of the step now waiting (w), once, when it began to
 * wait; change.approved to the requester when every step is met but the change cannot be
 * scheduled yet. The rows, or -1. */
static int
approvers(struct arena *a, const struct ob_chg *o, const char *from, long long actor, const struct outbox_waiting *w)
{
	if (w->approved) {
		const char *missing = arena_printf(a, "%s%s%s", o->ps ? "" : "planned_start ", o->pe ? "" : "planned_end ",
						   o->implementer ? "" : "implementer");
		size_t k = strlen(missing);
		while (k && missing[k - 1] == ' ') k--;
		const char *const extra[] = { "missing", arena_strndup(a, missing, k), NULL };
		return put(a, "change.approved", o, from, "", o->requester, actor, extra);
	}
	if (!w->pending) return 0;
	const char *occasion = arena_printf(a, "%lld:%d", w->policy_id, w->step);
	/* told when the step began to wait: a later decision on the same step tells nobody again */
	if (db_int("SELECT count(*) FROM notification_outbox WHERE event = 'change.approval_needed' AND entity = 'change'"
		   " AND entity_id = ? AND occasion = ?", "ss", o->number, occasion))
		return 0;
	int made = 0;
	for (int i = 0; i < w->n; i++) {
		const char *ob = w->who[i].on_behalf ? login_of(a, w->who[i].on_behalf) : NULL;
		const char *const extra[] = { "step", arena_printf(a, "%d", w->step), "step_name", w->step_name,
					      "policy_name", w->policy_name, "on_behalf", ob, NULL };
		/* the pairs end at the first NULL key; on_behalf's value may be NULL (JSON null) */
		int rc = put(a, "change.approval_needed", o, from, occasion, w->who[i].user, actor, extra);
		if (rc < 0) return -1;
		made += rc;
	}
	return made;
}

int
outbox_change(struct arena *a, const struct change *c, const char *from, const char *reason, long long actor,
	      const struct outbox_waiting *w)
{
	struct ob_chg o;
	if (ob_load(a, c->id, &o)) return -1;
	const char *const why[] = { "reason", reason, NULL };
	int made = 0, rc = 0;
	int open = !strcmp(o.state, "assess") || !strcmp(o.state, "authorize");
	if (!strcmp(from, o.state)) {
		/* only the approval step moved on */
	} else if (!strcmp(from, "new") && open) {
		rc = put(a, "change.submitted", &o, from, "", o.implementer, actor, NULL);
	} else if (!strcmp(o.state, "rejected")) {
		rc = put(a, "change.rejected", &o, from, "", o.requester, actor, why);
	} else if (!strcmp(o.state, "cancelled")) {
		rc = both(a, "change.cancelled", &o, from, actor, why);
	} else if (!strcmp(o.state, "scheduled") || !strcmp(o.state, "implement") || !strcmp(o.state, "closed")) {
		rc = both(a, arena_printf(a, "change.%s", o.state), &o, from, actor, NULL);
	}
	if (rc < 0) return -1;
	made += rc;
	if (open) {
		rc = approvers(a, &o, from, actor, w);
		if (rc < 0) return -1;
		made += rc;
	}
	return made;
}

int
outbox_review(struct arena *a, long long change_id, const char *event)
{
	struct ob_chg o;
	if (ob_load(a, change_id, &o)) return -1;
	return both(a, event, &o, o.state, 0, NULL);
}
