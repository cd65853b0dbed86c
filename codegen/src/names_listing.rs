//! Every Rust name a generated crate gives to a name in its model, one line
//! each: the listing behind the names snapshots, so that a naming change
//! anywhere (a rule in [`naming`](crate::naming) or a collision resolved by
//! lowering) shows up for review.

use std::collections::BTreeSet;

use crate::ir::{Service, TypeKind};

/// The lines for `service`, as `kind "model name" -> rust_name`, sorted.
///
/// Kinds: `operation` (the marker type) and `operation-fn` (its module),
/// `type`, `field` (a structure member), `setter` and `accessor` (only where
/// they are not the field's name), `variant` (a union member) and `value`
/// (an enum value).
/// The model name is quoted as a Rust string, as enum values may hold spaces
/// and symbols.
pub fn names_listing(service: &Service) -> BTreeSet<String> {
    let mut lines = BTreeSet::new();
    let mut push = |kind: &str, model_name: &str, rust_name: &str| {
        lines.insert(format!("{kind:<12} {model_name:?} -> {rust_name}"));
    };
    for op in &service.operations {
        push("operation", &op.model_name, &op.rust_name);
        push("operation-fn", &op.model_name, &op.fn_name);
    }
    for type_def in service.types.values() {
        push("type", &type_def.model_name, &type_def.rust_name);
        match &type_def.kind {
            TypeKind::Struct(def) => {
                for member in &def.members {
                    push("field", &member.model_name, &member.field_name);
                    if member.setter != member.field_name {
                        push("setter", &member.model_name, &member.setter);
                    }
                    match &member.accessor {
                        Some(accessor) if *accessor != member.field_name => {
                            push("accessor", &member.model_name, accessor);
                        }
                        _ => {}
                    }
                }
            }
            TypeKind::Union(def) => {
                for member in &def.members {
                    push("variant", &member.model_name, &member.variant_name);
                }
            }
            TypeKind::Enum(def) => {
                for (variant, value) in &def.variants {
                    push("value", value, variant);
                }
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apigateway_listing() {
        let json = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../model/apigateway/2015-07-09/service-2.json"
        ))
        .expect("read the API Gateway model");
        let input = crate::Input {
            service_json: &json,
            paginators_json: None,
            service: "apigateway",
            source_path: "model/apigateway/2015-07-09/service-2.json",
            crate_version: "0.1.0",
            runtime_path: "../../runtime",
            operations: None,
            endpoint_rules_json: None,
            waiters_json: None,
        };
        let (service, _) = crate::lower_model(input).expect("the model lowers");
        let listing = names_listing(&service);
        assert!(listing.len() > 700, "model looks truncated");
        let line = |l: &str| listing.contains(l);
        assert!(line(r#"operation    "GetRestApis" -> GetRestApis"#));
        assert!(line(r#"operation-fn "GetRestApis" -> get_rest_apis"#));
        assert!(line(r#"field        "restApiId" -> rest_api_id"#));
        assert!(line(r#"value        "AWS_PROXY" -> AwsProxy"#));
    }
}
