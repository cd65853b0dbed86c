//! A parsed document: every element in one vector, in document order, and
//! [`XmlElement`] handles into it.

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

/// A parsed XML body: what [`parse`](super::parse) returns. Its elements are
/// read through [`root`](XmlDocument::root) and the handles that leads to.
///
/// The elements are laid out flat, in document order, each followed by its
/// descendants, so a tree of a large response is a few allocations however
/// many elements it holds, and dropping it frees those few. `Send` and
/// `Sync`, so a document can be held across an `.await`.
#[derive(Clone)]
pub struct XmlDocument<'a> {
    pub(super) nodes: Vec<Node<'a>>,
    pub(super) attributes: Vec<(&'a str, Cow<'a, str>)>,
    pub(super) paths: Vec<ElementPath<'a>>,
}

/// One element, as the document holds it.
#[derive(Clone)]
pub(super) struct Node<'a> {
    pub(super) name: &'a str,
    pub(super) text: Cow<'a, str>,
    /// The element's attributes: `attributes[first_attribute..][..attribute_count]`
    /// of the document.
    pub(super) first_attribute: u32,
    pub(super) attribute_count: u32,
    /// How many child elements it has; the first is the next node.
    pub(super) children: u32,
    /// The index of the node after its last descendant: its next sibling's,
    /// when it has one.
    pub(super) end: u32,
    /// An index into [`XmlDocument::paths`].
    pub(super) path: u32,
}

/// Where an element is: one per distinct path in a document, shared by all
/// the elements there (the 500 `item`s of a list have one), and joined into
/// text only when asked for. A path string per element would cost an
/// allocation each, and could be made to cost memory quadratic in the body:
/// a few thousand siblings with distinct names under an element 256 levels
/// down, each name and level a kilobyte.
#[derive(Clone)]
pub(super) struct ElementPath<'a> {
    /// The index of the parent's path, or [`NO_PATH`] at the root.
    pub(super) parent: u32,
    pub(super) name: &'a str,
    pub(super) joined: OnceLock<Box<str>>,
}

/// No path: the parent path of the root element, and a hint not yet known.
pub(super) const NO_PATH: u32 = u32::MAX;

/// The path with index `id`, its local names joined by `/`.
pub(super) fn joined_path<'p>(paths: &'p [ElementPath<'_>], id: u32) -> &'p str {
    let Some(path) = paths.get(id as usize) else {
        return "";
    };
    path.joined.get_or_init(|| {
        let mut names = vec![path.name];
        let mut parent = path.parent;
        while let Some(up) = paths.get(parent as usize) {
            names.push(up.name);
            parent = up.parent;
        }
        names.reverse();
        names.join("/").into()
    })
}

impl<'a> XmlDocument<'a> {
    /// The root element.
    pub fn root(&self) -> XmlElement<'_> {
        XmlElement {
            document: self,
            index: 0,
        }
    }
}

impl fmt::Debug for XmlDocument<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.root(), f)
    }
}

/// One element of an [`XmlDocument`]: its local name, its own text, its
/// attributes and its child elements, in document order. A handle, cheap
/// to copy, that borrows the document.
#[derive(Clone, Copy)]
pub struct XmlElement<'d> {
    document: &'d XmlDocument<'d>,
    index: u32,
}

impl<'d> XmlElement<'d> {
    /// The element's index among the document's nodes.
    #[cfg(test)]
    pub(super) fn index(&self) -> usize {
        self.index as usize
    }

    fn node(&self) -> &'d Node<'d> {
        // Handles are only made for nodes the document holds.
        &self.document.nodes[self.index as usize]
    }

    /// The element's local name: `Foo` for both `<Foo>` and `<a:Foo>`.
    pub fn name(&self) -> &'d str {
        self.node().name
    }

    /// The element's own character data (text, CDATA sections, entity and
    /// character references, unescaped) concatenated, without its children's.
    ///
    /// Whitespace is kept as written (`<a>  x </a>` has text `"  x "`), except
    /// that in an element with child elements a whitespace-only run between
    /// two tags is indentation and left out. An empty element (`<a/>`,
    /// `<a></a>`) has text `""`.
    pub fn text(&self) -> &'d str {
        &self.node().text
    }

    /// The child elements, in document order.
    pub fn children(&self) -> Children<'d> {
        Children {
            document: self.document,
            next: self.index + 1,
            remaining: self.node().children,
        }
    }

    /// The first child element whose local name is `name`.
    pub fn child(&self, name: &str) -> Option<XmlElement<'d>> {
        self.children().find(|c| c.name() == name)
    }

    /// The child elements whose local name is `name`, in document order.
    pub fn children_named<'n>(
        &self,
        name: &'n str,
    ) -> impl Iterator<Item = XmlElement<'d>> + use<'d, 'n> {
        self.children().filter(move |c| c.name() == name)
    }

    /// The value of the attribute whose qualified name, as written, is `name`
    /// (`"id"`, `"xsi:type"`), unescaped and normalised as XML requires (a
    /// literal tab or line end reads as a space; `&#10;` stays a line end).
    /// Namespace declarations (`xmlns`, `xmlns:a`) are attributes here too.
    pub fn attribute(&self, name: &str) -> Option<&'d str> {
        self.attributes()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value)
    }

    /// Every attribute as `(qualified name, value)`, in document order,
    /// namespace declarations included.
    pub fn attributes(&self) -> impl Iterator<Item = (&'d str, &'d str)> + use<'d> {
        let node = self.node();
        let first = node.first_attribute as usize;
        let own = self
            .document
            .attributes
            .get(first..first + node.attribute_count as usize)
            .unwrap_or_default();
        own.iter().map(|(key, value)| (*key, &**value))
    }

    /// The local names from the root down to this element, joined by `/`
    /// (`DescribeInstancesResponse/reservationSet/item`), for error messages.
    ///
    /// Joined on the first call for each distinct path, then kept.
    pub fn path(&self) -> &'d str {
        joined_path(&self.document.paths, self.node().path)
    }
}

impl fmt::Debug for XmlElement<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("XmlElement")
            .field("path", &self.path())
            .field("text", &self.text())
            .field("attributes", &self.attributes().collect::<Vec<_>>())
            .field("children", &self.children().collect::<Vec<_>>())
            .finish()
    }
}

/// The child elements of an [`XmlElement`], in document order.
#[derive(Clone)]
pub struct Children<'d> {
    document: &'d XmlDocument<'d>,
    next: u32,
    remaining: u32,
}

impl<'d> Iterator for Children<'d> {
    type Item = XmlElement<'d>;

    fn next(&mut self) -> Option<XmlElement<'d>> {
        if self.remaining == 0 {
            return None;
        }
        let element = XmlElement {
            document: self.document,
            index: self.next,
        };
        self.remaining -= 1;
        self.next = element.node().end;
        Some(element)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining as usize, Some(self.remaining as usize))
    }
}

impl ExactSizeIterator for Children<'_> {}
