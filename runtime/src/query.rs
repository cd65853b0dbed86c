//! The request bodies of the awsQuery and ec2Query protocols:
//! `application/x-www-form-urlencoded` pairs, `Action` and `Version` first,
//! then the input's members under dotted keys (`Tags.member.1.Key`), as
//! botocore's `QuerySerializer` writes them. The generated code decides the
//! keys, a segment at a time; this module keeps the key being built and
//! encodes.

use ::percent_encoding::percent_encode_byte;

use crate::protocol::{is_unreserved, RequestError, RequestParts};

/// The content type of every query request body.
#[doc(hidden)]
pub const CONTENT_TYPE: &str = "application/x-www-form-urlencoded; charset=utf-8";

/// A structure an operation's input reaches, written as form pairs under
/// the key the body is at. A structure without members writes nothing.
#[doc(hidden)]
pub trait WriteQuery {
    /// Writes the members that are set.
    fn write_query(&self, body: &mut FormBody) -> Result<(), RequestError> {
        let _ = body;
        Ok(())
    }
}

/// An operation without input sends only `Action` and `Version`.
impl WriteQuery for () {}

/// A recursive member is boxed; it writes as what it holds.
impl<T: WriteQuery + ?Sized> WriteQuery for Box<T> {
    fn write_query(&self, body: &mut FormBody) -> Result<(), RequestError> {
        (**self).write_query(body)
    }
}

/// The request of a query operation: `POST /` (or the model's method) with
/// `Action`, `Version` and the input's members in a form body.
#[doc(hidden)]
pub fn request(
    method: &'static str,
    action: &str,
    version: &str,
    input: &impl WriteQuery,
) -> Result<::http::Request<::bytes::Bytes>, RequestError> {
    let mut request = RequestParts::new(
        method,
        ::std::string::String::from("/"),
        ::std::string::String::new(),
    );
    let mut body = FormBody::new(action, version);
    input.write_query(&mut body)?;
    request.body(CONTENT_TYPE, body.finish());
    request.finish()
}

/// A query request body being written, with the key of the value being
/// written next.
///
/// The key grows a segment at a time ([`enter`](Self::enter),
/// [`enter_index`](Self::enter_index)) and shrinks back ([`leave`](Self::leave)),
/// so that writing a pair costs no allocation of its own: one buffer holds
/// the key of every pair in turn.
#[derive(Debug)]
#[doc(hidden)]
pub struct FormBody {
    text: ::std::string::String,
    key: ::std::string::String,
}

/// The key as it was before a segment was entered; [`FormBody::leave`] goes
/// back to it.
#[derive(Debug)]
#[must_use = "the key stays in the entered segment until `leave` gets this back"]
#[doc(hidden)]
pub struct KeyMark {
    len: usize,
    /// The last segment [`FormBody::enter_renamed`] replaced, to put back.
    replaced: Option<Box<str>>,
}

impl FormBody {
    /// A body naming the operation (its wire name) and the API version, with
    /// the key at the top (empty).
    pub fn new(action: &str, version: &str) -> FormBody {
        let mut body = FormBody {
            text: ::std::string::String::with_capacity(1024),
            key: ::std::string::String::with_capacity(64),
        };
        body.member("Action", action);
        body.member("Version", version);
        body
    }

    /// Enters the segment `name`: the key becomes `key.name`, or `name` at the top.
    pub fn enter(&mut self, name: &str) -> KeyMark {
        let len = self.key.len();
        if len > 0 {
            self.key.push('.');
        }
        self.key.push_str(name);
        KeyMark {
            len,
            replaced: None,
        }
    }

    /// Enters the `index`th (from 1) entry of a list or map: the key becomes `key.index`.
    pub fn enter_index(&mut self, index: usize) -> KeyMark {
        self.enter(::itoa::Buffer::new().format(index))
    }

    /// Replaces the key's last segment with `name` (`Tags.Tag` becomes
    /// `Tags.Item`), as botocore keys the entries of a flattened list whose
    /// member has a name of its own.
    pub fn enter_renamed(&mut self, name: &str) -> KeyMark {
        let start = self.key.rfind('.').map_or(0, |dot| dot + 1);
        let replaced = self.key[start..].into();
        self.key.truncate(start);
        self.key.push_str(name);
        KeyMark {
            len: start,
            replaced: Some(replaced),
        }
    }

    /// Goes back to the key `mark` was taken from.
    pub fn leave(&mut self, mark: KeyMark) {
        self.key.truncate(mark.len);
        if let Some(replaced) = mark.replaced {
            self.key.push_str(&replaced);
        }
    }

