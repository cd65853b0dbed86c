//! `cargo xtask update-model PATH`: the daily job in one command. Replaces a
//! vendored model, regenerates its crate, bumps the crate version by what the
//! changes call for, and prepends the changelog to the crate's CHANGELOG.md.
//!
//! Everything is computed in memory first; files are written only once the
//! new model has parsed, validated and generated, and then all together.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use awsgen_codegen::diff::render::{render_markdown, render_text};
use awsgen_codegen::diff::semver::bump_version;
use awsgen_codegen::diff::{diff_models, diff_subset, Bump, ModelDiff};
use awsgen_codegen::model::ServiceModel;
use awsgen_codegen::paginators::{parse_paginators, PaginatorsModel};
use awsgen_codegen::waiters::{parse_waiters, WaitersModel};
use awsgen_codegen::{generate, Input, OperationSubset};

use crate::codegen::{discover, workspace_root, Job, OPERATIONS_FILE};
use crate::fs_sync::{self, Write};
use crate::model_source::{self, ModelSource};

/// What the command line asked for.
#[derive(Debug, Default)]
struct Options {
    path: Option<PathBuf>,
    service: Option<String>,
    date: Option<String>,
    allow_other_service: bool,
    allow_older: bool,
}

fn parse_args(args: &[String]) -> Result<Options> {
    let mut options = Options::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--service" => {
                options.service = Some(rest.next().context("--service needs a name")?.clone())
            }
            "--date" => {
                let date = rest.next().context("--date needs YYYY-MM-DD")?;
                options.date = Some(crate::diff::parse_date(date)?);
            }
            "--allow-other-service" => options.allow_other_service = true,
            "--allow-older" => options.allow_older = true,
            flag if flag.starts_with("--") => bail!("unknown argument {flag:?} to update-model"),
            path if options.path.is_none() => options.path = Some(PathBuf::from(path)),
            extra => bail!("update-model takes one model path; {extra:?} is a second one"),
        }
    }
    Ok(options)
}

pub fn run(args: &[String]) -> Result<ExitCode> {
    run_at(&workspace_root(), args)
}

