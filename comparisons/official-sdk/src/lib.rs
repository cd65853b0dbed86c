//! Support code for the `official_sdk` benchmark: the inputs both sides are
//! given ([`fixtures`]), and the harness that drives the official AWS SDK for
//! Rust without a network and times only its serialization and
//! deserialization phases ([`official`]).
//!
//! See the README beside `Cargo.toml` for what is measured and how.

pub mod fixtures;
pub mod official;
