//! Conversion of botocore `documentation` HTML into rustdoc Markdown.
//!
//! Model documentation is loosely written HTML (with AWS-specific tags such as
//! `<note>` and `<fullname>`), so it is parsed with a real HTML5 parser and
//! rebuilt as a small block tree (paragraphs, lists, code blocks) before being
//! printed. The output is meant to go straight into `///` comments of generated
//! crates, which are built with `RUSTDOCFLAGS=-Dwarnings`; every piece of model
//! text is therefore escaped so rustdoc never sees accidental intra-doc links,
//! HTML tags, emphasis, bare URLs or doctests.

use std::ops::Deref;

use scraper::{ElementRef, Html, Node};

/// The parser's node handle; named through `ElementRef` so that no direct
/// dependency on `ego-tree` is needed.
type NodeRef<'a> = <ElementRef<'a> as Deref>::Target;

/// Nesting beyond this is flattened to plain text so hostile input cannot
/// overflow the stack of the recursive walk.
const MAX_DEPTH: usize = 64;

/// Converts model HTML documentation to rustdoc Markdown.
///
/// `link_target(name)` returns a Rust path (e.g. `"crate::types::Stage"`) when
/// `name` is the model name of a generated type, else `None`; `<code>` spans and
/// `href`-less `<a>` elements naming such a type become intra-doc links.
///
/// Returns Markdown without trailing newline; empty string when the HTML has no
/// text. Never panics, whatever the input.
///
/// A link whose target is already in scope where the doc is attached (say, a
/// sibling in `crate::types`) trips rustdoc's `redundant_explicit_links` lint;
/// generated crates should allow that lint rather than lose the links.
pub fn html_to_markdown(html: &str, link_target: &dyn Fn(&str) -> Option<String>) -> String {
    let doc = Html::parse_fragment(html);
    let mut builder = Builder::new(link_target);
    for child in doc.tree.root().children() {
        builder.visit(child);
    }
    builder.flush();
    render_blocks(&builder.blocks, false).join("\n")
}

/// The first sentence (or, failing that, the first paragraph) of `markdown`, on
/// one line, for short summaries such as one-line docs or table cells.
///
/// For output of [`html_to_markdown`] the result stays valid Markdown, as the
/// cut is never made inside a code span or link. Prose `|` is escaped there, so
/// it can sit in a table cell unless a code span contains `|`.
pub fn summary(markdown: &str) -> String {
    let mut fence: Option<&str> = None;
    let mut lines = Vec::new();
    for line in markdown.lines().map(str::trim) {
        if let Some(open) = fence {
            if line == open {
                fence = None;
            }
            continue;
        }
        if line.starts_with("```") && !line.trim_start_matches('`').contains('`') {
            if !lines.is_empty() {
                break;
            }
            fence = Some(&line[..line.len() - line.trim_start_matches('`').len()]);
        } else if let Some(marker) = list_marker_len(line) {
            // Only the first item of a leading list makes a summary.
            if !lines.is_empty() {
                break;
            }
            lines.push(strip_hard_break(line[marker..].trim_start()));
        } else if line.is_empty() {
            if !lines.is_empty() {
                break;
            }
        } else {
            lines.push(strip_hard_break(line));
        }
    }
    let text = lines.join(" ");
    first_sentence(&text).to_string()
}

/// Length of the list marker `render_blocks` put at the start of `line`;
/// escaping guarantees that prose lines never start like one.
fn list_marker_len(line: &str) -> Option<usize> {
    let bullet = line.starts_with(['-', '+']) && (line.len() == 1 || line[1..].starts_with(' '));
    ordered_marker_digits(line)
        .map(|digits| digits + 1)
        .or(bullet.then_some(1))
}

/// The digit count of a CommonMark ordered list marker (`1.`, `12)`) opening `line`.
fn ordered_marker_digits(line: &str) -> Option<usize> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = line.get(digits..).unwrap_or_default();
    let marker = rest.starts_with(['.', ')']) && (rest.len() == 1 || rest[1..].starts_with(' '));
    ((1..10).contains(&digits) && marker).then_some(digits)
}

/// A line ending in an odd number of backslashes ends in a hard break, whose
/// marker would be meaningless once lines are joined.
fn strip_hard_break(line: &str) -> &str {
    let trailing = line.len() - line.trim_end_matches('\\').len();
    if trailing % 2 == 1 {
        line[..line.len() - 1].trim_end()
    } else {
        line
    }
}

