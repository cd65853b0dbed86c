//! What a generated crate states about its service and each operation, for
//! the shared client machinery to act on.

use std::sync::OnceLock;

use crate::endpoint::{RuleSet, RuleSetError};

/// A service's endpoint rule set, as the generated crate embeds it: the
/// JSON text, parsed once on first use.
#[derive(Debug)]
pub struct EndpointRules {
    text: &'static str,
    parsed: OnceLock<Result<RuleSet, RuleSetError>>,
}

impl EndpointRules {
    /// Rules from the text of an `endpoint-rule-set-1.json`.
    pub const fn new(text: &'static str) -> Self {
        EndpointRules {
            text,
            parsed: OnceLock::new(),
        }
    }

    /// The parsed rule set. The generator has read these rules already, so
    /// an error here means the embedded text was changed by hand.
    pub fn get(&self) -> Result<&RuleSet, &RuleSetError> {
        self.parsed
            .get_or_init(|| RuleSet::from_json(self.text))
            .as_ref()
    }
}

/// A service, as its client needs to know it.
#[derive(Debug)]
pub struct ServiceSpec {
    /// The SDK service id (`API Gateway`): it names the service's endpoint
    /// override (`AWS_ENDPOINT_URL_API_GATEWAY`) and its retry defaults.
    pub service_id: &'static str,
    /// The name requests are signed for, when the endpoint rules do not say.
    pub signing_name: &'static str,
    /// The generated crate and its version, for the `User-Agent` header.
    pub crate_name: &'static str,
    /// The generated crate's version.
    pub crate_version: &'static str,
    /// The endpoint rules; `None` for a model that came without them, whose
    /// client needs an explicit endpoint URL.
    pub rules: Option<&'static EndpointRules>,
}

/// An operation, as a call needs to know it.
#[derive(Debug, Clone, Copy)]
pub struct OperationSpec {
    /// The operation's name in the model.
    pub name: &'static str,
    /// Whether requests are signed: `false` for operations the model marks
    /// `authtype: none` (or `smithy.api#noAuth`).
    pub signed: bool,
}
