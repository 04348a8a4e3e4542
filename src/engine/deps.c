/* deps.c — reading and writing MS Project link notation (see deps.h). Lags are stored in
 * minutes; the canonical text uses the largest unit that divides the lag exactly. */
#include "engine/deps.h"
#include <stdio.h>
#include <string.h>

static const char *
skip(const char *p)
{
	for (;;) {
		if (*p == ' ' || *p == '\t') p++;
		else if (!strncmp(p, "\xE3\x80\x80", 3)) p += 3;    /* U+3000 ideographic space */
		else return p;
	}
}

/* A separator at p: ; , or the full-width ；(U+FF1B) ，(U+FF0C); its length, 0 when none. */
static int
separator(const char *p)
{
	if (*p == ';' || *p == ',') return 1;
	if (!strncmp(p, "\xEF\xBC\x9B", 3) || !strncmp(p, "\xEF\xBC\x8C", 3)) return 3;
	return 0;
}

static int
upper(int c)
{
	return c >= 'a' && c <= 'z' ? c - 32 : c;
}

int
deps_parse(struct arena *a, const char *text, int minutes_per_day, struct dep **deps, const char **err, int *pos)
{
	int cap = 8, n = 0;
	struct dep *d = arena_alloc(a, sizeof *d * (size_t)cap);
	const char *p = skip(text);
	*deps = d;
	while (*p) {
		const char *item = p;
		*pos = (int)(item - text);
		/* reference: digits and dots, not starting or ending with a dot, no ".." */
		const char *r = p;
		while ((*p >= '0' && *p <= '9') || *p == '.') p++;
		size_t rl = (size_t)(p - r);
		if (!rl || r[0] == '.' || r[rl - 1] == '.' || memmem(r, rl, "..", 2) || rl > 60) {
			*err = "deps.error.syntax";
			return -1;
		}
		struct dep x = { arena_strndup(a, r, rl), DEP_FS, 0, 0 };
		p = skip(p);
		static const char *const types[] = { "FS", "SS", "FF", "SF" };
		for (int t = 0; t < 4; t++)
			if (upper(p[0]) == types[t][0] && upper(p[1]) == types[t][1]) {
				x.type = (enum dep_type)t;
				p = skip(p + 2);
				break;
			}
		if (*p == '+' || *p == '-') {
			int neg = *p == '-';
			p = skip(p + 1);
			if (!(*p >= '0' && *p <= '9')) { *err = "deps.error.lag"; return -1; }
			double v = 0, scale = 0;
			for (; (*p >= '0' && *p <= '9') || *p == '.'; p++) {
				if (*p == '.') { if (scale) { *err = "deps.error.lag"; return -1; } scale = 1; continue; }
				if (scale) { scale /= 10; v += (*p - '0') * scale; }
				else v = v * 10 + (*p - '0');
				if (v > 1e6) { *err = "deps.error.lag"; return -1; }
			}
			p = skip(p);
			if (*p == 'e' || *p == 'E') { x.elapsed = 1; p++; }
			long unit = minutes_per_day;
			switch (*p) {
			case 'd': case 'D': p++; break;
			case 'h': case 'H': unit = 60; p++; break;
			case 'w': case 'W': unit = 5L * minutes_per_day; p++; break;
			case 'm': case 'M': unit = 1; p++; break;
			default:
				if (x.elapsed || (*p && !separator(p) && *p != ' ')) { *err = "deps.error.unit"; return -1; }
			}
			if (x.elapsed && unit != 1 && unit != 60) unit = unit == minutes_per_day ? 1440 : 7 * 1440;
			x.lag_minutes = (long)(v * (double)unit + 0.5) * (neg ? -1 : 1);
			p = skip(p);
		}
		int sl = separator(p);
		if (*p && !sl) { *err = "deps.error.syntax"; return -1; }
		for (int i = 0; i < n; i++)
			if (!strcmp(d[i].ref, x.ref)) { *err = "deps.error.duplicate"; return -1; }
		if (n == cap) {
			struct dep *nd = arena_alloc(a, sizeof *nd * (size_t)cap * 2);
			memcpy(nd, d, sizeof *d * (size_t)n);
			d = nd;
			cap *= 2;
			*deps = d;
		}
		d[n++] = x;
		p = skip(p + sl);
	}
	return n;
}

void
deps_format(const struct dep *deps, int n, int minutes_per_day, struct buf *out)
{
	static const char *const types[] = { "FS", "SS", "FF", "SF" };
	for (int i = 0; i < n; i++) {
		const struct dep *d = &deps[i];
		if (i) buf_addc(out, ';');
		buf_adds(out, d->ref);
		if (d->type != DEP_FS || d->lag_minutes) buf_adds(out, types[d->type]);
		if (!d->lag_minutes) continue;
		long m = d->lag_minutes < 0 ? -d->lag_minutes : d->lag_minutes;
		const char *e = d->elapsed ? "e" : "";
		long day = d->elapsed ? 1440 : minutes_per_day;
		buf_addc(out, d->lag_minutes < 0 ? '-' : '+');
		if (m % (5 * day) == 0 && !d->elapsed) buf_addf(out, "%ldw", m / (5 * day));
		else if (m % day == 0) buf_addf(out, "%ld%sd", m / day, e);
		else if (m % 60 == 0) buf_addf(out, "%ld%sh", m / 60, e);
		else buf_addf(out, "%ld%sm", m, e);
	}
}