/// Cuts at the first `. ` followed by an uppercase letter, skipping code spans
/// and link text/destinations so the cut never unbalances Markdown syntax.
fn first_sentence(text: &str) -> &str {
    let bytes = text.as_bytes();
    let (mut i, mut brackets, mut parens) = (0, 0usize, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'`' => {
                let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                i = closing_fence(bytes, i + run, run).unwrap_or(i + run);
                continue;
            }
            b'[' => brackets += 1,
            b']' => brackets = brackets.saturating_sub(1),
            b'(' if i > 0 && bytes[i - 1] == b']' => parens += 1,
            b')' if parens > 0 => parens -= 1,
            b'.' if brackets == 0 && parens == 0 && bytes.get(i + 1) == Some(&b' ') => {
                let next = text[i + 2..].chars().next();
                if next.is_some_and(char::is_uppercase) {
                    return &text[..=i];
                }
            }
            _ => {}
        }
        i += 1;
    }
    text
}

/// The end of the backtick run of exactly `run` backticks closing a code span.
fn closing_fence(bytes: &[u8], mut j: usize, run: usize) -> Option<usize> {
    while j < bytes.len() {
        let len = bytes[j..].iter().take_while(|&&b| b == b'`').count();
        if len == run {
            return Some(j + len);
        }
        j += len.max(1);
    }
    None
}

/// The intermediate document: rendering is separate from the walk because list
/// indentation is only known once an item's content has been collected.
enum Block {
    /// Escaped inline Markdown; `\n` separates lines already joined by hard breaks.
    Para(String),
    /// Verbatim code, printed in a `text` fence so rustdoc never runs it.
    Code(String),
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
}

struct Builder<'a> {
    link_target: &'a dyn Fn(&str) -> Option<String>,
    blocks: Vec<Block>,
    /// The paragraph being collected, whitespace already collapsed.
    para: String,
    /// Inside link text, where nested links (intra-doc or auto) are not allowed.
    in_link: bool,
    depth: usize,
    /// Bumped by every flush, so inline wrappers notice their content was split.
    flushes: usize,
}

impl<'a> Builder<'a> {
    fn new(link_target: &'a dyn Fn(&str) -> Option<String>) -> Self {
        Builder {
            link_target,
            blocks: Vec::new(),
            para: String::new(),
            in_link: false,
            depth: 0,
            flushes: 0,
        }
    }

