//! Endpoint resolution from a service's rule set (`endpoint-rule-set-1.json`)
//! and the AWS partitions (`partitions.json`), as botocore resolves them
//! (`botocore/endpoint_provider.py`).
//!
//! A rule set is read once into a typed tree ([`RuleSet::from_json`]);
//! [`RuleSet::resolve`] then walks it for a set of parameters: the first rule
//! whose conditions all hold gives the endpoint (URL, headers, properties such
//! as the signing scheme) or an error; tree rules nest. Any service's rule set
//! works, as the rules language is interpreted rather than compiled.

mod functions;
mod partitions;
mod rules;
mod value;

use std::collections::BTreeMap;
use std::fmt;

pub use partitions::Partitions;
pub use rules::{Parameter, ParameterKind, RuleSet};
pub use value::Value;

use rules::{Call, EndpointTemplate, Expr, Function, Rule, Template, TemplatePart};

/// A resolved endpoint.
#[derive(Debug, Clone, PartialEq)]
pub struct Endpoint {
    /// Where to send the request, e.g. `https://apigateway.us-east-1.amazonaws.com`.
    pub url: String,
    /// Headers to add, by name.
    pub headers: BTreeMap<String, Vec<String>>,
    /// Everything else the rule says, e.g. `authSchemes` (signing name and region).
    pub properties: serde_json::Map<String, serde_json::Value>,
}

/// A rule set or partitions document the engine cannot use, with the place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSetError {
    path: String,
    message: String,
}

impl RuleSetError {
    pub(crate) fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        RuleSetError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for RuleSetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for RuleSetError {}

/// Why no endpoint was resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolveError {
    /// A rule of the rule set refuses the parameters, with its message (for
    /// example `Invalid Configuration: FIPS and custom endpoint are not supported`).
    Rule(String),
    /// No rule matched the parameters.
    NoRule(String),
    /// The parameters do not fit the rule set (a missing required
    /// parameter, a wrong type), or the rules misuse a value.
    Invalid(String),
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResolveError::Rule(message) | ResolveError::Invalid(message) => f.write_str(message),
            ResolveError::NoRule(parameters) => {
                write!(f, "no endpoint rule matches the parameters: {parameters}")
            }
        }
    }
}

impl std::error::Error for ResolveError {}

/// The outcome of one rule: not applicable, or final.
type Outcome = Option<Result<Endpoint, ResolveError>>;

/// Variables in scope while rules are evaluated: the parameters, then the
/// values conditions assign. A stack, so a rule's assignments end with it.
struct Scope {
    variables: Vec<(String, Value)>,
}

impl Scope {
    fn get(&self, name: &str) -> Option<&Value> {
        self.variables
            .iter()
            .rev()
            .find(|(variable, _)| variable == name)
            .map(|(_, value)| value)
    }
}

impl RuleSet {
    /// Resolves the endpoint for `parameters` (by the rule set's parameter
    /// names: `Region`, `UseFIPS`, `Endpoint`, …), with `partitions` for `aws.partition`.
    pub fn resolve(
        &self,
        parameters: &BTreeMap<String, Value>,
        partitions: &Partitions,
    ) -> Result<Endpoint, ResolveError> {
        let mut scope = Scope {
            variables: Vec::with_capacity(parameters.len() + 8),
        };
        for (name, spec) in &self.parameters {
            match parameters.get(name).or(spec.default.as_ref()) {
                Some(value) => {
                    check_kind(name, spec.kind, value)?;
                    scope.variables.push((name.clone(), value.clone()));
                }
                None if spec.required => {
                    return Err(ResolveError::Invalid(format!(
                        "cannot find a value for the required parameter {name}"
                    )))
                }
                None => {}
            }
        }
        // Parameters the rule set does not declare are in scope too, as in botocore.
        for (name, value) in parameters {
            if !self.parameters.contains_key(name) {
                scope.variables.push((name.clone(), value.clone()));
            }
        }
        let evaluator = Evaluator { partitions };
        for rule in &self.rules {
            if let Some(outcome) = evaluator.rule(rule, &mut scope) {
                return outcome;
            }
        }
        let shown: Vec<String> = parameters
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect();
        Err(ResolveError::NoRule(shown.join(", ")))
    }
}

