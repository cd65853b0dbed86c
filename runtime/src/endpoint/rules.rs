//! An `endpoint-rule-set-1.json` document, read into a typed tree once, so
//! that resolving walks no JSON and a rule set the engine does not fully
//! understand is refused when read, naming the place, never half-applied.

use std::collections::BTreeMap;

use serde_json::Value as Json;

use super::value::Value;
use super::RuleSetError;

/// A parsed rule set: its parameters and its rules, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSet {
    pub(crate) parameters: BTreeMap<String, Parameter>,
    pub(crate) rules: Vec<Rule>,
}

/// One declared parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    /// Its type.
    pub kind: ParameterKind,
    /// The SDK setting it comes from, e.g. `AWS::Region`, `SDK::Endpoint`.
    pub built_in: Option<String>,
    /// The value when none is given.
    pub default: Option<Value>,
    /// Whether resolving fails without a value.
    pub required: bool,
}

/// The types a parameter may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParameterKind {
    /// `string`.
    String,
    /// `boolean`.
    Boolean,
    /// `stringArray`.
    StringArray,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Rule {
    Endpoint {
        conditions: Vec<Call>,
        endpoint: EndpointTemplate,
    },
    Error {
        conditions: Vec<Call>,
        message: Expr,
    },
    Tree {
        conditions: Vec<Call>,
        rules: Vec<Rule>,
    },
}

impl Rule {
    pub(crate) fn conditions(&self) -> &[Call] {
        match self {
            Rule::Endpoint { conditions, .. }
            | Rule::Error { conditions, .. }
            | Rule::Tree { conditions, .. } => conditions,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EndpointTemplate {
    pub(crate) url: Expr,
    pub(crate) headers: Vec<(String, Vec<Expr>)>,
    /// Kept as JSON: its strings may be templates, resolved on use.
    pub(crate) properties: serde_json::Map<String, Json>,
}

/// A function call, its result optionally bound to a name (`assign`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Call {
    pub(crate) function: Function,
    pub(crate) args: Vec<Expr>,
    pub(crate) assign: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    Literal(Value),
    Template(Template),
    Ref(String),
    Call(Box<Call>),
}

/// A string with `{Name}` or `{Name#attribute}` references.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Template {
    pub(crate) parts: Vec<TemplatePart>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TemplatePart {
    Text(String),
    /// A variable and the attributes to follow into it.
    Reference(Vec<String>),
}

/// The standard library of the rules language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Function {
    BooleanEquals,
    StringEquals,
    IsSet,
    Not,
    GetAttr,
    Substring,
    UriEncode,
    ParseUrl,
    IsValidHostLabel,
    Partition,
    ParseArn,
    IsVirtualHostableS3Bucket,
}

impl Function {
    fn from_name(name: &str) -> Option<(Function, usize)> {
        Some(match name {
            "booleanEquals" => (Function::BooleanEquals, 2),
            "stringEquals" => (Function::StringEquals, 2),
            "isSet" => (Function::IsSet, 1),
            "not" => (Function::Not, 1),
            "getAttr" => (Function::GetAttr, 2),
            "substring" => (Function::Substring, 4),
            "uriEncode" => (Function::UriEncode, 1),
            "parseURL" => (Function::ParseUrl, 1),
            "isValidHostLabel" => (Function::IsValidHostLabel, 2),
            "aws.partition" => (Function::Partition, 1),
            "aws.parseArn" => (Function::ParseArn, 1),
            "aws.isVirtualHostableS3Bucket" => (Function::IsVirtualHostableS3Bucket, 2),
            _ => return None,
        })
    }
}

impl RuleSet {
    /// Reads an `endpoint-rule-set-1.json` document.
    pub fn from_json(text: &str) -> Result<RuleSet, RuleSetError> {
        let document: Json = serde_json::from_str(text)
            .map_err(|err| RuleSetError::new("(document)", err.to_string()))?;
        RuleSet::from_value(&document)
    }

