-- Events (community conversations, open space, walk-and-talks, assemblies, skills-game
-- sessions) with RSVPs and a waiting list, reminders, and open-space sessions with their
-- report-backs. Keep sqlite/0010_events.sql in step.

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    area_id TEXT NOT NULL REFERENCES areas (id),
    place TEXT NOT NULL,
    accessibility TEXT NOT NULL DEFAULT '',
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    -- NULL: no limit on places.
    capacity INTEGER,
    organiser_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    method_id TEXT REFERENCES methods (id) ON DELETE SET NULL,
    cancelled_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX events_area_starts ON events (area_id, starts_at);
CREATE INDEX events_starts ON events (starts_at);

-- One row per person: 'going' holds a place, 'waiting' queues in created_at order.
CREATE TABLE event_rsvps (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('going', 'waiting')),
    created_at BIGINT NOT NULL,
    -- Set in the transaction that queues the reminder email, so it is sent once.
    reminded_at BIGINT,
    PRIMARY KEY (event_id, user_id)
);
CREATE INDEX event_rsvps_user ON event_rsvps (user_id);

-- Open space: sessions pitched during an event, who joined, and the report-back.
CREATE TABLE open_space_sessions (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    topic TEXT NOT NULL,
    spot TEXT NOT NULL DEFAULT '',
    host_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    report TEXT NOT NULL DEFAULT '',
    reported_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX open_space_sessions_event ON open_space_sessions (event_id, created_at);

CREATE TABLE open_space_members (
    session_id TEXT NOT NULL REFERENCES open_space_sessions (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (session_id, user_id)
);

-- "We used this" stories can name the event where the method was used.
ALTER TABLE method_uses ADD COLUMN event_id TEXT REFERENCES events (id) ON DELETE SET NULL;

-- A skills-game session can be played at an event.
ALTER TABLE game_sessions ADD COLUMN event_id TEXT REFERENCES events (id) ON DELETE SET NULL;
