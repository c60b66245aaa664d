//! The core's store tests in one binary (one link): opening the database, ingest, metrics,
//! the list, stats and activity, edits, export, demo data and the read pool,
//! against real SQLite files. One module per feature.

mod backup;
mod customers_list;
mod db_open;
mod db_private;
mod demo;
mod export;
mod ingest;
mod metrics_prop;
mod metrics_rules;
mod relations;
mod stats_activity;
mod store_pool;
mod xlsx_export;
