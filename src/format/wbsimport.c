/* wbsimport.c — a CSV table (csvin.h) checked and turned into WBS tasks (see wbsimport.h).
 * The header picks the columns; then every data row is read in file order, each cell checked on
 * its own, so one run lists every problem of the file. The tree comes either from the WBS column
 * (a hash of the numbers seen so far finds each parent) or, without one, from the indentation of
 * the names (measured in a first pass, since the unit is the smallest indent of the whole file). */
#include "format/wbsimport.h"
#include "core/text.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define IMP_NAME_MAX 200       /* characters */
#define IMP_CELL_MAX 4000

enum imp_col { C_WBS, C_NAME, C_OWNER, C_ESTIMATE, C_DURATION, C_START, C_FINISH, C_PRIORITY,
	       C_STATUS, C_MILESTONE, C_PERCENT, C_CATEGORY, C_PREDECESSORS, C_DESCRIPTION, C_N };

/* Header names after imp_header_norm (ASCII lower case, no spaces, ASCII parentheses). */
static const char *const imp_headers[C_N][5] = {
	[C_WBS] = { "wbs", "wbs编号", "大纲编号" },
	[C_NAME] = { "name", "任务名称", "名称" },
	[C_OWNER] = { "owner", "负责人" },
	[C_ESTIMATE] = { "estimate(h)", "estimate", "估算工时", "工时(h)" },
	[C_DURATION] = { "duration(d)", "duration", "工期", "工期(天)" },
	[C_START] = { "start", "plannedstart", "计划开始" },
	[C_FINISH] = { "finish", "plannedfinish", "计划完成", "计划结束" },
	[C_PRIORITY] = { "priority", "优先级" },
	[C_STATUS] = { "status", "状态" },
	[C_MILESTONE] = { "milestone", "里程碑" },
	[C_PERCENT] = { "percent", "%complete", "完成百分比", "进度" },
	[C_CATEGORY] = { "category", "类别" },
	[C_PREDECESSORS] = { "predecessors", "前置任务" },
	[C_DESCRIPTION] = { "description", "描述", "说明" },
};

/* Status codes and the words accepted for each (ASCII compared case-insensitively). */
static const char *const imp_statuses[][5] = {
	{ "not_started", "not started", "未开始" },
	{ "in_progress", "in progress", "进行中" },
	{ "blocked", "受阻" },
	{ "done", "已完成" },
	{ "cancelled", "canceled", "已取消" },
};

struct imp {
	struct arena *a;
	struct wbsimport_problem *p;
	int np, cap;
};

static void
wbsimport_problem(struct imp *st, int row, const char *column, const char *key, const char *value)
{
	if (st->np == st->cap) {
		int cap = st->cap ? st->cap * 2 : 16;
		struct wbsimport_problem *p = arena_alloc(st->a, sizeof *p * (size_t)cap);
		if (st->np) memcpy(p, st->p, sizeof *p * (size_t)st->np);
		st->p = p;
		st->cap = cap;
	}
	st->p[st->np++] = (struct wbsimport_problem){ row, column, key, value };
}

/* 1 when s starts with the 3-byte character c (never reads past the NUL of a shorter s). */
static int
imp_at(const char *s, const char *c)
{
	return s[0] == c[0] && s[1] == c[1] && s[2] == c[2];
}

/* Length of the space at s: ASCII space or TAB (and CR/LF), or U+3000; 0 when none. */
static size_t
imp_space(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') return 1;
	if (imp_at(s, "\xE3\x80\x80")) return 3;
	return 0;
}

/* s without surrounding spaces: a pointer into s, or a copy in a when the end is trimmed. */
static const char *
imp_trim(struct arena *a, const char *s)
{
	size_t l;
	while ((l = imp_space(s))) s += l;
	size_t n = strlen(s), e = n;
	for (;;) {
		if (e >= 1 && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) e--;
		else if (e >= 3 && !memcmp(s + e - 3, "\xE3\x80\x80", 3)) e -= 3;
		else break;
	}
	return e == n ? s : arena_strndup(a, s, e);
}

