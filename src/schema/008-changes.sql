-- 008-changes: requests for change (RFC) and their approval (ISO/IEC 20000-1 8.5.1; domain.md §1).
-- A change goes new → assess → authorize → scheduled → implement → review → closed, with the exits
-- rejected (from assess or authorize) and cancelled (before implement). Standard changes come from
-- a pre-approved standard change and skip assess and authorize; emergency changes skip assess and
-- need an emergency approver. Every state change is audited (entity "change", id the number).

-- Editable change categories (the lists table's kinds are fixed by a CHECK, so a table of its own).
CREATE TABLE change_categories (
  code     TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 32),
  label_zh TEXT NOT NULL,
  label_en TEXT NOT NULL,
  sort     INTEGER NOT NULL DEFAULT 0,
  active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) WITHOUT ROWID;
INSERT INTO change_categories (code, label_zh, label_en, sort) VALUES
  ('hardware', '硬件', 'Hardware', 1),
  ('os', '操作系统', 'Operating system', 2),
  ('database', '数据库', 'Database', 3),
  ('network', '网络', 'Network', 4),
  ('application', '应用发布', 'Application release', 5),
  ('security', '安全', 'Security', 6),
  ('facility', '机房设施', 'Facilities', 7),
  ('other', '其他', 'Other', 99);

-- A standard change: a pre-approved, documented procedure. Using one copies its plans into the RFC
-- and its risk level; the RFC then needs no authorisation. Approval of the procedure itself is
-- recorded here (who, when); retired ones stay for history.
CREATE TABLE standard_changes (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  code                TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 2 AND 32),
  name                TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  category            TEXT NOT NULL REFERENCES change_categories(code),
  description         TEXT NOT NULL DEFAULT '',
  implementation_plan TEXT NOT NULL DEFAULT '',
  test_plan           TEXT NOT NULL DEFAULT '',
  backout_plan        TEXT NOT NULL DEFAULT '',
  risk_level          TEXT NOT NULL DEFAULT 'low' CHECK (risk_level IN ('low', 'medium')),
  approved_by         INTEGER NOT NULL REFERENCES users(id),
  approved_at         TEXT NOT NULL,
  active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- The request for change. number is CHG-YYYY-NNNN (per year, from change_numbers). Times are local
-- 'YYYY-MM-DDTHH:MM' in the configured zone.
CREATE TABLE changes (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  number              TEXT NOT NULL UNIQUE,
  title               TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description         TEXT NOT NULL DEFAULT '',
  reason              TEXT NOT NULL DEFAULT '',            -- reason and benefit
  type                TEXT NOT NULL CHECK (type IN ('standard', 'normal', 'emergency')),
  standard_id         INTEGER REFERENCES standard_changes(id),
  category            TEXT NOT NULL REFERENCES change_categories(code),
  state               TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'assess', 'authorize', 'scheduled',
                        'implement', 'review', 'closed', 'rejected', 'cancelled')),
  close_code          TEXT CHECK (close_code IN ('successful', 'successful_with_issues', 'unsuccessful', 'rolled_back')),
  requester_id        INTEGER NOT NULL REFERENCES users(id),
  implementer_id      INTEGER REFERENCES users(id),
  project_id          INTEGER REFERENCES projects(id),
  -- risk: the questionnaire's answers are in change_risk_answers; score and level computed from them
  risk_score          INTEGER,
  risk_level          TEXT CHECK (risk_level IN ('low', 'medium', 'high', 'very_high')),
  -- impact on services, users, capacity, availability, continuity and security (8.5.1.3)
  impact_services     TEXT NOT NULL DEFAULT '',
  impact_users        TEXT NOT NULL DEFAULT '',
  impact_capacity     TEXT NOT NULL DEFAULT '',
  impact_availability TEXT NOT NULL DEFAULT '',
  impact_continuity   TEXT NOT NULL DEFAULT '',
  impact_security     TEXT NOT NULL DEFAULT '',
  implementation_plan TEXT NOT NULL DEFAULT '',
  test_plan           TEXT NOT NULL DEFAULT '',
  backout_plan        TEXT NOT NULL DEFAULT '',
  planned_start       TEXT CHECK (planned_start IS NULL OR length(planned_start) = 16),
  planned_end         TEXT CHECK (planned_end IS NULL OR (length(planned_end) = 16 AND planned_end > planned_start)),
  outage              INTEGER NOT NULL DEFAULT 0 CHECK (outage IN (0, 1)),
  -- execution and review
  actual_start        TEXT,
  actual_end          TEXT,
  verification_result TEXT NOT NULL DEFAULT '',
  rollback_at         TEXT,
  rollback_reason     TEXT NOT NULL DEFAULT '',
  rollback_result     TEXT NOT NULL DEFAULT '',
  review_due          TEXT,                                -- emergency: the post-implementation review is due by then
  review_outcome      TEXT NOT NULL DEFAULT '',
  review_lessons      TEXT NOT NULL DEFAULT '',
  reject_reason       TEXT NOT NULL DEFAULT '',
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  closed_at           TEXT,
  closed_by           INTEGER REFERENCES users(id),
  CHECK (type <> 'standard' OR standard_id IS NOT NULL)
);
CREATE INDEX changes_state ON changes (state, planned_start);
CREATE INDEX changes_requester ON changes (requester_id);
CREATE INDEX changes_window ON changes (planned_start, planned_end);

-- The last number given out per year: CHG-2026-0042 is (2026, 42).
CREATE TABLE change_numbers (
  year INTEGER PRIMARY KEY,
  last INTEGER NOT NULL
);

