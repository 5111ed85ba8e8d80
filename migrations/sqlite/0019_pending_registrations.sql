-- Keep the other folder's 0019_pending_registrations.sql in step.
-- Registering no longer says whether an address has an account (issue 25): the form always
-- answers "check your email". A new address gets a link that creates the account; an address
-- with an account gets a reminder to sign in instead. Until the link is followed the details
-- wait here; only the link's hash is kept, as for password resets.
CREATE TABLE pending_registrations (
    token_hash TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    home_area_id TEXT REFERENCES areas (id) ON DELETE SET NULL,
    locale TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX pending_registrations_expiry ON pending_registrations (expires_at);
