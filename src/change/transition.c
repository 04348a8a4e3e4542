/* changeflow.c — the RFC workflow transitions and the implementation log (see changeflow.h). */
#include "change/transition.h"
#include "plan/plan.h"
#include "engine/cal.h"
#include "core/clock.h"
#include "core/json.h"
#include "core/db.h"
#include "core/text.h"
#include "engine/win.h"
#include "engine/approval.h"
#include "change/conflict.h"
#include "change/approvals.h"
#include <stdio.h>
#include <string.h>

/* The transitions. Rows for CW_ENGINE are taken only by the approval engine after a decision
 * (transition_decided), never through the step form: assess→authorize when only the last step (the
 * authorization) is left, →scheduled when every step is met (it needs a planned window and an
 * implementer), →rejected on any rejection. */
const struct change_transition change_transitions[] = {
	{ "new", "assess", "normal", CW_REQUESTER, NULL, NULL, CE_STATE },
	{ "new", "authorize", "emergency", CW_REQUESTER, NULL, NULL, CE_STATE },
	{ "new", "scheduled", "standard", CW_REQUESTER, "planned_start implementer", NULL, CE_STATE },
	{ "new", "cancelled", NULL, CW_REQUESTER | CW_ADMIN, NULL, "reason", CE_CANCEL },
	{ "assess", "cancelled", NULL, CW_REQUESTER | CW_ADMIN, NULL, "reason", CE_CANCEL },
	{ "authorize", "cancelled", NULL, CW_REQUESTER | CW_ADMIN, NULL, "reason", CE_CANCEL },
	{ "scheduled", "cancelled", NULL, CW_REQUESTER | CW_ADMIN, NULL, "reason", CE_CANCEL },
	{ "scheduled", "implement", NULL, CW_IMPLEMENTER, "implementer", NULL, CE_IMPLEMENT },
	{ "implement", "review", NULL, CW_IMPLEMENTER, NULL, "actual_end verification_result", CE_REVIEW },
	{ "review", "closed", NULL, CW_REQUESTER | CW_MANAGER | CW_ADMIN, NULL, "close_code", CE_CLOSE },
	{ "assess", "authorize", "normal", CW_ENGINE, NULL, NULL, CE_DECIDE },
	{ "assess", "scheduled", "normal", CW_ENGINE, "planned_start planned_end implementer", NULL, CE_DECIDE },
	{ "authorize", "scheduled", "normal emergency", CW_ENGINE, "planned_start planned_end implementer", NULL, CE_DECIDE },
	{ "assess", "rejected", "normal", CW_ENGINE, NULL, "comment", CE_REJECT },
	{ "authorize", "rejected", "normal emergency", CW_ENGINE, NULL, "comment", CE_REJECT },
	{ 0 },
};

const char *
transition_form_fields(const struct change_transition *t)
{
	switch (t->effect) {
	case CE_CANCEL: return "reason";
	case CE_REVIEW: return "actual_end verification_result close_code rollback_at rollback_reason rollback_result";
	case CE_CLOSE: return "close_code rollback_at rollback_reason rollback_result review_outcome review_lessons";
	default: return "";
	}
}

static int
word_in(const char *w, const char *list)
{
	size_t n = strlen(w);
	for (const char *p = list; p && *p;) {
		while (*p == ' ') p++;
		size_t k = strcspn(p, " ");
		if (k == n && !strncmp(p, w, n)) return 1;
		p += k;
	}
	return 0;
}

static unsigned
who_bits(const struct change *c, const struct user *u)
{
	unsigned b = 0;
	if (c->requester_id == u->id) b |= CW_REQUESTER;
	if (c->implementer_id && c->implementer_id == u->id) b |= CW_IMPLEMENTER;
	if (u->roles & ROLE_ADMIN) b |= CW_ADMIN;
	if (u->roles & ROLE_MANAGER) b |= CW_MANAGER;
	return b;
}

static const struct change_transition *
find(const struct change *c, const char *to)
{
	for (const struct change_transition *t = change_transitions; t->from; t++)
		if (!strcmp(t->from, c->state) && !strcmp(t->to, to) && (!t->types || word_in(c->type, t->types)) &&
		    t->who != CW_ENGINE)
			return t;
	return NULL;
}

static const struct change_transition *
find_engine(const struct change *c, const char *to)
{
	for (const struct change_transition *t = change_transitions; t->from; t++)
		if (!strcmp(t->from, c->state) && !strcmp(t->to, to) && (!t->types || word_in(c->type, t->types)) &&
		    t->who == CW_ENGINE)
			return t;
	return NULL;
}

