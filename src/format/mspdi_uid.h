/* mspdi_uid.h — private to mspdi.c and mspdi_write.c: the MSPDI namespace, and an index of a plan's tasks by UID (sorted
 * table + bsearch), used by the reader to resolve predecessor UIDs and by the writer to refuse
 * links to missing tasks. */
#ifndef OPSPLAN_MSPDI_UID_H
#define OPSPLAN_MSPDI_UID_H
#include <stdlib.h>

#define MSPDI_NS "http://schemas.microsoft.com/project"

/* A task UID and where it sits in plan->tasks, for lookups by UID. */
struct mspdi_uid { long uid; int index; };

static inline int
mspdi_uid_cmp(const void *a, const void *b)
{
	const struct mspdi_uid *x = a, *y = b;
	return (x->uid > y->uid) - (x->uid < y->uid);
}

/* Index of uid in the sorted table, or -1. */
static inline int
mspdi_uid_find(const struct mspdi_uid *tab, int n, long uid)
{
	struct mspdi_uid key = { uid, 0 };
	const struct mspdi_uid *hit = n ? bsearch(&key, tab, (size_t)n, sizeof *tab, mspdi_uid_cmp) : NULL;
	return hit ? hit->index : -1;
}

#endif
