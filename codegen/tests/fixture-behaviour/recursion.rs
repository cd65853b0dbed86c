//! Recursive shapes are boxed and nest to any depth.

use awsgen_fixture_recursion::types::{Ping, Pong, Tree};
use serde_json::json;

#[test]
fn nested_trees_round_trip() {
    let document = json!({
        "name": "root",
        "parent": {"name": "grand", "parent": {"name": "great"}},
        "children": [{"name": "leaf", "children": []}],
        "left": {"pong": {"ping": {"pong": {"label": "deep"}}}}
    });
    let tree: Tree = serde_json::from_value(document.clone()).unwrap();
    let grand = tree.parent.as_deref().unwrap();
    assert_eq!(
        grand.parent.as_ref().unwrap().name.as_deref(),
        Some("great")
    );
    assert_eq!(serde_json::to_value(&tree).unwrap(), document);
    let built = Tree::builder()
        .parent(Tree::builder().name("p").build())
        .left(
            Ping::builder()
                .pong(Pong::builder().label("x").build())
                .build(),
        )
        .build();
    assert_eq!(built.parent.unwrap().name.as_deref(), Some("p"));
}
