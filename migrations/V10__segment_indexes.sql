-- Clientele store, version 10: the segment indexes carry the status, so a segment's count and
-- its per-status chip counts are read from the index alone (the benchmark at 100k customers:
-- 113 ms for the six counts with a table lookup per customer).
DROP INDEX summary_next_open;
DROP INDEX summary_visit_dated;
DROP INDEX summary_risk;
DROP INDEX summary_cancel_prone;
DROP INDEX summary_unreviewed;
CREATE INDEX summary_next_open ON customer_summary(next_open_on, status)
    WHERE next_open_on IS NOT NULL;
CREATE INDEX summary_visit_dated ON customer_summary(visit_dated_on, status)
    WHERE next_open_on IS NULL;
CREATE INDEX summary_risk ON customer_summary(risk_jd, status)
    WHERE next_open_on IS NULL AND risk_jd IS NOT NULL;
CREATE INDEX summary_cancel_prone ON customer_summary(status, customer_id) WHERE cancel_prone = 1;
CREATE INDEX summary_unreviewed ON customer_summary(status, customer_id)
    WHERE review_count = 0 AND last_visit_on IS NOT NULL;
-- Top spenders: spend descending, id ascending, with the status to skip blocked cards.
CREATE INDEX summary_top_spend ON customer_summary(total_spent DESC, customer_id, status)
    WHERE total_spent > 0;
