-- 002-projects: projects, members, the WBS task tree, progress updates, comments, editable lists,
-- the working calendar's exceptions, templates and recurring projects.

-- Editable lists: project categories, task categories and delay reasons. A code never changes
-- (it is what rows store); labels can be edited and an entry retired (active = 0).
CREATE TABLE lists (
  kind     TEXT NOT NULL CHECK (kind IN ('project_category', 'task_category', 'delay_reason')),
  code     TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 32),
  label_zh TEXT NOT NULL,
  label_en TEXT NOT NULL,
  sort     INTEGER NOT NULL DEFAULT 0,
  active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  PRIMARY KEY (kind, code)
) WITHOUT ROWID;
INSERT INTO lists (kind, code, label_zh, label_en, sort) VALUES
  ('project_category', 'migration', '迁移', 'Migration', 1),
  ('project_category', 'upgrade', '升级', 'Upgrade', 2),
  ('project_category', 'patching', '补丁', 'Patching', 3),
  ('project_category', 'inspection', '巡检', 'Inspection', 4),
  ('project_category', 'dc_move', '机房搬迁', 'Data-centre move', 5),
  ('project_category', 'incident_followup', '故障整改', 'Incident follow-up', 6),
  ('project_category', 'other', '其他', 'Other', 99),
  ('task_category', 'preparation', '准备', 'Preparation', 1),
  ('task_category', 'implementation', '实施', 'Implementation', 2),
  ('task_category', 'verification', '验证', 'Verification', 3),
  ('task_category', 'documentation', '文档', 'Documentation', 4),
  ('task_category', 'other', '其他', 'Other', 99),
  ('delay_reason', 'vendor', '等待厂商', 'Waiting on vendor', 1),
  ('delay_reason', 'window_missed', '错过变更窗口', 'Change window missed', 2),
  ('delay_reason', 'resource_conflict', '资源冲突', 'Resource conflict', 3),
  ('delay_reason', 'scope_change', '范围变更', 'Scope change', 4),
  ('delay_reason', 'technical', '技术问题', 'Technical problem', 5),
  ('delay_reason', 'approval_delay', '审批延误', 'Approval delay', 6),
  ('delay_reason', 'other', '其他', 'Other', 99);

