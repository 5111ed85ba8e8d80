-- Keep the other folder's 0024_report_days.sql in step.
-- The dashboard's activity (issue 27): shown reports counted per area and day (UTC days
-- since 1970: created_at / 86,400,000), kept up to date by triggers in the same transaction
-- as every change to a report's time, area or visibility. A month of a city's reports is
-- then a few hundred counts; feeds::store::count_by_period adds the hours of the month's
-- first and last day that a UTC day does not cover (months start at local midnight) from
-- the reports themselves.
CREATE TABLE report_days (
    area_id TEXT NOT NULL,
    day BIGINT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (area_id, day)
);

INSERT INTO report_days (area_id, day, n)
SELECT area_id, created_at / 86400000, COUNT(*) FROM reports WHERE hidden_reason = ''
GROUP BY 1, 2;

CREATE FUNCTION report_days_track() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.hidden_reason = '' THEN
        UPDATE report_days SET n = n - 1
        WHERE area_id = OLD.area_id AND day = OLD.created_at / 86400000;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.hidden_reason = '' THEN
        INSERT INTO report_days AS d (area_id, day, n)
        VALUES (NEW.area_id, NEW.created_at / 86400000, 1)
        ON CONFLICT (area_id, day) DO UPDATE SET n = d.n + 1;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER report_days_track
AFTER INSERT OR DELETE OR UPDATE OF created_at, area_id, hidden_reason ON reports
FOR EACH ROW EXECUTE FUNCTION report_days_track();
