//! XML response bodies as a tree that the generated wire code of the
//! restXml, awsQuery and ec2Query protocols walks, and (in [`XmlWriter`])
//! the restXml request bodies it writes.
//!
//! [`parse`] reads a whole body into an [`XmlDocument`], whose elements are
//! read through [`XmlElement`] handles from its root. The tree borrows
//! from the body: names always, text and attribute values unless they held
//! references (`&amp;`, `&#10;`) or line ends to normalise. It is a reader
//! for what AWS sends, not a validating parser, but it refuses whatever could
//! hurt its caller:
//!
//! - the body must be UTF-8 (AWS always sends UTF-8; an `encoding` in the XML
//!   declaration is ignored);
//! - a DOCTYPE is refused, so no entity of the document's own is ever
//!   expanded; only the five predefined entities and character references
//!   are, and any other reference is an error;
//! - nesting deeper than [`MAX_DEPTH`] is refused, and the tree is built
//!   without recursion, so no input overflows the stack;
//! - exactly one root element, with nothing but whitespace, comments and
//!   processing instructions around it.
//!
//! Names are local names, prefix stripped (`a:Foo` is `Foo`) and namespaces
//! not resolved, as botocore reads them: AWS puts its responses in one
//! default namespace, and members are matched by local name. Line ends are
//! normalised as XML requires (`\r\n` and `\r` read as `\n`), as in botocore,
//! which reads through expat.

mod document;
mod writer;

pub use document::{Children, XmlDocument, XmlElement};
pub use writer::XmlWriter;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use ::quick_xml::errors::{Error as QuickError, IllFormedError};
use ::quick_xml::escape::{resolve_xml_entity, EscapeError};
use ::quick_xml::events::attributes::{AttrError, Attributes};
use ::quick_xml::events::{BytesRef, BytesStart, Event};
use ::quick_xml::reader::Reader;
use ::quick_xml::XmlVersion;

use document::{joined_path, ElementPath, Node, NO_PATH};

/// The deepest nesting [`parse`] accepts; the root element is at depth 1.
///
/// Real responses nest far less (a structure member is one level, a wrapped
/// list or map entry two), so 256 leaves room for deep and recursive shapes,
/// while bounding what input can make code that walks the tree recursively
/// do: the generated readers recurse once per level.
pub const MAX_DEPTH: usize = 256;

/// Parses a whole response body into a document; its
/// [`root`](XmlDocument::root) is the root element.
///
/// # Errors
///
/// An [`XmlError`] saying what is wrong and where, if the body is not UTF-8,
/// not well-formed XML, holds a DOCTYPE or an unknown entity, has no root
/// element or something other than whitespace, comments and processing
/// instructions after it, or nests deeper than [`MAX_DEPTH`].
pub fn parse(body: &[u8]) -> Result<XmlDocument<'_>, XmlError> {
    let input = std::str::from_utf8(body).map_err(|e| XmlError {
        message: "invalid UTF-8".to_owned(),
        offset: Some(e.valid_up_to() as u64),
        path: None,
    })?;
    TreeBuilder::new(input).run()
}

/// Why a body could not be read as XML: what is wrong, and where (the byte
/// offset in the body and the path of the element it was in, as far as known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    message: String,
    offset: Option<u64>,
    path: Option<String>,
}

impl fmt::Display for XmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        match (self.offset, &self.path) {
            (Some(offset), Some(path)) => write!(f, " (at byte {offset}, in {path})"),
            (Some(offset), None) => write!(f, " (at byte {offset})"),
            (None, Some(path)) => write!(f, " (in {path})"),
            (None, None) => Ok(()),
        }
    }
}

impl std::error::Error for XmlError {}

/// An element whose end tag has not been read yet.
struct Open<'a> {
    /// Its index in [`TreeBuilder::nodes`].
    node: u32,
    text: Cow<'a, str>,
    /// An index into [`TreeBuilder::paths`].
    path: u32,
    /// The path of the last child opened so far, or [`NO_PATH`].
    last_child_path: u32,
    /// Where in `text` the current run of character data (everything since
    /// the last tag) starts, and whether it is whitespace so far: a
    /// whitespace-only run next to a child element is indentation.
    run_start: usize,
    run_is_whitespace: bool,
}

impl<'a> Open<'a> {
    fn push_text(&mut self, piece: Cow<'a, str>) {
        if piece.is_empty() {
            return;
        }
        self.run_is_whitespace &= is_whitespace(&piece);
        if self.text.is_empty() {
            self.text = piece;
        } else {
            self.text.to_mut().push_str(&piece);
        }
    }

    /// Ends the current run at a tag; `next_to_child` says whether an element
    /// is (or will be) beside it, which makes a whitespace-only run indentation.
    fn end_run(&mut self, next_to_child: bool) {
        if self.run_is_whitespace && next_to_child && self.text.len() > self.run_start {
            match &mut self.text {
                Cow::Borrowed(s) => *s = &s[..self.run_start],
                Cow::Owned(s) => s.truncate(self.run_start),
            }
        }
        self.run_start = self.text.len();
        self.run_is_whitespace = true;
    }
}

/// The state of one [`parse`]: the reader, the document so far, the open
/// elements, and the paths seen so far.
struct TreeBuilder<'a> {
    input: &'a str,
    reader: Reader<&'a [u8]>,
    stack: Vec<Open<'a>>,
    /// Every element opened so far, in document order.
    nodes: Vec<Node<'a>>,
    attributes: Vec<(&'a str, Cow<'a, str>)>,
    root_closed: bool,
    /// Every distinct path, by id; `path_ids` finds the id of a child's path
    /// from its parent's id ([`NO_PATH`] for the root) and its local name.
    paths: Vec<ElementPath<'a>>,
    path_ids: HashMap<(u32, &'a str), u32>,
    /// By path id: the path of the child that came first under an element
    /// there last time, and of the sibling that came next after an element
    /// there. The items of a list are laid out alike, so these guesses are
    /// nearly always right, and spare the lookup in `path_ids`.
    first_child_hint: Vec<u32>,
    next_sibling_hint: Vec<u32>,
}

impl<'a> TreeBuilder<'a> {
    fn new(input: &'a str) -> Self {
        // The defaults already check that end tags match; say so anyway, as
        // the tree depends on it.
        let mut reader = Reader::from_str(input);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.allow_unmatched_ends = false;
        config.allow_dangling_amp = false;
        config.expand_empty_elements = false;
        config.trim_text(false);
        TreeBuilder {
            input,
            reader,
            stack: Vec::with_capacity(16),
            // AWS's responses run to about 32 bytes an element (EC2's
            // `DescribeInstances`: 1.4 MB, 46,000 elements): room for twice
            // that spares copying the nodes as they grow, and what is not
            // filled is only address space in an allocation that large.
            nodes: Vec::with_capacity(input.len() / 16),
            attributes: Vec::new(),
            root_closed: false,
            paths: Vec::new(),
            path_ids: HashMap::new(),
            first_child_hint: Vec::new(),
            next_sibling_hint: Vec::new(),
        }
    }