    /// Reads a rule set already parsed as JSON.
    pub fn from_value(document: &Json) -> Result<RuleSet, RuleSetError> {
        let object = as_object(document, "(document)")?;
        for key in object.keys() {
            if !matches!(key.as_str(), "version" | "parameters" | "rules") {
                return Err(RuleSetError::new(key, "not a key of a rule set"));
            }
        }
        let mut parameters = BTreeMap::new();
        let declared = as_object(field(object, "parameters", "")?, "parameters")?;
        for (name, spec) in declared {
            parameters.insert(
                name.clone(),
                read_parameter(spec, &format!("parameters.{name}"))?,
            );
        }
        let rules = read_rules(field(object, "rules", "")?, "rules")?;
        Ok(RuleSet { parameters, rules })
    }

    /// The declared parameters, by name.
    pub fn parameters(&self) -> &BTreeMap<String, Parameter> {
        &self.parameters
    }
}

fn as_object<'j>(
    value: &'j Json,
    path: &str,
) -> Result<&'j serde_json::Map<String, Json>, RuleSetError> {
    value
        .as_object()
        .ok_or_else(|| RuleSetError::new(path, "expected an object"))
}

fn as_array<'j>(value: &'j Json, path: &str) -> Result<&'j Vec<Json>, RuleSetError> {
    value
        .as_array()
        .ok_or_else(|| RuleSetError::new(path, "expected a list"))
}

fn as_str<'j>(value: &'j Json, path: &str) -> Result<&'j str, RuleSetError> {
    value
        .as_str()
        .ok_or_else(|| RuleSetError::new(path, "expected a string"))
}

fn field<'j>(
    object: &'j serde_json::Map<String, Json>,
    key: &str,
    path: &str,
) -> Result<&'j Json, RuleSetError> {
    object
        .get(key)
        .ok_or_else(|| RuleSetError::new(join(path, key), "missing"))
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn refuse_unknown_keys(
    object: &serde_json::Map<String, Json>,
    known: &[&str],
    path: &str,
) -> Result<(), RuleSetError> {
    match object.keys().find(|key| !known.contains(&key.as_str())) {
        Some(key) => Err(RuleSetError::new(
            join(path, key),
            format!(
                "not a key this engine knows here (known: {})",
                known.join(", ")
            ),
        )),
        None => Ok(()),
    }
}

fn read_parameter(spec: &Json, path: &str) -> Result<Parameter, RuleSetError> {
    let object = as_object(spec, path)?;
    refuse_unknown_keys(
        object,
        &[
            "type",
            "documentation",
            "builtIn",
            "default",
            "required",
            "deprecated",
        ],
        path,
    )?;
    let type_path = join(path, "type");
    let kind = match as_str(field(object, "type", path)?, &type_path)?
        .to_ascii_lowercase()
        .as_str()
    {
        "string" => ParameterKind::String,
        "boolean" => ParameterKind::Boolean,
        "stringarray" => ParameterKind::StringArray,
        other => {
            return Err(RuleSetError::new(
                type_path,
                format!("unknown parameter type {other:?} (known: string, boolean, stringArray)"),
            ))
        }
    };
    Ok(Parameter {
        kind,
        built_in: object
            .get("builtIn")
            .map(|value| as_str(value, &join(path, "builtIn")).map(str::to_owned))
            .transpose()?,
        default: object.get("default").and_then(Value::from_json),
        required: object
            .get("required")
            .and_then(Json::as_bool)
            .unwrap_or(false),
    })
}

fn read_rules(value: &Json, path: &str) -> Result<Vec<Rule>, RuleSetError> {
    as_array(value, path)?
        .iter()
        .enumerate()
        .map(|(index, rule)| read_rule(rule, &format!("{path}[{index}]")))
        .collect()
}

