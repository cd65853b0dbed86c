/// Compares XML bodies as botocore's runner does (`ET.canonicalize` with
/// `strip_text`): the same elements in the same order, the same attributes
/// (namespace declarations included) in any order, and the same text with
/// surrounding whitespace stripped; but map entries in any order, as a map
/// has none (botocore's runner compares them in the order of the case's
/// `params`, a Python dict's; the generated crates keep maps sorted by key).
mod xml_support {
    /// Whether `expected` and `actual` are the same XML document; elements
    /// at `map_entries` (paths of local names from the root, `/`-joined) are
    /// map entries, compared as a set among their siblings. Bodies that are
    /// not XML compare byte for byte.
    pub fn same_xml(expected: &str, actual: &[u8], map_entries: &[&str]) -> bool {
        match (
            ::awsgen_runtime::xml::parse(expected.as_bytes()),
            ::awsgen_runtime::xml::parse(actual),
        ) {
            (Ok(expected), Ok(actual)) => {
                canonical(expected.root(), map_entries) == canonical(actual.root(), map_entries)
            }
            _ => actual == expected.as_bytes(),
        }
    }

    fn canonical(element: ::awsgen_runtime::xml::XmlElement<'_>, map_entries: &[&str]) -> String {
        let mut attributes: Vec<String> = element
            .attributes()
            .map(|(name, value)| format!("{name}={value:?}"))
            .collect();
        attributes.sort();
        let mut children: Vec<(bool, String)> = element
            .children()
            .map(|child| (map_entries.contains(&child.path()), canonical(child, map_entries)))
            .collect();
        // Entries sorted among themselves, in the places entries hold.
        let mut entries: Vec<String> = children
            .iter()
            .filter(|(entry, _)| *entry)
            .map(|(_, text)| text.clone())
            .collect();
        entries.sort();
        let mut entries = entries.into_iter();
        for (entry, text) in &mut children {
            if *entry {
                *text = entries.next().unwrap_or_default();
            }
        }
        let children: Vec<String> = children.into_iter().map(|(_, text)| text).collect();
        format!(
            "<{} {}>{:?}{}</>",
            element.name(),
            attributes.join(" "),
            element.text().trim(),
            children.join("")
        )
    }
}
