/* mspdi.c — Microsoft Project XML (MSPDI) in and out (see mspdi.h). Reading refuses before the
 * parser ever runs whatever it should not see: more than 16 MiB, bytes that are not UTF-8 XML
 * characters, an encoding declaration other than UTF-8, and any DOCTYPE (a plain search of the first
 * 64 KiB plus a scan of the prolog up to the root element). libxml2 then builds a tree without network
 * access, entity substitution or DTD loading, and one walk over it fills the plan; every string is
 * copied into the caller's arena and the document is freed before returning. Values that MSPDI types
 * as numbers, booleans, dates or durations are checked; a malformed one is "mspdi.error.xml" at its
 * line. Writing is in mspdi_write.c. */
#include "format/mspdi.h"
#include "format/mspdi_uid.h"
#include "core/text.h"
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MSPDI_MAX_BYTES ((size_t)16 << 20)
#define MSPDI_SNIFF_BYTES ((size_t)64 << 10)
#define MSPDI_NO_RESOURCE (-65535L)       /* Assignment/ResourceUID of an unassigned task */

/* The reader's state: where output goes and where an error is reported. */
struct mspdi_rd { struct arena *a; const char **err; int *line; };

/* Records key and the line of node n (0 when n is NULL); returns -1. */
static int
mspdi_fail(struct mspdi_rd *r, const char *key, xmlNodePtr n)
{
	long l = n ? xmlGetLineNo(n) : 0;
	*r->err = key;
	*r->line = l > 0 && l <= INT_MAX ? (int)l : 0;
	return -1;
}

/* 1 when n is an element whose local name is name. */
static int
mspdi_is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

/* The first child element of n named name, or NULL. */
static xmlNodePtr
mspdi_child(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
		if (mspdi_is(c, name)) return c;
	return NULL;
}

/* Number of child elements of n named name. */
static int
mspdi_count(xmlNodePtr n, const char *name)
{
	int k = 0;
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
		k += mspdi_is(c, name);
	return k;
}

/* The text of n (its text and CDATA children) copied into the arena; NULL when empty. */
static const char *
mspdi_text(struct arena *a, xmlNodePtr n)
{
	size_t len = 0;
	for (xmlNodePtr c = n->children; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
			len += strlen((const char *)c->content);
	if (!len) return NULL;
	char *s = arena_alloc(a, len + 1), *w = s;
	for (xmlNodePtr c = n->children; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
			size_t k = strlen((const char *)c->content);
			memcpy(w, c->content, k);
			w += k;
		}
	*w = 0;
	return s;
}

/* The text of n without surrounding XML white space into b (size bsz); 0, or -1 when it does
 * not fit. Used for values that are numbers, booleans, dates and durations. */
static int
mspdi_token(xmlNodePtr n, char *b, size_t bsz)
{
	size_t len = 0;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if ((c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) || !c->content) continue;
		size_t k = strlen((const char *)c->content);
		if (k >= bsz - len) return -1;
		memcpy(b + len, c->content, k);
		len += k;
	}
	b[len] = 0;
	size_t i = 0;
	while (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') i++;
	while (len > i && (b[len - 1] == ' ' || b[len - 1] == '\t' || b[len - 1] == '\n' || b[len - 1] == '\r')) len--;
	memmove(b, b + i, len - i);
	b[len - i] = 0;
	return 0;
}

/* Parses a decimal integer (optional sign, digits only) in [lo, hi]; 0 or -1. */
static int
mspdi_parse_long(const char *s, long lo, long hi, long *out)
{
	int neg = 0;
	if (*s == '-' || *s == '+') neg = *s++ == '-';
	if (!*s) return -1;
	long v = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9') return -1;
		int d = *s - '0';
		if (v > (LONG_MAX - d) / 10) return -1;
		v = v * 10 + d;
	}
	v = neg ? -v : v;
	if (v < lo || v > hi) return -1;
	*out = v;
	return 0;
}

/* The integer in element n, in [lo, hi]; otherwise "mspdi.error.xml" at n. */
static int
mspdi_long(struct mspdi_rd *r, xmlNodePtr n, long lo, long hi, long *out)
{
	char b[64];
	if (mspdi_token(n, b, sizeof b) || mspdi_parse_long(b, lo, hi, out))
		return mspdi_fail(r, "mspdi.error.xml", n);
	return 0;
}

static int
mspdi_int(struct mspdi_rd *r, xmlNodePtr n, int lo, int hi, int *out)
{
	long v;
	if (mspdi_long(r, n, lo, hi, &v)) return -1;
	*out = (int)v;
	return 0;
}