fn read_rule(value: &Json, path: &str) -> Result<Rule, RuleSetError> {
    let object = as_object(value, path)?;
    let conditions = match object.get("conditions") {
        Some(list) => {
            let conditions_path = join(path, "conditions");
            as_array(list, &conditions_path)?
                .iter()
                .enumerate()
                .map(|(index, call)| read_call(call, &format!("{conditions_path}[{index}]")))
                .collect::<Result<Vec<_>, _>>()?
        }
        None => Vec::new(),
    };
    let type_path = join(path, "type");
    match as_str(field(object, "type", path)?, &type_path)? {
        "endpoint" => {
            refuse_unknown_keys(
                object,
                &["type", "conditions", "documentation", "endpoint"],
                path,
            )?;
            let endpoint_path = join(path, "endpoint");
            let endpoint = as_object(field(object, "endpoint", path)?, &endpoint_path)?;
            refuse_unknown_keys(endpoint, &["url", "headers", "properties"], &endpoint_path)?;
            let mut headers = Vec::new();
            if let Some(declared) = endpoint.get("headers") {
                let headers_path = join(&endpoint_path, "headers");
                for (name, values) in as_object(declared, &headers_path)? {
                    let values_path = join(&headers_path, name);
                    let values = as_array(values, &values_path)?
                        .iter()
                        .enumerate()
                        .map(|(index, value)| read_expr(value, &format!("{values_path}[{index}]")))
                        .collect::<Result<Vec<_>, _>>()?;
                    headers.push((name.clone(), values));
                }
            }
            let properties = match endpoint.get("properties") {
                Some(properties) => {
                    as_object(properties, &join(&endpoint_path, "properties"))?.clone()
                }
                None => serde_json::Map::new(),
            };
            Ok(Rule::Endpoint {
                conditions,
                endpoint: EndpointTemplate {
                    url: read_expr(
                        field(endpoint, "url", &endpoint_path)?,
                        &join(&endpoint_path, "url"),
                    )?,
                    headers,
                    properties,
                },
            })
        }
        "error" => {
            refuse_unknown_keys(
                object,
                &["type", "conditions", "documentation", "error"],
                path,
            )?;
            Ok(Rule::Error {
                conditions,
                message: read_expr(field(object, "error", path)?, &join(path, "error"))?,
            })
        }
        "tree" => {
            refuse_unknown_keys(
                object,
                &["type", "conditions", "documentation", "rules"],
                path,
            )?;
            let rules_path = join(path, "rules");
            Ok(Rule::Tree {
                conditions,
                rules: read_rules(field(object, "rules", path)?, &rules_path)?,
            })
        }
        other => Err(RuleSetError::new(
            type_path,
            format!("unknown rule type {other:?} (known: endpoint, error, tree)"),
        )),
    }
}

fn read_call(value: &Json, path: &str) -> Result<Call, RuleSetError> {
    let object = as_object(value, path)?;
    refuse_unknown_keys(object, &["fn", "argv", "assign"], path)?;
    let name_path = join(path, "fn");
    let name = as_str(field(object, "fn", path)?, &name_path)?;
    let (function, arity) = Function::from_name(name)
        .ok_or_else(|| RuleSetError::new(&name_path, format!("unknown function {name:?}")))?;
    let args_path = join(path, "argv");
    let args = as_array(field(object, "argv", path)?, &args_path)?
        .iter()
        .enumerate()
        .map(|(index, arg)| read_expr(arg, &format!("{args_path}[{index}]")))
        .collect::<Result<Vec<_>, _>>()?;
    if args.len() != arity {
        return Err(RuleSetError::new(
            args_path,
            format!("{name} takes {arity} argument(s), not {}", args.len()),
        ));
    }
    let assign = object
        .get("assign")
        .map(|value| as_str(value, &join(path, "assign")).map(str::to_owned))
        .transpose()?;
    Ok(Call {
        function,
        args,
        assign,
    })
}

