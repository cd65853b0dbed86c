//! `cargo xtask codegen`: model/ → generated/, all in memory first, so a bad
//! model leaves every committed file untouched.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use awsgen_codegen::{generate, GeneratedCrate, Input, OperationSubset};

use crate::fs_sync::{self, Change};
use crate::model_source::companion_beside;

/// One model to generate, and where its crate goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// Short service name, e.g. `apigateway`.
    pub service: String,
    /// The `service-2.json` file.
    pub model: PathBuf,
    /// The `paginators-1.json` beside it, if any.
    pub paginators: Option<PathBuf>,
    /// Path of the model as printed in generated headers.
    pub source_label: String,
    /// Version of the generated crate.
    pub crate_version: String,
    /// The crate folder to write.
    pub out_dir: PathBuf,
    /// The runtime crate's folder as the generated `Cargo.toml` names it.
    pub runtime_path: String,
    /// The operations to generate, when not all of them.
    pub operations: Option<OperationSubset>,
}

/// The file beside a vendored service's `CRATE_VERSION` that limits its crate
/// to some operations: their names, by line or comma, `#` comments allowed.
pub const OPERATIONS_FILE: &str = "OPERATIONS";

/// The workspace root (the parent of `xtask/`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// The target folder of the scratch workspaces whose crates are generated
/// and compiled with the workspace's lock file (the fixtures, the protocol
/// suites): shared, so their common dependencies are built once.
pub fn generated_crates_target(root: &Path) -> PathBuf {
    root.join("target/generated-crates")
}

pub fn run(args: &[String]) -> Result<ExitCode> {
    run_at(&workspace_root(), args)
}

/// `codegen` against the repository at `root` (a parameter so tests can use a copy).
pub fn run_at(root: &Path, args: &[String]) -> Result<ExitCode> {
    let mut check = false;
    let mut model = None;
    let mut out = None;
    let mut service = None;
    let mut operations = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--model" => model = Some(PathBuf::from(rest.next().context("--model needs a path")?)),
            "--out" => out = Some(PathBuf::from(rest.next().context("--out needs a folder")?)),
            "--service" => service = Some(rest.next().context("--service needs a name")?.clone()),
            "--operations" => {
                let list = rest
                    .next()
                    .context("--operations needs a list: DescribeInstances,RunInstances")?;
                operations = Some(parse_operations(list).context("--operations")?);
            }
            other => bail!("unknown argument {other:?} to codegen"),
        }
    }
    let jobs = match (model, out) {
        (Some(model), Some(out)) => vec![single_job(&model, &out, service, operations)?],
        (None, None) if operations.is_some() => bail!(
            "--operations goes with --model and --out; a vendored service keeps its subset in \
             model/<service>/{OPERATIONS_FILE}"
        ),
        (None, None) => {
            let mut jobs = discover(root)?;
            if let Some(service) = service {
                jobs.retain(|job| job.service == service);
                if jobs.is_empty() {
                    bail!("no vendored service {service:?} under model/");
                }
            }
            jobs
        }
        _ => bail!("--model and --out go together"),
    };
    let started = Instant::now();
    let generated = generate_all(&jobs)?;
    let elapsed = started.elapsed();
    let mut all_changes = Vec::new();
    for (job, crate_files) in jobs.iter().zip(&generated) {
        for warning in &crate_files.warnings {
            eprintln!("warning: {}: {warning}", job.model.display());
        }
        let changes = fs_sync::diff(&job.out_dir, &crate_files.files)?;
        all_changes.push((job, crate_files, changes));
    }
    let shown = |path: &Path| {
        path.strip_prefix(root)
            .unwrap_or(path)
            .display()
            .to_string()
    };
    if check {
        let stale: Vec<&Change> = all_changes
            .iter()
            .flat_map(|(_, _, changes)| changes)
            .collect();
        if stale.is_empty() {
            println!(
                "generated/ is up to date with model/ ({} crate(s))",
                jobs.len()
            );
            return Ok(ExitCode::SUCCESS);
        }
        eprintln!("{} stale file(s):", stale.len());
        for change in stale {
            eprintln!(
                "  {}",
                change
                    .to_string()
                    .replace(&format!("{}/", root.display()), "")
            );
        }
        eprintln!("run `cargo xtask codegen` and commit the result");
        return Ok(ExitCode::FAILURE);
    }
    for (job, crate_files, changes) in &all_changes {
        fs_sync::apply(&job.out_dir, &crate_files.files, changes)?;
        let lines: usize = crate_files
            .files
            .values()
            .map(|text| text.lines().count())
            .sum();
        println!(
            "{}: {} files, {} lines in {}; {} changed",
            job.service,
            crate_files.files.len(),
            lines,
            shown(&job.out_dir),
            changes.len()
        );
        for change in changes {
            println!(
                "  {}",
                change
                    .to_string()
                    .replace(&format!("{}/", root.display()), "")
            );
        }
    }
    println!("generation took {:.1} ms", elapsed.as_secs_f64() * 1000.0);
    Ok(ExitCode::SUCCESS)
}

