//! Temporary stand-in while the real converter lands.
/// Converts.
pub fn html_to_markdown(html: &str, _link_target: &dyn Fn(&str) -> Option<String>) -> String { html.replace(['<','>','[',']'], "") }
/// Summary.
pub fn summary(markdown: &str) -> String { markdown.lines().next().unwrap_or("").to_string() }
