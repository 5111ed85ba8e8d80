-- Keep the other folder's 0025_city_counts.sql in step.
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
