/* changexml.h — a change as the pages show it: the list (with its CSV rows), one change with
 * everything recorded on it, and the RFC form's fields and lists. */
#ifndef OPSPLAN_CHANGEXML_H
#define OPSPLAN_CHANGEXML_H
#include <libxml/tree.h>
#include "change/change.h"

/* <changes …filter… overdue query total page pages><change number title type category state
 * risk-level risk-score requester requester-name implementer planned-start planned-end updated
 * review-overdue="1"/>…</changes>, newest first: the page's rows, total counting all; query is
 * the filter URL-encoded (no page). */
void changexml_list(xmlNodePtr parent, const struct change_filter *f);
/* Calls row(arg, cells) per listed change (of f->page, or all when 0): the 14 cells of
 * changexml_list's attributes in order (the last, review-overdue, "1" or ""). */
void changexml_list_each(const struct change_filter *f, void (*row)(void *arg, const char *const *cells), void *arg);
/* The change's fields as attributes and texts of a new <change> under parent, with <risk-answers>,
 * <cis>, <tasks>, <attachments>, <log> and <history> (the audit records of the change);
 * review-overdue="1" when change_review_overdue() today. */
xmlNodePtr changexml_item(xmlNodePtr parent, const struct change *c);
/* The form's lists: <standards>, <categories>, <ci-codes>, <people>. */
void changexml_form_lists(xmlNodePtr parent);
/* The change's form fields as attributes on e (+ <ci code/>, <answer q v/>). */
void changexml_form(xmlNodePtr e, const struct change *c);
#endif