    /// Collects `f`'s output as separate blocks, e.g. one list item.
    fn sub(&self, f: impl FnOnce(&mut Builder<'a>)) -> Vec<Block> {
        let mut sub = Builder::new(self.link_target);
        sub.in_link = self.in_link;
        sub.depth = self.depth;
        f(&mut sub);
        sub.flush();
        sub.blocks
    }

    fn flush(&mut self) {
        self.flushes += 1;
        let para = std::mem::take(&mut self.para);
        let lines: Vec<String> = para
            .split('\n')
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(escape_line_start)
            .collect();
        if !lines.is_empty() {
            self.blocks.push(Block::Para(lines.join("\\\n")));
        }
    }

    fn visit(&mut self, node: NodeRef<'_>) {
        match node.value() {
            Node::Text(text) => self.text(text),
            Node::Element(_) => {
                if let Some(el) = ElementRef::wrap(node) {
                    self.element(el);
                }
            }
            _ => {}
        }
    }

    fn children(&mut self, el: ElementRef<'_>) {
        for child in el.children() {
            self.visit(child);
        }
    }

    fn element(&mut self, el: ElementRef<'_>) {
        if self.depth >= MAX_DEPTH {
            self.text(&el.text().collect::<String>());
            return;
        }
        self.depth += 1;
        self.dispatch(el);
        self.depth -= 1;
    }

    fn dispatch(&mut self, el: ElementRef<'_>) {
        let name = el.value().name();
        match name {
            "note" | "important" => {
                let label = if name == "note" {
                    "**Note:**"
                } else {
                    "**Important:**"
                };
                let mut blocks = self.sub(|b| b.children(el));
                match blocks.first_mut() {
                    Some(Block::Para(first)) => *first = format!("{label} {first}"),
                    Some(_) => blocks.insert(0, Block::Para(label.to_string())),
                    None => return,
                }
                self.flush();
                self.blocks.extend(blocks);
            }
            "ul" | "ol" | "dl" => self.list(el, name == "ol"),
            "pre" | "programlisting" | "screen" => self.code_block(&raw_text(el)),
            "code" | "tt" | "kbd" | "samp" => {
                let raw = raw_text(el);
                if raw.trim().contains('\n') {
                    self.code_block(&raw);
                } else {
                    self.code_span(&raw, true);
                }
            }
            "br" => self.para.push('\n'),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "dt" => {
                self.flush();
                self.wrap(el, "**", "**");
                self.flush();
            }
            "b" | "strong" => _ = self.wrap(el, "**", "**"),
            "i" | "em" | "cite" | "dfn" | "var" => _ = self.wrap(el, "*", "*"),
            "a" => self.link(el),
            "script" | "style" | "img" | "template" | "head" | "title" => {}
            _ if is_block(name) => {
                self.flush();
                self.children(el);
                self.flush();
            }
            _ => self.children(el),
        }
    }

    fn list(&mut self, el: ElementRef<'_>, ordered: bool) {
        self.flush();
        let mut items: Vec<Vec<Block>> = Vec::new();
        // A `<dd>` continues its `<dt>`; stray text and lists continue the
        // previous item (a common way to nest lists in model docs).
        let mut last = None;
        for child in el.children() {
            let name = ElementRef::wrap(child).map_or("", |e| e.value().name());
            let mut blocks = self.sub(|b| b.visit(child));
            if blocks.is_empty() {
                continue;
            }
            match items.last_mut() {
                Some(item) if name == "dd" && last == Some("dt") => {
                    if let (Some(Block::Para(term)), Some(Block::Para(desc))) =
                        (item.last_mut(), blocks.first())
                    {
                        *term = format!("{term}: {desc}");
                        blocks.remove(0);
                    }
                    item.extend(blocks);
                }
                Some(item) if last.is_some() && matches!(name, "" | "ul" | "ol" | "dd") => {
                    item.extend(blocks)
                }
                _ => items.push(blocks),
            }
            last = Some(name);
        }
        if !items.is_empty() {
            self.blocks.push(Block::List { ordered, items });
        }
    }

    fn code_block(&mut self, raw: &str) {
        self.flush();
        let text = raw.replace('\t', "    ").replace('\r', "");
        let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
        let first = lines.iter().position(|line| !line.is_empty());
        let last = lines.iter().rposition(|line| !line.is_empty());
        if let (Some(first), Some(last)) = (first, last) {
            self.blocks
                .push(Block::Code(lines[first..=last].join("\n")));
        }
    }

    /// Adds a single space unless one is already implied (HTML collapsing).
    fn space(&mut self) {
        if !self.para.is_empty() && !self.para.ends_with([' ', '\n']) {
            self.para.push(' ');
        }
    }

    fn text(&mut self, text: &str) {
        let words: Vec<&str> = text.split_whitespace().collect();
        if text.starts_with(char::is_whitespace) {
            self.space();
        }
        self.para
            .push_str(&escape_text(&words.join(" "), !self.in_link));
        if !words.is_empty() && text.ends_with(char::is_whitespace) {
            self.space();
        }
    }

    fn code_span(&mut self, raw: &str, may_link: bool) {
        let code = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if raw.starts_with(char::is_whitespace) {
            self.space();
        }
        if code.is_empty() {
            return;
        }
        let span = code_span(&code);
        match (may_link && !self.in_link)
            .then(|| (self.link_target)(&code))
            .flatten()
        {
            Some(path) => self.para.push_str(&format!("[{span}]({path})")),
            None => self.para.push_str(&span),
        }
        if raw.ends_with(char::is_whitespace) {
            self.space();
        }
    }

    /// Renders `el` inline between `open` and `close`, moving surrounding
    /// whitespace outside (`** x**` is not emphasis). Returns false, leaving the
    /// content unwrapped, when it is empty or was split by a block.
    fn wrap(&mut self, el: ElementRef<'_>, open: &str, close: &str) -> bool {
        let (start, flushes) = (self.para.len(), self.flushes);
        self.children(el);
        if self.flushes != flushes || self.para[start..].trim().is_empty() {
            return false;
        }
        let inner = self.para.split_off(start);
        let content = inner.trim();
        self.para
            .push_str(&inner[..inner.len() - inner.trim_start().len()]);
        self.para.push_str(&format!("{open}{content}{close}"));
        self.para.push_str(&inner[inner.trim_end().len()..]);
        true
    }

    fn link(&mut self, el: ElementRef<'_>) {
        let href = el
            .attr("href")
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let text: String = el.text().collect();
        if href.is_empty() {
            self.code_span(&text, true);
        } else if !is_absolute(&href) {
            // Relative links point into AWS documentation we cannot resolve, and
            // rustdoc would try some of them as intra-doc links: keep the target
            // visible but inert.
            self.children(el);
            self.space();
            self.para.push_str(&format!("({})", code_span(&href)));
        } else {
            let was_in_link = std::mem::replace(&mut self.in_link, true);
            let close = format!("]({})", encode_url(&href, true));
            let wrapped = text.trim() != href && self.wrap(el, "[", &close);
            self.in_link = was_in_link;
            if !wrapped {
                self.space();
                self.para
                    .push_str(&format!("<{}>", encode_url(&href, false)));
            }
        }
    }
}

/// Elements that end the current paragraph, whatever they render as.
const BLOCK_TAGS: &str = "p div fullname li dd dt ul ol dl blockquote section article table tr \
    caption hr para pre programlisting screen note important h1 h2 h3 h4 h5 h6";

fn is_block(name: &str) -> bool {
    BLOCK_TAGS.split_whitespace().any(|tag| tag == name)
}

/// Text content for code, where `<br>` and paragraph tags still mean line breaks.
fn raw_text(el: ElementRef<'_>) -> String {
    let mut out = String::new();
    for node in el.descendants() {
        match node.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(e) if e.name() == "br" || is_block(e.name()) => out.push('\n'),
            _ => {}
        }
    }
    out
}

