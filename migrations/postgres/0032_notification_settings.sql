-- Issue 28: notification settings. Keep sqlite/ and postgres/ 0032 in step.
--
-- Per person and kind of news (replies to me, updates on what I follow, my area's news, my
-- work queues): email at once, in a daily or weekly summary, or never; and site
-- notifications on or off. No row: at once, and on.
CREATE TABLE notification_settings (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    email TEXT NOT NULL,
    site BOOLEAN NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- Emails held for a person's daily or weekly summary. Every held email of one person and
-- frequency shares the due time of the first, so they go out together as one email (the
-- summary pass deletes them and queues it in one transaction).
CREATE TABLE notification_held (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    frequency TEXT NOT NULL,
    due_at BIGINT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX notification_held_due ON notification_held (due_at);
CREATE INDEX notification_held_user ON notification_held (user_id, frequency, created_at);
