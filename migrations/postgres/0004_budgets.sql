-- Participatory budgeting: processes and their phases, projects with supports, comments and
-- the official review, who voted (kept apart from what was voted), ballots, invitation codes,
-- paper ballot batches, results and implementation updates.
-- Keep sqlite/0004_budgets.sql in step (SQLite adds WITHOUT ROWID).

CREATE TABLE pb_processes (
    id TEXT PRIMARY KEY,
    area_id TEXT NOT NULL REFERENCES areas (id) ON DELETE RESTRICT,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    currency TEXT NOT NULL,
    -- Whole currency units.
    budget BIGINT NOT NULL,
    phase TEXT NOT NULL CHECK (phase IN ('ideas', 'review', 'voting', 'results', 'implementation')),
    -- Dates as the official typed them (YYYY-MM-DD), shown as the timetable.
    ideas_until TEXT NOT NULL DEFAULT '',
    review_until TEXT NOT NULL DEFAULT '',
    voting_from TEXT NOT NULL DEFAULT '',
    voting_until TEXT NOT NULL DEFAULT '',
    ballot_format TEXT NOT NULL CHECK (ballot_format IN ('approval', 'knapsack', 'cumulative', 'ranking')),
    -- Approval: the least and most projects on a ballot. Ranking: max_choices is k.
    min_choices INTEGER NOT NULL,
    max_choices INTEGER NOT NULL,
    -- Cumulative: the points each voter shares out.
    points INTEGER NOT NULL,
    eligibility TEXT NOT NULL CHECK (eligibility IN ('residents', 'verified', 'codes')),
    -- Voters confirm they are at least this old (0: no limit).
    min_age INTEGER NOT NULL DEFAULT 0,
    allow_changes BOOLEAN NOT NULL,
    support_threshold INTEGER NOT NULL DEFAULT 0,
    counting_rule TEXT NOT NULL,
    -- Read from a Pabulib file rather than run here.
    imported BOOLEAN NOT NULL DEFAULT FALSE,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX pb_processes_area ON pb_processes (area_id);

CREATE TABLE pb_projects (
    id TEXT PRIMARY KEY,
    process_id TEXT NOT NULL REFERENCES pb_processes (id) ON DELETE CASCADE,
    -- The project's id in the process's Pabulib file ("1", "2"... for projects proposed here).
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    -- The proposer's estimate, then the official cost set at review (whole currency units).
    rough_cost BIGINT NOT NULL,
    cost BIGINT,
    status TEXT NOT NULL CHECK (status IN ('proposed', 'feasible', 'rejected')),
    -- Public: why it was rejected, or what the review changed.
    review_note TEXT NOT NULL DEFAULT '',
    reviewed_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    reviewed_at BIGINT,
    implementation TEXT NOT NULL DEFAULT 'not_started' CHECK (implementation IN ('not_started', 'in_progress', 'done', 'cancelled')),
    author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (process_id, code)
);

CREATE TABLE pb_supports (
    project_id TEXT NOT NULL REFERENCES pb_projects (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (project_id, user_id)
);

CREATE TABLE pb_comments (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES pb_projects (id) ON DELETE CASCADE,
    author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX pb_comments_project ON pb_comments (project_id, created_at);

-- Who has voted: a user ('user:<id>') or a used invitation code ('code:<hash>').
-- Nothing here points at a ballot, and ballots point at nobody.
CREATE TABLE pb_voters (
    process_id TEXT NOT NULL REFERENCES pb_processes (id) ON DELETE CASCADE,
    voter_key TEXT NOT NULL,
    voted_at BIGINT NOT NULL,
    PRIMARY KEY (process_id, voter_key)
);

-- Ballot contents. The key is the SHA-256 of the voter's receipt code (random, so rows are
-- kept in no order that follows time); no user, no timestamp.
CREATE TABLE pb_ballots (
    receipt_hash TEXT NOT NULL PRIMARY KEY,
    process_id TEXT NOT NULL REFERENCES pb_processes (id) ON DELETE CASCADE,
    -- The id in the published Pabulib file: the start of the receipt's hash.
    public_id TEXT NOT NULL,
    -- Project codes as in the Pabulib file ("3,7,12"; ranking best first), and points.
    vote TEXT NOT NULL,
    points TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL CHECK (source IN ('online', 'paper', 'imported')),
    UNIQUE (process_id, public_id)
);

-- Invitation codes for closed or paper-based processes; only their hash is kept.
CREATE TABLE pb_codes (
    code_hash TEXT NOT NULL PRIMARY KEY,
    process_id TEXT NOT NULL REFERENCES pb_processes (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    used BOOLEAN NOT NULL DEFAULT FALSE
);

-- Paper ballots typed in batches, each batch twice by two officials, then reconciled.
CREATE TABLE pb_paper_batches (
    id TEXT PRIMARY KEY,
    process_id TEXT NOT NULL REFERENCES pb_processes (id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    first_entry TEXT NOT NULL,
    first_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    second_entry TEXT,
    second_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    accepted_at BIGINT,
    created_at BIGINT NOT NULL,
    UNIQUE (process_id, label)
);

-- The count, made once when voting closes: the whole explained outcome as JSON.
CREATE TABLE pb_results (
    process_id TEXT PRIMARY KEY REFERENCES pb_processes (id) ON DELETE CASCADE,
    counted_at BIGINT NOT NULL,
    outcome TEXT NOT NULL
);

-- Progress of funded projects, visible to all.
CREATE TABLE pb_updates (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES pb_projects (id) ON DELETE CASCADE,
    implementation TEXT NOT NULL,
    body TEXT NOT NULL,
    author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX pb_updates_project ON pb_updates (project_id, created_at);

-- Photos of a proposal or of a funded project's progress, stored without their metadata.
-- BYTEA is PostgreSQL's type for bytes; SQLite stores the bytes as given under any name.
CREATE TABLE pb_photos (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES pb_projects (id) ON DELETE CASCADE,
    content_type TEXT NOT NULL,
    bytes BYTEA NOT NULL,
    alt TEXT NOT NULL,
    uploaded_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX pb_photos_project ON pb_photos (project_id, created_at);
