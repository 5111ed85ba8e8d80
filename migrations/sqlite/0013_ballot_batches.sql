-- Ballot secrecy that survives the database files (see SECURITY.md). Keep
-- postgres/0013_ballot_batches.sql in step.
--
-- A ballot is first written sealed (encrypted with the ballot key, which is kept in a file
-- outside the database), in the same transaction that records its voter; sealed ballots move
-- into pb_ballots in shuffled batches of at least ten (budgets::seal::BATCH), so neither the
-- order of rows, nor which commit wrote them, links a voter to more than a batch.
CREATE TABLE pb_sealed_ballots (
    -- Random, so rows are kept in no order that follows time.
    id TEXT NOT NULL PRIMARY KEY,
    process_id TEXT NOT NULL REFERENCES pb_processes (id) ON DELETE CASCADE,
    -- A keyed hash of the receipt's hash: finds a voter's own ballot, says nothing without the key.
    lookup TEXT NOT NULL,
    -- base64 of nonce and ciphertext; every ballot padded to the same length.
    sealed TEXT NOT NULL,
    UNIQUE (process_id, lookup)
) WITHOUT ROWID;

-- Who voted, without when, and (WITHOUT ROWID) stored in the order of its key rather than the
-- order of voting.
CREATE TABLE pb_voters_unordered (
    process_id TEXT NOT NULL REFERENCES pb_processes (id) ON DELETE CASCADE,
    voter_key TEXT NOT NULL,
    PRIMARY KEY (process_id, voter_key)
) WITHOUT ROWID;
INSERT INTO pb_voters_unordered (process_id, voter_key) SELECT process_id, voter_key FROM pb_voters;
DROP TABLE pb_voters;
ALTER TABLE pb_voters_unordered RENAME TO pb_voters;

-- pb_ballots is WITHOUT ROWID already (0004): its rows are kept in the order of their random
-- key, so the ballots stored before this change need no new order.
