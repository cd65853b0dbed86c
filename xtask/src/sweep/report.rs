//! The sweep's tables, rendered as text.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

use super::compile::CompileResult;
use super::generation::{Generated, Outcome};

#[derive(Default)]
struct Row {
    models: usize,
    generated: usize,
    refused: usize,
    panicked: usize,
    warnings: usize,
    lines: usize,
    time: Duration,
}

/// One row per protocol, a total, then every model that did not generate and why.
pub fn render(outcomes: &[Outcome], wall: Duration) -> String {
    let mut rows: BTreeMap<&str, Row> = BTreeMap::new();
    let mut total = Row::default();
    for outcome in outcomes {
        for row in [
            rows.entry(outcome.protocol.as_str()).or_default(),
            &mut total,
        ] {
            row.models += 1;
            row.time += outcome.elapsed;
            match &outcome.result {
                Generated::Crate {
                    lines, warnings, ..
                } => {
                    row.generated += 1;
                    row.lines += lines;
                    row.warnings += warnings;
                }
                Generated::Refused(_) => row.refused += 1,
                Generated::Panicked(_) => row.panicked += 1,
            }
        }
    }
    let mut text = String::new();
    let header = [
        "protocol",
        "models",
        "generated",
        "failed",
        "panicked",
        "warnings",
        "lines",
        "time",
    ];
    let mut table = vec![header.map(str::to_owned).to_vec()];
    for (protocol, row) in rows.iter().chain([(&"total", &total)]) {
        table.push(vec![
            (*protocol).to_owned(),
            row.models.to_string(),
            row.generated.to_string(),
            row.refused.to_string(),
            row.panicked.to_string(),
            row.warnings.to_string(),
            row.lines.to_string(),
            format!("{:.1} s", row.time.as_secs_f64()),
        ]);
    }
    text.push_str(&aligned(&table));
    let _ = writeln!(
        text,
        "{} of {} models generated in {:.1} s (wall clock; the time column adds up the threads)",
        total.generated,
        total.models,
        wall.as_secs_f64()
    );
    for outcome in outcomes {
        let (kind, message) = match &outcome.result {
            Generated::Crate { .. } => continue,
            Generated::Refused(message) => ("failed", message),
            Generated::Panicked(message) => ("PANICKED", message),
        };
        let _ = writeln!(text, "{kind}: {} ({})", outcome.name, outcome.label);
        for line in message.lines() {
            let _ = writeln!(text, "    {line}");
        }
    }
    text
}

/// The `--compile` table: each crate's lines, check and clippy times, and failures in full.
pub fn render_compile(results: &[CompileResult]) -> String {
    let seconds = |d: Option<Duration>| {
        d.map_or_else(|| "-".to_owned(), |d| format!("{:.1} s", d.as_secs_f64()))
    };
    let mut table = vec![[
        "crate",
        "lines",
        "cargo check",
        "clippy",
        "rustdoc",
        "result",
    ]
    .map(str::to_owned)
    .to_vec()];
    for result in results {
        table.push(vec![
            format!("awsgen-{}", result.name),
            result.lines.to_string(),
            seconds(result.check),
            seconds(result.clippy),
            seconds(result.doc),
            if result.failure.is_some() {
                "FAILED"
            } else {
                "ok"
            }
            .to_owned(),
        ]);
    }
    let total: Duration = results.iter().filter_map(|r| r.check).sum::<Duration>()
        + results.iter().filter_map(|r| r.clippy).sum::<Duration>()
        + results.iter().filter_map(|r| r.doc).sum::<Duration>();
    let failed = results.iter().filter(|r| r.failure.is_some()).count();
    let mut text = aligned(&table);
    let _ = writeln!(
        text,
        "{} crates compiled, {failed} failed, {:.1} s in cargo",
        results.len(),
        total.as_secs_f64()
    );
    for result in results {
        if let Some(failure) = &result.failure {
            let _ = writeln!(text, "awsgen-{} failed:\n{failure}", result.name);
        }
    }
    text
}

/// A digest of every model's output (or failure), in order.
pub fn digest(outcomes: &[Outcome]) -> u64 {
    outcomes
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |acc: u64, outcome| {
            (acc ^ outcome.digest()).wrapping_mul(0x0100_0000_01b3)
        })
}

/// Columns padded to their widest cell; numbers right-aligned.
fn aligned(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .map(|row| row.get(c).map_or(0, |cell| cell.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut text = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(index, (cell, width))| {
                if index > 0 && cell.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
                    format!("{cell:>width$}")
                } else {
                    format!("{cell:<width$}")
                }
            })
            .collect();
        let _ = writeln!(text, "{}", cells.join("  ").trim_end());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(name: &str, protocol: &str, result: Generated) -> Outcome {
        Outcome {
            name: name.to_owned(),
            label: format!("data/{name}/2020-01-01/service-2.json.gz"),
            protocol: protocol.to_owned(),
            elapsed: Duration::from_millis(250),
            result,
        }
    }

    fn generated(lines: usize) -> Generated {
        Generated::Crate {
            files: None,
            names: None,
            lines,
            digest: lines as u64,
            warnings: lines % 7,
        }
    }

    #[test]
    fn the_table_counts_per_protocol_and_lists_failures() {
        let outcomes = [
            outcome("sts", "query", generated(1200)),
            outcome("sqs", "json", generated(3400)),
            outcome(
                "kms",
                "json",
                Generated::Refused("the model has 1 problem:\nshapes.X: bad".to_owned()),
            ),
            outcome(
                "s3",
                "rest-xml",
                Generated::Panicked("index out of bounds".to_owned()),
            ),
        ];
        insta::assert_snapshot!(render(&outcomes, Duration::from_millis(600)));
    }

    #[test]
    fn the_compile_table_shows_times_and_failures() {
        let results = [
            CompileResult {
                name: "sts".to_owned(),
                lines: 1200,
                check: Some(Duration::from_millis(2500)),
                clippy: Some(Duration::from_millis(3100)),
                doc: Some(Duration::from_millis(4200)),
                failure: None,
            },
            CompileResult {
                name: "connect".to_owned(),
                lines: 99000,
                check: None,
                clippy: None,
                doc: None,
                failure: Some("cargo check -p awsgen-connect failed:\nerror[E0061]".to_owned()),
            },
        ];
        insta::assert_snapshot!(render_compile(&results));
    }

    #[test]
    fn the_digest_depends_on_every_outcome_and_its_order() {
        let a = [
            outcome("a", "json", generated(1)),
            outcome("b", "json", generated(2)),
        ];
        let b = [
            outcome("b", "json", generated(2)),
            outcome("a", "json", generated(1)),
        ];
        let c = [
            outcome("a", "json", generated(1)),
            outcome("b", "json", generated(3)),
        ];
        assert_ne!(digest(&a), digest(&b));
        assert_ne!(digest(&a), digest(&c));
        assert_eq!(
            digest(&a),
            digest(&[
                outcome("a", "json", generated(1)),
                outcome("b", "json", generated(2))
            ])
        );
    }
}