/* An xsd:boolean (0, 1, false, true) in element n as 0 or 1. */
static int
mspdi_bool(struct mspdi_rd *r, xmlNodePtr n, int *out)
{
	char b[16];
	if (mspdi_token(n, b, sizeof b)) return mspdi_fail(r, "mspdi.error.xml", n);
	if (!strcmp(b, "1") || !strcmp(b, "true")) { *out = 1; return 0; }
	if (!strcmp(b, "0") || !strcmp(b, "false")) { *out = 0; return 0; }
	return mspdi_fail(r, "mspdi.error.xml", n);
}

/* Reads the two digits at s into *v; 0 or -1. */
static int
mspdi_2digits(const char *s, int *v)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9') return -1;
	*v = (s[0] - '0') * 10 + (s[1] - '0');
	return 0;
}

/* Minutes of a clock time "HH:MM" or "HH:MM:SS" (optionally with a fraction of a second; hours
 * 0..24, 24 only as 24:00); -1 when malformed. Seconds are dropped. */
static int
mspdi_clock(const char *s)
{
	int h, m, sec = 0;
	if (mspdi_2digits(s, &h) || s[2] != ':' || mspdi_2digits(s + 3, &m)) return -1;
	s += 5;
	if (*s == ':') {
		if (mspdi_2digits(s + 1, &sec)) return -1;
		s += 3;
		if (*s == '.') for (s++; *s >= '0' && *s <= '9'; s++) {}
	}
	if (*s) return -1;
	if (h > 24 || m > 59 || sec > 59 || (h == 24 && (m || sec))) return -1;
	return h * 60 + m;
}

/* An xsd:dateTime in element n, stored as its first 19 characters "YYYY-MM-DDTHH:MM:SS" (MSPDI
 * dates are local; a fraction or zone, which Project never writes, is dropped). NULL when empty. */
static int
mspdi_datetime(struct mspdi_rd *r, xmlNodePtr n, const char **out)
{
	char b[64], day[11], clock[9];
	if (mspdi_token(n, b, sizeof b)) return mspdi_fail(r, "mspdi.error.xml", n);
	if (!*b) { *out = NULL; return 0; }
	size_t len = strlen(b);
	if (len < 16 || b[10] != 'T') return mspdi_fail(r, "mspdi.error.xml", n);
	int has_sec = len >= 19 && b[16] == ':';
	memcpy(day, b, 10);
	day[10] = 0;
	memcpy(clock, b + 11, has_sec ? 8 : 5);
	clock[has_sec ? 8 : 5] = 0;
	int t = mspdi_clock(clock);
	const char *tail = b + (has_sec ? 19 : 16);
	if (has_sec && *tail == '.') for (tail++; *tail >= '0' && *tail <= '9'; tail++) {}
	if (!text_date_ok(day) || t < 0 || t >= 24 * 60 ||
	    (*tail && strcmp(tail, "Z") && !((tail[0] == '+' || tail[0] == '-') && strlen(tail) == 6 && tail[3] == ':')))
		return mspdi_fail(r, "mspdi.error.xml", n);
	*out = has_sec ? arena_strndup(r->a, b, 19) : arena_printf(r->a, "%.16s:00", b);
	return 0;
}

/* Parses an xsd:duration as Project writes it — "PT8H0M0S", "PT-416H0M0S", "P1DT4H", "-PT30M",
 * "PT0H0M30.5S" — into whole minutes (truncated). A day is 24 hours and a week 7 days, as in
 * xsd:duration; years and months have no fixed length and are refused. 0 or -1. */
static int
mspdi_parse_duration(const char *s, long *minutes)
{
	int neg = 0, in_time = 0, parts = 0;
	double secs = 0;
	if (*s == '-') { neg = 1; s++; }
	if (*s++ != 'P') return -1;
	while (*s) {
		if (*s == 'T') {
			if (in_time) return -1;
			in_time = 1;
			s++;
			if (!*s) return -1;
			continue;
		}
		int sign = 1;
		if (*s == '-') { sign = -1; s++; }
		double v = 0, scale = 1;
		int digits = 0;
		for (; *s >= '0' && *s <= '9'; s++, digits++) {
			if (digits > 12) return -1;
			v = v * 10 + (*s - '0');
		}
		if (*s == '.') {
			for (s++; *s >= '0' && *s <= '9'; s++)
				if (scale > 1e-9) { scale /= 10; v += (*s - '0') * scale; }
		}
		if (!digits || !*s) return -1;
		char u = *s++;
		double unit;
		if (!in_time && u == 'D') unit = 86400;
		else if (!in_time && u == 'W') unit = 7 * 86400.0;
		else if (in_time && u == 'H') unit = 3600;
		else if (in_time && u == 'M') unit = 60;
		else if (in_time && u == 'S') unit = 1;
		else return -1;
		secs += sign * v * unit;
		parts++;
	}
	if (!parts) return -1;
	double m = secs / 60;
	if (m > 1e12 || m < -1e12) return -1;
	long whole = (long)(m < 0 ? -m + 1e-9 : m + 1e-9);
	*minutes = (neg != (m < 0)) && whole ? -whole : whole;
	return 0;
}

