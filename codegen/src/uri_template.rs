//! The `{label}` templates of request URIs and host prefixes, split into parts.

/// One part of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part<'a> {
    /// Text kept as it is.
    Literal(&'a str),
    /// A `{name}` placeholder; `greedy` for `{name+}`.
    Label {
        /// The placeholder's name, without braces or `+`.
        name: &'a str,
        /// Whether the label may hold slashes.
        greedy: bool,
    },
}

/// Splits `template` into literals and labels; an unclosed `{` is literal text.
pub fn parts(template: &str) -> Vec<Part<'_>> {
    let mut parts = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        if start > 0 {
            parts.push(Part::Literal(&rest[..start]));
        }
        let raw = &after[..end];
        parts.push(match raw.strip_suffix('+') {
            Some(name) => Part::Label { name, greedy: true },
            None => Part::Label {
                name: raw,
                greedy: false,
            },
        });
        rest = &after[end + 1..];
    }
    if !rest.is_empty() {
        parts.push(Part::Literal(rest));
    }
    parts
}

/// The labels of `template`, in order.
pub fn labels(template: &str) -> Vec<(&str, bool)> {
    parts(template)
        .into_iter()
        .filter_map(|part| match part {
            Part::Label { name, greedy } => Some((name, greedy)),
            Part::Literal(_) => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_literals_and_labels() {
        assert_eq!(
            parts("/restapis/{restapi_id}/keys/{key+}?x=1"),
            vec![
                Part::Literal("/restapis/"),
                Part::Label {
                    name: "restapi_id",
                    greedy: false
                },
                Part::Literal("/keys/"),
                Part::Label {
                    name: "key",
                    greedy: true
                },
                Part::Literal("?x=1"),
            ]
        );
        assert_eq!(
            parts("{a}.{b}."),
            vec![
                Part::Label {
                    name: "a",
                    greedy: false
                },
                Part::Literal("."),
                Part::Label {
                    name: "b",
                    greedy: false
                },
                Part::Literal("."),
            ]
        );
        assert_eq!(parts("/open{brace"), vec![Part::Literal("/open{brace")]);
        assert_eq!(labels("/x/{a}/{b+}"), vec![("a", false), ("b", true)]);
    }
}
