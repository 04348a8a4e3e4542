/* changewin.c — stored change windows: form checks, audited writes, list, month view and the
 * check of a change on CIs and their related CIs (the engine is windows.c). */
#include "change/windows.h"
#include "engine/cal.h"
#include "core/clock.h"
#include "core/json.h"
#include "core/db.h"
#include "core/text.h"
#include "core/xml.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *
col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? s : "";
}

int
windows_check(const struct windows_fields *f, char out_start[17], char out_end[17], long long *ci_id, fielderr_fn err,
	   void *arg)
{
	int bad = 0;
	if (strcmp(f->kind, "maintenance") && strcmp(f->kind, "freeze")) { err(arg, "kind", "win.error.kind"); bad++; }
	size_t nl = text_chars(f->name);
	if (!nl || nl > WINDOWS_NAME_MAX || strpbrk(f->name, "\r\n")) { err(arg, "name", "win.error.name"); bad++; }
	bad += win_validate(f->start, f->end, f->repeat, f->repeat_until, err, arg);
	*ci_id = 0;
	if (*f->ci) {
		*ci_id = db_int("SELECT id FROM config_items WHERE code = ?", "s", f->ci);
		if (!*ci_id) { err(arg, "ci", "win.error.ci"); bad++; }
	}
	if (text_chars(f->note) > WINDOWS_NOTE_MAX) { err(arg, "note", "win.error.note"); bad++; }
	long s = win_parse(f->start), e = win_parse(f->end);
	if (s >= 0) win_format(s, out_start);
	else out_start[0] = 0;
	if (e >= 0) win_format(e, out_end);
	else out_end[0] = 0;
	return bad;
}

static void
fields_json(struct buf *b, const struct windows_fields *f, int active)
{
	int weekly = !strcmp(f->repeat, "weekly");
	json_open(b);
	json_s(b, "kind", f->kind);
	json_s(b, "name", f->name);
	json_s(b, "start", f->start);
	json_s(b, "end", f->end);
	json_s(b, "repeat", f->repeat);
	json_s(b, "repeat_until", weekly && *f->repeat_until ? f->repeat_until : NULL);
	json_s(b, "ci", *f->ci ? f->ci : NULL);
	json_s(b, "note", f->note);
	json_n(b, "active", active);
	json_close(b);
}

/* The stored window id as JSON (the audit's old value); -1 when there is none. */
static int
stored_json(long long id, struct buf *b, int *active)
{
	sqlite3_stmt *st = db_q("SELECT w.kind, w.name, w.start_at, w.end_at, w.repeat, coalesce(w.repeat_until, ''),"
				" coalesce(c.code, ''), w.note, w.active FROM change_windows w LEFT JOIN config_items c"
				" ON c.id = w.ci_id WHERE w.id = ?", "i", id);
	if (!st || sqlite3_step(st) != SQLITE_ROW) {
		if (st) sqlite3_reset(st);
		return -1;
	}
	struct windows_fields f = { col(st, 0), col(st, 1), col(st, 2), col(st, 3), col(st, 4), col(st, 5), col(st, 6),
				 col(st, 7) };
	*active = sqlite3_column_int(st, 8);
	fields_json(b, &f, *active);
	sqlite3_reset(st);
	return 0;
}

long long
windows_create(const struct audit_who *who, const struct windows_fields *f, long long ci_id)
{
	char now[21];
	clock_iso(clock_now(), now);
	int weekly = !strcmp(f->repeat, "weekly");
	if (db_run("INSERT INTO change_windows (kind, name, start_at, end_at, repeat, repeat_until, ci_id, note, active,"
		   " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)", "sssssssss", f->kind, f->name, f->start, f->end,
		   f->repeat, weekly && *f->repeat_until ? f->repeat_until : NULL, NULL, f->note, now) != SQLITE_DONE)
		return -1;
	long long id = sqlite3_last_insert_rowid(db);
	if (ci_id && db_run("UPDATE change_windows SET ci_id = ? WHERE id = ?", "ii", ci_id, id) != SQLITE_DONE) return -1;
	char sid[24];
	snprintf(sid, sizeof sid, "%lld", id);
	struct buf nv = {0};
	fields_json(&nv, f, 1);
	int rc = audit_append(who, "window.create", "window", sid, NULL, buf_str(&nv), "");
	buf_free(&nv);
	return rc ? -1 : id;
}

