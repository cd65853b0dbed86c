//! Turns botocore service models (`service-2.json`, `paginators-1.json`,
//! `waiters-2.json`) into the source files of a Rust crate.
//!
//! The stages run one way: [`model`] (a serde mirror of the JSON) →
//! [`validate`] → [`lower`] into the [`ir`] → [`emit`] tokens → formatted text.
//! Beside that pipeline, [`diff`] compares two models and classifies every
//! change by its semver impact on the generated crate.
//!
//! The library does no file I/O: callers hand it the JSON and get files back.

pub mod customizations;
pub mod diff;
pub mod docs;
pub mod emit;
pub mod endpoint_params;
pub mod error;
pub mod ir;
pub mod jmespath;
pub mod lower;
pub mod model;
pub mod names_listing;
pub mod naming;
pub mod paginators;
pub mod protocol;
pub mod protocol_tests;
pub mod subset;
pub mod uri_template;
pub mod validate;
pub mod waiters;

pub use emit::GeneratedCrate;
pub use error::{Error, Problem};
pub use lower::ServiceSource;
pub use subset::OperationSubset;

/// The inputs of one generation.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The `service-2.json` text.
    pub service_json: &'a str,
    /// The `paginators-1.json` text, when the service has one.
    pub paginators_json: Option<&'a str>,
    /// Short service name, e.g. `apigateway`.
    pub service: &'a str,
    /// Path of the model as shown in file headers.
    pub source_path: &'a str,
    /// Version of the generated crate.
    pub crate_version: &'a str,
    /// The `awsgen-runtime` crate's folder, relative to the generated crate's
    /// folder (or absolute), for its path dependency.
    pub runtime_path: &'a str,
    /// The operations to generate, when not all of them.
    pub operations: Option<&'a OperationSubset>,
    /// The `endpoint-rule-set-1.json` text, when the service has one: the
    /// generated client resolves endpoints with it.
    pub endpoint_rules_json: Option<&'a str>,
    /// The `waiters-2.json` text, when the service has one.
    pub waiters_json: Option<&'a str>,
}

/// Parses, validates and lowers one model into the IR (with the validation warnings).
pub fn lower_model(input: Input<'_>) -> Result<(ir::Service, Vec<Problem>), Error> {
    let model = model::parse_service_model(input.service_json)?;
    let paginators = match input.paginators_json {
        Some(json) => paginators::parse_paginators(json)?,
        None => paginators::PaginatorsModel::default(),
    };
    let waiters = input.waiters_json.map(waiters::parse_waiters).transpose()?;
    let mut warnings = validate::validate(&model, &paginators)?;
    if let Some(waiters) = &waiters {
        warnings.extend(waiters::validate_waiters(&model, waiters)?);
    }
    let waiters = waiters.unwrap_or_default();
    let source = ServiceSource {
        service: input.service.to_string(),
        path: input.source_path.to_string(),
        subset: input.operations.cloned(),
    };
    let mut service =
        lower::lower_with_waiters(&model, &paginators, &waiters, &source, lower::Docs::Convert)?;
    service.endpoint_rules = input.endpoint_rules_json.map(minified_rules).transpose()?;
    let problems = endpoint_params::check_paths(&service);
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    Ok((service, warnings))
}

/// The rule set as compact JSON: the generated crate embeds it.
fn minified_rules(json: &str) -> Result<String, Error> {
    let deserializer = &mut serde_json::Deserializer::from_str(json);
    let value: serde_json::Value =
        serde_path_to_error::deserialize(deserializer).map_err(|err| Error::Parse {
            path: format!("endpoint-rule-set-1.json:{}", err.path()),
            message: err.inner().to_string(),
        })?;
    for key in ["version", "parameters", "rules"] {
        if value.get(key).is_none() {
            return Err(Error::Parse {
                path: "endpoint-rule-set-1.json".to_owned(),
                message: format!("not an endpoint rule set: it has no {key:?}"),
            });
        }
    }
    Ok(value.to_string())
}

/// Generates the crate for one model; nothing is written, the files are returned.
pub fn generate(input: Input<'_>) -> Result<GeneratedCrate, Error> {
    let (service, warnings) = lower_model(input)?;
    let mut generated = emit::emit_crate(&service, input.crate_version, input.runtime_path)?;
    generated.warnings = warnings;
    Ok(generated)
}