fn is_absolute(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    ["http://", "https://", "mailto:", "ftp://"]
        .iter()
        .any(|s| lower.starts_with(s))
}

/// Percent-encodes what would end an autolink (`<` `>`, spaces) or, with
/// `in_parens`, confuse an inline link destination (parentheses, escapes).
fn encode_url(url: &str, in_parens: bool) -> String {
    let mut out = String::new();
    for c in url.chars() {
        if c.is_whitespace()
            || c.is_control()
            || matches!(c, '<' | '>')
            || in_parens && matches!(c, '(' | ')' | '\\')
        {
            let mut buf = [0; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A code span whose fence is longer than any backtick run inside it.
fn code_span(code: &str) -> String {
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if code.starts_with('`') || code.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{code}{pad}{fence}")
}

/// Escapes prose and turns bare `http(s)://` URLs into autolinks (or, where
/// links may not nest, leaves them as escaped text).
fn escape_text(text: &str, autolink: bool) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = ["http://", "https://"]
        .iter()
        .filter_map(|s| rest.find(s))
        .min()
    {
        let len = url_len(&rest[start..]);
        escape_into(&rest[..start], &mut out);
        let url = &rest[start..start + len];
        if autolink && !url.ends_with("//") {
            out.push_str(&format!("<{}>", encode_url(url, false)));
        } else {
            escape_into(url, &mut out);
        }
        rest = &rest[start + len..];
    }
    escape_into(rest, &mut out);
    out
}

/// Length of the URL at the start of `text`, without trailing sentence
/// punctuation or an unbalanced closing parenthesis.
fn url_len(text: &str) -> usize {
    let end = text
        .find(|c: char| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '`'))
        .unwrap_or(text.len());
    let mut url = &text[..end];
    loop {
        let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '*']);
        let unbalanced = [('(', ')'), ('[', ']'), ('{', '}')]
            .iter()
            .any(|&(open, close)| {
                trimmed.ends_with(close)
                    && trimmed.matches(close).count() > trimmed.matches(open).count()
            });
        url = if unbalanced {
            &trimmed[..trimmed.len() - 1]
        } else {
            trimmed
        };
        if url.len() == trimmed.len() {
            return url.len();
        }
    }
}

fn escape_into(text: &str, out: &mut String) {
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let alnum = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_alphanumeric())
        };
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            // Intraword underscores cannot start or end emphasis.
            '_' => !(alnum(i.checked_sub(1)) && alnum(Some(i + 1))),
            // Only `&name;`-like text could be read as an entity.
            '&' => {
                let rest = &chars[i + 1..];
                let name = rest
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == '#');
                let len = name.count();
                len > 0 && rest.get(len) == Some(&';')
            }
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Escapes what would make a line a heading, list item or thematic break.
fn escape_line_start(line: &str) -> String {
    if line.starts_with(['#', '-', '+', '=']) {
        format!("\\{line}")
    } else if let Some(digits) = ordered_marker_digits(line) {
        format!("{}\\{}", &line[..digits], &line[digits..])
    } else {
        line.to_string()
    }
}