fn check_kind(name: &str, kind: ParameterKind, value: &Value) -> Result<(), ResolveError> {
    let fits = match kind {
        ParameterKind::String => matches!(value, Value::String(_)),
        ParameterKind::Boolean => matches!(value, Value::Bool(_)),
        ParameterKind::StringArray => match value {
            Value::Array(items) => items.iter().all(|item| matches!(item, Value::String(_))),
            _ => false,
        },
    };
    if fits {
        Ok(())
    } else {
        Err(ResolveError::Invalid(format!(
            "the parameter {name} must be {kind:?}, not {}",
            value.kind()
        )))
    }
}

struct Evaluator<'p> {
    partitions: &'p Partitions,
}

impl Evaluator<'_> {
    fn rule(&self, rule: &Rule, scope: &mut Scope) -> Outcome {
        let mark = scope.variables.len();
        let outcome = self.rule_in_scope(rule, scope);
        scope.variables.truncate(mark);
        outcome
    }

    fn rule_in_scope(&self, rule: &Rule, scope: &mut Scope) -> Outcome {
        for condition in rule.conditions() {
            match self.call(condition, scope) {
                Err(err) => return Some(Err(err)),
                Ok(None | Some(Value::Bool(false))) => return None,
                Ok(Some(_)) => {}
            }
        }
        match rule {
            Rule::Endpoint { endpoint, .. } => Some(self.endpoint(endpoint, scope)),
            Rule::Error { message, .. } => Some(match self.expr(message, scope) {
                Ok(Some(Value::String(message))) => Err(ResolveError::Rule(message)),
                Ok(other) => Err(ResolveError::Invalid(format!(
                    "an error rule's message is {other:?}, not a string"
                ))),
                Err(err) => Err(err),
            }),
            Rule::Tree { rules, .. } => rules.iter().find_map(|rule| self.rule(rule, scope)),
        }
    }

    fn endpoint(
        &self,
        endpoint: &EndpointTemplate,
        scope: &mut Scope,
    ) -> Result<Endpoint, ResolveError> {
        let url = match self.expr(&endpoint.url, scope)? {
            Some(Value::String(url)) => url,
            other => {
                return Err(ResolveError::Invalid(format!(
                    "an endpoint's url is {other:?}, not a string"
                )))
            }
        };
        let mut headers = BTreeMap::new();
        for (name, values) in &endpoint.headers {
            let resolved = values
                .iter()
                .map(|value| match self.expr(value, scope)? {
                    Some(Value::String(text)) => Ok(text),
                    other => Err(ResolveError::Invalid(format!(
                        "the header {name} is {other:?}, not a string"
                    ))),
                })
                .collect::<Result<Vec<_>, _>>()?;
            headers.insert(name.clone(), resolved);
        }
        let properties = endpoint
            .properties
            .iter()
            .map(|(key, value)| Ok((key.clone(), resolve_properties(value, &*scope)?)))
            .collect::<Result<_, ResolveError>>()?;
        Ok(Endpoint {
            url,
            headers,
            properties,
        })
    }

    fn expr(&self, expr: &Expr, scope: &mut Scope) -> Result<Option<Value>, ResolveError> {
        match expr {
            Expr::Literal(value) => Ok(Some(value.clone())),
            Expr::Template(template) => fill(template, scope).map(|text| Some(Value::String(text))),
            Expr::Ref(name) => Ok(scope.get(name).cloned()),
            Expr::Call(call) => self.call(call, scope),
        }
    }

    fn call(&self, call: &Call, scope: &mut Scope) -> Result<Option<Value>, ResolveError> {
        let args = call
            .args
            .iter()
            .map(|arg| self.expr(arg, scope))
            .collect::<Result<Vec<_>, _>>()?;
        let result = self.apply(call.function, &args)?;
        if let Some(name) = &call.assign {
            if scope.get(name).is_some() {
                return Err(ResolveError::Invalid(format!(
                    "the rules assign {name}, which is already in scope"
                )));
            }
            if let Some(value) = &result {
                scope.variables.push((name.clone(), value.clone()));
            }
        }
        Ok(result)
    }

    fn apply(
        &self,
        function: Function,
        args: &[Option<Value>],
    ) -> Result<Option<Value>, ResolveError> {
        let arg = |index: usize| args.get(index).and_then(Option::as_ref);
        let text = |index: usize| arg(index).and_then(Value::as_str);
        let flag = |index: usize| match arg(index) {
            Some(Value::Bool(value)) => Some(*value),
            _ => None,
        };
        let number = |index: usize| match arg(index) {
            Some(Value::Integer(value)) => Ok(*value),
            other => Err(ResolveError::Invalid(format!(
                "substring takes whole numbers as bounds, not {other:?}"
            ))),
        };
        Ok(match function {
            Function::IsSet => Some(Value::Bool(arg(0).is_some())),
            Function::Not => Some(Value::Bool(!arg(0).is_some_and(Value::is_truthy))),
            Function::BooleanEquals => match (flag(0), flag(1)) {
                (Some(a), Some(b)) => Some(Value::Bool(a == b)),
                _ => return Err(mismatch("booleanEquals", "booleans", args)),
            },
            Function::StringEquals => match (text(0), text(1)) {
                (Some(a), Some(b)) => Some(Value::Bool(a == b)),
                _ => return Err(mismatch("stringEquals", "strings", args)),
            },
            Function::GetAttr => match text(1) {
                Some(path) => functions::get_attr(arg(0), path),
                None => return Err(mismatch("getAttr", "a value and a path", args)),
            },
            Function::Substring => match text(0) {
                Some(value) => {
                    functions::substring(value, number(1)?, number(2)?, flag(3) == Some(true))
                }
                None => return Err(mismatch("substring", "a string", args)),
            },
            Function::UriEncode => text(0).map(functions::uri_encode),
            Function::ParseUrl => text(0).and_then(functions::parse_url),
            Function::IsValidHostLabel => text(0).map(|value| {
                Value::Bool(functions::is_valid_host_label(value, flag(1) == Some(true)))
            }),
            Function::Partition => Some(self.partitions.of_region(text(0)).clone()),
            Function::ParseArn => text(0).and_then(functions::parse_arn),
            Function::IsVirtualHostableS3Bucket => text(0).map(|value| {
                Value::Bool(functions::is_virtual_hostable_s3_bucket(
                    value,
                    flag(1) == Some(true),
                ))
            }),
        })
    }
}

