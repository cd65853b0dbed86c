//! Finding and reading a model given on the command line: a `service-2.json`,
//! a `.json.gz`, or a botocore data folder.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use awsgen_codegen::model::{parse_service_model, ServiceModel};

use crate::codegen::read;

/// A model read from disk, with its paginators, endpoint rules and waiters
/// when they sit beside it.
#[derive(Debug, Clone)]
pub struct ModelSource {
    /// The `service-2.json` (or `.json.gz`) file.
    pub service_path: PathBuf,
    /// Its text.
    pub service_json: String,
    /// The parsed model.
    pub model: ServiceModel,
    /// The `paginators-1.json(.gz)` beside it, if any.
    pub paginators_path: Option<PathBuf>,
    /// Its text.
    pub paginators_json: Option<String>,
    /// The text of the `endpoint-rule-set-1.json(.gz)` beside it, if any.
    pub endpoint_rules_json: Option<String>,
    /// The text of the `waiters-2.json(.gz)` beside it, if any.
    pub waiters_json: Option<String>,
}

/// Reads the model at `path`: a service file, or a folder holding one
/// (`botocore/data/<service>/<version>/`), or a service folder of version
/// folders (`botocore/data/<service>/`), whose newest version is taken.
pub fn load(path: &Path) -> Result<ModelSource> {
    let service_path = locate(path)?;
    let service_json = read(&service_path)?;
    let model = parse_service_model(&service_json)
        .with_context(|| format!("{} is not a readable service model", service_path.display()))?;
    let paginators_path = companion_beside(&service_path, "paginators-1");
    let paginators_json = paginators_path.as_deref().map(read).transpose()?;
    let endpoint_rules_json = companion_beside(&service_path, "endpoint-rule-set-1")
        .as_deref()
        .map(read)
        .transpose()?;
    let waiters_json = companion_beside(&service_path, "waiters-2")
        .as_deref()
        .map(read)
        .transpose()?;
    Ok(ModelSource {
        service_path,
        service_json,
        model,
        paginators_path,
        paginators_json,
        endpoint_rules_json,
        waiters_json,
    })
}

impl ModelSource {
    /// botocore's name for the service: its data folder when the model sits
    /// in botocore's layout (`<service>/<api-version>/service-2.json`), e.g.
    /// `sagemaker`; else the model's `endpointPrefix` when it makes a valid
    /// crate name, else its `serviceId` in kebab case.
    pub fn service_name(&self) -> String {
        let folder_name = self
            .service_path
            .parent()
            .filter(|version| {
                version
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(is_api_version)
            })
            .and_then(Path::parent)
            .and_then(|service| service.file_name())
            .and_then(|name| name.to_str())
            .filter(|name| is_crate_name_part(name));
        let metadata = &self.model.metadata;
        folder_name
            .map(str::to_owned)
            .or_else(|| {
                metadata
                    .endpoint_prefix
                    .clone()
                    .filter(|prefix| is_crate_name_part(prefix))
            })
            .or_else(|| {
                let id = metadata
                    .service_id
                    .as_deref()?
                    .to_ascii_lowercase()
                    .replace(' ', "-");
                is_crate_name_part(&id).then_some(id)
            })
            .unwrap_or_else(|| "service".to_owned())
    }
}

/// `2016-11-15`: botocore's API version folders.
fn is_api_version(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(index, byte)| match index {
            4 | 7 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        })
}

