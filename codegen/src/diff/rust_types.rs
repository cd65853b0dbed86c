//! The Rust type a shape becomes, as far as the diff needs it: enough to tell
//! whether two shapes give code the same type.
//!
//! This mirrors the lowering's type mapping without its validation: the diff
//! must work on any model that parses, even one the generator would refuse.

use crate::model::{ServiceModel, Shape, ShapeType};
use crate::naming::type_name;

/// Lists and maps never nest deeper than this in a model that makes sense;
/// deeper means a cycle without a structure, which is cut here.
const MAX_DEPTH: usize = 32;

/// Whether `shape` becomes a named Rust type (a struct, union, error or enum).
pub fn is_named(shape: &Shape) -> bool {
    match shape.shape_type {
        ShapeType::Structure => !shape.document,
        ShapeType::String => shape.enum_values.is_some(),
        _ => false,
    }
}

/// The Rust type of the shape called `name`, without the `Option` (e.g.
/// `BTreeMap<String, String>`); `?Name` for a missing shape, so two different
/// missing shapes never look alike.
pub fn rust_type(model: &ServiceModel, name: &str) -> String {
    rust_type_at(model, name, 0)
}

fn rust_type_at(model: &ServiceModel, name: &str, depth: usize) -> String {
    let Some(shape) = model.shapes.get(name) else {
        return format!("?{name}");
    };
    if depth > MAX_DEPTH {
        return "…".to_string();
    }
    let part = |member: &Option<crate::model::Member>| match member {
        Some(member) => rust_type_at(model, &member.shape, depth + 1),
        None => "?".to_string(),
    };
    match shape.shape_type {
        ShapeType::Structure if shape.document => "Document".to_string(),
        ShapeType::Structure if shape.exception => format!("error::{}", type_name(name)),
        ShapeType::Structure => format!("types::{}", type_name(name)),
        ShapeType::String if shape.enum_values.is_some() => format!("types::{}", type_name(name)),
        ShapeType::List => format!("Vec<{}>", part(&shape.member)),
        ShapeType::Map => format!("BTreeMap<{}, {}>", part(&shape.key), part(&shape.value)),
        other => primitive(other).to_string(),
    }
}

fn primitive(shape_type: ShapeType) -> &'static str {
    match shape_type {
        ShapeType::String => "String",
        ShapeType::Boolean => "bool",
        ShapeType::Byte => "i8",
        ShapeType::Short => "i16",
        ShapeType::Integer => "i32",
        ShapeType::Long => "i64",
        ShapeType::Float => "f32",
        ShapeType::Double | ShapeType::Bigdecimal => "f64",
        ShapeType::Biginteger => "i128",
        ShapeType::Timestamp => "OffsetDateTime",
        ShapeType::Blob => "Blob",
        ShapeType::Structure | ShapeType::List | ShapeType::Map => "?",
    }
}

/// The model's word for a shape's type, as AWS changelogs print leaves:
/// `string`, `integer`, `timestamp`, …
pub fn type_word(shape_type: ShapeType) -> &'static str {
    match shape_type {
        ShapeType::Structure => "structure",
        ShapeType::List => "list",
        ShapeType::Map => "map",
        ShapeType::String => "string",
        ShapeType::Byte => "byte",
        ShapeType::Short => "short",
        ShapeType::Integer => "integer",
        ShapeType::Long => "long",
        ShapeType::Float => "float",
        ShapeType::Double => "double",
        ShapeType::Bigdecimal => "bigdecimal",
        ShapeType::Biginteger => "biginteger",
        ShapeType::Boolean => "boolean",
        ShapeType::Timestamp => "timestamp",
        ShapeType::Blob => "blob",
    }
}

/// A short description for messages: `map of string to string`, `list of Stage`,
/// `structure Stage`, `enum CacheClusterSize`, `integer`.
pub fn describe(model: &ServiceModel, name: &str) -> String {
    describe_at(model, name, 0)
}

fn describe_at(model: &ServiceModel, name: &str, depth: usize) -> String {
    let Some(shape) = model.shapes.get(name) else {
        return format!("missing shape {name}");
    };
    if depth > MAX_DEPTH {
        return "…".to_string();
    }
    let part = |member: &Option<crate::model::Member>| match member {
        Some(member) => describe_at(model, &member.shape, depth + 1),
        None => "?".to_string(),
    };
    match shape.shape_type {
        ShapeType::Structure if shape.union => format!("union {name}"),
        ShapeType::Structure => format!("structure {name}"),
        ShapeType::String if shape.enum_values.is_some() => format!("enum {name}"),
        ShapeType::List => format!("list of {}", part(&shape.member)),
        ShapeType::Map => format!("map of {} to {}", part(&shape.key), part(&shape.value)),
        other => type_word(other).to_string(),
    }
}
