//! Calling a service: the pieces a generated `Client` drives for every
//! operation (endpoint from the rules, SigV4, transport, retries) and the
//! error a call returns.

mod error;
mod handle;
pub mod jmespath;
pub mod paginate;
pub mod retry;
mod spec;
mod test_http;
mod transport;
pub mod waiter;

pub use error::{SdkError, ServiceError};
pub use handle::{Answer, Handle};
pub use spec::{EndpointRules, OperationSpec, ServiceSpec};
pub use test_http::TestHttp;
