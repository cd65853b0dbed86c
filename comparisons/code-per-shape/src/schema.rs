//! One JSON codec for every structure: reads with `jiter` (a pull parser, so
//! the walk needs no generic visitor per type) and writes into a `Vec<u8>`.
//! A prototype: only the value kinds the benched shapes use are complete.
//! `measure-compile.sh` copies this file into the runtime as its `schema` module.
#![allow(missing_docs)]

pub use jiter::Peek;
use jiter::{Jiter, JiterError, NumberInt};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimestampFormat {
    EpochSeconds,
    Iso8601,
    HttpDate,
}

/// One member of a structure: its wire name and how its value travels.
#[derive(Debug)]
pub struct Member {
    pub wire_name: &'static str,
    pub timestamp: TimestampFormat,
    pub in_body: bool,
}
impl Member {
    pub const fn body(wire_name: &'static str) -> Self {
        Member {
            wire_name,
            timestamp: TimestampFormat::EpochSeconds,
            in_body: true,
        }
    }
}

#[derive(Debug)]
pub struct Schema {
    pub name: &'static str,
    pub members: &'static [Member],
}

impl Schema {
    /// The member named `key`, trying `*next` first: services write members in model order.
    #[inline]
    fn find(&self, key: &str, next: &mut usize) -> Option<usize> {
        let same = |m: &Member| {
            let (a, b) = (m.wire_name.as_bytes(), key.as_bytes());
            a.len() == b.len() && a.first() == b.first() && a == b
        };
        if let Some(m) = self.members.get(*next) {
            if same(m) {
                *next += 1;
                return Some(*next - 1);
            }
        }
        let i = self.members.iter().position(same)?;
        *next = i + 1;
        Some(i)
    }
}

pub trait Struct {
    fn schema(&self) -> &'static Schema;
    /// The member's value when it is present.
    fn member(&self, index: usize) -> Option<&dyn Value>;
    fn member_mut(&mut self, index: usize) -> &mut dyn Value;
}

#[derive(Debug)]
pub struct Error(pub String);
impl From<JiterError> for Error {
    fn from(e: JiterError) -> Self {
        Error(e.to_string())
    }
}

pub type Reader<'j> = Jiter<'j>;