/// Every `model/<service>/<version>/service-2.json`, newest version of each service.
pub fn discover(root: &Path) -> Result<Vec<Job>> {
    let model_dir = root.join("model");
    let mut jobs = Vec::new();
    for service_dir in sorted_dirs(&model_dir)? {
        let service = file_name(&service_dir);
        let Some(version_dir) = sorted_dirs(&service_dir)?.pop() else {
            bail!("{}: no API version folder", service_dir.display());
        };
        let model = version_dir.join("service-2.json");
        let paginators = Some(version_dir.join("paginators-1.json")).filter(|p| p.is_file());
        let version_file = service_dir.join("CRATE_VERSION");
        let crate_version = fs::read_to_string(&version_file)
            .with_context(|| format!("reading {}", version_file.display()))?
            .trim()
            .to_string();
        let operations_file = service_dir.join(OPERATIONS_FILE);
        let operations = match fs::read_to_string(&operations_file) {
            Ok(text) => Some(
                parse_operations(&text)
                    .with_context(|| format!("reading {}", operations_file.display()))?,
            ),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
            Err(err) => {
                return Err(err).with_context(|| format!("reading {}", operations_file.display()))
            }
        };
        jobs.push(Job {
            source_label: format!("model/{service}/{}/service-2.json", file_name(&version_dir)),
            out_dir: root.join("generated").join(&service),
            // Relative, so the committed crates build from any checkout.
            runtime_path: "../../runtime".to_string(),
            service,
            model,
            paginators,
            crate_version,
            operations,
        });
    }
    if jobs.is_empty() {
        bail!("no models under {}", model_dir.display());
    }
    Ok(jobs)
}

/// An operation list as `--operations` or an `OPERATIONS` file gives it.
pub fn parse_operations(text: &str) -> Result<OperationSubset> {
    OperationSubset::parse(text).map_err(|problem| anyhow::anyhow!(problem.message))
}

fn single_job(
    model: &Path,
    out: &Path,
    service: Option<String>,
    operations: Option<OperationSubset>,
) -> Result<Job> {
    let source = crate::model_source::load(model)?;
    Ok(Job {
        service: service.unwrap_or_else(|| source.service_name()),
        paginators: source.paginators_path.clone(),
        source_label: source.service_path.display().to_string(),
        model: source.service_path,
        crate_version: "0.1.0".to_string(),
        out_dir: out.to_path_buf(),
        runtime_path: runtime_path_from(out)?,
        operations,
    })
}

/// The path from a crate folder `out` (created or not) to this workspace's
/// runtime crate: relative where both share a root, so the pair can move together.
pub fn runtime_path_from(out: &Path) -> Result<String> {
    let runtime = workspace_root().join("runtime");
    let out = std::path::absolute(out).with_context(|| format!("resolving {}", out.display()))?;
    Ok(relative_path(&out, &runtime)
        .display()
        .to_string()
        .replace('\\', "/"))
}

/// `to` as seen from `from` (both absolute): `..` up to their common ancestor, then down.
fn relative_path(from: &Path, to: &Path) -> PathBuf {
    let from: Vec<_> = from.components().collect();
    let to: Vec<_> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return to.iter().collect();
    }
    let mut path = PathBuf::new();
    for _ in common..from.len() {
        path.push("..");
    }
    path.extend(&to[common..]);
    path
}

/// Generates every job in memory; the first failure stops everything before any write.
pub fn generate_all(jobs: &[Job]) -> Result<Vec<GeneratedCrate>> {
    jobs.iter()
        .map(|job| {
            let service_json = read(&job.model)?;
            let paginators_json = job.paginators.as_deref().map(read).transpose()?;
            let endpoint_rules_json = companion_beside(&job.model, "endpoint-rule-set-1")
                .as_deref()
                .map(read)
                .transpose()?;
            let waiters_json = companion_beside(&job.model, "waiters-2")
                .as_deref()
                .map(read)
                .transpose()?;
            generate(Input {
                service_json: &service_json,
                paginators_json: paginators_json.as_deref(),
                service: &job.service,
                source_path: &job.source_label,
                crate_version: &job.crate_version,
                runtime_path: &job.runtime_path,
                operations: job.operations.as_ref(),
                endpoint_rules_json: endpoint_rules_json.as_deref(),
                waiters_json: waiters_json.as_deref(),
            })
            .with_context(|| match job.operations {
                Some(_)
                    if job
                        .out_dir
                        .ends_with(Path::new("generated").join(&job.service)) =>
                {
                    format!(
                        "generating {} from {} (operations from model/{}/{OPERATIONS_FILE})",
                        job.service,
                        job.model.display(),
                        job.service
                    )
                }
                _ => format!("generating {} from {}", job.service, job.model.display()),
            })
        })
        .collect()
}