fn read_expr(value: &Json, path: &str) -> Result<Expr, RuleSetError> {
    match value {
        Json::Object(object) if object.contains_key("fn") => {
            Ok(Expr::Call(Box::new(read_call(value, path)?)))
        }
        Json::Object(object) if object.contains_key("ref") => {
            refuse_unknown_keys(object, &["ref"], path)?;
            Ok(Expr::Ref(
                as_str(&object["ref"], &join(path, "ref"))?.to_owned(),
            ))
        }
        Json::String(text) => Ok(match Template::parse(text) {
            Some(template) => Expr::Template(template),
            None => Expr::Literal(Value::String(text.clone())),
        }),
        other => Value::from_json(other).map(Expr::Literal).ok_or_else(|| {
            RuleSetError::new(path, "expected a value, a reference or a function call")
        }),
    }
}

impl Template {
    /// The template in `text`, when it has a reference (`{Name}`, letters and
    /// `#` only, as the reference implementation decides); `{{` and `}}` are
    /// literal braces.
    pub(crate) fn parse(text: &str) -> Option<Template> {
        if !has_reference(text) {
            return None;
        }
        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    literal.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    literal.push('}');
                }
                '{' => {
                    let name: String = chars.by_ref().take_while(|c| *c != '}').collect();
                    if !literal.is_empty() {
                        parts.push(TemplatePart::Text(std::mem::take(&mut literal)));
                    }
                    parts.push(TemplatePart::Reference(
                        name.split('#').map(str::to_owned).collect(),
                    ));
                }
                other => literal.push(other),
            }
        }
        if !literal.is_empty() {
            parts.push(TemplatePart::Text(literal));
        }
        Some(Template { parts })
    }
}

/// Whether `text` has `{` letters-or-`#` `}` somewhere.
fn has_reference(text: &str) -> bool {
    text.match_indices('{').any(|(start, _)| {
        let rest = &text[start + 1..];
        rest.find('}').is_some_and(|end| {
            end > 0
                && rest[..end]
                    .chars()
                    .all(|c| c.is_ascii_alphabetic() || c == '#')
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_need_a_reference() {
        assert_eq!(Template::parse("https://example.com"), None);
        assert_eq!(Template::parse("{\"a\": 1}"), None);
        let template =
            Template::parse("https://{Region}.{PartitionResult#dnsSuffix}/{{x}}").unwrap();
        assert_eq!(
            template.parts,
            [
                TemplatePart::Text("https://".into()),
                TemplatePart::Reference(vec!["Region".into()]),
                TemplatePart::Text(".".into()),
                TemplatePart::Reference(vec!["PartitionResult".into(), "dnsSuffix".into()]),
                TemplatePart::Text("/{x}".into()),
            ]
        );
    }

    #[test]
    fn what_the_engine_does_not_know_is_refused_by_place() {
        let rules =
            |rule: &str| format!(r#"{{"version": "1.0", "parameters": {{}}, "rules": [{rule}]}}"#);
        let err = RuleSet::from_json(&rules(
            r#"{"type": "tree", "conditions": [], "rules": [{"type": "endpoint", "conditions": [{"fn": "aws.frobnicate", "argv": []}], "endpoint": {"url": "https://x"}}]}"#,
        ))
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "rules[0].rules[0].conditions[0].fn: unknown function \"aws.frobnicate\""
        );
        let err = RuleSet::from_json(&rules(
            r#"{"type": "endpoint", "endpoint": {"url": "https://x", "weight": 3}}"#,
        ))
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("rules[0].endpoint.weight: not a key"),
            "{err}"
        );
        let err = RuleSet::from_json(&rules(r#"{"type": "fallback"}"#)).unwrap_err();
        assert!(
            err.to_string().contains("unknown rule type \"fallback\""),
            "{err}"
        );
        let err = RuleSet::from_json(&rules(
            r#"{"type": "error", "conditions": [{"fn": "isSet", "argv": [{"ref": "A"}, true]}], "error": "e"}"#,
        ))
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "rules[0].conditions[0].argv: isSet takes 1 argument(s), not 2"
        );
    }
}