    /// Adds the pair of the current key and `value`.
    pub fn value(&mut self, value: &str) {
        if !self.text.is_empty() {
            self.text.push('&');
        }
        push_encoded(&mut self.text, &self.key);
        self.text.push('=');
        push_encoded(&mut self.text, value);
    }

    /// Adds the pair of the current key's member `name` and `value`.
    pub fn member(&mut self, name: &str, value: &str) {
        let mark = self.enter(name);
        self.value(value);
        self.leave(mark);
    }

    /// Adds the pair of the current key's member `name` and the text of
    /// `value` (a string or a string enum), if it is set.
    ///
    /// One call per optional member, rather than an `if let` around
    /// [`member`](Self::member) in each structure's `write_query`: that is
    /// less for rustc to check in every generated crate.
    pub fn optional_text<T: AsRef<str>>(&mut self, name: &str, value: &Option<T>) {
        if let Some(value) = value {
            self.member(name, value.as_ref());
        }
    }

    /// Adds the pair of the current key's member `name` and `true` or
    /// `false`, if `value` is set.
    pub fn optional_bool(&mut self, name: &str, value: &Option<bool>) {
        if let Some(value) = value {
            self.member(name, bool_text(*value));
        }
    }

    /// Adds the pair of the current key's member `name` and the decimal
    /// text of the integer `value`, if it is set.
    pub fn optional_integer<T: ::std::fmt::Display>(&mut self, name: &str, value: &Option<T>) {
        if let Some(value) = value {
            self.member(name, &value.to_string());
        }
    }

    /// Writes each of `items` with `write` at the next index (1, 2, …) of
    /// the current key: a list of structures.
    pub fn items<T>(
        &mut self,
        items: &[T],
        write: impl Fn(&T, &mut FormBody) -> Result<(), crate::protocol::RequestError>,
    ) -> Result<(), crate::protocol::RequestError> {
        for (index, item) in items.iter().enumerate() {
            let mark = self.enter_index(index + 1);
            write(item, self)?;
            self.leave(mark);
        }
        Ok(())
    }

    /// Adds each of `items` as the value at the next index (1, 2, …) of the
    /// current key: a list of strings or of a string enum.
    pub fn text_items<T: AsRef<str>>(&mut self, items: &[T]) {
        for (index, item) in items.iter().enumerate() {
            let mark = self.enter_index(index + 1);
            self.value(item.as_ref());
            self.leave(mark);
        }
    }

    /// The encoded body.
    pub fn finish(self) -> ::std::string::String {
        self.text
    }
}

/// [`is_unreserved`] of every byte, looked up in [`push_encoded`]'s scan.
const UNRESERVED_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = is_unreserved(byte as u8);
        byte += 1;
    }
    table
};

/// Appends `text` encoded as botocore's body encoder (Python's `urlencode`,
/// through `quote_plus`) does: percent-encoded outside RFC 3986's unreserved
/// set, spaces as `+` (so a `+` itself is `%2B`).
///
/// Runs of unreserved bytes are copied whole: most keys and many values are
/// one such run.
fn push_encoded(out: &mut ::std::string::String, text: &str) {
    let mut run_start = 0;
    for (index, byte) in text.bytes().enumerate() {
        if UNRESERVED_BYTES[usize::from(byte)] {
            continue;
        }
        // A run holds only ASCII bytes, so both its ends are character boundaries.
        if run_start < index {
            out.push_str(&text[run_start..index]);
        }
        if byte == b' ' {
            out.push('+');
        } else {
            out.push_str(percent_encode_byte(byte));
        }
        run_start = index + 1;
    }
    if run_start < text.len() {
        out.push_str(&text[run_start..]);
    }
}

