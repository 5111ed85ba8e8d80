-- Issue 30, the last of it. Keep sqlite/ and postgres/ 0028 in step.
--
-- A story can be about an accredited micro-provider, a person or an organisation. It is
-- filed under the provider's organisation, or for a person under the accrediting body's
-- organisation (which oversees the people it accredits and answers with them); the
-- provider's page lists the stories about it.
ALTER TABLE stories ADD COLUMN provider_application_id TEXT
    REFERENCES provider_applications (id) ON DELETE SET NULL;
CREATE INDEX stories_shown_provider ON stories (provider_application_id, published_at)
    WHERE status = 'published' AND hidden_reason = '';

-- A body that no longer accredits: its applications were withdrawn (each with a decision
-- saying so) and it takes no new ones. Marking it again starts it afresh.
ALTER TABLE accrediting_bodies ADD COLUMN ended_at BIGINT;