-- The CIs (and through them the services) a change touches; a CI's history is every change here.
CREATE TABLE change_cis (
  change_id INTEGER NOT NULL REFERENCES changes(id),
  ci_id     INTEGER NOT NULL REFERENCES config_items(id),
  PRIMARY KEY (change_id, ci_id)
) WITHOUT ROWID;
CREATE INDEX change_cis_ci ON change_cis (ci_id);

-- Project tasks the change belongs to (the work plan it implements).
CREATE TABLE change_tasks (
  change_id INTEGER NOT NULL REFERENCES changes(id),
  task_id   INTEGER NOT NULL REFERENCES tasks(id),
  PRIMARY KEY (change_id, task_id)
) WITHOUT ROWID;

-- The risk questionnaire's answers as given (question code → answer value 1..4), kept so the
-- auditor sees how the level came about.
CREATE TABLE change_risk_answers (
  change_id INTEGER NOT NULL REFERENCES changes(id),
  question  TEXT NOT NULL,
  answer    INTEGER NOT NULL CHECK (answer BETWEEN 1 AND 4),
  PRIMARY KEY (change_id, question)
) WITHOUT ROWID;

-- Files attached to an RFC (plans, screenshots, vendor notes), stored in the database.
CREATE TABLE change_attachments (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  change_id   INTEGER NOT NULL REFERENCES changes(id),
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  mime        TEXT NOT NULL,
  size        INTEGER NOT NULL CHECK (size BETWEEN 0 AND 10485760),
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  data        BLOB NOT NULL,
  uploaded_by INTEGER NOT NULL REFERENCES users(id),
  uploaded_at TEXT NOT NULL
);
CREATE INDEX change_attachments_change ON change_attachments (change_id);

-- The implementation log: time, who, what.
CREATE TABLE change_log (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  change_id INTEGER NOT NULL REFERENCES changes(id),
  at        TEXT NOT NULL,
  user_id   INTEGER NOT NULL REFERENCES users(id),
  entry     TEXT NOT NULL CHECK (length(entry) BETWEEN 1 AND 4000)
);
CREATE INDEX change_log_change ON change_log (change_id, at);

-- Approval policies: which steps a change of a type and risk level needs. A policy applies to
-- (type, risk_level); risk_level '*' is any level. Its steps are taken in order; each has approvers
-- (users) and a quorum: any one, all, or n of them. The emergency approver of an emergency change
-- is a step like any other; a freeze override adds the policy kind 'freeze_override'.
CREATE TABLE approval_policies (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  name       TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
  kind       TEXT NOT NULL DEFAULT 'change' CHECK (kind IN ('change', 'freeze_override')),
  type       TEXT NOT NULL CHECK (type IN ('normal', 'emergency', '*')),
  risk_level TEXT NOT NULL CHECK (risk_level IN ('low', 'medium', 'high', 'very_high', '*')),
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
);
CREATE TABLE approval_steps (
  policy_id INTEGER NOT NULL REFERENCES approval_policies(id),
  step      INTEGER NOT NULL CHECK (step BETWEEN 1 AND 9),
  name      TEXT NOT NULL DEFAULT '',
  quorum    TEXT NOT NULL CHECK (quorum IN ('any', 'all', 'n')),
  quorum_n  INTEGER CHECK (quorum_n IS NULL OR quorum_n >= 1),
  PRIMARY KEY (policy_id, step)
) WITHOUT ROWID;
CREATE TABLE approval_step_approvers (
  policy_id INTEGER NOT NULL,
  step      INTEGER NOT NULL,
  user_id   INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (policy_id, step, user_id),
  FOREIGN KEY (policy_id, step) REFERENCES approval_steps(policy_id, step)
) WITHOUT ROWID;

-- Delegation while away: delegate may decide for user between the two days (inclusive).
CREATE TABLE approval_delegations (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  delegate_id INTEGER NOT NULL REFERENCES users(id),
  start_day   TEXT NOT NULL CHECK (length(start_day) = 10),
  end_day     TEXT NOT NULL CHECK (length(end_day) = 10 AND end_day >= start_day),
  created_at  TEXT NOT NULL,
  CHECK (user_id <> delegate_id)
);

-- A decision: the step of the policy the change was routed to, who decided (and for whom, when a
-- delegate), approved or rejected (a comment is required to reject), and the conflict check as the
-- approver saw it (JSON), so the auditor sees what they saw. Decisions are never changed.
CREATE TABLE approvals (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  change_id      INTEGER NOT NULL REFERENCES changes(id),
  policy_id      INTEGER NOT NULL REFERENCES approval_policies(id),
  step           INTEGER NOT NULL,
  approver_id    INTEGER NOT NULL REFERENCES users(id),
  on_behalf_of   INTEGER REFERENCES users(id),
  decision       TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
  comment        TEXT NOT NULL DEFAULT '',
  conflicts      TEXT NOT NULL DEFAULT '[]',
  at             TEXT NOT NULL,
  CHECK (decision = 'approved' OR length(comment) > 0)
);
CREATE INDEX approvals_change ON approvals (change_id, step);
CREATE TRIGGER approvals_immutable BEFORE UPDATE ON approvals
  BEGIN SELECT RAISE(ABORT, 'approvals are never changed'); END;
CREATE TRIGGER approvals_no_delete BEFORE DELETE ON approvals
  BEGIN SELECT RAISE(ABORT, 'approvals are never deleted'); END;
