#!/usr/bin/env bash
# Times `cargo check` of one generated crate three ways, alternating, in one
# scratch workspace under target/code-per-shape:
#   emitted  today's per-structure serde impls (this checkout's codegen)
#   schema   a static member table and index accessors per structure, walked
#            by one codec in the runtime (schema-emission.patch)
#   none     no serde impls at all (strip_serde.py): the floor
# Each crate is measured as a dependency is built: the runtime built first,
# then a non-incremental `cargo check -p` of the crate alone.
#
# usage: comparisons/code-per-shape/measure-compile.sh MODEL_JSON [ROUNDS]
# e.g.   measure-compile.sh botocore/data/ec2/2016-11-15/service-2.json.gz 2
set -euo pipefail

model=$(realpath "$1")
rounds=${2:-2}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
work=$repo/target/code-per-shape
patched=$work/patched
# The crates get a workspace of their own beside the patched checkout, not
# above it: a path dependency below a workspace root becomes its member.
measure=$work/measure

cleanup() { git -C "$repo" worktree remove --force "$patched" 2>/dev/null || true; }
trap cleanup EXIT
cleanup
rm -rf "$work"
mkdir -p "$measure/crates"
git -C "$repo" worktree add --quiet --detach "$patched" HEAD
git -C "$patched" apply "$here/schema-emission.patch"
cp "$here/src/schema.rs" "$patched/runtime/src/schema.rs"
(cd "$patched" && cargo build --quiet --release -p xtask)

xtask=$patched/target/release/xtask
"$xtask" codegen --model "$model" --out "$measure/crates/emitted" >/dev/null
AWSGEN_SHAPE_CODE=schema "$xtask" codegen --model "$model" --out "$measure/crates/schema" >/dev/null
cp -r "$measure/crates/emitted" "$measure/crates/none"
python3 "$here/strip_serde.py" "$measure/crates/none"
for variant in emitted schema none; do
  sed -i -E "s/^name = \"awsgen-([a-z0-9-]+)\"/name = \"awsgen-\1-$variant\"/; s/^name = \"awsgen_([a-z0-9_]+)\"/name = \"awsgen_\1_$variant\"/" \
    "$measure/crates/$variant/Cargo.toml"
done
printf '[workspace]\nresolver = "2"\nmembers = ["crates/*"]\n' > "$measure/Cargo.toml"

cd "$measure"
export CARGO_INCREMENTAL=0
cargo check --quiet --workspace 2>/dev/null || cargo check --workspace
for round in $(seq "$rounds"); do
  for variant in emitted schema none; do
    package=$(sed -n -E 's/^name = "(awsgen-[a-z0-9-]+)"/\1/p' "crates/$variant/Cargo.toml" | head -1)
    touch "crates/$variant/src/lib.rs"
    start=$(date +%s.%N)
    cargo check --quiet -p "$package"
    end=$(date +%s.%N)
    lines=$(find "crates/$variant/src" -name '*.rs' -exec cat {} + | wc -l)
    printf 'round %s  %-8s %8.1f s  %9d lines\n' "$round" "$variant" "$(echo "$end - $start" | bc)" "$lines"
  done
done
