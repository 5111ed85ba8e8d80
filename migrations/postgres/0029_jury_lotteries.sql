-- Issue 29: a draw anyone can check. Keep sqlite/ and postgres/ 0029 in step.
--
-- A panel draw made as a lottery: the job rounds the fair distribution to m panels and
-- stores what is published before the draw (sortition::Publication as JSON: ids and
-- chances only, and the digest); the draw stays running until an official enters the
-- public seed, fixed after publication, which picks the panel (sortition::PublishedDraw
-- as JSON, which `squaremile jury verify` recomputes). A dropout's place is then filled
-- from the drawn panel's reserve list, in order, while the quotas hold.
CREATE TABLE jury_lotteries (
    draw_id TEXT PRIMARY KEY REFERENCES jury_draws (id) ON DELETE CASCADE,
    jury_id TEXT NOT NULL REFERENCES juries (id) ON DELETE CASCADE,
    m BIGINT NOT NULL,
    reserves BIGINT NOT NULL,
    publication TEXT,
    digest TEXT,
    published_at BIGINT,
    public_seed TEXT,
    drawn BIGINT,
    draw_record TEXT,
    drawn_at BIGINT,
    -- The reserves of the drawn panel who stepped in for dropouts, in order (ids, comma
    -- separated): public, as the reserve list is.
    reserves_called TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX jury_lotteries_jury ON jury_lotteries (jury_id, created_at);
