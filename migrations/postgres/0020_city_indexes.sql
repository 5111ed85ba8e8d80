-- Keep the other folder's 0020_city_indexes.sql in step.
-- Indexes for a city's volume (issue 27): each list reads its page from an index in the order
-- it shows, instead of sorting or scanning years of rows.
-- An organisation's queue, oldest waiting first, and its finished reports, newest first. The
-- status lists are those of reports::store::waiting_statuses!, written the same way in the
-- queries so that both databases see the partial index applies.
CREATE INDEX reports_waiting ON reports (organisation_id, created_at, id)
    WHERE status IN ('open', 'acknowledged', 'in_progress');
CREATE INDEX reports_finished ON reports (organisation_id, created_at, id)
    WHERE status NOT IN ('open', 'acknowledged', 'in_progress');
-- The public list filtered by status, newest first.
CREATE INDEX reports_status_created ON reports (status, created_at, id);
-- Offers and asks everywhere, newest first (feeds, alerts, the dashboard).
CREATE INDEX help_posts_created ON help_posts (created_at);
-- Published stories in date order.
CREATE INDEX stories_published ON stories (status, published_at);
