//! The diff on small hand-made models, one behaviour each.

use serde_json::{json, Value};

use super::render::{render, Format};
use super::*;
use crate::model::parse_service_model;

/// A rest-json model with the given operations and shapes.
fn model(operations: Value, shapes: Value) -> ServiceModel {
    let document = json!({
        "version": "2.0",
        "metadata": {
            "apiVersion": "2020-01-01",
            "endpointPrefix": "demo",
            "protocol": "rest-json",
            "serviceFullName": "Demo Service",
            "serviceId": "Demo",
            "signatureVersion": "v4",
            "uid": "demo-2020-01-01"
        },
        "operations": operations,
        "shapes": shapes,
    });
    parse_service_model(&document.to_string()).unwrap()
}

fn op(name: &str, input: Option<&str>, output: Option<&str>) -> Value {
    let mut op = json!({"name": name, "http": {"method": "POST", "requestUri": "/"}});
    if let Some(input) = input {
        op["input"] = json!({"shape": input});
    }
    if let Some(output) = output {
        op["output"] = json!({"shape": output});
    }
    op
}

/// Two operations sharing a recursive `Node` shape (`Node.children` is a
/// list of `Node`), in an old and a new version.
fn tree_models(new_node_members: Value) -> (ServiceModel, ServiceModel) {
    let operations = json!({
        "GetTree": op("GetTree", Some("GetTreeRequest"), Some("Tree")),
        "PutTree": op("PutTree", Some("Tree"), None),
    });
    let shapes = |node_members: Value| {
        json!({
            "GetTreeRequest": {"type": "structure", "members": {"id": {"shape": "String"}}},
            "Tree": {"type": "structure", "members": {"root": {"shape": "Node"}}},
            "Node": {"type": "structure", "members": node_members},
            "Nodes": {"type": "list", "member": {"shape": "Node"}},
            "String": {"type": "string"},
            "Tags": {"type": "map", "key": {"shape": "String"}, "value": {"shape": "String"}},
        })
    };
    let old_members = json!({"name": {"shape": "String"}, "children": {"shape": "Nodes"}});
    (
        model(operations.clone(), shapes(old_members)),
        model(operations, shapes(new_node_members)),
    )
}

#[test]
fn shared_recursive_shapes_are_reported_under_each_operation_and_terminate() {
    let (old, new) = tree_models(json!({
        "name": {"shape": "String"},
        "children": {"shape": "Nodes"},
        "tags": {"shape": "Tags"},
    }));
    let diff = diff_models(&old, &new);
    assert_eq!(diff.changes.len(), 1);
    assert_eq!(diff.changes[0].path, "shapes.Node.members.tags");
    let names: Vec<&str> = diff.operations.iter().map(|op| op.name.as_str()).collect();
    assert_eq!(names, ["GetTree", "PutTree"]);
    let text = render(&diff, Format::Text, "2020/02/02");
    assert!(
        text.contains(
            "GetTree (updated)\nChanges (response)\n{'root': {'tags': {'string': 'string'}}}"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "PutTree (updated)\nChanges (request)\n{'root': {'tags': {'string': 'string'}}}"
        ),
        "{text}"
    );
}

#[test]
fn a_new_recursive_structure_is_written_out_once() {
    // (`json!` sorts keys, so members are in alphabetical order here.)
    let (old, new) = tree_models(json!({
        "name": {"shape": "String"},
        "children": {"shape": "Nodes"},
        "parent": {"shape": "Node"},
    }));
    let diff = diff_models(&old, &new);
    let text = render(&diff, Format::Text, "2020/02/02");
    assert!(
        text.contains("{'root': {'parent': {'children': ['Node (recursive)'], 'name': 'string', 'parent': 'Node (recursive)'}}}"),
        "{text}"
    );
}

#[test]
fn documentation_changes_are_listed_apart_and_never_breaking() {
    let (old, mut new) =
        tree_models(json!({"name": {"shape": "String"}, "children": {"shape": "Nodes"}}));
    new.shapes.get_mut("Node").unwrap().documentation = Some("<p>A node.</p>".into());
    let diff = diff_models(&old, &new);
    assert_eq!(diff.bump, Some(Bump::Patch));
    assert_eq!(diff.documentation_only_operations().count(), 2);
    assert_eq!(diff.updated_operations().count(), 0);
    let text = render(&diff, Format::Text, "2020/02/02");
    assert!(
        text.starts_with("2020/02/02 - Demo Service - documentation updates\n"),
        "{text}"
    );
    assert!(
        text.contains("Documentation updates: GetTree, PutTree"),
        "{text}"
    );
}

