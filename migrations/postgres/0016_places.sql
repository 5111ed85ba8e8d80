-- Places: area boundaries (GeoJSON, with their boxes for a first cut), locations on assets,
-- events and budget projects, a street list for finding addresses without an outside
-- geocoder, and alerts by place. Keep sqlite/ and postgres/0016_places.sql in step.

-- One boundary per area, a GeoJSON MultiPolygon in WGS84 longitude/latitude.
CREATE TABLE area_boundaries (
    area_id TEXT PRIMARY KEY REFERENCES areas (id) ON DELETE CASCADE,
    geojson TEXT NOT NULL,
    min_lon DOUBLE PRECISION NOT NULL,
    min_lat DOUBLE PRECISION NOT NULL,
    max_lon DOUBLE PRECISION NOT NULL,
    max_lat DOUBLE PRECISION NOT NULL,
    updated_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL
);

-- Places people share (spaces, groups, resources; never a person's skill), events and
-- budget projects may have a point. Indexed for bounding-box queries.
ALTER TABLE assets ADD COLUMN latitude DOUBLE PRECISION;
ALTER TABLE assets ADD COLUMN longitude DOUBLE PRECISION;
CREATE INDEX assets_location ON assets (latitude, longitude);
ALTER TABLE events ADD COLUMN latitude DOUBLE PRECISION;
ALTER TABLE events ADD COLUMN longitude DOUBLE PRECISION;
CREATE INDEX events_location ON events (latitude, longitude);
ALTER TABLE pb_projects ADD COLUMN latitude DOUBLE PRECISION;
ALTER TABLE pb_projects ADD COLUMN longitude DOUBLE PRECISION;
CREATE INDEX pb_projects_location ON pb_projects (latitude, longitude);
CREATE INDEX reports_location ON reports (latitude, longitude);

-- Streets an admin imported (CSV: name, latitude, longitude), searched when no geocoder
-- is configured. name_key is the name in lower case, for prefix search.
CREATE TABLE streets (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    latitude DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (name_key)
);

-- Alerts by place: new public items within near_metres of a point, or inside an area's
-- boundary (place_area_id), beside the alerts by area, kind and keyword.
ALTER TABLE alert_subscriptions ADD COLUMN near_latitude DOUBLE PRECISION;
ALTER TABLE alert_subscriptions ADD COLUMN near_longitude DOUBLE PRECISION;
ALTER TABLE alert_subscriptions ADD COLUMN near_metres INTEGER;
ALTER TABLE alert_subscriptions ADD COLUMN place_area_id TEXT REFERENCES areas (id) ON DELETE CASCADE;
