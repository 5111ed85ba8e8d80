-- Issue 28: entry on someone's behalf for every kind. Keep sqlite/ and postgres/ 0035 in step.
--
-- Offers and asks, assets and RSVPs belong to an account, and a jury volunteer has an email
-- address. For a resident with neither, the entry makes a held account (no password, an
-- address in the reserved .invalid domain) that owns the item until the resident claims it.
-- Mail to a held address is never sent there: it goes to whoever made the entry, to pass on
-- by phone or post, until the claim. `item_link` is where the claim takes the resident.
ALTER TABLE assisted_entries ADD COLUMN held_user_id TEXT REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE assisted_entries ADD COLUMN held_address TEXT;
ALTER TABLE assisted_entries ADD COLUMN item_link TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX assisted_entries_held_address ON assisted_entries (held_address);
-- Site admins list every entry (to erase a person's details on request), newest first.
CREATE INDEX assisted_entries_created ON assisted_entries (created_at, id);
