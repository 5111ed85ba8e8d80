-- The front door's newest conversations in an area (home and area pages).
CREATE INDEX conversations_area_updated ON conversations (area_id, updated_at);
-- "Your work": residents waiting to be verified, counted per area without reading the
-- verified ones.
CREATE INDEX area_roles_unverified ON area_roles (area_id) WHERE role = 'resident' AND verified_at IS NULL;
