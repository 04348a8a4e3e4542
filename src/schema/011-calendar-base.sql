-- 011-calendar-base: a project calendar's base, and the day a task was due.
--
-- base: what a project calendar lies over. 'china' (projects created here): the global calendar's
-- exceptions, China's public holidays and adjusted working days (calendar_days), under the
-- calendar's own exceptions; 'none' (a Microsoft Project plan's calendar): only its own weekdays,
-- hours and exceptions, exactly as the file had them. The global calendar (1) is China's.
ALTER TABLE calendars ADD COLUMN base TEXT NOT NULL DEFAULT 'china' CHECK (base IN ('china', 'none'));
CREATE TRIGGER calendars_global_base BEFORE UPDATE OF base ON calendars WHEN new.id = 1 AND new.base <> 'china'
  BEGIN SELECT RAISE(ABORT, 'the global calendar is China''s'); END;

-- due_finish: the day a task is due to finish, written by the schedule with its dates: its
-- planned finish, but for a started task the end of its duration from its actual start (the
-- schedule moves such a task's finish to the end of its remaining work, which must not hide that
-- it is late). Overdue means open with due_finish before today.
ALTER TABLE tasks ADD COLUMN due_finish TEXT;
UPDATE tasks SET due_finish = planned_finish;
