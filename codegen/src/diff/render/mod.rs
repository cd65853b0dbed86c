//! Renderings of a [`ModelDiff`]: the AWS API-change feed as text, the same
//! as Markdown, and JSON for tools.

mod json;
mod markdown;
mod text;

use std::collections::BTreeMap;
use std::str::FromStr;

pub use json::render_json;
pub use markdown::render_markdown;
pub use text::render_text;

use super::pydict::PyValue;
use super::{Basis, Change, ChangeKind, ModelDiff, OperationReport, OperationStatus};

/// An output format of `cargo xtask diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The changelog of the AWS API-change feeds.
    Text,
    /// The same content as Markdown.
    Markdown,
    /// Every change with its path, kind and semver class.
    Json,
}

impl FromStr for Format {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text {
            "text" => Ok(Format::Text),
            "markdown" | "md" => Ok(Format::Markdown),
            "json" => Ok(Format::Json),
            other => Err(format!(
                "unknown format {other:?} (expected text, markdown or json)"
            )),
        }
    }
}

/// Renders `diff` in `format`; `date` is the changelog date, `YYYY/MM/DD`.
pub fn render(diff: &ModelDiff, format: Format, date: &str) -> String {
    match format {
        Format::Text => render_text(diff, date),
        Format::Markdown => render_markdown(diff, date, 1),
        Format::Json => render_json(diff),
    }
}

/// The title line of the public AWS API-change feeds:
/// `2016/04/05 - Amazon API Gateway - 2 new 10 updated api methods`, zero
/// counts left out. A change to documentation alone says so.
fn title(diff: &ModelDiff, date: &str) -> String {
    let count = |status| {
        diff.operations
            .iter()
            .filter(|op| op.status == status)
            .count()
    };
    let counts: Vec<String> = [
        (OperationStatus::New, "new"),
        (OperationStatus::Updated, "updated"),
        (OperationStatus::Removed, "removed"),
    ]
    .into_iter()
    .map(|(status, word)| (count(status), word))
    .filter(|(n, _)| *n > 0)
    .map(|(n, word)| format!("{n} {word}"))
    .collect();
    let summary = if !counts.is_empty() {
        format!("{} api methods", counts.join(" "))
    } else if diff.documentation_only_operations().next().is_some() {
        "documentation updates".to_string()
    } else {
        "no api changes".to_string()
    };
    format!("{date} - {} - {summary}", diff.service_full_name)
}

/// The operations the feed lists, in feed order: new, updated, removed.
fn listed_operations(diff: &ModelDiff) -> Vec<&OperationReport> {
    let mut listed: Vec<&OperationReport> = diff
        .operations
        .iter()
        .filter(|op| {
            !matches!(
                op.status,
                OperationStatus::DocumentationOnly | OperationStatus::InternalOnly
            )
        })
        .collect();
    listed.sort_by_key(|op| (op.status, op.name.as_str()));
    listed
}

/// The heading word after an operation's name.
fn status_word(status: OperationStatus) -> &'static str {
    match status {
        OperationStatus::New => "new",
        OperationStatus::Updated => "updated",
        OperationStatus::DocumentationOnly => "documentation",
        OperationStatus::InternalOnly => "internal",
        OperationStatus::Removed => "removed",
    }
}

/// The literals an operation shows, each with its label: for a new operation
/// its whole request and response (`Request`, `Response`); otherwise one
/// literal of everything added on either side, unlabelled (the feeds merge
/// the two for `Changes (both)`).
fn literals(op: &OperationReport) -> Vec<(&'static str, PyValue)> {
    if op.status == OperationStatus::New {
        let request = op.added_request.clone().map(|r| ("Request", r));
        let response = op.added_response.clone().map(|r| ("Response", r));
        return request.into_iter().chain(response).collect();
    }
    let merged = match (op.added_request.clone(), op.added_response.clone()) {
        (Some(mut request), Some(response)) => {
            request.merge(response);
            Some(request)
        }
        (request, response) => request.or(response),
    };
    merged.map(|literal| ("", literal)).into_iter().collect()
}

/// An operation's changes that its added-members literal does not show:
/// everything but additions and documentation.
fn other_changes<'a>(diff: &'a ModelDiff, op: &OperationReport) -> Vec<&'a Change> {
    if op.status != OperationStatus::Updated {
        return Vec::new();
    }
    let shown = |kind: ChangeKind| {
        matches!(
            kind,
            ChangeKind::MemberAdded | ChangeKind::EnumValueAdded | ChangeKind::ShapeAdded
        )
    };
    diff.changes
        .iter()
        .filter(|c| {
            !shown(c.kind)
                && !matches!(c.basis, Basis::Docs | Basis::Internal)
                && op.changes.binary_search(&c.path).is_ok()
        })
        .collect()
}

/// The semver summary: the bump, the kinds of change at that level with counts,
/// and for a major bump each breaking change.
fn semver_lines(diff: &ModelDiff) -> (String, Vec<String>) {
    let Some(bump) = diff.bump else {
        return (
            "Semver impact on the generated crate: none (no changes)".to_string(),
            Vec::new(),
        );
    };
    let reasons = diff.bump_reasons();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for change in &reasons {
        *counts.entry(change.kind.as_str()).or_default() += 1;
    }
    let summary: Vec<String> = counts
        .iter()
        .map(|(kind, n)| format!("{kind} ×{n}"))
        .collect();
    let headline = format!(
        "Semver impact on the generated crate: {bump} ({})",
        summary.join(", ")
    );
    let details = if bump == super::Bump::Major {
        reasons
            .iter()
            .map(|c| format!("{}: {} [{}]", c.path, c.message, c.basis.as_str()))
            .collect()
    } else {
        Vec::new()
    };
    (headline, details)
}
