//! A serde mirror of botocore's `paginators-1.json`.

use std::collections::BTreeMap;

use serde::Deserialize;

/// A whole `paginators-1.json` document.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
pub struct PaginatorsModel {
    /// Paginators by operation name.
    #[serde(default)]
    pub pagination: BTreeMap<String, Paginator>,
}

/// How one operation pages through its results.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Paginator {
    /// Input member(s) carrying the continuation token.
    pub input_token: OneOrMany,
    /// Output member(s) holding the next token (may be a JMESPath expression).
    pub output_token: OneOrMany,
    /// Input member limiting the page size.
    #[serde(default)]
    pub limit_key: Option<String>,
    /// Output member(s) holding the page's items.
    #[serde(default)]
    pub result_key: Option<OneOrMany>,
    /// Output member that says more results exist.
    #[serde(default)]
    pub more_results: Option<String>,
    /// Output members kept from the first page only.
    #[serde(default)]
    pub non_aggregate_keys: Vec<String>,
}

/// A string or a list of strings, as paginator keys are written either way.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum OneOrMany {
    /// A single key.
    One(String),
    /// Several keys.
    Many(Vec<String>),
}

impl OneOrMany {
    /// The keys as a list.
    pub fn to_vec(&self) -> Vec<String> {
        match self {
            OneOrMany::One(key) => vec![key.clone()],
            OneOrMany::Many(keys) => keys.clone(),
        }
    }
}

/// Parses a `paginators-1.json` document; errors name the JSON path of the bad value.
pub fn parse_paginators(json: &str) -> Result<PaginatorsModel, crate::Error> {
    let deserializer = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(deserializer).map_err(|err| crate::Error::Parse {
        path: format!("paginators-1.json:{}", err.path()),
        message: err.inner().to_string(),
    })
}
