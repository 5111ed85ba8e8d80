-- Citizens' juries: quotas, volunteers, letter codes and the draws that chose the panel.
-- Keep postgres/0002_juries.sql in step.

CREATE TABLE juries (
    id TEXT PRIMARY KEY,
    area_id TEXT NOT NULL REFERENCES areas (id) ON DELETE RESTRICT,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    purpose TEXT NOT NULL DEFAULT '',
    panel_size INTEGER NOT NULL,
    one_per_household BOOLEAN NOT NULL,
    -- Dates as the official typed them (YYYY-MM-DD): registration closes, the jury meets.
    closes_on TEXT NOT NULL,
    meets_on TEXT NOT NULL DEFAULT '',
    -- The secret part of the invitation link.
    invite_token TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed', 'selected', 'published')),
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX juries_area ON juries (area_id);

-- Features in order, each value with its quota; positions give the order shown.
CREATE TABLE jury_quotas (
    jury_id TEXT NOT NULL REFERENCES juries (id) ON DELETE CASCADE,
    feature_position INTEGER NOT NULL,
    feature TEXT NOT NULL,
    value_position INTEGER NOT NULL,
    value TEXT NOT NULL,
    min_count INTEGER NOT NULL,
    max_count INTEGER NOT NULL,
    PRIMARY KEY (jury_id, feature_position, value_position)
);

CREATE TABLE jury_volunteers (
    id TEXT PRIMARY KEY,
    jury_id TEXT NOT NULL REFERENCES juries (id) ON DELETE CASCADE,
    user_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL,
    postcode TEXT NOT NULL,
    -- Address and postcode folded (case, spaces, punctuation): equal keys share a home.
    household_key TEXT NOT NULL,
    -- One value position per feature, comma-separated in feature order.
    answers TEXT NOT NULL,
    letter_code TEXT,
    -- The language they registered in, for the emails they get.
    locale TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('volunteer', 'selected', 'dropped_out')),
    consented_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (jury_id, email)
);
CREATE INDEX jury_volunteers_household ON jury_volunteers (jury_id, household_key);

-- Codes printed on invitation letters: each registers one volunteer.
CREATE TABLE jury_letter_codes (
    code TEXT PRIMARY KEY,
    jury_id TEXT NOT NULL REFERENCES juries (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    used_by TEXT REFERENCES jury_volunteers (id) ON DELETE SET NULL,
    used_at BIGINT
);
CREATE INDEX jury_letter_codes_jury ON jury_letter_codes (jury_id);

-- Each draw: the first panel, or replacements for people who dropped out. Queued as
-- 'running' and finished by the job worker, so a long draw never holds a request.
CREATE TABLE jury_draws (
    id TEXT PRIMARY KEY,
    jury_id TEXT NOT NULL REFERENCES juries (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('panel', 'replacement')),
    method TEXT NOT NULL CHECK (method IN ('leximin', 'legacy')),
    seed BIGINT NOT NULL,
    size INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
    error TEXT NOT NULL DEFAULT '',
    pool_size INTEGER NOT NULL DEFAULT 0,
    min_probability DOUBLE PRECISION,
    low_threshold DOUBLE PRECISION,
    share_below_threshold DOUBLE PRECISION,
    exact BOOLEAN,
    panels INTEGER,
    requested_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    finished_at BIGINT
);
CREATE INDEX jury_draws_jury ON jury_draws (jury_id, created_at);

-- Every candidate's chance in a draw, and whether the draw chose them.
CREATE TABLE jury_draw_people (
    draw_id TEXT NOT NULL REFERENCES jury_draws (id) ON DELETE CASCADE,
    volunteer_id TEXT NOT NULL REFERENCES jury_volunteers (id) ON DELETE CASCADE,
    probability DOUBLE PRECISION NOT NULL,
    selected BOOLEAN NOT NULL,
    PRIMARY KEY (draw_id, volunteer_id)
);
