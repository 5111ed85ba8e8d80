-- Foundation: areas, accounts, sessions, roles, organisations, jobs.
-- Ids are UUIDv7 strings and timestamps are Unix milliseconds, both made in Rust,
-- so the same SQL runs on SQLite and PostgreSQL. Keep postgres/0001_foundation.sql in step.

CREATE TABLE areas (
    id TEXT PRIMARY KEY,
    parent_id TEXT REFERENCES areas (id) ON DELETE RESTRICT,
    kind TEXT NOT NULL CHECK (kind IN ('city', 'district', 'neighbourhood')),
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX areas_parent ON areas (parent_id);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    display_name TEXT NOT NULL,
    bio TEXT NOT NULL DEFAULT '',
    home_area_id TEXT REFERENCES areas (id) ON DELETE SET NULL,
    locale TEXT NOT NULL DEFAULT 'en-GB',
    is_admin BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX password_resets_user ON password_resets (user_id);

CREATE TABLE area_roles (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    area_id TEXT NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('resident', 'connector', 'official', 'representative', 'moderator', 'admin')),
    granted_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    verified_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    verified_at BIGINT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, area_id, role)
);
CREATE INDEX area_roles_area ON area_roles (area_id, role);

CREATE TABLE invitation_codes (
    code TEXT PRIMARY KEY,
    area_id TEXT NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    used_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    used_at BIGINT
);
CREATE INDEX invitation_codes_area ON invitation_codes (area_id);

CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('council_department', 'agency', 'health_service', 'community_group', 'charity', 'business', 'micro_provider')),
    description TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    area_id TEXT REFERENCES areas (id) ON DELETE SET NULL,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX organisations_area ON organisations (area_id);

CREATE TABLE memberships (
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('member', 'official', 'admin')),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

-- Background work (emails now, digests later): a row per job, claimed by the worker loop.
CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    run_at BIGINT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    locked_until BIGINT,
    last_error TEXT,
    done_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX jobs_due ON jobs (done_at, run_at);