static int
imp_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* 1 when s equals w, ASCII letters compared case-insensitively. */
static int
imp_same(const char *s, const char *w)
{
	for (; *s && *w; s++, w++)
		if (imp_lower((unsigned char)*s) != imp_lower((unsigned char)*w)) return 0;
	return !*s && !*w;
}

/* The column a header names, or -1. Spaces anywhere are ignored, ASCII case too, and full-width
 * parentheses count as ASCII ones, so "工期（天）" and "Estimate(h)" match. */
static int
imp_header(const char *h)
{
	char n[64];
	size_t o = 0;
	while (*h) {
		size_t l = imp_space(h);
		if (l) { h += l; continue; }
		if (o + 2 > sizeof n) return -1;
		if (imp_at(h, "\xEF\xBC\x88")) { n[o++] = '('; h += 3; continue; }   /* （ */
		if (imp_at(h, "\xEF\xBC\x89")) { n[o++] = ')'; h += 3; continue; }   /* ） */
		n[o++] = (char)imp_lower((unsigned char)*h++);
	}
	n[o] = 0;
	for (int c = 0; c < C_N; c++)
		for (int i = 0; i < 5 && imp_headers[c][i]; i++)
			if (!strcmp(n, imp_headers[c][i])) return c;
	return -1;
}

/* A number >= 0 (a trailing % allowed when pct): 0, or -1 when s is not a finite decimal number.
 * Negative numbers are returned as such; the caller decides. */
static int
imp_number(const char *s, int pct, double *v)
{
	size_t n = strlen(s);
	if (pct && n && s[n - 1] == '%') {
		n--;
		while (n && s[n - 1] == ' ') n--;
	}
	if (!n || n > 64) return -1;
	char tmp[65];
	for (size_t i = 0; i < n; i++) {
		if (!strchr("0123456789.eE+-", s[i])) return -1;   /* no hex, inf or nan */
		tmp[i] = s[i];
	}
	tmp[n] = 0;
	char *end;
	double d = strtod(tmp, &end);
	if (end != tmp + n || !isfinite(d)) return -1;
	*v = d + 0.0;                                          /* -0 becomes 0 */
	return 0;
}

/* Day number of "YYYY-MM-DD" or "YYYY/M/D" (month and day of one or two digits either way), or -1. */
static int
imp_date(const char *s)
{
	int f[3] = {0, 0, 0}, i = 0;
	char sep = 0;
	for (int k = 0; k < 3; k++) {
		int digits = 0;
		while (s[i] >= '0' && s[i] <= '9') {
			f[k] = f[k] * 10 + (s[i++] - '0');
			if (++digits > 4) return -1;
		}
		if (k == 0 ? digits != 4 : digits < 1 || digits > 2) return -1;
		if (k < 2) {
			if (k == 0) sep = s[i];
			if ((sep != '-' && sep != '/') || s[i] != sep) return -1;
			i++;
		}
	}
	if (s[i]) return -1;
	char iso[11];
	int y = f[0], m = f[1], d = f[2];
	iso[0] = (char)('0' + y / 1000);
	iso[1] = (char)('0' + y / 100 % 10);
	iso[2] = (char)('0' + y / 10 % 10);
	iso[3] = (char)('0' + y % 10);
	iso[4] = '-';
	iso[5] = (char)('0' + m / 10);
	iso[6] = (char)('0' + m % 10);
	iso[7] = '-';
	iso[8] = (char)('0' + d / 10);
	iso[9] = (char)('0' + d % 10);
	iso[10] = 0;
	return cal_day(iso);
}

/* "1.2.3" with numbers from 1, leading zeros dropped: the normalised number in a and its level
 * (dots), or NULL when malformed. */