/// The text of a boolean in a query body.
#[doc(hidden)]
pub fn bool_text(value: bool) -> &'static str {
    if value {
        "true"
    } else {
        "false"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_members_are_written_only_when_set() {
        let mut body = FormBody::new("CreateVpc", "2016-11-15");
        body.optional_text("CidrBlock", &Some("10.0.0.0/16".to_string()));
        body.optional_text::<String>("Ipv6Pool", &None);
        body.optional_bool("DryRun", &Some(false));
        body.optional_bool("AmazonProvidedIpv6CidrBlock", &None);
        body.optional_integer("Ipv4NetmaskLength", &Some(-16i32));
        body.optional_integer::<i64>("Ipv6NetmaskLength", &None);
        assert_eq!(
            body.finish(),
            "Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0%2F16&DryRun=false&Ipv4NetmaskLength=-16"
        );
    }

    #[test]
    fn action_and_version_come_first_and_everything_is_encoded() {
        let mut body = FormBody::new("SendMessage", "2012-11-05");
        body.member("MessageBody", "a b&c=d/é~*");
        let attribute = body.enter("Attribute");
        let first = body.enter_index(1);
        body.member("Name", "");
        body.leave(first);
        body.leave(attribute);
        body.member("Sum", " 1+1 = 2 ");
        assert_eq!(
            body.finish(),
            "Action=SendMessage&Version=2012-11-05&MessageBody=a+b%26c%3Dd%2F%C3%A9~%2A\
             &Attribute.1.Name=&Sum=+1%2B1+%3D+2+"
        );
    }

    #[test]
    fn list_items_are_indexed_from_one() {
        struct Tag(&'static str);
        fn write_tag(tag: &Tag, body: &mut FormBody) -> Result<(), crate::protocol::RequestError> {
            body.member("Key", tag.0);
            Ok(())
        }
        let mut body = FormBody::new("Tag", "1");
        let tags = body.enter("Tags");
        body.items(&[Tag("a"), Tag("b")], write_tag).unwrap();
        body.leave(tags);
        let ids = body.enter("Id");
        body.text_items(&["x".to_owned(), "y".to_owned()]);
        body.leave(ids);
        body.text_items::<String>(&[]);
        assert_eq!(
            body.finish(),
            "Action=Tag&Version=1&Tags.1.Key=a&Tags.2.Key=b&Id.1=x&Id.2=y"
        );
    }

    #[test]
    fn a_request_is_a_form_post_to_the_root_with_the_input_after_action_and_version() {
        struct Greeting;
        impl WriteQuery for Greeting {
            fn write_query(&self, body: &mut FormBody) -> Result<(), RequestError> {
                body.member("Name", "a b");
                Ok(())
            }
        }
        let greet = request("POST", "Greet", "2020-01-01", &Greeting).unwrap();
        assert_eq!(greet.method(), "POST");
        assert_eq!(greet.uri(), "/");
        assert_eq!(greet.headers()["content-type"], CONTENT_TYPE);
        assert_eq!(
            greet.body().as_ref(),
            b"Action=Greet&Version=2020-01-01&Name=a+b"
        );
        let without_input = request("POST", "Ping", "1", &()).unwrap();
        assert_eq!(without_input.body().as_ref(), b"Action=Ping&Version=1");
    }

    #[test]
    fn a_failing_input_fails_the_request() {
        struct Unknown;
        impl WriteQuery for Unknown {
            fn write_query(&self, _: &mut FormBody) -> Result<(), RequestError> {
                Err(RequestError::UnknownUnionMember { union: "Choice" })
            }
        }
        let error = request("POST", "Choose", "1", &Unknown).unwrap_err();
        assert!(matches!(
            error,
            RequestError::UnknownUnionMember { union: "Choice" }
        ));
    }

    proptest::proptest! {
        #[test]
        fn encodes_as_the_percent_encoding_crate_with_spaces_as_plus(text in ".*") {
            let mut out = ::std::string::String::new();
            push_encoded(&mut out, &text);
            let expected = ::percent_encoding::utf8_percent_encode(&text, crate::protocol::UNRESERVED)
                .to_string()
                .replace("%20", "+");
            proptest::prop_assert_eq!(out, expected);
        }
    }

    #[test]
    fn keys_grow_a_segment_at_a_time_and_go_back() {
        let mut body = FormBody::new("A", "1");
        let tags = body.enter("Tags");
        let member = body.enter("member");
        for index in [1, 10, 123_456_789] {
            let entry = body.enter_index(index);
            body.member("Key", "k");
            body.leave(entry);
        }
        body.leave(member);
        let renamed = body.enter_renamed("Item");
        let entry = body.enter_index(1);
        body.value("v");
        body.leave(entry);
        body.leave(renamed);
        body.member("After", "x");
        body.leave(tags);
        let top = body.enter_renamed("Top");
        body.value("t");
        body.leave(top);
        body.member("Last", "");
        assert_eq!(
            body.finish(),
            "Action=A&Version=1&Tags.member.1.Key=k&Tags.member.10.Key=k\
             &Tags.member.123456789.Key=k&Item.1=v&Tags.After=x&Top=t&Last="
        );
        assert_eq!(bool_text(true), "true");
        assert_eq!(bool_text(false), "false");
    }
}
