//! The changelog of the AWS API-change feeds, as plain text.

use std::fmt::Write;

use super::{listed_operations, literals, other_changes, semver_lines, status_word, title};
use crate::diff::ModelDiff;
use crate::docs::html_to_text;

/// Renders the feed: a title line, then per new, updated or removed operation
/// its heading, `Changes (request|response|both)`, the added members as a
/// Python-style literal, other changes, and its documentation; then
/// documentation-only updates and the semver impact.
pub fn render_text(diff: &ModelDiff, date: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", title(diff, date));
    for op in listed_operations(diff) {
        let _ = writeln!(out, "\n{} ({})", op.name, status_word(op.status));
        if let Some(sides) = op.sides {
            let _ = writeln!(out, "Changes ({})", sides.as_str());
        }
        for (label, literal) in literals(op) {
            if !label.is_empty() {
                let _ = writeln!(out, "{label}");
            }
            let _ = writeln!(out, "{literal}");
        }
        for change in other_changes(diff, op) {
            let _ = writeln!(
                out,
                "- {}: {} [{}]",
                change.path, change.message, change.semver
            );
        }
        let docs = html_to_text(&op.documentation_html);
        if !docs.is_empty() {
            let _ = writeln!(out, "\n{docs}");
        }
    }
    let docs_only: Vec<&str> = diff
        .documentation_only_operations()
        .map(|op| op.name.as_str())
        .collect();
    if !docs_only.is_empty() {
        let _ = writeln!(out, "\nDocumentation updates: {}", docs_only.join(", "));
    }
    let (headline, details) = semver_lines(diff);
    let _ = writeln!(out, "\n{headline}");
    for line in details {
        let _ = writeln!(out, "- {line}");
    }
    out
}
