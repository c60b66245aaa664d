//! Backups and recovery on real files: private, complete copies; retention with pinned
//! dates; the pre-migration backup; restore and its refusals; damaged, foreign and
//! missing-folder files on open; a full disk and a read-only file leave the data intact.

use clientele::backup::{self, BackupKind};
use clientele::relations::{edit, RelationEdit};
use clientele::sync::SyncLock;
use clientele::{db, Clock};
use clientele_test_kit::store::{clock, summary_dump, TestDb};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

fn book(customers: usize) -> TestDb {
    let mut t = TestDb::new();
    clientele::demo::generate(&mut t.conn, customers, 7, &clock()).unwrap();
    t
}

fn read_only(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

fn scalar(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = match std::fs::read_dir(dir) {
        Ok(r) => r
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    };
    v.sort();
    v
}

fn later(c: &Clock, hours: i64) -> Clock {
    Clock::new(c.now + chrono::Duration::hours(hours), c.tz)
}

/// A copy of `src` with garbage written over pages in the middle of the file.
fn damaged_copy(src: &Path, to: &Path) {
    let c = Connection::open(src).unwrap();
    c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    drop(c);
    let mut bytes = std::fs::read(src).unwrap();
    assert!(bytes.len() > 8 * 4096, "enough pages to damage");
    let mid = (bytes.len() / 4096 / 2) * 4096;
    for b in &mut bytes[mid..mid + 3 * 4096] {
        *b = 0xA5;
    }
    std::fs::write(to, bytes).unwrap();
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_backup_is_a_private_complete_copy_that_opens() {
    let t = book(40);
    let b = backup::snapshot(&t.conn, &t.path(), BackupKind::Regular, &clock()).unwrap();
    // 12:00 UTC is 17:45 in Kathmandu; names use the local time.
    assert_eq!(b.file_name, "test-2026-11-24-174500.db");
    let path = PathBuf::from(&b.path);
    assert_eq!(path.parent().unwrap(), t.dir.path().join("backups"));
    #[cfg(unix)]
    {
        assert_eq!(mode(&path), 0o600, "the backup is private");
        assert_eq!(mode(path.parent().unwrap()), 0o700);
    }
    assert_eq!(b.bytes, std::fs::metadata(&path).unwrap().len());
    let copy = read_only(&path);
    assert_eq!(scalar(&copy, "SELECT count(*) FROM customers"), 40);
    let mode: String = copy
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete", "self-contained: no -wal beside it");
    assert_eq!(summary_dump(&copy), summary_dump(&t.conn));
    backup::check_backup(&path).unwrap();
    assert_eq!(
        names(path.parent().unwrap()),
        vec!["test-2026-11-24-174500.db"],
        "no temporary file is left"
    );
}

#[test]
fn retention_keeps_seven_daily_and_four_weekly_backups() {
    let t = book(5);
    let dir = t.dir.path().join("backups");
    std::fs::create_dir_all(&dir).unwrap();
    let touch = |name: &str| std::fs::write(dir.join(name), b"x").unwrap();
    // One backup a day from 1 September to 23 November, and a second one on 20 November.
    let mut day = chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    while day <= chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap() {
        touch(&format!("test-{}-090000.db", day.format("%Y-%m-%d")));
        day = day.succ_opt().unwrap();
    }
    touch("test-2026-11-20-210000.db");
    for d in 1..=5 {
        touch(&format!("test-2026-10-0{d}-080000-premigrate-v{d}.db"));
        touch(&format!("test-2026-10-0{d}-080000-prerestore.db"));
    }
    // Not ours to prune: another database's backup and an unrelated file.
    touch("demo-2026-01-01-000000.db");
    touch("notes.txt");

    backup::snapshot(&t.conn, &t.path(), BackupKind::Regular, &clock()).unwrap();

    let mut expected: Vec<String> = [
        // 7 daily: today's, then the newest of each of the 6 days before.
        "test-2026-11-24-174500.db",
        "test-2026-11-23-090000.db",
        "test-2026-11-22-090000.db",
        "test-2026-11-21-090000.db",
        "test-2026-11-20-210000.db",
        "test-2026-11-19-090000.db",
        "test-2026-11-18-090000.db",
        // 4 weekly: the newest of each ISO week beyond those (W47, W46, W45, W44).
        "test-2026-11-17-090000.db",
        "test-2026-11-15-090000.db",
        "test-2026-11-08-090000.db",
        "test-2026-11-01-090000.db",
        // the last 3 of each kind taken before a migration or a restore
        "test-2026-10-05-080000-premigrate-v5.db",
        "test-2026-10-04-080000-premigrate-v4.db",
        "test-2026-10-03-080000-premigrate-v3.db",
        "test-2026-10-05-080000-prerestore.db",
        "test-2026-10-04-080000-prerestore.db",
        "test-2026-10-03-080000-prerestore.db",
        "demo-2026-01-01-000000.db",
        "notes.txt",
    ]
    .map(String::from)
    .to_vec();
    expected.sort();
    assert_eq!(names(&dir), expected);
    let listed = backup::list(&t.path(), &clock()).unwrap();
    assert_eq!(
        listed.len(),
        17,
        "the other database's backup is not listed"
    );
    assert_eq!(listed[0].file_name, "test-2026-11-24-174500.db");
    assert_eq!(listed[0].taken_at, "2026-11-24T12:00:00.000000Z");
}

#[test]
fn the_daily_backup_is_taken_once_a_day_and_never_of_an_empty_book() {
    let mut t = TestDb::new();
    let c = clock();
    assert_eq!(backup::daily_if_due(&t.path(), &c).unwrap(), None);
    assert!(
        !t.dir.path().join("backups").exists(),
        "nothing to keep in an empty book"
    );
    clientele::demo::generate(&mut t.conn, 10, 1, &c).unwrap();
    let first = backup::daily_if_due(&t.path(), &c).unwrap().expect("due");
    assert_eq!(first.kind, BackupKind::Regular);
    assert_eq!(
        backup::daily_if_due(&t.path(), &later(&c, 23)).unwrap(),
        None
    );
    let next = backup::daily_if_due(&t.path(), &later(&c, 25)).unwrap();
    assert_eq!(next.unwrap().file_name, "test-2026-11-25-184500.db");
    assert_eq!(backup::list(&t.path(), &c).unwrap().len(), 2);
}

#[test]
fn an_older_file_is_backed_up_before_it_is_migrated_and_a_new_one_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.db");
    {
        let conn = db::create_at_version(&old, 5).unwrap();
        conn.execute(
            "UPDATE settings SET value = 'USD' WHERE key = 'currency'",
            [],
        )
        .unwrap();
    }
    let conn = db::open(&old).unwrap();
    assert_eq!(
        db::schema_version(&conn).unwrap(),
        db::latest_schema_version()
    );
    let all = backup::list(&old, &clock()).unwrap();
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].kind, BackupKind::PreMigrate);
    assert_eq!(all[0].schema_version, Some(5));
    assert!(all[0].file_name.ends_with("-premigrate-v5.db"), "{all:?}");
    let copy = read_only(Path::new(&all[0].path));
    assert_eq!(db::schema_version(&copy).unwrap(), 5, "the file as it was");
    assert_eq!(clientele::settings::currency(&copy).unwrap(), "USD");
    drop(conn);
    db::open(&old).unwrap();
    assert_eq!(
        backup::list(&old, &clock()).unwrap().len(),
        1,
        "no migration, no backup"
    );

    let fresh = dir.path().join("fresh.db");
    db::open(&fresh).unwrap();
    assert!(backup::list(&fresh, &clock()).unwrap().is_empty());
}

