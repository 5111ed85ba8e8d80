-- Wrong guesses of secrets (invitation and letter codes, passwords), one row each, so the
-- throttles hold across restarts and across app processes. `subject` is a SHA-256 hash of
-- the account, session, client address or typed email counted; rows older than the longest
-- window are deleted as new ones come. Keep sqlite/0014_attempt_failures.sql in step.

CREATE TABLE attempt_failures (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    failed_at BIGINT NOT NULL
);
CREATE INDEX attempt_failures_subject ON attempt_failures (kind, subject, failed_at);
CREATE INDEX attempt_failures_time ON attempt_failures (failed_at);
