/* changekpi.h — the change-management KPIs of a period (ISO/IEC 20000-1 8.5.1.3: "RFC records are
 * analysed at planned intervals for trends"), pure (no I/O): counts by type, state and close code;
 * the success rate (closed successful or successful_with_issues over every change closed with a
 * close code); the emergency share (emergency changes over all changes); the average lead time
 * from submission (the first transition out of new) to implementation (the transition to
 * implement), over the changes that have both; and the number of changes per CI. The caller
 * decides which changes belong to the period (src/changeaudit.c: created or implemented in it). */
#ifndef OPSPLAN_CHANGEKPI_H
#define OPSPLAN_CHANGEKPI_H

/* One change: codes as stored (close_code "" when none); times in seconds (0: never). */
struct changekpi_change {
	const char *type, *state, *close_code;
	long long submitted, implemented;
};
/* A (change, CI) pair: the change by its index in the changes given, the CI by its code. */
struct changekpi_ci_link { int change; const char *ci; };
struct changekpi_ci_count { const char *ci; int n; };

enum { CHANGEKPI_NTYPES = 3, CHANGEKPI_NSTATES = 9, CHANGEKPI_NCLOSE = 4 };
extern const char *const changekpi_types[CHANGEKPI_NTYPES + 1];    /* standard normal emergency */
extern const char *const changekpi_states[CHANGEKPI_NSTATES + 1];  /* new … cancelled, workflow order */
extern const char *const changekpi_close[CHANGEKPI_NCLOSE + 1];    /* successful … rolled_back */

struct changekpi_kpi {
	int total;
	int by_type[CHANGEKPI_NTYPES], by_state[CHANGEKPI_NSTATES], by_close[CHANGEKPI_NCLOSE];
	int closed_with_code, successful;   /* successful: successful + successful_with_issues */
	double success_pct;                 /* 100 * successful / closed_with_code; -1 when none closed */
	int emergency;
	double emergency_pct;               /* 100 * emergency / total; -1 when no change */
	int lead_n;                         /* changes with both a submission and an implementation */
	double lead_hours;                  /* their mean (implemented - submitted) in hours; -1 when none */
	struct changekpi_ci_count *per_ci;         /* most changes first, then by code; caller's array */
	int nci;
};

/* Computes the KPIs of the n changes and their CI links into out. per_ci must have room for
 * nlinks entries (a CI counts each change once however often the link is given). 0, or -1 when
 * a link names a change outside 0..n-1. */
int changekpi_compute(const struct changekpi_change *c, int n, const struct changekpi_ci_link *l, int nlinks,
	       struct changekpi_ci_count *per_ci, struct changekpi_kpi *out);

/* A figure as the page and kpi.csv show it: one decimal ("75.0"), "" for -1 (no data). out[32]. */
void changekpi_fmt(double v, char out[32]);
#endif
