-- Keep the other folder's 0025_city_counts.sql in step (the triggers are PostgreSQL's alone).
-- Counting and listing the other kinds at a city's volume (issue 27): each index holds the
-- rows a feed, a dashboard month or an area's list shows, in time order, so the database
-- reads a range of entries and no row it would skip. The conditions are those written in
-- feeds::store's sources.
CREATE INDEX help_posts_shown ON help_posts (kind, created_at, id)
    WHERE visibility = 'public' AND status = 'open';
CREATE INDEX help_posts_shown_area ON help_posts (area_id, kind, created_at)
    WHERE visibility = 'public' AND status = 'open';
CREATE INDEX conversations_created ON conversations (created_at, id);
CREATE INDEX conversations_area_created ON conversations (area_id, created_at);
CREATE INDEX events_created ON events (created_at, id) WHERE cancelled_at IS NULL;
CREATE INDEX events_area_created ON events (area_id, created_at) WHERE cancelled_at IS NULL;
CREATE INDEX stories_shown ON stories (published_at, id)
    WHERE status = 'published' AND hidden_reason = '';
CREATE INDEX stories_shown_organisation ON stories (organisation_id, published_at)
    WHERE status = 'published' AND hidden_reason = '';

-- Events not over yet, and those that ended lately, found by their end (events::store): the
-- first start among events not over bounds the walk of the start-time index.
CREATE INDEX events_ends ON events (ends_at, starts_at);
CREATE INDEX events_area_ends ON events (area_id, ends_at);

-- An area's dashboard reads the kept records of its organisations area by area
-- (dashboard::store::report_records): from this index alone, without a lookup per count.
DROP INDEX report_tallies_area;
CREATE INDEX report_tallies_area ON report_tallies (area_id, organisation_id, measure, bucket, n);

-- Reports inserted many at once (an import, the demo city) are counted once per statement.
-- Counted row by row, each report updated its cells, tallies and day in place, and within
-- one transaction PostgreSQL keeps every version of a row it updates: a big cell's chain of
-- versions grew with each report, and 20,000 reports in one transaction took 90 seconds.
-- Per statement, a batch's reports are grouped first and each count changes once. Changes
-- and deletions stay row by row (migrations 0022-0024); SQLite updates in place and keeps
-- its row triggers for all three.
DROP TRIGGER report_cells_track ON reports;
CREATE TRIGGER report_cells_track
AFTER DELETE OR UPDATE OF latitude, longitude, area_id, hidden_reason ON reports
FOR EACH ROW EXECUTE FUNCTION report_cells_track();

CREATE FUNCTION report_cells_inserted() RETURNS trigger AS $$
BEGIN
    INSERT INTO report_cells AS c (level, x, y, area_id, n, lat_sum, lon_sum, one_id)
    SELECT l.level, floor((r.longitude + 180.0) * l.lon_scale)::bigint,
           floor((r.latitude + 90.0) * l.lat_scale)::bigint, r.area_id,
           COUNT(*), SUM(r.latitude), SUM(r.longitude), MIN(r.id)
    FROM inserted r, map_levels l
    WHERE r.latitude IS NOT NULL AND r.longitude IS NOT NULL AND r.hidden_reason = ''
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (level, y, x, area_id) DO UPDATE SET
        one_id = CASE WHEN c.n = 0 THEN EXCLUDED.one_id ELSE c.one_id END,
        n = c.n + EXCLUDED.n, lat_sum = c.lat_sum + EXCLUDED.lat_sum,
        lon_sum = c.lon_sum + EXCLUDED.lon_sum;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER report_cells_inserted AFTER INSERT ON reports
REFERENCING NEW TABLE AS inserted
FOR EACH STATEMENT EXECUTE FUNCTION report_cells_inserted();

DROP TRIGGER report_tallies_track ON reports;
CREATE TRIGGER report_tallies_track
AFTER DELETE OR UPDATE OF
    organisation_id, area_id, status, created_at, responded_at, fixed_at, hidden_reason
ON reports FOR EACH ROW EXECUTE FUNCTION report_tallies_track();

CREATE FUNCTION report_tallies_inserted() RETURNS trigger AS $$
BEGIN
    INSERT INTO report_tallies AS t (organisation_id, area_id, measure, bucket, n)
    SELECT COALESCE(r.organisation_id, ''), r.area_id, m.measure, m.bucket, COUNT(*)
    FROM inserted r CROSS JOIN LATERAL (
        SELECT 'status:' || r.status AS measure, 0::bigint AS bucket
        UNION ALL SELECT 'response', CASE WHEN GREATEST(0, r.responded_at - r.created_at) < 7200000 THEN GREATEST(0, r.responded_at - r.created_at) / 60000 WHEN GREATEST(0, r.responded_at - r.created_at) < 172800000 THEN 120 + (GREATEST(0, r.responded_at - r.created_at) - 7200000) / 360000 ELSE 580 + (GREATEST(0, r.responded_at - r.created_at) - 172800000) / 8640000 END
            WHERE r.responded_at IS NOT NULL
        UNION ALL SELECT 'fix', CASE WHEN GREATEST(0, r.fixed_at - r.created_at) < 7200000 THEN GREATEST(0, r.fixed_at - r.created_at) / 60000 WHEN GREATEST(0, r.fixed_at - r.created_at) < 172800000 THEN 120 + (GREATEST(0, r.fixed_at - r.created_at) - 7200000) / 360000 ELSE 580 + (GREATEST(0, r.fixed_at - r.created_at) - 172800000) / 8640000 END
            WHERE r.fixed_at IS NOT NULL
    ) m
    WHERE r.hidden_reason = ''
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (organisation_id, area_id, measure, bucket) DO UPDATE SET n = t.n + EXCLUDED.n;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER report_tallies_inserted AFTER INSERT ON reports
REFERENCING NEW TABLE AS inserted
FOR EACH STATEMENT EXECUTE FUNCTION report_tallies_inserted();

DROP TRIGGER report_days_track ON reports;
CREATE TRIGGER report_days_track
AFTER DELETE OR UPDATE OF created_at, area_id, hidden_reason ON reports
FOR EACH ROW EXECUTE FUNCTION report_days_track();

CREATE FUNCTION report_days_inserted() RETURNS trigger AS $$
BEGIN
    INSERT INTO report_days AS d (area_id, day, n)
    SELECT area_id, created_at / 86400000, COUNT(*) FROM inserted
    WHERE hidden_reason = ''
    GROUP BY 1, 2
    ON CONFLICT (area_id, day) DO UPDATE SET n = d.n + EXCLUDED.n;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER report_days_inserted AFTER INSERT ON reports
REFERENCING NEW TABLE AS inserted
FOR EACH STATEMENT EXECUTE FUNCTION report_days_inserted();