static const char *
imp_wbs(struct arena *a, const char *s, int *level)
{
	size_t n = strlen(s);
	if (!n || n > 200) return NULL;
	char *out = arena_alloc(a, n + 1), *o = out;
	*level = 0;
	for (;;) {
		while (*s == '0') s++;                         /* leading zeros (and a bare 0) */
		const char *d = s;
		while (*s >= '0' && *s <= '9') *o++ = *s++;
		if (s == d || s - d > 9) return NULL;          /* empty, zero or absurd */
		if (!*s) break;
		if (*s != '.') return NULL;
		*o++ = *s++;
		++*level;
	}
	*o = 0;
	return out;
}

static unsigned
imp_hash(const char *s, size_t n)
{
	unsigned h = 2166136261u;
	for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* WBS number → task index: open addressing, size a power of two at least twice the rows. */
struct imp_map { const char **key; int *idx; unsigned mask; };

/* Slot of the key s[0..n) in m: its index >= 0 when found, else -1 - the free slot. */
static int
imp_map_find(const struct imp_map *m, const char *s, size_t n)
{
	unsigned i = imp_hash(s, n) & m->mask;
	while (m->key[i]) {
		if (!strncmp(m->key[i], s, n) && !m->key[i][n]) return (int)i;
		i = (i + 1) & m->mask;
	}
	return -1 - (int)i;
}

/* Leading indentation of s: TABs and U+3000 in units, ASCII spaces counted; returns the rest. */
static const char *
imp_indent(const char *s, int *units, int *spaces)
{
	*units = *spaces = 0;
	for (;;) {
		if (*s == ' ') { ++*spaces; s++; }
		else if (*s == '\t') { ++*units; s++; }
		else if (imp_at(s, "\xE3\x80\x80")) { ++*units; s += 3; }
		else return s;
	}
}

static const char *
imp_cell(const struct csvin_row *r, int i)
{
	return i < r->ncells ? r->cells[i] : "";
}

/* 1 when every cell of r is empty or spaces. */
static int
imp_row_empty(const struct csvin_row *r)
{
	for (int i = 0; i < r->ncells; i++) {
		const char *s = r->cells[i];
		size_t l;
		while ((l = imp_space(s))) s += l;
		if (*s) return 0;
	}
	return 1;
}

int
wbsimport_parse(struct arena *a, const struct csvin_table *t, wbsimport_owner_fn owner, void *owner_arg,
	   wbsimport_category_fn category, void *category_arg, struct wbsimport_task **tasks, int *ntasks,
	   struct wbsimport_problem **problems, int *nproblems)
{
	struct imp st = { a, NULL, 0, 0 };
	*tasks = NULL;
	*ntasks = 0;
	if (t->nrows < 1) {
		wbsimport_problem(&st, 1, "", "import.error.no_name_column", "");
		goto done;
	}

	/* The header: which column is what; unknown, duplicate and unnamed-but-used ones are problems. */
	const struct csvin_row *h = &t->rows[0];
	int ncol = h->ncells, col[C_N];
	for (int c = 0; c < C_N; c++) col[c] = -1;
	int *kind = arena_alloc(a, sizeof *kind * (size_t)(ncol + 1));
	const char **head = arena_alloc(a, sizeof *head * (size_t)(ncol + 1));
	for (int i = 0; i < ncol; i++) {
		head[i] = imp_trim(a, h->cells[i]);
		kind[i] = -1;
		if (!*head[i]) {
			int used = 0;
			for (int r = 1; r < t->nrows && !used; r++)
				used = *imp_trim(a, imp_cell(&t->rows[r], i)) != 0;
			if (used) wbsimport_problem(&st, h->line, "", "import.error.header", "");
			continue;
		}
		int c = imp_header(head[i]);
		if (c < 0 || col[c] >= 0) {
			wbsimport_problem(&st, h->line, head[i], "import.error.header", head[i]);
			continue;
		}
		col[c] = i;
		kind[i] = c;
	}
	if (col[C_NAME] < 0)
		wbsimport_problem(&st, h->line, "", "import.error.no_name_column", "");
	int wbs_mode = col[C_WBS] >= 0;

	/* Without a WBS column: the indent unit (smallest run of spaces) and the smallest level. */
	int unit = 0, min_level = 0;
	if (!wbs_mode && col[C_NAME] >= 0) {
		int units, spaces;
		for (int r = 1; r < t->nrows; r++) {
			const char *rest = imp_indent(imp_cell(&t->rows[r], col[C_NAME]), &units, &spaces);
			if (*imp_trim(a, rest) && spaces && (!unit || spaces < unit)) unit = spaces;
		}
		min_level = -1;
		for (int r = 1; r < t->nrows; r++) {
			const char *rest = imp_indent(imp_cell(&t->rows[r], col[C_NAME]), &units, &spaces);
			int level = units + (unit ? spaces / unit : 0);
			if (*imp_trim(a, rest) && (min_level < 0 || level < min_level)) min_level = level;
		}
		if (min_level < 0) min_level = 0;
	}

	struct wbsimport_task *out = arena_alloc(a, sizeof *out * (size_t)t->nrows);
	struct imp_map map = {0};
	unsigned size = 16;
	while (size < 2u * (unsigned)t->nrows) size *= 2;
	map.key = arena_alloc(a, sizeof *map.key * size);
	map.idx = arena_alloc(a, sizeof *map.idx * size);
	map.mask = size - 1;
	int *stack = arena_alloc(a, sizeof *stack * (size_t)(t->nrows + 1));
	int n = 0, prev_level = -1;

	for (int r = 1; r < t->nrows; r++) {
		const struct csvin_row *row = &t->rows[r];
		if (imp_row_empty(row)) continue;
		int line = row->line;
		for (int i = ncol; i < row->ncells; i++) {    /* cells right of the last header */
			const char *v = imp_trim(a, row->cells[i]);
			if (*v) wbsimport_problem(&st, line, "", "import.error.header", v);
		}
		struct wbsimport_task *k = &out[n];
		*k = (struct wbsimport_task){ .row = line, .parent = -1, .level = 0, .name = "", .description = "",
					.owner = NULL, .status = "not_started", .category = "", .predecessors = "",
					.start = -1, .finish = -1, .priority = 3 };
		int pct_given = 0;
		for (int i = 0; i < ncol; i++) {
			if (kind[i] < 0) continue;
			const char *raw = imp_cell(row, i), *v = imp_trim(a, raw), *cn = head[i];
			if (kind[i] != C_NAME && text_chars(v) > IMP_CELL_MAX) {
				wbsimport_problem(&st, line, cn, "import.error.too_long", v);
				continue;
			}
			switch (kind[i]) {
			case C_WBS: {
				int level;
				const char *w = imp_wbs(a, v, &level);
				if (!w) { wbsimport_problem(&st, line, cn, "import.error.wbs", v); break; }
				k->level = level;
				size_t wl = strlen(w);
				int slot = imp_map_find(&map, w, wl);
				if (slot >= 0) { wbsimport_problem(&st, line, cn, "import.error.wbs_duplicate", v); break; }
				map.key[-1 - slot] = w;
				map.idx[-1 - slot] = n;
				if (level) {
					const char *dot = strrchr(w, '.');
					int ps = imp_map_find(&map, w, (size_t)(dot - w));
					if (ps < 0) wbsimport_problem(&st, line, cn, "import.error.wbs_parent", v);
					else k->parent = map.idx[ps];
				}
				break;
			}
			case C_NAME: {
				int units = 0, spaces = 0;
				const char *rest = wbs_mode ? raw : imp_indent(raw, &units, &spaces);
				k->name = imp_trim(a, rest);
				if (!*k->name) { wbsimport_problem(&st, line, cn, "import.error.name", v); break; }
				if (text_chars(k->name) > IMP_NAME_MAX)
					wbsimport_problem(&st, line, cn, "import.error.too_long", k->name);
				if (wbs_mode) break;
				/* A jump of more than one level is one problem: the row becomes a child of
				 * the row above, and stands for every level it skipped, so that the rows
				 * indented under it keep their parents and make no problems of their own. */
				int level = units + (unit ? spaces / unit : 0) - min_level;
				if (level > prev_level + 1) {
					wbsimport_problem(&st, line, cn, "import.error.indent", raw);
					k->parent = prev_level >= 0 ? stack[prev_level] : -1;
					for (int l = prev_level + 1; l <= level; l++) stack[l] = n;
				} else {
					k->parent = level ? stack[level - 1] : -1;
					stack[level] = n;
				}
				k->level = k->parent >= 0 ? out[k->parent].level + 1 : 0;
				prev_level = level;
				break;
			}
			case C_OWNER:
				if (!*v) break;
				k->owner = arena_strdup(a, owner ? owner(owner_arg, v) : NULL);
				if (!k->owner) wbsimport_problem(&st, line, cn, "import.error.owner", v);
				break;
			case C_ESTIMATE:
			case C_DURATION: {
				double d = 0;
				if (*v && (imp_number(v, 0, &d) || d < 0)) {
					wbsimport_problem(&st, line, cn, "import.error.number", v);
					d = 0;
				}
				if (kind[i] == C_ESTIMATE) k->estimate = d;
				else k->duration = d;
				break;
			}
			case C_START:
			case C_FINISH: {
				int day = -1;
				if (*v && (day = imp_date(v)) < 0) wbsimport_problem(&st, line, cn, "import.error.date", v);
				if (kind[i] == C_START) k->start = day;
				else k->finish = day;
				break;
			}
			case C_PRIORITY: {
				const char *p = v + (*v == 'P' || *v == 'p');
				if (!*v) break;
				if (p[0] >= '1' && p[0] <= '4' && !p[1]) k->priority = p[0] - '0';
				else wbsimport_problem(&st, line, cn, "import.error.priority", v);
				break;
			}
			case C_STATUS: {
				if (!*v) break;
				int found = 0;
				for (size_t s = 0; s < sizeof imp_statuses / sizeof *imp_statuses && !found; s++)
					for (int j = 0; j < 5 && imp_statuses[s][j] && !found; j++)
						if (imp_same(v, imp_statuses[s][j])) { k->status = imp_statuses[s][0]; found = 1; }
				if (!found) wbsimport_problem(&st, line, cn, "import.error.status", v);
				break;
			}
			case C_MILESTONE: {
				static const char *const yes[] = { "yes", "y", "1", "true", "是" };
				static const char *const no[] = { "no", "n", "0", "false", "否" };
				if (!*v) break;
				int found = 0;
				for (int j = 0; j < 5; j++) {
					if (imp_same(v, yes[j])) { k->milestone = 1; found = 1; }
					if (imp_same(v, no[j])) found = 1;
				}
				if (!found) wbsimport_problem(&st, line, cn, "import.error.milestone", v);
				break;
			}
			case C_PERCENT: {
				if (!*v) break;
				double d;
				if (imp_number(v, 1, &d)) wbsimport_problem(&st, line, cn, "import.error.number", v);
				else if (d < 0 || d > 100) wbsimport_problem(&st, line, cn, "import.error.percent", v);
				else { k->percent = d; pct_given = 1; }
				break;
			}
			case C_CATEGORY:
				if (!*v) break;
				k->category = arena_strdup(a, category ? category(category_arg, v) : NULL);
				if (!k->category) {
					wbsimport_problem(&st, line, cn, "import.error.category", v);
					k->category = "";
				}
				break;
			case C_PREDECESSORS:
				k->predecessors = v;
				break;
			case C_DESCRIPTION:
				k->description = v;
				break;
			}
		}
		if (k->start >= 0 && k->finish >= 0 && k->finish < k->start)
			wbsimport_problem(&st, line, head[col[C_FINISH]], "import.error.date_order",
				    imp_trim(a, imp_cell(row, col[C_FINISH])));
		if (!pct_given && !strcmp(k->status, "done")) k->percent = 100;
		n++;
	}
	*tasks = out;
	*ntasks = n;
done:
	*problems = st.p;
	*nproblems = st.np;
	return st.np;
}
