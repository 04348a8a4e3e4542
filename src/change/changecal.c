/* changecalxml.c — the change calendar's model: the changes planned in a month or a week with
 * their CIs, placed on their days (changecal.c), and the freeze windows expanded by windows.c as
 * the windows month view does. Read only. */
#include "change/changecal.h"
#include "engine/cal.h"
#include "core/db.h"
#include "engine/win.h"
#include "core/xml.h"
#include <stdio.h>
#include <string.h>

static const char *
col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? s : "";
}

int
changecal_load(const struct calgrid_range *r, const struct changecal_filter *f, struct arena *a, struct changecal_change **out,
	  int *truncated)
{
	char from[17], to[17];
	win_format((long)r->first * WIN_DAY, from);
	win_format((long)r->next * WIN_DAY, to);
	*truncated = 0;
	*out = arena_alloc(a, sizeof **out * 16);
	int cap = 16, n = 0;
	sqlite3_stmt *st = db_q("SELECT c.id, c.number, c.title, c.type, c.state, coalesce(c.risk_level, ''), c.outage,"
				" c.planned_start, c.planned_end FROM changes c"
				" WHERE c.planned_start IS NOT NULL AND c.planned_end IS NOT NULL"
				" AND c.state NOT IN ('rejected', 'cancelled')"
				" AND c.planned_start < ?1 AND c.planned_end > ?2"
				" AND (?3 = '' OR c.state = ?3) AND (?4 = '' OR c.type = ?4)"
				" AND (?5 = '' OR EXISTS (SELECT 1 FROM change_cis x JOIN config_items i ON i.id = x.ci_id"
				"  WHERE x.change_id = c.id AND i.code = ?5))"
				" ORDER BY c.planned_start, c.number",
				"sssss", to, from, f->state, f->type, f->ci);
	if (!st) return -1;
	long long *ids = arena_alloc(a, sizeof *ids * (size_t)cap);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == CHANGECAL_MAX_CHANGES) {
			*truncated = 1;
			break;
		}
		long s = win_parse(col(st, 7)), e = win_parse(col(st, 8));
		if (s < 0 || e <= s) continue;     /* the table's checks make this impossible */
		if (n == cap) {
			struct changecal_change *o = arena_alloc(a, sizeof *o * (size_t)cap * 2);
			long long *io = arena_alloc(a, sizeof *io * (size_t)cap * 2);
			memcpy(o, *out, sizeof *o * (size_t)cap);
			memcpy(io, ids, sizeof *io * (size_t)cap);
			*out = o;
			ids = io;
			cap *= 2;
		}
		struct changecal_change *x = &(*out)[n];
		ids[n] = sqlite3_column_int64(st, 0);
		x->number = arena_strdup(a, col(st, 1));
		x->title = arena_strdup(a, col(st, 2));
		x->type = arena_strdup(a, col(st, 3));
		x->state = arena_strdup(a, col(st, 4));
		x->risk = arena_strdup(a, col(st, 5));
		x->outage = sqlite3_column_int(st, 6);
		x->start = arena_strdup(a, col(st, 7));
		x->end = arena_strdup(a, col(st, 8));
		x->s = s;
		x->e = e;
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) return -1;
	for (int k = 0; k < n; k++) {
		struct changecal_change *x = &(*out)[k];
		x->cis = arena_alloc(a, sizeof *x->cis * CHANGECAL_MAX_CIS);
		sqlite3_stmt *cs = db_q("SELECT i.code FROM change_cis x JOIN config_items i ON i.id = x.ci_id"
					" WHERE x.change_id = ? ORDER BY i.code",
					"i", ids[k]);
		while (cs && x->ncis < CHANGECAL_MAX_CIS && sqlite3_step(cs) == SQLITE_ROW)
			x->cis[x->ncis++] = arena_strdup(a, col(cs, 0));
		if (cs) sqlite3_reset(cs);
	}
	return n;
}

/* The active freeze windows as engine windows, their names and CI codes in names[], cis[]. */
static int
load_freezes(struct arena *a, struct win **out, const char ***names, const char ***cis)
{
	int n = (int)db_int("SELECT count(*) FROM change_windows WHERE active = 1 AND kind = 'freeze'", "");
	struct win *w = arena_alloc(a, sizeof *w * (size_t)(n + 1));
	const char **nm = arena_alloc(a, sizeof *nm * (size_t)(n + 1));
	const char **cc = arena_alloc(a, sizeof *cc * (size_t)(n + 1));
	sqlite3_stmt *st = db_q("SELECT w.id, w.start_at, w.end_at, w.repeat, coalesce(w.repeat_until, ''),"
				" coalesce(w.ci_id, 0), w.name, coalesce(i.code, '') FROM change_windows w"
				" LEFT JOIN config_items i ON i.id = w.ci_id"
				" WHERE w.active = 1 AND w.kind = 'freeze' ORDER BY w.id", "");
	int k = 0;
	while (st && k < n && sqlite3_step(st) == SQLITE_ROW) {
		long s = win_parse(col(st, 1)), e = win_parse(col(st, 2));
		if (s < 0 || e <= s) continue;
		const char *u = col(st, 4);
		w[k] = (struct win){ sqlite3_column_int64(st, 0), 1, sqlite3_column_int64(st, 5), s, e,
				     !strcmp(col(st, 3), "weekly"), *u ? cal_day(u) : -1 };
		nm[k] = arena_strdup(a, col(st, 6));
		cc[k++] = arena_strdup(a, col(st, 7));
	}
	if (st) sqlite3_reset(st);
	*out = w;
	*names = nm;
	*cis = cc;
	return k;
}

