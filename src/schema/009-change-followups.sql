-- 009-change-followups: follow-up tasks of a post-implementation review (ISO/IEC 20000-1 8.5.1.3:
-- the review's actions are tracked to completion). A follow-up is a real task of a project,
-- created while the change is in review; this table links it to the change. Audited as
-- change.followup on the change (and task.create on the task).
CREATE TABLE change_followups (
  change_id  INTEGER NOT NULL REFERENCES changes(id),
  task_id    INTEGER NOT NULL UNIQUE REFERENCES tasks(id),
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (change_id, task_id)
) WITHOUT ROWID;
