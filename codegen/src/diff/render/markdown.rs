//! The changelog as Markdown, for release notes and pull requests.

use std::fmt::Write;

use super::{listed_operations, literals, other_changes, semver_lines, status_word, title};
use crate::diff::ModelDiff;
use crate::docs::html_to_markdown;

/// Renders the same content as [`super::render_text`] in Markdown; the title
/// is a heading of `level` (1 for `#`), operations one level below.
pub fn render_markdown(diff: &ModelDiff, date: &str, level: usize) -> String {
    let h1 = "#".repeat(level.clamp(1, 5));
    let h2 = format!("{h1}#");
    let mut out = String::new();
    let _ = writeln!(out, "{h1} {}", title(diff, date));
    for op in listed_operations(diff) {
        let _ = writeln!(out, "\n{h2} `{}` ({})", op.name, status_word(op.status));
        if let Some(sides) = op.sides {
            let _ = writeln!(out, "\nChanges ({})", sides.as_str());
        }
        for (label, literal) in literals(op) {
            if !label.is_empty() {
                let _ = writeln!(out, "\n{label}:");
            }
            let _ = writeln!(out, "\n```python\n{literal}\n```");
        }
        let others = other_changes(diff, op);
        if !others.is_empty() {
            out.push('\n');
            for change in others {
                let _ = writeln!(
                    out,
                    "- `{}`: {} (**{}**)",
                    change.path,
                    change.message.replace('\n', " "),
                    change.semver
                );
            }
        }
        let docs = html_to_markdown(&op.documentation_html, &|_| None);
        if !docs.is_empty() {
            let _ = writeln!(out, "\n{docs}");
        }
    }
    let docs_only: Vec<String> = diff
        .documentation_only_operations()
        .map(|op| format!("`{}`", op.name))
        .collect();
    if !docs_only.is_empty() {
        let _ = writeln!(
            out,
            "\n{h2} Documentation updates\n\n{}",
            docs_only.join(", ")
        );
    }
    let (headline, details) = semver_lines(diff);
    let _ = writeln!(out, "\n{h2} {headline}");
    if !details.is_empty() {
        out.push('\n');
        for line in details {
            let _ = writeln!(out, "- {line}");
        }
    }
    out
}
