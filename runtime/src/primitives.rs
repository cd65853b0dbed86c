//! Support types shared by every generated type: blobs, timestamps in JSON
//! documents, the catch-all of enums, and builder errors.

use std::fmt;

/// Binary data; base64 text in JSON documents.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Blob(::std::vec::Vec<u8>);

impl Blob {
    /// Wraps bytes.
    pub fn new(bytes: impl Into<::std::vec::Vec<u8>>) -> Self {
        Blob(bytes.into())
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Takes the bytes out.
    pub fn into_inner(self) -> ::std::vec::Vec<u8> {
        self.0
    }
}

impl fmt::Debug for Blob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Blob({} bytes)", self.0.len())
    }
}

impl AsRef<[u8]> for Blob {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl From<::std::vec::Vec<u8>> for Blob {
    fn from(bytes: ::std::vec::Vec<u8>) -> Self {
        Blob(bytes)
    }
}

impl From<&[u8]> for Blob {
    fn from(bytes: &[u8]) -> Self {
        Blob(bytes.to_vec())
    }
}

impl From<&str> for Blob {
    fn from(text: &str) -> Self {
        Blob(text.as_bytes().to_vec())
    }
}

/// Base64 text in JSON; a byte string in binary formats (CBOR), whose
/// serializers are not human-readable.
impl ::serde::Serialize for Blob {
    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use ::base64::Engine as _;
        if serializer.is_human_readable() {
            serializer.serialize_str(&::base64::engine::general_purpose::STANDARD.encode(&self.0))
        } else {
            serializer.serialize_bytes(&self.0)
        }
    }
}

impl<'de> ::serde::Deserialize<'de> for Blob {
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use ::base64::Engine as _;
        if deserializer.is_human_readable() {
            let text =
                <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(deserializer)?;
            ::base64::engine::general_purpose::STANDARD
                .decode(text.as_bytes())
                .map(Blob)
                .map_err(|err| {
                    ::serde::de::Error::custom(format_args!("invalid base64 blob: {err}"))
                })
        } else {
            struct BytesVisitor;
            impl ::serde::de::Visitor<'_> for BytesVisitor {
                type Value = Blob;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a byte string")
                }
                fn visit_bytes<E: ::serde::de::Error>(self, bytes: &[u8]) -> Result<Blob, E> {
                    Ok(Blob(bytes.to_vec()))
                }
                fn visit_byte_buf<E: ::serde::de::Error>(self, bytes: Vec<u8>) -> Result<Blob, E> {
                    Ok(Blob(bytes))
                }
            }
            deserializer.deserialize_byte_buf(BytesVisitor)
        }
    }
}

/// An enum value this version of the crate does not know.
///
/// It is kept and sent back unchanged. Match on the known variants and a
/// wildcard: a newer crate may turn today's unknown value into a variant.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnknownVariantValue(::std::string::String);

impl UnknownVariantValue {
    /// Keeps a value no variant matched; called by generated enums.
    #[doc(hidden)]
    pub fn new(value: impl Into<::std::string::String>) -> Self {
        UnknownVariantValue(value.into())
    }

    /// The value as it appeared on the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnknownVariantValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Writes a known variant of a generated enum as `#[derive(Debug)]` would:
/// its name, found by wire value in `values` and at the same place in `names`.
///
/// Generated enums write `Debug` with this rather than deriving it, because a
/// derived `Debug` is a `match` arm per variant, and rustc checking those arms
/// was the costliest part of EC2's 474 enums (`InstanceType` has about 1,000).
/// A value missing from `values` is written as it is.
#[doc(hidden)]
pub fn fmt_variant_name(
    f: &mut fmt::Formatter<'_>,
    wire_value: &str,
    values: &[&str],
    names: &[&str],
) -> fmt::Result {
    let name = values
        .iter()
        .position(|value| *value == wire_value)
        .and_then(|index| names.get(index));
    f.write_str(name.copied().unwrap_or(wire_value))
}

/// Deserializes a string enum through `From<&str>`, borrowing where the input allows.
///
/// Public only so that a crate without enums does not warn it is unused.
#[doc(hidden)]
pub fn deserialize_str_enum<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: ::serde::Deserializer<'de>,
    T: for<'a> From<&'a str>,
{
    struct StrVisitor<T>(::std::marker::PhantomData<T>);
    impl<T: for<'a> From<&'a str>> ::serde::de::Visitor<'_> for StrVisitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: ::serde::de::Error>(self, value: &str) -> Result<T, E> {
            Ok(T::from(value))
        }
    }
    deserializer.deserialize_str(StrVisitor(::std::marker::PhantomData))
}

