//! The rules language's functions, as botocore's `RuleSetStandardLibrary`
//! (`botocore/endpoint_provider.py`) computes them. `None` is "no value",
//! which fails a condition.

use std::collections::BTreeMap;

use percent_encoding::utf8_percent_encode;

use super::value::Value;
// `uriEncode` leaves RFC 3986's unreserved bytes alone (botocore's
// `percent_encode`), a normalized URL path also `/`.
use crate::protocol::{UNRESERVED as URI_ENCODE, UNRESERVED_AND_SLASH as PATH_ENCODE};

/// `getAttr(value, path)`: `a.b` follows attributes; `name[2]` (only last)
/// takes an element of a list, `None` past its end.
pub(crate) fn get_attr(value: Option<&Value>, path: &str) -> Option<Value> {
    let mut current = value?.clone();
    for part in path.split('.') {
        if let Some((name, index)) = part
            .strip_suffix(']')
            .and_then(|rest| rest.split_once('['))
            .and_then(|(name, index)| Some((name, index.parse::<usize>().ok()?)))
        {
            let list = if name.is_empty() {
                current
            } else {
                attribute(&current, name)?
            };
            return match list {
                Value::Array(items) => items.into_iter().nth(index),
                _ => None,
            };
        }
        current = attribute(&current, part)?;
    }
    Some(current)
}

fn attribute(value: &Value, name: &str) -> Option<Value> {
    match value {
        Value::Object(attributes) => attributes.get(name).cloned(),
        _ => None,
    }
}

/// `substring(value, start, stop, reverse)`: the ASCII characters from
/// `start` to `stop`, counted from the end when `reverse`; `None` when out of range.
pub(crate) fn substring(value: &str, start: i64, stop: i64, reverse: bool) -> Option<Value> {
    let length = i64::try_from(value.len()).ok()?;
    if start >= stop || length < stop || !value.is_ascii() || start < 0 {
        return None;
    }
    let (from, to) = if reverse {
        (length - stop, length - start)
    } else {
        (start, stop)
    };
    let range = usize::try_from(from).ok()?..usize::try_from(to).ok()?;
    Some(Value::String(value[range].to_owned()))
}

/// `uriEncode(value)`: percent-encodes all but letters, digits and `-._~`.
pub(crate) fn uri_encode(value: &str) -> Value {
    Value::String(utf8_percent_encode(value, URI_ENCODE).to_string())
}

/// `isValidHostLabel(value, allowSubdomains)`: one RFC 1123 label (letters,
/// digits, `-`, not at either end, 1 to 63 characters), or with subdomains,
/// each `.`-separated part one.
pub(crate) fn is_valid_host_label(value: &str, allow_subdomains: bool) -> bool {
    if allow_subdomains {
        value
            .split('.')
            .all(|label| is_valid_host_label(label, false))
    } else {
        (1..=63).contains(&value.len())
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !value.starts_with('-')
            && !value.ends_with('-')
    }
}

/// `aws.isVirtualHostableS3Bucket(value, allowSubdomains)`: a host label
/// (or labels) of at least 3 characters, lowercase, not an IPv4 address.
pub(crate) fn is_virtual_hostable_s3_bucket(value: &str, allow_subdomains: bool) -> bool {
    value.len() >= 3
        && value.to_lowercase() == value
        && !looks_like_ipv4(value)
        && is_valid_host_label(value, allow_subdomains)
}

/// Four `.`-separated runs of one to three digits, as botocore's `IPV4_RE`
/// matches (it checks no ranges).
fn looks_like_ipv4(value: &str) -> bool {
    let parts: Vec<&str> = value.split('.').collect();
    parts.len() == 4
        && parts
            .iter()
            .all(|part| (1..=3).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
}

/// `aws.parseArn(value)`: `arn:partition:service:region:account:resource`,
/// with partition, service and resource present; the resource split on `:` and `/`.
pub(crate) fn parse_arn(value: &str) -> Option<Value> {
    let rest = value.strip_prefix("arn:")?;
    let parts: Vec<&str> = rest.splitn(5, ':').collect();
    let [partition, service, region, account, resource] = parts[..] else {
        return None;
    };
    if partition.is_empty() || service.is_empty() || resource.is_empty() {
        return None;
    }
    let text = |s: &str| Value::String(s.to_owned());
    let resource_id = resource.split([':', '/']).map(text).collect();
    Some(Value::Object(BTreeMap::from([
        ("partition".to_owned(), text(partition)),
        ("service".to_owned(), text(service)),
        ("region".to_owned(), text(region)),
        ("accountId".to_owned(), text(account)),
        ("resourceId".to_owned(), Value::Array(resource_id)),
    ])))
}

/// `parseURL(value)`: an `http` or `https` URL without a query, as scheme,
/// authority, path, normalized path (dot segments and doubled slashes
/// removed, percent-encoded, ending in `/`) and whether the host is an IP address.
pub(crate) fn parse_url(value: &str) -> Option<Value> {
    if value.contains(['\t', '\r', '\n']) {
        return None;
    }
    let (scheme, rest) = value.split_once("://")?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let (before_fragment, _) = rest.split_once('#').unwrap_or((rest, ""));
    if before_fragment.contains('?') {
        return None;
    }
    let (authority, path) = match before_fragment.find('/') {
        Some(slash) => before_fragment.split_at(slash),
        None => (before_fragment, ""),
    };
    let host = host_of(authority)?;
    let mut normalized = utf8_percent_encode(&remove_dot_segments(path), PATH_ENCODE).to_string();
    if !normalized.ends_with('/') {
        normalized.push('/');
    }
    let is_ip = looks_like_ipv4(host)
        || (host.starts_with('[')
            && host.ends_with(']')
            && host[1..host.len() - 1]
                .split('%')
                .next()
                .is_some_and(|address| address.parse::<std::net::Ipv6Addr>().is_ok()));
    let text = |s: &str| Value::String(s.to_owned());
    Some(Value::Object(BTreeMap::from([
        ("scheme".to_owned(), text(scheme)),
        ("authority".to_owned(), text(authority)),
        ("path".to_owned(), text(path)),
        ("normalizedPath".to_owned(), Value::String(normalized)),
        ("isIp".to_owned(), Value::Bool(is_ip)),
    ])))
}

/// The host of an authority (user info and port left out); `None` when the
/// port is not a number, as Python's `urlparse` refuses it.
fn host_of(authority: &str) -> Option<&str> {
    let host_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_, rest)| rest);
    let (host, port) = if host_port.starts_with('[') {
        match host_port.find(']') {
            Some(end) => (&host_port[..=end], host_port[end + 1..].strip_prefix(':')),
            None => return None,
        }
    } else {
        match host_port.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (host_port, None),
        }
    };
    match port {
        Some(port) if !port.is_empty() && port.parse::<u16>().is_err() => None,
        _ => Some(host),
    }
}