fn mismatch(function: &str, wanted: &str, args: &[Option<Value>]) -> ResolveError {
    let given: Vec<&str> = args
        .iter()
        .map(|arg| arg.as_ref().map_or("no value", Value::kind))
        .collect();
    ResolveError::Invalid(format!(
        "{function} takes {wanted}, not {}",
        given.join(" and ")
    ))
}

/// A template's text with its references filled in from the scope.
fn fill(template: &Template, scope: &Scope) -> Result<String, ResolveError> {
    let mut text = String::new();
    for part in &template.parts {
        match part {
            TemplatePart::Text(literal) => text.push_str(literal),
            TemplatePart::Reference(path) => {
                let Some((first, rest)) = path.split_first() else {
                    continue;
                };
                let mut value = scope.get(first).cloned();
                for attribute in rest {
                    value = match value {
                        Some(Value::Object(mut attributes)) => attributes.remove(attribute),
                        _ => None,
                    };
                }
                match value {
                    Some(value) => text.push_str(&value.to_string()),
                    None => {
                        return Err(ResolveError::Invalid(format!(
                            "the template refers to {}, which has no value",
                            path.join("#")
                        )))
                    }
                }
            }
        }
    }
    Ok(text)
}

/// Endpoint properties with their template strings filled in.
fn resolve_properties(
    value: &serde_json::Value,
    scope: &Scope,
) -> Result<serde_json::Value, ResolveError> {
    Ok(match value {
        serde_json::Value::String(text) => match Template::parse(text) {
            Some(template) => serde_json::Value::String(fill(&template, scope)?),
            None => value.clone(),
        },
        serde_json::Value::Array(items) => items
            .iter()
            .map(|item| resolve_properties(item, scope))
            .collect::<Result<_, _>>()?,
        serde_json::Value::Object(attributes) => serde_json::Value::Object(
            attributes
                .iter()
                .map(|(key, item)| Ok((key.clone(), resolve_properties(item, scope)?)))
                .collect::<Result<_, ResolveError>>()?,
        ),
        other => other.clone(),
    })
}