/// Writes a structure's members into a serde map, skipping absent ones.
///
/// Generated structs implement it instead of deriving `Serialize`, which
/// lets one function serve both the full serde form and the JSON body form.
#[doc(hidden)]
pub trait SerializeMembers {
    /// Writes the members; with `body_only`, only those that travel in the JSON body.
    fn serialize_members<M: ::serde::ser::SerializeMap>(
        &self,
        map: &mut M,
        body_only: bool,
    ) -> Result<(), M::Error>;
}

/// Serializes a structure as a map of its present members.
#[doc(hidden)]
pub fn serialize_struct<T: SerializeMembers, S: ::serde::Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use ::serde::ser::SerializeMap as _;
    let mut map = serializer.serialize_map(None)?;
    value.serialize_members(&mut map, false)?;
    map.end()
}

/// The JSON body of an operation input: only the members bound to the body.
///
/// Returned by the inputs' `json_body()`; members bound to the URI, query
/// string or headers are left out, as the service expects.
#[derive(Debug, Clone, Copy)]
pub struct JsonBody<'a, T>(&'a T);

impl<'a, T> JsonBody<'a, T> {
    /// Wraps an operation input; called by the generated `json_body()`.
    #[doc(hidden)]
    pub fn new(input: &'a T) -> Self {
        JsonBody(input)
    }
}

impl<T: SerializeMembers> ::serde::Serialize for JsonBody<'_, T> {
    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use ::serde::ser::SerializeMap as _;
        let mut map = serializer.serialize_map(None)?;
        self.0.serialize_members(&mut map, true)?;
        map.end()
    }
}

/// Receives a structure's members one by one while it is deserialized.
///
/// Generated structs implement it instead of deriving `Deserialize`: one
/// `match` per struct compiles much faster than serde's derived visitors.
#[doc(hidden)]
pub trait DeserializeMembers: Default {
    /// The shape's name, for error messages.
    const TYPE_NAME: &'static str;

    /// Reads the value of the member whose JSON key is `key`, or skips an unknown key.
    /// With `body_only`, members bound to the URI, query string or headers count as unknown.
    fn deserialize_member<'de, A: ::serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
        body_only: bool,
    ) -> Result<(), A::Error>;
}

/// Deserializes a structure from a map through its [`DeserializeMembers`] impl.
#[doc(hidden)]
pub fn deserialize_struct<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: ::serde::Deserializer<'de>,
    T: DeserializeMembers,
{
    deserialize_members(deserializer, false)
}

/// A structure read from a JSON body: keys of members bound elsewhere are ignored.
#[doc(hidden)]
pub struct BodyOnly<T>(pub T);

impl<'de, T: DeserializeMembers> ::serde::Deserialize<'de> for BodyOnly<T> {
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_members(deserializer, true).map(BodyOnly)
    }
}

fn deserialize_members<'de, D, T>(deserializer: D, body_only: bool) -> Result<T, D::Error>
where
    D: ::serde::Deserializer<'de>,
    T: DeserializeMembers,
{
    struct StructVisitor<T>(bool, ::std::marker::PhantomData<T>);
    impl<'de, T: DeserializeMembers> ::serde::de::Visitor<'de> for StructVisitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a {} object", T::TYPE_NAME)
        }
        fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
            let mut value = T::default();
            while let Some(key) = map.next_key::<Key<'de>>()? {
                value.deserialize_member(&key.0, &mut map, self.0)?;
            }
            Ok(value)
        }
    }
    deserializer.deserialize_map(StructVisitor(body_only, ::std::marker::PhantomData))
}

/// Reads an optional list of structures, deserializing each element in place
/// in the list's own memory: structures are large, and building each on the
/// stack before moving it into the list costs two copies per element.
#[doc(hidden)]
#[derive(Debug)]
pub struct StructList<T>(pub Option<::std::vec::Vec<T>>);

