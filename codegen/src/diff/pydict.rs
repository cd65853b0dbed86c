//! The Python-style literals of AWS API-change feeds, such as
//! `{'item': {'variables': {'string': 'string'}}}`.

use std::fmt;

/// A literal: a quoted leaf, a dict, or a one-element list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PyValue {
    /// A leaf such as `'string'` or `'EDGE | REGIONAL'`.
    Leaf(String),
    /// Keys in model order.
    Dict(Vec<(String, PyValue)>),
    /// A list of the one element type.
    List(Box<PyValue>),
}

impl PyValue {
    /// Merges `other` into `self`: dict entries are merged key by key (new
    /// keys appended in order); anywhere else `self` wins.
    pub fn merge(&mut self, other: PyValue) {
        match (self, other) {
            (PyValue::Dict(entries), PyValue::Dict(others)) => {
                for (key, value) in others {
                    match entries.iter_mut().find(|(k, _)| *k == key) {
                        Some((_, existing)) => existing.merge(value),
                        None => entries.push((key, value)),
                    }
                }
            }
            (PyValue::List(element), PyValue::List(other)) => element.merge(*other),
            _ => {}
        }
    }
}

impl fmt::Display for PyValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PyValue::Leaf(text) => write_quoted(f, text),
            PyValue::List(element) => write!(f, "[{element}]"),
            PyValue::Dict(entries) => {
                f.write_str("{")?;
                for (index, (key, value)) in entries.iter().enumerate() {
                    if index > 0 {
                        f.write_str(", ")?;
                    }
                    write_quoted(f, key)?;
                    write!(f, ": {value}")?;
                }
                f.write_str("}")
            }
        }
    }
}

/// Writes `text` as a Python single-quoted string literal.
fn write_quoted(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    f.write_str("'")?;
    for c in text.chars() {
        match c {
            '\'' => f.write_str("\\'")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            c if c.is_control() => write!(f, "\\x{:02x}", c as u32)?,
            c => write!(f, "{c}")?,
        }
    }
    f.write_str("'")
}

#[cfg(test)]
mod tests {
    use super::PyValue::{Dict, Leaf, List};
    use super::*;

    fn leaf(text: &str) -> PyValue {
        Leaf(text.to_string())
    }

    #[test]
    fn renders_like_the_aws_feeds() {
        let variables = Dict(vec![(
            "variables".into(),
            Dict(vec![("string".into(), leaf("string"))]),
        )]);
        assert_eq!(variables.to_string(), "{'variables': {'string': 'string'}}");
        let item = Dict(vec![("item".into(), variables)]);
        assert_eq!(
            item.to_string(),
            "{'item': {'variables': {'string': 'string'}}}"
        );
        let list = Dict(vec![(
            "types".into(),
            List(Box::new(leaf("EDGE | REGIONAL"))),
        )]);
        assert_eq!(list.to_string(), "{'types': ['EDGE | REGIONAL']}");
    }

    #[test]
    fn quotes_are_escaped() {
        assert_eq!(leaf("it's \\ here\n").to_string(), r"'it\'s \\ here\n'");
    }

    #[test]
    fn merge_unites_dicts_in_order() {
        let mut a = Dict(vec![("a".into(), Dict(vec![("x".into(), leaf("string"))]))]);
        let b = Dict(vec![
            ("a".into(), Dict(vec![("y".into(), leaf("integer"))])),
            ("b".into(), leaf("boolean")),
        ]);
        a.merge(b);
        assert_eq!(
            a.to_string(),
            "{'a': {'x': 'string', 'y': 'integer'}, 'b': 'boolean'}"
        );
    }
}
