//! The database and its WAL/SHM files are private to the user (0600); exports are not.
#![cfg(unix)]

use clientele::db;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p)
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        .permissions()
        .mode()
        & 0o777
}

fn beside(db: &Path, suffix: &str) -> std::path::PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(suffix);
    s.into()
}

#[test]
fn a_fresh_database_and_its_wal_and_shm_are_0600() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/c.db");
    db::create_folder(&path).unwrap();
    let conn = db::open(&path).unwrap();
    conn.execute(
        "UPDATE settings SET value = 'USD' WHERE key = 'currency'",
        [],
    )
    .unwrap();
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&beside(&path, "-wal")), 0o600);
    assert_eq!(mode(&beside(&path, "-shm")), 0o600);
    // A reader beside the writer does not widen them.
    let reader = db::open_reader(&path).unwrap();
    let _: i64 = reader
        .query_row("SELECT count(*) FROM customers", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode(&beside(&path, "-shm")), 0o600);
}

#[test]
fn wal_and_shm_left_readable_by_an_older_version_are_made_private() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    let conn = db::open(&path).unwrap();
    for suffix in ["-wal", "-shm"] {
        let p = beside(&path, suffix);
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let again = db::open(&path).unwrap();
    assert_eq!(mode(&beside(&path, "-wal")), 0o600);
    assert_eq!(mode(&beside(&path, "-shm")), 0o600);
    drop((conn, again));
}

#[test]
fn an_existing_empty_file_keeps_its_mode_and_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    std::fs::write(&path, b"").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    db::open(&path).unwrap();
    assert_eq!(mode(&path), 0o640, "a chosen mode is the user's");
}