impl<'de, T: DeserializeMembers> ::serde::Deserialize<'de> for StructList<T> {
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListVisitor<T>(::std::marker::PhantomData<T>);
        impl<'de, T: DeserializeMembers> ::serde::de::Visitor<'de> for ListVisitor<T> {
            type Value = StructList<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a list of {} objects", T::TYPE_NAME)
            }
            fn visit_unit<E: ::serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(StructList(None))
            }
            fn visit_none<E: ::serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(StructList(None))
            }
            fn visit_some<D: ::serde::Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<Self::Value, D::Error> {
                deserializer.deserialize_seq(self)
            }
            fn visit_seq<A: ::serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut items = ::std::vec::Vec::new();
                loop {
                    items.push(T::default());
                    let slot = items.last_mut().expect("just pushed");
                    if seq.next_element_seed(InPlace(slot))?.is_none() {
                        items.pop();
                        return Ok(StructList(Some(items)));
                    }
                }
            }
        }
        deserializer.deserialize_option(ListVisitor(::std::marker::PhantomData))
    }
}

/// Reads a map whose values are structures, deserializing each value in
/// place in the map's own node rather than building it and moving it there.
#[doc(hidden)]
#[derive(Debug)]
pub struct MapOfStructs<K, V>(pub ::std::collections::BTreeMap<K, V>);

impl<'de, K, V> ::serde::Deserialize<'de> for MapOfStructs<K, V>
where
    K: ::serde::Deserialize<'de> + Ord,
    V: DeserializeMembers,
{
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<K, V>(::std::marker::PhantomData<(K, V)>);
        impl<'de, K, V> ::serde::de::Visitor<'de> for MapVisitor<K, V>
        where
            K: ::serde::Deserialize<'de> + Ord,
            V: DeserializeMembers,
        {
            type Value = MapOfStructs<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a map of {} objects", V::TYPE_NAME)
            }
            fn visit_map<A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut entries = ::std::collections::BTreeMap::new();
                while let Some(key) = map.next_key::<K>()? {
                    let slot = entries.entry(key).or_insert_with(V::default);
                    // A repeated key replaces the earlier value, as serde's own maps do.
                    *slot = V::default();
                    map.next_value_seed(InPlace(slot))?;
                }
                Ok(MapOfStructs(entries))
            }
        }
        deserializer.deserialize_map(MapVisitor(::std::marker::PhantomData))
    }
}

/// Deserializes a structure's members into an existing value.
struct InPlace<'a, T>(&'a mut T);

impl<'de, T: DeserializeMembers> ::serde::de::DeserializeSeed<'de> for InPlace<'_, T> {
    type Value = ();
    fn deserialize<D: ::serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        struct InPlaceVisitor<'a, T>(&'a mut T);
        impl<'de, T: DeserializeMembers> ::serde::de::Visitor<'de> for InPlaceVisitor<'_, T> {
            type Value = ();
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a {} object", T::TYPE_NAME)
            }
            fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    self.0.deserialize_member(&key.0, &mut map, false)?;
                }
                Ok(())
            }
        }
        deserializer.deserialize_map(InPlaceVisitor(self.0))
    }
}

/// A map key, borrowed from the input when the input allows (no escapes).
struct Key<'de>(::std::borrow::Cow<'de, str>);

impl<'de> ::serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> ::serde::de::Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a member name")
            }
            fn visit_borrowed_str<E: ::serde::de::Error>(
                self,
                value: &'de str,
            ) -> Result<Key<'de>, E> {
                Ok(Key(::std::borrow::Cow::Borrowed(value)))
            }
            fn visit_str<E: ::serde::de::Error>(self, value: &str) -> Result<Key<'de>, E> {
                Ok(Key(::std::borrow::Cow::Owned(value.to_owned())))
            }
            fn visit_string<E: ::serde::de::Error>(
                self,
                value: ::std::string::String,
            ) -> Result<Key<'de>, E> {
                Ok(Key(::std::borrow::Cow::Owned(value)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Writes a float the way AWS JSON does: a number, or `"NaN"`, `"Infinity"`, `"-Infinity"`.
#[doc(hidden)]
pub struct FloatWire(pub f64);

impl ::serde::Serialize for FloatWire {
    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Binary formats (CBOR) have the special values as floats.
        if self.0.is_finite() || !serializer.is_human_readable() {
            serializer.serialize_f64(self.0)
        } else if self.0.is_nan() {
            serializer.serialize_str("NaN")
        } else if self.0 > 0.0 {
            serializer.serialize_str("Infinity")
        } else {
            serializer.serialize_str("-Infinity")
        }
    }
}

/// Writes an `f32` as [`FloatWire`] does, printed as an `f32` so `1.1` stays `1.1`.
#[doc(hidden)]
pub struct Float32Wire(pub f32);

impl ::serde::Serialize for Float32Wire {
    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.is_finite() || !serializer.is_human_readable() {
            serializer.serialize_f32(self.0)
        } else {
            FloatWire(f64::from(self.0)).serialize(serializer)
        }
    }
}

