-- 004-links: task links (FS/SS/FF/SF with a lag) for the critical path, the start a user entered
-- (kept apart from the scheduled planned_start, so a task can move earlier again), and the
-- schedule's results for linked tasks.
CREATE TABLE dependencies (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES projects(id),
  pred_id     INTEGER NOT NULL REFERENCES tasks(id),
  succ_id     INTEGER NOT NULL REFERENCES tasks(id),
  type        TEXT NOT NULL CHECK (type IN ('FS', 'SS', 'FF', 'SF')),
  lag_minutes INTEGER NOT NULL DEFAULT 0,
  lag_elapsed INTEGER NOT NULL DEFAULT 0 CHECK (lag_elapsed IN (0, 1)),
  UNIQUE (pred_id, succ_id),
  CHECK (pred_id <> succ_id)
);
CREATE INDEX dependencies_project ON dependencies (project_id);
CREATE INDEX dependencies_succ ON dependencies (succ_id);

ALTER TABLE tasks ADD COLUMN entered_start TEXT;            -- start no earlier than (as entered)
ALTER TABLE tasks ADD COLUMN total_float INTEGER;           -- working days; NULL when not linked
ALTER TABLE tasks ADD COLUMN critical INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tasks ADD COLUMN driving_pred INTEGER REFERENCES tasks(id);
UPDATE tasks SET entered_start = planned_start;

-- Baselines: named, immutable snapshots of a project's plan to compare the schedule with.
CREATE TABLE baselines (
  id         INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id),
  name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (project_id, name)
);
CREATE TABLE baseline_tasks (
  baseline_id    INTEGER NOT NULL REFERENCES baselines(id),
  task_id        INTEGER NOT NULL,         -- no foreign key: a baseline outlives deleted tasks
  wbs            TEXT NOT NULL,
  name           TEXT NOT NULL,
  planned_start  TEXT,
  planned_finish TEXT,
  duration_days  REAL NOT NULL,
  estimate_hours REAL NOT NULL,
  PRIMARY KEY (baseline_id, task_id)
) WITHOUT ROWID;
CREATE TRIGGER baselines_immutable BEFORE UPDATE ON baselines
  BEGIN SELECT RAISE(ABORT, 'baselines are immutable'); END;
CREATE TRIGGER baselines_no_delete BEFORE DELETE ON baselines
  BEGIN SELECT RAISE(ABORT, 'baselines are immutable'); END;
CREATE TRIGGER baseline_tasks_immutable BEFORE UPDATE ON baseline_tasks
  BEGIN SELECT RAISE(ABORT, 'baselines are immutable'); END;
CREATE TRIGGER baseline_tasks_no_delete BEFORE DELETE ON baseline_tasks
  BEGIN SELECT RAISE(ABORT, 'baselines are immutable'); END;
ALTER TABLE tasks ADD COLUMN ext_uid INTEGER;            -- the UID a task had in an imported MSPDI file
