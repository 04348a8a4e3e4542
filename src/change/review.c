/* review.c — the reminders of an emergency change's post-implementation review (run by
 * `opsplan cron`): once when it is due by the next working day, once when it is overdue; the
 * outbox's UNIQUE key makes a second run harmless. */
#include "change/review.h"
#include "change/outbox.h"
#include "plan/plan.h"
#include "core/audit.h"
#include "core/db.h"
#include "core/json.h"
#include <stdio.h>
#include <string.h>

int
review_remind(int today, struct arena *a)
{
	const struct calendar *c = plan_calendar(a);
	struct audit_who who = { "cron", "", "cron" };
	char day[11], soon[11];
	cal_iso(today, day);
	cal_iso(cal_add_workdays(c, today, 1), soon);
	static const char SQL[] = "SELECT id, number, review_due FROM changes WHERE state IN ('implement', 'review')"
				  " AND review_due IS NOT NULL AND review_due <= ? ORDER BY id";
	int n = (int)db_int("SELECT count(*) FROM changes WHERE state IN ('implement', 'review')"
			    " AND review_due IS NOT NULL AND review_due <= ?", "s", soon);
	struct due { long long id; const char *number, *due; } *d = arena_alloc(a, sizeof *d * (size_t)(n + 1));
	int k = 0;
	sqlite3_stmt *st = db_q(SQL, "s", soon);
	while (st && k < n && sqlite3_step(st) == SQLITE_ROW) {
		d[k].id = sqlite3_column_int64(st, 0);
		d[k].number = arena_strdup(a, (const char *)sqlite3_column_text(st, 1));
		d[k++].due = arena_strdup(a, (const char *)sqlite3_column_text(st, 2));
	}
	if (st) sqlite3_reset(st);
	int made = 0;
	for (int i = 0; i < k; i++) {
		const char *event = strcmp(d[i].due, day) < 0 ? "change.review_overdue" : "change.review_due";
		if (db_begin() != SQLITE_OK) return -1;
		int w = outbox_review(a, d[i].id, event);
		if (w <= 0) {
			db_rollback();
			if (w < 0) return -1;
			continue;
		}
		struct buf nv = {0};
		json_open(&nv);
		json_s(&nv, "event", event);
		json_s(&nv, "review_due", d[i].due);
		json_n(&nv, "recipients", w);
		json_close(&nv);
		int rc = audit_append(&who, "change.notify", "change", d[i].number, NULL, buf_str(&nv), "");
		buf_free(&nv);
		if (rc || db_commit() != SQLITE_OK) {
			db_rollback();
			return -1;
		}
		printf("opsplan: cron: %s %s (review due %s)\n", event, d[i].number, d[i].due);
		made++;
	}
	return made;
}
