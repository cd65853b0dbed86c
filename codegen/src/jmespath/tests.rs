//! The parser against jmespath.py: every expression of botocore's models,
//! and a set covering the rest of the grammar, must give jmespath.py's tree
//! (or be refused where it refuses them).

use serde::Deserialize;

use super::parse;

#[derive(Deserialize)]
struct ModelExpressions {
    botocore: String,
    models: usize,
    expressions: Vec<ModelExpression>,
}

#[derive(Deserialize)]
struct ModelExpression {
    expression: String,
    kinds: Vec<String>,
    tree: String,
}

#[derive(Deserialize)]
struct GrammarCases {
    cases: Vec<GrammarCase>,
}

#[derive(Deserialize)]
struct GrammarCase {
    expression: String,
    tree: Option<String>,
}

#[test]
fn every_expression_in_botocores_models_parses_as_jmespath_py_parses_it() {
    let fixture: ModelExpressions =
        serde_json::from_str(include_str!("../../testdata/jmespath-expressions.json")).unwrap();
    assert_eq!(fixture.botocore, "1.43.67");
    assert_eq!(fixture.models, 462);
    let mut wrong = Vec::new();
    for case in &fixture.expressions {
        match parse(&case.expression) {
            Ok(tree) if tree.to_sexpr() == case.tree => {}
            Ok(tree) => wrong.push(format!(
                "{:?}: {} (jmespath.py: {})",
                case.expression,
                tree.to_sexpr(),
                case.tree
            )),
            Err(err) => wrong.push(format!("{:?}: {err}", case.expression)),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // Every kind of use is in there.
    for kind in [
        "waiter",
        "operationContextParams",
        "paginator.output_token",
        "paginator.result_key",
        "paginator.more_results",
        "paginator.non_aggregate_keys",
    ] {
        assert!(
            fixture
                .expressions
                .iter()
                .any(|e| e.kinds.iter().any(|k| k == kind)),
            "{kind}"
        );
    }
    assert_eq!(fixture.expressions.len(), 2523);
}

#[test]
fn the_grammar_parses_as_jmespath_py_parses_it() {
    let fixture: GrammarCases =
        serde_json::from_str(include_str!("../../testdata/jmespath-grammar.json")).unwrap();
    let mut wrong = Vec::new();
    for case in &fixture.cases {
        let ours = parse(&case.expression).map(|tree| tree.to_sexpr());
        match (&ours, &case.tree) {
            (Ok(ours), Some(theirs)) if ours == theirs => {}
            (Err(_), None) => {}
            _ => wrong.push(format!(
                "{:?}: ours {ours:?}, jmespath.py {:?}",
                case.expression, case.tree
            )),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn errors_name_the_position() {
    let message = |expression: &str| parse(expression).unwrap_err().to_string();
    assert_eq!(
        message("foo[0"),
        "expected ']', found the end of the expression at position 5 of \"foo[0\""
    );
    assert_eq!(
        message("foo = bar"),
        "'=' is not an operator (did you mean '=='?) at position 4 of \"foo = bar\""
    );
    assert_eq!(
        message("a.`1`"),
        "expected a name, '*', '[' or '{' after '.', found the literal `1` at position 2 of \"a.`1`\""
    );
    assert_eq!(
        message("foo ||"),
        "the expression is incomplete at position 6 of \"foo ||\""
    );
    assert_eq!(
        message("length(a) b"),
        "unexpected the name \"b\" at position 10 of \"length(a) b\""
    );
    assert_eq!(
        message("'unclosed"),
        "a raw string without its closing quote at position 0 of \"'unclosed\""
    );
    assert_eq!(message(""), "an empty expression at position 0 of \"\"");
    assert_eq!(
        message("a[?b == `nope"),
        "a literal without its closing '`' at position 8 of \"a[?b == `nope\""
    );
    assert_eq!(
        message("é"),
        "unexpected character 'é' at position 0 of \"é\""
    );
    assert_eq!(
        message("[1:2:0]"),
        "a slice's step cannot be 0 at position 6 of \"[1:2:0]\""
    );
    assert_eq!(
        message("a[99999999999999999999]"),
        "the number 99999999999999999999 is too large at position 2 of \"a[99999999999999999999]\""
    );
}

#[test]
fn positions_count_characters() {
    let Ok(super::Expr::Subexpression(_, right)) = parse("\"é\".b") else {
        panic!("a sub-expression")
    };
    assert_eq!(
        *right,
        super::Expr::Field {
            name: "b".into(),
            position: 4
        }
    );
}
