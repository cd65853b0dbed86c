//! A crate generated with an operation subset: only what the operations
//! reach, every type the full crate's own, and its docs saying so.

use awsgen_codegen::ir::{Service, TypeKind};
use awsgen_codegen::{generate, lower_model, Input, OperationSubset};

fn apigateway_json() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../model/apigateway/2015-07-09/service-2.json"
    ))
    .unwrap()
}

fn input<'a>(json: &'a str, operations: Option<&'a OperationSubset>) -> Input<'a> {
    Input {
        service_json: json,
        paginators_json: None,
        service: "apigateway",
        source_path: "model/apigateway/2015-07-09/service-2.json",
        crate_version: "0.1.0",
        runtime_path: "../../runtime",
        operations,
        endpoint_rules_json: None,
        waiters_json: None,
    }
}

fn lowered(json: &str, operations: Option<&OperationSubset>) -> Service {
    lower_model(input(json, operations)).unwrap().0
}

#[test]
fn a_subsets_types_are_the_full_crates() {
    let json = apigateway_json();
    let subset = OperationSubset::parse("GetRestApis, CreateDeployment, UpdateStage").unwrap();
    let full = lowered(&json, None);
    let cut = lowered(&json, Some(&subset));

    let operations: Vec<&str> = cut
        .operations
        .iter()
        .map(|op| op.rust_name.as_str())
        .collect();
    assert_eq!(
        operations,
        ["CreateDeployment", "GetRestApis", "UpdateStage"]
    );
    for op in &cut.operations {
        let whole = full
            .operations
            .iter()
            .find(|o| o.model_name == op.model_name);
        assert_eq!(Some(op), whole);
    }
    assert!(
        cut.types.len() * 5 < full.types.len(),
        "{} of {}",
        cut.types.len(),
        full.types.len()
    );
    assert_eq!(cut.error_shapes, full.error_shapes, "every exception stays");
    assert_eq!(cut.subset_of, Some(full.operations.len()));
    for (name, def) in &cut.types {
        let mut whole = full.types[name].clone();
        // Reading a response is crate-private: only the subset's own outputs are read.
        if let (TypeKind::Struct(kept), TypeKind::Struct(all)) = (&def.kind, &mut whole.kind) {
            all.is_operation_output &= kept.is_operation_output;
        }
        // Docs differ only where they link to a type the subset leaves out.
        whole.docs.clone_from(&def.docs);
        if let (TypeKind::Struct(kept), TypeKind::Struct(all)) = (&def.kind, &mut whole.kind) {
            for (kept, all) in kept.members.iter().zip(&mut all.members) {
                all.docs.clone_from(&kept.docs);
            }
        }
        assert_eq!(*def, whole, "{name}");
    }
}

#[test]
fn a_subset_names_its_types_as_the_whole_model_does() {
    // `Foo` and `foo` both become `Foo`; the second is `Foo2` in the full crate,
    // and stays `Foo2` in a subset that leaves the first out.
    let json = r#"{
        "metadata": {"protocol": "rest-json", "apiVersion": "2020-01-01", "endpointPrefix": "names",
                     "serviceId": "Names"},
        "operations": {
            "UseLower": {"http": {"method": "POST", "requestUri": "/lower"}, "input": {"shape": "foo"}},
            "UseUpper": {"http": {"method": "POST", "requestUri": "/upper"}, "input": {"shape": "Foo"}}
        },
        "shapes": {
            "Foo": {"type": "structure", "members": {"A": {"shape": "Text"}}},
            "foo": {"type": "structure", "members": {"B": {"shape": "Text"}}},
            "Text": {"type": "string"}
        }
    }"#;
    let full = lowered(json, None);
    let subset = OperationSubset::parse("UseLower").unwrap();
    let cut = lowered(json, Some(&subset));
    assert_eq!(full.types["foo"].rust_name, cut.types["foo"].rust_name);
    assert!(!cut.types.contains_key("Foo"));
    assert_ne!(
        cut.types["foo"].rust_name, "Foo",
        "named as in the full crate"
    );
}

#[test]
fn an_unknown_operation_is_refused_by_name() {
    let json = apigateway_json();
    let subset = OperationSubset::parse("GetRestApis,DescribeInstances").unwrap();
    let err = generate(input(&json, Some(&subset))).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the model has 1 problem:\n\
         operations.DescribeInstances: the operation subset names it, but the model has no such operation"
    );
}

#[test]
fn the_crate_docs_and_manifest_say_it_is_a_subset() {
    let json = apigateway_json();
    let subset = OperationSubset::parse("GetRestApis,UpdateStage").unwrap();
    let generated = generate(input(&json, Some(&subset))).unwrap();
    let lib = &generated.files["src/lib.rs"];
    let section_start = lib
        .find("//! ## A subset of the service")
        .expect("a subset section");
    let section_end = lib[section_start..].find("//! ## Example").unwrap() + section_start;
    insta::assert_snapshot!(&lib[section_start..section_end]);
    assert!(
        generated.files["Cargo.toml"].contains("(2015-07-09), 2 of 124 operations:"),
        "{}",
        generated.files["Cargo.toml"]
    );
    let full = generate(input(&json, None)).unwrap();
    assert!(!full.files["src/lib.rs"].contains("A subset of the service"));
    assert!(generated.files.len() * 4 < full.files.len());
}