static int
mspdi_duration(struct mspdi_rd *r, xmlNodePtr n, long *out)
{
	char b[96];
	if (mspdi_token(n, b, sizeof b) || mspdi_parse_duration(b, out))
		return mspdi_fail(r, "mspdi.error.xml", n);
	return 0;
}

/* Working minutes of a WeekDay/Exception's WorkingTimes/WorkingTime list; a ToTime of 00:00
 * after a later FromTime is midnight (Project's "23:00 to 00:00"). The first MSPDI_MAX_TIMES
 * periods go into times/ntimes when those are not NULL. */
static int
mspdi_working_minutes(struct mspdi_rd *r, xmlNodePtr owner, int *out, int (*times)[2], int *ntimes)
{
	int total = 0;
	if (ntimes) *ntimes = 0;
	xmlNodePtr wts = mspdi_child(owner, "WorkingTimes");
	for (xmlNodePtr c = wts ? wts->children : NULL; c; c = c->next) {
		if (!mspdi_is(c, "WorkingTime")) continue;
		xmlNodePtr f = mspdi_child(c, "FromTime"), t = mspdi_child(c, "ToTime");
		if (!f || !t) continue;
		char fb[32], tb[32];
		if (mspdi_token(f, fb, sizeof fb)) return mspdi_fail(r, "mspdi.error.xml", f);
		if (mspdi_token(t, tb, sizeof tb)) return mspdi_fail(r, "mspdi.error.xml", t);
		int from = mspdi_clock(fb), to = mspdi_clock(tb);
		if (from < 0) return mspdi_fail(r, "mspdi.error.xml", f);
		if (to < 0) return mspdi_fail(r, "mspdi.error.xml", t);
		if (to <= from && to == 0) to = 24 * 60;
		if (to > from) {
			total += to - from;
			if (ntimes && *ntimes < MSPDI_MAX_TIMES) {
				times[*ntimes][0] = from;
				times[(*ntimes)++][1] = to;
			}
		}
	}
	*out = total;
	return 0;
}

/* The first 10 characters of TimePeriod/FromDate and ToDate of owner as dates; -1 with
 * "mspdi.error.xml" when either is missing or not a date. */
static int
mspdi_period(struct mspdi_rd *r, xmlNodePtr owner, struct mspdi_exception *e)
{
	xmlNodePtr tp = mspdi_child(owner, "TimePeriod");
	xmlNodePtr f = mspdi_child(tp, "FromDate"), t = mspdi_child(tp, "ToDate");
	const char *from, *to;
	if (!f) return mspdi_fail(r, "mspdi.error.xml", tp ? tp : owner);
	if (!t) return mspdi_fail(r, "mspdi.error.xml", tp);
	if (mspdi_datetime(r, f, &from) || mspdi_datetime(r, t, &to)) return -1;
	if (!from) return mspdi_fail(r, "mspdi.error.xml", f);
	if (!to) return mspdi_fail(r, "mspdi.error.xml", t);
	e->from = arena_strndup(r->a, from, 10);
	e->to = arena_strndup(r->a, to, 10);
	return 0;
}

/* One Calendars/Calendar. Exceptions come from Exceptions/Exception (Project 2007+); only when a
 * calendar has none of those are the WeekDay entries with DayType 0 (the older form, which
 * Project 2007+ also writes as an expanded copy of the same exceptions) read instead. */
