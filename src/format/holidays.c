/* holidays.c — holiday tables from iCalendar or CSV (see holidays.h). Both readers expand into
 * single days, then sort, merge duplicates and refuse a day that is both off and working. */
#include "format/holidays.h"
#include "engine/cal.h"
#include "format/csvin.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct list { struct holiday *h; int n, cap; struct arena *a; };

static void
add(struct list *l, int day, int off, const char *name)
{
	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 64;
		struct holiday *h = arena_alloc(l->a, sizeof *h * (size_t)cap);
		if (l->n) memcpy(h, l->h, sizeof *h * (size_t)l->n);
		l->h = h;
		l->cap = cap;
	}
	l->h[l->n++] = (struct holiday){ day, off, name };
}

static int
by_day(const void *a, const void *b)
{
	const struct holiday *x = a, *y = b;
	return (x->day > y->day) - (x->day < y->day);
}

static int
finish(struct list *l, struct holiday **out, const char **err)
{
	if (!l->n) {
		*out = l->h;
		return 0;
	}
	qsort(l->h, (size_t)l->n, sizeof *l->h, by_day);
	int j = 0;
	for (int i = 0; i < l->n; i++) {
		if (j && l->h[j - 1].day == l->h[i].day) {
			if (l->h[j - 1].off != l->h[i].off) { *err = "holidays.error.conflict"; return -1; }
			continue;
		}
		l->h[j++] = l->h[i];
	}
	*out = l->h;
	return j;
}

/* "20260101" → day number, -1 when not a date. */
static int
basic_date(const char *s)
{
	char iso[11];
	if (strlen(s) < 8 || strspn(s, "0123456789") < 8) return -1;
	memcpy(iso, s, 4);
	iso[4] = '-';
	memcpy(iso + 5, s + 4, 2);
	iso[7] = '-';
	memcpy(iso + 8, s + 6, 2);
	iso[10] = 0;
	return cal_day(iso);
}

static int
working_summary(const char *s)
{
	return strstr(s, "上班") || strstr(s, "补班") || strstr(s, "调休上班") || strcasestr(s, "work");
}

int
holidays_ics(struct arena *a, const char *data, size_t len, struct holiday **out, const char **err, int *line)
{
	struct list l = { .a = a };
	/* unfold: a line starting with a space or TAB continues the previous one */
	char *text = arena_alloc(a, len + 1);
	size_t n = 0;
	int *lines = arena_alloc(a, sizeof *lines * (len + 1)), ln = 1, nl = 0;
	int *starts = lines;
	starts[nl++] = 1;
	for (size_t i = 0; i < len; i++) {
		char c = data[i];
		if (c == '\r') continue;
		if (c == '\n') {
			ln++;
			if (i + 1 < len && (data[i + 1] == ' ' || data[i + 1] == '\t')) { i++; continue; }
			text[n++] = '\n';
			starts[nl++] = ln;
			continue;
		}
		text[n++] = c;
	}
	text[n] = 0;
	if (strncmp(text, "BEGIN:VCALENDAR", 15)) { *err = "holidays.error.format"; *line = 1; return -1; }
	int in_event = 0, start = -1, end = -1, cur = 0;
	const char *summary = "";
	for (char *p = text, *next; *p; p = next, cur++) {
		next = strchr(p, '\n');
		if (next) *next++ = 0;
		else next = p + strlen(p);
		*line = cur < nl ? starts[cur] : ln;
		if (!strcmp(p, "BEGIN:VEVENT")) { in_event = 1; start = end = -1; summary = ""; continue; }
		if (!in_event) continue;
		if (!strcmp(p, "END:VEVENT")) {
			if (start < 0) { *err = "holidays.error.date"; return -1; }
			if (end < 0) end = start + 1;
			if (end <= start || end - start > 60) { *err = "holidays.error.range"; return -1; }
			int off = !working_summary(summary);
			for (int d = start; d < end; d++) add(&l, d, off, summary);
			in_event = 0;
			continue;
		}
		char *colon = strchr(p, ':');
		if (!colon) continue;
		if (!strncmp(p, "SUMMARY", 7) && (p[7] == ':' || p[7] == ';')) summary = arena_strdup(a, colon + 1);
		else if (!strncmp(p, "DTSTART", 7) && (p[7] == ':' || p[7] == ';')) {
			if ((start = basic_date(colon + 1)) < 0) { *err = "holidays.error.date"; return -1; }
		} else if (!strncmp(p, "DTEND", 5) && (p[5] == ':' || p[5] == ';')) {
			if ((end = basic_date(colon + 1)) < 0) { *err = "holidays.error.date"; return -1; }
		}
	}
	return finish(&l, out, err);
}

static int
off_value(const char *s)
{
	static const char *const off[] = { "1", "true", "yes", "off", "休", "假", "休息", "放假", NULL };
	static const char *const on[] = { "0", "false", "no", "work", "班", "上班", "补班", "调休上班", NULL };
	for (int i = 0; off[i]; i++) if (!strcasecmp(s, off[i])) return 1;
	for (int i = 0; on[i]; i++) if (!strcasecmp(s, on[i])) return 0;
	return -1;
}

int
holidays_csv(struct arena *a, const char *data, size_t len, struct holiday **out, const char **err, int *line)
{
	struct csvin_table t;
	int col;
	if (csvin_read(a, data, len, 5000, &t, line, &col, err)) return -1;
	struct list l = { .a = a };
	for (int r = 1; r < t.nrows; r++) {
		const struct csvin_row *row = &t.rows[r];
		*line = row->line;
		if (row->ncells < 2) { *err = "holidays.error.format"; return -1; }
		char iso[11];
		const char *ds = row->cells[0];
		int d = -1;
		if (strlen(ds) == 10) {
			memcpy(iso, ds, 11);
			if (iso[4] == '/') iso[4] = '-';
			if (iso[7] == '/') iso[7] = '-';
			d = cal_day(iso);
		}
		if (d < 0) { *err = "holidays.error.date"; return -1; }
		int off = off_value(row->cells[1]);
		if (off < 0) { *err = "holidays.error.format"; return -1; }
		add(&l, d, off, row->ncells > 2 ? row->cells[2] : "");
	}
	return finish(&l, out, err);
}
