-- 010-outbox: notifications left for a sender (the notifications issue delivers them to WeCom,
-- DingTalk, Feishu or e-mail). A row is written in the same transaction as the change it tells
-- of (a rolled-back step leaves none); the sender reads the pending rows, renders the message
-- in the recipient's language from the payload, and records the delivery on the row.
-- event: change.submitted, change.approval_needed, change.approved, change.rejected,
-- change.scheduled, change.implement, change.closed, change.cancelled, change.review_due,
-- change.review_overdue. entity 'change', entity_id the change number. payload: a JSON object
-- with fixed keys (number title type state from risk_level planned_start planned_end
-- review_due link, plus per event: step step_name policy_name on_behalf for approval_needed,
-- reason for rejected and cancelled, missing for approved). occasion tells apart rows of one
-- event that may repeat meaningfully ('POLICY:STEP' for approval_needed; '' otherwise), so the
-- UNIQUE key keeps any other repeat (a second cron run, a second approver) out.
CREATE TABLE notification_outbox (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at   TEXT NOT NULL,
  event        TEXT NOT NULL CHECK (event IN ('change.submitted', 'change.approval_needed', 'change.approved',
                 'change.rejected', 'change.scheduled', 'change.implement', 'change.closed', 'change.cancelled',
                 'change.review_due', 'change.review_overdue')),
  entity       TEXT NOT NULL,
  entity_id    TEXT NOT NULL,
  occasion     TEXT NOT NULL DEFAULT '',
  recipient_id INTEGER NOT NULL REFERENCES users(id),
  lang         TEXT NOT NULL CHECK (lang IN ('zh-CN', 'en')),
  payload      TEXT NOT NULL,
  state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
  delivered_at TEXT,
  attempts     INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error   TEXT NOT NULL DEFAULT '',
  UNIQUE (event, entity, entity_id, occasion, recipient_id)
);
CREATE INDEX notification_outbox_pending ON notification_outbox (state, id);
