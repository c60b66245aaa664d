//! Rows handed from Rust to set-based statements (`INSERT … SELECT`) through a temporary
//! table (in memory: `temp_store = MEMORY`). One statement writing 50,000 rows pays its
//! statement journal, trigger programs and plan once; a statement per row paid them per
//! row, and JSON arrays cost more to take apart than the rows cost to write
//! (docs/architecture.md, "Bulk writes").

use crate::error::Result;
use rusqlite::{Params, Transaction};

/// Fills `temp.<name>` (created on first use, emptied first) with `rows`; `columns` is the
/// table's column list, one `?` per column in each row's order.
pub(crate) fn stage<P: Params>(
    tx: &Transaction<'_>,
    name: &str,
    columns: &str,
    rows: impl IntoIterator<Item = P>,
) -> Result<()> {
    tx.execute_batch(&format!(
        "CREATE TEMP TABLE IF NOT EXISTS {name} ({columns}); DELETE FROM temp.{name};"
    ))?;
    let marks = vec!["?"; columns.split(',').count()].join(", ");
    let mut insert = tx.prepare_cached(&format!("INSERT INTO temp.{name} VALUES ({marks})"))?;
    for row in rows {
        insert.execute(row)?;
    }
    Ok(())
}

/// Empties `temp.<name>` once its rows are written, so they do not stay in memory.
pub(crate) fn clear(tx: &Transaction<'_>, name: &str) -> Result<()> {
    tx.execute_batch(&format!("DELETE FROM temp.{name};"))?;
    Ok(())
}