#[test]
fn member_changes_are_classified() {
    let operations = json!({"Put": op("Put", Some("Input"), None)});
    let old = model(
        operations.clone(),
        json!({
            "Input": {"type": "structure", "members": {
                "count": {"shape": "Integer"},
                "name": {"shape": "String"},
                "mode": {"shape": "Mode"},
                "when": {"shape": "Timestamp", "location": "header", "locationName": "X-When"},
            }},
            "Integer": {"type": "integer"},
            "String": {"type": "string"},
            "Mode": {"type": "string", "enum": ["A", "B"]},
            "Timestamp": {"type": "timestamp"},
        }),
    );
    let new = model(
        operations,
        json!({
            "Input": {"type": "structure", "required": ["name", "extra"], "members": {
                "count": {"shape": "Long"},
                "name": {"shape": "String"},
                "mode": {"shape": "Mode"},
                "when": {"shape": "Timestamp", "location": "querystring", "locationName": "when"},
                "extra": {"shape": "String"},
            }},
            "Long": {"type": "long"},
            "String": {"type": "string"},
            "Mode": {"type": "string", "enum": ["A", "C"]},
            "Timestamp": {"type": "timestamp"},
        }),
    );
    let diff = diff_models(&old, &new);
    let found: Vec<(&str, ChangeKind, Bump)> = diff
        .changes
        .iter()
        .map(|c| (c.path.as_str(), c.kind, c.semver))
        .collect();
    let expected = [
        (
            "shapes.Input.members.count.shape",
            ChangeKind::MemberTypeChanged,
            Bump::Major,
        ),
        (
            "shapes.Input.members.extra",
            ChangeKind::RequiredMemberAdded,
            Bump::Major,
        ),
        (
            "shapes.Input.members.when.location",
            ChangeKind::BindingChanged,
            Bump::Patch,
        ),
        (
            "shapes.Input.members.when.locationName",
            ChangeKind::BindingChanged,
            Bump::Patch,
        ),
        (
            "shapes.Input.required",
            ChangeKind::RequiredAdded,
            Bump::Major,
        ),
        ("shapes.Integer", ChangeKind::ShapeRemoved, Bump::Patch),
        ("shapes.Long", ChangeKind::ShapeAdded, Bump::Patch),
        ("shapes.Mode.enum", ChangeKind::EnumValueAdded, Bump::Minor),
        (
            "shapes.Mode.enum",
            ChangeKind::EnumValueRemoved,
            Bump::Major,
        ),
    ];
    for item in &expected {
        assert!(found.contains(item), "{item:?} not in {found:#?}");
    }
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    let json: Value = serde_json::from_str(&render(&diff, Format::Json, "2020/02/02")).unwrap();
    assert_eq!(json["bump"], "major");
    assert_eq!(json["operations"][0]["sides"], "request");
}

#[test]
fn operations_added_removed_and_rebound() {
    let shapes = json!({"In": {"type": "structure", "members": {}}, "Boom": {"type": "structure", "members": {}, "exception": true}});
    let mut moved = op("Move", Some("In"), None);
    let old = model(
        json!({"Gone": op("Gone", Some("In"), None), "Move": moved.clone()}),
        shapes.clone(),
    );
    moved["http"]["requestUri"] = json!("/moved");
    moved["errors"] = json!([{"shape": "Boom"}]);
    let new = model(
        json!({"Move": moved, "Fresh": op("Fresh", None, Some("In"))}),
        shapes,
    );
    let diff = diff_models(&old, &new);
    let kinds: Vec<(&str, ChangeKind)> = diff
        .changes
        .iter()
        .map(|c| (c.path.as_str(), c.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("operations.Fresh", ChangeKind::OperationAdded),
            ("operations.Gone", ChangeKind::OperationRemoved),
            ("operations.Move.errors", ChangeKind::FirstErrorAdded),
            (
                "operations.Move.http.requestUri",
                ChangeKind::HttpBindingChanged
            ),
        ]
    );
    let text = render(&diff, Format::Text, "2020/02/02");
    assert!(
        text.starts_with("2020/02/02 - Demo Service - 1 new 1 updated 1 removed api methods\n"),
        "{text}"
    );
    assert!(
        text.contains("Fresh (new)\nChanges (response)\nResponse\n{}"),
        "{text}"
    );
    assert!(text.contains("Move (updated)\nChanges (both)\n- operations.Move.errors: documents error `Boom` [major]"), "{text}");
    assert!(text.contains("Gone (removed)"), "{text}");
    assert_eq!(diff.bump, Some(Bump::Major));
}

#[test]
fn a_further_error_is_minor_and_a_first_one_major() {
    let shapes = json!({
        "Boom": {"type": "structure", "members": {}, "exception": true},
        "Bang": {"type": "structure", "members": {}, "exception": true},
    });
    let mut listed = op("Listed", None, None);
    listed["errors"] = json!([{"shape": "Boom"}]);
    let old = model(json!({"Listed": listed.clone()}), shapes.clone());
    listed["errors"] = json!([{"shape": "Boom"}, {"shape": "Bang"}]);
    let new = model(json!({"Listed": listed}), shapes);
    let diff = diff_models(&old, &new);
    let kinds: Vec<ChangeKind> = diff.changes.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [ChangeKind::ErrorAdded]);
    assert_eq!(diff.bump, Some(Bump::Minor));
}