static int
mspdi_calendar(struct mspdi_rd *r, xmlNodePtr n, struct mspdi_calendar *c)
{
	c->uid = -1;
	c->is_base = 1;
	c->base_uid = -1;
	for (int d = 0; d < 8; d++) c->working_days[d] = -1;
	for (xmlNodePtr e = n->children; e; e = e->next) {
		if (e->type != XML_ELEMENT_NODE) continue;
		if (mspdi_is(e, "UID")) { if (mspdi_long(r, e, LONG_MIN, LONG_MAX, &c->uid)) return -1; }
		else if (mspdi_is(e, "Name")) c->name = mspdi_text(r->a, e);
		else if (mspdi_is(e, "IsBaseCalendar")) { if (mspdi_bool(r, e, &c->is_base)) return -1; }
		else if (mspdi_is(e, "BaseCalendarUID")) { if (mspdi_long(r, e, LONG_MIN, LONG_MAX, &c->base_uid)) return -1; }
	}
	xmlNodePtr wds = mspdi_child(n, "WeekDays"), exs = mspdi_child(n, "Exceptions");
	int nex = mspdi_count(exs, "Exception"), old = 0;
	for (xmlNodePtr w = wds ? wds->children : NULL; w; w = w->next) {
		if (!mspdi_is(w, "WeekDay")) continue;
		xmlNodePtr dt = mspdi_child(w, "DayType");
		int type;
		if (!dt) return mspdi_fail(r, "mspdi.error.xml", w);
		if (mspdi_int(r, dt, 0, 7, &type)) return -1;
		old += type == 0;
	}
	int use_old = !nex && old;
	int cap = use_old ? old : nex;
	c->exceptions = cap ? arena_alloc(r->a, sizeof *c->exceptions * (size_t)cap) : NULL;
	for (xmlNodePtr w = wds ? wds->children : NULL; w; w = w->next) {
		if (!mspdi_is(w, "WeekDay")) continue;
		int type = 0, working = 0, minutes = 0;
		xmlNodePtr dw = mspdi_child(w, "DayWorking");
		if (mspdi_int(r, mspdi_child(w, "DayType"), 0, 7, &type)) return -1;   /* checked above */
		if (dw && mspdi_bool(r, dw, &working)) return -1;
		if (mspdi_working_minutes(r, w, &minutes, type ? c->times[type] : NULL, type ? &c->ntimes[type] : NULL))
			return -1;
		if (type) {
			c->working_days[type] = working;
			c->day_minutes[type] = working ? minutes : 0;
		} else if (use_old) {
			struct mspdi_exception *x = &c->exceptions[c->nexceptions];
			if (mspdi_period(r, w, x)) return -1;
			x->working = working;
			if (working && mspdi_working_minutes(r, w, &minutes, x->times, &x->ntimes)) return -1;
			c->nexceptions++;
		}
	}
	if (use_old) return 0;
	for (xmlNodePtr x = exs ? exs->children : NULL; x; x = x->next) {
		if (!mspdi_is(x, "Exception")) continue;
		struct mspdi_exception *e = &c->exceptions[c->nexceptions];
		xmlNodePtr dw = mspdi_child(x, "DayWorking");
		if (mspdi_period(r, x, e)) return -1;
		if (dw && mspdi_bool(r, dw, &e->working)) return -1;
		/* the recurrence (checked loosely: mspdi_cal.c ignores what it cannot use) */
		static const char *const names[] = { "Type", "Period", "Occurrences", "DaysOfWeek", "MonthDay", "Month",
						     "MonthItem", "MonthPosition" };
		int *slots[] = { &e->type, &e->period, &e->occurrences, &e->days_of_week, &e->month_day, &e->month,
				 &e->month_item, &e->month_position };
		for (int k = 0; k < 8; k++) {
			xmlNodePtr v = mspdi_child(x, names[k]);
			if (v && mspdi_int(r, v, 0, 100000, slots[k])) return -1;
		}
		int minutes;
		if (e->working && mspdi_working_minutes(r, x, &minutes, e->times, &e->ntimes)) return -1;
		c->nexceptions++;
	}
	return 0;
}

/* One Tasks/Task into t; its PredecessorLinks are stored with their nodes in links_at for the
 * check that each names a task, which needs every task first. */
