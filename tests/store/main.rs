//! The core's store tests in one binary (one link): opening the database, ingest, metrics,
//! the list, stats and activity, edits, export, demo data, the read pool and the customer book,
//! against real SQLite files. One module per feature.

mod backup;
mod book_archive;
mod book_customers;
mod book_duplicates;
mod book_import;
mod book_index;
mod book_kit;
mod book_merge;
mod book_unmerge;
mod book_visits;
mod customers_list;
mod db_open;
mod db_private;
mod demo;
mod export;
mod ingest;
mod metrics_prop;
mod metrics_prop_book;
mod metrics_rules;
mod relations;
mod segments;
mod stats_activity;
mod store_pool;
mod xlsx_export;
