-- Keep the other folder's 0022_report_cells.sql in step.
-- Maps of many reports (issue 23 and 27): the shown, placed reports counted per cell of a
-- world grid at several sizes, kept up to date by triggers in the same transaction as every
-- change to a report's place, area or visibility, so a map of a city's million reports reads
-- a few hundred cells and never the reports (reports::store::map_cells).
--
-- Level L cuts the world into 2^L columns of longitude and 2^L rows of latitude: a cell is
-- 360/2^L degrees wide and 180/2^L high (level 21: about 12 by 10 metres in Poland).
-- Column x = floor((longitude + 180) * lon_scale), row y = floor((latitude + 90) * lat_scale);
-- both are never negative, so SQLite's CAST (which truncates) is the floor.
CREATE TABLE map_levels (
    level INTEGER PRIMARY KEY,
    lon_scale REAL NOT NULL,
    lat_scale REAL NOT NULL
);
WITH RECURSIVE l (level, cells) AS (
    SELECT 8, 256.0
    UNION ALL SELECT level + 1, cells * 2 FROM l WHERE level < 21
)
INSERT INTO map_levels (level, lon_scale, lat_scale) SELECT level, cells / 360.0, cells / 180.0 FROM l;

-- One row per level, cell and area (so an area's map counts only its reports): how many
-- shown reports, the sums of their coordinates (their mean is the mark's place), and, when
-- there is exactly one, its id (the mark names it). A cell emptied keeps its row with n = 0.
-- Keyed row by row (y before x): a map reads each row of its box as one range of columns.
CREATE TABLE report_cells (
    level INTEGER NOT NULL,
    x INTEGER NOT NULL,
    y INTEGER NOT NULL,
    area_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    lat_sum REAL NOT NULL,
    lon_sum REAL NOT NULL,
    one_id TEXT NOT NULL,
    PRIMARY KEY (level, y, x, area_id)
) WITHOUT ROWID;

INSERT INTO report_cells (level, x, y, area_id, n, lat_sum, lon_sum, one_id)
SELECT l.level, CAST((r.longitude + 180.0) * l.lon_scale AS INTEGER),
       CAST((r.latitude + 90.0) * l.lat_scale AS INTEGER), r.area_id,
       COUNT(*), SUM(r.latitude), SUM(r.longitude), MIN(r.id)
FROM reports r, map_levels l
WHERE r.latitude IS NOT NULL AND r.longitude IS NOT NULL AND r.hidden_reason = ''
GROUP BY 1, 2, 3, 4;

CREATE TRIGGER report_cells_insert AFTER INSERT ON reports
WHEN NEW.latitude IS NOT NULL AND NEW.longitude IS NOT NULL AND NEW.hidden_reason = ''
BEGIN
    INSERT INTO report_cells (level, x, y, area_id, n, lat_sum, lon_sum, one_id)
    SELECT level, CAST((NEW.longitude + 180.0) * lon_scale AS INTEGER),
           CAST((NEW.latitude + 90.0) * lat_scale AS INTEGER), NEW.area_id,
           1, NEW.latitude, NEW.longitude, NEW.id
    FROM map_levels WHERE true
    ON CONFLICT (level, y, x, area_id) DO UPDATE SET
        one_id = CASE WHEN n = 0 THEN excluded.one_id ELSE one_id END,
        n = n + 1, lat_sum = lat_sum + excluded.lat_sum, lon_sum = lon_sum + excluded.lon_sum;
END;

-- Taking a report off its cells: one fewer, and where one is left, which one it is (found
-- among the reports of that cell of that area; rare: only when a cell drops to one).
CREATE TRIGGER report_cells_delete AFTER DELETE ON reports
WHEN OLD.latitude IS NOT NULL AND OLD.longitude IS NOT NULL AND OLD.hidden_reason = ''
BEGIN
    UPDATE report_cells SET n = n - 1, lat_sum = lat_sum - OLD.latitude,
        lon_sum = lon_sum - OLD.longitude
    WHERE area_id = OLD.area_id AND (level, x, y) IN (
        SELECT level, CAST((OLD.longitude + 180.0) * lon_scale AS INTEGER),
               CAST((OLD.latitude + 90.0) * lat_scale AS INTEGER) FROM map_levels);
    UPDATE report_cells SET one_id = COALESCE((
        SELECT r.id FROM reports r, map_levels l
        WHERE l.level = report_cells.level AND r.area_id = report_cells.area_id
          AND r.hidden_reason = ''
          AND r.latitude BETWEEN report_cells.y / l.lat_scale - 90.000001
                             AND (report_cells.y + 1) / l.lat_scale - 89.999999
          AND CAST((r.latitude + 90.0) * l.lat_scale AS INTEGER) = report_cells.y
          AND CAST((r.longitude + 180.0) * l.lon_scale AS INTEGER) = report_cells.x
        LIMIT 1), '')
    WHERE n = 1 AND area_id = OLD.area_id AND (level, x, y) IN (
        SELECT level, CAST((OLD.longitude + 180.0) * lon_scale AS INTEGER),
               CAST((OLD.latitude + 90.0) * lat_scale AS INTEGER) FROM map_levels);
END;

-- A change of place, area or visibility: off the old cells, onto the new.
CREATE TRIGGER report_cells_update AFTER UPDATE OF latitude, longitude, area_id, hidden_reason
ON reports
BEGIN
    UPDATE report_cells SET n = n - 1, lat_sum = lat_sum - OLD.latitude,
        lon_sum = lon_sum - OLD.longitude
    WHERE OLD.latitude IS NOT NULL AND OLD.longitude IS NOT NULL AND OLD.hidden_reason = ''
      AND area_id = OLD.area_id AND (level, x, y) IN (
        SELECT level, CAST((OLD.longitude + 180.0) * lon_scale AS INTEGER),
               CAST((OLD.latitude + 90.0) * lat_scale AS INTEGER) FROM map_levels);
    UPDATE report_cells SET one_id = COALESCE((
        SELECT r.id FROM reports r, map_levels l
        WHERE l.level = report_cells.level AND r.area_id = report_cells.area_id
          AND r.hidden_reason = ''
          AND r.latitude BETWEEN report_cells.y / l.lat_scale - 90.000001
                             AND (report_cells.y + 1) / l.lat_scale - 89.999999
          AND CAST((r.latitude + 90.0) * l.lat_scale AS INTEGER) = report_cells.y
          AND CAST((r.longitude + 180.0) * l.lon_scale AS INTEGER) = report_cells.x
        LIMIT 1), '')
    WHERE OLD.latitude IS NOT NULL AND OLD.longitude IS NOT NULL AND OLD.hidden_reason = ''
      AND n = 1 AND area_id = OLD.area_id AND (level, x, y) IN (
        SELECT level, CAST((OLD.longitude + 180.0) * lon_scale AS INTEGER),
               CAST((OLD.latitude + 90.0) * lat_scale AS INTEGER) FROM map_levels);
    INSERT INTO report_cells (level, x, y, area_id, n, lat_sum, lon_sum, one_id)
    SELECT level, CAST((NEW.longitude + 180.0) * lon_scale AS INTEGER),
           CAST((NEW.latitude + 90.0) * lat_scale AS INTEGER), NEW.area_id,
           1, NEW.latitude, NEW.longitude, NEW.id
    FROM map_levels
    WHERE NEW.latitude IS NOT NULL AND NEW.longitude IS NOT NULL AND NEW.hidden_reason = ''
    ON CONFLICT (level, y, x, area_id) DO UPDATE SET
        one_id = CASE WHEN n = 0 THEN excluded.one_id ELSE one_id END,
        n = n + 1, lat_sum = lat_sum + excluded.lat_sum, lon_sum = lon_sum + excluded.lon_sum;
END;

-- An area's list, newest first: each area of the tree read in order from here and merged
-- (reports::store::list), instead of finding all of the tree's reports and sorting them.
CREATE INDEX reports_area_shown ON reports (area_id, created_at, id) WHERE hidden_reason = '';