fn favourite(path: &Path, id: i64) -> i64 {
    scalar(
        &read_only(path),
        &format!(
            "SELECT coalesce((SELECT is_favorite FROM relations WHERE customer_id = {id}), 0)"
        ),
    )
}

#[test]
fn restore_brings_the_data_back_and_keeps_the_book_it_replaced() {
    let mut t = book(30);
    let before = summary_dump(&t.conn);
    let id = scalar(&t.conn, "SELECT min(id) FROM customers");
    let was = favourite(&t.path(), id);
    let saved = backup::snapshot(&t.conn, &t.path(), BackupKind::Regular, &clock()).unwrap();
    edit(
        &mut t.conn,
        id,
        &[RelationEdit::Favorite { value: was == 0 }],
        &clock(),
    )
    .unwrap();
    assert_ne!(favourite(&t.path(), id), was);

    let r = backup::restore(&t.path(), Path::new(&saved.path), &later(&clock(), 1)).unwrap();
    assert_eq!(r.customers, 30);
    assert_eq!(r.set_aside, None);
    assert_eq!(favourite(&t.path(), id), was, "the edit is undone");
    assert_eq!(summary_dump(&db::open(&t.path()).unwrap()), before);
    let snap = r.snapshot.expect("the replaced book is kept");
    assert_eq!(snap.kind, BackupKind::PreRestore);
    assert_eq!(
        favourite(Path::new(&snap.path), id),
        (was == 0) as i64,
        "with the edit"
    );
    // The connection that was open all along sees the restored book too.
    let still_open: i64 = t
        .conn
        .query_row(
            &format!(
                "SELECT coalesce((SELECT is_favorite FROM relations WHERE customer_id = {id}), 0)"
            ),
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(still_open, was);
}

/// Restore refused with `code`; the book and its backups exactly as before.
fn assert_refused(t: &TestDb, file: &Path, code: &str) {
    let before = summary_dump(&t.conn);
    let backups = names(&t.dir.path().join("backups"));
    let err = backup::restore(&t.path(), file, &clock()).unwrap_err();
    assert_eq!(err.code(), code, "{err}");
    assert_eq!(summary_dump(&t.conn), before);
    assert_eq!(
        names(&t.dir.path().join("backups")),
        backups,
        "no backup taken"
    );
}

#[test]
fn restore_refuses_a_damaged_file_and_foreign_ones() {
    let t = book(60);
    let bad = t.dir.path().join("bad.db");
    damaged_copy(&t.path(), &bad);
    assert_refused(&t, &bad, "damaged");

    let other = t.dir.path().join("photos.db");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT);")
        .unwrap();
    assert_refused(&t, &other, "foreign");

    let text = t.dir.path().join("list.txt");
    std::fs::write(&text, "milk, eggs\n".repeat(500)).unwrap();
    assert_refused(&t, &text, "foreign");

    assert_refused(&t, &t.dir.path().join("missing.db"), "not_found");
}

