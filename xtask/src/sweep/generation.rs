//! Generating every model of a release in memory, on several threads, with
//! a panic in the generator caught and reported as that model's failure.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{DefaultHasher, Hasher as _};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use awsgen_codegen::{emit::emit_crate, lower_model, names_listing::names_listing, Input};
use indicatif::{ProgressBar, ProgressStyle};

use super::botocore::BotocoreModel;
use crate::fs_sync;

/// What generating one model gave.
#[derive(Debug)]
pub struct Outcome {
    /// The crate's service name (`ec2`, `cloudfront-2019-03-26`).
    pub name: String,
    /// Where the model came from.
    pub label: String,
    /// The protocol the crate speaks (botocore's choice), or `unknown` when
    /// the model's metadata could not be read.
    pub protocol: String,
    /// How long generation took.
    pub elapsed: Duration,
    /// The result.
    pub result: Generated,
}

/// The result of generating one model.
#[derive(Debug)]
pub enum Generated {
    /// The crate's files (kept only when they are to be written), the
    /// lines of its names listing (when asked for), its line count, and a
    /// digest of every path and byte.
    Crate {
        files: Option<BTreeMap<String, String>>,
        names: Option<BTreeSet<String>>,
        lines: usize,
        digest: u64,
        warnings: usize,
    },
    /// The generator refused the model.
    Refused(String),
    /// The generator panicked: always a bug.
    Panicked(String),
}

impl Outcome {
    /// Whether the crate was generated.
    pub fn generated(&self) -> bool {
        matches!(self.result, Generated::Crate { .. })
    }

    /// The digest of the output, or of the failure message.
    pub fn digest(&self) -> u64 {
        match &self.result {
            Generated::Crate { digest, .. } => *digest,
            Generated::Refused(message) | Generated::Panicked(message) => digest_of(&[message]),
        }
    }
}

/// What to keep of each generated crate beyond its digest and size.
#[derive(Debug, Clone, Copy, Default)]
pub struct Keep {
    /// Its files, to write them.
    pub files: bool,
    /// Its names listing, for the names snapshot.
    pub names: bool,
}

/// Generates every model, `jobs` at a time, showing a progress bar on a terminal.
/// The outcomes come back in the order of `models`.
pub fn generate_all(
    models: &[BotocoreModel],
    runtime_path: &str,
    jobs: usize,
    keep: Keep,
) -> Vec<Outcome> {
    let progress = ProgressBar::new(models.len() as u64).with_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} models, {elapsed} {msg}")
            .expect("a valid template"),
    );
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<Outcome>>> = models.iter().map(|_| Mutex::new(None)).collect();
    // The default hook would print every caught panic over the progress bar.
    let hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    std::thread::scope(|scope| {
        for _ in 0..jobs.min(models.len()).max(1) {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(model) = models.get(index) else {
                    break;
                };
                progress.set_message(model.crate_service_name());
                let outcome = generate_one(model, runtime_path, keep);
                *slots[index].lock().expect("no panics while held") = Some(outcome);
                progress.inc(1);
            });
        }
    });
    panic::set_hook(hook);
    progress.finish_and_clear();
    slots
        .into_iter()
        .map(|slot| {
            slot.into_inner()
                .expect("no panics while held")
                .expect("every model was taken by a thread")
        })
        .collect()
}

pub fn generate_one(model: &BotocoreModel, runtime_path: &str, keep: Keep) -> Outcome {
    let name = model.crate_service_name();
    let started = Instant::now();
    let input = Input {
        service_json: &model.service_json,
        paginators_json: model.paginators_json.as_deref(),
        service: &name,
        source_path: &model.label,
        crate_version: "0.1.0",
        runtime_path,
        operations: None,
        endpoint_rules_json: model.endpoint_rules_json.as_deref(),
        waiters_json: model.waiters_json.as_deref(),
    };
    let attempt = panic::catch_unwind(AssertUnwindSafe(|| {
        let (service, warnings) = lower_model(input)?;
        let generated = emit_crate(&service, input.crate_version, runtime_path)?;
        let names = keep.names.then(|| names_listing(&service));
        Ok::<_, awsgen_codegen::Error>((
            service.protocol.model_name(),
            generated,
            names,
            warnings.len(),
        ))
    }));
    let (protocol, result) = match attempt {
        Ok(Ok((protocol, generated, names, warnings))) => {
            let lines = generated
                .files
                .values()
                .map(|text| text.lines().count())
                .sum();
            let digest = digest_of(&generated.files);
            let files = keep.files.then_some(generated.files);
            (
                protocol.to_owned(),
                Generated::Crate {
                    files,
                    names,
                    lines,
                    digest,
                    warnings,
                },
            )
        }
        Ok(Err(err)) => (
            metadata_protocol(model),
            Generated::Refused(err.to_string()),
        ),
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic without a message".to_owned());
            (metadata_protocol(model), Generated::Panicked(message))
        }
    };
    Outcome {
        name,
        label: model.label.clone(),
        protocol,
        elapsed: started.elapsed(),
        result,
    }
}

/// The protocol botocore would pick, read from the metadata alone, for
/// models the generator refused.
fn metadata_protocol(model: &BotocoreModel) -> String {
    #[derive(serde::Deserialize)]
    struct Head {
        metadata: awsgen_codegen::model::Metadata,
    }
    serde_json::from_str::<Head>(&model.service_json)
        .ok()
        .and_then(|head| awsgen_codegen::lower::resolve_protocol(&head.metadata).ok())
        .map_or_else(|| "unknown".to_owned(), |p| p.model_name().to_owned())
}

fn digest_of(value: &impl std::hash::Hash) -> u64 {
    // SipHash with fixed keys: the same on every run of this build.
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// Writes every generated crate to `out/<name>/`, with a workspace manifest
/// listing them so that `cargo check` works there.
pub fn write_all(outcomes: &[Outcome], out: &Path) -> Result<()> {
    let mut members = Vec::new();
    for outcome in outcomes {
        if let Generated::Crate {
            files: Some(files), ..
        } = &outcome.result
        {
            let dir = out.join(&outcome.name);
            let changes = fs_sync::diff(&dir, files)?;
            fs_sync::apply(&dir, files, &changes)
                .with_context(|| format!("writing {}", dir.display()))?;
            members.push(format!("    \"{}\",", outcome.name));
        }
    }
    std::fs::write(
        out.join("Cargo.toml"),
        format!(
            "# Written by `cargo xtask sweep --out`.\n[workspace]\nresolver = \"2\"\nmembers = [\n{}\n]\n",
            members.join("\n")
        ),
    )
    .with_context(|| format!("writing {}/Cargo.toml", out.display()))
}

/// The names snapshot's text: every line of every crate's names listing, each once.
pub fn names_snapshot(outcomes: &[Outcome]) -> String {
    let mut lines = BTreeSet::new();
    for outcome in outcomes {
        if let Generated::Crate {
            names: Some(names), ..
        } = &outcome.result
        {
            lines.extend(names.iter().map(String::as_str));
        }
    }
    lines.into_iter().collect::<Vec<_>>().join("\n")
}
