-- Issue 28: closing the loop. Keep sqlite/ and postgres/ 0031 in step.
--
-- A category may have a target time to fix (days); open reports older than it are overdue,
-- flagged in the inbox, on the report and counted on the organisation's public record
-- (counted per category over reports_overdue, a few index ranges at any volume).
ALTER TABLE report_categories ADD COLUMN target_days BIGINT;
CREATE INDEX reports_overdue ON reports (organisation_id, category_id, created_at)
    WHERE status IN ('open', 'acknowledged', 'in_progress') AND hidden_reason = '';

-- Four weeks after a report is marked fixed, or after it has waited that long with no
-- answer, its reporter is asked "has this been fixed?" once (asked_at), by an email whose
-- links carry a random token (only its SHA-256 is kept). "No" reopens a fixed report
-- (asked_at cleared, so a later fix is asked about again) and tells the organisation; the
-- answers are counted on the organisation's public record.
ALTER TABLE reports ADD COLUMN asked_at BIGINT;
CREATE INDEX reports_ask_fixed ON reports (fixed_at)
    WHERE asked_at IS NULL AND status = 'fixed' AND author_id IS NOT NULL;
CREATE INDEX reports_ask_waiting ON reports (created_at)
    WHERE asked_at IS NULL AND status = 'open' AND responded_at IS NULL
      AND author_id IS NOT NULL;

CREATE TABLE report_questionnaires (
    id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    organisation_id TEXT,
    token_hash TEXT NOT NULL UNIQUE,
    -- What the report was when asked: 'fixed', or 'waiting' (no answer for four weeks).
    asked_about TEXT NOT NULL,
    sent_at BIGINT NOT NULL,
    answered_at BIGINT,
    -- 'fixed' or 'not_fixed' once answered.
    answer TEXT
);
CREATE INDEX report_questionnaires_report ON report_questionnaires (report_id);
CREATE INDEX report_questionnaires_answers ON report_questionnaires (organisation_id, answer);
