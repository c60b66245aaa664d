-- The customer search index is written by ingest at the end of each batch instead of by
-- triggers. FTS5 flushes its pending terms at every statement savepoint; with triggers,
-- every later write in a batch flushed a tiny segment and forced merges (callgrind: ~20% of
-- ingest). Writing the index last lets one batch become one segment.
DROP TRIGGER customers_ai;
DROP TRIGGER customers_ad;
DROP TRIGGER customers_au;
