//! Waiters: the emitted `src/waiters.rs` of the fixture and of the vendored
//! DynamoDB and Lambda models (insta snapshots), the typed JMESPath compiler
//! on the fixture's types, and bad `waiters-2.json` files reported by place.

use awsgen_codegen::ir::{RustType, Service};
use awsgen_codegen::jmespath::{self, Kind};
use awsgen_codegen::{generate, lower_model, Input};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

fn read(path: &str) -> String {
    let path = format!("{ROOT}/{path}");
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("reading {path}: {err}"))
}

fn input<'a>(service_json: &'a str, waiters_json: Option<&'a str>, service: &'a str) -> Input<'a> {
    Input {
        service_json,
        paginators_json: None,
        service,
        source_path: "service-2.json",
        crate_version: "0.1.0",
        runtime_path: "../../runtime",
        operations: None,
        endpoint_rules_json: None,
        waiters_json,
    }
}

/// `src/waiters.rs` and the lines of `src/lib.rs` and `Cargo.toml` that declare it.
fn waiters_file(model: &str, waiters: &str, service: &str) -> String {
    let (service_json, waiters_json) = (read(model), read(waiters));
    let generated = generate(input(&service_json, Some(&waiters_json), service)).unwrap();
    assert!(generated.warnings.is_empty(), "{:?}", generated.warnings);
    let lib: Vec<&str> = generated.files["src/lib.rs"].lines().collect();
    let at = lib
        .iter()
        .position(|line| *line == "pub mod waiters;")
        .expect("lib.rs declares the module");
    let declaration = lib[at - 2..=at].join("\n");
    let manifest = &generated.files["Cargo.toml"];
    let features = manifest
        .lines()
        .skip_while(|line| *line != "[features]")
        .take(3)
        .collect::<Vec<_>>()
        .join("\n");
    format!(
        "==== Cargo.toml ====\n{features}\n==== src/lib.rs ====\n{declaration}\n==== src/waiters.rs ====\n{}",
        generated.files["src/waiters.rs"]
    )
}

#[test]
fn fixture_waiters() {
    insta::assert_snapshot!(waiters_file(
        "codegen/tests/fixtures/waiters/service-2.json",
        "codegen/tests/fixtures/waiters/waiters-2.json",
        "fixture-waiters"
    ));
}

/// TableExists (a path and an error code), TableNotExists (an error code as
/// the success), KinesisStreamingDestinationActive (pathAny, and a filter
/// under `length`).
#[test]
fn dynamodb_waiters() {
    insta::assert_snapshot!(waiters_file(
        "model/dynamodb/2012-08-10/service-2.json",
        "model/dynamodb/2012-08-10/waiters-2.json",
        "dynamodb"
    ));
}

/// FunctionExists has `error: false`.
#[test]
fn lambda_waiters() {
    insta::assert_snapshot!(waiters_file(
        "model/lambda/2015-03-31/service-2.json",
        "model/lambda/2015-03-31/waiters-2.json",
        "lambda"
    ));
}

#[test]
fn a_service_without_waiters_has_no_waiters_module() {
    let service_json = read("codegen/tests/fixtures/waiters/service-2.json");
    let generated = generate(input(&service_json, None, "fixture-waiters")).unwrap();
    assert!(!generated.files.contains_key("src/waiters.rs"));
    assert!(!generated.files["src/lib.rs"].contains("pub mod waiters"));
}

fn fixture_service() -> Service {
    let service_json = read("codegen/tests/fixtures/waiters/service-2.json");
    lower_model(input(&service_json, None, "fixture-waiters"))
        .unwrap()
        .0
}

fn compile(service: &Service, expression: &str) -> Result<Kind, String> {
    let tree = jmespath::parse(expression).map_err(|err| err.to_string())?;
    jmespath::compile(
        &tree,
        &RustType::Named("DescribeFleetOutput".into()),
        quote::quote!(output),
        service,
    )
    .map(|compiled| compiled.kind)
    .map_err(|err| err.to_string())
}

#[test]
fn expressions_stay_typed_while_their_type_is_known() {
    let service = fixture_service();
    let named = |name: &str| RustType::Named(name.into());
    let list = |ty: RustType| RustType::List(Box::new(ty));
    let cases = [
        ("@", Kind::Known(named("DescribeFleetOutput"))),
        ("Groups", Kind::Ref(list(named("Group")))),
        ("Groups[0].Name", Kind::Ref(RustType::String)),
        (
            "Groups[-1].Machines[1].State",
            Kind::Ref(named("MachineState")),
        ),
        ("Groups[].Name", Kind::Refs(RustType::String)),
        ("Groups[*].Machines", Kind::Refs(list(named("Machine")))),
        ("Groups[].Machines[]", Kind::Refs(named("Machine"))),
        ("Groups[*].Machines[*]", Kind::Nested(named("Machine"))),
        ("Groups[*].Machines[*].Id", Kind::Nested(RustType::String)),
        (
            "Groups[*].Machines[?State.Code > `1`]",
            Kind::Nested(named("Machine")),
        ),
        ("Groups[0:2]", Kind::Refs(named("Group"))),
        ("Groups[?Name == 'a'] | [0]", Kind::Ref(named("Group"))),
        ("Items.*", Kind::Refs(named("Item"))),
        ("Items.key.Status", Kind::Ref(RustType::String)),
        ("Root.Child.Child", Kind::Ref(named("Node"))),
        ("Choice.Number", Kind::Ref(RustType::Integer)),
        (
            "Groups[0].Machines[0].Tags.env",
            Kind::Ref(RustType::String),
        ),
        ("Detail.a.b[0]", Kind::Value),
        ("length(Groups)", Kind::Value),
        ("Status == 'ACTIVE'", Kind::Value),
        ("[Status, Count]", Kind::Value),
        ("Output || Status", Kind::Value),
        ("`1`", Kind::Value),
    ];
    for (expression, kind) in cases {
        assert_eq!(compile(&service, expression), Ok(kind), "{expression}");
    }
}

