-- The front door's newest conversations in an area (home and area pages).
CREATE INDEX conversations_area_updated ON conversations (area_id, updated_at);
