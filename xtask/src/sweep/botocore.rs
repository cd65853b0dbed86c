//! The models of a botocore release, read from its wheel (`botocore-*.whl`)
//! or from its `botocore/data` folder, exactly as botocore lays them out:
//! `<service>/<api-version>/service-2.json(.gz)` with `paginators-1.json(.gz)`
//! and `waiters-2.json(.gz)` beside it.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::codegen::sorted_dirs;

/// One `service-2.json` of the release.
#[derive(Debug, Clone)]
pub struct BotocoreModel {
    /// The service folder name (`sagemaker`, `ec2`): botocore's service name.
    pub service: String,
    /// The API version folder (`2016-11-15`).
    pub version: String,
    /// Whether this is the service's newest API version (the one botocore loads).
    pub newest: bool,
    /// Where it was read from, for messages (`data/ec2/2016-11-15/service-2.json.gz`).
    pub label: String,
    /// The model's text.
    pub service_json: String,
    /// The paginators beside it, if any.
    pub paginators_json: Option<String>,
    /// The endpoint rule set beside it, if any.
    pub endpoint_rules_json: Option<String>,
    /// The waiters beside it, if any.
    pub waiters_json: Option<String>,
}

impl BotocoreModel {
    /// A name unique in the release: the service, with the API version for
    /// all but the newest (`cloudfront`, `cloudfront-2019-03-26`).
    pub fn crate_service_name(&self) -> String {
        if self.newest {
            self.service.clone()
        } else {
            format!("{}-{}", self.service, self.version)
        }
    }
}

/// Reads every model of the release at `path`: a wheel, a `botocore` package
/// folder, or its `data` folder. Sorted by service, then version.
pub fn read_release(path: &Path) -> Result<Vec<BotocoreModel>> {
    let files = if path.is_file() {
        wheel_data_files(path)?
    } else if path.is_dir() {
        folder_data_files(&data_folder(path)?)?
    } else {
        bail!("{}: no such wheel or folder", path.display());
    };
    models_from(files).with_context(|| format!("reading the botocore models in {}", path.display()))
}

/// The files under `data/` that matter, by their path below it, still compressed where they are.
type DataFiles = BTreeMap<String, Vec<u8>>;

fn wanted(relative: &str) -> bool {
    let name = relative.rsplit('/').next().unwrap_or_default();
    relative.matches('/').count() == 2
        && matches!(
            name,
            "service-2.json"
                | "service-2.json.gz"
                | "paginators-1.json"
                | "paginators-1.json.gz"
                | "waiters-2.json"
                | "waiters-2.json.gz"
                | "endpoint-rule-set-1.json"
                | "endpoint-rule-set-1.json.gz"
        )
}

fn wheel_data_files(wheel: &Path) -> Result<DataFiles> {
    let file = fs::File::open(wheel).with_context(|| format!("opening {}", wheel.display()))?;
    let mut archive = zip::ZipArchive::new(file)
        .with_context(|| format!("{} is not a wheel (zip) file", wheel.display()))?;
    let mut files = DataFiles::new();
    for index in 0..archive.len() {
        let mut entry = archive
            .by_index(index)
            .with_context(|| format!("reading entry {index} of {}", wheel.display()))?;
        let Some(relative) = entry
            .name()
            .strip_prefix("botocore/data/")
            .map(str::to_owned)
        else {
            continue;
        };
        if !wanted(&relative) {
            continue;
        }
        let mut bytes = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0));
        entry.read_to_end(&mut bytes).with_context(|| {
            format!(
                "unpacking botocore/data/{relative} from {}",
                wheel.display()
            )
        })?;
        files.insert(relative, bytes);
    }
    if files.is_empty() {
        bail!(
            "{} holds no botocore/data/<service>/<version>/service-2.json",
            wheel.display()
        );
    }
    Ok(files)
}

/// `path` itself when it is a `data` folder, else its `data` or `botocore/data` subfolder.
fn data_folder(path: &Path) -> Result<PathBuf> {
    [
        path.to_path_buf(),
        path.join("data"),
        path.join("botocore/data"),
    ]
    .into_iter()
    .find(|dir| has_service_folders(dir))
    .with_context(|| {
        format!(
            "{}: neither a botocore data folder nor a folder holding one",
            path.display()
        )
    })
}

fn has_service_folders(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|entries| {
        entries.filter_map(Result::ok).any(|service| {
            fs::read_dir(service.path()).is_ok_and(|versions| {
                versions.filter_map(Result::ok).any(|version| {
                    let dir = version.path();
                    dir.join("service-2.json").is_file() || dir.join("service-2.json.gz").is_file()
                })
            })
        })
    })
}

fn folder_data_files(data: &Path) -> Result<DataFiles> {
    let mut files = DataFiles::new();
    for service in sorted_dirs(data)? {
        for version in sorted_dirs(&service)? {
            for entry in
                fs::read_dir(&version).with_context(|| format!("listing {}", version.display()))?
            {
                let path = entry?.path();
                let relative = path
                    .strip_prefix(data)
                    .expect("listed under data")
                    .to_string_lossy()
                    .replace('\\', "/");
                if wanted(&relative) {
                    let bytes =
                        fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
                    files.insert(relative, bytes);
                }
            }
        }
    }
    Ok(files)
}

fn text(relative: &str, bytes: &[u8]) -> Result<String> {
    if relative.ends_with(".gz") {
        let mut text = String::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_string(&mut text)
            .with_context(|| format!("decompressing data/{relative}"))?;
        Ok(text)
    } else {
        String::from_utf8(bytes.to_vec()).with_context(|| format!("data/{relative} is not UTF-8"))
    }
}

