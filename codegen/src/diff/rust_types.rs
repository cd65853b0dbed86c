//! The Rust type a shape becomes, printed for the diff: lowering's own
//! mapping ([`rust_type_of`]), shown as text so two shapes compare by the type
//! their code gets.

use crate::ir::RustType;
use crate::lower::{rust_type_of, UnresolvedType};
use crate::model::{ServiceModel, ShapeType};
use crate::naming::type_name;

pub use crate::lower::is_named;

/// Descriptions never nest deeper than this in a model that makes sense;
/// deeper means a cycle without a structure, which is cut here.
const MAX_DEPTH: usize = 32;

/// The Rust type of the shape called `name`, without the `Option` (e.g.
/// `BTreeMap<String, String>`); `?Name` for a missing shape, so two different
/// missing shapes never look alike.
pub fn rust_type(model: &ServiceModel, name: &str) -> String {
    match rust_type_of(model, name) {
        Ok(ty) => display(model, &ty),
        Err(UnresolvedType::Missing(shape)) => format!("?{shape}"),
        Err(UnresolvedType::Incomplete(shape)) => format!("?{shape}…"),
        Err(UnresolvedType::Cycle(_)) => "…".to_string(),
    }
}

fn display(model: &ServiceModel, ty: &RustType) -> String {
    match ty {
        RustType::Named(name) if model.shapes[name].exception => {
            format!("error::{}", type_name(name))
        }
        RustType::Named(name) => format!("types::{}", type_name(name)),
        RustType::List(item) => format!("Vec<{}>", display(model, item)),
        RustType::Map(key, value) => {
            format!(
                "BTreeMap<{}, {}>",
                display(model, key),
                display(model, value)
            )
        }
        RustType::String => "String".to_string(),
        RustType::Bool => "bool".to_string(),
        RustType::Byte => "i8".to_string(),
        RustType::Short => "i16".to_string(),
        RustType::Integer => "i32".to_string(),
        RustType::Long => "i64".to_string(),
        RustType::Float => "f32".to_string(),
        RustType::Double | RustType::BigDecimal => "f64".to_string(),
        RustType::BigInteger => "i128".to_string(),
        RustType::Timestamp => "OffsetDateTime".to_string(),
        RustType::Blob => "Blob".to_string(),
        RustType::Document => "Document".to_string(),
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
