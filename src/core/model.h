/* model.h — what a model's write or load returns when it does not simply succeed, the same in
 * every wing, so each handler maps it the same way (ctx_model): a database error (busy, full,
 * broken: 503), the object's state forbids the step (409), the user may not (403), the input is
 * refused (400), no such object (404). A model returning a count or an id keeps 0/positive for
 * success and one of these for failure. */
#ifndef OPSPLAN_MODEL_H
#define OPSPLAN_MODEL_H

enum model_rc {
	MODEL_OK = 0,
	MODEL_DB = -1,
	MODEL_CONFLICT = -2,
	MODEL_FORBIDDEN = -3,
	MODEL_REFUSED = -4,
	MODEL_NOT_FOUND = -5,
};
#endif
