-- status_counts is kept by metrics.rs next to the status rule instead of by triggers: a
-- trigger makes every summary write a multi-row statement, and SQLite journals each one
-- (callgrind: ~15% of ingest). The counts carry over unchanged.
DROP TRIGGER summary_counts_ai;
DROP TRIGGER summary_counts_ad;
DROP TRIGGER summary_counts_au;