    fn run(mut self) -> Result<XmlDocument<'a>, XmlError> {
        loop {
            let at = self.reader.buffer_position();
            let event = match self.reader.read_event() {
                Ok(event) => event,
                Err(e) => return Err(self.quick_error(&e)),
            };
            match event {
                Event::Start(start) => self.open(&start, at)?,
                Event::Empty(start) => {
                    self.open(&start, at)?;
                    self.close(at)?;
                }
                // The reader has checked that the end tag matches the
                // innermost open element.
                Event::End(_) => self.close(at)?,
                Event::Text(text) => {
                    let text = text
                        .xml10_content()
                        .map_err(|e| self.error(format!("invalid text: {e}"), Some(at)))?;
                    self.push_text(text, at)?;
                }
                Event::CData(cdata) => {
                    let text = cdata
                        .xml10_content()
                        .map_err(|e| self.error(format!("invalid CDATA: {e}"), Some(at)))?;
                    self.push_text(text, at)?;
                }
                Event::GeneralRef(reference) => {
                    let text = self.resolve(&reference, at)?;
                    self.push_text(text, at)?;
                }
                Event::DocType(_) => {
                    return Err(self.error("DOCTYPE not allowed".to_owned(), Some(at)));
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
                Event::Eof => return self.finish(at),
            }
        }
    }

    /// Opens an element from its start tag, which starts at byte `at`.
    fn open(&mut self, start: &BytesStart<'_>, at: u64) -> Result<(), XmlError> {
        if self.root_closed {
            return Err(self.error(
                "a second element after the root element".to_owned(),
                Some(at),
            ));
        }
        if self.stack.len() >= MAX_DEPTH {
            let message = format!("elements nested deeper than {MAX_DEPTH}");
            return Err(self.error(message, Some(at)));
        }
        let content = self.slice(start, at)?;
        let qname_len = start.name().as_ref().len();
        let name = local_name(content.get(..qname_len).unwrap_or(content));

        let first_attribute = self.index(self.attributes.len(), "attributes", at)?;
        // Most tags are a bare name: nothing to look through.
        if content.len() > qname_len {
            for attribute in Attributes::new(content, qname_len) {
                let attribute = attribute.map_err(|e| self.syntax_error(name, content, &e))?;
                let key = self.sub_str(content, attribute.key.into_inner(), at)?;
                let value = attribute
                    .normalized_value_with(XmlVersion::Implicit1_0, 1, resolve_xml_entity)
                    .map_err(|e| self.attribute_error(key, &e, at))?;
                self.attributes.push((key, value));
            }
        }
        let attribute_count =
            self.index(self.attributes.len(), "attributes", at)? - first_attribute;
        let node = self.index(self.nodes.len(), "elements", at)?;

        let path = match self.stack.last_mut() {
            Some(parent) => {
                parent.end_run(true);
                let (parent_node, parent_path, previous) =
                    (parent.node, parent.path, parent.last_child_path);
                let path = self.child_path_id(parent_path, previous, name);
                if let Some(parent) = self.stack.last_mut() {
                    parent.last_child_path = path;
                }
                self.nodes[parent_node as usize].children += 1;
                path
            }
            None => self.path_id(NO_PATH, name),
        };
        self.nodes.push(Node {
            name,
            text: Cow::Borrowed(""),
            first_attribute,
            attribute_count,
            children: 0,
            end: node + 1,
            path,
        });
        self.stack.push(Open {
            node,
            text: Cow::Borrowed(""),
            path,
            last_child_path: NO_PATH,
            run_start: 0,
            run_is_whitespace: true,
        });
        Ok(())
    }

    /// Closes the innermost open element at its end tag, which starts at `at`.
    fn close(&mut self, at: u64) -> Result<(), XmlError> {
        let Some(mut open) = self.stack.pop() else {
            return Err(self.error("end tag without a start tag".to_owned(), Some(at)));
        };
        // Fewer nodes than `u32::MAX`: `open` counted them.
        let end = self.nodes.len() as u32;
        let node = &mut self.nodes[open.node as usize];
        open.end_run(node.children > 0);
        node.text = open.text;
        node.end = end;
        self.root_closed = self.stack.is_empty();
        Ok(())
    }

    /// `len` as an index of the document's `what` (elements, attributes),
    /// which a body of more than 4 GiB could overflow.
    fn index(&self, len: usize, what: &str, at: u64) -> Result<u32, XmlError> {
        u32::try_from(len)
            .ok()
            .filter(|&len| len < u32::MAX)
            .ok_or_else(|| self.error(format!("too many {what}"), Some(at)))
    }

    /// Adds character data that starts at `at` to the innermost open element;
    /// outside the root only whitespace may stand.
    fn push_text(&mut self, text: Cow<'a, str>, at: u64) -> Result<(), XmlError> {
        match self.stack.last_mut() {
            Some(open) => {
                open.push_text(text);
                Ok(())
            }
            None if is_whitespace(&text) => Ok(()),
            None => {
                let message = if self.root_closed {
                    "text after the root element"
                } else {
                    "text before the root element"
                };
                Err(self.error(message.to_owned(), Some(at)))
            }
        }
    }

    /// The text of a reference (`&amp;`, `&#10;`, `&#x1F600;`) at `at`.
    fn resolve(&self, reference: &BytesRef<'_>, at: u64) -> Result<Cow<'a, str>, XmlError> {
        if reference.is_char_ref() {
            return match reference.resolve_char_ref() {
                Ok(Some(c)) => Ok(Cow::Owned(c.to_string())),
                Ok(None) | Err(_) => {
                    let name = String::from_utf8_lossy(reference);
                    let message = format!("invalid character reference &{name};");
                    Err(self.error(message, Some(at)))
                }
            };
        }
        let name = std::str::from_utf8(reference).unwrap_or_default();
        match resolve_xml_entity(name) {
            Some(text) => Ok(Cow::Borrowed(text)),
            None => {
                let name = String::from_utf8_lossy(reference);
                Err(self.error(format!("unknown entity &{name};"), Some(at)))
            }
        }
    }

    fn finish(self, at: u64) -> Result<XmlDocument<'a>, XmlError> {
        if let Some(open) = self.stack.last() {
            let name = self.nodes[open.node as usize].name;
            return Err(self.error(format!("unclosed element <{name}>"), Some(at)));
        }
        if self.root_closed {
            return Ok(XmlDocument {
                nodes: self.nodes,
                attributes: self.attributes,
                paths: self.paths,
            });
        }
        if is_whitespace(self.input) {
            Err(self.error("empty body".to_owned(), None))
        } else {
            Err(self.error("no root element".to_owned(), Some(at)))
        }
    }

