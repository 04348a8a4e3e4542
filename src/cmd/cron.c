/* cron.c — `opsplan cron`, run daily: the projects of recurring templates whose rule fired
 * (plan/templates.c), the schedule of open projects as of today (plan/project.c), and the
 * emergency review reminders (change/review.c). */
#include "cmd/cron.h"
#include "cmd/cli.h"
#include "change/review.h"
#include "core/config.h"
#include "core/db.h"
#include "plan/plan.h"
#include "plan/project.h"
#include "plan/templates.h"
#include <stdio.h>

int
cli_cron(int argc, char **argv)
{
	(void)argv;
	if (argc > 1) return cli_usage("usage: opsplan cron");
	if (cli_open_db(0)) return 1;
	struct arena a = {0};
	int n = templates_recur(plan_today(), &a), r = n < 0 ? -1 : project_reschedule_all(plan_today(), &a);
	int v = r < 0 ? -1 : review_remind(plan_today(), &a);
	arena_reset(&a);
	if (n < 0 || r < 0 || v < 0) {
		fprintf(stderr, "opsplan: cron failed: %s\n", db_errmsg());
		db_close();
		return 1;
	}
	db_close();
	printf("opsplan: cron: %d project%s created, %d rescheduled\n", n, n == 1 ? "" : "s", r);
	return 0;
}
