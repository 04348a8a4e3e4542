/* evidence.h — `opsplan evidence export --from DAY --to DAY --out DIR`. */
#ifndef OPSPLAN_CMD_EVIDENCE_H
#define OPSPLAN_CMD_EVIDENCE_H

int cli_evidence(int argc, char **argv);
#endif