int
windows_update(const struct audit_who *who, long long id, const struct windows_fields *f, long long ci_id)
{
	struct buf ov = {0}, nv = {0};
	int active = 1, weekly = !strcmp(f->repeat, "weekly");
	if (stored_json(id, &ov, &active)) return -1;
	int rc = db_run("UPDATE change_windows SET kind = ?, name = ?, start_at = ?, end_at = ?, repeat = ?,"
			" repeat_until = ?, ci_id = nullif(?, 0), note = ? WHERE id = ?", "ssssssisi", f->kind, f->name,
			f->start, f->end, f->repeat, weekly && *f->repeat_until ? f->repeat_until : NULL, ci_id, f->note,
			id) != SQLITE_DONE;
	fields_json(&nv, f, active);
	char sid[24];
	snprintf(sid, sizeof sid, "%lld", id);
	if (!rc) rc = audit_append(who, "window.update", "window", sid, buf_str(&ov), buf_str(&nv), "");
	buf_free(&ov);
	buf_free(&nv);
	return rc ? -1 : 0;
}

int
windows_deactivate(const struct audit_who *who, long long id)
{
	struct buf ov = {0};
	int active = 0;
	if (stored_json(id, &ov, &active)) return -1;
	if (!active) {
		buf_free(&ov);
		return 0;
	}
	char sid[24];
	snprintf(sid, sizeof sid, "%lld", id);
	int rc = db_run("UPDATE change_windows SET active = 0 WHERE id = ?", "i", id) != SQLITE_DONE ||
		 audit_append(who, "window.deactivate", "window", sid, buf_str(&ov), "{\"active\":0}", "");
	buf_free(&ov);
	return rc ? -1 : 1;
}

int
windows_exists(long long id)
{
	return db_int("SELECT count(*) FROM change_windows WHERE id = ?", "i", id) > 0;
}

xmlNodePtr
windows_list_xml(xmlNodePtr parent, long long id)
{
	xmlNodePtr l = xml_el(parent, "windows");
	sqlite3_stmt *st = db_q("SELECT w.id, w.kind, w.name, w.start_at, w.end_at, w.repeat, coalesce(w.repeat_until, ''),"
				" coalesce(c.code, ''), coalesce(c.name, ''), w.note, w.active, w.created_at"
				" FROM change_windows w LEFT JOIN config_items c ON c.id = w.ci_id"
				" WHERE ?1 = 0 OR w.id = ?1 ORDER BY w.active DESC, w.start_at, w.id", "i", id);
	static const char *const names[] = { "id", "kind", "name", "start", "end", "repeat", "repeat-until", "ci",
					     "ci-name", "note", "active", "created" };
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr w = xml_el(l, "window");
		for (int i = 0; i < 12; i++) xml_attr(w, names[i], col(st, i));
		long s = win_parse(col(st, 3));
		if (s >= 0) xml_attr_ll(w, "weekday", cal_weekday((int)(s / WIN_DAY)));
	}
	if (st) sqlite3_reset(st);
	return l;
}

void
windows_cis_xml(xmlNodePtr parent)
{
	xmlNodePtr l = xml_el(parent, "cis");
	sqlite3_stmt *st = db_q("SELECT code, name FROM config_items WHERE status <> 'retired' ORDER BY code", "");
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		xmlNodePtr c = xml_el(l, "ci");
		xml_attr(c, "code", col(st, 0));
		xml_attr(c, "name", col(st, 1));
	}
	if (st) sqlite3_reset(st);
}

/* The active windows as engine windows, their names in names[] (arena). The count, -1 on error. */
static int
load_windows(struct arena *a, struct win **out, const char ***names)
{
	int n = (int)db_int("SELECT count(*) FROM change_windows WHERE active = 1", "");
	struct win *w = arena_alloc(a, sizeof *w * (size_t)(n + 1));
	const char **nm = arena_alloc(a, sizeof *nm * (size_t)(n + 1));
	sqlite3_stmt *st = db_q("SELECT id, kind, start_at, end_at, repeat, repeat_until, coalesce(ci_id, 0), name"
				" FROM change_windows WHERE active = 1 ORDER BY id", "");
	int k = 0;
	while (st && k < n && sqlite3_step(st) == SQLITE_ROW) {
		long s = win_parse(col(st, 2)), e = win_parse(col(st, 3));
		if (s < 0 || e <= s) continue;     /* the table's checks make this impossible */
		const char *u = col(st, 5);
		w[k] = (struct win){ sqlite3_column_int64(st, 0), !strcmp(col(st, 1), "freeze"), sqlite3_column_int64(st, 6),
				     s, e, !strcmp(col(st, 4), "weekly"), *u ? cal_day(u) : -1 };
		nm[k++] = arena_strdup(a, col(st, 7));
	}
	if (st) sqlite3_reset(st);
	*out = w;
	*names = nm;
	return k;
}

