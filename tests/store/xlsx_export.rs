//! Excel export: a real database exported to a real .xlsx, read back with calamine, and
//! compared with the CSV of the same filter.

use calamine::{open_workbook, Data, DataType, Reader, Xlsx};
use clientele::export::{export_csv, neutralise, ExportFilter, COLUMNS};
use clientele::relations::{edit, RelationEdit};
use clientele::xlsx::export_xlsx;
use clientele::{CustomerStatus, Money};
use clientele_test_kit::store::*;
use std::path::Path;

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
            let mut bk = booking(
                cid * 10 + i,
                cid,
                if i == 0 { "cancelled" } else { "completed" },
                &format!("2026-11-0{}T10:00:00Z", cid + i),
                "2026-11-09",
                1234,
            );
            if cid == 3 && i == 2 {
                bk.total_amount = Money(123_455); // 1234.55: total 2468.55, not a round sum
            }
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
    let notes = |v: &str| RelationEdit::Notes { value: v.into() };
    edit(
        &mut db.conn,
        1,
        &[
            RelationEdit::Favorite { value: true },
            notes("-1 owed, call +977"),
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
    edit(&mut db.conn, 3, &[notes("=SUM(A1:A9) gate code")], &c).unwrap();
    db
}

/// The sheet's cells, header row included.
fn cells(path: &Path) -> Vec<Vec<Data>> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    assert_eq!(wb.sheet_names(), vec!["Customers".to_string()]);
    let range = wb.worksheet_range("Customers").unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    csv::Reader::from_reader(&bytes[3..])
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn col(name: &str) -> usize {
    COLUMNS.iter().position(|c| *c == name).unwrap()
}

fn text(cell: &Data) -> &str {
    match cell {
        Data::String(s) => s,
        other => panic!("expected a string cell, got {other:?}"),
    }
}

#[test]
fn the_header_is_the_csv_columns_and_rows_come_in_the_csv_order() {
    let db = fixture();
    let (xlsx, csv) = (db.dir.path().join("c.xlsx"), db.dir.path().join("c.csv"));
    let rep = export_xlsx(&db.conn, &xlsx, &ExportFilter::default(), &clock()).unwrap();
    export_csv(&db.conn, &csv, &ExportFilter::default(), &clock()).unwrap();
    assert_eq!(rep.rows, 3);
    assert_eq!(rep.bytes, std::fs::metadata(&xlsx).unwrap().len());
    assert_eq!(rep.path, xlsx.display().to_string());
    assert_eq!(
        &std::fs::read(&xlsx).unwrap()[..2],
        b"PK",
        "a ZIP container"
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&xlsx).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644, "an ordinary document, like the CSV");

    let sheet = cells(&xlsx);
    let header: Vec<&str> = sheet[0].iter().map(text).collect();
    assert_eq!(header, COLUMNS);
    let csv = csv_rows(&csv);
    assert_eq!(sheet.len() - 1, csv.len());
    // Same customers in the same order (the CSV's cells carry the formula guard).
    for (x, c) in sheet[1..].iter().zip(&csv) {
        assert_eq!(neutralise(text(&x[0])), c[0]);
        assert_eq!(neutralise(text(&x[1])), c[1]);
    }
    let names: Vec<&str> = sheet[1..].iter().map(|r| text(&r[0])).collect();
    assert_eq!(
        names,
        ["अशोक पाण्‍डे", "=HYPERLINK(\"x\") Evil", "Ram Shrestha"]
    );
}

#[test]
fn text_stays_text_and_is_never_a_formula() {
    let db = fixture();
    let out = db.dir.path().join("c.xlsx");
    export_xlsx(&db.conn, &out, &ExportFilter::default(), &clock()).unwrap();
    let sheet = cells(&out);
    let (ashok, evil, ram) = (&sheet[1], &sheet[2], &sheet[3]);
    assert_eq!(evil[col("Phone")], Data::String("+977 980 000 0000".into()));
    assert_eq!(ram[col("Phone")], Data::String("9801234567".into()));
    assert_eq!(ashok[col("Phone")], Data::Empty);
    assert_eq!(
        ashok[col("Notes")],
        Data::String("=SUM(A1:A9) gate code".into())
    );
    assert_eq!(ram[col("Notes")], Data::String("-1 owed, call +977".into()));
    assert_eq!(evil[col("Tags")], Data::String("@risk; late".into()));
    assert_eq!(evil[col("Customer Status")], Data::String("Blocked".into()));
    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    let formulas = wb.worksheet_formula("Customers").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no cell is a formula"
    );
}

