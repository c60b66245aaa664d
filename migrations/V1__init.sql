-- Clientele store, version 1. Platform data (customers, services, bookings, reviews) and the
-- provider's own data (relations, outbox) live in separate tables so neither clobbers the
-- other; customer_summary holds the derived metrics, maintained per touched customer.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
INSERT INTO settings (key, value) VALUES
    ('currency', 'NPR'), ('regular_threshold', '5'), ('returning_threshold', '2');

CREATE TABLE customers (
    id           INTEGER PRIMARY KEY,          -- the platform's user id
    first_name   TEXT NOT NULL,
    last_name    TEXT NOT NULL,
    email        TEXT NOT NULL,
    phone        TEXT,
    city         TEXT,
    avatar_url   TEXT,
    date_joined  TEXT,
    -- lower-cased "first last \n email \n phone digits", for FTS and the short-query scan
    search_text  TEXT NOT NULL
) STRICT;

-- External-content FTS5 index over customers.search_text (sqlite.org/fts5.html §4.4.3).
CREATE VIRTUAL TABLE customer_fts USING fts5(
    search_text, content='customers', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER customers_ai AFTER INSERT ON customers BEGIN
    INSERT INTO customer_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER customers_ad AFTER DELETE ON customers BEGIN
    INSERT INTO customer_fts(customer_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER customers_au AFTER UPDATE OF search_text ON customers BEGIN
    INSERT INTO customer_fts(customer_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO customer_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;

CREATE TABLE services (
    id     INTEGER PRIMARY KEY,
    title  TEXT NOT NULL,
    price  INTEGER NOT NULL                     -- minor units
) STRICT;

CREATE TABLE bookings (
    id              INTEGER PRIMARY KEY,
    customer_id     INTEGER NOT NULL REFERENCES customers(id),
    service_id      INTEGER,
    service_title   TEXT NOT NULL,              -- as at booking time
    booking_date    TEXT NOT NULL,              -- YYYY-MM-DD, provider-local
    booking_time    TEXT,
    status          TEXT NOT NULL,              -- stored verbatim, unknown values included
    total_amount    INTEGER NOT NULL CHECK (total_amount >= 0),
    payment_status  TEXT,
    created_at      TEXT NOT NULL,              -- UTC, see model::fmt_ts
    updated_at      TEXT NOT NULL,
    removed         INTEGER NOT NULL DEFAULT 0  -- 1 when a complete pull no longer returned it
) STRICT;
CREATE INDEX bookings_by_customer ON bookings(customer_id, created_at);
CREATE INDEX bookings_open_by_customer ON bookings(customer_id, booking_date)
    WHERE removed = 0 AND status IN ('pending', 'confirmed', 'payment_pending');
CREATE INDEX bookings_completed_by_date ON bookings(booking_date, total_amount)
    WHERE removed = 0 AND status = 'completed';

CREATE TABLE reviews (
    id             INTEGER PRIMARY KEY,
    customer_id    INTEGER NOT NULL REFERENCES customers(id),
    booking_id     INTEGER,
    rating         INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment        TEXT NOT NULL DEFAULT '',
    service_title  TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    removed        INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX reviews_by_customer ON reviews(customer_id, created_at);

-- The provider's rating over all live reviews, kept by triggers so stats never scan.
CREATE TABLE review_totals (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    n       INTEGER NOT NULL,
    total   INTEGER NOT NULL
) STRICT;
INSERT INTO review_totals (id, n, total) VALUES (1, 0, 0);
CREATE TRIGGER reviews_totals_ai AFTER INSERT ON reviews WHEN new.removed = 0 BEGIN
    UPDATE review_totals SET n = n + 1, total = total + new.rating WHERE id = 1;
END;
CREATE TRIGGER reviews_totals_ad AFTER DELETE ON reviews WHEN old.removed = 0 BEGIN
    UPDATE review_totals SET n = n - 1, total = total - old.rating WHERE id = 1;
END;
CREATE TRIGGER reviews_totals_au AFTER UPDATE OF rating, removed ON reviews BEGIN
    UPDATE review_totals
       SET n = n - (old.removed = 0) + (new.removed = 0),
           total = total - (CASE WHEN old.removed = 0 THEN old.rating ELSE 0 END)
                         + (CASE WHEN new.removed = 0 THEN new.rating ELSE 0 END)
     WHERE id = 1;
END;

-- The provider's own data about a customer. Never written by platform ingest.
CREATE TABLE relations (
    customer_id          INTEGER PRIMARY KEY REFERENCES customers(id),
    platform_relation_id INTEGER,
    is_favorite          INTEGER NOT NULL DEFAULT 0 CHECK (is_favorite IN (0, 1)),
    is_blocked           INTEGER NOT NULL DEFAULT 0 CHECK (is_blocked IN (0, 1)),
    blocked_reason       TEXT,
    notes                TEXT NOT NULL DEFAULT '',
    tags                 TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
    updated_at           TEXT
) STRICT;
CREATE INDEX relations_favorite ON relations(customer_id) WHERE is_favorite = 1;
CREATE INDEX relations_blocked ON relations(customer_id) WHERE is_blocked = 1;

-- Derived per-customer metrics; one row per customer with at least one live booking.
CREATE TABLE customer_summary (
    customer_id          INTEGER PRIMARY KEY REFERENCES customers(id),
    sort_name            TEXT NOT NULL,
    status               TEXT NOT NULL,
    total_bookings       INTEGER NOT NULL,
    cancelled_bookings   INTEGER NOT NULL,
    total_spent          INTEGER NOT NULL,
    review_count         INTEGER NOT NULL,
    rating_sum           INTEGER NOT NULL,
    rating_x100          INTEGER,             -- rounded average × 100; NULL when no review
    rating_asc_key       INTEGER NOT NULL,    -- rating_x100, or 1000 so "none" sorts last ascending
    first_booking_at     TEXT NOT NULL,
    last_booking_at      TEXT NOT NULL,
    last_visit_on        TEXT,
    last_service_title   TEXT NOT NULL,
    last_service_date    TEXT NOT NULL,
    last_service_amount  INTEGER NOT NULL
) STRICT;
CREATE INDEX summary_last ON customer_summary(last_booking_at, customer_id);
CREATE INDEX summary_status_last ON customer_summary(status, last_booking_at, customer_id);
CREATE INDEX summary_name ON customer_summary(sort_name, customer_id);
CREATE INDEX summary_status_name ON customer_summary(status, sort_name, customer_id);
CREATE INDEX summary_bookings ON customer_summary(total_bookings, customer_id);
CREATE INDEX summary_status_bookings ON customer_summary(status, total_bookings, customer_id);
CREATE INDEX summary_spent ON customer_summary(total_spent, customer_id);
CREATE INDEX summary_status_spent ON customer_summary(status, total_spent, customer_id);
CREATE INDEX summary_rating ON customer_summary(rating_x100, customer_id);
CREATE INDEX summary_status_rating ON customer_summary(status, rating_x100, customer_id);
CREATE INDEX summary_rating_asc ON customer_summary(rating_asc_key, customer_id);
CREATE INDEX summary_status_rating_asc ON customer_summary(status, rating_asc_key, customer_id);
CREATE INDEX summary_first ON customer_summary(first_booking_at);

-- Per-status counts, kept by triggers so the filter chips never count 100k rows.
CREATE TABLE status_counts (
    status  TEXT PRIMARY KEY,
    n       INTEGER NOT NULL
) STRICT;
INSERT INTO status_counts (status, n) VALUES
    ('new', 0), ('returning', 0), ('regular', 0), ('favorite', 0), ('blocked', 0);
CREATE TRIGGER summary_counts_ai AFTER INSERT ON customer_summary BEGIN
    UPDATE status_counts SET n = n + 1 WHERE status = new.status;
END;
CREATE TRIGGER summary_counts_ad AFTER DELETE ON customer_summary BEGIN
    UPDATE status_counts SET n = n - 1 WHERE status = old.status;
END;
CREATE TRIGGER summary_counts_au AFTER UPDATE OF status ON customer_summary
WHEN old.status <> new.status BEGIN
    UPDATE status_counts SET n = n - 1 WHERE status = old.status;
    UPDATE status_counts SET n = n + 1 WHERE status = new.status;
END;

-- One timeline of what happened: kind is booking | status | review | edit. Titles and
-- descriptions are worded at read time, so rows stay small (one per booking at 100k customers).
CREATE TABLE activity (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    customer_id  INTEGER NOT NULL REFERENCES customers(id),
    at           TEXT NOT NULL,
    ref_id       INTEGER,          -- booking or review id
    status       TEXT,             -- booking status (new / after change); edited field for edits
    prev_status  TEXT,             -- booking status before a change
    amount       INTEGER,
    rating       INTEGER,
    detail       TEXT              -- edits: the new value (e.g. "true", the block reason)
) STRICT;
CREATE INDEX activity_by_time ON activity(at);
CREATE INDEX activity_by_kind ON activity(kind, at);

-- The provider's edits waiting to be pushed to the platform, in order.
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id),
    field        TEXT NOT NULL,                -- is_favorite_customer | is_blocked | notes
    value        TEXT NOT NULL,                -- JSON value
    created_at   TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT
) STRICT;
CREATE INDEX outbox_by_customer ON outbox(customer_id, field);

-- Sync cursors and bookkeeping (key/value), written in the same transaction as each page.
CREATE TABLE sync_state (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT;
