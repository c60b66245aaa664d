//! Search normalisation: what text a customer is found by, and how a query is matched.

/// Digits of a phone number with a leading Nepali country code (`+977`, `00977`) dropped,
/// so "+977 980-1234567" and "9801234567" are the same number.
pub fn phone_digits(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let trimmed = phone.trim_start();
    let stripped = if trimmed.starts_with('+') || trimmed.starts_with("00") {
        digits.trim_start_matches("00").strip_prefix("977")
    } else if digits.len() > 10 {
        digits.strip_prefix("977")
    } else {
        None
    };
    stripped.map(str::to_string).unwrap_or(digits)
}

/// Case-folds and drops zero-width joiners, which Devanagari text carries invisibly
/// ("पाण्‍डे" typed without the joiner must still match).
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The text a customer is found by: full name, email, phone digits — one per line so a
/// query never matches across two fields.
pub fn search_text(first: &str, last: &str, email: &str, phone: Option<&str>) -> String {
    let name = format!("{} {}", first.trim(), last.trim());
    let phone = phone.map(phone_digits).unwrap_or_default();
    fold(&format!("{}\n{}\n{}", name.trim(), email.trim(), phone))
}

/// How a search query is run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchPlan {
    /// No query: every customer.
    All,
    /// Three or more characters: the FTS5 trigram index, with this MATCH expression.
    Fts(String),
    /// One or two characters: a substring scan for this needle.
    Scan(String),
}

/// Turns what the user typed into a plan. A query made only of phone characters is matched
/// as digits (spaces, dashes and a leading country code ignored).
pub fn plan(query: &str) -> SearchPlan {
    let q = query.trim();
    if q.is_empty() {
        return SearchPlan::All;
    }
    let phone_like = q.chars().any(|c| c.is_ascii_digit())
        && q.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '(' | ')' | '.'));
    let needle = if phone_like { phone_digits(q) } else { fold(q) };
    if needle.is_empty() {
        return SearchPlan::All;
    }
    if needle.chars().count() < 3 {
        SearchPlan::Scan(needle)
    } else {
        SearchPlan::Fts(format!("\"{}\"", needle.replace('"', "\"\"")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_normalise() {
        assert_eq!(phone_digits("+977 980-123 4567"), "9801234567");
        assert_eq!(phone_digits("009779801234567"), "9801234567");
        assert_eq!(phone_digits("9779801234567"), "9801234567");
        assert_eq!(phone_digits("980-1234567"), "9801234567");
        assert_eq!(phone_digits("01-4412345"), "014412345");
    }

    #[test]
    fn plans() {
        assert_eq!(plan("  "), SearchPlan::All);
        assert_eq!(plan("Sh"), SearchPlan::Scan("sh".into()));
        assert_eq!(plan("+977 98"), SearchPlan::Scan("98".into()));
        assert_eq!(plan("Ram \"x"), SearchPlan::Fts("\"ram \"\"x\"".into()));
        assert_eq!(plan("+977 980-12"), SearchPlan::Fts("\"98012\"".into()));
        assert_eq!(plan("पाण्‍डे"), SearchPlan::Fts("\"पाण्डे\"".into()));
    }

    #[test]
    fn text_has_one_field_per_line() {
        assert_eq!(
            search_text("Ram", "Shrestha", "Ram@X.test", Some("+977 9801")),
            "ram shrestha\nram@x.test\n9801"
        );
    }
}
