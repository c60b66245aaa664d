//! Search normalisation: what text a customer is found by, and how a query is matched
//! (docs/rules.md §3); the email and phone keys that import and duplicates match on (§8, §9).

/// A phone number as a comparable key: digits only; a leading `977` dropped when more than
/// 10 digits remain; then a leading `0` dropped. So `+977 980-758-1814`, `980-758-1814` and
/// `09807581814` are all `9807581814` (docs/rules.md §8).
pub fn phone_key(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.strip_prefix("00").unwrap_or(&digits);
    let digits = match digits.strip_prefix("977") {
        Some(rest) if digits.len() > 10 => rest,
        _ => digits,
    };
    digits.strip_prefix('0').unwrap_or(digits).to_string()
}

/// An email as a comparable key: trimmed, lower-case; empty for none.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A full name as duplicates compare it: case-folded, inner spaces collapsed (§9).
pub fn name_key(first: &str, last: &str) -> String {
    fold(&format!("{first} {last}"))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A typed phone fragment as a key: like [`phone_key`], but after a `+` or `00` the `977`
/// is a country code however few digits follow ("+977 980" finds 980…).
fn query_phone_key(q: &str) -> String {
    let international = q.starts_with('+') || q.starts_with("00");
    let digits: String = q.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.strip_prefix("00").unwrap_or(&digits);
    match digits.strip_prefix("977") {
        Some(rest) if international => rest.strip_prefix('0').unwrap_or(rest).to_string(),
        _ => phone_key(digits),
    }
}

/// Case-folds and drops zero-width joiners, which Devanagari text carries invisibly
/// ("पाण्‍डे" typed without the joiner must still match).
pub fn fold(s: &str) -> String {
    // Most names, emails and cities are ASCII: no joiners, and lowering is byte-wise.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars()
        .filter(|c| !matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The text a customer is found by: full name, email, phone key, city — one per line so a
/// query word never matches across two fields.
pub fn search_text(
    first: &str,
    last: &str,
    email: &str,
    phone: Option<&str>,
    city: Option<&str>,
) -> String {
    let name = format!("{} {}", first.trim(), last.trim());
    let phone = phone.map(phone_key).unwrap_or_default();
    fold(&format!(
        "{}\n{}\n{}\n{}",
        name.trim(),
        email.trim(),
        phone,
        city.unwrap_or("").trim()
    ))
}

/// The terms of a query, each a folded substring the search text must contain (docs/rules.md
/// §3). A query made only of phone characters is one phone term (spaces, dashes, a leading
/// `0` and a leading country code ignored); otherwise each word is a term.
pub fn terms(query: &str) -> Vec<String> {
    let q = query.trim();
    if q.is_empty() {
        return Vec::new();
    }
    let phone_like = q.chars().any(|c| c.is_ascii_digit())
        && q.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '(' | ')' | '.'));
    let terms: Vec<String> = if phone_like {
        vec![query_phone_key(q)]
    } else {
        fold(q).split_whitespace().map(str::to_string).collect()
    };
    let mut terms: Vec<String> = terms.into_iter().filter(|t| !t.is_empty()).collect();
    terms.dedup();
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_keys_normalise() {
        for p in [
            "+977 980-758-1814",
            "980-758-1814",
            "09807581814",
            "9779807581814",
        ] {
            assert_eq!(phone_key(p), "9807581814", "{p}");
        }
        assert_eq!(phone_key("00977 9801234567"), "9801234567");
        assert_eq!(phone_key("01-4412345"), "14412345");
        // 977 is a country code only when a full number follows it.
        assert_eq!(phone_key("9771234"), "9771234");
    }

    #[test]
    fn terms_are_words_or_one_phone_key() {
        assert!(terms("  ").is_empty());
        assert_eq!(terms("Sh"), ["sh"]);
        assert_eq!(terms("+977 98"), ["98"]);
        assert_eq!(terms("Ram \"x"), ["ram", "\"x"]);
        assert_eq!(terms("+977 980-12"), ["98012"]);
        assert_eq!(terms("0980"), ["980"]);
        assert_eq!(terms("पाण्‍डे"), ["पाण्डे"]);
        assert_eq!(terms("shrestha  Ram"), ["shrestha", "ram"]);
    }

    #[test]
    fn text_has_one_field_per_line() {
        assert_eq!(
            search_text(
                "Ram",
                "Shrestha",
                "Ram@X.test",
                Some("+977 9801"),
                Some("Pokhara")
            ),
            "ram shrestha\nram@x.test\n9779801\npokhara"
        );
        assert_eq!(name_key(" Ram  ", "SHRESTHA "), "ram shrestha");
    }
}
