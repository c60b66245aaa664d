-- The trigram FTS5 index over customers.search_text is dropped (docs/architecture.md,
-- "Search"). The desktop answers every search from the in-memory book index
-- (src/book_index); the CLI scans the summary's covering (status, search_text) index,
-- which at 100,000 customers takes about as long as counting FTS matches per status did.
-- Keeping the index cost a third of a 100,000-row client-list import (3.1 s of 8 s), a
-- share of every sync batch, and its pages in the file.
DROP TABLE customer_fts;
