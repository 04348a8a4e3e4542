/* demo.h — the demo data (`opsplan demo`). */
#ifndef OPSPLAN_DEMO_H
#define OPSPLAN_DEMO_H

/* `opsplan demo`: a new database with the demo users, projects, changes and their history. */
int cli_demo(int argc, char **argv);
#endif