/// Prints blocks separated by blank lines; `in_item` keeps a list that follows
/// an item's text tight against it, as nested lists usually are.
fn render_blocks(blocks: &[Block], in_item: bool) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut previous_list = None;
    for (i, block) in blocks.iter().enumerate() {
        let tight = in_item
            && matches!(
                (i.checked_sub(1).map(|p| &blocks[p]), block),
                (Some(Block::Para(_)), Block::List { .. })
            );
        if !lines.is_empty() && !tight {
            lines.push(String::new());
        }
        match block {
            Block::Para(text) => lines.extend(text.lines().map(str::to_string)),
            Block::Code(code) => {
                let run =
                    |l: &str| l.trim_start().len() - l.trim_start().trim_start_matches('`').len();
                let longest = code.lines().map(run).max();
                let fence = "`".repeat(longest.unwrap_or(0).max(2) + 1);
                lines.push(format!("{fence}text"));
                lines.extend(code.lines().map(str::to_string));
                lines.push(fence);
            }
            Block::List { ordered, items } => {
                // Adjacent lists of the same kind would merge unless the marker changes.
                let alternate = previous_list == Some((*ordered, false));
                let mut number = 0;
                for item in items {
                    number += 1;
                    let marker = match (ordered, alternate) {
                        (true, false) => format!("{number}. "),
                        (true, true) => format!("{number}) "),
                        (false, false) => "- ".to_string(),
                        (false, true) => "+ ".to_string(),
                    };
                    let indent = " ".repeat(marker.len());
                    for (i, line) in render_blocks(item, true).into_iter().enumerate() {
                        lines.push(match (i, line.is_empty()) {
                            (0, _) => format!("{marker}{line}"),
                            (_, true) => line,
                            _ => format!("{indent}{line}"),
                        });
                    }
                }
                previous_list = Some((*ordered, alternate));
                continue;
            }
        }
        previous_list = None;
    }
    lines
}

/// Converts model HTML documentation to plain text, as changelogs print it:
/// paragraphs separated by a blank line, list items as `- item`, whitespace
/// collapsed, no markup. Never panics, whatever the input.
pub fn html_to_text(html: &str) -> String {
    let doc = Html::parse_fragment(html);
    let mut text = PlainText::default();
    for child in doc.tree.root().children() {
        text.visit(child, 0);
    }
    text.end_paragraph();
    text.paragraphs.join("\n\n")
}

/// Paragraphs of plain text being collected.
#[derive(Default)]
struct PlainText {
    paragraphs: Vec<String>,
    line: String,
}

impl PlainText {
    fn visit(&mut self, node: NodeRef<'_>, depth: usize) {
        match node.value() {
            Node::Text(text) => self.words(text),
            Node::Element(el) => {
                let name = el.name();
                if matches!(name, "script" | "style" | "head" | "title" | "template") {
                    return;
                }
                let block = is_block(name) || matches!(name, "ul" | "ol" | "dl" | "br" | "pre");
                if block {
                    self.end_paragraph();
                }
                if name == "li" {
                    self.line.push_str("- ");
                }
                if depth < MAX_DEPTH {
                    for child in node.children() {
                        self.visit(child, depth + 1);
                    }
                } else if let Some(el) = ElementRef::wrap(node) {
                    self.words(&el.text().collect::<String>());
                }
                if block {
                    self.end_paragraph();
                }
            }
            _ => {}
        }
    }

    fn words(&mut self, text: &str) {
        if text.starts_with(char::is_whitespace)
            && !self.line.is_empty()
            && !self.line.ends_with(' ')
        {
            self.line.push(' ');
        }
        for (index, word) in text.split_whitespace().enumerate() {
            if index > 0 {
                self.line.push(' ');
            }
            self.line.push_str(word);
        }
        if text.ends_with(char::is_whitespace) && !self.line.is_empty() && !self.line.ends_with(' ')
        {
            self.line.push(' ');
        }
    }