    /// The id of the path of an element named `name` under the element
    /// whose path has id `parent`, after a sibling whose path has id
    /// `previous` ([`NO_PATH`] for the first child): the hint when it names
    /// the same path, else found, and the hint set for next time.
    fn child_path_id(&mut self, parent: u32, previous: u32, name: &'a str) -> u32 {
        let hint = if previous == NO_PATH {
            self.first_child_hint[parent as usize]
        } else {
            self.next_sibling_hint[previous as usize]
        };
        if hint != NO_PATH && self.paths[hint as usize].name == name {
            return hint;
        }
        let id = self.path_id(parent, name);
        if previous == NO_PATH {
            self.first_child_hint[parent as usize] = id;
        } else {
            self.next_sibling_hint[previous as usize] = id;
        }
        id
    }

    /// The id of the path of an element named `name` under the element whose
    /// path has id `parent` ([`NO_PATH`] for the root). There are no more
    /// paths than elements, which `open` keeps below `u32::MAX`.
    fn path_id(&mut self, parent: u32, name: &'a str) -> u32 {
        if let Some(&id) = self.path_ids.get(&(parent, name)) {
            return id;
        }
        let id = self.paths.len() as u32;
        self.paths.push(ElementPath {
            parent,
            name,
            joined: std::sync::OnceLock::new(),
        });
        self.first_child_hint.push(NO_PATH);
        self.next_sibling_hint.push(NO_PATH);
        self.path_ids.insert((parent, name), id);
        id
    }

    /// The text of a tag (between `<` and `>`) as a slice of the input.
    fn slice(&self, tag: &[u8], at: u64) -> Result<&'a str, XmlError> {
        self.sub_str(self.input, tag, at)
    }

    /// `part`, which the reader cut from `whole`, as a `&str` borrowed from
    /// `whole` (so names live as long as the body, not the event).
    fn sub_str(&self, whole: &'a str, part: &[u8], at: u64) -> Result<&'a str, XmlError> {
        // Only the addresses are compared: `part` lies inside `whole` exactly
        // when its start is within `whole` (two live allocations never
        // overlap), and `get` checks the bounds and character boundaries.
        let start = (part.as_ptr() as usize).wrapping_sub(whole.as_ptr() as usize);
        start
            .checked_add(part.len())
            .and_then(|end| whole.get(start..end))
            .ok_or_else(|| {
                self.error(
                    "internal error: event not borrowed from the body".to_owned(),
                    Some(at),
                )
            })
    }

    /// An error at byte `offset`, inside the innermost open element.
    fn error(&self, message: String, offset: Option<u64>) -> XmlError {
        XmlError {
            message,
            offset,
            path: self
                .stack
                .last()
                .map(|open| joined_path(&self.paths, open.path).to_owned()),
        }
    }

    /// Why the attributes in the tag of element `name`, whose text (between
    /// `<` and `>`) is `content`, cannot be read.
    fn syntax_error(&self, name: &str, content: &'a str, error: &AttrError) -> XmlError {
        let (message, position) = match *error {
            AttrError::ExpectedEq(at) => ("an attribute name not followed by `=`", at),
            AttrError::ExpectedValue(at) => ("`=` not followed by an attribute value", at),
            AttrError::UnquotedValue(at) => ("an attribute value not in quotes", at),
            AttrError::ExpectedQuote(at, _) => ("an attribute value not closed", at),
            AttrError::Duplicated(at, _) => ("an attribute given twice", at),
        };
        let start = (content.as_ptr() as usize).wrapping_sub(self.input.as_ptr() as usize);
        let offset = start.saturating_add(position) as u64;
        self.error(format!("{message} in <{name}>"), Some(offset))
    }

    /// Why the value of attribute `key`, in the tag at `at`, cannot be read.
    fn attribute_error(&self, key: &str, error: &QuickError, at: u64) -> XmlError {
        let message = match error {
            QuickError::Escape(EscapeError::UnrecognizedEntity(_, name)) => {
                format!("unknown entity &{name}; in attribute {key}")
            }
            QuickError::Escape(EscapeError::UnterminatedEntity(_)) => {
                format!("`&` not followed by a reference ending in `;` in attribute {key}")
            }
            QuickError::Escape(EscapeError::InvalidCharRef(e)) => {
                format!("invalid character reference in attribute {key}: {e}")
            }
            other => format!("invalid value of attribute {key}: {other}"),
        };
        self.error(message, Some(at))
    }

    /// A reader's error, in this module's words where they are clearer.
    fn quick_error(&self, error: &QuickError) -> XmlError {
        let message = match error {
            QuickError::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => {
                format!("mismatched end tag: expected </{expected}>, found </{found}>")
            }
            QuickError::IllFormed(IllFormedError::UnmatchedEndTag(found)) => {
                format!("end tag </{found}> without a start tag")
            }
            QuickError::IllFormed(IllFormedError::MissingEndTag(name)) => {
                format!("unclosed element <{}>", local_name(name))
            }
            QuickError::IllFormed(IllFormedError::UnclosedReference) => {
                "`&` not followed by a reference ending in `;`".to_owned()
            }
            other => other.to_string(),
        };
        self.error(message, Some(self.reader.error_position()))
    }
}

/// `Foo` for `a:Foo` and `Foo`.
fn local_name(qualified: &str) -> &str {
    qualified
        .split_once(':')
        .map_or(qualified, |(_, local)| local)
}

/// Whether `text` is nothing but XML whitespace (space, tab, CR, LF).
fn is_whitespace(text: &str) -> bool {
    text.bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

/// Parses a response body, naming what was being read in the error.
#[doc(hidden)]
pub fn parse_body<'a>(
    body: &'a [u8],
    context: &'static str,
) -> Result<XmlDocument<'a>, crate::protocol::ResponseError> {
    parse(body)
        .map_err(|error| crate::protocol::ResponseError::invalid_body(context, error.to_string()))
}

