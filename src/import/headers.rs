//! Which field a header names (docs/rules.md §8): case-insensitive, ignoring spaces, `_`
//! and `-`.

use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// A full name, split at the first space.
    Name,
    FirstName,
    LastName,
    Email,
    Phone,
    City,
    Notes,
    Tags,
}

const NAMES: [(Field, &[&str]); 8] = [
    (
        Field::Name,
        &["name", "fullname", "customername", "clientname"],
    ),
    (Field::FirstName, &["firstname", "first", "givenname"]),
    (
        Field::LastName,
        &["lastname", "last", "surname", "familyname"],
    ),
    (Field::Email, &["email", "emailaddress"]),
    (
        Field::Phone,
        &["phone", "mobile", "phonenumber", "cell", "contact"],
    ),
    (Field::City, &["city", "town", "location"]),
    (Field::Notes, &["notes", "note", "comments"]),
    (Field::Tags, &["tags", "labels", "groups"]),
];

/// The field a header names; `None` for a column to ignore. Our own export's "Customer
/// Name", "Email", "Phone", "City", "Notes" and "Tags" map like any other list's.
pub fn field_of(header: &str) -> Option<Field> {
    let key: String = header
        .trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect();
    NAMES
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|(f, _)| *f)
}

/// The accepted spellings, for the message about a file with no usable column.
pub fn accepted() -> &'static str {
    "name / full name, first name, last name, email, phone / mobile, city, notes, tags"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_map_to_fields() {
        for (h, f) in [
            ("Full Name", Field::Name),
            ("Customer Name", Field::Name),
            ("client_name", Field::Name),
            ("E-mail", Field::Email),
            ("Email Address", Field::Email),
            ("MOBILE", Field::Phone),
            ("Phone Number", Field::Phone),
            ("Given-Name", Field::FirstName),
            ("Family Name", Field::LastName),
            ("Town", Field::City),
            ("Comments", Field::Notes),
            ("Labels", Field::Tags),
        ] {
            assert_eq!(field_of(h), Some(f), "{h}");
        }
        assert_eq!(field_of("Total Spent"), None);
        assert_eq!(field_of("Is Favorite"), None);
    }
}