/// Reads an optional float written as a number or as `"NaN"`, `"Infinity"`, `"-Infinity"`.
#[doc(hidden)]
pub struct OptionFloatIn<T>(pub Option<T>);

/// The float types [`OptionFloatIn`] reads.
#[doc(hidden)]
pub trait FromF64 {
    /// Converts, rounding an `f64` to `f32` where needed.
    fn from_f64(value: f64) -> Self;
}

impl FromF64 for f64 {
    fn from_f64(value: f64) -> Self {
        value
    }
}

impl FromF64 for f32 {
    fn from_f64(value: f64) -> Self {
        value as f32
    }
}

impl<'de, T: FromF64> ::serde::Deserialize<'de> for OptionFloatIn<T> {
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FloatVisitor<T>(::std::marker::PhantomData<T>);
        impl<'de, T: FromF64> ::serde::de::Visitor<'de> for FloatVisitor<T> {
            type Value = OptionFloatIn<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number, \"NaN\", \"Infinity\" or \"-Infinity\"")
            }
            fn visit_f64<E: ::serde::de::Error>(self, value: f64) -> Result<Self::Value, E> {
                Ok(OptionFloatIn(Some(T::from_f64(value))))
            }
            fn visit_i64<E: ::serde::de::Error>(self, value: i64) -> Result<Self::Value, E> {
                Ok(OptionFloatIn(Some(T::from_f64(value as f64))))
            }
            fn visit_u64<E: ::serde::de::Error>(self, value: u64) -> Result<Self::Value, E> {
                Ok(OptionFloatIn(Some(T::from_f64(value as f64))))
            }
            fn visit_str<E: ::serde::de::Error>(self, value: &str) -> Result<Self::Value, E> {
                let number = match value {
                    "NaN" => f64::NAN,
                    "Infinity" => f64::INFINITY,
                    "-Infinity" => f64::NEG_INFINITY,
                    other => {
                        return Err(E::invalid_value(::serde::de::Unexpected::Str(other), &self))
                    }
                };
                Ok(OptionFloatIn(Some(T::from_f64(number))))
            }
            fn visit_unit<E: ::serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(OptionFloatIn(None))
            }
            fn visit_none<E: ::serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(OptionFloatIn(None))
            }
            fn visit_some<D: ::serde::Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<Self::Value, D::Error> {
                deserializer.deserialize_any(self)
            }
        }
        deserializer.deserialize_option(FloatVisitor(::std::marker::PhantomData))
    }
}

/// Why a builder could not build its value.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BuildError {
    /// A member the model marks as required was not set.
    MissingField {
        /// The Rust type being built, e.g. `CreateDeploymentRequest`.
        type_name: &'static str,
        /// The member as the caller sets it: its builder method, e.g. `rest_api_id`.
        member: &'static str,
    },
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::MissingField { type_name, member } => {
                write!(
                    f,
                    "cannot build {type_name}: the required member `{member}` is not set"
                )
            }
        }
    }
}

impl ::std::error::Error for BuildError {}

/// Timestamp wire formats for `#[serde(with = …)]`, one module per format,
/// each with `option`, `option_list` and `option_map` flavours.
#[doc(hidden)]
pub mod timestamp {
    use ::time::OffsetDateTime;

    /// A timestamp wire format.
    pub trait Format {
        /// Writes the timestamp.
        fn write<S: ::serde::Serializer>(
            value: &OffsetDateTime,
            serializer: S,
        ) -> Result<S::Ok, S::Error>;
        /// Reads a timestamp.
        fn read<'de, D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<OffsetDateTime, D::Error>;
    }

    /// Seconds since the Unix epoch, fractional to the microsecond (what an `f64`
    /// holds exactly enough for dates in the next few centuries).
    #[derive(Debug)]
    pub enum EpochSeconds {}

    impl Format for EpochSeconds {
        fn write<S: ::serde::Serializer>(
            value: &OffsetDateTime,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            let micros = value.unix_timestamp_nanos() / 1_000;
            let whole = micros % 1_000_000 == 0;
            #[cfg(feature = "cbor")]
            if !serializer.is_human_readable() {
                // CBOR: the number under tag 1 (ciborium writes the tag).
                use ::serde::Serialize as _;
                const TAG: u64 = crate::cbor::EPOCH_SECONDS_TAG;
                return if whole {
                    ::ciborium::tag::Required::<i64, TAG>(value.unix_timestamp())
                        .serialize(serializer)
                } else {
                    ::ciborium::tag::Required::<f64, TAG>(micros as f64 / 1_000_000.0)
                        .serialize(serializer)
                };
            }
            if whole {
                serializer.serialize_i64(value.unix_timestamp())
            } else {
                serializer.serialize_f64(micros as f64 / 1_000_000.0)
            }
        }