static int
mspdi_task(struct mspdi_rd *r, xmlNodePtr n, struct mspdi_task *t, xmlNodePtr *links_at)
{
	int has_uid = 0, nlinks = mspdi_count(n, "PredecessorLink");
	t->outline_level = 1;
	t->total_slack = t->free_slack = -1;
	t->critical = -1;
	t->constraint_type = -1;
	t->calendar_uid = -1;
	t->links = nlinks ? arena_alloc(r->a, sizeof *t->links * (size_t)nlinks) : NULL;
	for (xmlNodePtr e = n->children; e; e = e->next) {
		if (e->type != XML_ELEMENT_NODE) continue;
		const char *nm = (const char *)e->name;
		int rc = 0;
		if (!strcmp(nm, "UID")) { rc = mspdi_long(r, e, LONG_MIN, LONG_MAX, &t->uid); has_uid = 1; }
		else if (!strcmp(nm, "ID")) rc = mspdi_long(r, e, LONG_MIN, LONG_MAX, &t->id);
		else if (!strcmp(nm, "Name")) t->name = mspdi_text(r->a, e);
		else if (!strcmp(nm, "WBS")) t->wbs = mspdi_text(r->a, e);
		else if (!strcmp(nm, "Notes")) t->notes = mspdi_text(r->a, e);
		else if (!strcmp(nm, "OutlineLevel")) rc = mspdi_int(r, e, 0, 1000, &t->outline_level);
		else if (!strcmp(nm, "Summary")) rc = mspdi_bool(r, e, &t->summary);
		else if (!strcmp(nm, "Milestone")) rc = mspdi_bool(r, e, &t->milestone);
		else if (!strcmp(nm, "Duration")) rc = mspdi_duration(r, e, &t->duration_minutes);
		else if (!strcmp(nm, "Start")) rc = mspdi_datetime(r, e, &t->start);
		else if (!strcmp(nm, "Finish")) rc = mspdi_datetime(r, e, &t->finish);
		else if (!strcmp(nm, "ActualStart")) rc = mspdi_datetime(r, e, &t->actual_start);
		else if (!strcmp(nm, "ActualFinish")) rc = mspdi_datetime(r, e, &t->actual_finish);
		else if (!strcmp(nm, "Manual")) rc = mspdi_bool(r, e, &t->manual);
		else if (!strcmp(nm, "EarlyStart")) rc = mspdi_datetime(r, e, &t->early_start);
		else if (!strcmp(nm, "EarlyFinish")) rc = mspdi_datetime(r, e, &t->early_finish);
		else if (!strcmp(nm, "LateStart")) rc = mspdi_datetime(r, e, &t->late_start);
		else if (!strcmp(nm, "LateFinish")) rc = mspdi_datetime(r, e, &t->late_finish);
		else if (!strcmp(nm, "TotalSlack")) rc = mspdi_long(r, e, LONG_MIN, LONG_MAX, &t->total_slack);
		else if (!strcmp(nm, "FreeSlack")) rc = mspdi_long(r, e, LONG_MIN, LONG_MAX, &t->free_slack);
		else if (!strcmp(nm, "Critical")) rc = mspdi_bool(r, e, &t->critical);
		else if (!strcmp(nm, "PercentComplete")) rc = mspdi_int(r, e, 0, 100, &t->percent_complete);
		else if (!strcmp(nm, "ConstraintType")) rc = mspdi_int(r, e, 0, 7, &t->constraint_type);
		else if (!strcmp(nm, "ConstraintDate")) rc = mspdi_datetime(r, e, &t->constraint_date);
		else if (!strcmp(nm, "CalendarUID")) rc = mspdi_long(r, e, LONG_MIN, LONG_MAX, &t->calendar_uid);
		else if (!strcmp(nm, "PredecessorLink")) {
			struct mspdi_link *l = &t->links[t->nlinks];
			xmlNodePtr pu = mspdi_child(e, "PredecessorUID"), ty = mspdi_child(e, "Type");
			xmlNodePtr lag = mspdi_child(e, "LinkLag"), lf = mspdi_child(e, "LagFormat");
			xmlNodePtr cp = mspdi_child(e, "CrossProject");
			int cross = 0;
			long tenths = 0;
			l->type = 1;
			l->lag_format = 7;
			if (!pu) return mspdi_fail(r, "mspdi.error.xml", e);
			if (mspdi_long(r, pu, LONG_MIN, LONG_MAX, &l->pred_uid)) return -1;
			if (ty && mspdi_int(r, ty, 0, 3, &l->type)) return -1;
			if (lag && mspdi_long(r, lag, LONG_MIN, LONG_MAX, &tenths)) return -1;
			if (lf && mspdi_int(r, lf, 0, 999, &l->lag_format)) return -1;
			if (cp && mspdi_bool(r, cp, &cross)) return -1;
			l->lag_minutes = tenths / 10;   /* C division truncates toward zero: the sign stays */
			if (!cross) links_at[t->nlinks++] = e;   /* a link into another project is not ours */
		}
		if (rc) return -1;
	}
	if (!has_uid) return mspdi_fail(r, "mspdi.error.xml", n);
	return 0;
}

/* Case-insensitive search for the ASCII needle (upper case) in p[0..n); its offset or -1. */
static long
mspdi_find_ci(const char *p, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++) {
		size_t j = 0;
		while (j < k && (p[i + j] & ~0x20) == (needle[j] & ~0x20)) j++;
		if (j == k) return (long)i;
	}
	return -1;
}

/* Where the root element starts: past the BOM, white space, the XML declaration, comments and
 * processing instructions. Sets *doctype to the offset of a "<!" that is not a comment (a
 * DOCTYPE, or garbage the parser will refuse), else -1. */