#[test]
fn dangling_references_are_compared_as_far_as_they_go() {
    let old = model(
        json!({}),
        json!({"S": {"type": "structure", "members": {"a": {"shape": "Missing"}}}}),
    );
    let new = model(
        json!({}),
        json!({"S": {"type": "structure", "members": {"a": {"shape": "AlsoMissing"}}}}),
    );
    let diff = diff_models(&old, &new);
    assert_eq!(diff.changes.len(), 1);
    assert!(
        diff.changes[0].message.contains("missing shape"),
        "{}",
        diff.changes[0].message
    );
}

#[test]
fn an_added_shape_that_takes_an_existing_rust_name_is_breaking() {
    let operations = json!({"Put": op("Put", Some("Foo"), None)});
    let foo = json!({"type": "structure", "members": {"name": {"shape": "String"}}});
    let string = json!({"type": "string"});
    let old = model(operations.clone(), json!({"Foo": foo, "String": string}));
    // `FOO` sorts before `Foo` and both want the Rust name `Foo`.
    let new = model(
        operations,
        json!({"Foo": foo, "FOO": {"type": "string", "enum": ["X"]}, "String": string}),
    );
    let diff = diff_models(&old, &new);
    let renamed: Vec<&Change> = diff
        .changes
        .iter()
        .filter(|c| c.kind == ChangeKind::RustNameChanged)
        .collect();
    assert_eq!(renamed.len(), 1, "{:#?}", diff.changes);
    assert_eq!(renamed[0].path, "shapes.Foo");
    assert!(
        renamed[0].message.contains("`types::Foo` to `types::Foo2`"),
        "{}",
        renamed[0].message
    );
    assert_eq!(diff.bump, Some(Bump::Major));
}

#[test]
fn dropping_the_last_required_member_changes_build_and_is_major() {
    let operations = json!({"Put": op("Put", Some("Input"), None)});
    let input = |required: Value| {
        json!({
            "Input": {"type": "structure", "required": required, "members": {
                "name": {"shape": "String"},
                "tag": {"shape": "String"},
            }},
            "String": {"type": "string"},
        })
    };
    let both = model(operations.clone(), input(json!(["name", "tag"])));
    let one = model(operations.clone(), input(json!(["name"])));
    let none = model(operations, input(json!([])));
    let kinds = |old: &ServiceModel, new: &ServiceModel| {
        diff_models(old, new)
            .changes
            .iter()
            .map(|c| (c.kind, c.semver))
            .collect::<Vec<_>>()
    };
    // One of two required members left: `build()` still returns a `Result`.
    assert_eq!(
        kinds(&both, &one),
        [(ChangeKind::RequiredRemoved, Bump::Patch)]
    );
    // None left: `build()` now returns the value, which breaks callers' `?`.
    assert_eq!(
        kinds(&one, &none),
        [
            (ChangeKind::RequiredRemoved, Bump::Patch),
            (ChangeKind::BuildBecameInfallible, Bump::Major)
        ]
    );
}

#[test]
fn a_subset_sees_only_what_its_operations_reach() {
    let text = json!({"shape": "Text"});
    let old = model(
        json!({"Kept": op("Kept", Some("KeptIn"), None), "Other": op("Other", Some("OtherIn"), None)}),
        json!({
            "KeptIn": {"type": "structure", "members": {"foo": {"shape": "Foo"}}},
            "Foo": {"type": "structure", "members": {"a": text}},
            "OtherIn": {"type": "structure", "members": {"a": text}},
            "Text": {"type": "string"}
        }),
    );
    let subset = OperationSubset::parse("Kept").unwrap();
    // A member on the other operation's input and a new operation: nothing the subset holds.
    let mut new = old.clone();
    let added: crate::model::Member = serde_json::from_value(text.clone()).unwrap();
    new.shapes
        .get_mut("OtherIn")
        .unwrap()
        .members
        .insert("b".to_string(), added);
    new.operations.insert(
        "Added".to_string(),
        serde_json::from_value(op("Added", Some("OtherIn"), None)).unwrap(),
    );
    assert!(diff_models(&old, &new).bump.is_some());
    let diff = diff_subset(&old, &new, &subset);
    assert_eq!(diff.changes, []);
    assert_eq!(diff.bump, None);

    // A new shape `FOO`, reached only by the new operation, takes the Rust name
    // `Foo` (collisions resolve in name order): the subset's `Foo` is renamed,
    // which the subset's diff must report though `FOO` is not in it.
    new.shapes.insert(
        "FOO".to_string(),
        serde_json::from_value(json!({"type": "structure", "members": {"b": text}})).unwrap(),
    );
    new.shapes.get_mut("OtherIn").unwrap().members.insert(
        "c".to_string(),
        serde_json::from_value(json!({"shape": "FOO"})).unwrap(),
    );
    let diff = diff_subset(&old, &new, &subset);
    let kinds: Vec<(&str, ChangeKind)> = diff
        .changes
        .iter()
        .map(|c| (c.path.as_str(), c.kind))
        .collect();
    assert_eq!(kinds, [("shapes.Foo", ChangeKind::RustNameChanged)]);
    assert_eq!(diff.bump, Some(Bump::Major));
}
