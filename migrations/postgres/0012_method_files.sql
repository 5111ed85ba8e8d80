-- Materials of a method in the library (cards to print, worksheets, slides), kept in the
-- database like photos. Keep sqlite/0012_method_files.sql in step.
-- BYTEA is PostgreSQL's type for bytes; SQLite stores the bytes as given under any name.

CREATE TABLE method_files (
    id TEXT PRIMARY KEY,
    method_id TEXT NOT NULL REFERENCES methods (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    bytes BYTEA NOT NULL,
    size BIGINT NOT NULL,
    uploaded_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX method_files_method ON method_files (method_id, created_at);
