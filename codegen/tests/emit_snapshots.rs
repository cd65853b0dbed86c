//! Snapshots of the emitted code for small fixture models, one feature each,
//! and of the errors for invalid models. Review changes like code.

use awsgen_codegen::{generate, Input};

fn fixture(dir: &str, name: &str) -> String {
    let path = format!("{}/tests/{dir}/{name}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("reading {path}: {err}"))
}

fn generate_fixture(name: &str) -> Result<awsgen_codegen::GeneratedCrate, awsgen_codegen::Error> {
    let json = fixture("fixtures", name);
    generate(Input {
        service_json: &json,
        paginators_json: None,
        service: &name.replace('_', "-"),
        source_path: &format!("codegen/tests/fixtures/{name}.json"),
        crate_version: "0.1.0",
        runtime_path: "../../runtime",
        operations: None,
        endpoint_rules_json: None,
        waiters_json: None,
    })
}

/// Every emitted file, one after another.
fn render(name: &str) -> String {
    let generated = generate_fixture(name).unwrap_or_else(|err| panic!("{name}: {err}"));
    let mut out = String::new();
    for warning in &generated.warnings {
        out.push_str(&format!("warning: {warning}\n"));
    }
    for (path, text) in &generated.files {
        out.push_str(&format!("==== {path} ====\n{text}\n"));
    }
    out
}

macro_rules! snapshot_fixtures {
    ($($name:ident),* $(,)?) => {$(
        #[test]
        fn $name() {
            insta::assert_snapshot!(stringify!($name), render(stringify!($name)));
        }
    )*};
}

snapshot_fixtures!(
    shape_types,
    enums,
    recursion,
    hostile_names,
    docs_html,
    sensitive,
    deprecated,
    timestamps,
    blobs,
    maps_of_lists,
    http_bindings,
    aws_json,
    aws_query,
    ec2_query,
    event_streams,
);

#[test]
fn invalid_models_are_reported_with_json_paths() {
    let names = [
        "missing_shape",
        "map_without_value",
        "enum_not_string",
        "enum_value_not_text",
        "required_unknown_member",
        "wrong_json_type",
        "unknown_shape_type",
        "bad_timestamp_format",
        "output_not_structure",
        "not_json",
    ];
    let mut report = String::new();
    for name in names {
        let json = fixture("invalid", name);
        let result = generate(Input {
            service_json: &json,
            paginators_json: None,
            service: "invalid",
            source_path: name,
            crate_version: "0.1.0",
            runtime_path: "../../runtime",
            operations: None,
            endpoint_rules_json: None,
            waiters_json: None,
        });
        let err = result.expect_err(name);
        report.push_str(&format!("{name}:\n{err}\n\n"));
    }
    insta::assert_snapshot!(report);
}

#[test]
fn the_same_model_generates_the_same_bytes() {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../model/apigateway/2015-07-09/service-2.json"
    ))
    .unwrap();
    let input = Input {
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
    let first = generate(input).unwrap();
    let second = generate(input).unwrap();
    assert_eq!(first, second);
    for fixture_name in ["hostile_names", "recursion", "enums"] {
        assert_eq!(render(fixture_name), render(fixture_name));
    }
}
