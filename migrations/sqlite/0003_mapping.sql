-- Network mapping exercises: who answered, who they named, the ties between them, and the
-- introductions organisers made. Keep postgres/0003_mapping.sql in step.

CREATE TABLE mapping_exercises (
    id TEXT PRIMARY KEY,
    area_id TEXT NOT NULL REFERENCES areas (id) ON DELETE RESTRICT,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    purpose TEXT NOT NULL DEFAULT '',
    -- Who is invited, in the organiser's words.
    invited TEXT NOT NULL DEFAULT '',
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    -- The relationship types asked about, one per line.
    relationship_types TEXT NOT NULL,
    visibility TEXT NOT NULL CHECK (visibility IN ('public', 'respondents', 'organisers')),
    invite_token TEXT NOT NULL UNIQUE,
    -- The earlier round this one repeats, for comparing snapshots.
    previous_id TEXT REFERENCES mapping_exercises (id) ON DELETE SET NULL,
    closed BOOLEAN NOT NULL,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX mapping_exercises_area ON mapping_exercises (area_id);

-- People and organisations: those who answered and those they named.
CREATE TABLE mapping_nodes (
    id TEXT PRIMARY KEY,
    exercise_id TEXT NOT NULL REFERENCES mapping_exercises (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation')),
    name TEXT NOT NULL,
    -- The name folded (case, spaces, punctuation), so one person is one node.
    name_key TEXT NOT NULL,
    area_id TEXT REFERENCES areas (id) ON DELETE SET NULL,
    -- Whether the name may appear on the map; only a respondent can say yes for themselves.
    consent BOOLEAN NOT NULL,
    responded_at BIGINT,
    email TEXT NOT NULL DEFAULT '',
    skills TEXT NOT NULL DEFAULT '',
    interests TEXT NOT NULL DEFAULT '',
    needs TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    UNIQUE (exercise_id, name_key)
);

CREATE TABLE mapping_ties (
    exercise_id TEXT NOT NULL REFERENCES mapping_exercises (id) ON DELETE CASCADE,
    source_id TEXT NOT NULL REFERENCES mapping_nodes (id) ON DELETE CASCADE,
    target_id TEXT NOT NULL REFERENCES mapping_nodes (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    about TEXT NOT NULL DEFAULT '',
    frequency TEXT NOT NULL CHECK (frequency IN ('weekly', 'monthly', 'yearly')),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (source_id, target_id, kind)
);
CREATE INDEX mapping_ties_exercise ON mapping_ties (exercise_id);

CREATE TABLE mapping_introductions (
    exercise_id TEXT NOT NULL REFERENCES mapping_exercises (id) ON DELETE CASCADE,
    a_id TEXT NOT NULL REFERENCES mapping_nodes (id) ON DELETE CASCADE,
    b_id TEXT NOT NULL REFERENCES mapping_nodes (id) ON DELETE CASCADE,
    made_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    made_at BIGINT NOT NULL,
    PRIMARY KEY (exercise_id, a_id, b_id)
);
