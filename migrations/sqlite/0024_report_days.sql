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
) WITHOUT ROWID;

INSERT INTO report_days (area_id, day, n)
SELECT area_id, created_at / 86400000, COUNT(*) FROM reports WHERE hidden_reason = ''
GROUP BY 1, 2;

CREATE TRIGGER report_days_insert AFTER INSERT ON reports WHEN NEW.hidden_reason = ''
BEGIN
    INSERT INTO report_days (area_id, day, n) VALUES (NEW.area_id, NEW.created_at / 86400000, 1)
    ON CONFLICT (area_id, day) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER report_days_delete AFTER DELETE ON reports WHEN OLD.hidden_reason = ''
BEGIN
    UPDATE report_days SET n = n - 1
    WHERE area_id = OLD.area_id AND day = OLD.created_at / 86400000;
END;

CREATE TRIGGER report_days_update AFTER UPDATE OF created_at, area_id, hidden_reason ON reports
BEGIN
    UPDATE report_days SET n = n - 1
    WHERE OLD.hidden_reason = '' AND area_id = OLD.area_id AND day = OLD.created_at / 86400000;
    INSERT INTO report_days (area_id, day, n)
    SELECT NEW.area_id, NEW.created_at / 86400000, 1 WHERE NEW.hidden_reason = ''
    ON CONFLICT (area_id, day) DO UPDATE SET n = n + 1;
END;
