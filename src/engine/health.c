/* health.c — the dashboard's arithmetic (see health.h). Working time is whole working days of the
 * calendar's working hours (cal_minutes_per_day: 8 h by default). */
#include "engine/health.h"
#include <math.h>
#include <stddef.h>

int
health_overdue(int due, int today)
{
	return due >= 0 && due < today;
}

int
health_at_risk(const struct calendar *c, int finish, double remaining, int today)
{
	return finish >= today && remaining > cal_minutes_per_day(c) / 60.0 * cal_workdays_between(c, today, finish + 1);
}

void
health_init(struct health *h, const struct calendar *c, int today, int planned_finish)
{
	*h = (struct health){ .cal = c, .today = today, .planned_finish = planned_finish, .forecast = -1,
			      .next_ms_finish = -1, .state = "on_track" };
}

void
health_add(struct health *h, const struct health_task *t)
{
	const struct calendar *c = h->cal;
	h->tasks++;
	double w = t->estimate > 0 ? t->estimate : 0;
	h->est += w;
	h->done += w * t->percent / 100;
	h->pct_sum += t->percent;
	/* planned: the share of the task's working days that lie before the end of today */
	double frac = 0;
	if (t->start >= 0 && t->finish >= t->start) {
		int len = cal_workdays_between(c, t->start, t->finish + 1);
		int gone = cal_workdays_between(c, t->start, h->today + 1);
		frac = len <= 0 ? (h->today >= t->finish) : gone <= 0 ? 0 : gone >= len ? 1 : (double)gone / len;
	} else if (t->finish >= 0) {
		frac = h->today >= t->finish;
	}
	h->planned += (t->estimate > 0 ? w : 0) * frac;
	int end;
	if (!t->open) {
		end = t->actual_finish >= 0 ? t->actual_finish : t->finish;
	} else {
		int days = (int)ceil(t->remaining / (cal_minutes_per_day(c) / 60.0));
		int from = t->start > h->today ? t->start : h->today;
		end = days > 0 ? cal_finish(c, from, days) : from;
		if (t->finish > end) end = t->finish;
		if (health_overdue(t->due, h->today)) h->overdue++;
		else if (health_at_risk(c, t->finish, t->remaining, h->today)) h->at_risk++;
		if (t->milestone && t->finish >= 0 &&
		    (h->next_ms_finish < 0 || t->finish < h->next_ms_finish)) {
			h->next_ms_finish = t->finish;
			h->next_ms_id = t->id;
			h->next_ms_name = t->name;
		}
	}
	if (end > h->forecast) h->forecast = end;
}

void
health_finish(struct health *h)
{
	const struct calendar *c = h->cal;
	h->percent = h->est > 0 ? 100 * h->done / h->est : h->tasks ? h->pct_sum / h->tasks : 0;
	h->planned_percent = h->est > 0 ? 100 * h->planned / h->est : 0;
	if (h->forecast < 0) h->forecast = h->planned_finish;
	if (h->planned_finish < 0) h->deviation = 0;
	else if (h->forecast > h->planned_finish)
		h->deviation = cal_workdays_between(c, h->planned_finish + 1, h->forecast + 1);
	else
		h->deviation = -cal_workdays_between(c, h->forecast + 1, h->planned_finish + 1);
	if (h->deviation > 0) h->state = "late";
	else if (h->overdue || h->at_risk || h->planned_percent - h->percent > 15) h->state = "at_risk";
	else h->state = "on_track";
}
