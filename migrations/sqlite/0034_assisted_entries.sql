-- Issue 28: entry on someone's behalf. Keep sqlite/ and postgres/ 0034 in step.
--
-- An official or connector records an item for a resident with no account or no email
-- (from a paper form, a phone call, a help desk), with the resident's name, a phone number
-- or postal address and how they consented. The item itself has no author until the
-- resident claims it with the code printed on their slip (only its SHA-256 is kept). The
-- public sees that it was entered with help, never by whom; the resident's details are
-- seen only by the person who entered them and site admins.
CREATE TABLE assisted_entries (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    item_id TEXT NOT NULL,
    person_name TEXT NOT NULL,
    phone TEXT NOT NULL,
    postal_address TEXT NOT NULL,
    consent_note TEXT NOT NULL,
    entered_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    claim_code_hash TEXT NOT NULL UNIQUE,
    claimed_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    claimed_at BIGINT,
    created_at BIGINT NOT NULL,
    UNIQUE (kind, item_id)
);
CREATE INDEX assisted_entries_entered_by ON assisted_entries (entered_by, created_at, id);
