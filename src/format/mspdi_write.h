/* mspdi_write.h — a scheduled plan written as Microsoft Project XML. */
#ifndef OPSPLAN_MSPDI_WRITE_H
#define OPSPLAN_MSPDI_WRITE_H
#include "format/mspdi.h"
#include "core/buf.h"

/* Writes plan as MSPDI (UTF-8, with the namespace, SaveVersion 14) into out. Tasks' start/finish,
 * early/late dates, slacks and critical are written when set. 0 or -1. */
int mspdi_write(const struct mspdi_plan *plan, struct buf *out);
#endif
