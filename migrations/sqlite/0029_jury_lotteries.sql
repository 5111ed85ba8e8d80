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

-- The address lottery, the first stage of an assembly: a letter code can carry the address
-- it was printed for and that address's area, so response rates per area are counted as
-- people register. Officials only ever see the addresses; nothing of them is published.
ALTER TABLE jury_letter_codes ADD COLUMN address TEXT;
ALTER TABLE jury_letter_codes ADD COLUMN area TEXT;
CREATE INDEX jury_letter_codes_area ON jury_letter_codes (jury_id, area);
