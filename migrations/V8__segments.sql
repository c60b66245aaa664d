-- Clientele store, version 8: segments and cadence (docs/rules.md §10), as of a date.
--
-- The summary keeps, per card, what the segments need "as of" `settings.segments_asof`
-- (the local date the rows were last derived for); `segments::roll` re-derives only the
-- cards with a booking dated between the old and the new date when the day changes.
ALTER TABLE customer_summary ADD COLUMN visit_dated_on TEXT;   -- latest counted booking_date ≤ as-of
ALTER TABLE customer_summary ADD COLUMN cadence_days REAL;     -- median gap, ≥ 3 distinct dates
ALTER TABLE customer_summary ADD COLUMN due_jd REAL;           -- julianday(visit_dated_on) + cadence
ALTER TABLE customer_summary ADD COLUMN risk_jd REAL;          -- julianday(visit_dated_on) + 2 × cadence
ALTER TABLE customer_summary ADD COLUMN next_open_on TEXT;     -- earliest open booking_date ≥ as-of
ALTER TABLE customer_summary ADD COLUMN cancel_prone INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customer_summary ADD COLUMN rebooked_90 INTEGER NOT NULL DEFAULT 0; -- booked again ≤ 90 days after the first
CREATE INDEX summary_next_open ON customer_summary(next_open_on) WHERE next_open_on IS NOT NULL;
CREATE INDEX summary_visit_dated ON customer_summary(visit_dated_on) WHERE next_open_on IS NULL;
CREATE INDEX summary_due ON customer_summary(due_jd, customer_id);
CREATE INDEX summary_risk ON customer_summary(risk_jd) WHERE next_open_on IS NULL AND risk_jd IS NOT NULL;
CREATE INDEX summary_cancel_prone ON customer_summary(customer_id) WHERE cancel_prone = 1;
CREATE INDEX summary_unreviewed ON customer_summary(customer_id)
    WHERE review_count = 0 AND last_visit_on IS NOT NULL;
CREATE INDEX summary_first_cohort ON customer_summary(first_booking_at, rebooked_90, status);
-- Bookings by date, for the daily roll (and upcoming visits).
CREATE INDEX bookings_by_date ON bookings(booking_date, customer_id);

-- Saved views: a name and the list's query (search, status, tags, segment, sort) as JSON.
CREATE TABLE saved_views (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    query       TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;

INSERT INTO settings (key, value) VALUES ('lapsed_days', '90') ON CONFLICT (key) DO NOTHING;
-- Empty: the rows have not been derived for any date yet; the first open derives them all.
INSERT INTO settings (key, value) VALUES ('segments_asof', '') ON CONFLICT (key) DO NOTHING;