static size_t
mspdi_prolog_end(const char *p, size_t n, long *doctype)
{
	size_t i = 0;
	*doctype = -1;
	if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) i = 3;
	while (i < n) {
		char c = p[i];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') { i++; continue; }
		if (c != '<' || i + 1 >= n) return i;
		if (p[i + 1] == '?') {
			const char *e = memmem(p + i + 2, n - i - 2, "?>", 2);
			if (!e) return n;
			i = (size_t)(e - p) + 2;
		} else if (p[i + 1] == '!') {
			if (n - i >= 4 && !memcmp(p + i, "<!--", 4)) {
				const char *e = memmem(p + i + 4, n - i - 4, "-->", 3);
				if (!e) return n;
				i = (size_t)(e - p) + 3;
			} else {
				if (n - i >= 9 && mspdi_find_ci(p + i, 9, "<!DOCTYPE") == 0) *doctype = (long)i;
				return i;   /* anything else here the parser refuses */
			}
		} else {
			return i;
		}
	}
	return i;
}

/* 1 when the XML declaration at the start of p names an encoding other than UTF-8. */
static int
mspdi_foreign_encoding(const char *p, size_t n)
{
	if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) p += 3, n -= 3;
	if (n < 6 || memcmp(p, "<?xml", 5) || (p[5] != ' ' && p[5] != '\t' && p[5] != '\r' && p[5] != '\n')) return 0;
	const char *end = memmem(p, n, "?>", 2);
	if (!end) return 0;
	long at = mspdi_find_ci(p, (size_t)(end - p), "ENCODING");
	if (at < 0) return 0;
	const char *s = p + at + 8;
	while (s < end && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n' || *s == '=')) s++;
	if (s >= end || (*s != '"' && *s != '\'')) return 0;
	char q = *s++;
	const char *e = memchr(s, q, (size_t)(end - s));
	if (!e) return 0;
	size_t len = (size_t)(e - s);
	return !((len == 5 && mspdi_find_ci(s, len, "UTF-8") == 0) || (len == 4 && mspdi_find_ci(s, len, "UTF8") == 0));
}

/* Line (1-based) of offset off in p. */
static int
mspdi_line_at(const char *p, size_t off)
{
	int line = 1;
	for (size_t i = 0; i < off; i++) line += p[i] == '\n';
	return line;
}

/* Checks everything that is refused before parsing; 0 or -1 with *err and *line set. */
static int
mspdi_precheck(const char *data, size_t len, const char **err, int *line)
{
	if (len > MSPDI_MAX_BYTES) { *err = "mspdi.error.size"; return -1; }
	long dt;   /* a DOCTYPE before the root, found by walking the prolog, however long */
	mspdi_prolog_end(data, len, &dt);
	long hit = mspdi_find_ci(data, len < MSPDI_SNIFF_BYTES ? len : MSPDI_SNIFF_BYTES, "<!DOCTYPE");
	if (hit >= 0 || dt >= 0) {
		size_t at = (size_t)(hit >= 0 && (dt < 0 || hit < dt) ? hit : dt);
		*err = "mspdi.error.doctype";
		*line = mspdi_line_at(data, at);
		return -1;
	}
	if (!text_xml_ok(data, len)) {
		size_t i = 0;
		while (i < len) {   /* the line of the first bad byte */
			unsigned char c = (unsigned char)data[i];
			size_t l = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
			if (l > len - i) l = len - i;
			if (!text_xml_ok(data + i, l)) break;
			i += l;
		}
		*err = "mspdi.error.xml";
		*line = mspdi_line_at(data, i);
		return -1;
	}
	if (mspdi_foreign_encoding(data, len)) { *err = "mspdi.error.xml"; *line = 1; return -1; }
	return 0;
}

