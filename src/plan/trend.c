/* trend.c — records the history of the milestones' scheduled dates (milestone_history, migration
 * 006) for the milestone trend chart. project_recompute() calls trend_record() after the dates of
 * a project are final, inside the write's transaction, so every change of a milestone's date is
 * kept with the day it was made on, and nothing for a day on which no date changed. */
#include "plan/trend.h"
#include "engine/cal.h"
#include "core/db.h"

int
trend_record(long long project_id, int today)
{
	char day[11];
	if (today < 0) return -1;
	cal_iso(today, day);
	if (db_int("SELECT is_template FROM projects WHERE id = ?", "i", project_id)) return 0;
	/* a date changed back to the one in force before today: today's row is no change after all */
	if (db_run("DELETE FROM milestone_history WHERE project_id = ?1 AND day = ?2 AND task_id IN"
		   " (SELECT t.id FROM tasks t WHERE t.project_id = ?1 AND t.milestone = 1 AND t.planned_finish IS"
		   "  (SELECT h.finish FROM milestone_history h WHERE h.task_id = t.id AND h.day < ?2"
		   "   ORDER BY h.day DESC LIMIT 1))", "is", project_id, day) != SQLITE_DONE)
		return -1;
	/* a dated milestone whose date differs from the one in force before today (or is new) */
	if (db_run("INSERT INTO milestone_history (task_id, day, project_id, finish)"
		   " SELECT t.id, ?2, ?1, t.planned_finish FROM tasks t WHERE t.project_id = ?1 AND t.milestone = 1"
		   " AND t.planned_finish IS NOT NULL AND t.planned_finish IS NOT"
		   "  (SELECT h.finish FROM milestone_history h WHERE h.task_id = t.id AND h.day < ?2"
		   "   ORDER BY h.day DESC LIMIT 1)"
		   " ON CONFLICT (task_id, day) DO UPDATE SET finish = excluded.finish WHERE finish <> excluded.finish",
		   "is", project_id, day) != SQLITE_DONE)
		return -1;
	return 0;
}
