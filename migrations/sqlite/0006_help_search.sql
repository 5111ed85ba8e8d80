-- Offers and asks are searched with tantivy, an index the app keeps in memory (help::search),
-- instead of FTS5. The app catches up with the database by `change_seq`: every insert and
-- every change a search can see takes the next number from one counter row. Writers queue
-- on that row, so numbers become visible in order and "everything above the last number I
-- read" never skips a row, whichever process wrote it.
-- Keep postgres/0006_help_search.sql in step.

DROP TRIGGER help_posts_fts_insert;
DROP TRIGGER help_posts_fts_update;
DROP TRIGGER help_posts_fts_delete;
DROP TABLE help_posts_fts;

CREATE TABLE help_posts_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL
);
INSERT INTO help_posts_version (id, seq) VALUES (1, 0);

-- Existing posts keep 0: the first catch-up reads everything above -1.
ALTER TABLE help_posts ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX help_posts_change ON help_posts (change_seq);

CREATE TRIGGER help_posts_seq_insert AFTER INSERT ON help_posts BEGIN
    UPDATE help_posts_version SET seq = seq + 1;
    UPDATE help_posts SET change_seq = (SELECT seq FROM help_posts_version) WHERE id = new.id;
END;
-- Not on change_seq itself, so the trigger's own update does not fire it again.
CREATE TRIGGER help_posts_seq_update
AFTER UPDATE OF kind, area_id, card_code, title, body, status, visibility ON help_posts BEGIN
    UPDATE help_posts_version SET seq = seq + 1;
    UPDATE help_posts SET change_seq = (SELECT seq FROM help_posts_version) WHERE id = new.id;
END;