struct ciref { long long id; int given; long long via; const char *rel; };

static int
find_ci(const struct ciref *c, int n, long long id)
{
	for (int i = 0; i < n; i++)
		if (c[i].id == id) return i;
	return -1;
}

static void
ci_attrs(xmlNodePtr e, long long id, const char *code_attr, const char *name_attr)
{
	sqlite3_stmt *st = db_q("SELECT code, name, type FROM config_items WHERE id = ?", "i", id);
	if (st && sqlite3_step(st) == SQLITE_ROW) {
		xml_attr(e, code_attr, col(st, 0));
		xml_attr(e, name_attr, col(st, 1));
		if (!strcmp(code_attr, "code")) xml_attr(e, "type", col(st, 2));
	}
	if (st) sqlite3_reset(st);
}

int
windows_check_xml(xmlNodePtr parent, const char *start, const char *end, const char *const *codes, int n,
	       struct arena *a, fielderr_arg_fn err, void *arg)
{
	long s = win_parse(start), e = win_parse(end);
	int bad = 0;
	if (s < 0) { err(arg, "start", "win.error.time", ""); bad++; }
	if (e < 0) { err(arg, "end", "win.error.time", ""); bad++; }
	if (s >= 0 && e >= 0 && e <= s) { err(arg, "end", "win.error.order", ""); bad++; }
	else if (s >= 0 && e >= 0 && e - s > (long)WINDOWS_CHECK_MAX_DAYS * WIN_DAY) {
		err(arg, "end", "win.error.check_long", "");
		bad++;
	}
	struct ciref *cis = arena_alloc(a, sizeof *cis * WINDOWS_MAX_CIS);
	int nc = 0;
	for (int i = 0; i < n; i++) {
		if (!*codes[i]) continue;
		long long id = db_int("SELECT id FROM config_items WHERE code = ?", "s", codes[i]);
		if (!id) { err(arg, "ci", "win.error.ci", codes[i]); bad++; continue; }
		if (find_ci(cis, nc, id) < 0 && nc < WINDOWS_MAX_CIS) cis[nc++] = (struct ciref){ id, 1, 0, "" };
	}
	if (bad) return -1;
	/* the related CIs, breadth first: every relation of a given CI, depends_on from any */
	for (int i = 0; i < nc && nc < WINDOWS_MAX_CIS; i++) {
		sqlite3_stmt *st = db_q("SELECT to_id, kind FROM ci_relations WHERE from_id = ?1 AND (?2 OR kind = 'depends_on')"
					" UNION SELECT from_id, kind FROM ci_relations WHERE to_id = ?1"
					" AND (?2 OR kind = 'depends_on') ORDER BY 1, 2", "id", cis[i].id, cis[i].given);
		while (st && sqlite3_step(st) == SQLITE_ROW && nc < WINDOWS_MAX_CIS) {
			long long id = sqlite3_column_int64(st, 0);
			if (find_ci(cis, nc, id) < 0)
				cis[nc++] = (struct ciref){ id, 0, cis[i].id, !strcmp(col(st, 1), "runs_on") ? "runs_on" : "depends_on" };
		}
		if (st) sqlite3_reset(st);
	}
	struct win *w;
	const char **names;
	int nw = load_windows(a, &w, &names);
	long long *ids = arena_alloc(a, sizeof *ids * (size_t)(nc + 1));
	for (int i = 0; i < nc; i++) ids[i] = cis[i].id;
	int nf = win_check(w, nw, s, e, ids, nc, NULL, 0);
	if (nf < 0) return -1;
	struct win_finding *f = arena_alloc(a, sizeof *f * (size_t)(nf + 1));
	if (win_check(w, nw, s, e, ids, nc, f, nf) != nf) return -1;

	xmlNodePtr c = xml_el(parent, "check");
	char t[17];
	win_format(s, t);
	xml_attr(c, "start", t);
	win_format(e, t);
	xml_attr(c, "end", t);
	xml_attr_ll(c, "minutes", e - s);
	for (int i = 0; i < nc; i++) {
		xmlNodePtr x = xml_el(c, "ci");
		ci_attrs(x, cis[i].id, "code", "name");
		xml_attr(x, "given", cis[i].given ? "1" : "0");
		if (!cis[i].given) {
			ci_attrs(x, cis[i].via, "via", "via-name");
			xml_attr(x, "relation", cis[i].rel);
		}
	}
	for (int i = 0; i < nf; i++) {
		xmlNodePtr x = xml_el(c, "finding");
		xml_attr(x, "kind", f[i].kind == WF_FREEZE ? "freeze" : "outside");
		xml_attr(x, "extent", f[i].partial ? "partial" : "full");
		if (f[i].kind == WF_FREEZE) {
			xml_attr_ll(x, "window", w[f[i].win].id);
			xml_attr(x, "name", names[f[i].win]);
			win_format(f[i].occ_start, t);
			xml_attr(x, "occ-start", t);
			win_format(f[i].occ_end, t);
			xml_attr(x, "occ-end", t);
		}
		if (f[i].ci) ci_attrs(x, f[i].ci, "ci", "ci-name");
		else xml_attr(x, "ci", "");
		win_format(f[i].from, t);
		xml_attr(x, "from", t);
		win_format(f[i].to, t);
		xml_attr(x, "to", t);
		xml_attr_ll(x, "minutes", f[i].minutes);
	}
	return nf;
}