int
transition_allowed(const struct change *c, const struct user *u, const struct change_transition **out, int max)
{
	int n = 0;
	unsigned b = who_bits(c, u);
	for (const struct change_transition *t = change_transitions; t->from && n < max; t++)
		if (!strcmp(t->from, c->state) && (!t->types || word_in(c->type, t->types)) && (t->who & b)) out[n++] = t;
	return n;
}

/* The stored value of a field a transition may need. */
static const char *
stored(const struct change *c, const char *f)
{
	if (!strcmp(f, "planned_start")) return c->planned_start;
	if (!strcmp(f, "planned_end")) return c->planned_end;
	if (!strcmp(f, "implementer")) return c->implementer;
	if (!strcmp(f, "rollback_at")) return c->rollback_at;
	if (!strcmp(f, "rollback_reason")) return c->rollback_reason;
	if (!strcmp(f, "rollback_result")) return c->rollback_result;
	if (!strcmp(f, "review_outcome")) return c->review_outcome;
	if (!strcmp(f, "review_lessons")) return c->review_lessons;
	return "";
}

static int
one_of(const char *s, const char *const *set)
{
	for (; *set; set++)
		if (!strcmp(s, *set)) return 1;
	return 0;
}

/* A text field of the form: at most CHANGE_TEXT_MAX characters. */
static const char *
text(change_form_fn form, void *farg, const char *name)
{
	const char *v = form(farg, name);
	return v ? v : "";
}

