//! The "compact per-shape schema" option of issue 8, as a measured prototype.
//!
//! Instead of emitted serde impls per structure, each structure gets a static
//! member table (wire names, bindings) and two index accessors that hand out
//! its fields as `&dyn Value`; one JSON codec in [`schema`] walks them. The
//! [`shapes`] module holds, for the benched shapes, what codegen would emit.
//! `benches/walk.rs` checks that both read and write the same values, then
//! times them side by side; `measure-compile.sh` times `cargo check` of a
//! whole crate generated each way.

pub mod pull;
pub mod schema;

// The walker's macros name `$crate::serde_json`, as they do inside the runtime.
pub use serde_json;
pub mod shapes;
