-- Keep the other folder's 0022_report_cells.sql in step.
-- Maps of many reports (issue 23 and 27): the shown, placed reports counted per cell of a
-- world grid at several sizes, kept up to date by a trigger in the same transaction as every
-- change to a report's place, area or visibility, so a map of a city's million reports reads
-- a few hundred cells and never the reports (reports::store::map_cells).
--
-- Level L cuts the world into 2^L columns of longitude and 2^L rows of latitude: a cell is
-- 360/2^L degrees wide and 180/2^L high (level 21: about 12 by 10 metres in Poland).
-- Column x = floor((longitude + 180) * lon_scale), row y = floor((latitude + 90) * lat_scale).
CREATE TABLE map_levels (
    level INTEGER PRIMARY KEY,
    lon_scale DOUBLE PRECISION NOT NULL,
    lat_scale DOUBLE PRECISION NOT NULL
);
INSERT INTO map_levels (level, lon_scale, lat_scale)
SELECT level, power(2.0::double precision, level) / 360.0, power(2.0::double precision, level) / 180.0
FROM generate_series(8, 21) AS level;

-- One row per level, cell and area (so an area's map counts only its reports): how many
-- shown reports, the sums of their coordinates (their mean is the mark's place), and, when
-- there is exactly one, its id (the mark names it). A cell emptied keeps its row with n = 0.
-- Keyed row by row (y before x): a map reads each row of its box as one range of columns.
CREATE TABLE report_cells (
    level INTEGER NOT NULL,
    x BIGINT NOT NULL,
    y BIGINT NOT NULL,
    area_id TEXT NOT NULL,
    n BIGINT NOT NULL,
    lat_sum DOUBLE PRECISION NOT NULL,
    lon_sum DOUBLE PRECISION NOT NULL,
    one_id TEXT NOT NULL,
    PRIMARY KEY (level, y, x, area_id)
);

INSERT INTO report_cells (level, x, y, area_id, n, lat_sum, lon_sum, one_id)
SELECT l.level, floor((r.longitude + 180.0) * l.lon_scale)::bigint,
       floor((r.latitude + 90.0) * l.lat_scale)::bigint, r.area_id,
       COUNT(*), SUM(r.latitude), SUM(r.longitude), MIN(r.id)
FROM reports r, map_levels l
WHERE r.latitude IS NOT NULL AND r.longitude IS NOT NULL AND r.hidden_reason = ''
GROUP BY 1, 2, 3, 4;

CREATE FUNCTION report_cells_track() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.latitude IS NOT NULL
       AND OLD.longitude IS NOT NULL AND OLD.hidden_reason = '' THEN
        UPDATE report_cells c SET n = c.n - 1, lat_sum = c.lat_sum - OLD.latitude,
            lon_sum = c.lon_sum - OLD.longitude
        FROM map_levels l
        WHERE c.level = l.level AND c.area_id = OLD.area_id
          AND c.x = floor((OLD.longitude + 180.0) * l.lon_scale)::bigint
          AND c.y = floor((OLD.latitude + 90.0) * l.lat_scale)::bigint;
        -- Where one is left, which one it is (rare: only when a cell drops to one).
        UPDATE report_cells c SET one_id = COALESCE((
            SELECT r.id FROM reports r
            WHERE r.area_id = c.area_id AND r.hidden_reason = ''
              AND r.latitude BETWEEN c.y / l.lat_scale - 90.000001
                                 AND (c.y + 1) / l.lat_scale - 89.999999
              AND floor((r.latitude + 90.0) * l.lat_scale)::bigint = c.y
              AND floor((r.longitude + 180.0) * l.lon_scale)::bigint = c.x
            LIMIT 1), '')
        FROM map_levels l
        WHERE c.level = l.level AND c.area_id = OLD.area_id AND c.n = 1
          AND c.x = floor((OLD.longitude + 180.0) * l.lon_scale)::bigint
          AND c.y = floor((OLD.latitude + 90.0) * l.lat_scale)::bigint;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.latitude IS NOT NULL
       AND NEW.longitude IS NOT NULL AND NEW.hidden_reason = '' THEN
        INSERT INTO report_cells AS c (level, x, y, area_id, n, lat_sum, lon_sum, one_id)
        SELECT l.level, floor((NEW.longitude + 180.0) * l.lon_scale)::bigint,
               floor((NEW.latitude + 90.0) * l.lat_scale)::bigint, NEW.area_id,
               1, NEW.latitude, NEW.longitude, NEW.id
        FROM map_levels l
        ON CONFLICT (level, y, x, area_id) DO UPDATE SET
            one_id = CASE WHEN c.n = 0 THEN EXCLUDED.one_id ELSE c.one_id END,
            n = c.n + 1, lat_sum = c.lat_sum + EXCLUDED.lat_sum,
            lon_sum = c.lon_sum + EXCLUDED.lon_sum;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER report_cells_track
AFTER INSERT OR DELETE OR UPDATE OF latitude, longitude, area_id, hidden_reason ON reports
FOR EACH ROW EXECUTE FUNCTION report_cells_track();

-- An area's list, newest first: each area of the tree read in order from here and merged
-- (reports::store::list), instead of finding all of the tree's reports and sorting them.
CREATE INDEX reports_area_shown ON reports (area_id, created_at, id) WHERE hidden_reason = '';
