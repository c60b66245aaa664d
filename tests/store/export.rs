//! CSV export: parsed back with the csv crate, every column of every row checked.

use clientele::customers::{list, CustomerQuery};
use clientele::export::{export_csv, ExportFilter, COLUMNS};
use clientele::relations::{edit, RelationEdit};
use clientele::CustomerStatus;
use clientele_test_kit::store::*;

fn fixture() -> TestDb {
    let mut db = TestDb::new();
    let mut b = Vec::new();
    let people = [
        (1, "Ram", "Shrestha", Some("9801234567")),
        (2, "=HYPERLINK(\"x\")", "Evil", Some("+977 980 000 0000")),
        (3, "अशोक", "पाण्‍डे", None),
    ];
    for (cid, first, last, phone) in people {
        for i in 0..cid {
            let bk = booking(
                cid * 10 + i,
                cid,
                if i == 0 { "cancelled" } else { "completed" },
                &format!("2026-11-0{}T10:00:00Z", cid + i),
                "2026-11-09",
                1234,
            );
            b.push(with_customer(bk, customer(cid, first, last, phone)));
        }
    }
    b.push(with_customer(
        booking(
            99,
            3,
            "confirmed",
            "2026-11-10T10:00:00Z",
            "2026-12-01",
            500,
        ),
        customer(3, "अशोक", "पाण्‍डे", None),
    ));
    db.apply(&clientele::platform::Batch {
        bookings: b,
        reviews: vec![
            review(1, 3, 5, "2026-11-10T00:00:00Z"),
            review(2, 3, 4, "2026-11-11T00:00:00Z"),
        ],
    });
    let c = clock();
    edit(
        &mut db.conn,
        1,
        &[
            RelationEdit::Favorite { value: true },
            RelationEdit::Notes {
                value: "-1 owed, call +977\nsecond line, \"quoted\"".into(),
            },
        ],
        &c,
    )
    .unwrap();
    edit(
        &mut db.conn,
        2,
        &[
            RelationEdit::Blocked {
                value: true,
                reason: None,
            },
            RelationEdit::Tags {
                value: vec!["@risk".into(), "late".into()],
            },
        ],
        &c,
    )
    .unwrap();
    db
}

fn read(path: &std::path::Path) -> (String, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 BOM for Excel");
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    let header = r.headers().unwrap().iter().collect::<Vec<_>>().join(",");
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

#[test]
fn every_column_of_every_row_round_trips() {
    let db = fixture();
    let out = db.dir.path().join("customers.csv");
    let rep = export_csv(&db.conn, &out, &ExportFilter::default(), &clock()).unwrap();
    assert_eq!(rep.rows, 3);
    assert_eq!(rep.bytes, std::fs::metadata(&out).unwrap().len());
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644, "an ordinary document, not a private temp file");
    let (header, rows) = read(&out);
    assert_eq!(header, COLUMNS.join(","));
    assert_eq!(
        &COLUMNS[..12],
        &[
            "Customer Name",
            "Email",
            "Phone",
            "Total Bookings",
            "Total Spent",
            "Average Rating",
            "Customer Status",
            "First Booking",
            "Last Booking",
            "Is Favorite",
            "Is Blocked",
            "Notes"
        ]
    );
    // Ordered by last booking, newest first: 3 (Nov 10), 2 (Nov 3), 1 (Nov 2).
    let expected = vec![
        vec![
            "अशोक पाण्‍डे",
            "अशोक.3@example.test",
            "",
            "3",
            "2468.00",
            "4.50",
            "Returning",
            "2026-11-03",
            "2026-11-10",
            "No",
            "No",
            "",
            "Lalitpur",
            "1",
            "2026-11-09",
            "2026-12-01",
            "",
        ],
        vec![
            "'=HYPERLINK(\"x\") Evil",
            "'=hyperlink(\"x\").2@example.test",
            "'+977 980 000 0000",
            "1",
            "1234.00",
            "",
            "Blocked",
            "2026-11-02",
            "2026-11-03",
            "No",
            "Yes",
            "",
            "Lalitpur",
            "1",
            "2026-11-09",
            "",
            "'@risk; late",
        ],
        vec![
            "Ram Shrestha",
            "ram.1@example.test",
            "9801234567",
            "0",
            "0.00",
            "",
            "Favorite",
            "2026-11-01",
            "2026-11-01",
            "Yes",
            "No",
            "'-1 owed, call +977\nsecond line, \"quoted\"",
            "Lalitpur",
            "1",
            "",
            "",
            "",
        ],
    ];
    assert_eq!(rows, expected);
}

#[test]
fn the_phone_with_plus_is_neutralised() {
    // "+977 …" begins with '+', so it is prefixed too; checked explicitly because a real
    // phone is the commonest such cell.
    assert_eq!(clientele::export::neutralise("+977 980"), "'+977 980");
    assert_eq!(clientele::export::neutralise("\tx"), "'\tx");
    assert_eq!(clientele::export::neutralise("\rx"), "'\rx");
    assert_eq!(clientele::export::neutralise("Ram"), "Ram");
}

#[test]
fn the_filtered_export_matches_the_list() {
    let db = fixture();
    let out = db.dir.path().join("blocked.csv");
    let filter = ExportFilter {
        search: Some("evil".into()),
        status: Some(CustomerStatus::Blocked),
        tags: vec![],
        segment: None,
    };
    let rep = export_csv(&db.conn, &out, &filter, &clock()).unwrap();
    let page = list(
        &db.conn,
        &CustomerQuery {
            search: filter.search.clone(),
            status: filter.status,
            ..Default::default()
        },
        &clock(),
    )
    .unwrap();
    assert_eq!(rep.rows as i64, page.count);
    let (_, rows) = read(&out);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][6], "Blocked");
}

#[test]
fn a_missing_folder_is_a_clear_error_and_no_file_appears() {
    let db = fixture();
    let out = db.dir.path().join("nope/customers.csv");
    let err = export_csv(&db.conn, &out, &ExportFilter::default(), &clock()).unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    assert!(err.to_string().contains("does not exist"), "{err}");
    assert!(!out.exists());
    // An existing file is replaced whole, and no temp file is left behind.
    let out = db.dir.path().join("c.csv");
    std::fs::write(&out, "old contents that are longer than nothing").unwrap();
    export_csv(&db.conn, &out, &ExportFilter::default(), &clock()).unwrap();
    assert_eq!(read(&out).1.len(), 3);
    let leftovers = std::fs::read_dir(db.dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".tmp")
        })
        .count();
    assert_eq!(leftovers, 0);
    assert_eq!(
        clientele::export::default_file_name(&clock()),
        "customers-2026-11-24.csv"
    );
}