    fn end_paragraph(&mut self) {
        let line = self.line.trim();
        // A list item whose text starts in a nested block keeps its marker.
        if line == "-" {
            return;
        }
        if !line.is_empty() {
            self.paragraphs.push(line.to_string());
        }
        self.line.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use insta::assert_snapshot;
    use serde_json::Value;

    fn fixture_types(name: &str) -> Option<String> {
        matches!(name, "Stage" | "RestApi" | "MethodSetting")
            .then(|| format!("crate::types::{name}"))
    }

    fn md(html: &str) -> String {
        html_to_markdown(html, &fixture_types)
    }

    /// Shows each fixture next to its output, so one snapshot reviews one theme.
    fn cases(inputs: &[&str]) -> String {
        let rendered: Vec<String> = inputs
            .iter()
            .map(|html| format!("{html}\n=>\n{}", md(html)))
            .collect();
        rendered.join("\n\n----------\n\n")
    }

    #[test]
    fn paragraphs() {
        assert_snapshot!(cases(&[
            "<p>First   paragraph\n  spans\tlines.</p> <p>Second <b>bold </b>and <i> italic</i>.</p>",
            "Loose text<p>then a paragraph</p>and trailing text",
            "<fullname>Amazon API Gateway</fullname> <p>Helps developers.</p>",
            "<p>line one<br>line two<br/><br>line three<br></p>",
            "<h2>Heading</h2><div><div>nested div</div></div><span>unknown <custom>tags</custom> keep text</span>",
            "<dl><dt>Term</dt><dd>Definition.</dd><dd>More.</dd><dt>Other</dt><dd><p>Para.</p></dd></dl>",
            "",
            "<p> </p><p>\n</p>",
        ]));
    }

    #[test]
    fn lists() {
        assert_snapshot!(cases(&[
            "<ul><li>one</li><li>two<ul><li>two.a</li><li>two.b<ol><li>deep</li></ol></li></ul></li><li><p>three</p><p>continued</p></li></ul>",
            "<p>Intro:</p><ol><li>first</li><li>second</li></ol><p>After.</p>",
            "<ul><li>a</li></ul><ul><li>b</li></ul>",
            "<ul><li>item</li><ul><li>sibling list nests</li></ul>stray text</ul>",
            "<ul><li>- dash</li><li>1. number</li><li></li></ul>",
        ]));
    }

    #[test]
    fn notes() {
        assert_snapshot!(cases(&[
            "<note><p>Be careful.</p><p>Really.</p></note>",
            "<important>Text without paragraph.</important>",
            "<note><ul><li>starts with a list</li></ul></note>",
            "<note> </note>",
        ]));
    }

    #[test]
    fn code() {
        assert_snapshot!(cases(&[
            "<p>Use <code>a`b</code>, <code>``</code>, <code>`x`</code> and <code> padded </code>.</p>",
            "<pre>fn main() {\n\tprintln!(\"hi\");   \n}\n</pre>",
            "<programlisting>```\ninner fence\n```</programlisting>",
            "<p>Example: <code>{\n  \"a\": [1]\n}</code> done</p>",
            "<ul><li>in a list<pre>x = 1\n\ny = 2</pre></li></ul>",
            "<code>line<br>broken</code>",
        ]));
    }

    #[test]
    fn links() {
        assert_snapshot!(cases(&[
            r#"See <a href="https://docs.aws.amazon.com/x.html">the guide</a>."#,
            r#"<a href=" https://example.com/a b(c)\ "> spaced <b>text</b> </a>"#,
            r#"<a href="https://example.com">https://example.com</a> and <a href="https://example.com"></a>"#,
            r##"<a href="../relative/page.html">Relative</a> and <a href="#frag">fragment</a>"##,
            "<a>NoHref</a> and <a>Stage</a> and <a>  </a>",
            r#"<a href="https://e.com/[x]">text [y] with https://inner.example.com</a>"#,
            r#"<a href="mailto:someone@example.com">mail</a> <a href="javascript:alert(1)">js</a>"#,
        ]));
    }

    #[test]
    fn intra_doc_links() {
        assert_snapshot!(cases(&[
            "<p>Returns a <code>Stage</code>, not a <code>Stages</code>.</p>",
            "<p><code> RestApi </code> and <code>crate::types::Stage</code></p>",
            r#"<a href="https://example.com"><code>Stage</code></a>"#,
            "<b><code>MethodSetting</code></b>",
        ]));
    }

    #[test]
    fn escaping() {
        assert_snapshot!(cases(&[
            "<p>Brackets [a-z] and [link](x) and [ref]: y</p>",
            "<p>Angles: Map&lt;String, List&lt;T&gt;&gt; and a &lt;div&gt; and -&gt; arrow</p>",
            "<p>Stars *a* 2*3 **b** and unders _c_ snake_case __init__ _</p>",
            "<p>Ticks `x` ``y`` and pipes a|b and tildes ~s~ and \\backslash\\</p>",
            "<p>Entities &amp;amp; &amp;#91; a &amp; b, x=1&amp;y=2</p>",
            "<p>1.5 GB</p><p>2024. A year</p>",
            "<p># not a heading</p><p>- not a list</p><p>+ nor</p><p>1. nor</p><p>12) nor</p><p>=== nor</p><p>--- nor</p><p>&gt; nor quote</p>",
            "<p>    indented is not code</p><p>a<br>- after break</p>",
            "<p>Unicode: naïve café — 日本語 😀\u{a0}nbsp</p>",
        ]));
    }

    #[test]
    fn bare_urls() {
        assert_snapshot!(cases(&[
            "<p>Visit https://example.com/path?a=1&amp;b=2.</p>",
            "<p>(see http://example.com/x_(y)) and https://example.com/z), or https://.</p>",
            "<p>Template https://{host}/{path} and <code>https://in.code</code></p>",
            "<p>Adjacent:https://a.example.com,https://b.example.com</p>",
        ]));
    }

    #[test]
    fn malformed() {
        assert_snapshot!(cases(&[
            "<p>unclosed <b>bold <i>both",
            "</p></li></ul>stray closers</note>",
            "a < b > c << <> <3 </ >",
            "<ul><li>one<li>two</ul><p>para<p>para2",
            "<p>a<ul><li>list inside p</li></ul>b</p>",
            "<b><p>block in bold</p></b> <a href=\"https://x.com\"><p>block in link</p></a>",
            "<script>hidden()</script><style>p{}</style>visible<!-- comment -->",
            "<![CDATA[x]]> &bogus; &#xZZ; &",
        ]));
    }

    #[test]
    fn summaries() {
        let cases = [
            ("First sentence. Second sentence.", "First sentence."),
            ("Uses e.g. lowercase. Then Upper.", "Uses e.g. lowercase."),
            ("Code `a. B` stays. Next.", "Code `a. B` stays."),
            (
                "Link [a. B](https://x.com) stays. Next.",
                "Link [a. B](https://x.com) stays.",
            ),
            ("```text\ncode\n```\n\nAfter code.", "After code."),
            ("Line one\\\nline two\n\nNext para.", "Line one line two"),
            ("1\\. Item. Next", "1\\. Item."),
            ("- item one\n  continued\n- item two", "item one continued"),
            ("", ""),
        ];
        for (markdown, expected) in cases {
            assert_eq!(summary(markdown), expected, "{markdown:?}");
        }
    }

    #[test]
    fn never_panics() {
        let nasty = "<p>a<b>b<i>c</b>d</i><ul><li>e<ol><li>\u{1F600}<code>`</code><a href='https://x.com/(' >f</a>\
                     <pre>g\n\th</pre><note>i<br>j</note></ol>&lt;k&amp;<![l]> <a>Stage</a> https://m.n/o_p";
        for (i, _) in nasty.char_indices() {
            let _ = md(&nasty[..i]);
            let _ = md(&nasty[i..]);
            let _ = summary(&md(&nasty[i..]));
        }
        for tag in [
            "b",
            "div",
            "ul",
            "li",
            "note",
            "a href='https://x.com'",
            "code",
            "p",
        ] {
            let _ = md(&format!("<{tag}>x").repeat(5000));
        }
        let _ = summary("`unclosed [ ( . Next");
    }

    const MODEL: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../model/apigateway/2015-07-09/service-2.json"
    );