int
transition_take(const struct audit_who *who, const struct user *u, const struct change *c, const char *to,
	     change_form_fn form, void *farg, fielderr_fn err, void *earg, struct arena *a, const char **key)
{
	const struct change_transition *t = find(c, to);
	*key = "chg.error.transition";
	if (!t) return -2;
	if (!(t->who & who_bits(c, u))) {
		*key = "error.forbidden";
		return -3;
	}
	int bad = 0;
#define BAD(f, k) do { err(earg, f, k); bad++; } while (0)
	/* the stored fields the step needs (named so the requester knows what to fill in first) */
	for (const char *p = t->needs; p && *p;) {
		while (*p == ' ') p++;
		size_t k = strcspn(p, " ");
		const char *f = arena_strndup(a, p, k);
		if (k && !*stored(c, f)) BAD(f, "chg.error.needs");
		p += k;
	}
	for (const char *p = t->fields; p && *p;) {
		while (*p == ' ') p++;
		size_t k = strcspn(p, " ");
		const char *f = arena_strndup(a, p, k);
		const char *v = text(form, farg, f);
		if (k && !*v) BAD(f, "chg.error.required");
		else if (k && text_chars(v) > CHANGE_TEXT_MAX) BAD(f, "error.field_too_long");
		p += k;
	}
	char now_local[17], now[21];
	change_now_local(now_local);
	clock_iso(clock_now(), now);
	const char *reason = "";
	const char *actual_end = NULL, *review_due = NULL, *close_code = NULL, *rb_at = NULL;
	const char *rb_reason = c->rollback_reason, *rb_result = c->rollback_result;
	const char *outcome = c->review_outcome, *lessons = c->review_lessons, *verification = NULL;
	int emergency = !strcmp(c->type, "emergency");
	switch (t->effect) {
	case CE_CANCEL:
		reason = text(form, farg, "reason");
		break;
	case CE_REVIEW: {
		const char *ae = text(form, farg, "actual_end");
		long m = win_parse(ae);
		if (*ae && m < 0) BAD("actual_end", "chg.error.time");
		else if (*ae) {
			char *s = arena_alloc(a, 17);
			win_format(m, s);
			actual_end = s;
			if (*c->actual_start && strcmp(s, c->actual_start) < 0) BAD("actual_end", "chg.error.before_start");
			if (strcmp(s, now_local) > 0) BAD("actual_end", "chg.error.future");
		}
		verification = text(form, farg, "verification_result");
		close_code = text(form, farg, "close_code");
		if (*close_code && !one_of(close_code, change_close_codes)) BAD("close_code", "chg.error.close_code");
		if (!*close_code) close_code = NULL;
		if (actual_end && emergency) {
			const struct calendar *cal = plan_calendar(a);
			char *d = arena_alloc(a, 11);
			cal_iso(cal_add_workdays(cal, cal_day(arena_strndup(a, actual_end, 10)), 5), d);
			review_due = d;
		}
		break;
	}
	case CE_CLOSE:
		close_code = text(form, farg, "close_code");
		if (*close_code && !one_of(close_code, change_close_codes)) BAD("close_code", "chg.error.close_code");
		/* the review's outcome and lessons, on the close form of every change; an emergency
		 * change cannot close without them */
		if (*text(form, farg, "review_outcome")) outcome = text(form, farg, "review_outcome");
		if (*text(form, farg, "review_lessons")) lessons = text(form, farg, "review_lessons");
		if (emergency && !*outcome) BAD("review_outcome", "chg.error.required");
		if (emergency && !*lessons) BAD("review_lessons", "chg.error.required");
		if (text_chars(outcome) > CHANGE_TEXT_MAX) BAD("review_outcome", "error.field_too_long");
		if (text_chars(lessons) > CHANGE_TEXT_MAX) BAD("review_lessons", "error.field_too_long");
		break;
	default:
		break;
	}
	/* a rolled-back change records when, why and how the back-out went */
	if ((t->effect == CE_REVIEW || t->effect == CE_CLOSE) && close_code && !strcmp(close_code, "rolled_back")) {
		const char *ra = text(form, farg, "rollback_at");
		if (*ra) {
			long m = win_parse(ra);
			if (m < 0) BAD("rollback_at", "chg.error.time");
			else {
				char *s = arena_alloc(a, 17);
				win_format(m, s);
				rb_at = s;
			}
		} else if (!*c->rollback_at) BAD("rollback_at", "chg.error.required");
		if (*text(form, farg, "rollback_reason")) rb_reason = text(form, farg, "rollback_reason");
		if (*text(form, farg, "rollback_result")) rb_result = text(form, farg, "rollback_result");
		if (!*rb_reason) BAD("rollback_reason", "chg.error.required");
		if (!*rb_result) BAD("rollback_result", "chg.error.required");
		if (text_chars(rb_reason) > CHANGE_TEXT_MAX) BAD("rollback_reason", "error.field_too_long");
		if (text_chars(rb_result) > CHANGE_TEXT_MAX) BAD("rollback_result", "error.field_too_long");
	}
#undef BAD
	if (bad) return bad;
	int rc = SQLITE_DONE;
	switch (t->effect) {
	case CE_IMPLEMENT:
		rc = db_run("UPDATE changes SET state = ?, actual_start = ?, updated_at = ? WHERE id = ?", "sssi", to,
			    now_local, now, c->id);
		break;
	case CE_REVIEW:
		rc = db_run("UPDATE changes SET state = ?, actual_end = ?, verification_result = ?, close_code = ?,"
			    " rollback_at = coalesce(?, rollback_at), rollback_reason = ?, rollback_result = ?,"
			    " review_due = coalesce(?, review_due), updated_at = ? WHERE id = ?", "sssssssssi",
			    to, actual_end, verification, close_code, rb_at, rb_reason, rb_result, review_due, now, c->id);
		break;
	case CE_CLOSE:
		rc = db_run("UPDATE changes SET state = ?, close_code = ?, rollback_at = coalesce(?, rollback_at),"
			    " rollback_reason = ?, rollback_result = ?, review_outcome = ?, review_lessons = ?, closed_at = ?,"
			    " closed_by = ?, updated_at = ? WHERE id = ?", "ssssssssisi", to, close_code, rb_at, rb_reason,
			    rb_result, outcome, lessons, now, u->id, now, c->id);
		break;
	default:
		rc = db_run("UPDATE changes SET state = ?, updated_at = ? WHERE id = ?", "ssi", to, now, c->id);
	}
	if (rc != SQLITE_DONE) return -1;
	struct buf ov = {0}, nv = {0};
	json_open(&ov);
	json_s(&ov, "state", c->state);
	json_close(&ov);
	json_open(&nv);
	json_s(&nv, "state", to);
	/* submitting: the conflict check is run and recorded (it never blocks; an approver decides) */
	struct conflict_result cr;
	if (!strcmp(c->state, "new") && t->effect == CE_STATE && conflict_check(a, c, &cr) == 0) {
		struct buf js = {0};
		conflict_json(&js, cr.f, cr.n);
		json_s(&nv, "conflicts", buf_str(&js));
		buf_free(&js);
	}
	if (t->effect == CE_IMPLEMENT) json_s(&nv, "actual_start", now_local);
	if (t->effect == CE_REVIEW) {
		json_s(&nv, "actual_end", actual_end);
		json_s(&nv, "verification_result", verification);
		if (review_due) json_s(&nv, "review_due", review_due);
	}
	if (close_code) json_s(&nv, "close_code", close_code);
	if (rb_at) json_s(&nv, "rollback_at", rb_at);
	if (t->effect == CE_CLOSE && (emergency || *outcome || *lessons)) {
		json_s(&nv, "review_outcome", outcome);
		json_s(&nv, "review_lessons", lessons);
	}
	json_close(&nv);
	rc = audit_append(who, "change.transition", "change", c->number, buf_str(&ov), buf_str(&nv), reason);
	buf_free(&ov);
	buf_free(&nv);
	if (rc) return -1;
	return approvals_notify(a, c, c->state, reason, u->id) < 0 ? -1 : 0;
}

