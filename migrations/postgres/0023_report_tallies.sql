-- Keep the other folder's 0023_report_tallies.sql in step.
-- An organisation's public record and an area's dashboard (issue 27): the shown reports
-- counted per organisation, area and status, and their waits for a first public answer and
-- for the fix counted per bucket of time, kept up to date by triggers in the same
-- transaction as every change to a report. Medians are read off these counts (reports::
-- store::tallies), so no page reads years of reports.
--
-- A wait's bucket: a minute each under two hours (0-119), six minutes each under two days
-- (120-579), 2.4 hours (a tenth of a day) each beyond (580-): finer than the record shows
-- (minutes, hours, days; days to a tenth on the dashboard). reports::stats::bucket_start
-- reads them back.
CREATE TABLE report_tallies (
    organisation_id TEXT NOT NULL,
    area_id TEXT NOT NULL,
    measure TEXT NOT NULL,
    bucket BIGINT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, area_id, measure, bucket)
);
CREATE INDEX report_tallies_area ON report_tallies (area_id);

INSERT INTO report_tallies (organisation_id, area_id, measure, bucket, n)
SELECT COALESCE(r.organisation_id, ''), r.area_id, 'status:' || r.status, 0, COUNT(*)
FROM reports r WHERE r.hidden_reason = ''
GROUP BY 1, 2, 3, 4;
INSERT INTO report_tallies (organisation_id, area_id, measure, bucket, n)
SELECT COALESCE(r.organisation_id, ''), r.area_id, 'response',
       CASE WHEN GREATEST(0, r.responded_at - r.created_at) < 7200000 THEN GREATEST(0, r.responded_at - r.created_at) / 60000
            WHEN GREATEST(0, r.responded_at - r.created_at) < 172800000 THEN 120 + (GREATEST(0, r.responded_at - r.created_at) - 7200000) / 360000
            ELSE 580 + (GREATEST(0, r.responded_at - r.created_at) - 172800000) / 8640000 END, COUNT(*)
FROM reports r WHERE r.hidden_reason = '' AND r.responded_at IS NOT NULL
GROUP BY 1, 2, 3, 4;
INSERT INTO report_tallies (organisation_id, area_id, measure, bucket, n)
SELECT COALESCE(r.organisation_id, ''), r.area_id, 'fix',
       CASE WHEN GREATEST(0, r.fixed_at - r.created_at) < 7200000 THEN GREATEST(0, r.fixed_at - r.created_at) / 60000
            WHEN GREATEST(0, r.fixed_at - r.created_at) < 172800000 THEN 120 + (GREATEST(0, r.fixed_at - r.created_at) - 7200000) / 360000
            ELSE 580 + (GREATEST(0, r.fixed_at - r.created_at) - 172800000) / 8640000 END, COUNT(*)
FROM reports r WHERE r.hidden_reason = '' AND r.fixed_at IS NOT NULL
GROUP BY 1, 2, 3, 4;

CREATE FUNCTION report_tallies_track() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE report_tallies SET n = n - 1
    WHERE OLD.hidden_reason = '' AND organisation_id = COALESCE(OLD.organisation_id, '')
      AND area_id = OLD.area_id AND (measure, bucket) IN (
        SELECT 'status:' || OLD.status AS measure, 0 AS bucket
        UNION ALL SELECT 'response', CASE WHEN GREATEST(0, OLD.responded_at - OLD.created_at) < 7200000 THEN GREATEST(0, OLD.responded_at - OLD.created_at) / 60000 WHEN GREATEST(0, OLD.responded_at - OLD.created_at) < 172800000 THEN 120 + (GREATEST(0, OLD.responded_at - OLD.created_at) - 7200000) / 360000 ELSE 580 + (GREATEST(0, OLD.responded_at - OLD.created_at) - 172800000) / 8640000 END
            WHERE OLD.responded_at IS NOT NULL
        UNION ALL SELECT 'fix', CASE WHEN GREATEST(0, OLD.fixed_at - OLD.created_at) < 7200000 THEN GREATEST(0, OLD.fixed_at - OLD.created_at) / 60000 WHEN GREATEST(0, OLD.fixed_at - OLD.created_at) < 172800000 THEN 120 + (GREATEST(0, OLD.fixed_at - OLD.created_at) - 7200000) / 360000 ELSE 580 + (GREATEST(0, OLD.fixed_at - OLD.created_at) - 172800000) / 8640000 END
            WHERE OLD.fixed_at IS NOT NULL
    );
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO report_tallies AS t (organisation_id, area_id, measure, bucket, n)
    SELECT COALESCE(NEW.organisation_id, ''), NEW.area_id, m.measure, m.bucket, 1
    FROM (
        SELECT 'status:' || NEW.status AS measure, 0 AS bucket
        UNION ALL SELECT 'response', CASE WHEN GREATEST(0, NEW.responded_at - NEW.created_at) < 7200000 THEN GREATEST(0, NEW.responded_at - NEW.created_at) / 60000 WHEN GREATEST(0, NEW.responded_at - NEW.created_at) < 172800000 THEN 120 + (GREATEST(0, NEW.responded_at - NEW.created_at) - 7200000) / 360000 ELSE 580 + (GREATEST(0, NEW.responded_at - NEW.created_at) - 172800000) / 8640000 END
            WHERE NEW.responded_at IS NOT NULL
        UNION ALL SELECT 'fix', CASE WHEN GREATEST(0, NEW.fixed_at - NEW.created_at) < 7200000 THEN GREATEST(0, NEW.fixed_at - NEW.created_at) / 60000 WHEN GREATEST(0, NEW.fixed_at - NEW.created_at) < 172800000 THEN 120 + (GREATEST(0, NEW.fixed_at - NEW.created_at) - 7200000) / 360000 ELSE 580 + (GREATEST(0, NEW.fixed_at - NEW.created_at) - 172800000) / 8640000 END
            WHERE NEW.fixed_at IS NOT NULL
    ) m
    WHERE NEW.hidden_reason = ''
    ON CONFLICT (organisation_id, area_id, measure, bucket) DO UPDATE SET n = t.n + 1;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER report_tallies_track
AFTER INSERT OR DELETE OR UPDATE OF
    organisation_id, area_id, status, created_at, responded_at, fixed_at, hidden_reason
ON reports FOR EACH ROW EXECUTE FUNCTION report_tallies_track();