fn models_from(files: DataFiles) -> Result<Vec<BotocoreModel>> {
    // (service, version) -> file kind (`service-2.json`) -> (path below data/, bytes)
    type Folder<'a> = BTreeMap<&'a str, (&'a str, &'a [u8])>;
    let mut by_folder: BTreeMap<(String, String), Folder<'_>> = BTreeMap::new();
    for (relative, bytes) in &files {
        let mut parts = relative.splitn(3, '/');
        let (Some(service), Some(version), Some(name)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let kind = name.trim_end_matches(".gz");
        by_folder
            .entry((service.to_owned(), version.to_owned()))
            .or_default()
            .insert(kind, (relative.as_str(), bytes.as_slice()));
    }
    let mut models = Vec::new();
    for ((service, version), folder) in &by_folder {
        let Some(&(service_file, service_bytes)) = folder.get("service-2.json") else {
            continue;
        };
        let paginators_json = folder
            .get("paginators-1.json")
            .map(|&(relative, bytes)| text(relative, bytes))
            .transpose()?;
        let endpoint_rules_json = folder
            .get("endpoint-rule-set-1.json")
            .map(|&(relative, bytes)| text(relative, bytes))
            .transpose()?;
        let waiters_json = folder
            .get("waiters-2.json")
            .map(|&(relative, bytes)| text(relative, bytes))
            .transpose()?;
        models.push(BotocoreModel {
            service: service.clone(),
            version: version.clone(),
            newest: false,
            label: format!("data/{service_file}"),
            service_json: text(service_file, service_bytes)?,
            paginators_json,
            endpoint_rules_json,
            waiters_json,
        });
    }
    // Version folders are dates, so the newest sorts last, as botocore's loader picks it.
    for index in 0..models.len() {
        let next_is_same = models
            .get(index + 1)
            .is_some_and(|next| next.service == models[index].service);
        models[index].newest = !next_is_same;
    }
    Ok(models)
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    fn gzip(text: &str) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(text.as_bytes()).unwrap();
        encoder.finish().unwrap()
    }

    fn layout() -> Vec<(&'static str, Vec<u8>)> {
        vec![
            ("sts/2011-06-15/service-2.json.gz", gzip("{\"sts\": 1}")),
            (
                "sts/2011-06-15/paginators-1.json",
                b"{\"pagination\": {}}".to_vec(),
            ),
            ("sts/2011-06-15/endpoint-rule-set-1.json.gz", gzip("{}")),
            (
                "sts/2011-06-15/waiters-2.json",
                b"{\"waiters\": {}}".to_vec(),
            ),
            (
                "cloudfront/2019-03-26/service-2.json.gz",
                gzip("{\"old\": 1}"),
            ),
            (
                "cloudfront/2020-05-31/service-2.json.gz",
                gzip("{\"new\": 1}"),
            ),
            ("endpoints.json", b"{}".to_vec()),
        ]
    }

    fn check(models: &[BotocoreModel]) {
        let names: Vec<(String, bool)> = models
            .iter()
            .map(|m| (m.crate_service_name(), m.newest))
            .collect();
        assert_eq!(
            names,
            [
                ("cloudfront-2019-03-26".to_owned(), false),
                ("cloudfront".to_owned(), true),
                ("sts".to_owned(), true)
            ]
        );
        assert_eq!(models[2].service_json, "{\"sts\": 1}");
        assert_eq!(
            models[2].paginators_json.as_deref(),
            Some("{\"pagination\": {}}")
        );
        assert_eq!(models[2].label, "data/sts/2011-06-15/service-2.json.gz");
        assert_eq!(models[1].service_json, "{\"new\": 1}");
        assert!(models[0].paginators_json.is_none());
        assert_eq!(models[2].waiters_json.as_deref(), Some("{\"waiters\": {}}"));
        assert!(models[0].waiters_json.is_none());
    }

    #[test]
    fn reads_a_data_folder_and_the_folders_around_it() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("botocore/data");
        for (relative, bytes) in layout() {
            let path = data.join(relative);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, bytes).unwrap();
        }
        check(&read_release(&data).unwrap());
        check(&read_release(&dir.path().join("botocore")).unwrap());
        check(&read_release(dir.path()).unwrap());
    }

    #[test]
    fn reads_a_wheel() {
        let dir = tempfile::tempdir().unwrap();
        let wheel = dir.path().join("botocore-0.0.0-py3-none-any.whl");
        let mut writer = zip::ZipWriter::new(fs::File::create(&wheel).unwrap());
        for (relative, bytes) in layout() {
            writer
                .start_file(
                    format!("botocore/data/{relative}"),
                    zip::write::SimpleFileOptions::default(),
                )
                .unwrap();
            writer.write_all(&bytes).unwrap();
        }
        writer
            .start_file(
                "botocore/utils.py",
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
        writer.finish().unwrap();
        check(&read_release(&wheel).unwrap());
    }

    #[test]
    fn says_what_is_wrong_with_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let err = format!("{:#}", read_release(&dir.path().join("nope")).unwrap_err());
        assert!(err.contains("no such wheel or folder"), "{err}");
        let err = format!("{:#}", read_release(dir.path()).unwrap_err());
        assert!(err.contains("neither a botocore data folder"), "{err}");
        let not_zip = dir.path().join("botocore.whl");
        fs::write(&not_zip, "text").unwrap();
        let err = format!("{:#}", read_release(&not_zip).unwrap_err());
        assert!(err.contains("is not a wheel"), "{err}");
    }
}