    fn model() -> Value {
        serde_json::from_str(&std::fs::read_to_string(MODEL).expect("read model"))
            .expect("parse model")
    }

    /// Every `documentation` string of the model with its JSON path, in key order.
    fn all_docs(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
        match value {
            Value::Object(map) => {
                for (key, value) in map {
                    match value {
                        Value::String(doc) if key == "documentation" => {
                            out.push((path.to_string(), doc.clone()))
                        }
                        _ => all_docs(value, &format!("{path}/{key}"), out),
                    }
                }
            }
            Value::Array(items) => {
                for (i, value) in items.iter().enumerate() {
                    all_docs(value, &format!("{path}/{i}"), out);
                }
            }
            _ => {}
        }
    }

    fn model_docs() -> (Vec<(String, String)>, impl Fn(&str) -> Option<String>) {
        let model = model();
        let mut docs = Vec::new();
        all_docs(&model, "", &mut docs);
        let types: std::collections::BTreeSet<String> = model["shapes"]
            .as_object()
            .expect("shapes")
            .iter()
            .filter(|(_, shape)| shape["type"] == "structure" || shape.get("enum").is_some())
            .map(|(name, _)| name.clone())
            .collect();
        (docs, move |name: &str| {
            types
                .contains(name)
                .then(|| format!("crate::types::{name}"))
        })
    }

