/* cron.h — `opsplan cron`, the daily run. */
#ifndef OPSPLAN_CMD_CRON_H
#define OPSPLAN_CMD_CRON_H

int cli_cron(int argc, char **argv);
#endif
