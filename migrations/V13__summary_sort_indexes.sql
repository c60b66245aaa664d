-- The list's sort indexes carry the status, so a status chip walks the sort's index and
-- reads the status from it; the six (status, key) copies go. The desktop pages lists from
-- its in-memory book index (src/book_index); these serve the CLI. Every index here is
-- written for each new or changed card: a 100,000-row client-list import spent 1.2 s on
-- the summary's 22 (docs/architecture.md, "Bulk writes").
DROP INDEX summary_status_last;
DROP INDEX summary_status_name;
DROP INDEX summary_status_bookings;
DROP INDEX summary_status_spent;
DROP INDEX summary_status_rating;
DROP INDEX summary_status_rating_asc;
-- summary_first_cohort starts with first_booking_at.
DROP INDEX summary_first;
-- No query can use it: the overdue sort orders by `due_jd IS NULL` first.
DROP INDEX summary_due;

DROP INDEX summary_last;
DROP INDEX summary_name;
DROP INDEX summary_bookings;
DROP INDEX summary_spent;
DROP INDEX summary_rating;
DROP INDEX summary_rating_asc;
CREATE INDEX summary_last ON customer_summary(last_booking_at, customer_id, status);
CREATE INDEX summary_name ON customer_summary(sort_name, customer_id, status);
CREATE INDEX summary_bookings ON customer_summary(total_bookings, customer_id, status);
CREATE INDEX summary_spent ON customer_summary(total_spent, customer_id, status);
CREATE INDEX summary_rating ON customer_summary(rating_x100, customer_id, status);
CREATE INDEX summary_rating_asc ON customer_summary(rating_asc_key, customer_id, status);

-- Tag writes log their customers in the change feed themselves (src/tags.rs), once per
-- customer and statement instead of a trigger program per tag row.
DROP TRIGGER tag_changes_insert;
DROP TRIGGER tag_changes_update;
DROP TRIGGER tag_changes_delete;
