"""Collects every JMESPath expression botocore's models carry, for the
parser's all-expressions test (`jmespath-expressions.json` beside this file).

Run with the botocore the fixture names (the version is read from the package):

    python collect_jmespath_expressions.py /path/to/botocore > jmespath-expressions.json

and, for `jmespath-grammar.json` (hand-picked expressions covering the
grammar beyond what the models use, with jmespath.py's tree or its refusal):

    python collect_jmespath_expressions.py --grammar > jmespath-grammar.json

Expressions come from waiter acceptors' `argument`, operations'
`operationContextParams` paths in service-2.json, and paginators'
`output_token`, `result_key`, `more_results` and `non_aggregate_keys` (each
compiled by botocore's `paginate.py`). Each distinct expression is listed once,
with how many times and where first it is used, and the tree jmespath.py
(the library botocore evaluates with) parses it into, written the way the
Rust parser's `Expr::to_sexpr` writes its own, so the test compares the two.
"""

import gzip
import json
import os
import re
import sys

import jmespath


def load(path):
    if path.endswith(".gz"):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return json.load(f)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def find(folder, stem):
    for name in (stem + ".json", stem + ".json.gz"):
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            return path
    return None


def as_list(value):
    return value if isinstance(value, list) else [value]


def literal(value):
    return "`" + json.dumps(value, separators=(",", ":"), ensure_ascii=False) + "`"


def sexpr(node):
    """jmespath.py's tree in `Expr::to_sexpr`'s notation (n-ary
    sub-expressions and index expressions nest to the left)."""
    kind = node["type"]
    children = node.get("children", [])
    if kind in ("identity", "current"):
        return "@"
    if kind == "field":
        return "(field %s)" % node["value"]
    if kind in ("subexpression", "index_expression"):
        name = "sub" if kind == "subexpression" else "index-of"
        tree = sexpr(children[0])
        for child in children[1:]:
            tree = "(%s %s %s)" % (name, tree, sexpr(child))
        return tree
    if kind == "index":
        return "(index %d)" % node["value"]
    if kind == "slice":
        return "(slice %s)" % " ".join("_" if c is None else str(c) for c in children)
    if kind in ("projection", "value_projection", "pipe", "or_expression", "and_expression"):
        name = {
            "projection": "project",
            "value_projection": "project-values",
            "pipe": "|",
            "or_expression": "||",
            "and_expression": "&&",
        }[kind]
        return "(%s %s %s)" % (name, sexpr(children[0]), sexpr(children[1]))
    if kind == "filter_projection":
        return "(filter %s %s %s)" % (sexpr(children[0]), sexpr(children[2]), sexpr(children[1]))
    if kind == "flatten":
        return "(flatten %s)" % sexpr(children[0])
    if kind == "comparator":
        symbol = {"eq": "==", "ne": "!=", "lt": "<", "lte": "<=", "gt": ">", "gte": ">="}[node["value"]]
        return "(%s %s %s)" % (symbol, sexpr(children[0]), sexpr(children[1]))
    if kind == "not_expression":
        return "(! %s)" % sexpr(children[0])
    if kind == "literal":
        return literal(node["value"])
    if kind == "multi_select_list":
        return "(list %s)" % " ".join(sexpr(c) for c in children)
    if kind == "multi_select_dict":
        return "(hash %s)" % " ".join(
            "%s=%s" % (pair["value"], sexpr(pair["children"][0])) for pair in children
        )
    if kind == "function_expression":
        if not children:
            return "(%s)" % node["value"]
        return "(%s %s)" % (node["value"], " ".join(sexpr(c) for c in children))
    if kind == "expref":
        return "(& %s)" % sexpr(children[0])
    raise ValueError("unknown node " + kind)


# Every construct of the grammar, and some it refuses.
GRAMMAR = [
    "foo", "\"quoted name\"", "\"with \\\"escapes\\\" \\u00e9\"", "_under_score9",
    "foo.bar.baz", "foo.\"bar\".baz", "@", "@.foo", "foo.@",
    "foo[0]", "foo[-1]", "foo[0][1]", "[0]", "foo[1:3]", "foo[::2]", "foo[::-1]", "foo[:2:]",
    "foo[-2:]", "[:3].bar", "foo[1:].bar[0]",
    "foo[*]", "foo[*].bar", "foo[*].bar[*].baz", "[*].a", "foo[*][0]", "foo[*].bar[0].baz",
    "foo[]", "foo[].bar", "foo[].bar[]", "foo[][]", "[]", "[].foo", "foo[][0]", "foo[].bar | [0]",
    "*", "*.foo", "foo.*", "foo.*.bar", "foo.*.bar.*", "foo.*[0]",
    "foo[?bar]", "foo[?bar == 'x'].baz", "[?a > `1`]", "foo[?a == `1` && b != `2`]",
    "foo[?!a]", "foo[?!(a || b)]", "foo[?a < b]", "foo[?a <= `1`]", "foo[?a >= `1.5`]",
    "foo[?a][?b]", "foo[?a].b[?c].d", "foo[?a] | [0]", "foo[?a][]",
    "a || b", "a && b", "a || b && c", "a && b || c", "!a", "!a.b", "!!a", "!a == b",
    "a == b", "a != `null`", "a < `1`", "a.b > c.d", "a == b == c",
    "`true`", "`false`", "`null`", "`\"str\"`", "`[1, 2]`", "`{\"a\": 1}`", "`1.5`", "`-3`",
    "`foo`", "`  spaced`", "`with \\` tick`", "'raw'", "'it\\'s'", "'back\\\\slash'", "''",
    "[a, b]", "[a, b.c, `1`]", "foo.[a, b]", "foo[*].[a, b]", "[a, b][]", "[[a], b]",
    "{a: b}", "{a: b, \"c d\": e.f}", "foo.{a: b}", "foo[*].{a: b, c: d[0]}", "{a: {b: c}}",
    "length(foo)", "length(foo[])", "contains(foo, 'x')", "keys(@)", "values(foo)",
    "starts_with(a, 'b')", "not_null(a, b, c)", "sort_by(foo, &bar)", "max_by(foo, &bar.baz)",
    "map(&a, foo)", "join(', ', foo[*].name)", "to_string(`1`)", "abs(`-1`)", "length(a) > `0`",
    "foo.length(bar)", "foo[*].length(bar)", "sum(a[*].b) >= `10`", "type(@)", "f()",
    "a | b", "a | b | c", "a[0] | b", "a.b | c.d", "(a || b).c", "(a)", "(a.b)[0]",
    "a.b.c[0].d[1][2]", "a[?b == `[1]`]", "a[?b == `{}`]", "a[?contains(b, 'c')]",
    " foo . bar ", "foo\t.bar", "foo[ 0 ]",
    # Refused.
    "", "foo.", ".foo", "foo..bar", "foo[", "foo]", "foo[0", "foo[a]", "foo = bar", "foo ||",
    "a.[]", "a.`1`", "`unclosed", "'unclosed", "\"unclosed", "-", "foo[1:2:3:4]", "{a}", "{a: }",
    "[a,]", "a(b", "\"quoted\"(a)", "a.b(c)", "foo[?]", "@foo", "#", "a b",
]


