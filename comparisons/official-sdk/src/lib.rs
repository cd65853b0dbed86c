//! Support code for the benchmarks:
//!
//! - `official_sdk`: the inputs both sides are given ([`fixtures`]), and the
//!   harness that drives the official AWS SDK for Rust without a network and
//!   times only its serialization and deserialization phases ([`official`]);
//! - `client_call`: a local HTTP/1.1 server ([`local_server`]) and the three
//!   ways of calling it that are timed: our client, the bare path and the
//!   official client ([`client_call`]).
//!
//! See the README beside `Cargo.toml` for what is measured and how.

pub mod client_call;
pub mod fixtures;
pub mod local_server;
pub mod official;