#[test]
fn what_cannot_be_compiled_is_an_error_naming_the_place() {
    let service = fixture_service();
    let error = |expression: &str| compile(&service, expression).unwrap_err();
    assert_eq!(
        error("Groups[].Machines[].Stat.Name"),
        "`Machine` has no member `Stat` (its members: Id, State, Tags) (at position 20)"
    );
    assert_eq!(
        error("status"),
        "`DescribeFleetOutput` has no member `status` (its members: Choice, Count, Created, \
         Detail, Groups, Items, Labels, Output, Ready, Root, Status) (at position 0)"
    );
    assert_eq!(
        error("Groups.Name"),
        "`Name` is read from a list of the structure `Group`, which has no members: the result \
         is always null (at position 7)"
    );
    assert_eq!(
        error("Status.Name"),
        "`Name` is read from the string enum `FleetStatus`, which has no members: the result is \
         always null (at position 7)"
    );
    assert_eq!(
        error("Root[*]"),
        "a projection ([*], [] or a slice) of the structure `Node`, which is not a list: the \
         result is always null"
    );
    assert_eq!(
        error("Count[0]"),
        "an index [0] of a number, which is not a list: the result is always null"
    );
    assert_eq!(
        error("Root.*"),
        "an object projection (.*) over the members of the structure `Node` is not supported"
    );
    assert_eq!(
        error("Root == `null`"),
        "a value of the structure `Node` is needed (to compare, test or pass to a function), but \
         the compiler makes JMESPath values only of strings, numbers, booleans, enums, documents, \
         and lists and maps of them"
    );
    assert!(error("Created == `1`").contains("a value of a timestamp is needed"));
    assert_eq!(
        error("length(Status, Count)"),
        "length() takes 1 argument, not 2 (at position 0)"
    );
    assert_eq!(
        error("nope(Status)"),
        "nope() is not a JMESPath function (at position 0)"
    );
    assert_eq!(
        error("sort_by(Groups, &Name)"),
        "sort_by() takes an expression reference, which the compiler does not support (at position 0)"
    );
}

fn waiters_error(waiters_json: &str) -> String {
    let service_json = read("codegen/tests/fixtures/waiters/service-2.json");
    match lower_model(input(&service_json, Some(waiters_json), "fixture-waiters")) {
        Ok((_, warnings)) => {
            let lines: Vec<String> = warnings.iter().map(|w| format!("warning: {w}")).collect();
            lines.join("\n")
        }
        Err(err) => err.to_string(),
    }
}

#[test]
fn bad_waiters_are_reported_by_place() {
    let one = |acceptor: &str| {
        format!(
            r#"{{"version": 2, "waiters": {{"W": {{"operation": "DescribeFleet", "delay": 1, "maxAttempts": 2, "acceptors": [{acceptor}]}}}}}}"#
        )
    };
    let cases = [
        one(r#"{"matcher": "path", "argument": "Status.Nme", "expected": "x", "state": "success"}"#),
        one(r#"{"matcher": "path", "argument": "Groups[", "expected": "x", "state": "success"}"#),
        one(r#"{"matcher": "path", "expected": "x", "state": "success"}"#),
        one(r#"{"matcher": "pathSome", "argument": "Status", "expected": "x", "state": "success"}"#),
        one(r#"{"matcher": "status", "expected": "200", "state": "success"}"#),
        one(r#"{"matcher": "status", "expected": 700, "state": "success"}"#),
        one(r#"{"matcher": "error", "expected": 3, "state": "done"}"#),
        one(r#"{"matcher": "error", "argument": "Status", "expected": "Nope", "state": "retry", "extra": 1}"#),
        r#"{"version": 2, "waiters": {"W": {"operation": "DescribeFlet", "delay": 1, "maxAttempts": 0, "acceptors": []}}}"#.to_owned(),
        r#"{"version": 3, "waiters": {}}"#.to_owned(),
        r#"{"version": 2, "waiters": {}, "future": true}"#.to_owned(),
        r#"{"waiters": {"W": {"operation": "DescribeFleet", "delay": -1}}}"#.to_owned(),
        r#"{"version": 2, "waiters": {"W": {"operation": "DeleteFleet", "delay": 1, "maxAttempts": 1, "acceptors": [{"matcher": "path", "argument": "A", "expected": 1, "state": "success"}]}}}"#.to_owned(),
    ];
    let report: Vec<String> = cases.iter().map(|case| waiters_error(case)).collect();
    insta::assert_snapshot!(report.join("\n\n"));
}
