-- Clientele store, version 7: the whole customer book (docs/rules.md §7–§9).
--
-- Own customers and own visits have negative ids, which the platform's ids never are, so a
-- customer's or booking's source is its sign. Merged cards: `merged_into` is the card a
-- customer was merged into directly, `card_id` the card it now counts for (NULL: itself).
-- Bookings and reviews keep the platform's customer id, so sync needs no mapping on write;
-- the metrics read a card's bookings through `card_id`.
ALTER TABLE customers ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));
ALTER TABLE customers ADD COLUMN merged_into INTEGER;
ALTER TABLE customers ADD COLUMN card_id INTEGER;
CREATE INDEX customers_by_card ON customers(card_id) WHERE card_id IS NOT NULL;
CREATE INDEX customers_by_parent ON customers(merged_into) WHERE merged_into IS NOT NULL;

-- Tags as rows, so "customers with all of these tags" is an index lookup per tag. `tag_key`
-- is the case-folded tag (unique per customer), `tag` as first typed.
CREATE TABLE customer_tags (
    customer_id  INTEGER NOT NULL REFERENCES customers(id),
    tag_key      TEXT NOT NULL,
    tag          TEXT NOT NULL,
    position     INTEGER NOT NULL,
    PRIMARY KEY (customer_id, tag_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_tags_by_tag ON customer_tags(tag_key, customer_id);
INSERT OR IGNORE INTO customer_tags (customer_id, tag_key, tag, position)
    SELECT r.customer_id, lower(trim(j.value)), trim(j.value), j.key
      FROM relations r, json_each(r.tags) j
     WHERE trim(j.value) <> '';

-- One row per merge; `kept_before` is the kept card's own data before it (JSON), so an
-- unmerge restores both cards exactly.
CREATE TABLE merges (
    id           INTEGER PRIMARY KEY,
    kept_id      INTEGER NOT NULL REFERENCES customers(id),
    other_id     INTEGER NOT NULL REFERENCES customers(id),
    at           TEXT NOT NULL,
    kept_before  TEXT NOT NULL,
    undone_at    TEXT
) STRICT;
CREATE INDEX merges_by_kept ON merges(kept_id, id) WHERE undone_at IS NULL;
CREATE INDEX merges_by_other ON merges(other_id, id) WHERE undone_at IS NULL;

-- Archived cards keep their summary row under the status `archived`, so the list, the
-- chips and the stats leave them out with the indexes they already use.
INSERT INTO status_counts (status, n) VALUES ('archived', 0);

-- The search text gains the city; it is rewritten from Rust after this migration
-- (ingest::upgrade_search_text), since the phone key is not expressible in SQL.
INSERT INTO settings (key, value) VALUES ('search_text_version', '1')
    ON CONFLICT (key) DO UPDATE SET value = '1';
