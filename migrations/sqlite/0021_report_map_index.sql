-- Keep the other folder's 0021_report_map_index.sql in step.
-- A map counts the shown reports in its box, cell by cell (reports::store::map_cells): this
-- index holds every column it reads or filters by, so the count never visits the table.
CREATE INDEX reports_map
    ON reports (latitude, longitude, hidden_reason, id, status, category_id, area_id);
-- The public list, newest first: its page read straight from here. (Without it, SQLite
-- would scan the index above instead, which holds hidden_reason, and sort every report.)
CREATE INDEX reports_shown ON reports (created_at, id) WHERE hidden_reason = '';
