-- Where an accredited micro-provider works from (issue 30, once places exist). Keep
-- sqlite/0027_provider_places.sql in step. Optional; set by the provider on their
-- application's page with the same picker and checks as an asset's place. Accredited
-- providers whose accreditation is in force are a layer on the area map and the directory.
ALTER TABLE provider_applications ADD COLUMN latitude DOUBLE PRECISION;
ALTER TABLE provider_applications ADD COLUMN longitude DOUBLE PRECISION;
CREATE INDEX provider_applications_location ON provider_applications (latitude, longitude);