def grammar():
    cases = []
    for expression in GRAMMAR:
        try:
            tree = sexpr(jmespath.compile(expression).parsed)
        except Exception:  # jmespath raises several error types
            tree = None
        cases.append({"expression": expression, "tree": tree})
    sys.stdout.write("{\n")
    sys.stdout.write(' "jmespath": %s,\n' % json.dumps(jmespath.__version__))
    sys.stdout.write(' "generated_by": "codegen/testdata/collect_jmespath_expressions.py --grammar",\n')
    sys.stdout.write(' "note": "tree null: jmespath.py refuses the expression",\n')
    sys.stdout.write(' "cases": [\n')
    for index, case in enumerate(cases):
        comma = "," if index + 1 < len(cases) else ""
        sys.stdout.write("  %s%s\n" % (json.dumps(case, ensure_ascii=False), comma))
    sys.stdout.write(" ]\n}\n")


def main():
    if sys.argv[1] == "--grammar":
        grammar()
        return
    package = sys.argv[1]
    with open(os.path.join(package, "__init__.py"), encoding="utf-8") as f:
        version = re.search(r"__version__ = '([^']+)'", f.read()).group(1)
    data = os.path.join(package, "data")
    found = {}
    models = 0

    def add(expression, kind, place):
        entry = found.setdefault(expression, {"kinds": set(), "uses": 0, "first_use": place})
        entry["kinds"].add(kind)
        entry["uses"] += 1

    for service in sorted(os.listdir(data)):
        service_dir = os.path.join(data, service)
        if not os.path.isdir(service_dir):
            continue
        for version_name in sorted(os.listdir(service_dir)):
            folder = os.path.join(service_dir, version_name)
            model_path = find(folder, "service-2")
            if model_path is None:
                continue
            models += 1
            where = f"{service}/{version_name}"
            model = load(model_path)
            for op_name, op in sorted(model.get("operations", {}).items()):
                for name, param in sorted(op.get("operationContextParams", {}).items()):
                    add(param["path"], "operationContextParams", f"{where}:operations.{op_name}.operationContextParams.{name}.path")
            waiters_path = find(folder, "waiters-2")
            if waiters_path:
                for name, waiter in sorted(load(waiters_path).get("waiters", {}).items()):
                    for index, acceptor in enumerate(waiter.get("acceptors", [])):
                        if "argument" in acceptor:
                            add(acceptor["argument"], "waiter", f"{where}:waiters.{name}.acceptors[{index}].argument")
            paginators_path = find(folder, "paginators-1")
            if paginators_path:
                for op_name, pag in sorted(load(paginators_path).get("pagination", {}).items()):
                    for key in ("output_token", "result_key", "more_results", "non_aggregate_keys"):
                        if key in pag:
                            for expression in as_list(pag[key]):
                                add(expression, "paginator." + key, f"{where}:pagination.{op_name}.{key}")

    expressions = [
        {
            "expression": expression,
            "kinds": sorted(entry["kinds"]),
            "uses": entry["uses"],
            "first_use": entry["first_use"],
            "tree": sexpr(jmespath.compile(expression).parsed),
        }
        for expression, entry in sorted(found.items())
    ]
    # One expression per line: a diff shows what a new release adds.
    sys.stdout.write("{\n")
    header = {
        "botocore": version,
        "jmespath": jmespath.__version__,
        "models": models,
        "generated_by": "codegen/testdata/collect_jmespath_expressions.py",
    }
    for key, value in header.items():
        sys.stdout.write(" %s: %s,\n" % (json.dumps(key), json.dumps(value)))
    sys.stdout.write(' "expressions": [\n')
    for index, entry in enumerate(expressions):
        comma = "," if index + 1 < len(expressions) else ""
        sys.stdout.write("  %s%s\n" % (json.dumps(entry, ensure_ascii=False), comma))
    sys.stdout.write(" ]\n}\n")


if __name__ == "__main__":
    main()
