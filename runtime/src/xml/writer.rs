//! XML request bodies (restXml): the generated `write_xml` methods of the
//! input types append elements to an [`XmlWriter`].
//!
//! The writer only appends: the generated code, made from the model, decides
//! names, order and namespaces, so every body is well-formed by construction
//! as long as each [`XmlWriter::start`] is matched by an [`XmlWriter::end`].
//! Text and attribute values are escaped here.

/// Builds an XML document in memory, element by element.
///
/// A start tag stays open after [`start`](Self::start) so that attributes
/// can follow; the first text or child element closes it.
#[derive(Debug, Default)]
pub struct XmlWriter {
    out: String,
    tag_open: bool,
}

impl XmlWriter {
    /// An empty document.
    pub fn new() -> Self {
        XmlWriter {
            out: String::with_capacity(512),
            tag_open: false,
        }
    }

    /// Opens the element `name`; attributes may follow.
    pub fn start(&mut self, name: &str) {
        self.close_tag();
        self.out.push('<');
        self.out.push_str(name);
        self.tag_open = true;
    }

    /// Opens the element `name`, declaring `namespace` on it when given as
    /// `(attribute, uri)`: `("xmlns", uri)` or `("xmlns:prefix", uri)`.
    pub fn start_declaring(&mut self, name: &str, namespace: Option<(&str, &str)>) {
        self.start(name);
        if let Some((attribute, uri)) = namespace {
            self.attribute(attribute, uri);
        }
    }

    /// Adds an attribute to the element just opened.
    ///
    /// Attributes belong in the start tag: one added after the element's
    /// text or first child is a bug in the caller, and is dropped (with a
    /// debug assertion) rather than written where it would break the document.
    pub fn attribute(&mut self, name: &str, value: &str) {
        debug_assert!(self.tag_open, "attribute {name} after the start tag closed");
        if !self.tag_open {
            return;
        }
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        escape_into(&mut self.out, value, true);
        self.out.push('"');
    }

    /// Appends text to the current element.
    pub fn text(&mut self, text: &str) {
        self.close_tag();
        escape_into(&mut self.out, text, false);
    }

    /// Closes the element `name`, the one most recently opened and not closed.
    pub fn end(&mut self, name: &str) {
        self.close_tag();
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// An element holding only `text`: `<name>text</name>`.
    pub fn element(&mut self, name: &str, text: &str) {
        self.start(name);
        self.text(text);
        self.end(name);
    }

    /// The document's bytes.
    pub fn finish(mut self) -> Vec<u8> {
        self.close_tag();
        self.out.into_bytes()
    }

    fn close_tag(&mut self) {
        if self.tag_open {
            self.out.push('>');
            self.tag_open = false;
        }
    }
}

/// Appends `text` escaped for element content, or for a double-quoted
/// attribute value when `attribute`.
///
/// Beyond the markup characters, a carriage return is written as a
/// character reference everywhere, and tab and line feed too inside
/// attributes: a parser would otherwise normalise them away (to `\n`, or
/// to a space in attributes), and the service would read another value
/// than the one sent.
fn escape_into(out: &mut String, text: &str, attribute: bool) {
    let mut rest = text;
    while let Some(at) = rest.find(|c| needs_escape(c, attribute)) {
        out.push_str(&rest[..at]);
        let c = rest[at..].chars().next().unwrap_or_default();
        out.push_str(match c {
            '<' => "&lt;",
            '>' => "&gt;",
            '&' => "&amp;",
            '"' => "&quot;",
            '\r' => "&#xD;",
            '\n' => "&#xA;",
            '\t' => "&#x9;",
            _ => "",
        });
        rest = &rest[at + c.len_utf8()..];
    }
    out.push_str(rest);
}

fn needs_escape(c: char, attribute: bool) -> bool {
    match c {
        '<' | '>' | '&' | '\r' => true,
        '"' | '\n' | '\t' => attribute,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn writes_nested_elements_with_attributes_and_namespaces() {
        let mut writer = XmlWriter::new();
        writer.start_declaring("Request", Some(("xmlns", "http://foo.com")));
        writer.attribute("test", "a\"b");
        writer.element("name", "x < y & z");
        writer.start_declaring("values", Some(("xmlns:baz", "http://baz.com")));
        writer.end("values");
        writer.end("Request");
        assert_eq!(
            String::from_utf8(writer.finish()).unwrap(),
            "<Request xmlns=\"http://foo.com\" test=\"a&quot;b\"><name>x &lt; y &amp; z</name>\
             <values xmlns:baz=\"http://baz.com\"></values></Request>"
        );
    }

    #[test]
    fn keeps_line_ends_and_tabs_that_a_parser_would_normalise() {
        let mut writer = XmlWriter::new();
        writer.start("a");
        writer.attribute("b", "1\t2\n3\r4");
        writer.text("x\r\ny\tz\n");
        writer.end("a");
        assert_eq!(
            String::from_utf8(writer.finish()).unwrap(),
            "<a b=\"1&#x9;2&#xA;3&#xD;4\">x&#xD;\ny\tz\n</a>"
        );
    }

    proptest! {
        /// Whatever the text and attribute value, the document parses back
        /// to exactly the values written.
        #[test]
        fn text_and_attributes_read_back_as_written(text in "\\PC*|[\r\n\t<>&\"' a-z]*", value in "\\PC*|[\r\n\t<>&\"' a-z]*") {
            let mut writer = XmlWriter::new();
            writer.start("root");
            writer.attribute("value", &value);
            writer.element("text", &text);
            writer.end("root");
            let body = writer.finish();
            let document = super::super::parse(&body).expect("the writer's output parses");
            let root = document.root();
            prop_assert_eq!(root.attribute("value"), Some(value.as_str()));
            prop_assert_eq!(root.child("text").map(|t| t.text()), Some(text.as_str()));
        }
    }
}
