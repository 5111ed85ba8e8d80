-- Issue 28: Open311 out and back. Keep sqlite/ and postgres/ 0033 in step.
--
-- A routing rule can send its reports to an outside Open311 GeoReport v2 service, instead
-- of the organisation's inbox or as well as it (send_to: inbox, open311 or both), with the
-- service's address, API key, service code and jurisdiction.
ALTER TABLE report_routes ADD COLUMN send_to TEXT NOT NULL DEFAULT 'inbox';
ALTER TABLE report_routes ADD COLUMN open311_url TEXT NOT NULL DEFAULT '';
ALTER TABLE report_routes ADD COLUMN open311_key TEXT NOT NULL DEFAULT '';
ALTER TABLE report_routes ADD COLUMN open311_service_code TEXT NOT NULL DEFAULT '';
ALTER TABLE report_routes ADD COLUMN open311_jurisdiction TEXT NOT NULL DEFAULT '';

-- One row per report sent out, written with the report (the rule's settings copied, so a
-- later change of rule does not change where a report went). A job sends it (retried with
-- backoff; attempts and the last error kept for admins); once sent it keeps the outside
-- service_request_id, and a pass fetches its status and notes back, oldest check first.
CREATE TABLE open311_sends (
    report_id TEXT PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    api_key TEXT NOT NULL,
    service_code TEXT NOT NULL,
    jurisdiction TEXT NOT NULL,
    -- waiting (to be sent), sent, or failed (the job gave up)
    status TEXT NOT NULL,
    attempts BIGINT NOT NULL,
    last_error TEXT NOT NULL,
    external_id TEXT,
    external_status TEXT NOT NULL,
    external_notes TEXT NOT NULL,
    sent_at BIGINT,
    checked_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX open311_sends_check ON open311_sends (status, checked_at);
