"""Removes the emitted serde impls (SerializeMembers, DeserializeMembers,
Serialize, Deserialize) from a generated crate: the "no serde at all" floor.

usage: strip_serde.py CRATE_DIR
"""
import pathlib
import re
import sys

SERDE = re.compile(
    r"^impl(<'de>)? ::awsgen_runtime::(primitives::(SerializeMembers|DeserializeMembers)"
    r"|serde::(Serialize|Deserialize<'de>))(\s|$)"
)


def items(text):
    """Splits a prettyplease-formatted file into its top-level items."""
    out, current, depth = [], [], 0
    for line in text.split("\n"):
        current.append(line)
        depth += line.count("{") - line.count("}")
        if depth == 0 and (line.startswith("}") or line.endswith(";") or line == ""):
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def head(item):
    """The item's first line that is not an attribute or a comment."""
    return next((l for l in item if l and not l.startswith(("#", "//"))), "")


for path in (pathlib.Path(sys.argv[1]) / "src").rglob("*.rs"):
    kept = ["\n".join(i) for i in items(path.read_text()) if not SERDE.match(head(i))]
    text = "\n".join(kept).replace("pub fn json_body(&self)", "pub fn json_body_removed(&self)")
    path.write_text(text)
