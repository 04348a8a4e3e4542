/* risk.c — the change risk questionnaire: impact × likelihood and the level (see risk.h). */
#include "engine/risk.h"
#include <string.h>

const struct risk_question risk_questions[RISK_NQ] = {
	{ "services", 1 },     /* none / one non-critical / several / a critical customer-facing one */
	{ "users", 1 },        /* none / a few internal / many internal / customers */
	{ "outage", 1 },       /* none / under 15 min / under 2 h / longer */
	{ "tested", 0 },       /* fully in a test environment / partly / barely / not */
	{ "backout", 0 },      /* back-out tested / documented / partial / none */
	{ "done_before", 0 },  /* routinely / a few times / once or similar / never */
};

int
risk_index(const char *code)
{
	for (int i = 0; code && i < RISK_NQ; i++)
		if (!strcmp(code, risk_questions[i].code)) return i;
	return -1;
}

const char *
risk_level_of(int score)
{
	if (score < 1 || score > 16) return NULL;
	if (score <= RISK_LOW_MAX) return "low";
	if (score <= RISK_MEDIUM_MAX) return "medium";
	if (score <= RISK_HIGH_MAX) return "high";
	return "very_high";
}

int
risk_assess(const int answers[RISK_NQ], struct risk_result *out)
{
	int impact = 0, lsum = 0, ln = 0;
	for (int i = 0; i < RISK_NQ; i++) {
		if (answers[i] < 1 || answers[i] > 4) return i + 1;
		if (risk_questions[i].impact) {
			if (answers[i] > impact) impact = answers[i];
		} else {
			lsum += answers[i];
			ln++;
		}
	}
	out->impact = impact;
	out->likelihood = (lsum + ln - 1) / ln;
	out->score = out->impact * out->likelihood;
	out->level = risk_level_of(out->score);
	return 0;
}