/* Project-level values, then Calendars, Tasks, Resources and Assignments. */
static int
mspdi_project(struct mspdi_rd *r, xmlNodePtr root, struct mspdi_plan *plan)
{
	const char *title = NULL;
	xmlNodePtr cals = NULL, tasks = NULL, ress = NULL, asgs = NULL;
	for (xmlNodePtr e = root->children; e; e = e->next) {
		if (e->type != XML_ELEMENT_NODE) continue;
		const char *nm = (const char *)e->name;
		int rc = 0;
		if (!strcmp(nm, "Name")) plan->name = mspdi_text(r->a, e);
		else if (!strcmp(nm, "Title")) title = mspdi_text(r->a, e);
		else if (!strcmp(nm, "StartDate")) rc = mspdi_datetime(r, e, &plan->start_date);
		else if (!strcmp(nm, "FinishDate")) rc = mspdi_datetime(r, e, &plan->finish_date);
		else if (!strcmp(nm, "CalendarUID")) rc = mspdi_long(r, e, LONG_MIN, LONG_MAX, &plan->calendar_uid);
		else if (!strcmp(nm, "MinutesPerDay")) rc = mspdi_int(r, e, 1, 1440, &plan->minutes_per_day);
		else if (!strcmp(nm, "MinutesPerWeek")) rc = mspdi_int(r, e, 1, 7 * 1440, &plan->minutes_per_week);
		else if (!strcmp(nm, "Calendars")) cals = e;
		else if (!strcmp(nm, "Tasks")) tasks = e;
		else if (!strcmp(nm, "Resources")) ress = e;
		else if (!strcmp(nm, "Assignments")) asgs = e;
		if (rc) return -1;
	}
	if (!plan->name) plan->name = title;

	int ncal = mspdi_count(cals, "Calendar");
	plan->calendars = ncal ? arena_alloc(r->a, sizeof *plan->calendars * (size_t)ncal) : NULL;
	for (xmlNodePtr e = cals ? cals->children : NULL; e; e = e->next)
		if (mspdi_is(e, "Calendar") && mspdi_calendar(r, e, &plan->calendars[plan->ncalendars++])) return -1;

	/* tasks, with each one's PredecessorLink nodes kept for the error line of a dangling link */
	int ntask = mspdi_count(tasks, "Task");
	plan->tasks = ntask ? arena_alloc(r->a, sizeof *plan->tasks * (size_t)ntask) : NULL;
	xmlNodePtr **links_at = ntask ? arena_alloc(r->a, sizeof *links_at * (size_t)ntask) : NULL;
	xmlNodePtr *task_at = ntask ? arena_alloc(r->a, sizeof *task_at * (size_t)ntask) : NULL;
	for (xmlNodePtr e = tasks ? tasks->children : NULL; e; e = e->next) {
		if (!mspdi_is(e, "Task")) continue;
		struct mspdi_task *t = &plan->tasks[plan->ntasks];
		int nl = mspdi_count(e, "PredecessorLink");
		xmlNodePtr *at = nl ? arena_alloc(r->a, sizeof *at * (size_t)nl) : NULL;
		if (mspdi_task(r, e, t, at)) return -1;
		if (t->uid == 0) {   /* the project summary task */
			memset(t, 0, sizeof *t);
			continue;
		}
		task_at[plan->ntasks] = e;
		links_at[plan->ntasks++] = at;
	}
	struct mspdi_uid *byuid = plan->ntasks ? arena_alloc(r->a, sizeof *byuid * (size_t)plan->ntasks) : NULL;
	for (int i = 0; i < plan->ntasks; i++) byuid[i] = (struct mspdi_uid){ plan->tasks[i].uid, i };
	if (plan->ntasks) qsort(byuid, (size_t)plan->ntasks, sizeof *byuid, mspdi_uid_cmp);
	for (int i = 1; i < plan->ntasks; i++)
		if (byuid[i].uid == byuid[i - 1].uid) {   /* two tasks with one UID: links would be ambiguous */
			int later = byuid[i].index > byuid[i - 1].index ? byuid[i].index : byuid[i - 1].index;
			return mspdi_fail(r, "mspdi.error.xml", task_at[later]);
		}
	for (int i = 0; i < plan->ntasks; i++)
		for (int k = 0; k < plan->tasks[i].nlinks; k++)
			if (mspdi_uid_find(byuid, plan->ntasks, plan->tasks[i].links[k].pred_uid) < 0)
				return mspdi_fail(r, "mspdi.error.link", links_at[i][k]);

	/* resources: names by UID; nameless ones (Project's UID 0 placeholder) are not resources */
	int nres = mspdi_count(ress, "Resource");
	plan->resources = nres ? arena_alloc(r->a, sizeof *plan->resources * (size_t)nres) : NULL;
	struct mspdi_uid *resuid = nres ? arena_alloc(r->a, sizeof *resuid * (size_t)nres) : NULL;
	int nresuid = 0;
	for (xmlNodePtr e = ress ? ress->children : NULL; e; e = e->next) {
		if (!mspdi_is(e, "Resource")) continue;
		xmlNodePtr u = mspdi_child(e, "UID"), nm = mspdi_child(e, "Name");
		const char *name = nm ? mspdi_text(r->a, nm) : NULL;
		long uid;
		if (!name) continue;
		if (!u) return mspdi_fail(r, "mspdi.error.xml", e);
		if (mspdi_long(r, u, LONG_MIN, LONG_MAX, &uid)) return -1;
		resuid[nresuid++] = (struct mspdi_uid){ uid, plan->nresources };
		plan->resources[plan->nresources++] = name;
	}
	if (nresuid) qsort(resuid, (size_t)nresuid, sizeof *resuid, mspdi_uid_cmp);

	/* assignments: two passes, counting per task and then filling; an assignment to no resource,
	 * to a resource without a name or to a task that is not in the plan adds nothing */
	int nasg = mspdi_count(asgs, "Assignment");
	int *asg_task = nasg ? arena_alloc(r->a, sizeof *asg_task * (size_t)nasg) : NULL;
	int *asg_res = nasg ? arena_alloc(r->a, sizeof *asg_res * (size_t)nasg) : NULL;
	int *per_task = plan->ntasks ? arena_alloc(r->a, sizeof *per_task * (size_t)plan->ntasks) : NULL;
	int m = 0;
	for (xmlNodePtr e = asgs ? asgs->children : NULL; e; e = e->next) {
		if (!mspdi_is(e, "Assignment")) continue;
		xmlNodePtr tu = mspdi_child(e, "TaskUID"), ru = mspdi_child(e, "ResourceUID");
		long tuid, ruid;
		if (!tu || !ru) return mspdi_fail(r, "mspdi.error.xml", e);
		if (mspdi_long(r, tu, LONG_MIN, LONG_MAX, &tuid) || mspdi_long(r, ru, LONG_MIN, LONG_MAX, &ruid)) return -1;
		int ti = mspdi_uid_find(byuid, plan->ntasks, tuid);
		int ri = ruid == MSPDI_NO_RESOURCE ? -1 : mspdi_uid_find(resuid, nresuid, ruid);
		if (ti < 0 || ri < 0) continue;
		asg_task[m] = ti;
		asg_res[m++] = ri;
		per_task[ti]++;
	}
	for (int i = 0; i < plan->ntasks; i++)
		if (per_task[i])
			plan->tasks[i].resources = arena_alloc(r->a, sizeof *plan->tasks[i].resources * (size_t)per_task[i]);
	for (int k = 0; k < m; k++) {
		struct mspdi_task *t = &plan->tasks[asg_task[k]];
		const char *name = plan->resources[asg_res[k]];
		int dup = 0;
		for (int j = 0; j < t->nresources && !dup; j++) dup = t->resources[j] == name;
		if (!dup) t->resources[t->nresources++] = name;
	}
	return 0;
}

