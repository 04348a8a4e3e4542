/* calendars.h — the stored working calendars (005): checks of what the calendar forms enter,
 * the attributes the pages show, and the projects a calendar change reschedules. The writes
 * themselves happen in the handlers, inside the request's BEGIN IMMEDIATE transaction and each
 * with its audit record. */
#ifndef OPSPLAN_CALENDARS_H
#define OPSPLAN_CALENDARS_H
#include "core/fielderr.h"
#include <libxml/tree.h>
#include "core/arena.h"
#include "core/buf.h"
#include "core/auth.h"
#include "plan/plan.h"

/* Checks the working weekdays (the values of the ticked boxes, "1" Monday .. "7" Sunday, any
 * order) and the working hours ("09:00-12:00,13:00-18:00"; spaces and the full-width ，： allowed);
 * their canonical texts into wd and hr.
 * Reports each bad field ("weekdays", "hours") through err; the number of bad fields. */
int calendars_check(const char *const *days, int ndays, const char *hours, char wd[8], char hr[64], fielderr_fn err,
		 void *arg);
/* A project calendar's name: NULL when good (1..64 characters, one line, not another calendar's
 * name; id is the calendar being renamed, 0 for a new one), else the message key. */
const char *calendars_name_check(const char *name, long long id);
/* Attributes of calendar id on e: id name global weekdays hours minutes hours-per-day
 * (minutes / 60, e.g. "8" or "7.5") holidays (its base: "china" or "none"). 0, or -1 when there
 * is no such calendar. */
int calendars_attrs(xmlNodePtr e, long long id);
/* <calendars><calendar …attributes… projects="N"/>…</calendars>, the global calendar first. */
void calendars_xml(xmlNodePtr parent);
/* 1 when user u may change the base of project calendar id (calendars_set_base): an administrator,
 * or a manager who manages every project that uses it (at least one); else 0. Never the global
 * calendar. */
int calendars_base_allowed(long long id, const struct user *u);
/* Sets the base of project calendar id to "china" (China's holidays and adjusted working days under
 * its own exceptions) or "none" (only its own), with a "calendar.base" audit record, and
 * reschedules every project using it, in the caller's transaction. 0; 1 when unchanged; -2 when
 * base is neither or id is the global calendar or none; -1 on a database error. */
int calendars_set_base(const struct audit_who *who, long long id, const char *base, struct arena *a);
/* Recomputes (project_recompute) the projects that follow calendar cal_id: every project for the
 * global calendar (1), those whose calendar it is for a project calendar. 0 or -1. */
int calendars_reschedule(long long cal_id, struct arena *a);
/* Recomputes the project of id. 0 or -1 (also on a loop, which a calendar cannot cause). */
int calendars_recompute_one(long long project_id, struct arena *a);
#endif
