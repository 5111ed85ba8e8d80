-- What a neighbourhood already has: the skill cards, the assets people and groups record
-- (gifts and skills, resources and spaces, groups), skills-game sessions, offers and asks of
-- help with their matches, conversations and time credits, and community projects.
-- Keep postgres/0005_assets.sql in step (only the full-text search differs).

-- The taxonomy of skill cards. Names come from the locale files (skill-<code>), unless an
-- admin has renamed a card on the site (skill_labels).
CREATE TABLE skill_groups (
    code TEXT PRIMARY KEY,
    position INTEGER NOT NULL
);

CREATE TABLE skill_cards (
    code TEXT PRIMARY KEY,
    group_code TEXT NOT NULL REFERENCES skill_groups (code) ON DELETE RESTRICT,
    position INTEGER NOT NULL,
    -- A retired card keeps its history but is no longer offered for new records.
    retired BOOLEAN NOT NULL DEFAULT FALSE
);

-- Names an admin gave a card or a group, per language (code is a card's or a group's).
CREATE TABLE skill_labels (
    code TEXT NOT NULL,
    lang TEXT NOT NULL,
    name TEXT NOT NULL,
    updated_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (code, lang)
);

-- A gift or skill, a resource or space, or a group, recorded by a resident for themselves or
-- for an organisation they belong to.
CREATE TABLE assets (
    id TEXT PRIMARY KEY,
    area_id TEXT NOT NULL REFERENCES areas (id) ON DELETE RESTRICT,
    kind TEXT NOT NULL CHECK (kind IN ('skill', 'resource', 'space', 'group')),
    card_code TEXT REFERENCES skill_cards (code) ON DELETE RESTRICT,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    -- Comma-separated: teach, do, lend, advise.
    share_modes TEXT NOT NULL DEFAULT '',
    -- Spaces and resources: how many people, step-free access and the like, terms, price.
    capacity INTEGER,
    accessibility TEXT NOT NULL DEFAULT '',
    conditions TEXT NOT NULL DEFAULT '',
    cost TEXT NOT NULL DEFAULT '',
    visibility TEXT NOT NULL CHECK (visibility IN ('public', 'residents', 'organisers')),
    owner_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id TEXT REFERENCES organisations (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX assets_area ON assets (area_id, kind);
-- Candidates for an ask: the newest skills on a card, in the same area first.
CREATE INDEX assets_card ON assets (card_code, kind, created_at);
CREATE INDEX assets_card_area ON assets (card_code, kind, area_id, created_at);
CREATE INDEX assets_owner ON assets (owner_id);

-- What a network-mapping respondent could share, as skill cards (codes, comma-separated),
-- beside the free text they typed.
ALTER TABLE mapping_nodes ADD COLUMN skill_cards TEXT NOT NULL DEFAULT '';

-- The skills game: a session (at an event), its tables, and each table's answer per card.
CREATE TABLE game_sessions (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    area_id TEXT NOT NULL REFERENCES areas (id) ON DELETE RESTRICT,
    title TEXT NOT NULL,
    held_on TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    closed BOOLEAN NOT NULL DEFAULT FALSE,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX game_sessions_area ON game_sessions (area_id);

CREATE TABLE game_tables (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES game_sessions (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    -- The secret in the table's link: whoever holds the phone at the table records answers.
    token TEXT NOT NULL UNIQUE
);
CREATE INDEX game_tables_session ON game_tables (session_id, position);

CREATE TABLE game_answers (
    table_id TEXT NOT NULL REFERENCES game_tables (id) ON DELETE CASCADE,
    card_code TEXT NOT NULL REFERENCES skill_cards (code) ON DELETE RESTRICT,
    answer TEXT NOT NULL CHECK (answer IN ('we', 'friend', 'nobody')),
    answered_at BIGINT NOT NULL,
    PRIMARY KEY (table_id, card_code)
);

-- Community projects: an initiative with a purpose, a team, updates and asks for help.
CREATE TABLE community_projects (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    area_id TEXT NOT NULL REFERENCES areas (id) ON DELETE RESTRICT,
    title TEXT NOT NULL,
    purpose TEXT NOT NULL,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE community_project_members (
    project_id TEXT NOT NULL REFERENCES community_projects (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    PRIMARY KEY (project_id, user_id)
);

CREATE TABLE community_project_updates (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES community_projects (id) ON DELETE CASCADE,
    author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX community_project_updates_project ON community_project_updates (project_id, created_at);

-- Offers and asks of help.
CREATE TABLE help_posts (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('offer', 'ask')),
    area_id TEXT NOT NULL REFERENCES areas (id) ON DELETE RESTRICT,
    card_code TEXT REFERENCES skill_cards (code) ON DELETE RESTRICT,
    title TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    -- When, in the poster's words ("Saturday mornings"), and the days it covers as a bit set
    -- (Monday = 1, Tuesday = 2 ... Sunday = 64; 0: any day).
    timing TEXT NOT NULL DEFAULT '',
    days INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('open', 'matched', 'done', 'withdrawn')),
    visibility TEXT NOT NULL CHECK (visibility IN ('public', 'residents', 'organisers')),
    owner_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    project_id TEXT REFERENCES community_projects (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
-- Matching reads the newest open posts on a card, in the same area first, then anywhere.
CREATE INDEX help_posts_card ON help_posts (card_code, kind, status, created_at);
CREATE INDEX help_posts_card_area ON help_posts (card_code, kind, status, area_id, created_at);
CREATE INDEX help_posts_area ON help_posts (area_id, kind, status, created_at);
CREATE INDEX help_posts_owner ON help_posts (owner_id);
CREATE INDEX help_posts_project ON help_posts (project_id);

-- A match: the owner of a post invites someone (the owner of a matching post, or a person
-- who recorded the skill) to help, or to be helped. The helper gives, the helped receives.
CREATE TABLE help_matches (
    id TEXT PRIMARY KEY,
    post_id TEXT NOT NULL REFERENCES help_posts (id) ON DELETE CASCADE,
    other_post_id TEXT REFERENCES help_posts (id) ON DELETE SET NULL,
    helper_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    helped_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    invited_by TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('invited', 'accepted', 'declined', 'done')),
    thanks TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (post_id, helper_id, helped_id)
);
CREATE INDEX help_matches_helper ON help_matches (helper_id);
CREATE INDEX help_matches_helped ON help_matches (helped_id);

CREATE TABLE help_messages (
    id TEXT PRIMARY KEY,
    match_id TEXT NOT NULL REFERENCES help_matches (id) ON DELETE CASCADE,
    author_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX help_messages_match ON help_messages (match_id, created_at);

-- Time credits: one row per transfer, from the person helped to the helper, so that
-- everyone's balances always sum to zero. At most one transfer per match.
CREATE TABLE time_credits (
    id TEXT PRIMARY KEY,
    match_id TEXT NOT NULL UNIQUE REFERENCES help_matches (id) ON DELETE RESTRICT,
    from_id TEXT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    to_id TEXT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    minutes INTEGER NOT NULL CHECK (minutes > 0),
    created_at BIGINT NOT NULL,
    CHECK (from_id <> to_id)
);
CREATE INDEX time_credits_from ON time_credits (from_id);
CREATE INDEX time_credits_to ON time_credits (to_id);

-- Full-text search over offers and asks (FTS5, English stemming), kept in step by triggers.
CREATE VIRTUAL TABLE help_posts_fts USING fts5 (
    post_id UNINDEXED, title, body, tokenize = 'porter unicode61'
);
CREATE TRIGGER help_posts_fts_insert AFTER INSERT ON help_posts BEGIN
    INSERT INTO help_posts_fts (post_id, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER help_posts_fts_update AFTER UPDATE OF title, body ON help_posts BEGIN
    DELETE FROM help_posts_fts WHERE post_id = old.id;
    INSERT INTO help_posts_fts (post_id, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER help_posts_fts_delete AFTER DELETE ON help_posts BEGIN
    DELETE FROM help_posts_fts WHERE post_id = old.id;
END;

INSERT INTO skill_groups (code, position) VALUES
    ('practical', 1),
    ('care', 2),
    ('food', 3),
    ('creative', 4),
    ('digital', 5),
    ('money', 6),
    ('organising', 7),
    ('teaching', 8);

INSERT INTO skill_cards (code, group_code, position, retired) VALUES
    ('bike-repair', 'practical', 1, FALSE),
    ('home-repairs', 'practical', 2, FALSE),
    ('carpentry', 'practical', 3, FALSE),
    ('plumbing', 'practical', 4, FALSE),
    ('electrics', 'practical', 5, FALSE),
    ('decorating', 'practical', 6, FALSE),
    ('sewing-mending', 'practical', 7, FALSE),
    ('electronics-repair', 'practical', 8, FALSE),
    ('upcycling', 'practical', 9, FALSE),
    ('gardening', 'practical', 10, FALSE),
    ('food-growing', 'practical', 11, FALSE),
    ('driving', 'practical', 12, FALSE),
    ('lifting-moving', 'practical', 13, FALSE),
    ('cleaning', 'practical', 14, FALSE),
    ('listening', 'care', 15, FALSE),
    ('befriending', 'care', 16, FALSE),
    ('childcare', 'care', 17, FALSE),
    ('older-people', 'care', 18, FALSE),
    ('first-aid', 'care', 19, FALSE),
    ('mental-health', 'care', 20, FALSE),
    ('disability-support', 'care', 21, FALSE),
    ('pets', 'care', 22, FALSE),
    ('exercise', 'care', 23, FALSE),
    ('relaxation', 'care', 24, FALSE),
    ('nursing', 'care', 25, FALSE),
    ('errands', 'care', 26, FALSE),
    ('hairdressing', 'care', 27, FALSE),
    ('cooking', 'food', 28, FALSE),
    ('baking', 'food', 29, FALSE),
    ('cooking-for-many', 'food', 30, FALSE),
    ('preserving', 'food', 31, FALSE),
    ('food-hygiene', 'food', 32, FALSE),
    ('catering', 'food', 33, FALSE),
    ('cafe', 'food', 34, FALSE),
    ('nutrition', 'food', 35, FALSE),
    ('foraging', 'food', 36, FALSE),
    ('composting', 'food', 37, FALSE),
    ('seed-saving', 'food', 38, FALSE),
    ('world-food', 'food', 39, FALSE),
    ('music', 'creative', 40, FALSE),
    ('singing', 'creative', 41, FALSE),
    ('drawing-painting', 'creative', 42, FALSE),
    ('photography', 'creative', 43, FALSE),
    ('film', 'creative', 44, FALSE),
    ('writing', 'creative', 45, FALSE),
    ('poetry', 'creative', 46, FALSE),
    ('theatre', 'creative', 47, FALSE),
    ('dance', 'creative', 48, FALSE),
    ('knitting-crafts', 'creative', 49, FALSE),
    ('pottery', 'creative', 50, FALSE),
    ('posters', 'creative', 51, FALSE),
    ('local-history', 'creative', 52, FALSE),
    ('computer-help', 'digital', 53, FALSE),
    ('smartphone-help', 'digital', 54, FALSE),
    ('websites', 'digital', 55, FALSE),
    ('social-media', 'digital', 56, FALSE),
    ('spreadsheets', 'digital', 57, FALSE),
    ('online-safety', 'digital', 58, FALSE),
    ('video-calls', 'digital', 59, FALSE),
    ('coding', 'digital', 60, FALSE),
    ('data-maps', 'digital', 61, FALSE),
    ('sound-video-editing', 'digital', 62, FALSE),
    ('online-services', 'digital', 63, FALSE),
    ('bookkeeping', 'money', 64, FALSE),
    ('household-budgets', 'money', 65, FALSE),
    ('grant-writing', 'money', 66, FALSE),
    ('form-filling', 'money', 67, FALSE),
    ('benefits-advice', 'money', 68, FALSE),
    ('tax-returns', 'money', 69, FALSE),
    ('fundraising', 'money', 70, FALSE),
    ('legal-basics', 'money', 71, FALSE),
    ('letters', 'money', 72, FALSE),
    ('business-planning', 'money', 73, FALSE),
    ('insurance-risk', 'money', 74, FALSE),
    ('treasurer', 'money', 75, FALSE),
    ('chairing', 'organising', 76, FALSE),
    ('events', 'organising', 77, FALSE),
    ('volunteers', 'organising', 78, FALSE),
    ('door-knocking', 'organising', 79, FALSE),
    ('campaigning', 'organising', 80, FALSE),
    ('mediation', 'organising', 81, FALSE),
    ('public-speaking', 'organising', 82, FALSE),
    ('welcoming', 'organising', 83, FALSE),
    ('safeguarding', 'organising', 84, FALSE),
    ('minutes', 'organising', 85, FALSE),
    ('community-research', 'organising', 86, FALSE),
    ('connecting', 'organising', 87, FALSE),
    ('running-groups', 'organising', 88, FALSE),
    ('maths-tutoring', 'teaching', 89, FALSE),
    ('reading-help', 'teaching', 90, FALSE),
    ('english-language', 'teaching', 91, FALSE),
    ('other-languages', 'teaching', 92, FALSE),
    ('interpreting', 'teaching', 93, FALSE),
    ('teaching-adults', 'teaching', 94, FALSE),
    ('mentoring', 'teaching', 95, FALSE),
    ('jobs-help', 'teaching', 96, FALSE),
    ('nature', 'teaching', 97, FALSE),
    ('sports-coaching', 'teaching', 98, FALSE),
    ('cycling-teaching', 'teaching', 99, FALSE),
    ('science', 'teaching', 100, FALSE);
