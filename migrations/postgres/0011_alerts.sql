-- Alerts: subscriptions to new items by area, kind, topic and keyword, sent as daily or
-- weekly digests; and when each budget entered its phase, so phase changes can be followed.
-- Keep sqlite/0011_alerts.sql in step.

ALTER TABLE pb_processes ADD COLUMN phase_changed_at BIGINT NOT NULL DEFAULT 0;
UPDATE pb_processes SET phase_changed_at = updated_at;

CREATE TABLE alert_subscriptions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- NULL: everywhere.
    area_id TEXT REFERENCES areas (id) ON DELETE CASCADE,
    -- Comma-separated kinds: reports, stories, conversations, asks, offers, events,
    -- budgets, methods.
    kinds TEXT NOT NULL,
    -- A conversation topic, or '' for any.
    topic TEXT NOT NULL DEFAULT '',
    -- Plain words that must all appear in the title or text, or '' for any.
    keyword TEXT NOT NULL DEFAULT '',
    frequency TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly')),
    -- The secret in the one-click unsubscribe link of every digest.
    unsubscribe_token TEXT NOT NULL UNIQUE,
    -- Items that appeared up to this time have been considered for a digest.
    covered_until BIGINT NOT NULL,
    next_due_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX alert_subscriptions_due ON alert_subscriptions (next_due_at);
CREATE INDEX alert_subscriptions_user ON alert_subscriptions (user_id);

-- One row per digest made: a subscription's period is covered once, whatever retries.
CREATE TABLE alert_digests (
    subscription_id TEXT NOT NULL REFERENCES alert_subscriptions (id) ON DELETE CASCADE,
    covered_until BIGINT NOT NULL,
    items INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (subscription_id, covered_until)
);