int
changecal_xml(xmlNodePtr parent, const struct calgrid_range *r, const struct changecal_filter *f, int today, struct arena *a)
{
	struct changecal_change *ch;
	int truncated;
	int n = changecal_load(r, f, a, &ch, &truncated);
	if (n < 0) return -1;
	struct win *w;
	const char **names, **wcis;
	int nw = load_freezes(a, &w, &names, &wcis);
	long from = (long)r->first * WIN_DAY, to = (long)r->next * WIN_DAY;
	int no = win_expand(w, nw, from, to, NULL, 0);
	struct win_occ *o = arena_alloc(a, sizeof *o * (size_t)(no + 1));
	win_expand(w, nw, from, to, o, no);

	xmlNodePtr cx = xml_el(parent, "change-calendar");
	xml_attr(cx, "view", r->view == CALGRID_WEEK ? "week" : "month");
	xml_attr(cx, "value", r->value);
	char d[11];
	cal_iso(r->first, d);
	xml_attr(cx, "first", d);
	cal_iso(r->next - 1, d);
	xml_attr(cx, "last", d);
	xml_attr(cx, "prev", r->prev);
	xml_attr(cx, "next", r->after);
	xml_attr(cx, "state", f->state);
	xml_attr(cx, "type", f->type);
	xml_attr(cx, "ci", f->ci);
	xml_attr_ll(cx, "count", n);
	xml_attr(cx, "truncated", truncated ? "1" : "0");
	char t[6];
	if (r->view == CALGRID_WEEK)
		for (int h = 0; h < 24; h++) {
			xmlNodePtr hx = xml_el(cx, "hour");
			xml_attr_ll(hx, "h", h);
			calgrid_hhmm(h * 60, t);
			xml_attr(hx, "label", t);
		}
	xmlNodePtr wk = NULL;
	for (int day = r->grid0; day < r->grid1; day++) {
		if (!wk || cal_weekday(day) == 1) wk = xml_el(cx, "week");
		xmlNodePtr dx = xml_el(wk, "day");
		cal_iso(day, d);
		xml_attr(dx, "date", d);
		xml_attr_ll(dx, "d", (d[8] - '0') * 10 + (d[9] - '0'));
		xml_attr_ll(dx, "weekday", cal_weekday(day));
		int in = day >= r->first && day < r->next;
		xml_attr(dx, "in-month", in ? "1" : "0");
		xml_attr(dx, "today", day == today ? "1" : "0");
		int fz = 0;
		for (int i = 0; in && i < no; i++) {
			int a0, a1;
			if (!calgrid_clip(o[i].start, o[i].end, day, &a0, &a1)) continue;
			fz = 1;
			xmlNodePtr ox = xml_el(dx, "freeze");
			xml_attr_ll(ox, "window", w[o[i].win].id);
			xml_attr(ox, "name", names[o[i].win]);
			calgrid_hhmm(a0, t);
			xml_attr(ox, "from", t);
			calgrid_hhmm(a1, t);
			xml_attr(ox, "to", t);
			xml_attr(ox, "ci", wcis[o[i].win]);
		}
		xml_attr(dx, "freeze", fz ? "1" : "0");
		/* by start time on the day: continuations from the day before (00:00) first */
		for (int pass = 0; in && pass < 2; pass++)
			for (int k = 0; k < n; k++) {
				int a0, a1;
				if (!calgrid_clip(ch[k].s, ch[k].e, day, &a0, &a1)) continue;
				int before = ch[k].s < (long)day * WIN_DAY;
				if (before != !pass) continue;
				xmlNodePtr ex = xml_el(dx, "entry");
				xml_attr(ex, "number", ch[k].number);
				xml_attr(ex, "title", ch[k].title);
				xml_attr(ex, "type", ch[k].type);
				xml_attr(ex, "state", ch[k].state);
				xml_attr(ex, "risk-level", ch[k].risk);
				xml_attr(ex, "outage", ch[k].outage ? "1" : "0");
				xml_attr(ex, "start", ch[k].start);
				xml_attr(ex, "end", ch[k].end);
				calgrid_hhmm(a0, t);
				xml_attr(ex, "from", t);
				calgrid_hhmm(a1, t);
				xml_attr(ex, "to", t);
				xml_attr_ll(ex, "hour", a0 / 60);
				xml_attr(ex, "cont-before", before ? "1" : "0");
				xml_attr(ex, "cont-after", ch[k].e > (long)(day + 1) * WIN_DAY ? "1" : "0");
				for (int i = 0; i < ch[k].ncis; i++) xml_attr(xml_el(ex, "ci"), "code", ch[k].cis[i]);
			}
	}
	return 0;
}
