/* demo.h — the demo data (`opsplan demo`). */
#ifndef OPSPLAN_DEMO_H
#define OPSPLAN_DEMO_H

/* Fills an initialised, empty database with the demo users and history. 0 or -1. */
int demo_fill(void);
#endif
