-- The methods library: participation methods and games as openly licensed recipes, with
-- adaptations (forks that keep the link and the attribution), ratings, and stories of use.
-- Keep sqlite/0009_methods.sql in step.

CREATE TABLE methods (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    purpose TEXT NOT NULL,
    when_to_use TEXT NOT NULL DEFAULT '',
    group_size TEXT NOT NULL DEFAULT '',
    duration TEXT NOT NULL DEFAULT '',
    materials TEXT NOT NULL DEFAULT '',
    -- One step per line.
    steps TEXT NOT NULL,
    tips TEXT NOT NULL DEFAULT '',
    variations TEXT NOT NULL DEFAULT '',
    licence TEXT NOT NULL,
    -- Lower-case words, comma-separated.
    tags TEXT NOT NULL DEFAULT '',
    author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    -- The attribution as shown (a person's name, or "Square Mile contributors").
    author_name TEXT NOT NULL,
    forked_from TEXT REFERENCES methods (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX methods_forked_from ON methods (forked_from);

CREATE TABLE method_ratings (
    method_id TEXT NOT NULL REFERENCES methods (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (method_id, user_id)
);

-- "We used this": who used it, where or when, and how it went.
CREATE TABLE method_uses (
    id TEXT PRIMARY KEY,
    method_id TEXT NOT NULL REFERENCES methods (id) ON DELETE CASCADE,
    user_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    occasion TEXT NOT NULL,
    story TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX method_uses_method ON method_uses (method_id, created_at);
