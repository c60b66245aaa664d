//! The client-list import (docs/rules.md §8) on real files: matching by email then phone
//! key, rows of one file folded together, only empty fields of own customers filled, a
//! platform profile never changed, dry run and all-or-nothing writing nothing, a second
//! import all unchanged, and our own export read back.

use crate::book_kit::*;
use clientele::book::import::{import_file, preview, Options, RowAction};
use clientele::customers::CustomerQuery;
use clientele::export::{export_csv, ExportFilter};
use clientele_test_kit::store::*;
use std::path::PathBuf;

const RUN: Options = Options {
    dry_run: false,
    skip_invalid: false,
};

fn file(db: &TestDb, name: &str, text: &str) -> PathBuf {
    let p = db.dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// One platform customer (id 7, phone 9807581814) with a booking, and one own customer.
fn book() -> (TestDb, i64) {
    let mut db = TestDb::new();
    db.apply(&bookings(vec![with_customer(
        booking(1, 7, "completed", "2026-11-01T08:00:00Z", "2026-11-01", 500),
        customer(7, "Ram", "Shrestha", Some("+977 980-758-1814")),
    )]));
    let own = add(
        &mut db,
        &clientele::book::NewCustomer {
            email: Some("sita.own@example.com".into()),
            ..person("Sita", "")
        },
    );
    (db, own.customer_id)
}

const MESSY: &str = "\u{feff}Full Name;E-mail;Mobile;Town;Labels;Shoe size;Comments\r\n\
    Ram S.;;980-758-1814;Pokhara;VIP;42;\r\n\
    R. Shrestha;;09807581814;;hair|vip;;\r\n\
    राम श्रेष्ठ;;+977 980-758-1814;;;;\r\n\
    Sita;SITA@example.com;;Kathmandu;new;;\r\n\
    Sita Rai;sita@example.com;981-111-2222;;;;\r\n\
    Hari Thapa;hari@example.com;;Butwal;walk-in;;pays cash\r\n";

#[test]
fn a_messy_list_matches_one_customer_through_three_phone_formats() {
    let (mut db, _) = book();
    book_tag(&mut db, 7, &["Old", "Gone"]);
    book_tag_remove(&mut db, 7, "Gone");
    let before = row(&db, 7);
    let path = file(&db, "clients.csv", MESSY);
    let r = import_file(&mut db.conn, &path, RUN, &clock()).unwrap();
    // Three rows are customer 7: the first adds VIP, the second hair, the third nothing;
    // they go after the tag the card had.
    // Sita twice: the file's own customer, then folded; Hari is new.
    assert_eq!((r.added, r.matched, r.unchanged), (2, 3, 1), "{r:?}");
    assert_eq!(r.ignored_columns, vec!["Shoe size"]);
    let ram = row(&db, 7);
    assert_eq!(ram.tags, vec!["Old", "VIP", "hair"]);
    // A platform profile is never changed by an import.
    assert_eq!(
        (ram.first_name.as_str(), ram.city.clone(), ram.phone.clone()),
        (
            before.first_name.as_str(),
            before.city.clone(),
            before.phone.clone()
        )
    );
    let new: Vec<_> = search(&db, "sita@example.com")
        .into_iter()
        .map(|id| row(&db, id))
        .collect();
    assert_eq!(new.len(), 1, "one Sita from two rows of the file");
    let sita = &new[0];
    assert!(sita.customer_id < 0);
    assert_eq!(sita.source, clientele::customers::Source::Local);
    // The second row filled only what the first left empty.
    assert_eq!(
        (
            sita.last_name.as_str(),
            sita.city.as_deref(),
            sita.phone.as_deref()
        ),
        ("Rai", Some("Kathmandu"), Some("981-111-2222"))
    );
    let hari = row(&db, search(&db, "hari@example.com")[0]);
    assert_eq!(
        (hari.notes.as_str(), hari.tags.clone()),
        ("pays cash", vec!["walk-in".to_string()])
    );
    assert!(timeline(&db).iter().any(|a| a.title == "Customer imported"));
    assert_recompute_unchanged(&mut db);
    // The same file again changes nothing.
    let again = import_file(&mut db.conn, &path, RUN, &clock()).unwrap();
    assert_eq!(
        (again.added, again.matched, again.unchanged),
        (0, 0, 6),
        "{again:?}"
    );
}

#[test]
fn a_dry_run_and_the_preview_write_nothing_and_say_what_a_run_would_do() {
    let (mut db, _) = book();
    let path = file(&db, "clients.csv", MESSY);
    let before = dump(&db);
    let dry = Options {
        dry_run: true,
        skip_invalid: false,
    };
    let r = import_file(&mut db.conn, &path, dry, &clock()).unwrap();
    let p = preview(&db.conn, &path).unwrap();
    assert_eq!(dump(&db), before, "a dry run writes nothing");
    assert_eq!(p.report, r);
    assert_eq!(p.file_name, "clients.csv");
    let actions: Vec<RowAction> = p.rows.iter().map(|r| r.action).collect();
    use RowAction::*;
    assert_eq!(actions, vec![Match, Match, Unchanged, Add, Match, Add]);
    assert_eq!(p.rows[0].line, 2);
    let real = import_file(&mut db.conn, &path, RUN, &clock()).unwrap();
    assert_eq!(real, r, "the dry run said exactly what the run did");
}

#[test]
fn one_invalid_row_refuses_the_file_unless_the_valid_rows_are_asked_for() {
    let (mut db, own) = book();
    let text = "Name,Email,Phone\nGita,gita@example.com,\n,nobody@example.com,\nBina,bina@example,\nAsha,,123\n";
    let path = file(&db, "bad.csv", text);
    let before = dump(&db);
    let e = import_file(&mut db.conn, &path, RUN, &clock()).unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    let msg = e.to_string();
    for line in ["line 3:", "line 4:", "line 5:"] {
        assert!(msg.contains(line), "{msg}");
    }
    assert!(
        msg.starts_with("bad.csv: 3 invalid rows, nothing imported"),
        "{msg}"
    );
    assert_eq!(dump(&db), before, "nothing written");
    let skip = Options {
        dry_run: false,
        skip_invalid: true,
    };
    let r = import_file(&mut db.conn, &path, skip, &clock()).unwrap();
    assert_eq!(r.added, 1);
    let lines: Vec<u64> = r.invalid.iter().map(|i| i.line).collect();
    assert_eq!(lines, vec![3, 4, 5]);
    assert!(search(&db, "gita@example.com").len() == 1);
    assert_eq!(
        row(&db, own).first_name,
        "Sita",
        "other customers untouched"
    );
}

#[test]
fn file_level_errors_are_refused_with_nothing_written() {
    let (mut db, _) = book();
    let before = dump(&db);
    for (name, bytes, says) in [
        ("latin1.csv", b"Name\nJos\xe9\n".to_vec(), "is not UTF-8"),
        ("empty.csv", b"".to_vec(), "is empty"),
        (
            "nohead.csv",
            b"Total,Spent\n1,2\n".to_vec(),
            "no name column",
        ),
    ] {
        let p = db.dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let e = import_file(&mut db.conn, &p, RUN, &clock()).unwrap_err();
        assert!(
            e.to_string().contains(name) && e.to_string().contains(says),
            "{e}"
        );
    }
    assert_eq!(dump(&db), before);
}

#[test]
fn our_own_export_imports_back_unchanged() {
    let (mut db, own) = book();
    set(
        &mut db,
        own,
        &[clientele::relations::RelationEdit::Notes {
            value: "=1+1 is not a formula".into(),
        }],
    );
    book_tag(&mut db, own, &["VIP", "Hair colour"]);
    // `;` and `|` separate tags in a CSV, so no tag holds one.
    let e = clientele::book::tag(&mut db.conn, own, &["a;b".into()], &[], &clock()).unwrap_err();
    assert!(e.to_string().contains("cannot contain"), "{e}");
    let out = db.dir.path().join("export.csv");
    export_csv(&db.conn, &out, &ExportFilter::default(), &clock()).unwrap();
    let r = import_file(&mut db.conn, &out, RUN, &clock()).unwrap();
    // Both cards match (the platform one by phone, the own one by email) and nothing changes.
    assert_eq!((r.added, r.matched, r.unchanged), (0, 0, 2), "{r:?}");
    assert!(r.invalid.is_empty(), "{r:?}");
    assert_eq!(row(&db, own).tags, vec!["VIP", "Hair colour"]);
    assert_eq!(row(&db, own).notes, "=1+1 is not a formula");
    assert_eq!(ids(&db, CustomerQuery::default()).len(), 2);
}

fn book_tag(db: &mut TestDb, id: i64, tags: &[&str]) {
    let tags: Vec<String> = tags.iter().map(|t| t.to_string()).collect();
    clientele::book::tag(&mut db.conn, id, &tags, &[], &clock()).unwrap();
}

fn book_tag_remove(db: &mut TestDb, id: i64, tag: &str) {
    clientele::book::tag(&mut db.conn, id, &[], &[tag.to_string()], &clock()).unwrap();
}