pub trait Value {
    /// Reads the value that `peek` (already peeked, not consumed) starts.
    fn read_json(&mut self, r: &mut Reader<'_>, peek: Peek, member: &Member) -> Result<(), Error>;
    fn write_json(&self, w: &mut Vec<u8>, member: &Member);

    /// A value to read into.
    fn empty() -> Self
    where
        Self: Sized;
}

/// The error for a value of the wrong JSON type.
fn wrong_type(member: &Member, expected: &str, peek: Peek) -> Error {
    Error(format!(
        "{}: expected {expected}, found {peek:?}",
        member.wire_name
    ))
}

/// A member's value for [`Struct::member`]: present or not.
#[inline]
pub fn present<T: Value>(field: &Option<T>) -> Option<&dyn Value> {
    match field {
        Some(value) => Some(value),
        None => None,
    }
}

/// Reads a string value (enums read their wire value with it).
pub fn read_str<'r>(r: &'r mut Reader<'_>, peek: Peek, member: &Member) -> Result<&'r str, Error> {
    if peek != Peek::String {
        return Err(wrong_type(member, "a string", peek));
    }
    Ok(r.known_str()?)
}

pub fn read_struct(s: &mut dyn Struct, r: &mut Reader<'_>, peek: Peek) -> Result<(), Error> {
    let schema = s.schema();
    if peek != Peek::Object {
        return Err(Error(format!(
            "{}: expected an object, found {peek:?}",
            schema.name
        )));
    }
    let mut next = 0;
    let mut key = r.known_object()?.map(|k| schema.find(k, &mut next));
    while let Some(found) = key {
        let peek = r.peek()?;
        match found {
            Some(i) => s.member_mut(i).read_json(r, peek, &schema.members[i])?,
            None => r.known_skip(peek)?,
        }
        key = r.next_key()?.map(|k| schema.find(k, &mut next));
    }
    Ok(())
}

pub fn write_str(w: &mut Vec<u8>, s: &str) {
    let _ = serde_json::to_writer(w, s);
}

/// `,"name":`; wire names are plain identifiers (codegen would check), so no escaping.
#[inline]
fn write_key(w: &mut Vec<u8>, member: &Member, first: &mut bool) {
    if !std::mem::take(first) {
        w.push(b',');
    }
    w.push(b'"');
    w.extend_from_slice(member.wire_name.as_bytes());
    w.extend_from_slice(b"\":");
}

pub fn write_struct(s: &dyn Struct, w: &mut Vec<u8>, body_only: bool) {
    let schema = s.schema();
    w.push(b'{');
    let mut first = true;
    for (i, m) in schema.members.iter().enumerate() {
        if body_only && !m.in_body {
            continue;
        }
        if let Some(value) = s.member(i) {
            write_key(w, m, &mut first);
            value.write_json(w, m);
        }
    }
    w.push(b'}');
}

impl<T: Struct + Default> Value for T {
    fn empty() -> Self {
        T::default()
    }
    fn read_json(&mut self, r: &mut Reader<'_>, peek: Peek, _: &Member) -> Result<(), Error> {
        read_struct(self, r, peek)
    }
    fn write_json(&self, w: &mut Vec<u8>, _: &Member) {
        write_struct(self, w, false)
    }
}

impl<T: Value> Value for Option<T> {
    fn empty() -> Self {
        None
    }
    #[inline]
    fn read_json(&mut self, r: &mut Reader<'_>, peek: Peek, member: &Member) -> Result<(), Error> {
        if peek == Peek::Null {
            r.known_null()?;
            *self = None;
            return Ok(());
        }
        self.get_or_insert_with(T::empty).read_json(r, peek, member)
    }
    fn write_json(&self, w: &mut Vec<u8>, member: &Member) {
        if let Some(v) = self {
            v.write_json(w, member)
        } else {
            w.extend_from_slice(b"null")
        }
    }
}

impl<T: Value> Value for Vec<T> {
    fn empty() -> Self {
        Vec::new()
    }
    fn read_json(&mut self, r: &mut Reader<'_>, peek: Peek, member: &Member) -> Result<(), Error> {
        if peek != Peek::Array {
            return Err(wrong_type(member, "an array", peek));
        }
        let mut peek = r.known_array()?;
        while let Some(p) = peek {
            if p == Peek::Null {
                r.known_null()?;
            } else {
                self.push(T::empty());
                if let Some(last) = self.last_mut() {
                    last.read_json(r, p, member)?;
                }
            }
            peek = r.array_step()?;
        }
        Ok(())
    }
    fn write_json(&self, w: &mut Vec<u8>, member: &Member) {
        w.push(b'[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                w.push(b',');
            }
            v.write_json(w, member);
        }
        w.push(b']');
    }
}

impl<V: Value> Value for BTreeMap<String, V> {
    fn empty() -> Self {
        BTreeMap::new()
    }
    fn read_json(&mut self, r: &mut Reader<'_>, peek: Peek, member: &Member) -> Result<(), Error> {
        if peek != Peek::Object {
            return Err(wrong_type(member, "an object", peek));
        }
        let mut key = r.known_object()?.map(str::to_owned);
        while let Some(k) = key {
            let peek = r.peek()?;
            if peek == Peek::Null {
                r.known_null()?;
            } else {
                self.entry(k)
                    .or_insert_with(V::empty)
                    .read_json(r, peek, member)?;
            }
            key = r.next_key()?.map(str::to_owned);
        }
        Ok(())
    }
    fn write_json(&self, w: &mut Vec<u8>, member: &Member) {
        w.push(b'{');
        for (i, (k, v)) in self.iter().enumerate() {
            if i > 0 {
                w.push(b',');
            }
            write_str(w, k);
            w.push(b':');
            v.write_json(w, member);
        }
        w.push(b'}');
    }
}

impl Value for String {
    fn empty() -> Self {
        String::new()
    }
    #[inline]
    fn read_json(&mut self, r: &mut Reader<'_>, peek: Peek, member: &Member) -> Result<(), Error> {
        if peek != Peek::String {
            return Err(wrong_type(member, "a string", peek));
        }
        self.push_str(r.known_str()?);
        Ok(())
    }
    fn write_json(&self, w: &mut Vec<u8>, _: &Member) {
        write_str(w, self)
    }
}