/// Lowercase letters, digits and inner hyphens: what `awsgen-<name>` needs.
fn is_crate_name_part(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('-')
        && !name.ends_with('-')
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn locate(path: &Path) -> Result<PathBuf> {
    if path.is_file() {
        return Ok(path.to_path_buf());
    }
    if !path.is_dir() {
        bail!("{}: no such file or folder", path.display());
    }
    if let Some(file) = service_file_in(path) {
        return Ok(file);
    }
    let mut versions: Vec<PathBuf> = std::fs::read_dir(path)
        .with_context(|| format!("listing {}", path.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_dir() && service_file_in(p).is_some())
        .collect();
    versions.sort();
    match versions.pop().and_then(|dir| service_file_in(&dir)) {
        Some(file) => Ok(file),
        None => bail!(
            "{}: no service-2.json or service-2.json.gz in it or in its version folders",
            path.display()
        ),
    }
}

fn service_file_in(dir: &Path) -> Option<PathBuf> {
    ["service-2.json", "service-2.json.gz"]
        .iter()
        .map(|name| dir.join(name))
        .find(|p| p.is_file())
}

/// `<stem>.json(.gz)` (`paginators-1`, `endpoint-rule-set-1`, `waiters-2`) beside a file
/// named `service-2.json(.gz)`.
pub fn companion_beside(service_path: &Path, stem: &str) -> Option<PathBuf> {
    let name = service_path.file_name()?.to_str()?;
    if !name.starts_with("service-2.json") {
        return None;
    }
    let dir = service_path.parent()?;
    [format!("{stem}.json"), format!("{stem}.json.gz")]
        .iter()
        .map(|name| dir.join(name))
        .find(|p| p.is_file())
}

/// The vendored API Gateway history model numbered `prefix` (e.g. `003`),
/// from `testdata/apigateway-history/` under `root`.
pub fn history_file(root: &Path, prefix: &str) -> Result<PathBuf> {
    let dir = root.join("testdata/apigateway-history");
    let mut matches: Vec<PathBuf> = fs::read_dir(&dir)
        .with_context(|| format!("listing {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&format!("{prefix}-")))
        })
        .collect();
    matches.sort();
    matches
        .pop()
        .with_context(|| format!("no history model {prefix} in {}", dir.display()))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;
    use crate::codegen::workspace_root;

    fn history_text(prefix: &str) -> String {
        read(&history_file(&workspace_root(), prefix).unwrap()).unwrap()
    }

    fn gzip(path: &Path, text: &str) {
        let file = fs::File::create(path).unwrap();
        let mut encoder = flate2::write::GzEncoder::new(file, flate2::Compression::fast());
        encoder.write_all(text.as_bytes()).unwrap();
        encoder.finish().unwrap();
    }

    #[test]
    fn reads_a_botocore_data_folder_newest_version_first() {
        let dir = tempfile::tempdir().unwrap();
        let service = dir.path().join("apigateway");
        for (version, prefix) in [("2015-07-09", "003"), ("2014-01-01", "001")] {
            fs::create_dir_all(service.join(version)).unwrap();
            gzip(
                &service.join(version).join("service-2.json.gz"),
                &history_text(prefix),
            );
        }
        gzip(
            &service.join("2015-07-09/paginators-1.json.gz"),
            r#"{"pagination": {}}"#,
        );
        fs::write(
            service.join("2015-07-09/waiters-2.json"),
            r#"{"version": 2, "waiters": {}}"#,
        )
        .unwrap();
        let loaded = load(&service).unwrap();
        assert_eq!(
            loaded.waiters_json.as_deref(),
            Some(r#"{"version": 2, "waiters": {}}"#)
        );
        assert!(loaded
            .service_path
            .ends_with("2015-07-09/service-2.json.gz"));
        assert_eq!(
            loaded.paginators_json.as_deref(),
            Some(r#"{"pagination": {}}"#)
        );
        assert!(loaded.model.shapes["Stage"]
            .members
            .contains_key("variables"));
        // The version folder itself works too, and so does the file.
        let version = load(&service.join("2014-01-01")).unwrap();
        assert!(version.paginators_json.is_none());
        assert!(version.waiters_json.is_none());
        load(&service.join("2015-07-09/service-2.json.gz")).unwrap();
    }

    #[test]
    fn the_service_name_is_botocores_folder_then_the_metadata() {
        let dir = tempfile::tempdir().unwrap();
        let model = |prefix: &str, id: &str| {
            format!(
                r#"{{"metadata": {{"apiVersion": "2017-07-24", "protocol": "json", "endpointPrefix": "{prefix}", "serviceId": "{id}"}}, "operations": {{}}, "shapes": {{}}}}"#
            )
        };
        let in_layout = dir.path().join("sagemaker/2017-07-24");
        fs::create_dir_all(&in_layout).unwrap();
        gzip(
            &in_layout.join("service-2.json.gz"),
            &model("api.sagemaker", "SageMaker"),
        );
        assert_eq!(
            load(&dir.path().join("sagemaker")).unwrap().service_name(),
            "sagemaker"
        );
        let loose = dir.path().join("model.json");
        fs::write(&loose, model("api.sagemaker", "SageMaker")).unwrap();
        assert_eq!(load(&loose).unwrap().service_name(), "sagemaker");
        fs::write(&loose, model("apigateway", "API Gateway")).unwrap();
        assert_eq!(load(&loose).unwrap().service_name(), "apigateway");
        fs::write(&loose, model("a.b", "Not a name!")).unwrap();
        assert_eq!(load(&loose).unwrap().service_name(), "service");
    }

    #[test]
    fn unreadable_input_names_the_file_and_the_place() {
        let dir = tempfile::tempdir().unwrap();
        let missing = load(&dir.path().join("nope.json")).unwrap_err();
        assert!(
            format!("{missing:#}").contains("no such file or folder"),
            "{missing:#}"
        );
        let empty = load(dir.path()).unwrap_err();
        assert!(
            format!("{empty:#}").contains("no service-2.json"),
            "{empty:#}"
        );
        let bad = dir.path().join("service-2.json");
        fs::write(&bad, r#"{"metadata": {"apiVersion": 7}}"#).unwrap();
        let err = format!("{:#}", load(&bad).unwrap_err());
        assert!(
            err.contains("service-2.json is not a readable service model"),
            "{err}"
        );
        assert!(err.contains("metadata.apiVersion"), "{err}");
    }
}