        fn read<'de, D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<OffsetDateTime, D::Error> {
            struct SecondsVisitor;
            impl<'de> ::serde::de::Visitor<'de> for SecondsVisitor {
                type Value = OffsetDateTime;
                fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str("seconds since the Unix epoch")
                }
                fn visit_i64<E: ::serde::de::Error>(
                    self,
                    seconds: i64,
                ) -> Result<OffsetDateTime, E> {
                    OffsetDateTime::from_unix_timestamp(seconds).map_err(E::custom)
                }
                fn visit_u64<E: ::serde::de::Error>(
                    self,
                    seconds: u64,
                ) -> Result<OffsetDateTime, E> {
                    let seconds = i64::try_from(seconds).map_err(E::custom)?;
                    self.visit_i64(seconds)
                }
                fn visit_f64<E: ::serde::de::Error>(
                    self,
                    seconds: f64,
                ) -> Result<OffsetDateTime, E> {
                    if !seconds.is_finite() {
                        return Err(E::custom("a timestamp must be a finite number"));
                    }
                    // Rounding to whole microseconds undoes the float's binary noise.
                    let micros = (seconds * 1_000_000.0).round() as i128;
                    OffsetDateTime::from_unix_timestamp_nanos(micros * 1_000).map_err(E::custom)
                }
                /// A CBOR tag (tag 1 on timestamps), which ciborium presents
                /// as an enum: the tag, then the tagged number.
                fn visit_enum<A: ::serde::de::EnumAccess<'de>>(
                    self,
                    data: A,
                ) -> Result<OffsetDateTime, A::Error> {
                    use ::serde::de::VariantAccess as _;
                    let (_, number) = data.variant::<::serde::de::IgnoredAny>()?;
                    number.newtype_variant_seed(SecondsSeed)
                }
            }
            /// Reads the tagged number with the same visitor.
            struct SecondsSeed;
            impl<'de> ::serde::de::DeserializeSeed<'de> for SecondsSeed {
                type Value = OffsetDateTime;
                fn deserialize<D: ::serde::Deserializer<'de>>(
                    self,
                    deserializer: D,
                ) -> Result<OffsetDateTime, D::Error> {
                    deserializer.deserialize_any(SecondsVisitor)
                }
            }
            deserializer.deserialize_any(SecondsVisitor)
        }
    }

    /// RFC 3339 (the ISO 8601 profile AWS uses), e.g. `2015-07-09T12:00:00Z`.
    #[derive(Debug)]
    pub enum Iso8601 {}

    impl Format for Iso8601 {
        fn write<S: ::serde::Serializer>(
            value: &OffsetDateTime,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            let utc = value.to_offset(::time::UtcOffset::UTC);
            let text = utc
                .format(&::time::format_description::well_known::Rfc3339)
                .map_err(::serde::ser::Error::custom)?;
            serializer.serialize_str(&text)
        }

        fn read<'de, D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<OffsetDateTime, D::Error> {
            let text =
                <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(deserializer)?;
            OffsetDateTime::parse(&text, &::time::format_description::well_known::Rfc3339).map_err(
                |err| {
                    ::serde::de::Error::custom(format_args!(
                        "invalid ISO 8601 timestamp {text:?}: {err}"
                    ))
                },
            )
        }
    }

    /// RFC 7231 HTTP-date, e.g. `Thu, 09 Jul 2015 12:00:00 GMT`.
    #[derive(Debug)]
    pub enum HttpDate {}

    impl Format for HttpDate {
        fn write<S: ::serde::Serializer>(
            value: &OffsetDateTime,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            let system_time: ::std::time::SystemTime = (*value).into();
            serializer.serialize_str(&::httpdate::fmt_http_date(system_time))
        }

        fn read<'de, D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<OffsetDateTime, D::Error> {
            let text =
                <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(deserializer)?;
            ::httpdate::parse_http_date(&text)
                .map(OffsetDateTime::from)
                .map_err(|err| {
                    ::serde::de::Error::custom(format_args!("invalid HTTP date {text:?}: {err}"))
                })
        }
    }

    /// Writes a timestamp in format `F`.
    #[doc(hidden)]
    pub struct Wire<'a, F>(pub &'a OffsetDateTime, pub ::std::marker::PhantomData<F>);

    impl<F: Format> ::serde::Serialize for Wire<'_, F> {
        fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            F::write(self.0, serializer)
        }
    }

    /// Writes a list of timestamps in format `F`.
    #[doc(hidden)]
    pub struct ListWire<'a, F>(pub &'a [OffsetDateTime], pub ::std::marker::PhantomData<F>);

    impl<F: Format> ::serde::Serialize for ListWire<'_, F> {
        fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(
                self.0
                    .iter()
                    .map(|item| Wire::<F>(item, ::std::marker::PhantomData)),
            )
        }
    }

    /// Writes a map of timestamps in format `F`.
    #[doc(hidden)]
    pub struct MapWire<'a, F, K>(
        pub &'a ::std::collections::BTreeMap<K, OffsetDateTime>,
        pub ::std::marker::PhantomData<F>,
    );

    impl<F: Format, K: ::serde::Serialize> ::serde::Serialize for MapWire<'_, F, K> {
        fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_map(
                self.0
                    .iter()
                    .map(|(k, v)| (k, Wire::<F>(v, ::std::marker::PhantomData))),
            )
        }
    }

    /// Deserializes a timestamp in format `F`, for use inside collections.
    struct Read<F>(OffsetDateTime, ::std::marker::PhantomData<F>);

    impl<'de, F: Format> ::serde::Deserialize<'de> for Read<F> {
        fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            F::read(deserializer).map(|value| Read(value, ::std::marker::PhantomData))
        }
    }

    /// Reads an `Option<OffsetDateTime>` in format `F`, as a member value.
    #[doc(hidden)]
    pub struct OptionIn<F>(pub Option<OffsetDateTime>, ::std::marker::PhantomData<F>);

    impl<'de, F: Format> ::serde::Deserialize<'de> for OptionIn<F> {
        fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserialize_option::<F, D>(deserializer)
                .map(|value| OptionIn(value, ::std::marker::PhantomData))
        }
    }

    /// Reads an `Option<Vec<OffsetDateTime>>` in format `F`, as a member value.
    #[doc(hidden)]
    pub struct OptionListIn<F>(
        pub Option<Vec<OffsetDateTime>>,
        ::std::marker::PhantomData<F>,
    );

    impl<'de, F: Format> ::serde::Deserialize<'de> for OptionListIn<F> {
        fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserialize_option_list::<F, D>(deserializer)
                .map(|value| OptionListIn(value, ::std::marker::PhantomData))
        }
    }

    /// Reads an `Option<BTreeMap<K, OffsetDateTime>>` in format `F`, as a member value.
    #[doc(hidden)]
    pub struct OptionMapIn<F, K>(
        pub Option<::std::collections::BTreeMap<K, OffsetDateTime>>,
        ::std::marker::PhantomData<F>,
    );

    impl<'de, F: Format, K: ::serde::Deserialize<'de> + Ord> ::serde::Deserialize<'de>
        for OptionMapIn<F, K>
    {
        fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserialize_option_map::<F, K, D>(deserializer)
                .map(|value| OptionMapIn(value, ::std::marker::PhantomData))
        }
    }

    /// `Option<OffsetDateTime>` in format `F`.
    pub fn deserialize_option<'de, F: Format, D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<OffsetDateTime>, D::Error> {
        let value: Option<Read<F>> = ::serde::Deserialize::deserialize(deserializer)?;
        Ok(value.map(|read| read.0))
    }

    /// `Option<Vec<OffsetDateTime>>` in format `F`.
    pub fn deserialize_option_list<'de, F: Format, D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Vec<OffsetDateTime>>, D::Error> {
        let value: Option<Vec<Read<F>>> = ::serde::Deserialize::deserialize(deserializer)?;
        Ok(value.map(|items| items.into_iter().map(|read| read.0).collect()))
    }

    /// `Option<BTreeMap<K, OffsetDateTime>>` in format `F`.
    pub fn deserialize_option_map<'de, F: Format, K, D>(
        deserializer: D,
    ) -> Result<Option<::std::collections::BTreeMap<K, OffsetDateTime>>, D::Error>
    where
        K: ::serde::Deserialize<'de> + Ord,
        D: ::serde::Deserializer<'de>,
    {
        let value: Option<::std::collections::BTreeMap<K, Read<F>>> =
            ::serde::Deserialize::deserialize(deserializer)?;
        Ok(value.map(|map| map.into_iter().map(|(k, read)| (k, read.0)).collect()))
    }
}
