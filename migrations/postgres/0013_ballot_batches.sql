-- Ballot secrecy that survives the database files (see SECURITY.md). Keep
-- sqlite/0013_ballot_batches.sql in step.
--
-- A ballot is first written sealed (encrypted with the ballot key, which is kept in a file
-- outside the database), in the same transaction that records its voter; sealed ballots move
-- into pb_ballots in shuffled batches of at least ten (budgets::seal::BATCH), so neither the
-- transaction ids (xmin), nor the order of rows (ctid), nor the WAL links a voter to more
-- than a batch.
CREATE TABLE pb_sealed_ballots (
    -- Random, so rows are kept in no order that follows time.
    id TEXT NOT NULL PRIMARY KEY,
    process_id TEXT NOT NULL REFERENCES pb_processes (id) ON DELETE CASCADE,
    -- A keyed hash of the receipt's hash: finds a voter's own ballot, says nothing without the key.
    lookup TEXT NOT NULL,
    -- base64 of nonce and ciphertext; every ballot padded to the same length.
    sealed TEXT NOT NULL,
    UNIQUE (process_id, lookup)
);

-- Who voted, without when.
ALTER TABLE pb_voters DROP COLUMN voted_at;

-- Ballots stored before this change were written beside their voters, in the same
-- transaction: write them again, in a random order, in this one. (Their old row versions
-- stay in the table's files until VACUUM FULL, see SECURITY.md.)
CREATE TEMPORARY TABLE pb_ballots_shuffled ON COMMIT DROP AS SELECT * FROM pb_ballots;
DELETE FROM pb_ballots;
INSERT INTO pb_ballots (receipt_hash, process_id, public_id, vote, points, source)
    SELECT receipt_hash, process_id, public_id, vote, points, source
    FROM pb_ballots_shuffled ORDER BY random();
