//! The values endpoint rules compute with.

use std::collections::BTreeMap;
use std::fmt;

/// A parameter, a function's result or an attribute of one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// `true` or `false`.
    Bool(bool),
    /// Text.
    String(String),
    /// A whole number (the rules' `substring` bounds, `getAttr` indexes).
    Integer(i64),
    /// A list (`stringArray` parameters, an ARN's `resourceId`).
    Array(Vec<Value>),
    /// Named attributes (a partition, a parsed URL or ARN).
    Object(BTreeMap<String, Value>),
}

impl Value {
    /// The text, when the value is text.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    /// Truthiness as the reference implementation (Python) sees it, for `not`.
    pub(crate) fn is_truthy(&self) -> bool {
        match self {
            Value::Bool(value) => *value,
            Value::String(text) => !text.is_empty(),
            Value::Integer(number) => *number != 0,
            Value::Array(items) => !items.is_empty(),
            Value::Object(attributes) => !attributes.is_empty(),
        }
    }

    /// The kind, for messages.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Value::Bool(_) => "a boolean",
            Value::String(_) => "a string",
            Value::Integer(_) => "an integer",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        }
    }

    /// The value from JSON (parameters as tests and configuration give them);
    /// `null` is no value.
    pub fn from_json(json: &serde_json::Value) -> Option<Value> {
        Some(match json {
            serde_json::Value::Null => return None,
            serde_json::Value::Bool(value) => Value::Bool(*value),
            serde_json::Value::String(text) => Value::String(text.clone()),
            serde_json::Value::Number(number) => Value::Integer(number.as_i64()?),
            serde_json::Value::Array(items) => {
                Value::Array(items.iter().filter_map(Value::from_json).collect())
            }
            serde_json::Value::Object(attributes) => Value::Object(
                attributes
                    .iter()
                    .filter_map(|(key, value)| Some((key.clone(), Value::from_json(value)?)))
                    .collect(),
            ),
        })
    }

    /// The value as JSON (resolved endpoint properties).
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Bool(value) => serde_json::Value::Bool(*value),
            Value::String(text) => serde_json::Value::String(text.clone()),
            Value::Integer(number) => serde_json::Value::from(*number),
            Value::Array(items) => items.iter().map(Value::to_json).collect(),
            Value::Object(attributes) => attributes
                .iter()
                .map(|(key, value)| (key.clone(), value.to_json()))
                .collect(),
        }
    }
}

/// How a value reads inside a template string: as the reference
/// implementation formats it (`True` for a boolean).
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Bool(true) => f.write_str("True"),
            Value::Bool(false) => f.write_str("False"),
            Value::String(text) => f.write_str(text),
            Value::Integer(number) => write!(f, "{number}"),
            other => write!(f, "{}", other.to_json()),
        }
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Value::String(text.to_owned())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Value::String(text)
    }
}

impl From<bool> for Value {
    fn from(value: bool) -> Self {
        Value::Bool(value)
    }
}
