//! Operation subsets: a crate generated with only the operations its user
//! calls, and the shapes those reach.
//!
//! A subset keeps, besides the chosen operations' inputs, outputs and listed
//! errors (and everything those reach), every error shape of the service:
//! botocore looks error codes up across the whole service, so a kept operation
//! answered with another operation's exception still gets it typed, and the
//! crate's one `Error` is the full crate's. Names are decided on the whole
//! model (see [`lower`](crate::lower)), so every type the subset keeps is the
//! full crate's type, with the same name, members and methods.

use std::collections::BTreeSet;

use crate::error::{Error, Problem};
use crate::lower::{error_shapes, reach};
use crate::model::ServiceModel;

/// The operations to keep, by their keys in the model's `operations` (the
/// API names: `DescribeInstances`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationSubset {
    operations: BTreeSet<String>,
}

impl OperationSubset {
    /// Reads a list of operation names separated by commas, spaces or lines;
    /// `#` starts a comment that runs to the end of its line. The form of the
    /// `--operations` argument and of a service's `OPERATIONS` file.
    pub fn parse(text: &str) -> Result<Self, Problem> {
        let operations: BTreeSet<String> = text
            .lines()
            .map(|line| line.split('#').next().unwrap_or_default())
            .flat_map(|line| line.split([',', ' ', '\t']))
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(str::to_owned)
            .collect();
        if operations.is_empty() {
            return Err(Problem::new(
                "",
                "the operation list is empty; name at least one operation, or generate the whole service",
            ));
        }
        Ok(OperationSubset { operations })
    }

    /// Whether the subset keeps the operation `name`.
    pub fn contains(&self, name: &str) -> bool {
        self.operations.contains(name)
    }

    /// The operation names, sorted.
    pub fn operations(&self) -> impl Iterator<Item = &str> {
        self.operations.iter().map(String::as_str)
    }

    /// Every name the model does not have as an operation, each a problem at
    /// its would-be path (`operations.DescribeInstance`), with the operation
    /// it was probably meant to be where one is within two edits, ignoring case and `_`.
    pub fn check(&self, model: &ServiceModel) -> Result<(), Error> {
        let folded = |name: &str| name.replace(['_', '-'], "").to_ascii_lowercase();
        let problems: Vec<Problem> = self
            .operations()
            .filter(|name| !model.operations.contains_key(*name))
            .map(|name| {
                let hint = model
                    .operations
                    .keys()
                    .map(|key| (strsim::levenshtein(&folded(key), &folded(name)), key))
                    .filter(|(distance, _)| *distance <= 2)
                    .min()
                    .map(|(_, key)| format!("; did you mean {key:?}?"))
                    .unwrap_or_default();
                Problem::new(
                    format!("operations.{name}"),
                    format!(
                        "the operation subset names it, but the model has no such operation{hint}"
                    ),
                )
            })
            .collect();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(problems))
        }
    }

    /// The shapes the subset keeps: what the kept operations' inputs, outputs
    /// and errors reach, and what the service's error shapes reach.
    pub fn kept_shapes(&self, model: &ServiceModel) -> BTreeSet<String> {
        let roots = self
            .operations()
            .filter_map(|name| model.operations.get(name))
            .flat_map(|op| {
                op.input
                    .iter()
                    .chain(&op.output)
                    .chain(&op.errors)
                    .map(|reference| reference.shape.clone())
            })
            .chain(error_shapes(model).into_iter().map(str::to_owned));
        reach(model, roots)
    }

    /// The model cut down to the subset: its operations (those the model has)
    /// and the shapes they keep. What a diff compares, so that the changelog
    /// and the semver verdict of an update speak of the kept operations only.
    pub fn apply(&self, model: &ServiceModel) -> ServiceModel {
        let kept = self.kept_shapes(model);
        let mut cut = model.clone();
        cut.operations
            .retain(|name, _| self.operations.contains(name));
        cut.shapes.retain(|name, _| kept.contains(name));
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_service_model;

    fn apigateway() -> ServiceModel {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../model/apigateway/2015-07-09/service-2.json"
        );
        parse_service_model(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn parses_lists_of_names_with_comments() {
        let subset = OperationSubset::parse(
            "# what the deploy tool calls\nGetRestApis, CreateDeployment\n\n UpdateStage # stage variables\n",
        )
        .unwrap();
        assert_eq!(
            subset.operations().collect::<Vec<_>>(),
            ["CreateDeployment", "GetRestApis", "UpdateStage"]
        );
        let err = OperationSubset::parse(" # nothing\n,").unwrap_err();
        assert!(err.message.contains("empty"), "{err}");
    }

    #[test]
    fn unknown_operations_are_named_with_a_hint() {
        let model = apigateway();
        let subset = OperationSubset::parse("GetRestApis,get_rest_api,NoSuchThing").unwrap();
        let message = subset.check(&model).unwrap_err().to_string();
        assert_eq!(
            message,
            "the model has 2 problems:\n\
             operations.NoSuchThing: the operation subset names it, but the model has no such operation\n\
             operations.get_rest_api: the operation subset names it, but the model has no such operation; \
             did you mean \"GetRestApi\"?"
        );
    }

    #[test]
    fn keeps_what_the_operations_reach_and_every_error() {
        let model = apigateway();
        let subset = OperationSubset::parse("GetRestApis").unwrap();
        let kept = subset.kept_shapes(&model);
        for shape in [
            "GetRestApisRequest",
            "RestApis",
            "RestApi",
            "EndpointConfiguration",
        ] {
            assert!(kept.contains(shape), "{shape}");
        }
        for shape in ["Stage", "CreateDeploymentRequest", "Deployment"] {
            assert!(!kept.contains(shape), "{shape}");
        }
        // Every exception, listed by GetRestApis or not.
        assert!(kept.contains("ConflictException"));
        let cut = subset.apply(&model);
        assert_eq!(cut.operations.keys().collect::<Vec<_>>(), ["GetRestApis"]);
        assert_eq!(cut.shapes.len(), kept.len());
        assert!(cut.shapes.len() < model.shapes.len() / 4);
    }
}
