-- 006-milestone-history: the history of each milestone's scheduled date, for the milestone trend
-- chart. A row (task_id, day) holds the milestone's planned finish as of that local day; a day on
-- which no milestone date changed stores nothing, so a milestone's date on any day is the row with
-- the latest day not after it. Written by trend_record() (src/trend.c) in the transaction of every
-- write that recomputes a project; a deleted task takes its rows with it.
CREATE TABLE milestone_history (
  task_id    INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  day        TEXT NOT NULL CHECK (length(day) = 10),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  finish     TEXT NOT NULL CHECK (length(finish) = 10),
  PRIMARY KEY (task_id, day)
) WITHOUT ROWID;
CREATE INDEX milestone_history_project ON milestone_history (project_id, day);

-- What an existing database already knows: each dated milestone of a project (not a template)
-- had its present date at least since the day it was last edited.
INSERT INTO milestone_history (task_id, day, project_id, finish)
  SELECT t.id, substr(t.updated_at, 1, 10), t.project_id, t.planned_finish
  FROM tasks t JOIN projects p ON p.id = t.project_id
  WHERE t.milestone = 1 AND t.planned_finish IS NOT NULL AND p.is_template = 0
    AND length(t.updated_at) >= 10;
