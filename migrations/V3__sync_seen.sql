-- Clientele store, version 3: sync bookkeeping.
-- Ids the running full reconciliation has already read. A pass interrupted by a crash
-- resumes from its cursor (sync_state) without losing what it saw; only a complete pass
-- marks the live rows missing from this table as removed, then empties it.
CREATE TABLE sync_seen (
    kind  TEXT NOT NULL,            -- booking | review
    id    INTEGER NOT NULL,
    PRIMARY KEY (kind, id)
) STRICT, WITHOUT ROWID;