/// `update-model` against the repository at `root` (a parameter so tests can use a copy).
pub fn run_at(root: &Path, args: &[String]) -> Result<ExitCode> {
    let options = parse_args(args)?;
    let path = options
        .path
        .clone()
        .context("update-model needs a model: cargo xtask update-model PATH")?;
    let incoming = model_source::load(&path)?;
    let job = vendored_job(root, &options, &incoming)?;
    let current_json = crate::codegen::read(&job.model)?;
    let current = awsgen_codegen::model::parse_service_model(&current_json).with_context(|| {
        format!(
            "{} (the vendored model) is not readable",
            job.model.display()
        )
    })?;
    check_identity(&job, &current, &incoming, &options)?;

    // A crate of some operations reports the changes to those alone.
    let diff = match &job.operations {
        Some(subset) => diff_subset(&current, &incoming.model, subset),
        None => diff_models(&current, &incoming.model),
    };
    let current_paginators = job
        .paginators
        .as_deref()
        .map(crate::codegen::read)
        .transpose()?;
    let paginators = incoming
        .paginators_json
        .clone()
        .or(current_paginators.clone());
    let paginators_changed = paginators_differ(
        current_paginators.as_deref(),
        paginators.as_deref(),
        job.operations.as_ref(),
    )?;
    let current_waiters = job
        .model
        .with_file_name(WAITERS_FILE)
        .is_file()
        .then(|| crate::codegen::read(&job.model.with_file_name(WAITERS_FILE)))
        .transpose()?;
    let waiters = incoming.waiters_json.clone().or(current_waiters.clone());
    let waiters_changed = waiters_differ(
        current_waiters.as_deref(),
        waiters.as_deref(),
        job.operations.as_ref(),
    )?;
    let mut companions_changed = Vec::new();
    if paginators_changed {
        companions_changed.push("paginators");
    }
    if waiters_changed {
        companions_changed.push("waiters");
    }
    let bump = diff
        .bump
        .or((!companions_changed.is_empty()).then_some(Bump::Patch));
    let new_version = match bump {
        Some(bump) => bump_version(&job.crate_version, bump)
            .with_context(|| format!("{}/CRATE_VERSION", job.service))?,
        None => job.crate_version.clone(),
    };
    let api_version = &incoming.model.metadata.api_version;
    if api_version.is_empty() || api_version.contains(['/', '\\', '.']) {
        bail!(
            "{}: metadata.apiVersion {api_version:?} cannot name a folder",
            path.display()
        );
    }
    let service_dir = root.join("model").join(&job.service);
    let model_dir = service_dir.join(api_version);
    let source_label = format!("model/{}/{api_version}/service-2.json", job.service);
    let endpoint_rules = endpoint_rules(&job, &incoming)?;
    let generated = generate(Input {
        service_json: &incoming.service_json,
        paginators_json: paginators.as_deref(),
        service: &job.service,
        source_path: &source_label,
        crate_version: &new_version,
        runtime_path: &job.runtime_path,
        operations: job.operations.as_ref(),
        endpoint_rules_json: endpoint_rules.as_deref(),
        waiters_json: waiters.as_deref(),
    })
    .with_context(|| match &job.operations {
        Some(_) => format!(
            "generating {} from {} with the operations of model/{}/{OPERATIONS_FILE}",
            job.service,
            incoming.service_path.display(),
            job.service
        ),
        None => format!(
            "generating {} from {}",
            job.service,
            incoming.service_path.display()
        ),
    })?;
    for warning in &generated.warnings {
        eprintln!("warning: {}: {warning}", incoming.service_path.display());
    }

    let botocore = botocore_version(&incoming.service_path);
    let mut writes = Vec::new();
    let notice_path = service_dir.join("NOTICE");
    if let (Some(version), Ok(notice)) = (&botocore, fs::read_to_string(&notice_path)) {
        if let Some(updated) = notice_with_version(&notice, version).filter(|n| *n != notice) {
            writes.push((notice_path.clone(), Some(updated)));
        }
    }
    let generated_changes = fs_sync::diff(&job.out_dir, &generated.files)?;
    writes.extend(fs_sync::writes_for(
        &job.out_dir,
        &generated.files,
        &generated_changes,
    ));
    writes.extend(model_writes(
        &job,
        &model_dir,
        &incoming.service_json,
        paginators,
        endpoint_rules,
        waiters,
    )?);
    let date = match &options.date {
        Some(date) => date.clone(),
        None => crate::diff::today()?,
    };
    if bump.is_some() {
        writes.push((
            service_dir.join("CRATE_VERSION"),
            Some(format!("{new_version}\n")),
        ));
        let changelog_path = job.out_dir.join("CHANGELOG.md");
        let existing = match fs::read_to_string(&changelog_path) {
            Ok(text) => Some(text),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
            Err(err) => {
                return Err(err).with_context(|| format!("reading {}", changelog_path.display()))
            }
        };
        let crate_name = format!("awsgen-{}", job.service.replace('_', "-"));
        let provenance = match &botocore {
            Some(version) => format!("from botocore {version}"),
            None => format!(
                "from `{}`",
                incoming
                    .service_path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
            ),
        };
        let entry = changelog_entry(
            &diff,
            &new_version,
            &date,
            &companions_changed,
            &provenance,
            job.operations.as_ref(),
        );
        writes.push((
            changelog_path,
            Some(prepend_entry(existing.as_deref(), &crate_name, &entry)),
        ));
    }
    fs_sync::write_all_or_nothing(&writes)?;
    fs_sync::prune_empty_dirs(&job.out_dir.join("src"))?;
    if let Some(old_dir) = job.model.parent().filter(|dir| *dir != model_dir) {
        // The replaced API version's folder is empty now unless someone put
        // other files there; those stay.
        let _ = fs::remove_dir(old_dir);
    }

    print!("{}", render_text(&diff, &date));
    if botocore.is_none()
        && writes
            .iter()
            .any(|(path, _)| path.starts_with(&service_dir))
    {
        println!(
            "\nnote: the model's botocore release is unknown (it is not inside a botocore package); \
             check that {} still tells where the model comes from",
            shown_path(root, &notice_path)
        );
    }
    match bump {
        Some(bump) => println!(
            "\nawsgen-{}: {} -> {new_version} ({bump} bump); CHANGELOG.md updated",
            job.service, job.crate_version
        ),
        None => println!("\nno API changes; version stays {}", job.crate_version),
    }
    let shown = |p: &Path| p.strip_prefix(root).unwrap_or(p).display().to_string();
    println!("{} file(s) written or removed:", writes.len());
    for (path, contents) in &writes {
        let verb = if contents.is_some() {
            "wrote  "
        } else {
            "removed"
        };
        println!("  {verb} {}", shown(path));
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether the paginators the crate uses differ: all of them, or those of a
/// subset's operations.
fn paginators_differ(
    old: Option<&str>,
    new: Option<&str>,
    subset: Option<&OperationSubset>,
) -> Result<bool> {
    let Some(subset) = subset else {
        return Ok(old != new);
    };
    let kept = |json: Option<&str>| -> Result<PaginatorsModel> {
        let mut all = json
            .map(parse_paginators)
            .transpose()
            .context("reading paginators-1.json")?
            .unwrap_or_default();
        all.pagination
            .retain(|operation, _| subset.contains(operation));
        Ok(all)
    };
    Ok(kept(old)? != kept(new)?)
}

fn shown_path(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The vendored model the new one replaces.
fn vendored_job(root: &Path, options: &Options, incoming: &ModelSource) -> Result<Job> {
    let jobs = discover(root)?;
    let wanted = options
        .service
        .clone()
        .unwrap_or_else(|| incoming.service_name());
    if let Some(job) = jobs.iter().find(|j| j.service == wanted) {
        return Ok(job.clone());
    }
    match (&options.service, &jobs[..]) {
        // One vendored service and no explicit choice: that is the one to
        // update, and the identity check decides whether the model fits it.
        (None, [only]) => Ok(only.clone()),
        _ => {
            let known: Vec<&str> = jobs.iter().map(|j| j.service.as_str()).collect();
            bail!(
                "no vendored model for service {:?} under model/ (vendored: {}); pass --service NAME",
                wanted,
                known.join(", ")
            )
        }
    }
}

/// Refuses a model of another service or an older API version unless allowed.
fn check_identity(
    job: &Job,
    current: &ServiceModel,
    incoming: &ModelSource,
    options: &Options,
) -> Result<()> {
    let identity = |m: &ServiceModel| {
        (
            m.metadata.endpoint_prefix.clone().unwrap_or_default(),
            m.metadata.service_id.clone().unwrap_or_default(),
        )
    };
    let (ours, theirs) = (identity(current), identity(&incoming.model));
    if ours != theirs && !options.allow_other_service {
        bail!(
            "{} is a model of another service (endpointPrefix {:?}, serviceId {:?}) than model/{} \
             (endpointPrefix {:?}, serviceId {:?}); pass --allow-other-service to replace it anyway",
            incoming.service_path.display(),
            theirs.0,
            theirs.1,
            job.service,
            ours.0,
            ours.1
        );
    }
    let (old_version, new_version) = (
        &current.metadata.api_version,
        &incoming.model.metadata.api_version,
    );
    if new_version < old_version && !options.allow_older {
        bail!(
            "{} has API version {new_version}, older than the vendored {old_version}; \
             pass --allow-older to replace it anyway",
            incoming.service_path.display()
        );
    }
    Ok(())
}

/// The model files to write in `model_dir`, and the old ones to remove when
/// the API version (and so the folder) changes.
/// The endpoint rule set to vendor: the new model's, else the vendored one;
/// refused, naming the place, if the engine cannot read it.
fn endpoint_rules(job: &Job, incoming: &ModelSource) -> Result<Option<String>> {
    let vendored = job
        .model
        .with_file_name(ENDPOINT_RULES_FILE)
        .is_file()
        .then(|| crate::codegen::read(&job.model.with_file_name(ENDPOINT_RULES_FILE)))
        .transpose()?;
    let rules = incoming.endpoint_rules_json.clone().or(vendored);
    if let Some(text) = &rules {
        awsgen_runtime::endpoint::RuleSet::from_json(text).with_context(|| {
            format!(
                "the endpoint rule set beside {} is not one the rules engine reads",
                incoming.service_path.display()
            )
        })?;
    }
    Ok(rules)
}

/// A vendored service's endpoint rules, beside its `service-2.json`.
const ENDPOINT_RULES_FILE: &str = "endpoint-rule-set-1.json";

/// A vendored service's waiters, beside its `service-2.json`.
const WAITERS_FILE: &str = "waiters-2.json";

/// Whether the waiters the crate has differ: all of them, or those of a
/// subset's operations.
fn waiters_differ(
    old: Option<&str>,
    new: Option<&str>,
    subset: Option<&OperationSubset>,
) -> Result<bool> {
    let Some(subset) = subset else {
        return Ok(old != new);
    };
    let kept = |json: Option<&str>| -> Result<WaitersModel> {
        let mut all = json
            .map(parse_waiters)
            .transpose()
            .context("reading waiters-2.json")?
            .unwrap_or_default();
        all.waiters
            .retain(|_, waiter| subset.contains(&waiter.operation));
        Ok(all)
    };
    Ok(kept(old)? != kept(new)?)
}

fn model_writes(
    job: &Job,
    model_dir: &Path,
    service_json: &str,
    paginators: Option<String>,
    endpoint_rules: Option<String>,
    waiters: Option<String>,
) -> Result<Vec<Write>> {
    let mut writes = vec![(
        model_dir.join("service-2.json"),
        Some(service_json.to_string()),
    )];
    let paginators_path = model_dir.join("paginators-1.json");
    writes.push((paginators_path.clone(), paginators));
    writes.push((model_dir.join(ENDPOINT_RULES_FILE), endpoint_rules));
    writes.push((model_dir.join(WAITERS_FILE), waiters));
    if job.model.parent() != Some(model_dir) {
        writes.push((job.model.clone(), None));
        if let Some(old) = &job.paginators {
            writes.push((old.clone(), None));
        }
        writes.push((job.model.with_file_name(ENDPOINT_RULES_FILE), None));
        writes.push((job.model.with_file_name(WAITERS_FILE), None));
    }
    // Writing what is already there, or deleting what is not, is no change.
    Ok(writes
        .into_iter()
        .filter(|(path, contents)| match contents {
            Some(text) => fs::read(path).map_or(true, |existing| existing != text.as_bytes()),
            None => path.exists(),
        })
        .collect())
}

/// The botocore release a model file comes from, when it sits inside an
/// unpacked botocore package (`…/botocore/data/<service>/<version>/`): read
/// from `botocore/__init__.py`.
fn botocore_version(model_path: &Path) -> Option<String> {
    let package = model_path.ancestors().find(|dir| {
        dir.file_name().is_some_and(|n| n == "botocore") && dir.join("__init__.py").is_file()
    })?;
    let init = fs::read_to_string(package.join("__init__.py")).ok()?;
    init.lines().find_map(|line| {
        let value = line
            .strip_prefix("__version__")?
            .trim_start()
            .strip_prefix('=')?
            .trim();
        let version = value.trim_matches(|c| c == '\'' || c == '"');
        let plain = version.chars().all(|c| c.is_ascii_digit() || c == '.');
        (!version.is_empty() && plain).then(|| version.to_string())
    })
}

/// NOTICE with its `botocore X.Y.Z` provenance replaced by `version`.
fn notice_with_version(notice: &str, version: &str) -> Option<String> {
    let start = notice.find("botocore ")? + "botocore ".len();
    let rest = &notice[start..];
    let len = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let old = rest[..len].trim_end_matches('.');
    if old.is_empty() {
        return None;
    }
    Some(format!(
        "{}{version}{}",
        &notice[..start],
        &rest[old.len()..]
    ))
}

/// The CHANGELOG.md entry for one update: version and date, where the model
/// came from, then the Markdown changelog.
fn changelog_entry(
    diff: &ModelDiff,
    version: &str,
    date: &str,
    companions_changed: &[&str],
    provenance: &str,
    subset: Option<&OperationSubset>,
) -> String {
    let mut entry = format!("## {version} ({date})\n\n");
    let paginators = if companions_changed.is_empty() {
        String::new()
    } else {
        format!("; {} changed", companions_changed.join(" and "))
    };
    entry.push_str(&format!(
        "Model API version {}, {provenance}{paginators}.\n\n",
        diff.new_api_version
    ));
    if let Some(subset) = subset {
        let listed: Vec<String> = subset
            .operations()
            .map(|name| format!("`{name}`"))
            .collect();
        entry.push_str(&format!(
            "The crate has only the operations {OPERATIONS_FILE} names ({}); changes to others are left out.\n\n",
            listed.join(", ")
        ));
    }
    entry.push_str(&render_markdown(diff, date, 3));
    entry
}

/// Puts `entry` above the newest entry of `existing` (or starts the file).
fn prepend_entry(existing: Option<&str>, crate_name: &str, entry: &str) -> String {
    let header = format!(
        "# Changelog\n\nChanges to `{crate_name}`, newest first. Each entry is written by \
         `cargo xtask update-model` from the model diff.\n\n"
    );
    let existing = existing.unwrap_or(&header);
    let split = existing
        .match_indices("\n## ")
        .next()
        .map_or(existing.len(), |(index, _)| index + 1);
    let (head, rest) = existing.split_at(split);
    let mut text = head.to_string();
    if !text.ends_with("\n\n") {
        text.push('\n');
    }
    text.push_str(entry);
    if !rest.is_empty() {
        text.push('\n');
        text.push_str(rest);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{args, scratch_repo, snapshot_tree};

    fn history(file: &str) -> PathBuf {
        workspace_root()
            .join("testdata/apigateway-history")
            .join(file)
    }

    /// A scratch repository whose vendored API Gateway model is history `file`.
    fn repo_at(file: &str) -> tempfile::TempDir {
        let repo = scratch_repo();
        let root = repo.path();
        let model = root.join("model/apigateway/2015-07-09/service-2.json");
        fs::write(&model, crate::codegen::read(&history(file)).unwrap()).unwrap();
        // Old models lack operations today's paginators name.
        fs::remove_file(root.join("model/apigateway/2015-07-09/paginators-1.json")).unwrap();
        fs::write(root.join("model/apigateway/CRATE_VERSION"), "0.1.0\n").unwrap();
        let _ = fs::remove_file(root.join("generated/apigateway/CHANGELOG.md"));
        assert_eq!(
            crate::codegen::run_at(root, &[]).unwrap(),
            ExitCode::SUCCESS
        );
        repo
    }

    fn whole_tree(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let mut tree = snapshot_tree(&root.join("model"));
        tree.extend(snapshot_tree(&root.join("generated")));
        tree
    }

    #[test]
    fn updates_model_code_version_and_changelog_in_one_step() {
        let repo = repo_at("002-2015-10-28-6b3b4a68a.json.gz");
        let root = repo.path();
        let new_model = history("003-2015-11-10-e8ee8976f.json.gz");
        let code = run_at(
            root,
            &args(&[new_model.to_str().unwrap(), "--date", "2015-11-10"]),
        )
        .unwrap();
        assert_eq!(code, ExitCode::SUCCESS);

        let vendored =
            fs::read_to_string(root.join("model/apigateway/2015-07-09/service-2.json")).unwrap();
        assert_eq!(vendored, crate::codegen::read(&new_model).unwrap());
        let version = fs::read_to_string(root.join("model/apigateway/CRATE_VERSION")).unwrap();
        assert_eq!(version, "0.1.1\n", "stage variables are an additive change");
        let manifest = fs::read_to_string(root.join("generated/apigateway/Cargo.toml")).unwrap();
        assert!(manifest.contains("version = \"0.1.1\""), "{manifest}");
        let stage =
            fs::read_to_string(root.join("generated/apigateway/src/types/stage.rs")).unwrap();
        assert!(
            stage.contains("pub variables:"),
            "Stage gained its variables member"
        );
        let changelog = fs::read_to_string(root.join("generated/apigateway/CHANGELOG.md")).unwrap();
        assert!(changelog.starts_with("# Changelog\n"), "{changelog}");
        assert!(changelog.contains("## 0.1.1 (2015/11/10)"), "{changelog}");
        assert!(
            changelog.contains("{'variables': {'string': 'string'}}"),
            "{changelog}"
        );
        assert!(
            changelog.contains("{'item': {'variables': {'string': 'string'}}}"),
            "{changelog}"
        );
        assert_eq!(
            crate::codegen::run_at(root, &args(&["--check"])).unwrap(),
            ExitCode::SUCCESS,
            "generated/ matches the new model"
        );

        // The next update goes on top, newest first.
        let newer = history("004-2016-02-11-b1533b839.json.gz");
        run_at(
            root,
            &args(&[newer.to_str().unwrap(), "--date", "2016-02-11"]),
        )
        .unwrap();
        let changelog = fs::read_to_string(root.join("generated/apigateway/CHANGELOG.md")).unwrap();
        let (first, second) = (
            changelog.find("## 0.1.2").unwrap(),
            changelog.find("## 0.1.1").unwrap(),
        );
        assert!(first < second, "{changelog}");
        assert_eq!(changelog.matches("# Changelog").count(), 1);
    }

    #[test]
    fn a_subset_crate_keeps_its_operations_and_reports_only_their_changes() {
        let repo = repo_at("002-2015-10-28-6b3b4a68a.json.gz");
        let root = repo.path();
        fs::write(
            root.join("model/apigateway").join(OPERATIONS_FILE),
            "# what the deploy tool calls\nGetRestApis\nGetStages\n",
        )
        .unwrap();
        crate::codegen::run_at(root, &[]).unwrap();
        let new_model = history("003-2015-11-10-e8ee8976f.json.gz");
        run_at(
            root,
            &args(&[new_model.to_str().unwrap(), "--date", "2015-11-10"]),
        )
        .unwrap();
        let changelog = fs::read_to_string(root.join("generated/apigateway/CHANGELOG.md")).unwrap();
        // Six operations gained stage variables; the crate has one of them.
        assert!(
            changelog.contains("2015/11/10 - Amazon API Gateway - 1 updated api methods"),
            "{changelog}"
        );
        assert!(changelog.contains("`GetStages` (updated)"), "{changelog}");
        assert!(
            changelog.contains("only the operations OPERATIONS names (`GetRestApis`, `GetStages`)"),
            "{changelog}"
        );
        assert!(!changelog.contains("CreateDeployment"), "{changelog}");
        let version = fs::read_to_string(root.join("model/apigateway/CRATE_VERSION")).unwrap();
        assert_eq!(version, "0.1.1\n");
        let types = root.join("generated/apigateway/src/types");
        assert!(fs::read_to_string(types.join("stage.rs"))
            .unwrap()
            .contains("pub variables:"));
        assert!(!types.join("create_deployment_request.rs").exists());
        assert!(root
            .join("model/apigateway")
            .join(OPERATIONS_FILE)
            .is_file());
        assert_eq!(
            crate::codegen::run_at(root, &args(&["--check"])).unwrap(),
            ExitCode::SUCCESS,
            "codegen keeps the subset too"
        );

        // An update that changes only operations the crate leaves out changes nothing.
        fs::write(
            root.join("model/apigateway").join(OPERATIONS_FILE),
            "GetRestApis\n",
        )
        .unwrap();
        crate::codegen::run_at(root, &[]).unwrap();
        let repo_before = repo_at("002-2015-10-28-6b3b4a68a.json.gz");
        let before_root = repo_before.path();
        fs::write(
            before_root.join("model/apigateway").join(OPERATIONS_FILE),
            "GetRestApis\n",
        )
        .unwrap();
        crate::codegen::run_at(before_root, &[]).unwrap();
        run_at(
            before_root,
            &args(&[new_model.to_str().unwrap(), "--date", "2015-11-10"]),
        )
        .unwrap();
        let version =
            fs::read_to_string(before_root.join("model/apigateway/CRATE_VERSION")).unwrap();
        assert_eq!(version, "0.1.0\n", "no change reaches GetRestApis");
        assert!(!before_root
            .join("generated/apigateway/CHANGELOG.md")
            .exists());
    }

    #[test]
    fn a_subset_naming_an_operation_the_new_model_lacks_writes_nothing() {
        let repo = repo_at("003-2015-11-10-e8ee8976f.json.gz");
        let root = repo.path();
        // The newest model has GetVpcLinks; 2015-10-28 has not.
        fs::write(
            root.join("model/apigateway").join(OPERATIONS_FILE),
            "GetStages, GetVpcLinks",
        )
        .unwrap();
        let before = whole_tree(root);
        let older = history("002-2015-10-28-6b3b4a68a.json.gz");
        let err = run_at(
            root,
            &args(&[older.to_str().unwrap(), "--date", "2015-11-11"]),
        )
        .unwrap_err();
        let message = format!("{err:#}");
        assert!(message.contains("model/apigateway/OPERATIONS"), "{message}");
        assert!(
            message.contains("operations.GetVpcLinks: the operation subset names it"),
            "{message}"
        );
        assert_eq!(whole_tree(root), before);
    }

    #[test]
    fn a_breaking_update_bumps_the_breaking_number() {
        let repo = repo_at("003-2015-11-10-e8ee8976f.json.gz");
        let root = repo.path();
        // Going back removes the stage variables: a breaking change.
        let older = history("002-2015-10-28-6b3b4a68a.json.gz");
        run_at(
            root,
            &args(&[older.to_str().unwrap(), "--date", "2015-11-11"]),
        )
        .unwrap();
        let version = fs::read_to_string(root.join("model/apigateway/CRATE_VERSION")).unwrap();
        assert_eq!(version, "0.2.0\n");
        let changelog = fs::read_to_string(root.join("generated/apigateway/CHANGELOG.md")).unwrap();
        assert!(
            changelog.contains("Semver impact on the generated crate: major"),
            "{changelog}"
        );
    }

    #[test]
    fn the_same_model_changes_nothing() {
        let repo = repo_at("003-2015-11-10-e8ee8976f.json.gz");
        let root = repo.path();
        let before = whole_tree(root);
        let same = history("003-2015-11-10-e8ee8976f.json.gz");
        run_at(root, &args(&[same.to_str().unwrap()])).unwrap();
        assert_eq!(whole_tree(root), before);
    }

    /// With several services vendored, an update touches only its own service.
    #[test]
    fn one_service_is_updated_beside_the_others() {
        let repo = scratch_repo();
        let root = repo.path();
        let before = whole_tree(root);
        let sqs_model = root.join("model/sqs/2012-11-05/service-2.json");
        let mut json: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&sqs_model).unwrap()).unwrap();
        json["shapes"]["SendMessageRequest"]["members"]["TraceTag"] =
            serde_json::json!({"shape": "String"});
        let scratch = tempfile::tempdir().unwrap();
        let incoming = scratch.path().join("service-2.json");
        fs::write(&incoming, serde_json::to_string(&json).unwrap()).unwrap();

        let code = run_at(
            root,
            &args(&[incoming.to_str().unwrap(), "--date", "2026-11-28"]),
        )
        .unwrap();
        assert_eq!(code, ExitCode::SUCCESS);
        assert_eq!(
            fs::read_to_string(root.join("model/sqs/CRATE_VERSION")).unwrap(),
            "0.1.1\n"
        );
        let changelog = fs::read_to_string(root.join("generated/sqs/CHANGELOG.md")).unwrap();
        assert!(changelog.contains("SendMessage"), "{changelog}");
        let request =
            fs::read_to_string(root.join("generated/sqs/src/types/send_message_request.rs"))
                .unwrap();
        assert!(
            request.contains("pub trace_tag"),
            "the new member is generated"
        );
        let changed: Vec<PathBuf> = whole_tree(root)
            .into_iter()
            .filter(|entry| !before.contains(entry))
            .map(|(path, _)| path.strip_prefix(root).unwrap().to_path_buf())
            .collect();
        assert!(!changed.is_empty());
        for path in &changed {
            assert!(
                path.starts_with("model/sqs") || path.starts_with("generated/sqs"),
                "{} changed",
                path.display()
            );
        }
    }

    /// Writes history `file` with `edit` applied to its JSON as `dir/<label>.json`.
    fn edited_model(
        dir: &Path,
        label: &str,
        file: &str,
        edit: impl FnOnce(&mut serde_json::Value),
    ) -> PathBuf {
        let mut json: serde_json::Value =
            serde_json::from_str(&crate::codegen::read(&history(file)).unwrap()).unwrap();
        edit(&mut json);
        let path = dir.join(format!("{label}.json"));
        fs::write(&path, serde_json::to_string(&json).unwrap()).unwrap();
        path
    }

    #[test]
    fn refuses_another_service_or_an_older_version_and_touches_nothing() {
        let repo = repo_at("002-2015-10-28-6b3b4a68a.json.gz");
        let root = repo.path();
        let before = whole_tree(root);
        let scratch = tempfile::tempdir().unwrap();

        let other = edited_model(
            scratch.path(),
            "other",
            "003-2015-11-10-e8ee8976f.json.gz",
            |json| {
                json["metadata"]["endpointPrefix"] = "notapigateway".into();
                json["metadata"]["serviceId"] = "Not API Gateway".into();
            },
        );
        // With several services vendored, a model no folder is named after needs --service…
        let err = run_at(root, &args(&[other.to_str().unwrap()])).unwrap_err();
        assert!(
            format!("{err:#}").contains("no vendored model for service \"notapigateway\""),
            "{err:#}"
        );
        assert_eq!(whole_tree(root), before);
        // …and named for one, its identity must match.
        let err = run_at(
            root,
            &args(&[other.to_str().unwrap(), "--service", "apigateway"]),
        )
        .unwrap_err();
        assert!(
            format!("{err:#}").contains("--allow-other-service"),
            "{err:#}"
        );
        assert_eq!(whole_tree(root), before);

        let older = edited_model(
            scratch.path(),
            "older",
            "003-2015-11-10-e8ee8976f.json.gz",
            |json| {
                json["metadata"]["apiVersion"] = "2014-01-01".into();
            },
        );
        let err = run_at(root, &args(&[older.to_str().unwrap()])).unwrap_err();
        assert!(
            format!("{err:#}").contains("older than the vendored 2015-07-09"),
            "{err:#}"
        );
        assert_eq!(whole_tree(root), before);

        let broken = edited_model(
            scratch.path(),
            "broken",
            "003-2015-11-10-e8ee8976f.json.gz",
            |json| {
                json["shapes"]["Stage"]["members"]["variables"]["shape"] = "NoSuchShape".into();
            },
        );
        let err = run_at(root, &args(&[broken.to_str().unwrap()])).unwrap_err();
        assert!(
            format!("{err:#}").contains("shapes.Stage.members.variables.shape"),
            "{err:#}"
        );
        assert_eq!(whole_tree(root), before);

        // Told to, it takes the older version: the folder moves with it.
        run_at(root, &args(&[older.to_str().unwrap(), "--allow-older"])).unwrap();
        assert!(root
            .join("model/apigateway/2014-01-01/service-2.json")
            .is_file());
        assert!(!root.join("model/apigateway/2015-07-09").exists());
        assert_eq!(
            crate::codegen::run_at(root, &args(&["--check"])).unwrap(),
            ExitCode::SUCCESS
        );
    }

    #[test]
    fn a_model_from_a_botocore_package_records_its_release() {
        let repo = repo_at("002-2015-10-28-6b3b4a68a.json.gz");
        let root = repo.path();
        let package = tempfile::tempdir().unwrap();
        let botocore = package.path().join("botocore");
        let version_dir = botocore.join("data/apigateway/2015-07-09");
        fs::create_dir_all(&version_dir).unwrap();
        fs::write(
            botocore.join("__init__.py"),
            "import os\n__version__ = '1.2.3'\n",
        )
        .unwrap();
        let text = crate::codegen::read(&history("003-2015-11-10-e8ee8976f.json.gz")).unwrap();
        fs::write(version_dir.join("service-2.json"), text).unwrap();
        let data_folder = botocore.join("data/apigateway");
        run_at(
            root,
            &args(&[data_folder.to_str().unwrap(), "--date", "2015-11-10"]),
        )
        .unwrap();
        let notice = fs::read_to_string(root.join("model/apigateway/NOTICE")).unwrap();
        assert!(notice.contains("from botocore 1.2.3\n"), "{notice}");
        let changelog = fs::read_to_string(root.join("generated/apigateway/CHANGELOG.md")).unwrap();
        assert!(
            changelog.contains("Model API version 2015-07-09, from botocore 1.2.3."),
            "{changelog}"
        );
    }

    #[test]
    fn the_endpoint_rules_beside_the_model_are_vendored_once_read() {
        let repo = repo_at("002-2015-10-28-6b3b4a68a.json.gz");
        let root = repo.path();
        let version_dir = tempfile::tempdir().unwrap();
        let text = crate::codegen::read(&history("003-2015-11-10-e8ee8976f.json.gz")).unwrap();
        fs::write(version_dir.path().join("service-2.json"), text).unwrap();
        let vendored = root
            .join("model/apigateway/2015-07-09")
            .join(ENDPOINT_RULES_FILE);
        let rules = fs::read_to_string(&vendored).unwrap();
        let edited = rules.replacen("\"fn\": \"booleanEquals\"", "\"fn\": \"booleanEqualz\"", 1);
        assert_ne!(edited, rules);
        fs::write(version_dir.path().join(ENDPOINT_RULES_FILE), &edited).unwrap();
        let before = whole_tree(root);
        let service = version_dir.path().join("service-2.json");
        let message = format!(
            "{:#}",
            run_at(root, &args(&[service.to_str().unwrap()])).unwrap_err()
        );
        assert!(
            message.contains("unknown function \"booleanEqualz\""),
            "{message}"
        );
        assert!(
            message.contains(".conditions["),
            "names the place: {message}"
        );
        assert_eq!(whole_tree(root), before, "nothing written");

        let shorter = rules.replacen("https://apigateway.", "https://apigw.", 1);
        fs::write(version_dir.path().join(ENDPOINT_RULES_FILE), &shorter).unwrap();
        run_at(
            root,
            &args(&[service.to_str().unwrap(), "--date", "2015-11-10"]),
        )
        .unwrap();
        assert_eq!(fs::read_to_string(&vendored).unwrap(), shorter);
    }

    #[test]
    fn the_waiters_beside_the_model_are_vendored_once_they_compile() {
        let repo = repo_at("002-2015-10-28-6b3b4a68a.json.gz");
        let root = repo.path();
        let version_dir = tempfile::tempdir().unwrap();
        let text = crate::codegen::read(&history("003-2015-11-10-e8ee8976f.json.gz")).unwrap();
        let service = version_dir.path().join("service-2.json");
        fs::write(&service, text).unwrap();
        let waiters = |argument: &str, delay: u32| {
            format!(
                r#"{{"version": 2, "waiters": {{"ApiNamed": {{"operation": "GetRestApi", "delay": {delay}, "maxAttempts": 3,
                "acceptors": [{{"matcher": "path", "argument": "{argument}", "expected": "x", "state": "success"}}]}}}}}}"#
            )
        };
        // A member the output lacks: refused by place, nothing written.
        fs::write(version_dir.path().join(WAITERS_FILE), waiters("nmae", 5)).unwrap();
        let before = whole_tree(root);
        let message = format!(
            "{:#}",
            run_at(root, &args(&[service.to_str().unwrap()])).unwrap_err()
        );
        assert!(
            message.contains("waiters-2.json:waiters.ApiNamed.acceptors[0].argument")
                && message.contains("`RestApi` has no member `nmae`"),
            "{message}"
        );
        assert_eq!(whole_tree(root), before, "nothing written");

        fs::write(version_dir.path().join(WAITERS_FILE), waiters("name", 5)).unwrap();
        let update =
            |date: &str| run_at(root, &args(&[service.to_str().unwrap(), "--date", date])).unwrap();
        update("2015-11-10");
        let vendored = root.join("model/apigateway/2015-07-09").join(WAITERS_FILE);
        assert_eq!(fs::read_to_string(&vendored).unwrap(), waiters("name", 5));
        let module = fs::read_to_string(root.join("generated/apigateway/src/waiters.rs")).unwrap();
        assert!(module.contains("pub struct ApiNamed;"), "{module}");

        // The waiters alone change: a patch release that says so.
        let version = fs::read_to_string(root.join("model/apigateway/CRATE_VERSION")).unwrap();
        fs::write(version_dir.path().join(WAITERS_FILE), waiters("name", 9)).unwrap();
        update("2015-11-11");
        let bumped = fs::read_to_string(root.join("model/apigateway/CRATE_VERSION")).unwrap();
        assert_eq!(
            bump_version(version.trim(), Bump::Patch).unwrap(),
            bumped.trim()
        );
        let changelog = fs::read_to_string(root.join("generated/apigateway/CHANGELOG.md")).unwrap();
        assert!(changelog.contains("; waiters changed."), "{changelog}");
    }

    #[test]
    fn notice_provenance_is_rewritten_in_place() {
        let notice = "are the model from botocore 1.43.67\n(botocore/data/x/), unmodified.";
        assert_eq!(
            notice_with_version(notice, "1.44.0").unwrap(),
            "are the model from botocore 1.44.0\n(botocore/data/x/), unmodified."
        );
        assert_eq!(notice_with_version("no provenance here", "1.0.0"), None);
    }

    #[test]
    fn changelog_entries_go_above_older_ones() {
        let first = prepend_entry(None, "awsgen-x", "## 0.1.1 (d)\n\nfirst\n");
        assert!(first.starts_with("# Changelog\n\nChanges to `awsgen-x`"));
        let second = prepend_entry(Some(&first), "awsgen-x", "## 0.1.2 (d)\n\nsecond\n");
        let (new, old) = (
            second.find("## 0.1.2").unwrap(),
            second.find("## 0.1.1").unwrap(),
        );
        assert!(new < old);
        assert!(second.contains("second\n\n## 0.1.1"), "{second}");
    }
}