int
transition_log(const struct audit_who *who, const struct user *u, const struct change *c, const char *entry,
	    fielderr_fn err, void *earg)
{
	unsigned b = who_bits(c, u);
	if (!(b & (CW_IMPLEMENTER | CW_ADMIN))) return -3;
	if (strcmp(c->state, "implement")) return -2;
	size_t n = text_chars(entry);
	if (n < 1 || n > 4000) {
		err(earg, "entry", "chg.error.entry");
		return 1;
	}
	char now[21];
	clock_iso(clock_now(), now);
	if (db_run("INSERT INTO change_log (change_id, at, user_id, entry) VALUES (?, ?, ?, ?)", "isis", c->id, now, u->id,
		   entry) != SQLITE_DONE)
		return -1;
	struct buf nv = {0};
	json_open(&nv);
	json_s(&nv, "entry", entry);
	json_close(&nv);
	int rc = audit_append(who, "change.log", "change", c->number, NULL, buf_str(&nv), "");
	buf_free(&nv);
	return rc ? -1 : 0;
}

const char *
transition_decision_target(const char *state, int status, int last)
{
	if (status == APPROVAL_REJECTED) return "rejected";
	if (status == APPROVAL_APPROVED) return "scheduled";
	if (last) return "authorize";
	return state;
}

/* The stored fields t needs that c lacks, space-separated ("" none). */
static const char *
lacking(const struct change *c, const struct change_transition *t, struct arena *a)
{
	struct buf b = {0};
	for (const char *p = t->needs; p && *p;) {
		while (*p == ' ') p++;
		size_t k = strcspn(p, " ");
		const char *f = arena_strndup(a, p, k);
		if (k && !*stored(c, f)) {
			if (b.len) buf_addc(&b, ' ');
			buf_adds(&b, f);
		}
		p += k;
	}
	const char *s = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return s;
}

int
transition_decided(const struct audit_who *who, const struct change *c, const char *target, const char *comment,
		struct arena *a, const char **now_state, const char **missing)
{
	*now_state = c->state;
	*missing = "";
	if (!strcmp(target, c->state)) return 0;
	const struct change_transition *t = find_engine(c, target);
	if (!t) return 0;
	const char *miss = lacking(c, t, a);
	if (*miss) {
		*missing = miss;
		t = !strcmp(target, "scheduled") ? find_engine(c, "authorize") : NULL;
		if (!t) return 0;
	}
	char now[21];
	clock_iso(clock_now(), now);
	int rc = t->effect == CE_REJECT
			 ? db_run("UPDATE changes SET state = ?, reject_reason = ?, updated_at = ? WHERE id = ?", "sssi", t->to,
				  comment, now, c->id)
			 : db_run("UPDATE changes SET state = ?, updated_at = ? WHERE id = ?", "ssi", t->to, now, c->id);
	if (rc != SQLITE_DONE) return -1;
	struct buf ov = {0}, nv = {0};
	json_open(&ov);
	json_s(&ov, "state", c->state);
	json_close(&ov);
	json_open(&nv);
	json_s(&nv, "state", t->to);
	if (t->effect == CE_REJECT) json_s(&nv, "reject_reason", comment);
	json_close(&nv);
	rc = audit_append(who, "change.transition", "change", c->number, buf_str(&ov), buf_str(&nv),
			  t->effect == CE_REJECT ? comment : "approval engine");
	buf_free(&ov);
	buf_free(&nv);
	*now_state = t->to;
	return rc ? -1 : 0;
}
