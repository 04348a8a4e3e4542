/* interchange.h — `opsplan import` and `opsplan export` (Microsoft Project XML, CSV). */
#ifndef OPSPLAN_CMD_INTERCHANGE_H
#define OPSPLAN_CMD_INTERCHANGE_H

int cli_import(int argc, char **argv);
int cli_export(int argc, char **argv);
#endif