#[test]
fn restore_waits_for_no_sync() {
    let t = book(10);
    let saved = backup::snapshot(&t.conn, &t.path(), BackupKind::Regular, &clock()).unwrap();
    let lock = SyncLock::acquire(&t.path()).unwrap();
    assert_refused(&t, Path::new(&saved.path), "conflict");
    drop(lock);
    backup::restore(&t.path(), Path::new(&saved.path), &clock()).unwrap();
}

#[test]
fn restore_over_a_damaged_book_sets_it_aside() {
    let t = book(60);
    let saved = backup::snapshot(&t.conn, &t.path(), BackupKind::Regular, &clock()).unwrap();
    let live = t.dir.path().join("live.db");
    damaged_copy(&t.path(), &live);
    let damaged_bytes = std::fs::read(&live).unwrap();
    let r = backup::restore(&live, Path::new(&saved.path), &clock()).unwrap();
    let aside = PathBuf::from(r.set_aside.expect("set aside"));
    assert_eq!(
        aside.file_name().unwrap().to_string_lossy(),
        "live.db.damaged-20261124-174500"
    );
    assert_eq!(
        std::fs::read(&aside).unwrap(),
        damaged_bytes,
        "never deleted"
    );
    assert_eq!(r.customers, 60);
    assert_eq!(
        scalar(&db::open(&live).unwrap(), "SELECT count(*) FROM customers"),
        60
    );
}

#[test]
fn a_damaged_file_is_refused_on_open_unchanged() {
    let t = book(60);
    let bad = t.dir.path().join("bad.db");
    damaged_copy(&t.path(), &bad);
    let bytes = std::fs::read(&bad).unwrap();
    let err = db::open(&bad).unwrap_err();
    assert_eq!(err.code(), "damaged", "{err}");
    assert!(err.to_string().contains("damaged"), "{err}");
    assert_eq!(std::fs::read(&bad).unwrap(), bytes);

    // A Clientele header over nonsense is damaged too, not foreign.
    let mut torn = std::fs::read(t.path()).unwrap()[..100].to_vec();
    torn.extend(vec![0x5Au8; 4096 * 4]);
    let torn_path = t.dir.path().join("torn.db");
    std::fs::write(&torn_path, &torn).unwrap();
    assert_eq!(db::open(&torn_path).unwrap_err().code(), "damaged");
}