static void
hhmm(long m, char out[6])
{
	int h = (int)(m / 60 % 100), mi = (int)(m % 60);   /* m is 0..1440 */
	out[0] = (char)('0' + h / 10);
	out[1] = (char)('0' + h % 10);
	out[2] = ':';
	out[3] = (char)('0' + mi / 10);
	out[4] = (char)('0' + mi % 10);
	out[5] = 0;
}

int
windows_month_xml(xmlNodePtr parent, const char *month, struct arena *a)
{
	if (!month || strlen(month) != 7) return -1;
	char d[11];
	snprintf(d, sizeof d, "%s-01", month);
	int first = cal_day(d);
	if (first < 0) return -1;
	int y = atoi(month), m = atoi(month + 5);
	int ny = m == 12 ? y + 1 : y, nm = m == 12 ? 1 : m + 1, py = m == 1 ? y - 1 : y, pm = m == 1 ? 12 : m - 1;
	char nd[32];
	snprintf(nd, sizeof nd, "%04d-%02d-01", ny, nm);
	int next = cal_day(nd);
	if (next < 0) return -1;
	int g0 = first - (cal_weekday(first) - 1), g1 = next + (7 - cal_weekday(next - 1));
	struct win *w;
	const char **names;
	int nw = load_windows(a, &w, &names);
	long from = (long)g0 * WIN_DAY, to = (long)g1 * WIN_DAY;
	int no = win_expand(w, nw, from, to, NULL, 0);
	struct win_occ *o = arena_alloc(a, sizeof *o * (size_t)(no + 1));
	win_expand(w, nw, from, to, o, no);
	xmlNodePtr mx = xml_el(parent, "month");
	xml_attr(mx, "value", month);
	char buf[32];
	snprintf(buf, sizeof buf, "%04d-%02d", py, pm);
	xml_attr(mx, "prev", buf);
	snprintf(buf, sizeof buf, "%04d-%02d", ny, nm);
	xml_attr(mx, "next", buf);
	xmlNodePtr wk = NULL;
	for (int day = g0; day < g1; day++) {
		if (cal_weekday(day) == 1) wk = xml_el(mx, "week");
		xmlNodePtr dx = xml_el(wk, "day");
		cal_iso(day, d);
		xml_attr(dx, "date", d);
		xml_attr_ll(dx, "d", atoi(d + 8));
		xml_attr_ll(dx, "weekday", cal_weekday(day));
		xml_attr(dx, "in-month", day >= first && day < next ? "1" : "0");
		long ds = (long)day * WIN_DAY, de = ds + WIN_DAY;
		int fz = 0, mt = 0;
		for (int i = 0; i < no; i++) {
			if (o[i].start >= de || o[i].end <= ds) continue;
			const struct win *x = &w[o[i].win];
			fz |= x->freeze;
			mt |= !x->freeze;
		}
		xml_attr(dx, "freeze", fz ? "1" : "0");
		xml_attr(dx, "maintenance", mt ? "1" : "0");
		for (int i = 0; i < no; i++) {
			if (o[i].start >= de || o[i].end <= ds) continue;
			const struct win *x = &w[o[i].win];
			xmlNodePtr ox = xml_el(dx, "occ");
			xml_attr_ll(ox, "window", x->id);
			xml_attr(ox, "kind", x->freeze ? "freeze" : "maintenance");
			xml_attr(ox, "name", names[o[i].win]);
			char t[6];
			hhmm((o[i].start > ds ? o[i].start : ds) - ds, t);
			xml_attr(ox, "from", t);
			hhmm((o[i].end < de ? o[i].end : de) - ds, t);
			xml_attr(ox, "to", t);
			if (x->ci) ci_attrs(ox, x->ci, "ci", "ci-name");
		}
	}
	return 0;
}
