-- A change feed of the list's columns (docs/architecture.md, "The book index"): every
-- write to a customer's summary row or tags appends the customer's id, so an in-memory
-- index of the list (src/book_index) catches up by reading only what changed since its
-- last `seq`. Old entries are pruned by the writer (ingest); a reader whose `seq` was
-- pruned rebuilds from scratch.
CREATE TABLE summary_changes (
    seq          INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL
) STRICT;
-- Never empty, so `max(seq)` only grows (pruning keeps the newest row).
INSERT INTO summary_changes (seq, customer_id) VALUES (1, 0);

CREATE TRIGGER summary_changes_insert AFTER INSERT ON customer_summary BEGIN
    INSERT INTO summary_changes (customer_id) VALUES (new.customer_id);
END;
CREATE TRIGGER summary_changes_update AFTER UPDATE ON customer_summary BEGIN
    INSERT INTO summary_changes (customer_id) VALUES (new.customer_id);
END;
CREATE TRIGGER summary_changes_delete AFTER DELETE ON customer_summary BEGIN
    INSERT INTO summary_changes (customer_id) VALUES (old.customer_id);
END;
CREATE TRIGGER tag_changes_insert AFTER INSERT ON customer_tags BEGIN
    INSERT INTO summary_changes (customer_id) VALUES (new.customer_id);
END;
CREATE TRIGGER tag_changes_update AFTER UPDATE ON customer_tags BEGIN
    INSERT INTO summary_changes (customer_id) VALUES (new.customer_id);
END;
CREATE TRIGGER tag_changes_delete AFTER DELETE ON customer_tags BEGIN
    INSERT INTO summary_changes (customer_id) VALUES (old.customer_id);
END;
