/* wbsimport.h — turning a CSV table (csvin.h) into a checked WBS (pure; owners and categories
 * are resolved through callbacks). All-or-nothing: any problem means nothing is imported, and
 * every problem is listed with its row (CSV line) and column (header text).
 *
 * Columns (header names are matched case-insensitively, English or Chinese, in any order; only
 * Name is required; an unknown header is a problem):
 *   WBS | WBS编号 | 大纲编号                      "1", "1.2", "1.2.3": parent = the row numbered "1.2"
 *   Name | 任务名称 | 名称                          required; without a WBS column the leading spaces,
 *                                                  TABs or full-width spaces (U+3000) give the level
 *   Owner | 负责人                                  login or display name of an existing user
 *   Estimate (h) | Estimate | 估算工时 | 工时(h)     hours >= 0
 *   Duration (d) | Duration | 工期 | 工期(天)        working days >= 0
 *   Start | Planned start | 计划开始                 YYYY-MM-DD or YYYY/M/D
 *   Finish | Planned finish | 计划完成 | 计划结束      same; not before Start
 *   Priority | 优先级                                P1..P4 or 1..4 (default P3)
 *   Status | 状态                                    not_started, in_progress, blocked, done, cancelled
 *                                                  or their zh/en labels (未开始 进行中 受阻 已完成 已取消)
 *   Milestone | 里程碑                               yes/no, 1/0, 是/否, true/false, Y/N (default no)
 *   Percent | % Complete | 完成百分比 | 进度           0..100, a trailing % allowed
 *   Category | 类别                                  a task category code or label
 *   Predecessors | 前置任务                          kept as text (MS Project notation, e.g. 3FS+2d;5SS)
 *   Description | 描述 | 说明                         free text
 */
#ifndef OPSPLAN_WBSIMPORT_H
#define OPSPLAN_WBSIMPORT_H
#include "engine/cal.h"
#include "format/csvin.h"

struct wbsimport_task {
	int row;                      /* CSV line of the row */
	int parent;                   /* index into the result of the parent, -1 = top level */
	int level;                    /* 0 = top */
	const char *name, *description, *owner, *status, *category, *predecessors;  /* owner: login or NULL */
	double estimate, duration, percent;
	int start, finish;            /* day numbers, -1 = empty */
	int priority, milestone;
};
struct wbsimport_problem { int row; const char *column; const char *key; const char *value; };

/* Returns the login of the user named s (login or display name), or NULL when none or ambiguous. */
typedef const char *(*wbsimport_owner_fn)(void *arg, const char *s);
/* Returns the task category code for a code or label, or NULL when unknown. */
typedef const char *(*wbsimport_category_fn)(void *arg, const char *s);

/* Checks every row of t (rows[0] is the header). Tasks come out in file order, parents before
 * children. Returns the number of problems (0 = everything can be imported). Memory in a.
 * Problem keys: import.error.header (unknown column; value = header), import.error.no_name_column,
 * import.error.name (empty), import.error.wbs (malformed), import.error.wbs_duplicate,
 * import.error.wbs_parent (parent number not above), import.error.indent (level jumps by more
 * than one), import.error.owner, import.error.number (not a number or negative),
 * import.error.date, import.error.date_order, import.error.priority, import.error.status,
 * import.error.milestone, import.error.percent (not 0..100), import.error.category,
 * import.error.too_long (a name over 200 characters or any cell over 4000). */
int wbsimport_parse(struct arena *a, const struct csvin_table *t, wbsimport_owner_fn owner, void *owner_arg,
	       wbsimport_category_fn category, void *category_arg, struct wbsimport_task **tasks, int *ntasks,
	       struct wbsimport_problem **problems, int *nproblems);
#endif
