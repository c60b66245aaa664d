//! The CSV itself: UTF-8 (BOM optional), `,` or `;` detected, a header row, every row
//! checked with its line number (docs/rules.md §8).

use super::headers::{accepted, field_of, Field};
use super::{Column, ImportRow, InvalidRow, ParsedFile};
use crate::book::{phone_digit_count, valid_email, MAX_NAME_CHARS};
use crate::error::{Error, Result};
use crate::relations::{MAX_TAGS, MAX_TAG_CHARS};

/// Reads our export's formula guard back: a `'` before `=`, `+`, `-`, `@`, tab or CR.
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

/// The delimiter the header line uses most: `;` (common where `,` is the decimal mark) or `,`.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let count = |d: char| header.chars().filter(|c| *c == d).count();
    if count(';') > count(',') {
        b';'
    } else {
        b','
    }
}

pub fn parse(file_name: &str, bytes: &[u8]) -> Result<ParsedFile> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Error::invalid(format!(
            "{file_name} is not UTF-8 text (a byte at offset {} is not valid); save it as \"CSV UTF-8\" and import it again",
            e.valid_up_to()
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The csv crate's line numbers count CRLF files from 1 at the first record, not 2: with
    // every line ending as LF, a row's number is its line in the file.
    let text = text.replace("\r\n", "\n");
    let text = text.as_str();
    if text.trim().is_empty() {
        return Err(Error::invalid(format!("{file_name} is empty")));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| Error::invalid(format!("{file_name}: cannot read the header row: {e}")))?
        .clone();
    let columns: Vec<Column> = headers
        .iter()
        .map(|h| Column {
            header: h.trim().to_string(),
            field: field_of(h),
        })
        .collect();
    let has = |f: Field| columns.iter().any(|c| c.field == Some(f));
    if !(has(Field::Name) || has(Field::FirstName) || has(Field::LastName)) {
        let found: Vec<&str> = columns.iter().map(|c| c.header.as_str()).collect();
        return Err(Error::invalid(format!(
            "{file_name} has no name column in its header row (found: {}); the first row must name the columns, e.g. {}",
            found.join(", "),
            accepted()
        )));
    }
    let mut out = ParsedFile {
        columns,
        ..Default::default()
    };
    for record in reader.records() {
        let record =
            record.map_err(|e| Error::invalid(format!("{file_name}: unreadable CSV: {e}")))?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        match row(&out.columns, &record, line) {
            Ok(r) => out.rows.push(r),
            Err(message) => out.invalid.push(InvalidRow { line, message }),
        }
    }
    Ok(out)
}

/// One record as a row, or why it is invalid.
fn row(
    columns: &[Column],
    record: &csv::StringRecord,
    line: u64,
) -> std::result::Result<ImportRow, String> {
    let mut r = ImportRow {
        line,
        ..Default::default()
    };
    let mut full_name = String::new();
    for (col, cell) in columns.iter().zip(record.iter()) {
        let value = unneutralise(cell.trim()).trim().to_string();
        if value.is_empty() {
            continue;
        }
        let set = |slot: &mut Option<String>| *slot = Some(value.clone());
        match col.field {
            Some(Field::Name) => full_name = value.clone(),
            Some(Field::FirstName) => r.first_name = value.clone(),
            Some(Field::LastName) => r.last_name = value.clone(),
            Some(Field::Email) => set(&mut r.email),
            Some(Field::Phone) => set(&mut r.phone),
            Some(Field::City) => set(&mut r.city),
            Some(Field::Notes) => set(&mut r.notes),
            Some(Field::Tags) => r.tags.extend(
                value
                    .split([';', '|'])
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_string),
            ),
            None => {}
        }
    }
    if r.first_name.is_empty() && r.last_name.is_empty() {
        let (first, last) = full_name.split_once(' ').unwrap_or((&full_name, ""));
        r.first_name = first.trim().to_string();
        r.last_name = last.trim().to_string();
    } else if r.first_name.is_empty() {
        // Only a last name: it is what we call them by.
        std::mem::swap(&mut r.first_name, &mut r.last_name);
    }
    if r.first_name.is_empty() {
        return Err("no name (fill the name, or the first or last name)".into());
    }
    if r.first_name.chars().count() > MAX_NAME_CHARS || r.last_name.chars().count() > MAX_NAME_CHARS
    {
        return Err(format!("name is longer than {MAX_NAME_CHARS} characters"));
    }
    if let Some(e) = r.email.as_deref().filter(|e| !valid_email(e)) {
        return Err(format!(
            "email {e:?} is not an email address (it needs an @ and a dot after it)"
        ));
    }
    if let Some(p) = r.phone.as_deref() {
        match phone_digit_count(p) {
            Some(n) if (7..=15).contains(&n) => {}
            Some(n) => return Err(format!("phone {p:?} has {n} digits; 7 to 15 are needed")),
            None => return Err(format!("phone {p:?} has characters other than digits, spaces, dashes, dots, brackets and a leading +")),
        }
    }
    let mut tags: Vec<String> = Vec::new();
    for t in &r.tags {
        if t.chars().count() > MAX_TAG_CHARS {
            return Err(format!(
                "tag {t:?} is longer than {MAX_TAG_CHARS} characters"
            ));
        }
        if !tags
            .iter()
            .any(|k| crate::tags::key(k) == crate::tags::key(t))
        {
            tags.push(t.clone());
        }
    }
    if tags.len() > MAX_TAGS {
        return Err(format!(
            "{} tags; at most {MAX_TAGS} per customer",
            tags.len()
        ));
    }
    r.tags = tags;
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_messy_list_reads_with_its_line_numbers() {
        let csv = "\u{feff}Full Name;E-mail;Mobile;Town;Labels;Shoe size\r\n\
                   Ram Shrestha;RAM@X.TEST;+977 980-758-1814;Pokhara;VIP|hair;42\r\n\
                   \"Sita\nDevi\";;980-758-1814;;;\r\n\
                   राम श्रेष्ठ;;09807581814;;vip; \r\n\
                   ;bad-email;;;;\r\n\
                   ;;;;;\r\n\
                   Hari;hari@x;123;;;\r\n";
        let p = parse("clients.csv", csv.as_bytes()).unwrap();
        assert_eq!(p.ignored_columns(), vec!["Shoe size"]);
        assert_eq!(p.rows.len(), 3);
        assert_eq!((p.rows[0].line, p.rows[0].first_name.as_str()), (2, "Ram"));
        assert_eq!(p.rows[0].tags, vec!["VIP", "hair"]);
        assert_eq!(p.rows[1].first_name, "Sita\nDevi");
        // The quoted cell spans two lines, so the next row is on line 5.
        assert_eq!((p.rows[2].line, p.rows[2].last_name.as_str()), (5, "श्रेष्ठ"));
        let lines: Vec<u64> = p.invalid.iter().map(|i| i.line).collect();
        assert_eq!(lines, vec![6, 8], "{:?}", p.invalid);
        assert!(p.invalid[0].message.contains("no name"));
        assert!(
            p.invalid[1].message.contains("email"),
            "{}",
            p.invalid[1].message
        );
    }

    #[test]
    fn our_own_export_reads_back() {
        let csv = "\u{feff}Customer Name,Email,Phone,Total Bookings,Notes,City,Tags\n\
                   Evil Ed,ed@x.test,'+977 9801234567,3,'=SUM(1),Lalitpur,a; b\n";
        let p = parse("customers.csv", csv.as_bytes()).unwrap();
        let r = &p.rows[0];
        assert_eq!(r.phone.as_deref(), Some("+977 9801234567"));
        assert_eq!(r.notes.as_deref(), Some("=SUM(1)"));
        assert_eq!(r.tags, vec!["a", "b"]);
        assert_eq!(p.ignored_columns(), vec!["Total Bookings"]);
    }

    #[test]
    fn file_level_errors_name_the_file() {
        let latin1 = b"Name,City\nJos\xe9,Kathmandu\n";
        let e = parse("old.csv", latin1).unwrap_err().to_string();
        assert!(e.contains("old.csv is not UTF-8"), "{e}");
        let e = parse("empty.csv", b"\xef\xbb\xbf \n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("empty.csv is empty"), "{e}");
        let e = parse("x.csv", b"Total,Spent\n1,2\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("no name column") && e.contains("Total, Spent"),
            "{e}"
        );
        let p = parse("h.csv", b"Name,Email\n").unwrap();
        assert!(p.rows.is_empty() && p.invalid.is_empty());
    }

    #[test]
    fn each_invalid_reason_is_given() {
        let many: Vec<String> = (0..21).map(|i| format!("t{i}")).collect();
        let csv = format!(
            "Name,Phone,Tags\nA,123456,\nB,1234567890123456,\nC,,{}\nD,,{}\nE,98-1234567,\n",
            many.join("|"),
            "x".repeat(41)
        );
        let p = parse("t.csv", csv.as_bytes()).unwrap();
        let got: Vec<(u64, bool)> = p
            .invalid
            .iter()
            .map(|i| {
                (
                    i.line,
                    i.message.contains("phone") || i.message.contains("tag"),
                )
            })
            .collect();
        assert_eq!(got, vec![(2, true), (3, true), (4, true), (5, true)]);
        assert_eq!(p.rows.len(), 1);
    }
}
