//! `Store`: reads run on read-only pooled connections beside the writer, on a real file.

use chrono_tz::Tz;
use clientele::relations::{self, RelationEdit};
use clientele::{customers, db, demo, Clock, Store};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn clock() -> Clock {
    Clock::new("2026-11-24T12:00:00Z".parse().unwrap(), Tz::Asia__Kathmandu)
}

fn demo_store(dir: &tempfile::TempDir) -> Store {
    let store = Store::open(&dir.path().join("store.db")).unwrap();
    store
        .write(|c| demo::generate(c, 30, 7, &clock()).map(drop))
        .unwrap();
    store
}

fn is_favorite(store: &Store, id: i64) -> bool {
    store
        .read(|c| customers::get(c, id, &clock()))
        .unwrap()
        .is_favorite
}

#[test]
fn a_read_proceeds_while_the_writer_holds_an_open_write_transaction() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir);
    let id = (1000..1030).find(|&id| !is_favorite(&store, id)).unwrap();
    let (held_tx, held_rx) = mpsc::channel();
    let (release_tx, release_rx) = mpsc::channel::<()>();
    let (read_tx, read_rx) = mpsc::channel();
    std::thread::scope(|s| {
        let store_ = &store;
        let writer = s.spawn(move || {
            store_.write(|c| {
                let tx = db::write_tx(c)?;
                relations::apply(&tx, id, &RelationEdit::Favorite { value: true }, &clock())?;
                held_tx.send(()).unwrap();
                // Bounded, so a read that wrongly waits for us fails the test, not hangs it.
                let _ = release_rx.recv_timeout(Duration::from_secs(10));
                tx.commit()?;
                Ok(())
            })
        });
        held_rx.recv().unwrap();
        // The writer's mutex is held and its BEGIN IMMEDIATE has the file's write lock.
        assert!(store.writer().try_lock().is_err());
        s.spawn(|| read_tx.send(is_favorite(&store, id)).unwrap());
        let seen = read_rx.recv_timeout(Duration::from_secs(5));
        release_tx.send(()).unwrap();
        writer.join().unwrap().unwrap();
        assert_eq!(
            seen,
            Ok(false),
            "the read answered from the last commit without waiting for the writer"
        );
    });
    assert!(is_favorite(&store, id), "the commit is visible to readers");
}

#[test]
fn one_read_sees_one_commit_even_when_the_writer_commits_during_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir);
    let id = (1000..1030).find(|&id| !is_favorite(&store, id)).unwrap();
    let (before, after) = store
        .read(|c| {
            let before = customers::get(c, id, &clock())?.is_favorite;
            // A commit lands between the read's two statements (WAL lets it).
            std::thread::scope(|s| {
                s.spawn(|| {
                    store.write(|w| {
                        relations::edit(w, id, &[RelationEdit::Favorite { value: true }], &clock())
                    })
                })
                .join()
                .unwrap()
            })?;
            Ok((before, customers::get(c, id, &clock())?.is_favorite))
        })
        .unwrap();
    assert_eq!((before, after), (false, false));
    assert!(is_favorite(&store, id), "the next read sees the commit");
}

#[test]
fn readers_refuse_writes() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir);
    let err = store
        .read(|c| {
            Ok(c.execute(
                "UPDATE settings SET value = 'EUR' WHERE key = 'currency'",
                [],
            )?)
        })
        .unwrap_err();
    assert_eq!(err.code(), "read_only");
    let currency = store.read(clientele::settings::currency).unwrap();
    assert_eq!(currency, "NPR");
}

#[test]
fn every_reader_can_be_in_use_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_with_readers(&dir.path().join("store.db"), 3).unwrap();
    let inside = AtomicUsize::new(0);
    std::thread::scope(|s| {
        let waiters: Vec<_> = (0..3)
            .map(|_| {
                s.spawn(|| {
                    store.read(|c| {
                        let _: i64 =
                            c.query_row("SELECT count(*) FROM customers", [], |r| r.get(0))?;
                        inside.fetch_add(1, Ordering::SeqCst);
                        // Each holds its connection until all three are inside a read.
                        let started = Instant::now();
                        while inside.load(Ordering::SeqCst) < 3 {
                            if started.elapsed() > Duration::from_secs(10) {
                                return Ok(false);
                            }
                            std::thread::sleep(Duration::from_millis(1));
                        }
                        Ok(true)
                    })
                })
            })
            .collect();
        for w in waiters {
            assert!(
                w.join().unwrap().unwrap(),
                "three reads ran at the same time"
            );
        }
    });
}

#[test]
fn the_wal_is_emptied_while_reads_are_always_in_flight() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let store = Store::open_with_readers(&path, 1).unwrap();
    let wal_mb =
        || std::fs::metadata(dir.path().join("store.db-wal")).map_or(0.0, |m| m.len() as f64 / 1e6);
    let stop = AtomicBool::new(false);
    let value = "x".repeat(64 * 1024);
    std::thread::scope(|s| {
        s.spawn(|| {
            while !stop.load(Ordering::Relaxed) {
                // A read that takes a while, like a search at 100k customers: one is nearly
                // always in flight, so SQLite's own checkpoints cannot restart the log.
                store
                    .read(|c| {
                        let n: i64 =
                            c.query_row("SELECT count(*) FROM settings", [], |r| r.get(0))?;
                        std::thread::sleep(Duration::from_millis(2));
                        Ok(n)
                    })
                    .unwrap();
            }
        });
        // About 40 MB over 600 commits.
        for i in 0..600 {
            store
                .write(|c| {
                    c.execute(
                        "INSERT INTO settings (key, value) VALUES (?1, ?2)",
                        rusqlite::params![format!("test.{i}"), value],
                    )?;
                    Ok(())
                })
                .unwrap();
        }
        let started = Instant::now();
        while wal_mb() > 16.0 && started.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(20));
        }
        stop.store(true, Ordering::Relaxed);
    });
    assert!(wal_mb() <= 16.0, "the WAL stayed at {:.1} MB", wal_mb());
}

#[test]
fn writes_through_the_writer_handle_reach_the_readers() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir);
    let id = (1000..1030).find(|&id| !is_favorite(&store, id)).unwrap();
    {
        // The handle the sync engine takes.
        let mut conn = store.writer().lock().unwrap();
        relations::edit(
            &mut conn,
            id,
            &[RelationEdit::Favorite { value: true }],
            &clock(),
        )
        .unwrap();
    }
    assert!(is_favorite(&store, id));
}

#[test]
fn a_store_refuses_what_db_open_refuses_and_a_pool_without_readers() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    let err = Store::open(&other).err().unwrap();
    assert_eq!(err.code(), "foreign");
    let err = Store::open_with_readers(&dir.path().join("new.db"), 0)
        .err()
        .unwrap();
    assert_eq!(err.code(), "invalid_input");
}
