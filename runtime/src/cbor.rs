//! smithy-rpc-v2-cbor bodies, written and read with
//! [ciborium](https://crates.io/crates/ciborium) through the generated
//! types' serde impls.
//!
//! Those impls keep their wire names in CBOR; what differs from JSON is
//! decided in [`crate::primitives`] by the serializer's
//! `is_human_readable()`, which is false for CBOR: blobs are byte strings,
//! timestamps epoch seconds under tag 1, and floats stay floats (`NaN` and
//! the infinities included) rather than JSON's strings for the special
//! values.

use crate::protocol::{RequestError, ResponseError};

/// The CBOR library, for tests that compare bodies as values.
pub use ::ciborium;

/// The content type of CBOR bodies.
pub const CONTENT_TYPE: &str = "application/cbor";

/// The tag of epoch-seconds timestamps (RFC 8949, section 3.4.2).
pub(crate) const EPOCH_SECONDS_TAG: u64 = 1;

/// `value` as a CBOR document.
pub(crate) fn to_vec(value: &impl ::serde::Serialize) -> Result<Vec<u8>, RequestError> {
    let mut bytes = Vec::with_capacity(512);
    ::ciborium::into_writer(value, &mut bytes)
        .map_err(|error| RequestError::Cbor(error.to_string()))?;
    Ok(bytes)
}

/// Reads a CBOR body; an empty body reads as an empty map, what an output
/// without members is sent as.
#[doc(hidden)]
pub fn body<T: ::serde::de::DeserializeOwned>(
    body: &[u8],
    context: &'static str,
) -> Result<T, ResponseError> {
    let body = if body.is_empty() { &[0xa0][..] } else { body };
    ::ciborium::from_reader(body)
        .map_err(|error| ResponseError::invalid_body(context, error.to_string()))
}

/// Reads a CBOR payload; an empty body is an absent payload.
#[doc(hidden)]
pub fn payload<T: ::serde::de::DeserializeOwned>(
    body: &[u8],
    context: &'static str,
) -> Result<Option<T>, ResponseError> {
    if body.is_empty() {
        return Ok(None);
    }
    ::ciborium::from_reader(body)
        .map(Some)
        .map_err(|error| ResponseError::invalid_body(context, error.to_string()))
}

/// The body's top-level map, if it is one.
fn top_level_map(body: &[u8]) -> Option<Vec<(::ciborium::Value, ::ciborium::Value)>> {
    match ::ciborium::from_reader::<::ciborium::Value, _>(body).ok()? {
        ::ciborium::Value::Map(entries) => Some(entries),
        _ => None,
    }
}

/// The text under the first of `keys` in the body's top-level map.
fn text_entry(body: &[u8], keys: &[&str]) -> Option<String> {
    let entries = top_level_map(body)?;
    keys.iter().find_map(|key| {
        entries
            .iter()
            .find_map(|(name, value)| match (name, value) {
                (::ciborium::Value::Text(name), ::ciborium::Value::Text(text)) if name == key => {
                    Some(text.clone())
                }
                _ => None,
            })
    })
}

/// The error code of a CBOR error body: its `__type`, without the
/// namespace (`smithy.example#ThrottlingError` is `ThrottlingError`) or a
/// trailing `:uri`, as botocore's `RpcV2CBORParser` reads it.
#[doc(hidden)]
pub fn error_code(response: &::http::Response<::bytes::Bytes>) -> Option<String> {
    crate::protocol::bare_error_code(&text_entry(response.body(), &["__type"])?)
}

/// The `message` (or `Message`) of a CBOR error body.
pub(crate) fn error_message(body: &[u8]) -> Option<String> {
    text_entry(body, &["message", "Message"])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(body: Vec<u8>) -> ::http::Response<::bytes::Bytes> {
        ::http::Response::builder()
            .status(400)
            .body(::bytes::Bytes::from(body))
            .unwrap()
    }

    #[test]
    fn error_codes_lose_their_namespace() {
        let mut body = Vec::new();
        let map = ::ciborium::Value::Map(vec![
            (
                "__type".into(),
                "smithy.protocoltests.rpcv2Cbor#InvalidGreeting".into(),
            ),
            ("Message".into(), "Hi".into()),
        ]);
        ::ciborium::into_writer(&map, &mut body).unwrap();
        assert_eq!(
            error_code(&response(body.clone())).as_deref(),
            Some("InvalidGreeting")
        );
        assert_eq!(error_message(&body).as_deref(), Some("Hi"));
        assert_eq!(error_code(&response(vec![0xff, 0x00])), None);
    }

    #[test]
    fn blobs_timestamps_and_special_floats_take_their_cbor_forms() {
        use crate::primitives::timestamp::{EpochSeconds, OptionIn, Wire};
        use crate::primitives::{Blob, FloatWire, OptionFloatIn};
        use ::std::marker::PhantomData;

        let blob = to_vec(&Blob::new(vec![0, 1, 2])).unwrap();
        assert_eq!(blob, [0x43, 0, 1, 2], "a byte string, not base64 text");
        assert_eq!(
            body::<Blob>(&blob, "Blob").unwrap(),
            Blob::new(vec![0, 1, 2])
        );

        let whole = ::time::macros::datetime!(2014-04-29 18:30:38 UTC);
        let bytes = to_vec(&Wire::<EpochSeconds>(&whole, PhantomData)).unwrap();
        assert_eq!(bytes[..2], [0xc1, 0x1a], "tag 1, then a 32-bit integer");
        let read: OptionIn<EpochSeconds> = body(&bytes, "Timestamp").unwrap();
        assert_eq!(read.0, Some(whole));

        let fractional = ::time::macros::datetime!(2000-01-02 20:34:56.123 UTC);
        let bytes = to_vec(&Wire::<EpochSeconds>(&fractional, PhantomData)).unwrap();
        assert_eq!(bytes[..2], [0xc1, 0xfb], "tag 1, then a double");
        let read: OptionIn<EpochSeconds> = body(&bytes, "Timestamp").unwrap();
        assert_eq!(read.0, Some(fractional));

        for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let bytes = to_vec(&FloatWire(value)).unwrap();
            assert!(bytes[0] >= 0xf9, "a float, not text: {bytes:?}");
            let read: OptionFloatIn<f64> = body(&bytes, "Double").unwrap();
            let read = read.0.unwrap();
            assert!(read == value || (read.is_nan() && value.is_nan()));
        }
    }

    #[test]
    fn an_empty_body_reads_as_an_empty_map() {
        let read: ::std::collections::BTreeMap<String, String> = body(b"", "Output").unwrap();
        assert!(read.is_empty());
        let error =
            body::<::std::collections::BTreeMap<String, String>>(&[0x61], "Output").unwrap_err();
        assert!(error.to_string().contains("Output"), "{error}");
    }
}
