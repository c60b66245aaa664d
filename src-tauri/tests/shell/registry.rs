//! Every command of the generated bindings is registered, and nothing else answers.

use crate::harness::TestApp;
use serde_json::json;

/// The command names the generated `ui/src/bindings.ts` invokes.
fn generated_commands() -> Vec<String> {
    let ts = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings.ts"),
    )
    .unwrap();
    // Each command is `__TAURI_INVOKE<ReturnType>("name", …)`.
    ts.split("__TAURI_INVOKE<")
        .skip(1)
        .map(|s| {
            let name = &s[s.find("(\"").unwrap() + 2..];
            name[..name.find('"').unwrap()].to_string()
        })
        .collect()
}

#[test]
fn every_generated_command_is_registered_and_unknown_names_are_not() {
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
    let names = generated_commands();
    assert!(names.len() >= 13, "bindings.ts invokes {names:?}");
    for name in &names {
        // Missing arguments fail, but as an argument error, never "command not found".
        assert!(!missing(name), "{name} is generated but not registered");
    }
}
