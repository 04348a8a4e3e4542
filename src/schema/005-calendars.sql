-- 005-calendars: working calendars with working weekdays and hours (a lunch break is the gap
-- between two periods), per-project calendars, per-person leave, task date constraints and the
-- whole schedule of every scheduled task.
--
-- Calendar 1 is the global calendar: its weekdays and hours are here, its exceptions stay in
-- calendar_days (002). Any other calendar is a project calendar: its own weekdays and hours, the
-- global exceptions, and its own exceptions in calendar_exceptions, which win on the same day.
CREATE TABLE calendars (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
  -- working weekdays, digits 1 (Monday) .. 7 (Sunday) in order, at least one
  weekdays   TEXT NOT NULL DEFAULT '12345' CHECK (length(weekdays) BETWEEN 1 AND 7 AND weekdays NOT GLOB '*[^1-7]*'),
  -- working periods "HH:MM-HH:MM[,HH:MM-HH:MM…]", ascending and not overlapping (checked in calendar.c)
  hours      TEXT NOT NULL DEFAULT '09:00-12:00,13:00-18:00' CHECK (length(hours) BETWEEN 11 AND 64),
  created_at TEXT NOT NULL DEFAULT ''
);
INSERT INTO calendars (id, name) VALUES (1, 'standard');
CREATE TRIGGER calendars_keep_global BEFORE DELETE ON calendars WHEN old.id = 1
  BEGIN SELECT RAISE(ABORT, 'the global calendar cannot be deleted'); END;

CREATE TABLE calendar_exceptions (
  calendar_id INTEGER NOT NULL REFERENCES calendars(id),
  day         TEXT NOT NULL CHECK (length(day) = 10),
  off         INTEGER NOT NULL CHECK (off IN (0, 1)),
  name        TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (calendar_id, day)
) WITHOUT ROWID;

ALTER TABLE projects ADD COLUMN calendar_id INTEGER REFERENCES calendars(id);   -- NULL: the global calendar

-- A person's days off (leave, training, on call elsewhere): the tasks they own are not worked then.
CREATE TABLE user_leave (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  start_day  TEXT NOT NULL CHECK (length(start_day) = 10),
  end_day    TEXT NOT NULL CHECK (length(end_day) = 10 AND end_day >= start_day),
  note       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX user_leave_user ON user_leave (user_id, start_day);

-- Date constraints: SNET start no earlier than, FNLT finish no later than (a deadline: flagged
-- when missed, never moved), MSO must start on (fixed start, e.g. a night change window).
ALTER TABLE tasks ADD COLUMN constraint_type TEXT NOT NULL DEFAULT 'ASAP'
  CHECK (constraint_type IN ('ASAP', 'SNET', 'FNLT', 'MSO'));
ALTER TABLE tasks ADD COLUMN constraint_date TEXT;
-- Schedule results of scheduled tasks (linked or constrained; NULL otherwise): floats in working
-- days, early/late dates as local 'YYYY-MM-DDTHH:MM' on the project's calendar, the deadline flag.
ALTER TABLE tasks ADD COLUMN free_float REAL;
ALTER TABLE tasks ADD COLUMN early_start TEXT;
ALTER TABLE tasks ADD COLUMN early_finish TEXT;
ALTER TABLE tasks ADD COLUMN late_start TEXT;
ALTER TABLE tasks ADD COLUMN late_finish TEXT;
ALTER TABLE tasks ADD COLUMN deadline_missed INTEGER NOT NULL DEFAULT 0 CHECK (deadline_missed IN (0, 1));
