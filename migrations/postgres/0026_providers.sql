-- Micro-providers and their accreditation (issue 30). Keep sqlite/0026_providers.sql in step.
-- A site admin marks an organisation as an accrediting body for an area; the body writes its
-- standard (checks); a provider (an organisation of kind micro_provider, or a person) applies
-- with its services and evidence for each check; the body's assessors review each check and
-- grant or refuse. An accreditation is in force while it is granted and `valid_until` (the
-- earliest expiry of its accepted checks) is in the future, so it lapses by itself.

CREATE TABLE accrediting_bodies (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL UNIQUE REFERENCES organisations (id) ON DELETE CASCADE,
    area_id TEXT NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
    marked_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);

-- The checks of a body's standard: what evidence is needed and how long it stays valid.
CREATE TABLE accreditation_checks (
    id TEXT PRIMARY KEY,
    body_id TEXT NOT NULL REFERENCES accrediting_bodies (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    evidence TEXT NOT NULL,
    valid_months BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX accreditation_checks_body ON accreditation_checks (body_id, created_at);

-- An application: `provider_key` is the organisation's id, or `user:<id>` for a person, so
-- a provider applies once to each body. `status`: waiting, granted or refused.
CREATE TABLE provider_applications (
    id TEXT PRIMARY KEY,
    body_id TEXT NOT NULL REFERENCES accrediting_bodies (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id TEXT REFERENCES organisations (id) ON DELETE CASCADE,
    provider_key TEXT NOT NULL,
    name TEXT NOT NULL,
    about TEXT NOT NULL,
    status TEXT NOT NULL,
    valid_until BIGINT,
    reminded_for BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (body_id, provider_key)
);
CREATE INDEX provider_applications_queue ON provider_applications (body_id, status, updated_at, id);
CREATE INDEX provider_applications_user ON provider_applications (user_id, created_at, id);
CREATE INDEX provider_applications_in_force ON provider_applications (status, valid_until);

-- What a provider offers: what, where, for whom, for how much, when.
CREATE TABLE provider_services (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES provider_applications (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    area_id TEXT NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
    for_whom TEXT NOT NULL,
    price TEXT NOT NULL,
    hours TEXT NOT NULL,
    weekdays BIGINT NOT NULL,
    evenings BIGINT NOT NULL,
    weekends BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX provider_services_application ON provider_services (application_id, created_at);
CREATE INDEX provider_services_kind ON provider_services (kind, area_id, created_at, id);
CREATE INDEX provider_services_area ON provider_services (area_id, created_at, id);

-- Where one application stands on one check. `status`: waiting (evidence given, to review),
-- accepted, more_needed. `expires_at` is the last accepted evidence's expiry, kept while new
-- evidence waits for review.
CREATE TABLE provider_checks (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES provider_applications (id) ON DELETE CASCADE,
    check_id TEXT NOT NULL REFERENCES accreditation_checks (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    note TEXT NOT NULL,
    reason TEXT NOT NULL,
    expires_at BIGINT,
    updated_at BIGINT NOT NULL,
    UNIQUE (application_id, check_id)
);

-- Evidence files: private to the provider and the body's assessors, never public.
-- BYTEA is PostgreSQL's type for bytes; SQLite stores the bytes as given under any name.
CREATE TABLE provider_evidence_files (
    id TEXT PRIMARY KEY,
    provider_check_id TEXT NOT NULL REFERENCES provider_checks (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    bytes BYTEA NOT NULL,
    size BIGINT NOT NULL,
    uploaded_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX provider_evidence_files_check ON provider_evidence_files (provider_check_id, created_at);

-- Every review of a check (accepted until a date, or more needed with a reason), kept.
CREATE TABLE provider_check_reviews (
    id TEXT PRIMARY KEY,
    provider_check_id TEXT NOT NULL REFERENCES provider_checks (id) ON DELETE CASCADE,
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL,
    expires_at BIGINT,
    reviewer_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX provider_check_reviews_check ON provider_check_reviews (provider_check_id, created_at);

-- Decisions on applications (granted or refused, with the reason, who and when): the record
-- an audit log of staff actions can be built from.
CREATE TABLE provider_decisions (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES provider_applications (id) ON DELETE CASCADE,
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL,
    decided_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    decided_at BIGINT NOT NULL
);
CREATE INDEX provider_decisions_application ON provider_decisions (application_id, decided_at);

-- A resident's message to a provider. Neither address is shown until the provider answers:
-- the answer goes to the resident with the provider's address, and the provider then sees
-- the resident's.
CREATE TABLE provider_messages (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES provider_applications (id) ON DELETE CASCADE,
    sender_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    answer TEXT,
    answered_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    answered_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX provider_messages_application ON provider_messages (application_id, created_at, id);
