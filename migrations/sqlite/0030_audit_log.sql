-- Issue 28: an audit log of staff and admin actions. Keep sqlite/ and postgres/ 0030 in step.
--
-- One row per action (routing, status changes, hiding, verifying, role changes, draws,
-- counts, imports, entries on someone's behalf), written in the transaction of the action
-- itself, so an action and its record commit or fail together. The actor's name is copied
-- (the log outlives accounts, so actor_id has no foreign key). Nobody edits the log: the
-- triggers below refuse every UPDATE and DELETE, whatever code or console runs them.
CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_id TEXT,
    actor_name TEXT NOT NULL,
    action TEXT NOT NULL,
    item_kind TEXT NOT NULL,
    item_id TEXT NOT NULL,
    item_label TEXT NOT NULL,
    item_link TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at, id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at, id);
CREATE INDEX audit_log_action ON audit_log (action, at, id);
CREATE INDEX audit_log_item ON audit_log (item_id, at, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is never changed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is never changed');
END;
