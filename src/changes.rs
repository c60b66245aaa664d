//! The one change signal: every write says which data it changed, as a set of scopes.
//! The shell forwards exactly that set as one event and the UI refetches exactly the
//! queries of those scopes (docs/architecture.md, "The change signal").

use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::BTreeSet;

/// A family of data the UI shows; each maps to the queries that read it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Customer rows, the list and its counts, a customer's detail.
    Customers,
    /// The stats cards.
    Stats,
    /// The charts.
    Charts,
    /// The recent-activity timeline.
    Activity,
    /// The account and last-sync status.
    Sync,
    /// Which database is open and its settings (currency, demo or not).
    App,
}

impl Scope {
    pub const ALL: [Scope; 6] = [
        Scope::Customers,
        Scope::Stats,
        Scope::Charts,
        Scope::Activity,
        Scope::Sync,
        Scope::App,
    ];
}

/// The scopes one write changed. Empty means nothing visible changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Changes {
    pub scopes: BTreeSet<Scope>,
}

impl Changes {
    pub fn none() -> Changes {
        Changes::default()
    }

    /// Another database was opened: everything the UI shows is stale.
    pub fn all() -> Changes {
        Changes::of(&Scope::ALL)
    }

    pub fn of(scopes: &[Scope]) -> Changes {
        Changes {
            scopes: scopes.iter().copied().collect(),
        }
    }

    /// New or changed bookings and reviews: customers, their numbers, the charts and the
    /// timeline all move together.
    pub fn platform_data() -> Changes {
        Changes::of(&[
            Scope::Customers,
            Scope::Stats,
            Scope::Charts,
            Scope::Activity,
        ])
    }

    /// Another process wrote to the file: anything but which file is open may have moved.
    pub fn external() -> Changes {
        Changes::platform_data().with(Scope::Sync)
    }

    pub fn with(mut self, scope: Scope) -> Changes {
        self.scopes.insert(scope);
        self
    }

    pub fn union(mut self, other: Changes) -> Changes {
        self.scopes.extend(other.scopes);
        self
    }

    pub fn contains(&self, scope: Scope) -> bool {
        self.scopes.contains(&scope)
    }

    pub fn is_empty(&self) -> bool {
        self.scopes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relations::{changes, RelationEdit};
    use crate::sync::SyncReport;

    #[test]
    fn a_flag_moves_the_stats_and_a_note_does_not() {
        let flag = changes(&[RelationEdit::Favorite { value: true }]);
        assert!(flag.contains(Scope::Stats) && flag.contains(Scope::Charts));
        let note = changes(&[RelationEdit::Notes { value: "x".into() }]);
        assert_eq!(
            note,
            Changes::of(&[Scope::Customers, Scope::Activity, Scope::Sync])
        );
    }

    #[test]
    fn a_sync_that_brought_nothing_changes_only_its_status() {
        let quiet = SyncReport::default().changes();
        assert_eq!(quiet, Changes::of(&[Scope::Sync]));
        let busy = SyncReport {
            reviews_new: 1,
            ..SyncReport::default()
        }
        .changes();
        assert!(busy.contains(Scope::Customers) && busy.contains(Scope::Activity));
        assert!(!busy.contains(Scope::App));
    }

    #[test]
    fn scopes_serialise_as_the_strings_the_ui_maps() {
        let json = serde_json::to_string(&Changes::of(&[Scope::Customers, Scope::Sync])).unwrap();
        assert_eq!(json, r#"{"scopes":["customers","sync"]}"#);
    }
}
