-- Offers and asks are searched with tantivy, an index the app keeps in memory (help::search),
-- instead of a tsvector. The app catches up with the database by `change_seq`: every insert
-- and every change a search can see takes the next number from one counter row. Writers
-- queue on that row's lock until they commit, so numbers become visible in order and
-- "everything above the last number I read" never skips a row, whichever process wrote it.
-- Keep sqlite/0006_help_search.sql in step.

DROP INDEX help_posts_search;
ALTER TABLE help_posts DROP COLUMN search;

CREATE TABLE help_posts_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL
);
INSERT INTO help_posts_version (id, seq) VALUES (1, 0);

-- Existing posts keep 0: the first catch-up reads everything above -1.
ALTER TABLE help_posts ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX help_posts_change ON help_posts (change_seq);

CREATE FUNCTION help_posts_next_seq() RETURNS trigger AS $$
BEGIN
    UPDATE help_posts_version SET seq = seq + 1 RETURNING seq INTO NEW.change_seq;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER help_posts_seq_insert BEFORE INSERT ON help_posts
    FOR EACH ROW EXECUTE FUNCTION help_posts_next_seq();
CREATE TRIGGER help_posts_seq_update
    BEFORE UPDATE OF kind, area_id, card_code, title, body, status, visibility ON help_posts
    FOR EACH ROW EXECUTE FUNCTION help_posts_next_seq();