/// RFC 3986's "remove dot segments", with empty segments (doubled slashes)
/// dropped too, as botocore's `remove_dot_segments` does; `/` for an empty path.
fn remove_dot_segments(path: &str) -> String {
    if path.is_empty() {
        return "/".to_owned();
    }
    let mut kept: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                kept.pop();
            }
            other => kept.push(other),
        }
    }
    let first = if path.starts_with('/') { "/" } else { "" };
    let last = if path.ends_with('/') && !kept.is_empty() {
        "/"
    } else {
        ""
    };
    format!("{first}{}{last}", kept.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attr(value: &Value, name: &str) -> Value {
        get_attr(Some(value), name).unwrap()
    }

    #[test]
    fn urls_parse_as_botocore_parses_them() {
        let url = parse_url("https://example.com:8443/a/./b//../c").unwrap();
        assert_eq!(attr(&url, "authority"), Value::from("example.com:8443"));
        assert_eq!(attr(&url, "path"), Value::from("/a/./b//../c"));
        assert_eq!(attr(&url, "normalizedPath"), Value::from("/a/c/"));
        assert_eq!(attr(&url, "isIp"), Value::Bool(false));
        let ip = parse_url("http://127.0.0.1").unwrap();
        assert_eq!(attr(&ip, "normalizedPath"), Value::from("/"));
        assert_eq!(attr(&ip, "isIp"), Value::Bool(true));
        assert_eq!(
            attr(&parse_url("https://[::1]:443/").unwrap(), "isIp"),
            Value::Bool(true)
        );
        assert_eq!(parse_url("https://example.com?x=1"), None);
        assert_eq!(parse_url("ftp://example.com"), None);
        assert_eq!(parse_url("https://example.com:port"), None);
        assert_eq!(parse_url("example.com"), None);
    }

    #[test]
    fn arns_and_attributes() {
        let arn = parse_arn("arn:aws:s3:us-west-2:123456789012:accesspoint/my-ap:x").unwrap();
        assert_eq!(attr(&arn, "accountId"), Value::from("123456789012"));
        assert_eq!(attr(&arn, "resourceId[1]"), Value::from("my-ap"));
        assert_eq!(get_attr(Some(&arn), "resourceId[3]"), None);
        assert_eq!(parse_arn("arn:aws:s3:::"), None);
        assert_eq!(parse_arn("arn:aws:s3"), None);
        assert_eq!(parse_arn("urn:aws:s3:::x"), None);
    }

    #[test]
    fn labels_and_buckets() {
        assert!(is_valid_host_label("us-east-1", false));
        assert!(!is_valid_host_label("-us", false));
        assert!(!is_valid_host_label("a.b", false));
        assert!(is_valid_host_label("a.b", true));
        assert!(!is_valid_host_label("a..b", true));
        assert!(!is_valid_host_label(&"a".repeat(64), false));
        assert!(is_virtual_hostable_s3_bucket("my-bucket", false));
        assert!(!is_virtual_hostable_s3_bucket("My-Bucket", false));
        assert!(!is_virtual_hostable_s3_bucket("192.168.5.4", true));
        assert!(!is_virtual_hostable_s3_bucket("ab", false));
    }

    #[test]
    fn substrings_and_encoding() {
        assert_eq!(substring("abcdef", 0, 4, false), Some(Value::from("abcd")));
        assert_eq!(substring("abcdef", 0, 4, true), Some(Value::from("cdef")));
        assert_eq!(substring("abc", 0, 4, false), None);
        assert_eq!(substring("abcdé", 0, 2, false), None);
        assert_eq!(uri_encode("a b/c~d"), Value::from("a%20b%2Fc~d"));
    }

    proptest::proptest! {
        /// Parameters come from users and configuration: no input panics.
        #[test]
        fn any_text_is_safe(text in "\\PC*", start in -3i64..70, stop in -3i64..70, reverse: bool) {
            let _ = parse_url(&text);
            let _ = parse_url(&format!("https://{text}"));
            let _ = parse_arn(&format!("arn:{text}"));
            let _ = substring(&text, start, stop, reverse);
            let _ = is_virtual_hostable_s3_bucket(&text, reverse);
            let _ = get_attr(parse_url(&format!("http://{text}")).as_ref(), &text);
            let _ = uri_encode(&text);
        }
    }
}
