/* risk.h — the change risk questionnaire (pure, no I/O): six fixed questions answered 1..4
 * (1 always the least risky answer), three about the impact of the change and three about the
 * likelihood that it goes wrong.
 *
 *   impact     = the highest answer of the impact questions (services, users, outage): the worst
 *                consequence decides, one critical service is enough;
 *   likelihood = the mean of the likelihood questions (tested, backout, done_before), rounded up;
 *   score      = impact × likelihood (1..16; possible values 1 2 3 4 6 8 9 12 16);
 *   level      = low (score 1–3), medium (4–6), high (8–9), very_high (12–16).
 *
 * Question codes are wire values (form fields risk_CODE, change_risk_answers.question); their
 * texts and answer labels are the catalog keys chg.risk.q.CODE and chg.risk.q.CODE.N. */
#ifndef OPSPLAN_RISK_H
#define OPSPLAN_RISK_H

enum { RISK_NQ = 6, RISK_LOW_MAX = 3, RISK_MEDIUM_MAX = 6, RISK_HIGH_MAX = 9 };

struct risk_question {
	const char *code;
	int impact;            /* 1: an impact question; 0: a likelihood question */
};
/* In questionnaire order: services users outage tested backout done_before. */
extern const struct risk_question risk_questions[RISK_NQ];

struct risk_result { int impact, likelihood, score; const char *level; };

/* The index of question code, -1 when unknown. */
int risk_index(const char *code);
/* The level of a score (1..16): "low" "medium" "high" "very_high"; NULL outside 1..16. */
const char *risk_level_of(int score);
/* Assesses answers (in risk_questions order): 0 with out filled, or i + 1 when answers[i] is
 * not 1..4 (out untouched). */
int risk_assess(const int answers[RISK_NQ], struct risk_result *out);
#endif