    #[test]
    fn real_model_sample() {
        let (docs, link_target) = model_docs();
        let mut picks: Vec<&str> = vec![
            "",
            "/shapes/Stage",
            "/shapes/MethodSetting",
            "/shapes/RestApi",
            "/shapes/Integration",
            "/shapes/TlsConfig/members/insecureSkipVerification",
            "/shapes/UsagePlan",
            "/operations/CreateDeployment",
            "/operations/PutRestApi",
            "/operations/UpdateStage",
            "/operations/TestInvokeMethod",
        ];
        let mut by_length: Vec<&(String, String)> = docs.iter().collect();
        by_length.sort_by_key(|(path, doc)| (std::cmp::Reverse(doc.len()), path.clone()));
        picks.extend(by_length.iter().take(5).map(|(path, _)| path.as_str()));
        let mut out = String::new();
        for pick in picks {
            let (path, html) = docs.iter().find(|(path, _)| path == pick).expect(pick);
            let markdown = html_to_markdown(html, &link_target);
            out += &format!(
                "## {path}\n\n{markdown}\n\nsummary: {}\n\n",
                summary(&markdown)
            );
        }
        assert_snapshot!(out);
    }

    /// The position of a `[`, `]` or `<` that rustdoc could read as a link or
    /// HTML tag: neither escaped, in code, a generated link, nor an autolink.
    fn stray_syntax(markdown: &str) -> Option<String> {
        let mut fence: Option<&str> = None;
        for line in markdown.lines() {
            let trimmed = line.trim_start();
            let run = &trimmed[..trimmed.len() - trimmed.trim_start_matches('`').len()];
            if fence.is_none() && run.len() >= 3 && !trimmed[run.len()..].contains('`') {
                fence = Some(run);
                continue;
            }
            if let Some(open) = fence {
                if trimmed == open {
                    fence = None;
                }
                continue;
            }
            let bytes = line.as_bytes();
            let (mut i, mut open_links) = (0, 0);
            while i < bytes.len() {
                match bytes[i] {
                    b'\\' => i += 1,
                    b'`' => {
                        let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                        i = closing_fence(bytes, i + run, run)? - 1;
                    }
                    b'<' if line[i..].starts_with("<http") || line[i..].starts_with("<mailto:") => {
                        i += line[i..].find('>')?;
                    }
                    b'[' => open_links += 1,
                    b']' if open_links > 0 && bytes.get(i + 1) == Some(&b'(') => {
                        open_links -= 1;
                        i += line[i..].find(')')?;
                    }
                    b']' | b'<' => return Some(format!("{line:?} at {i}")),
                    _ => {}
                }
                i += 1;
            }
            if open_links > 0 {
                return Some(format!("{line:?}: unclosed ["));
            }
        }
        None
    }

    #[test]
    fn real_model_invariants() {
        let (docs, link_target) = model_docs();
        assert!(docs.len() > 1000, "found only {} docs", docs.len());
        for (path, html) in &docs {
            let markdown = html_to_markdown(html, &link_target);
            let context = format!("{path}:\n{markdown}");
            assert!(!markdown.contains('\t'), "tab in {context}");
            assert!(
                !markdown.contains("\n\n\n"),
                "double blank line in {context}"
            );
            assert_eq!(markdown.trim(), markdown, "untrimmed {context}");
            assert!(
                markdown.lines().all(|line| line.trim_end() == line),
                "trailing whitespace in {context}"
            );
            assert_eq!(stray_syntax(&markdown), None, "in {context}");
            assert!(
                !summary(&markdown).contains('\n'),
                "multi-line summary of {context}"
            );
        }
    }

    #[test]
    fn invariant_checker_catches_strays() {
        assert!(stray_syntax("a [b] c").is_some());
        assert!(stray_syntax("a <div> c").is_some());
        assert!(stray_syntax("a \\[b\\] `[c]` [`d`](crate::D) <https://e.com>").is_none());
    }

    #[test]
    fn plain_text_keeps_paragraphs_and_list_items() {
        let html = "<p>Creates a <code>Stage</code>\n  resource.</p><ul><li><p>One</p></li><li>Two <b>bold</b></li></ul><note>Careful</note>";
        assert_eq!(
            html_to_text(html),
            "Creates a Stage resource.\n\n- One\n\n- Two bold\n\nCareful"
        );
        assert_eq!(html_to_text(""), "");
        assert_eq!(html_to_text("<p><p></p></p>"), "");
    }
}