#[test]
fn a_deferred_check_finds_the_damage_and_lets_no_write_through() {
    let t = book(60);
    let bad = t.dir.path().join("bad.db");
    damaged_copy(&t.path(), &bad);
    let bytes = std::fs::read(&bad).unwrap();
    // The desktop's open: the file is ours and needs no migration, so the check is owed.
    let (store, owed) = clientele::Store::open_deferring_check(&bad).unwrap();
    assert!(owed, "an existing file's check is left to the caller");
    let err = store.finish_open().unwrap_err();
    assert_eq!(err.code(), "damaged", "{err}");
    let write = store.write(|c| {
        c.execute("UPDATE settings SET value = 'x' WHERE key = 'currency'", [])?;
        Ok(())
    });
    assert!(write.is_err(), "a write after a failed check is refused");
    drop(store);
    assert_eq!(std::fs::read(&bad).unwrap(), bytes, "nothing written");

    // A sound file: the check passes and writes go through.
    let (store, owed) = clientele::Store::open_deferring_check(&t.path()).unwrap();
    assert!(owed);
    store.finish_open().unwrap();
    store
        .write(|c| {
            c.execute(
                "UPDATE settings SET value = value WHERE key = 'currency'",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    // A new file has nothing to check.
    let fresh = t.dir.path().join("fresh.db");
    assert!(!clientele::Store::open_deferring_check(&fresh).unwrap().1);
}

#[test]
fn start_empty_sets_the_damaged_file_aside_and_refuses_a_sound_one() {
    let t = book(60);
    let live = t.dir.path().join("live.db");
    damaged_copy(&t.path(), &live);
    let bytes = std::fs::read(&live).unwrap();
    let r = backup::start_empty(&live, &clock()).unwrap();
    assert_eq!(std::fs::read(&r.set_aside).unwrap(), bytes);
    assert_eq!(
        scalar(&db::open(&live).unwrap(), "SELECT count(*) FROM customers"),
        0
    );
    let err = backup::start_empty(&t.path(), &clock()).unwrap_err();
    assert_eq!(err.code(), "conflict");
    assert_eq!(scalar(&t.conn, "SELECT count(*) FROM customers"), 60);
}

#[test]
fn a_missing_folder_is_an_error_not_a_new_empty_book() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gone/away/c.db");
    let err = db::open(&path).unwrap_err();
    assert_eq!(err.code(), "db_folder_missing");
    assert!(err.to_string().contains("does not exist"), "{err}");
    assert!(!dir.path().join("gone").exists(), "nothing created");
    db::create_folder(&path).unwrap();
    db::open(&path).unwrap();
}

#[test]
fn a_full_disk_is_disk_full_and_the_batch_is_all_or_nothing() {
    let mut t = book(20);
    let before = summary_dump(&t.conn);
    let pages = scalar(&t.conn, "PRAGMA page_count");
    t.conn
        .execute_batch(&format!("PRAGMA max_page_count = {}", pages + 2))
        .unwrap();
    let mut batch = clientele::platform::Batch::default();
    for b in clientele::demo::batches(400, 99, clock()) {
        batch.extend(b);
    }
    let err = match clientele::ingest::apply_batch(&mut t.conn, &batch) {
        Err(e) => e,
        Ok(_) => panic!("400 more customers cannot fit in two pages"),
    };
    assert_eq!(err.code(), "disk_full", "{err}");
    assert!(err.to_string().contains("disk is full"), "{err}");
    let fresh = db::open_reader(&t.path()).unwrap();
    assert_eq!(summary_dump(&fresh), before, "the earlier data is intact");
    assert_eq!(
        scalar(&fresh, "SELECT count(*) FROM customers"),
        20,
        "nothing half-written"
    );
    let check: String = fresh
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_read_only_and_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let t = book(20);
    t.conn
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let before = summary_dump(&t.conn);
    let ro = t.dir.path().join("ro.db");
    std::fs::copy(t.path(), &ro).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o400)).unwrap();
    let bytes = std::fs::read(&ro).unwrap();
    let err = db::open(&ro).unwrap_err();
    assert_eq!(err.code(), "read_only", "{err}");
    assert_eq!(std::fs::read(&ro).unwrap(), bytes, "nothing written");
    assert!(!t.dir.path().join("ro.db-wal").exists());
    assert_eq!(summary_dump(&read_only(&ro)), before);

    // A write SQLite itself refuses (SQLITE_READONLY) has the same code, and changes nothing.
    let mut reader = db::open_reader(&t.path()).unwrap();
    let id = scalar(&reader, "SELECT min(id) FROM customers");
    let err = edit(
        &mut reader,
        id,
        &[RelationEdit::Notes { value: "x".into() }],
        &clock(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "read_only", "{err}");
    assert_eq!(summary_dump(&t.conn), before);
}

#[test]
fn a_partial_backup_is_never_listed_and_a_stale_one_is_cleared() {
    let t = book(5);
    let dir = t.dir.path().join("backups");
    std::fs::create_dir_all(&dir).unwrap();
    let fresh = dir.join(".test-2026-11-24-170000.db.AbCd12.partial");
    let stale = dir.join(".test-2026-11-23-170000.db.XyZ987.partial");
    for p in [&fresh, &stale] {
        std::fs::write(p, b"half a backup").unwrap();
    }
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(two_hours_ago)
        .unwrap();
    assert!(backup::list(&t.path(), &clock()).unwrap().is_empty());
    backup::snapshot(&t.conn, &t.path(), BackupKind::Regular, &clock()).unwrap();
    assert_eq!(backup::list(&t.path(), &clock()).unwrap().len(), 1);
    assert!(fresh.exists(), "another process may still be writing it");
    assert!(!stale.exists(), "left by a crash an hour ago or more");
}
