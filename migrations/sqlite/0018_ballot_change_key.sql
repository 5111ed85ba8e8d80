-- Keep the other folder's 0018_ballot_change_key.sql in step.
-- Changing a ballot needs the voter's own credential as well as the receipt (issue 25): a
-- receipt seen by someone else (a photo, a shoulder) lets them check the ballot, never change
-- it. change_hash is SHA-256 of the receipt itself (never stored) with the voter's key, so
-- someone holding the database, even with the ballot key file, cannot compute it for any
-- voter and it links no ballot to a voter. NULL for paper and imported ballots, and for
-- ballots cast before this change, which can no longer be changed.
ALTER TABLE pb_ballots ADD COLUMN change_hash TEXT;