impl Value for bool {
    fn empty() -> Self {
        false
    }
    fn read_json(&mut self, r: &mut Reader<'_>, peek: Peek, _: &Member) -> Result<(), Error> {
        *self = r.known_bool(peek)?;
        Ok(())
    }
    fn write_json(&self, w: &mut Vec<u8>, _: &Member) {
        w.extend_from_slice(if *self { b"true" } else { b"false" })
    }
}

macro_rules! int_value {
    ($($t:ty),*) => {$(
        impl Value for $t {
            fn empty() -> Self { 0 }
            fn read_json(&mut self, r: &mut Reader<'_>, peek: Peek, m: &Member) -> Result<(), Error> {
                match r.known_int(peek)? {
                    NumberInt::Int(i) => *self = <$t>::try_from(i).map_err(|_| Error(format!("{} out of range for {}", i, m.wire_name)))?,
                }
                Ok(())
            }
            fn write_json(&self, w: &mut Vec<u8>, _: &Member) {
                w.extend_from_slice(itoa::Buffer::new().format(*self).as_bytes());
            }
        }
    )*};
}
int_value!(i8, i16, i32, i64);

impl Value for f64 {
    fn empty() -> Self {
        0.0
    }
    fn read_json(&mut self, r: &mut Reader<'_>, peek: Peek, _: &Member) -> Result<(), Error> {
        if peek == Peek::String {
            *self = match r.known_str()? {
                "NaN" => f64::NAN,
                "Infinity" => f64::INFINITY,
                "-Infinity" => f64::NEG_INFINITY,
                other => return Err(Error(format!("not a number: {other}"))),
            };
            return Ok(());
        }
        *self = r.known_float(peek)?;
        Ok(())
    }
    fn write_json(&self, w: &mut Vec<u8>, _: &Member) {
        let _ = serde_json::to_writer(w, self);
    }
}

impl Value for awsgen_runtime::primitives::Blob {
    fn empty() -> Self {
        awsgen_runtime::primitives::Blob::new(Vec::new())
    }
    fn read_json(&mut self, r: &mut Reader<'_>, peek: Peek, m: &Member) -> Result<(), Error> {
        use base64::Engine as _;
        if peek != Peek::String {
            return Err(wrong_type(m, "a base64 string", peek));
        }
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(r.known_str()?)
            .map_err(|e| Error(format!("{}: {e}", m.wire_name)))?;
        *self = awsgen_runtime::primitives::Blob::new(bytes);
        Ok(())
    }
    fn write_json(&self, w: &mut Vec<u8>, _: &Member) {
        use base64::Engine as _;
        let bytes: &[u8] = self.as_ref();
        w.push(b'"');
        let start = w.len();
        w.resize(start + bytes.len().div_ceil(3) * 4, 0);
        let written = base64::engine::general_purpose::STANDARD
            .encode_slice(bytes, &mut w[start..])
            .unwrap_or(0);
        w.truncate(start + written);
        w.push(b'"');
    }
}

impl Value for time::OffsetDateTime {
    fn empty() -> Self {
        time::OffsetDateTime::UNIX_EPOCH
    }
    fn read_json(&mut self, r: &mut Reader<'_>, peek: Peek, m: &Member) -> Result<(), Error> {
        let secs = r.known_float(peek)?;
        let nanos = (secs * 1e6).round() as i128 * 1000;
        *self = time::OffsetDateTime::from_unix_timestamp_nanos(nanos)
            .map_err(|e| Error(format!("{}: {e}", m.wire_name)))?;
        Ok(())
    }
    fn write_json(&self, w: &mut Vec<u8>, _: &Member) {
        let _ = serde_json::to_writer(w, &self.unix_timestamp());
    }
}

/// A string enum of the model: read with `From<&str>`, written with `as_str`.
#[macro_export]
macro_rules! string_enum {
    ($t:ty) => {
        impl $crate::schema::Value for $t {
            fn empty() -> Self {
                <$t>::from("")
            }
            fn read_json(
                &mut self,
                r: &mut $crate::schema::Reader<'_>,
                peek: $crate::schema::Peek,
                member: &$crate::schema::Member,
            ) -> Result<(), $crate::schema::Error> {
                *self = <$t>::from($crate::schema::read_str(r, peek, member)?);
                Ok(())
            }
            fn write_json(&self, w: &mut Vec<u8>, _: &$crate::schema::Member) {
                $crate::schema::write_str(w, self.as_str())
            }
        }
    };
}