/// The element holding an error response's members: `Error` under the root
/// (`<ErrorResponse><Error>`), EC2's `<Response><Errors><Error>`, else the
/// root itself (restXml's bare `<Error>`).
#[doc(hidden)]
pub fn error_element(root: XmlElement<'_>) -> XmlElement<'_> {
    root.child("Error")
        .or_else(|| {
            root.child("Errors")
                .and_then(|errors| errors.child("Error"))
        })
        .unwrap_or(root)
}

/// Which element of a response body holds a structure's members.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MembersAt {
    /// The root element.
    Root,
    /// The error element of an error response ([`error_element`]).
    Error,
    /// The root's child of this name, an awsQuery result wrapper
    /// (`<OperationResult>`); a body without it reads as empty.
    Child(&'static str),
    /// The root's child named after this operation, `<OperationResult>`,
    /// the result wrapper every awsQuery model gives its outputs; a body
    /// without it reads as empty.
    ResultOf(&'static str),
}

/// A structure or union read from XML: what an operation's output or an
/// exception reaches.
#[doc(hidden)]
pub trait FromXml: Sized {
    /// Reads the value from the children (and attributes) of `element`.
    fn from_xml(element: XmlElement<'_>) -> Result<Self, crate::protocol::ResponseError>;
}

/// An operation's output as the query protocols send it: the members of one
/// element of the body.
#[doc(hidden)]
pub trait QueryOutput: Sized {
    /// Reads the output from the element of `body` that `at` names, naming
    /// `context` in the error for a body that is not XML.
    fn from_body(
        body: &[u8],
        context: &'static str,
        at: MembersAt,
    ) -> Result<Self, crate::protocol::ResponseError>;
}

impl<T: FromXml + Default> QueryOutput for T {
    fn from_body(
        body: &[u8],
        context: &'static str,
        at: MembersAt,
    ) -> Result<Self, crate::protocol::ResponseError> {
        read_body(body, context, at, T::from_xml)
    }
}

/// An operation without output reads nothing, whatever the body.
impl QueryOutput for () {
    fn from_body(
        _: &[u8],
        _: &'static str,
        _: MembersAt,
    ) -> Result<Self, crate::protocol::ResponseError> {
        Ok(())
    }
}

/// Reads a query operation's response ([`parse_response`](crate::protocol::parse_response)):
/// its output from the element `at` names, `operation` naming what was read
/// in the error for a body that is not XML.
#[doc(hidden)]
pub fn parse_response<Output: QueryOutput, Error: crate::protocol::FromErrorResponse>(
    response: &::http::Response<::bytes::Bytes>,
    operation: &'static str,
    at: MembersAt,
) -> Result<Output, Error> {
    crate::protocol::parse_response_with(response, |response| {
        Output::from_body(response.body(), operation, at)
    })
}

/// Reads the members of a `T` from a response body with `read`, from the
/// element `at` names; an empty body reads as `T::default()`. `context`
/// names what was being read in the error for a body that is not XML.
#[doc(hidden)]
pub fn read_body<T: Default>(
    body: &[u8],
    context: &'static str,
    at: MembersAt,
    read: fn(XmlElement<'_>) -> Result<T, crate::protocol::ResponseError>,
) -> Result<T, crate::protocol::ResponseError> {
    if body.is_empty() {
        return Ok(T::default());
    }
    let document = parse_body(body, context)?;
    let root = document.root();
    match at {
        MembersAt::Root => read(root),
        MembersAt::Error => read(error_element(root)),
        MembersAt::Child(name) => match root.child(name) {
            Some(element) => read(element),
            None => Ok(T::default()),
        },
        MembersAt::ResultOf(operation) => {
            let wrapper = root
                .children()
                .find(|child| child.name().strip_suffix("Result") == Some(operation));
            match wrapper {
                Some(element) => read(element),
                None => Ok(T::default()),
            }
        }
    }
}

/// Reads every child of `element` as an item with `read`, as botocore reads
/// a wrapped list: whatever the children's names.
#[doc(hidden)]
pub fn list<T>(
    element: XmlElement<'_>,
    read: impl Fn(XmlElement<'_>) -> Result<T, crate::protocol::ResponseError>,
) -> Result<Vec<T>, crate::protocol::ResponseError> {
    let mut items = Vec::with_capacity(element.children().len());
    for item in element.children() {
        items.push(read(item)?);
    }
    Ok(items)
}

/// Reads `element` as a `T` into a structure member's `slot`: generated
/// `from_xml` methods read structure members this way, which costs rustc less
/// to check than the expression written out in every arm.
#[doc(hidden)]
pub fn read_into<T: FromXml>(
    element: XmlElement<'_>,
    slot: &mut Option<T>,
) -> Result<(), crate::protocol::ResponseError> {
    *slot = Some(T::from_xml(element)?);
    Ok(())
}

/// Reads every child of `element` as a `T` into a list member's `slot`, as
/// [`list`] reads; [`read_into`] for lists of structures.
#[doc(hidden)]
pub fn read_list_into<T: FromXml>(
    element: XmlElement<'_>,
    slot: &mut Option<Vec<T>>,
) -> Result<(), crate::protocol::ResponseError> {
    *slot = Some(list(element, T::from_xml)?);
    Ok(())
}

/// The text of every child of `element` as an item: a list of strings or of
/// a string enum, read as [`list`] reads.
#[doc(hidden)]
pub fn text_list<T: for<'t> From<&'t str>>(element: XmlElement<'_>) -> Vec<T> {
    element
        .children()
        .map(|item| T::from(item.text()))
        .collect()
}

/// The `Code` of an XML error body, when it has a non-empty one.
#[doc(hidden)]
pub fn error_code(body: &[u8]) -> Option<::std::string::String> {
    let document = parse(body).ok()?;
    let code = error_element(document.root()).child("Code")?.text();
    (!code.is_empty()).then(|| code.to_owned())
}

/// The error code of a restXml error response: the body's `Code`, or, when
/// the body is empty or not XML, the HTTP status code (`"404"`), as
/// botocore's `RestXMLParser` reads it (S3 answers `HEAD` requests, and
/// some failures, without a body).
#[doc(hidden)]
pub fn rest_error_code(
    response: &::http::Response<::bytes::Bytes>,
) -> Option<::std::string::String> {
    match parse(response.body()) {
        Ok(document) => {
            let code = error_element(document.root()).child("Code")?.text();
            (!code.is_empty()).then(|| code.to_owned())
        }
        Err(_) => Some(response.status().as_u16().to_string()),
    }
}

/// The `Message` and the request id (`RequestId`, EC2's `RequestID`, beside
/// the error or inside it) of an XML error body.
pub(crate) fn error_details(
    body: &[u8],
) -> (Option<::std::string::String>, Option<::std::string::String>) {
    let Ok(document) = parse(body) else {
        return (None, None);
    };
    let root = document.root();
    let error = error_element(root);
    let text = |element: Option<XmlElement<'_>>| {
        element
            .map(|element| element.text())
            .filter(|text| !text.is_empty())
            .map(str::to_owned)
    };
    let message = text(error.child("Message"));
    let request_id = ["RequestId", "RequestID"]
        .iter()
        .find_map(|name| text(root.child(name)).or_else(|| text(error.child(name))));
    (message, request_id)
}

/// An element a map entry may not hold.
#[doc(hidden)]
pub fn unexpected(
    element: XmlElement<'_>,
    context: &'static str,
) -> crate::protocol::ResponseError {
    crate::protocol::ResponseError::invalid_body(
        context,
        format!("unexpected element {}", element.path()),
    )
}

fn invalid(
    at: XmlElement<'_>,
    context: &'static str,
    text: &str,
    what: &str,
    error: impl ::std::fmt::Display,
) -> crate::protocol::ResponseError {
    crate::protocol::ResponseError::invalid_body(
        context,
        format!("{}: {text:?} is not {what}: {error}", at.path()),
    )
}

/// An integer read from `text` at `at`.
#[doc(hidden)]
pub fn number<T: ::std::str::FromStr>(
    text: &str,
    at: XmlElement<'_>,
    context: &'static str,
) -> Result<T, crate::protocol::ResponseError>
where
    T::Err: ::std::fmt::Display,
{
    text.trim()
        .parse()
        .map_err(|error| invalid(at, context, text, "a number", error))
}

/// A float read from `text` at `at`: a decimal, `NaN`, `Infinity` or `-Infinity`.
#[doc(hidden)]
pub fn float(
    text: &str,
    at: XmlElement<'_>,
    context: &'static str,
) -> Result<f64, crate::protocol::ResponseError> {
    match text.trim() {
        "NaN" => Ok(f64::NAN),
        "Infinity" => Ok(f64::INFINITY),
        "-Infinity" => Ok(f64::NEG_INFINITY),
        other => other
            .parse()
            .map_err(|error| invalid(at, context, text, "a number", error)),
    }
}

/// A timestamp read from `text` at `at`, in any form botocore's parser
/// accepts from AWS: ISO 8601 (RFC 3339, a missing offset read as UTC),
/// seconds since the epoch, or an HTTP date.
#[doc(hidden)]
pub fn timestamp(
    text: &str,
    at: XmlElement<'_>,
    context: &'static str,
) -> Result<::time::OffsetDateTime, crate::protocol::ResponseError> {
    use ::time::format_description::well_known::Rfc3339;
    let trimmed = text.trim();
    if let Ok(value) = ::time::OffsetDateTime::parse(trimmed, &Rfc3339) {
        return Ok(value);
    }
    if let Ok(value) = ::time::OffsetDateTime::parse(&format!("{trimmed}Z"), &Rfc3339) {
        return Ok(value);
    }
    if let Ok(seconds) = trimmed.parse::<f64>() {
        if seconds.is_finite() {
            let micros = (seconds * 1_000_000.0).round() as i128;
            return ::time::OffsetDateTime::from_unix_timestamp_nanos(micros * 1_000)
                .map_err(|error| invalid(at, context, text, "a timestamp", error));
        }
    }
    ::httpdate::parse_http_date(trimmed)
        .map(::time::OffsetDateTime::from)
        .map_err(|error| invalid(at, context, text, "a timestamp", error))
}

/// Binary data read from the base64 `text` at `at` (whitespace ignored).
#[doc(hidden)]
pub fn blob(
    text: &str,
    at: XmlElement<'_>,
    context: &'static str,
) -> Result<crate::primitives::Blob, crate::protocol::ResponseError> {
    use ::base64::Engine as _;
    let compact: ::std::string::String = text.chars().filter(|c| !c.is_whitespace()).collect();
    ::base64::engine::general_purpose::STANDARD
        .decode(compact)
        .map(crate::primitives::Blob::new)
        .map_err(|error| invalid(at, context, text, "base64", error))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parsed(xml: &str) -> XmlDocument<'_> {
        match parse(xml.as_bytes()) {
            Ok(root) => root,
            Err(e) => panic!("{xml:?} did not parse: {e}"),
        }
    }

    fn error(xml: &[u8]) -> String {
        match parse(xml) {
            Ok(root) => panic!("{xml:?} parsed as {root:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn names_text_and_paths() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment -->
<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
    <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
    <reservationSet>
        <item><reservationId>r-1</reservationId></item>
        <item><reservationId>r-2</reservationId></item>
    </reservationSet>
</DescribeInstancesResponse>
<?pi after the root?>
"#;
        let document = parsed(xml);
        let root = document.root();
        assert_eq!(root.name(), "DescribeInstancesResponse");
        assert_eq!(root.text(), "");
        assert_eq!(root.path(), "DescribeInstancesResponse");
        assert_eq!(
            root.attribute("xmlns"),
            Some("http://ec2.amazonaws.com/doc/2016-11-15/")
        );
        let names: Vec<_> = root.children().map(|e| e.name()).collect();
        assert_eq!(names, ["requestId", "reservationSet"]);
        assert_eq!(
            root.child("requestId").map(|e| e.text()),
            Some("59dbff89-35bd-4eac-99ed-be587EXAMPLE")
        );
        let set = root.child("reservationSet").unwrap();
        assert_eq!(set.text(), "");
        let ids: Vec<_> = set
            .children_named("item")
            .map(|item| item.child("reservationId").unwrap().text())
            .collect();
        assert_eq!(ids, ["r-1", "r-2"]);
        let id = set.child("item").unwrap().child("reservationId").unwrap();
        assert_eq!(
            id.path(),
            "DescribeInstancesResponse/reservationSet/item/reservationId"
        );
        assert!(root.child("missing").is_none());
        assert_eq!(root.children_named("missing").count(), 0);
    }

    #[test]
    fn prefixed_names_are_local() {
        let document = parsed(
            r#"<s:Envelope xmlns:s="urn:s" xmlns:x="urn:x"><x:Body x:id="7">t</x:Body></s:Envelope>"#,
        );
        let root = document.root();
        assert_eq!(root.name(), "Envelope");
        assert_eq!(root.attribute("xmlns:s"), Some("urn:s"));
        let body = root.child("Body").unwrap();
        assert_eq!(body.path(), "Envelope/Body");
        assert_eq!(body.attribute("x:id"), Some("7"));
        assert_eq!(body.attribute("id"), None);
        assert!(root.child("x:Body").is_none());
    }

    #[test]
    fn attributes_are_unescaped_and_normalised() {
        let document = parsed(
            "<a id='1' v=\"&lt;&amp;&gt;&quot;&apos;&#65;&#x1F600;\" s='x\ty\r\nz' r='&#10;' xsi:type=\"T\"/>",
        );
        let root = document.root();
        assert_eq!(root.attribute("id"), Some("1"));
        assert_eq!(root.attribute("v"), Some("<&>\"'A\u{1F600}"));
        assert_eq!(root.attribute("s"), Some("x y z"));
        assert_eq!(root.attribute("r"), Some("\n"));
        assert_eq!(root.attribute("xsi:type"), Some("T"));
        assert_eq!(root.attribute("missing"), None);
        assert_eq!(root.text(), "");
    }

    #[test]
    fn attribute_errors() {
        assert_eq!(
            error(b"<a><b v='&bogus;'/></a>"),
            "unknown entity &bogus; in attribute v (at byte 3, in a)"
        );
        assert_eq!(
            error(b"<a v='x & y'/>"),
            "`&` not followed by a reference ending in `;` in attribute v (at byte 0)"
        );
        assert_eq!(
            error(b"<a v='&#0;'/>"),
            "invalid character reference in attribute v: \
             0x0 character is not permitted in XML (at byte 0)"
        );
        let cases: &[(&[u8], &str)] = &[
            (
                b"<a><b v=x/></a>",
                "an attribute value not in quotes in <b> (at byte 8, in a)",
            ),
            (
                b"<a v='1' w v='2'/>",
                "an attribute name not followed by `=` in <a> (at byte 11)",
            ),
            (
                b"<a v='1' v='2'/>",
                "an attribute given twice in <a> (at byte 9)",
            ),
            (
                b"<a v= />",
                "`=` not followed by an attribute value in <a> (at byte 6)",
            ),
            (
                b"<a v='1/>",
                "syntax error: attribute value not closed: `'` not found before end of input (at byte 0)",
            ),
        ];
        for (xml, expected) in cases {
            assert_eq!(error(xml), *expected, "{}", String::from_utf8_lossy(xml));
        }
    }

    #[test]
    fn text_is_unescaped_and_kept_as_written() {
        assert_eq!(parsed("<a>  x </a>").root().text(), "  x ");
        assert_eq!(parsed("<a> </a>").root().text(), " ");
        assert_eq!(
            parsed("<a>&lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;</a>")
                .root()
                .text(),
            "<b> & \"c\" 'd'"
        );
        assert_eq!(
            parsed("<a>&#10;&#x9;&#65;&#x1F600;</a>").root().text(),
            "\n\tA\u{1F600}"
        );
        assert_eq!(parsed("<a>x\r\ny\rz</a>").root().text(), "x\ny\nz");
        assert_eq!(
            parsed("<a>caf\u{e9} \u{1F600}</a>").root().text(),
            "caf\u{e9} \u{1F600}"
        );
        assert_eq!(parsed("<a>x<!-- c -->y<?p?>z</a>").root().text(), "xyz");
    }

    #[test]
    fn plain_text_is_borrowed() {
        let document = parsed("<a k='v'>plain</a>");
        let root = document.root();
        assert_eq!(root.text(), "plain");
        assert!(matches!(document.nodes[0].text, Cow::Borrowed("plain")));
        assert!(matches!(document.attributes[0].1, Cow::Borrowed("v")));
    }

    #[test]
    fn cdata_mixed_with_text() {
        assert_eq!(
            parsed("<a>x &amp; <![CDATA[<y> &amp; ]]>z</a>")
                .root()
                .text(),
            "x & <y> &amp; z"
        );
        assert_eq!(parsed("<a><![CDATA[]]></a>").root().text(), "");
        assert_eq!(parsed("<a><![CDATA[ ]]></a>").root().text(), " ");
    }

    #[test]
    fn indentation_between_children_is_left_out() {
        let document = parsed("<a>\n  <b> </b>\n  <c/>\n</a>");
        let root = document.root();
        assert_eq!(root.text(), "");
        assert_eq!(root.child("b").unwrap().text(), " ");
        // Text that is not whitespace stays, with its own whitespace.
        assert_eq!(parsed("<a> x <b/> y </a>").root().text(), " x  y ");
        assert_eq!(parsed("<a> <b/>y</a>").root().text(), "y");
    }

    #[test]
    fn empty_elements() {
        for xml in ["<a/>", "<a></a>", "<a />", "<a\n></a >"] {
            let document = parsed(xml);
            let root = document.root();
            assert_eq!(root.name(), "a", "{xml}");
            assert_eq!(root.text(), "", "{xml}");
            assert_eq!(root.children().len(), 0, "{xml}");
        }
    }

    #[test]
    fn nested_and_repeated_children_keep_their_order() {
        let document = parsed(
            "<l><member>1</member><other>x</other><member>2</member><member><member>3</member></member></l>",
        );
        let root = document.root();
        let members: Vec<_> = root.children_named("member").map(|e| e.text()).collect();
        assert_eq!(members, ["1", "2", ""]);
        let all: Vec<_> = root.children().map(|e| e.name()).collect();
        assert_eq!(all, ["member", "other", "member", "member"]);
        assert_eq!(root.child("member").unwrap().text(), "1");
        let inner = root
            .children_named("member")
            .nth(2)
            .unwrap()
            .child("member")
            .unwrap();
        assert_eq!(inner.text(), "3");
        assert_eq!(inner.path(), "l/member/member");
    }

    #[test]
    fn byte_order_mark_is_skipped() {
        assert_eq!(parse(b"\xEF\xBB\xBF<a>x</a>").unwrap().root().text(), "x");
    }

    #[test]
    fn bad_bodies() {
        let cases: &[(&[u8], &str)] = &[
            (b"", "empty body"),
            (b" \r\n\t", "empty body"),
            (
                b"<?xml version=\"1.0\"?><!-- c -->",
                "no root element (at byte 31)",
            ),
            (b"<a>\xFF</a>", "invalid UTF-8 (at byte 3)"),
            (b"<a>caf\xC3</a>", "invalid UTF-8 (at byte 6)"),
            (
                b"<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>",
                "DOCTYPE not allowed (at byte 21)",
            ),
            (b"<a>&nbsp;</a>", "unknown entity &nbsp; (at byte 3, in a)"),
            (
                b"<a>&#0;</a>",
                "invalid character reference &#0; (at byte 3, in a)",
            ),
            (
                b"<a>&#xD800;</a>",
                "invalid character reference &#xD800; (at byte 3, in a)",
            ),
            (
                b"<a>&#12x;</a>",
                "invalid character reference &#12x; (at byte 3, in a)",
            ),
            (
                b"<a>x & y</a>",
                "`&` not followed by a reference ending in `;` (at byte 5, in a)",
            ),
            (
                b"<a><b></c></a>",
                "mismatched end tag: expected </b>, found </c> (at byte 6, in a/b)",
            ),
            (
                b"<a></a></b>",
                "end tag </b> without a start tag (at byte 7)",
            ),
            (b"<a><b>", "unclosed element <b> (at byte 6, in a/b)"),
            (b"<a>x", "unclosed element <a> (at byte 4, in a)"),
            (b"<a></a>x", "text after the root element (at byte 7)"),
            (b"<a></a>&amp;", "text after the root element (at byte 7)"),
            (b"x<a></a>", "text before the root element (at byte 0)"),
            (
                b"<a></a><b></b>",
                "a second element after the root element (at byte 7)",
            ),
            (
                b"<a/>\n<b/>",
                "a second element after the root element (at byte 5)",
            ),
            (
                b"<a",
                "syntax error: tag not closed: `>` not found before end of input (at byte 0)",
            ),
        ];
        for (xml, expected) in cases {
            assert_eq!(error(xml), *expected, "{}", String::from_utf8_lossy(xml));
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = |depth: usize| "<a>".repeat(depth) + &"</a>".repeat(depth);
        let ok = deep(MAX_DEPTH);
        let document = parsed(&ok);
        let root = document.root();
        let mut innermost = root;
        while let Some(child) = innermost.child("a") {
            innermost = child;
        }
        assert_eq!(innermost.path().split('/').count(), MAX_DEPTH);

        let too_deep = deep(MAX_DEPTH + 1);
        let message = error(too_deep.as_bytes());
        let at = 3 * MAX_DEPTH;
        assert!(
            message.starts_with(&format!(
                "elements nested deeper than 256 (at byte {at}, in a/a/"
            )),
            "{message}"
        );
        // Far deeper input fails the same way, without exhausting the stack.
        let hostile = "<a>".repeat(1_000_000);
        assert!(error(hostile.as_bytes()).starts_with("elements nested deeper than 256"));
    }

    #[test]
    fn paths_are_shared_between_repeated_elements() {
        let document = parsed("<r><i><v>1</v></i><i><v>2</v></i></r>");
        let root = document.root();
        let path_of = |element: XmlElement<'_>| document.nodes[element.index()].path;
        let items: Vec<_> = root.children_named("i").collect();
        assert_eq!(path_of(items[0]), path_of(items[1]));
        let values: Vec<_> = items.iter().map(|i| i.child("v").unwrap()).collect();
        assert_eq!(path_of(values[0]), path_of(values[1]));
        assert_eq!(document.paths.len(), 3);
        assert_eq!(values[0].path(), "r/i/v");
    }

    #[test]
    fn trees_can_cross_threads() {
        fn send_and_sync<T: Send + Sync>() {}
        send_and_sync::<XmlDocument<'static>>();
        send_and_sync::<XmlElement<'static>>();
        send_and_sync::<XmlError>();
    }

    #[test]
    fn paths_of_deep_wide_documents_cost_nothing_until_asked_for() {
        // Long names 200 levels down, then many siblings with distinct long
        // names: joined paths for all would take gigabytes.
        let name = "n".repeat(1000);
        let mut xml = format!("<{name}>").repeat(200);
        for i in 0..2000 {
            xml.push_str(&format!("<{name}{i}/>"));
        }
        xml.push_str(&format!("</{name}>").repeat(200));
        let document = parsed(&xml);
        let root = document.root();
        let mut innermost = root;
        while let Some(child) = innermost.child(&name) {
            innermost = child;
        }
        assert_eq!(innermost.children().len(), 2000);
        let last = innermost.children().last().unwrap();
        assert_eq!(last.path().len(), 200 * 1001 + 1004);
        assert!(last.path().ends_with(&format!("{name}/{name}1999")));
    }

    /// The text of the `Id` child: what `read_body` hands to a `from_xml`.
    fn id_of(element: XmlElement<'_>) -> Result<String, crate::protocol::ResponseError> {
        Ok(element
            .child("Id")
            .map(|id| id.text().to_owned())
            .unwrap_or_default())
    }

    #[test]
    fn body_members_are_read_from_the_element_named() {
        let result = b"<OpResponse><OpResult><Id>r</Id></OpResult><Id>root</Id></OpResponse>";
        let read = |body: &[u8], at| read_body(body, "Op", at, id_of).unwrap();
        assert_eq!(read(result, MembersAt::Root), "root");
        assert_eq!(read(result, MembersAt::Child("OpResult")), "r");
        // A body without the wrapper, and an empty body, read as empty.
        assert_eq!(read(result, MembersAt::Child("Other")), "");
        assert_eq!(read(b"", MembersAt::Root), "");
        let error = b"<ErrorResponse><Error><Id>e</Id></Error></ErrorResponse>";
        assert_eq!(read(error, MembersAt::Error), "e");
        let ec2_error = b"<Response><Errors><Error><Id>e2</Id></Error></Errors></Response>";
        assert_eq!(read(ec2_error, MembersAt::Error), "e2");
        let bare_error = b"<Error><Id>s3</Id></Error>";
        assert_eq!(read(bare_error, MembersAt::Error), "s3");
    }

    #[test]
    fn a_body_that_is_not_xml_names_what_was_read() {
        let error = read_body(b"<Op>", "OpOutput", MembersAt::Root, id_of).unwrap_err();
        assert!(error.to_string().contains("OpOutput"), "{error}");
    }

    #[test]
    fn lists_read_every_child_whatever_its_name() {
        let document = parsed("<List><member><Id>a</Id></member><item><Id>b</Id></item></List>");
        let ids = list(document.root(), id_of).unwrap();
        assert_eq!(ids, ["a", "b"]);
        let document = parsed("<List><member>a</member><item>b</item><x/></List>");
        let texts: Vec<String> = text_list(document.root());
        assert_eq!(texts, ["a", "b", ""]);
        let document = parsed("<List/>");
        assert!(list(document.root(), id_of).unwrap().is_empty());
        assert!(text_list::<String>(document.root()).is_empty());
    }

    /// A structure with one member, `Id`, that must not be `bad`.
    #[derive(Debug, PartialEq)]
    struct Item(String);

    impl FromXml for Item {
        fn from_xml(element: XmlElement<'_>) -> Result<Self, crate::protocol::ResponseError> {
            let id = element.child("Id").map_or("", |id| id.text());
            if id == "bad" {
                return Err(crate::protocol::ResponseError::invalid_body(
                    "Item",
                    id.to_owned(),
                ));
            }
            Ok(Item(id.to_owned()))
        }
    }

    #[test]
    fn members_read_into_their_slots() {
        let document = parsed("<Item><Id>a</Id></Item>");
        let mut slot = None;
        read_into::<Item>(document.root(), &mut slot).unwrap();
        assert_eq!(slot, Some(Item("a".to_owned())));
        let document = parsed("<List><member><Id>a</Id></member><item><Id>b</Id></item></List>");
        let mut slot = None;
        read_list_into::<Item>(document.root(), &mut slot).unwrap();
        assert_eq!(slot, Some(vec![Item("a".to_owned()), Item("b".to_owned())]));
        // An empty list is a list, not an absent member.
        read_list_into::<Item>(parsed("<List/>").root(), &mut slot).unwrap();
        assert_eq!(slot, Some(vec![]));
    }

    #[test]
    fn a_member_that_cannot_be_read_leaves_its_slot_and_says_why() {
        let mut slot = Some(Item("kept".to_owned()));
        let error = read_into::<Item>(parsed("<Item><Id>bad</Id></Item>").root(), &mut slot);
        assert!(error.unwrap_err().to_string().contains("Item"));
        assert_eq!(slot, Some(Item("kept".to_owned())));
        let mut list_slot = None;
        let document = parsed("<List><i><Id>a</Id></i><i><Id>bad</Id></i></List>");
        assert!(read_list_into::<Item>(document.root(), &mut list_slot).is_err());
        assert_eq!(list_slot, None);
    }

    #[test]
    fn a_list_stops_at_the_first_item_it_cannot_read() {
        fn fails_on_b(element: XmlElement<'_>) -> Result<String, crate::protocol::ResponseError> {
            match element.text() {
                "b" => Err(crate::protocol::ResponseError::invalid_body(
                    "Item",
                    "b".to_owned(),
                )),
                text => Ok(text.to_owned()),
            }
        }
        let document = parsed("<List><i>a</i><i>b</i><i>c</i></List>");
        let error = list(document.root(), fails_on_b).unwrap_err();
        assert!(error.to_string().contains("Item"), "{error}");
    }

    #[test]
    fn error_display_without_a_place() {
        let e = XmlError {
            message: "m".to_owned(),
            offset: None,
            path: Some("a/b".to_owned()),
        };
        assert_eq!(e.to_string(), "m (in a/b)");
        let e = XmlError { path: None, ..e };
        assert_eq!(e.to_string(), "m");
    }

    /// A generated element: what the parser should read back.
    #[derive(Debug, Clone, PartialEq)]
    struct Node {
        prefix: Option<String>,
        name: String,
        attributes: Vec<(String, String)>,
        text: String,
        /// Written as CDATA where that can hold it.
        cdata: bool,
        children: Vec<Node>,
    }

    fn escape_text(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '\r' => out.push_str("&#13;"),
                c => out.push(c),
            }
        }
        out
    }

    fn escape_attribute(value: &str) -> String {
        let mut out = String::new();
        for c in value.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '"' => out.push_str("&quot;"),
                '\t' => out.push_str("&#9;"),
                '\n' => out.push_str("&#xA;"),
                '\r' => out.push_str("&#13;"),
                c => out.push(c),
            }
        }
        out
    }

    fn write(node: &Node, indent: usize, out: &mut String) {
        let qname = match &node.prefix {
            Some(prefix) => format!("{prefix}:{}", node.name),
            None => node.name.clone(),
        };
        out.push('<');
        out.push_str(&qname);
        for (key, value) in &node.attributes {
            out.push_str(&format!(" {key}=\"{}\"", escape_attribute(value)));
        }
        if node.children.is_empty() && node.text.is_empty() {
            out.push_str("/>");
            return;
        }
        out.push('>');
        if node.cdata && !node.text.contains("]]>") && !node.text.contains('\r') {
            out.push_str(&format!("<![CDATA[{}]]>", node.text));
        } else {
            out.push_str(&escape_text(&node.text));
        }
        for (i, child) in node.children.iter().enumerate() {
            // Whitespace next to text would be part of it.
            if i > 0 || node.text.is_empty() {
                out.push('\n');
                out.push_str(&" ".repeat(indent + 2));
            }
            write(child, indent + 2, out);
        }
        if !node.children.is_empty() {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(&format!("</{qname}>"));
    }

    fn check(node: &Node, element: XmlElement<'_>, path: &str) {
        assert_eq!(element.name(), node.name);
        assert_eq!(element.path(), path);
        assert_eq!(element.text(), node.text);
        for (key, value) in &node.attributes {
            assert_eq!(element.attribute(key), Some(value.as_str()), "{key}");
        }
        assert_eq!(element.attributes().count(), node.attributes.len());
        assert_eq!(element.children().len(), node.children.len());
        for (child, element) in node.children.iter().zip(element.children()) {
            check(child, element, &format!("{path}/{}", child.name));
        }
    }

    fn node() -> impl Strategy<Value = Node> {
        let name = "[A-Za-z_][A-Za-z0-9_.-]{0,6}";
        let prefix = proptest::option::of("[a-z]{1,3}");
        let attributes =
            proptest::collection::btree_map("[a-z]{1,4}(:[a-z]{1,4})?", any::<String>(), 0..3)
                .prop_map(|map| map.into_iter().collect::<Vec<_>>());
        // Text anywhere in a leaf; in an element with children only text that
        // is not all whitespace, as indentation is left out.
        let leaf = (
            prefix.clone(),
            name,
            attributes.clone(),
            any::<String>(),
            any::<bool>(),
        )
            .prop_map(|(prefix, name, attributes, text, cdata)| Node {
                prefix,
                name,
                attributes,
                text,
                cdata,
                children: Vec::new(),
            });
        leaf.prop_recursive(6, 64, 6, move |inner| {
            (
                prefix.clone(),
                name,
                attributes.clone(),
                proptest::option::of("[a-z]{1,5}"),
                proptest::collection::vec(inner, 1..6),
            )
                .prop_map(|(prefix, name, attributes, text, children)| Node {
                    prefix,
                    name,
                    attributes,
                    text: text.unwrap_or_default(),
                    cdata: false,
                    children,
                })
        })
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(body in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = parse(&body);
        }

        #[test]
        fn arbitrary_strings_never_panic(body in any::<String>()) {
            let _ = parse(body.as_bytes());
        }

        #[test]
        fn xml_like_strings_never_panic(
            body in "(<|</|/>|>|a|b:c|=|\"|'|&|;|#|x|1|&amp;|&#x|<!\\[CDATA\\[|\\]\\]>|<!--|-->|<\\?|\\?>|<!DOCTYPE| |\n|\u{e9})*"
        ) {
            let _ = parse(body.as_bytes());
        }

        #[test]
        fn generated_trees_round_trip(root in node()) {
            let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            write(&root, 0, &mut xml);
            xml.push('\n');
            let parsed = match parse(xml.as_bytes()) {
                Ok(parsed) => parsed,
                Err(e) => panic!("{xml}\n{e}"),
            };
            check(&root, parsed.root(), &root.name);
        }
    }
}
