//! Every change with its path, kind and semver class, for tools.

use serde::Serialize;

use crate::diff::{Bump, Change, ModelDiff, OperationReport, OperationStatus};

/// The JSON document: counts, the bump, every change and every operation.
#[derive(Serialize)]
struct Document<'a> {
    service: &'a str,
    old_api_version: &'a str,
    new_api_version: &'a str,
    bump: Option<Bump>,
    summary: Summary,
    changes: &'a [Change],
    operations: &'a [OperationReport],
}

#[derive(Serialize)]
struct Summary {
    new_operations: usize,
    updated_operations: usize,
    removed_operations: usize,
    documentation_only_operations: usize,
    changes: usize,
}

/// Renders `diff` as pretty-printed JSON (ends with a newline).
pub fn render_json(diff: &ModelDiff) -> String {
    let count = |status| {
        diff.operations
            .iter()
            .filter(|op| op.status == status)
            .count()
    };
    let document = Document {
        service: &diff.service_full_name,
        old_api_version: &diff.old_api_version,
        new_api_version: &diff.new_api_version,
        bump: diff.bump,
        summary: Summary {
            new_operations: count(OperationStatus::New),
            updated_operations: count(OperationStatus::Updated),
            removed_operations: count(OperationStatus::Removed),
            documentation_only_operations: count(OperationStatus::DocumentationOnly),
            changes: diff.changes.len(),
        },
        changes: &diff.changes,
        operations: &diff.operations,
    };
    // Serializing plain structs of strings and numbers cannot fail.
    let mut json = serde_json::to_string_pretty(&document).unwrap_or_default();
    json.push('\n');
    json
}