/// Reads a whole body into a fresh `T`.
pub fn from_slice<T: Struct + Default>(body: &[u8]) -> Result<T, Error> {
    let mut r = Jiter::new(body);
    let mut value = T::default();
    let peek = r.peek()?;
    read_struct(&mut value, &mut r, peek)?;
    r.finish()?;
    Ok(value)
}

pub fn to_vec(value: &dyn Struct, body_only: bool) -> Vec<u8> {
    let mut w = Vec::with_capacity(256);
    write_struct(value, &mut w, body_only);
    w
}

impl Value for f32 {
    fn empty() -> Self {
        0.0
    }
    fn read_json(&mut self, r: &mut Reader<'_>, peek: Peek, m: &Member) -> Result<(), Error> {
        let mut v = 0f64;
        v.read_json(r, peek, m)?;
        *self = v as f32;
        Ok(())
    }
    fn write_json(&self, w: &mut Vec<u8>, m: &Member) {
        (*self as f64).write_json(w, m)
    }
}
impl Value for i128 {
    fn empty() -> Self {
        0
    }
    fn read_json(&mut self, r: &mut Reader<'_>, peek: Peek, _: &Member) -> Result<(), Error> {
        match r.known_int(peek)? {
            NumberInt::Int(i) => *self = i as i128,
        }
        Ok(())
    }
    fn write_json(&self, w: &mut Vec<u8>, _: &Member) {
        w.extend_from_slice(self.to_string().as_bytes())
    }
}
impl Value for serde_json::Value {
    fn empty() -> Self {
        serde_json::Value::Null
    }
    fn read_json(&mut self, r: &mut Reader<'_>, peek: Peek, _: &Member) -> Result<(), Error> {
        let start = r.current_index();
        r.known_skip(peek)?;
        *self =
            serde_json::from_slice(r.slice_to_current(start)).map_err(|e| Error(e.to_string()))?;
        Ok(())
    }
    fn write_json(&self, w: &mut Vec<u8>, _: &Member) {
        let _ = serde_json::to_writer(w, self);
    }
}
impl<T: Struct> Struct for Box<T> {
    fn schema(&self) -> &'static Schema {
        (**self).schema()
    }
    fn member(&self, index: usize) -> Option<&dyn Value> {
        (**self).member(index)
    }
    fn member_mut(&mut self, index: usize) -> &mut dyn Value {
        (**self).member_mut(index)
    }
}

/// The public serde form of a structure, through its schema.
pub fn serialize<S: serde::Serializer>(
    value: &dyn Struct,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let bytes = to_vec(value, false);
    let doc: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(serde::ser::Error::custom)?;
    serde::Serialize::serialize(&doc, serializer)
}

/// Reads the public serde form of a structure, through its schema.
pub fn deserialize<'de, T: Struct + Default, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    let doc = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
    let bytes = serde_json::to_vec(&doc).map_err(serde::de::Error::custom)?;
    from_slice(&bytes).map_err(|e| serde::de::Error::custom(e.0))
}

/// A type whose wire form is its serde form (unions, for now).
#[macro_export]
macro_rules! serde_value {
    ($t:ty, $empty:expr) => {
        impl $crate::schema::Value for $t {
            fn empty() -> Self {
                $empty
            }
            fn read_json(
                &mut self,
                r: &mut $crate::schema::Reader<'_>,
                peek: $crate::schema::Peek,
                m: &$crate::schema::Member,
            ) -> Result<(), $crate::schema::Error> {
                let mut doc = $crate::serde_json::Value::Null;
                $crate::schema::Value::read_json(&mut doc, r, peek, m)?;
                *self = $crate::serde_json::from_value(doc)
                    .map_err(|e| $crate::schema::Error(e.to_string()))?;
                Ok(())
            }
            fn write_json(&self, w: &mut Vec<u8>, _: &$crate::schema::Member) {
                let _ = $crate::serde_json::to_writer(w, self);
            }
        }
    };
}
