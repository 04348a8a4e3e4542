/* baseline.h — baselines: a project's planned dates saved under a name, for comparisons. */
#ifndef OPSPLAN_BASELINE_H
#define OPSPLAN_BASELINE_H
#include <libxml/tree.h>
#include "plan/plan.h"

/* A baseline's task dates, for comparisons . baseline_load: 1 when id is a baseline of
 * the project (its tasks in *bt sorted by task id, name in *name), 0 when not, -1 on error. */
struct baseline_task { long long id; int start, finish; };
int baseline_load(struct arena *a, long long project_id, long long id, struct baseline_task **bt, int *n,
		  const char **name);
const struct baseline_task *baseline_find(const struct baseline_task *bt, int n, long long task_id);
/* Working days from the baseline's finish to finish (negative: earlier). */
int baseline_variance(const struct calendar *c, int base_finish, int finish);
/* <baselines><baseline id name created created-by/>…</baselines> of a project. */
void baseline_list_xml(xmlNodePtr parent, long long project_id);
#endif