/* Reads an MSPDI document (see mspdi.h). Defaults for what the file leaves out: plan
 * calendar_uid -1, minutes_per_day 480, minutes_per_week 2400; per task those in mspdi.h,
 * outline_level 1, duration 0, and for each link type FS (1), lag 0, lag_format 7. Besides the
 * keys in mspdi.h, "mspdi.error.xml" also covers a value that is not of its MSPDI type, a Task
 * without UID and two tasks with one UID. Links with CrossProject 1 (into another file) are
 * dropped. Everything in *plan lives in a; nothing else is kept. */
int
mspdi_read(struct arena *a, const char *data, size_t len, struct mspdi_plan *plan, const char **err, int *line)
{
	memset(plan, 0, sizeof *plan);
	plan->calendar_uid = -1;
	plan->minutes_per_day = 480;
	plan->minutes_per_week = 2400;
	*err = NULL;
	*line = 0;
	if (!data) data = "", len = 0;
	if (mspdi_precheck(data, len, err, line)) return -1;

	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt) { *err = "mspdi.error.xml"; return -1; }
	/* NONET and NOBLANKS as decided; NOERROR/NOWARNING keep libxml2 from printing (the error is
	 * returned instead) and BIG_LINES gives true line numbers past 65535 */
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL,
					  XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR |
					  XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
	if (!doc) {
		const xmlError *e = xmlCtxtGetLastError(ctxt);
		*err = "mspdi.error.xml";
		*line = e && e->line > 0 ? e->line : 1;
		xmlFreeParserCtxt(ctxt);
		return -1;
	}
	xmlFreeParserCtxt(ctxt);
	int rc = -1;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	struct mspdi_rd r = { a, err, line };
	if (doc->intSubset || doc->extSubset) {   /* cannot happen after the precheck; kept as a guard */
		*err = "mspdi.error.doctype";
		*line = 1;
	} else if (!root || strcmp((const char *)root->name, "Project") ||
		   (root->ns && (!root->ns->href || strcmp((const char *)root->ns->href, MSPDI_NS)))) {
		mspdi_fail(&r, "mspdi.error.not_mspdi", root);
	} else {
		rc = mspdi_project(&r, root, plan);
	}
	xmlFreeDoc(doc);
	if (rc) {
		struct mspdi_plan empty = {0};
		*plan = empty;
	}
	return rc;
}