/// Reads a model file, plain or gzipped (`.gz`).
pub fn read(path: &Path) -> Result<String> {
    if path.extension().is_some_and(|ext| ext == "gz") {
        let file = fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
        let mut text = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(file), &mut text)
            .with_context(|| format!("decompressing {}", path.display()))?;
        Ok(text)
    } else {
        fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
    }
}

/// The folders directly inside `dir`, sorted.
pub fn sorted_dirs(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("listing {}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    Ok(dirs)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{args, scratch_repo, snapshot_tree};

    #[test]
    fn a_bad_model_fails_naming_the_path_and_writes_nothing() {
        let repo = scratch_repo();
        let root = repo.path();
        let model_path = root.join("model/apigateway/2015-07-09/service-2.json");
        let text = fs::read_to_string(&model_path).unwrap();
        let broken = text.replacen(
            "\"shape\":\"MapOfStringToString\"",
            "\"shape\":\"NoSuchMap\"",
            1,
        );
        assert_ne!(
            broken, text,
            "the model should reference MapOfStringToString"
        );
        fs::write(&model_path, broken).unwrap();
        // Make the output stale too, so a partial write would show.
        fs::remove_file(root.join("generated/apigateway/src/types/stage.rs")).unwrap();
        let before = snapshot_tree(&root.join("generated"));

        let err = run_at(root, &args(&[])).unwrap_err();
        let message = format!("{err:#}");
        assert!(
            message.contains("shape: no shape named \"NoSuchMap\""),
            "{message}"
        );
        assert!(message.contains("shapes."), "{message}");
        assert_eq!(snapshot_tree(&root.join("generated")), before);
    }

    #[test]
    fn check_mode_reports_stale_files_and_codegen_repairs_them() {
        let repo = scratch_repo();
        let root = repo.path();
        assert_eq!(
            run_at(root, &args(&["--check"])).unwrap(),
            ExitCode::SUCCESS
        );
        fs::write(
            root.join("generated/apigateway/src/types/stage.rs"),
            "// edited by hand\n",
        )
        .unwrap();
        fs::write(root.join("generated/apigateway/src/types/leftover.rs"), "").unwrap();
        assert_eq!(
            run_at(root, &args(&["--check"])).unwrap(),
            ExitCode::FAILURE
        );
        assert_eq!(run_at(root, &args(&[])).unwrap(), ExitCode::SUCCESS);
        assert!(!root
            .join("generated/apigateway/src/types/leftover.rs")
            .exists());
        assert!(
            root.join("generated/apigateway/tests").is_dir(),
            "hand-written tests are kept"
        );
        assert_eq!(
            run_at(root, &args(&["--check"])).unwrap(),
            ExitCode::SUCCESS
        );
    }

    /// Every published version of the API Gateway model generates.
    #[test]
    fn every_historical_model_generates() {
        let history = workspace_root().join("testdata/apigateway-history");
        let mut models: Vec<PathBuf> = fs::read_dir(&history)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        models.sort();
        assert_eq!(models.len(), 67);
        let out = tempfile::tempdir().unwrap();
        for model in &models {
            let job = single_job(model, out.path(), None, None).unwrap();
            let generated =
                generate_all(std::slice::from_ref(&job)).unwrap_or_else(|err| panic!("{err:#}"));
            assert!(generated[0].files.len() > 100, "{}", model.display());
        }
    }

    #[test]
    fn one_service_alone() {
        let repo = scratch_repo();
        let root = repo.path();
        fs::write(root.join("generated/sqs/src/lib.rs"), "// edited\n").unwrap();
        fs::write(root.join("generated/kms/src/lib.rs"), "// edited\n").unwrap();
        assert_eq!(
            run_at(root, &args(&["--service", "sqs"])).unwrap(),
            ExitCode::SUCCESS
        );
        assert_ne!(
            fs::read_to_string(root.join("generated/sqs/src/lib.rs")).unwrap(),
            "// edited\n"
        );
        assert_eq!(
            fs::read_to_string(root.join("generated/kms/src/lib.rs")).unwrap(),
            "// edited\n"
        );
        let err = run_at(root, &args(&["--service", "nosuch"])).unwrap_err();
        assert!(format!("{err:#}").contains("no vendored service \"nosuch\""));
    }

    #[test]
    fn one_model_into_another_folder() {
        let out = tempfile::tempdir().unwrap();
        let model =
            workspace_root().join("testdata/apigateway-history/003-2015-11-10-e8ee8976f.json.gz");
        let code = run_at(
            &workspace_root(),
            &args(&[
                "--model",
                model.to_str().unwrap(),
                "--out",
                out.path().to_str().unwrap(),
            ]),
        )
        .unwrap();
        assert_eq!(code, ExitCode::SUCCESS);
        let stage = fs::read_to_string(out.path().join("src/types/stage.rs")).unwrap();
        let manifest = fs::read_to_string(out.path().join("Cargo.toml")).unwrap();
        let runtime = runtime_path_from(out.path()).unwrap();
        assert!(
            manifest.contains(&format!("path = \"{runtime}\"")),
            "{manifest}"
        );
        assert!(
            out.path().join(&runtime).join("src/lib.rs").is_file(),
            "{runtime} leads to the runtime crate"
        );
        assert!(
            stage.contains("pub variables"),
            "the 2015-11-10 model has stage variables"
        );
    }

    #[test]
    fn a_services_operations_file_limits_its_crate() {
        let repo = scratch_repo();
        let root = repo.path();
        let operations_file = root.join("model/sqs").join(OPERATIONS_FILE);
        fs::write(
            &operations_file,
            "SendMessage # the producer\nReceiveMessage\n",
        )
        .unwrap();
        assert_eq!(
            run_at(root, &args(&["--check"])).unwrap(),
            ExitCode::FAILURE,
            "the full crate is stale once a subset is set"
        );
        assert_eq!(run_at(root, &args(&[])).unwrap(), ExitCode::SUCCESS);
        let types = root.join("generated/sqs/src/types");
        assert!(types.join("send_message_request.rs").is_file());
        assert!(!types.join("create_queue_request.rs").exists());
        assert!(
            root.join("generated/sqs/tests").is_dir(),
            "hand-written tests are kept"
        );
        let operations =
            fs::read_to_string(root.join("generated/sqs/src/operation/mod.rs")).unwrap();
        assert!(
            operations.contains("pub use send_message::SendMessage;"),
            "{operations}"
        );
        assert!(!operations.contains("CreateQueue"), "{operations}");

        fs::write(&operations_file, "SendMessages\n").unwrap();
        let before = snapshot_tree(&root.join("generated"));
        let message = format!("{:#}", run_at(root, &args(&[])).unwrap_err());
        assert!(message.contains("model/sqs/OPERATIONS"), "{message}");
        assert!(
            message.contains("did you mean \"SendMessage\"?"),
            "{message}"
        );
        fs::write(&operations_file, "# nothing yet\n").unwrap();
        let message = format!("{:#}", run_at(root, &args(&[])).unwrap_err());
        assert!(message.contains("OPERATIONS"), "{message}");
        assert!(message.contains("the operation list is empty"), "{message}");
        assert_eq!(snapshot_tree(&root.join("generated")), before);
    }

    #[test]
    fn operations_on_the_command_line_go_with_a_model() {
        let out = tempfile::tempdir().unwrap();
        let model = workspace_root().join("model/dynamodb/2012-08-10/service-2.json");
        let code = run_at(
            &workspace_root(),
            &args(&[
                "--model",
                model.to_str().unwrap(),
                "--out",
                out.path().to_str().unwrap(),
                "--operations",
                "GetItem,PutItem",
            ]),
        )
        .unwrap();
        assert_eq!(code, ExitCode::SUCCESS);
        let lib = fs::read_to_string(out.path().join("src/lib.rs")).unwrap();
        assert!(lib.contains("This crate has 2 of the service's"), "{lib}");
        let err = run_at(&workspace_root(), &args(&["--operations", "GetItem"])).unwrap_err();
        assert!(format!("{err:#}").contains("--operations goes with --model"));
    }

    /// The committed crates must be exactly what the committed models generate.
    #[test]
    fn generated_is_up_to_date() {
        let root = workspace_root();
        let jobs = discover(&root).unwrap();
        let generated = generate_all(&jobs).unwrap();
        for (job, crate_files) in jobs.iter().zip(&generated) {
            let changes = fs_sync::diff(&job.out_dir, &crate_files.files).unwrap();
            let listing: Vec<String> = changes.iter().map(ToString::to_string).collect();
            assert!(
                changes.is_empty(),
                "generated/{} is stale; run `cargo xtask codegen` and commit:\n{}",
                job.service,
                listing.join("\n")
            );
        }
    }
}
