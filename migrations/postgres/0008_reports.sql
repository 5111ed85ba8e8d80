-- Reports of local problems (potholes, fly-tipping, street lights...): admin-defined
-- categories, routing rules from (category, area) to the organisation that fixes them, the
-- reports with their photos, public updates (status changes and replies), and the people
-- who follow a report or say it affects them too. Site notifications serve every feature.
-- Keep sqlite/0008_reports.sql in step.

CREATE TABLE report_categories (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE
);

-- Reports in the category from the area, or from any area inside it (the nearest rule wins),
-- go to the organisation.
CREATE TABLE report_routes (
    id TEXT PRIMARY KEY,
    category_id TEXT NOT NULL REFERENCES report_categories (id) ON DELETE CASCADE,
    area_id TEXT NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    UNIQUE (category_id, area_id)
);

CREATE TABLE reports (
    id TEXT PRIMARY KEY,
    category_id TEXT NOT NULL REFERENCES report_categories (id) ON DELETE RESTRICT,
    area_id TEXT NOT NULL REFERENCES areas (id) ON DELETE RESTRICT,
    -- Where routing sent it; NULL when no rule covers the category and area yet.
    organisation_id TEXT REFERENCES organisations (id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    -- Optional place: WGS84 degrees, and/or an address in the reporter's words.
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    address TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'in_progress', 'fixed', 'closed', 'duplicate')),
    duplicate_of TEXT REFERENCES reports (id) ON DELETE SET NULL,
    author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    -- Who posted it through the Open311 API, when it came that way.
    source TEXT NOT NULL DEFAULT 'web',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- The organisation's first public answer (a reply or a status change), and the fix.
    responded_at BIGINT,
    fixed_at BIGINT
);
CREATE INDEX reports_created ON reports (created_at);
CREATE INDEX reports_organisation ON reports (organisation_id, status, created_at);
CREATE INDEX reports_area ON reports (area_id, created_at);

CREATE TABLE report_photos (
    id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    content_type TEXT NOT NULL,
    bytes BYTEA NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX report_photos_report ON report_photos (report_id);

-- A public update: a reply, a status change, or both. official is true when written for the
-- responsible organisation.
CREATE TABLE report_updates (
    id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    official BOOLEAN NOT NULL,
    -- The status it moved the report to, or '' for a reply alone.
    status TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX report_updates_report ON report_updates (report_id, created_at);

-- Followers hear about every update; "affects me too" also counts them as affected.
CREATE TABLE report_followers (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    affected BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (report_id, user_id)
);
CREATE INDEX report_followers_user ON report_followers (user_id);

-- Notices shown on the site (the bell), for any feature: what happened, where to look.
CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    link TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    read_at BIGINT
);
CREATE INDEX notifications_user ON notifications (user_id, created_at);

-- Keys for systems that write through the API (Open311 reports first). Only the key's
-- SHA-256 is kept; the key is shown once, when made.
CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    key_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);

-- Stories about services (a ward, a clinic, a library, a bus route), moderated before they
-- are published, with the provider's public response.
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    -- Which of the organisation's services, in the teller's words.
    service TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    good TEXT NOT NULL DEFAULT '',
    better TEXT NOT NULL DEFAULT '',
    author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
    -- Why a moderator did not publish it, shown to the author.
    moderation_note TEXT NOT NULL DEFAULT '',
    response TEXT NOT NULL DEFAULT '',
    responded_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    responded_at BIGINT,
    change TEXT NOT NULL DEFAULT '' CHECK (change IN ('', 'planned', 'made')),
    created_at BIGINT NOT NULL,
    published_at BIGINT
);
CREATE INDEX stories_organisation ON stories (organisation_id, status, published_at);
CREATE INDEX stories_status ON stories (status, created_at);

-- Elected representatives (councillors, the MP...) linked to the areas they serve, each
-- with an account to answer from.
CREATE TABLE representatives (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    area_id TEXT NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
    -- "Councillor for Riverside ward", "Member of Parliament".
    role TEXT NOT NULL,
    party TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    UNIQUE (user_id, area_id)
);

-- Public questions to a representative, and their answers.
CREATE TABLE rep_questions (
    id TEXT PRIMARY KEY,
    representative_id TEXT NOT NULL REFERENCES representatives (id) ON DELETE CASCADE,
    author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL DEFAULT '',
    answered_at BIGINT,
    created_at BIGINT NOT NULL,
    hidden_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rep_questions_representative ON rep_questions (representative_id, created_at);

-- Anyone signed in can flag a report, story, question or conversation post; moderators hide it with a reason
-- its author sees, or dismiss the flag.
CREATE TABLE flags (
    id TEXT PRIMARY KEY,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('report', 'story', 'question', 'post')),
    target_id TEXT NOT NULL,
    reporter_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    reason TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    resolved_at BIGINT,
    UNIQUE (target_kind, target_id, reporter_id)
);
CREATE INDEX flags_open ON flags (resolved_at, created_at);

ALTER TABLE reports ADD COLUMN hidden_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN hidden_reason TEXT NOT NULL DEFAULT '';

-- Conversations: discussion threads per area and topic. A thread may start from a report;
-- replies can be marked as ideas for solutions; people agree with replies and follow threads.
CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    area_id TEXT NOT NULL REFERENCES areas (id) ON DELETE RESTRICT,
    topic TEXT NOT NULL,
    title TEXT NOT NULL,
    author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    report_id TEXT REFERENCES reports (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX conversations_updated ON conversations (updated_at);

-- The opening post and every reply.
CREATE TABLE conversation_posts (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    idea BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL,
    hidden_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX conversation_posts_conversation ON conversation_posts (conversation_id, created_at);

CREATE TABLE conversation_agreements (
    post_id TEXT NOT NULL REFERENCES conversation_posts (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (post_id, user_id)
);

CREATE TABLE conversation_followers (
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (conversation_id, user_id)
);
