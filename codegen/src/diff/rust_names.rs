//! The Rust names the generator gives a model's items, to catch a change the
//! model diff alone cannot see: an untouched shape, member, enum value or
//! operation whose Rust name changes because a newly added name collides with
//! it and the collision is now resolved differently.

use std::collections::BTreeMap;

use crate::ir::TypeKind;
use crate::lower::{lower_with, Docs, ServiceSource};
use crate::model::ServiceModel;
use crate::paginators::PaginatorsModel;
use crate::validate::validate;

/// One named item: its model path (a JSON path that exists in the model) and,
/// for enum values, the value.
pub type Item = (String, Option<String>);

/// Every generated item's Rust name, or `None` when the generator would
/// refuse the model (then there is no generated API to compare).
pub fn rust_names(model: &ServiceModel) -> Option<BTreeMap<Item, String>> {
    let paginators = PaginatorsModel::default();
    validate(model, &paginators).ok()?;
    let source = ServiceSource {
        service: "service".to_string(),
        path: String::new(),
        subset: None,
    };
    let service = lower_with(model, &paginators, &source, Docs::Skip).ok()?;
    let mut names = BTreeMap::new();
    for (shape, def) in &service.types {
        let path = format!("shapes.{shape}");
        names.insert(
            (path.clone(), None),
            format!("{}::{}", def.module.name(), def.rust_name),
        );
        match &def.kind {
            TypeKind::Enum(enum_def) => {
                for (variant, value) in &enum_def.variants {
                    names.insert(
                        (format!("{path}.enum"), Some(value.clone())),
                        variant.clone(),
                    );
                }
            }
            TypeKind::Struct(def) => {
                for member in &def.members {
                    let rust = format!(
                        "{} (setter `{}`, getter `{}`)",
                        member.field_name, member.setter, member.getter
                    );
                    names.insert(
                        (format!("{path}.members.{}", member.model_name), None),
                        rust,
                    );
                }
            }
            TypeKind::Union(def) => {
                for member in &def.members {
                    let rust = format!("{} (setter `{}`)", member.variant_name, member.setter);
                    names.insert(
                        (format!("{path}.members.{}", member.model_name), None),
                        rust,
                    );
                }
            }
        }
    }
    for op in &service.operations {
        let rust = format!("{} (function name `{}`)", op.rust_name, op.fn_name);
        names.insert((format!("operations.{}", op.model_name), None), rust);
    }
    Some(names)
}
