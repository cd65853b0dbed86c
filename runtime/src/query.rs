//! The request bodies of the awsQuery and ec2Query protocols:
//! `application/x-www-form-urlencoded` pairs, `Action` and `Version` first,
//! then the input's members under dotted keys (`Tags.member.1.Key`), as
//! botocore's `QuerySerializer` writes them. The generated code decides the
//! keys; this module only encodes.

use ::percent_encoding::utf8_percent_encode;

use crate::protocol::UNRESERVED;

/// The content type of every query request body.
#[doc(hidden)]
pub const CONTENT_TYPE: &str = "application/x-www-form-urlencoded; charset=utf-8";

/// A query request body being written.
#[derive(Debug)]
#[doc(hidden)]
pub struct FormBody {
    text: ::std::string::String,
}

impl FormBody {
    /// A body naming the operation (its wire name) and the API version.
    pub fn new(action: &str, version: &str) -> FormBody {
        let mut body = FormBody {
            text: ::std::string::String::with_capacity(256),
        };
        body.push("Action", action);
        body.push("Version", version);
        body
    }

    /// Adds `key=value`, both encoded as botocore's body encoder (Python's
    /// `urlencode`, through `quote_plus`) does: percent-encoded outside RFC
    /// 3986's unreserved set, spaces as `+`.
    pub fn push(&mut self, key: &str, value: &str) {
        if !self.text.is_empty() {
            self.text.push('&');
        }
        push_encoded(&mut self.text, key);
        self.text.push('=');
        push_encoded(&mut self.text, value);
    }

    /// The encoded body.
    pub fn finish(self) -> ::std::string::String {
        self.text
    }
}

/// Appends `text` form-encoded: spaces as `+`, everything else outside the
/// unreserved set percent-encoded (a `+` itself as `%2B`).
fn push_encoded(out: &mut ::std::string::String, text: &str) {
    for (index, part) in text.split(' ').enumerate() {
        if index > 0 {
            out.push('+');
        }
        out.extend(utf8_percent_encode(part, UNRESERVED));
    }
}

/// The key of `name` under `prefix`: `prefix.name`, or `name` at the top.
#[doc(hidden)]
pub fn key(prefix: &str, name: &str) -> ::std::string::String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        let mut key = ::std::string::String::with_capacity(prefix.len() + 1 + name.len());
        key.push_str(prefix);
        key.push('.');
        key.push_str(name);
        key
    }
}

/// The key of the `index`th (from 1) entry under `prefix`: `prefix.index`.
#[doc(hidden)]
pub fn indexed(prefix: &str, index: usize) -> ::std::string::String {
    format!("{prefix}.{index}")
}

/// `prefix` with its last segment replaced by `name`, as botocore keys the
/// entries of a flattened list whose member has a name of its own.
#[doc(hidden)]
pub fn rename_last(prefix: &str, name: &str) -> ::std::string::String {
    match prefix.rsplit_once('.') {
        Some((parent, _)) => key(parent, name),
        None => name.to_owned(),
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
    fn action_and_version_come_first_and_everything_is_encoded() {
        let mut body = FormBody::new("SendMessage", "2012-11-05");
        body.push("MessageBody", "a b&c=d/é~*");
        body.push("Attribute.1.Name", "");
        body.push("Sum", " 1+1 = 2 ");
        assert_eq!(
            body.finish(),
            "Action=SendMessage&Version=2012-11-05&MessageBody=a+b%26c%3Dd%2F%C3%A9~%2A\
             &Attribute.1.Name=&Sum=+1%2B1+%3D+2+"
        );
    }

    #[test]
    fn keys_nest_under_their_prefix() {
        assert_eq!(key("", "Name"), "Name");
        assert_eq!(key("Tags.member.1", "Key"), "Tags.member.1.Key");
        assert_eq!(indexed("Tags.member", 2), "Tags.member.2");
        assert_eq!(rename_last("Tags.Tag", "Item"), "Tags.Item");
        assert_eq!(rename_last("Tag", "Item"), "Item");
        assert_eq!(bool_text(true), "true");
        assert_eq!(bool_text(false), "false");
    }
}
