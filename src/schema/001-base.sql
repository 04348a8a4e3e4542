-- 001-base: users and roles, the append-only hash-chained audit log, duplicate-submission keys,
-- settings. Every later migration builds on these.

CREATE TABLE users (
  id           INTEGER PRIMARY KEY,
  login        TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 64),
  display_name TEXT NOT NULL DEFAULT '',
  email        TEXT NOT NULL DEFAULT '',
  phone        TEXT NOT NULL DEFAULT '',
  lang         TEXT NOT NULL DEFAULT '' CHECK (lang IN ('', 'zh-CN', 'en')),
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at   TEXT NOT NULL
);

CREATE TABLE roles (
  name TEXT PRIMARY KEY,
  rank INTEGER NOT NULL UNIQUE
);
INSERT INTO roles (name, rank) VALUES
  ('admin', 1), ('manager', 2), ('engineer', 3), ('approver', 4), ('auditor', 5), ('viewer', 6);

CREATE TABLE user_roles (
  user_id INTEGER NOT NULL REFERENCES users(id),
  role    TEXT NOT NULL REFERENCES roles(name),
  PRIMARY KEY (user_id, role)
) WITHOUT ROWID;

-- The audit log: who, when, what entity, old and new values (JSON), why; chained by SHA-256.
CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  action     TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  TEXT NOT NULL,
  old_value  TEXT,
  new_value  TEXT,
  reason     TEXT NOT NULL DEFAULT '',
  request_id TEXT NOT NULL DEFAULT '',
  client     TEXT NOT NULL DEFAULT '',
  prev_hash  TEXT NOT NULL UNIQUE,
  row_hash   TEXT NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (actor, id);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit_log
  WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- A form's CSRF nonce + target + body, stored with the change it made: a repeated POST
-- (double click, retry after a gateway timeout) is recognised and not applied twice.
CREATE TABLE form_submission (
  key      TEXT PRIMARY KEY,
  user_id  INTEGER NOT NULL REFERENCES users(id),
  at       TEXT NOT NULL,
  location TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX form_submission_at ON form_submission (at);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