#[test]
fn numbers_dates_and_flags_are_typed_cells() {
    let db = fixture();
    let out = db.dir.path().join("c.xlsx");
    export_xlsx(&db.conn, &out, &ExportFilter::default(), &clock()).unwrap();
    let sheet = cells(&out);
    let (ashok, evil, ram) = (&sheet[1], &sheet[2], &sheet[3]);

    let spent = ashok[col("Total Spent")].get_float().expect("a number");
    assert_eq!(spent, 246_855_f64 / 100.0);
    assert_eq!(spent, 2468.55);
    assert_eq!(ram[col("Total Spent")].get_float(), Some(0.0));
    assert_eq!(ashok[col("Total Bookings")].as_i64(), Some(3));
    assert_eq!(ashok[col("Cancelled Bookings")].as_i64(), Some(1));
    assert!(ashok[col("Total Bookings")].get_float().unwrap().fract() == 0.0);
    assert_eq!(ashok[col("Average Rating")].get_float(), Some(4.5));
    assert_eq!(evil[col("Average Rating")], Data::Empty);

    let last = &ashok[col("Last Booking")];
    assert!(last.is_datetime(), "Last Booking is a date cell: {last:?}");
    // 2026-11-10 10:00 UTC is 15:45 in Kathmandu.
    assert_eq!(
        last.as_datetime().unwrap().to_string(),
        "2026-11-10 15:45:00"
    );
    assert!(ashok[col("First Booking")].is_datetime());
    let visit = &ashok[col("Next Visit")];
    assert!(visit.is_datetime(), "{visit:?}");
    assert_eq!(visit.as_date().unwrap().to_string(), "2026-12-01");
    assert_eq!(
        ashok[col("Last Visit")].as_date().unwrap().to_string(),
        "2026-11-09"
    );
    assert_eq!(ram[col("Next Visit")], Data::Empty);

    assert_eq!(ram[col("Is Favorite")], Data::Bool(true));
    assert_eq!(ram[col("Is Blocked")], Data::Bool(false));
    assert_eq!(evil[col("Is Blocked")], Data::Bool(true));
}

#[test]
fn a_status_filter_exports_only_those_customers() {
    let db = fixture();
    let out = db.dir.path().join("blocked.xlsx");
    let filter = ExportFilter {
        search: None,
        status: Some(CustomerStatus::Blocked),
        tags: vec![],
        segment: None,
    };
    let rep = export_xlsx(&db.conn, &out, &filter, &clock()).unwrap();
    assert_eq!(rep.rows, 1);
    let sheet = cells(&out);
    assert_eq!(sheet.len(), 2);
    assert_eq!(text(&sheet[1][0]), "=HYPERLINK(\"x\") Evil");

    let none = db.dir.path().join("none.xlsx");
    let filter = ExportFilter {
        search: Some("nobody-by-that-name".into()),
        status: None,
        tags: vec![],
        segment: None,
    };
    assert_eq!(
        export_xlsx(&db.conn, &none, &filter, &clock())
            .unwrap()
            .rows,
        0
    );
    assert_eq!(cells(&none).len(), 1, "the header alone");
}

#[test]
fn a_missing_folder_is_a_clear_error_and_no_file_appears() {
    let db = fixture();
    let out = db.dir.path().join("nope/customers.xlsx");
    let err = export_xlsx(&db.conn, &out, &ExportFilter::default(), &clock()).unwrap_err();
    assert!(
        ["invalid_input", "io"].contains(&err.code()),
        "{}",
        err.code()
    );
    assert!(err.to_string().contains("does not exist"), "{err}");
    assert!(!out.exists() && !out.parent().unwrap().exists());

    // An existing file is replaced whole, and nothing temporary is left behind.
    let out = db.dir.path().join("c.xlsx");
    std::fs::write(&out, "old contents").unwrap();
    export_xlsx(&db.conn, &out, &ExportFilter::default(), &clock()).unwrap();
    assert_eq!(cells(&out).len(), 4);
    let mut names: Vec<String> = std::fs::read_dir(db.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("test.db"))
        .collect();
    names.sort();
    assert_eq!(names, ["c.xlsx"]);
    assert_eq!(
        clientele::export::default_xlsx_file_name(&clock()),
        "customers-2026-11-24.xlsx"
    );
}

#[test]
fn the_format_follows_the_extension() {
    use clientele::export::is_xlsx_path;
    assert!(is_xlsx_path(Path::new("a/b.xlsx")) && is_xlsx_path(Path::new("B.XLSX")));
    assert!(!is_xlsx_path(Path::new("b.csv")) && !is_xlsx_path(Path::new("xlsx")));
    assert!(!is_xlsx_path(Path::new("b.xls")));
}

#[test]
fn the_cli_writes_excel_for_xlsx_and_csv_otherwise() {
    let db = fixture();
    let run = |out: &Path, extra: &[&str]| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_clientele"))
            .arg("--db")
            .arg(db.path())
            .args([
                "--json",
                "--as-of",
                "2026-11-24T12:00:00Z",
                "export",
                "--out",
            ])
            .arg(out)
            .args(extra)
            .env("TZ", "Asia/Kathmandu")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap()
    };
    let xlsx = db.dir.path().join("out.xlsx");
    let rep = run(&xlsx, &["--status", "blocked"]);
    assert_eq!(rep["rows"], 1);
    assert_eq!(&std::fs::read(&xlsx).unwrap()[..2], b"PK");
    assert_eq!(cells(&xlsx).len(), 2);
    let csv = db.dir.path().join("out.txt");
    assert_eq!(run(&csv, &[])["rows"], 3);
    assert_eq!(&std::fs::read(&csv).unwrap()[..3], b"\xEF\xBB\xBF", "CSV");
}
