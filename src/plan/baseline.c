/* baseline.c — baselines: a saved copy of a project's planned dates, loaded for comparison with
 * today's schedule, and the variance in working days. */
#include "plan/baseline.h"
#include "core/db.h"
#include "core/xml.h"

int
baseline_load(struct arena *a, long long project_id, long long id, struct baseline_task **bt, int *n, const char **name)
{
	sqlite3_stmt *st = db_q("SELECT name FROM baselines WHERE id = ? AND project_id = ?", "ii", id, project_id);
	int found = st && sqlite3_step(st) == SQLITE_ROW;
	if (found) *name = arena_strdup(a, (const char *)sqlite3_column_text(st, 0));
	if (st) sqlite3_reset(st);
	if (!found) return 0;
	int cnt = (int)db_int("SELECT count(*) FROM baseline_tasks WHERE baseline_id = ?", "i", id);
	struct baseline_task *t = arena_alloc(a, sizeof *t * (size_t)(cnt + 1));
	st = db_q("SELECT task_id, coalesce(planned_start, ''), coalesce(planned_finish, '') FROM baseline_tasks"
		  " WHERE baseline_id = ? ORDER BY task_id", "i", id);
	int k = 0;
	while (st && k < cnt && sqlite3_step(st) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 1), *f = (const char *)sqlite3_column_text(st, 2);
		t[k++] = (struct baseline_task){ sqlite3_column_int64(st, 0), *s ? cal_day(s) : -1, *f ? cal_day(f) : -1 };
	}
	if (st) sqlite3_reset(st);
	*bt = t;
	*n = k;
	return 1;
}

const struct baseline_task *
baseline_find(const struct baseline_task *bt, int n, long long task_id)
{
	int lo = 0, hi = n - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (bt[mid].id == task_id) return &bt[mid];
		if (bt[mid].id < task_id) lo = mid + 1;
		else hi = mid - 1;
	}
	return NULL;
}

int
baseline_variance(const struct calendar *c, int base_finish, int finish)
{
	if (base_finish < 0 || finish < 0 || base_finish == finish) return 0;
	return finish > base_finish ? cal_workdays_between(c, base_finish + 1, finish + 1)
				    : -cal_workdays_between(c, finish + 1, base_finish + 1);
}

void
baseline_list_xml(xmlNodePtr parent, long long project_id)
{
	xmlNodePtr list = xml_el(parent, "baselines");
	sqlite3_stmt *st = db_q("SELECT id, name, created_at, created_by FROM baselines WHERE project_id = ? ORDER BY id DESC",
				"i", project_id);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr b = xml_el(list, "baseline");
		static const char *const names[] = { "id", "name", "created", "created-by" };
		for (int i = 0; i < 4; i++) xml_attr(b, names[i], (const char *)sqlite3_column_text(st, i));
	}
	if (st) sqlite3_reset(st);
}
