//! The registered commands match `commands::NAMES` and the UI's `COMMANDS` in ui/src/api.ts.

use crate::harness::TestApp;
use clientele_app::commands::NAMES;
use serde_json::json;
use std::collections::BTreeSet;

#[test]
fn every_listed_name_is_a_registered_command_and_unknown_names_are_not() {
    let app = TestApp::new();
    let missing = |name: &str| {
        app.invoke(name, json!({}))
            .err()
            .and_then(|e| e.as_str().map(str::to_string))
            .is_some_and(|m| m.contains("not found"))
    };
    assert!(
        missing("no_such_command"),
        "an unknown command must be refused as not found"
    );
    for name in NAMES {
        // Missing arguments fail, but as an argument error, never "command not found".
        assert!(
            !missing(name),
            "{name} is in commands::NAMES but not registered"
        );
    }
}

/// Names between `export const COMMANDS = [` and `]`, as quoted strings.
fn ui_commands(ts: &str) -> BTreeSet<String> {
    let start = ts
        .find("export const COMMANDS")
        .expect("api.ts exports COMMANDS");
    let body = &ts[start..];
    let body = &body[body.find('[').unwrap() + 1..body.find(']').unwrap()];
    body.split(',')
        .map(|s| s.trim().trim_matches(|c| c == '\'' || c == '"').to_string())
        .filter(|s| !s.is_empty() && !s.starts_with("//"))
        .collect()
}

#[test]
fn the_ui_calls_exactly_the_registered_commands() {
    let api = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/api.ts");
    let Ok(ts) = std::fs::read_to_string(&api) else {
        eprintln!("SKIPPED: {} does not exist yet", api.display());
        return;
    };
    let ui = ui_commands(&ts);
    let shell: BTreeSet<String> = NAMES.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        ui.difference(&shell).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "the UI calls commands the shell does not register"
    );
    assert_eq!(
        shell.difference(&ui).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "the shell registers commands missing from ui/src/api.ts COMMANDS"
    );
}