-- Global working calendar exceptions: a holiday on a weekday (off = 1) or an adjusted working
-- day on a weekend (调休, off = 0). Mon–Fri are working days otherwise.
CREATE TABLE calendar_days (
  day  TEXT PRIMARY KEY CHECK (length(day) = 10),
  off  INTEGER NOT NULL CHECK (off IN (0, 1)),
  name TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE TABLE projects (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 2 AND 32),
  name           TEXT NOT NULL CHECK (length(name) >= 1),
  description    TEXT NOT NULL DEFAULT '',
  manager_id     INTEGER NOT NULL REFERENCES users(id),
  category       TEXT NOT NULL,
  planned_start  TEXT NOT NULL,
  planned_finish TEXT NOT NULL CHECK (planned_finish >= planned_start),
  status         TEXT NOT NULL DEFAULT 'planning'
                 CHECK (status IN ('planning', 'active', 'on_hold', 'done', 'cancelled')),
  is_template    INTEGER NOT NULL DEFAULT 0 CHECK (is_template IN (0, 1)),
  template_id    INTEGER REFERENCES projects(id),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  -- roll-up of the task tree, recomputed in the transaction of every write that changes it
  estimate_hours REAL NOT NULL DEFAULT 0,
  percent        REAL NOT NULL DEFAULT 0,
  task_count     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX projects_status ON projects (is_template, status);

CREATE TABLE project_members (
  project_id INTEGER NOT NULL REFERENCES projects(id),
  user_id    INTEGER NOT NULL REFERENCES users(id),
  role       TEXT NOT NULL CHECK (role IN ('manager', 'engineer', 'viewer')),
  PRIMARY KEY (project_id, user_id)
) WITHOUT ROWID;
CREATE INDEX project_members_user ON project_members (user_id);

CREATE TABLE tasks (
  id              INTEGER PRIMARY KEY,
  project_id      INTEGER NOT NULL REFERENCES projects(id),
  parent_id       INTEGER REFERENCES tasks(id),
  position        INTEGER NOT NULL,            -- order among siblings, 1..n
  wbs             TEXT NOT NULL DEFAULT '',    -- 1, 1.2, 1.2.3: derived, kept current
  depth           INTEGER NOT NULL DEFAULT 0,
  seq             INTEGER NOT NULL DEFAULT 0,  -- row order of the whole tree (pre-order)
  is_summary      INTEGER NOT NULL DEFAULT 0,
  name            TEXT NOT NULL CHECK (length(name) >= 1),
  description     TEXT NOT NULL DEFAULT '',
  owner_id        INTEGER REFERENCES users(id),
  estimate_hours  REAL NOT NULL DEFAULT 0 CHECK (estimate_hours >= 0),
  duration_days   REAL NOT NULL DEFAULT 0 CHECK (duration_days >= 0),
  planned_start   TEXT,
  planned_finish  TEXT,
  actual_start    TEXT,
  actual_finish   TEXT,
  priority        INTEGER NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 4),
  status          TEXT NOT NULL DEFAULT 'not_started'
                  CHECK (status IN ('not_started', 'in_progress', 'blocked', 'done', 'cancelled')),
  milestone       INTEGER NOT NULL DEFAULT 0 CHECK (milestone IN (0, 1)),
  percent         REAL NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
  remaining_hours REAL NOT NULL DEFAULT 0 CHECK (remaining_hours >= 0),
  category        TEXT NOT NULL DEFAULT '',
  predecessors    TEXT NOT NULL DEFAULT '',    -- MS Project notation, kept for the scheduling issue
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  CHECK (planned_finish IS NULL OR planned_start IS NULL OR planned_finish >= planned_start),
  CHECK (actual_finish IS NULL OR actual_start IS NULL OR actual_finish >= actual_start)
);
CREATE INDEX tasks_tree ON tasks (project_id, seq);
CREATE INDEX tasks_parent ON tasks (parent_id, position);
CREATE INDEX tasks_owner ON tasks (owner_id, status, planned_finish);

CREATE TABLE progress_updates (
  id              INTEGER PRIMARY KEY,
  task_id         INTEGER NOT NULL REFERENCES tasks(id),
  user_id         INTEGER NOT NULL REFERENCES users(id),
  at              TEXT NOT NULL,
  percent         REAL NOT NULL CHECK (percent BETWEEN 0 AND 100),
  hours_spent     REAL NOT NULL DEFAULT 0 CHECK (hours_spent >= 0),
  remaining_hours REAL NOT NULL CHECK (remaining_hours >= 0),
  status          TEXT NOT NULL,
  note            TEXT NOT NULL DEFAULT '',
  delay_reason    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX progress_task ON progress_updates (task_id, at);
CREATE INDEX progress_at ON progress_updates (at);

CREATE TABLE comments (
  id      INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES tasks(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  at      TEXT NOT NULL,
  body    TEXT NOT NULL CHECK (length(body) >= 1)
);
CREATE INDEX comments_task ON comments (task_id, at);

-- Recurring projects: a template instantiated by `opsplan cron` on a rule; one instance per
-- period, enforced by the UNIQUE key (a second run never creates it twice).
CREATE TABLE recurrences (
  id          INTEGER PRIMARY KEY,
  template_id INTEGER NOT NULL REFERENCES projects(id),
  rule        TEXT NOT NULL,        -- monthly-first-workday | monthly-day:N | weekly:1..7 | daily-workday
  code_prefix TEXT NOT NULL,
  name        TEXT NOT NULL,
  manager_id  INTEGER NOT NULL REFERENCES users(id),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  TEXT NOT NULL
);
CREATE TABLE recurrence_instances (
  recurrence_id INTEGER NOT NULL REFERENCES recurrences(id),
  period        TEXT NOT NULL,      -- the date the rule fired for
  project_id    INTEGER NOT NULL REFERENCES projects(id),
  PRIMARY KEY (recurrence_id, period)
) WITHOUT ROWID;
