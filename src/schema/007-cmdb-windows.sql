-- 007-cmdb-windows: the first part of change management (ISO/IEC 20000-1 8.2.6, 8.5.1): a light CMDB
-- (configuration items, their relations) and the windows changes are scheduled against
-- (maintenance windows: when changes should happen; freeze/blackout windows: when they must not).
-- Requests for change, approvals and the change calendar come in later migrations.

-- A configuration item: what a change can touch. 8.2.6 asks for a unique id, type, description,
-- relationships and status; services are CIs too. code is the id people use (DB-CORE-01) and
-- never changes; rows are never deleted (retired instead), so history keeps pointing at them.
CREATE TABLE config_items (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  code        TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 2 AND 64),
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  type        TEXT NOT NULL CHECK (type IN ('server', 'database', 'network', 'application', 'service',
                                            'storage', 'other')),
  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('planned', 'active', 'maintenance', 'retired')),
  owner_id    INTEGER REFERENCES users(id),
  description TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE TRIGGER config_items_no_delete BEFORE DELETE ON config_items
  BEGIN SELECT RAISE(ABORT, 'configuration items are retired, not deleted'); END;

-- from runs_on to (an application runs on a server), from depends_on to (a service depends on a
-- database). A change on one CI may affect the CIs related to it either way.
CREATE TABLE ci_relations (
  from_id INTEGER NOT NULL REFERENCES config_items(id),
  to_id   INTEGER NOT NULL REFERENCES config_items(id),
  kind    TEXT NOT NULL CHECK (kind IN ('runs_on', 'depends_on')),
  PRIMARY KEY (from_id, to_id, kind),
  CHECK (from_id <> to_id)
) WITHOUT ROWID;
CREATE INDEX ci_relations_to ON ci_relations (to_id);

-- A window: kind maintenance (changes should be scheduled inside) or freeze (no normal change may
-- be scheduled inside; an emergency change needs an extra approver). Times are local
-- 'YYYY-MM-DDTHH:MM' in the configured zone, end after start. ci_id NULL: every CI. A weekly
-- window repeats on the weekday of its start (1 = Monday) until repeat_until (inclusive).
CREATE TABLE change_windows (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  kind         TEXT NOT NULL CHECK (kind IN ('maintenance', 'freeze')),
  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  start_at     TEXT NOT NULL CHECK (length(start_at) = 16),
  end_at       TEXT NOT NULL CHECK (length(end_at) = 16 AND end_at > start_at),
  repeat       TEXT NOT NULL DEFAULT 'none' CHECK (repeat IN ('none', 'weekly')),
  repeat_until TEXT CHECK (repeat_until IS NULL OR length(repeat_until) = 10),
  ci_id        INTEGER REFERENCES config_items(id),
  note         TEXT NOT NULL DEFAULT '',
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at   TEXT NOT NULL
);
CREATE INDEX change_windows_ci ON change_windows (ci_id, kind);
