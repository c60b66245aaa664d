//! The book index's text sort keys (names, timestamps): SQLite's BINARY order without a
//! heap allocation per key.

use compact_str::CompactString;

/// A text sort key ordered exactly as SQLite's BINARY collation (byte order): its first 16
/// bytes as a number (most comparisons of a sort end there, without a `memcmp`) and the
/// bytes after them inline. The stored timestamps are 27 bytes: kept whole in one
/// `CompactString` (24 bytes inline) each took a heap allocation, 9–10 MB at 100k.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SortText {
    /// The first 16 bytes, big-endian, as two words: a `u128` would align every entry to
    /// 16 bytes (2.4 MB more at 100k for the padding).
    prefix: (u64, u64),
    rest: CompactString,
}

impl SortText {
    pub(super) fn new(text: &str) -> SortText {
        let bytes = text.as_bytes();
        let n = bytes.len().min(16);
        let mut head = [0u8; 16];
        head[..n].copy_from_slice(&bytes[..n]);
        // Zero padding keeps a shorter text (a prefix of the other) first, as bytes do; no
        // stored text holds a NUL byte. `rest` starts at the last char boundary at or
        // before byte 16: two texts with equal prefixes share that boundary (it follows
        // from their common first 16 bytes), so comparing the rests compares the bytes
        // after the prefix.
        let from = (0..=n)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        let (high, low) = head.split_at(8);
        let word = |b: &[u8]| u64::from_be_bytes(b.try_into().expect("8 bytes"));
        SortText {
            prefix: (word(high), word(low)),
            rest: CompactString::new(&text[from..]),
        }
    }
}

impl Ord for SortText {
    fn cmp(&self, other: &SortText) -> std::cmp::Ordering {
        self.prefix
            .cmp(&other.prefix)
            .then_with(|| self.rest.as_bytes().cmp(other.rest.as_bytes()))
    }
}

impl PartialOrd for SortText {
    fn partial_cmp(&self, other: &SortText) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::SortText;

    #[test]
    fn sort_texts_order_as_their_bytes_and_keep_timestamps_inline() {
        let texts = [
            "",
            "a",
            "aashish",
            "abcdefghijklmno",   // 15 bytes
            "abcdefghijklmnop",  // 16
            "abcdefghijklmnopq", // 17
            "abcdefghijklmnopa",
            "abcdefghijklmnoé", // a 2-byte char across byte 16
            "abcdefghijklmnoéa",
            "abcdefghijklmnoz",
            "2026-01-28T18:23:46.672179Z",
            "2026-01-28T18:23:46.672180Z",
            "2026-01-28T18:23:46Z",
            "2026-01-28",
            "सुनिता श्रेष्ठ",
            "सुनिता शाक्य",
            "सुनि",
            "गीता गुरुङ",
        ];
        for a in texts {
            for b in texts {
                assert_eq!(
                    SortText::new(a).cmp(&SortText::new(b)),
                    a.as_bytes().cmp(b.as_bytes()),
                    "{a:?} vs {b:?}"
                );
                assert_eq!(SortText::new(a) == SortText::new(b), a == b);
            }
        }
        let stamp = SortText::new("2026-01-28T18:23:46.672179Z");
        assert!(!stamp.rest.is_heap_allocated());
    }
}
