//! What a call to a service returns when it fails.

use std::fmt;

use crate::primitives::BuildError;
use crate::protocol::{ErrorMeta, RequestError};

/// An operation's error as every generated operation error presents it to
/// the client: what the response said, and whether the model marks the
/// exception retryable.
pub trait ServiceError: std::error::Error + Send + Sync + 'static {
    /// Status, code, message and request id of the error response, when the
    /// error came from one.
    fn meta(&self) -> Option<&ErrorMeta>;
    /// The model's `retryable` trait on the exception: `Some(true)` when it
    /// is a throttling error, `Some(false)` for another retryable one.
    fn modeled_retry(&self) -> Option<bool> {
        None
    }
}

/// Why a call failed: the service's answer (`Service`, the operation's own
/// error type) kept apart from everything that went wrong before or instead
/// of an answer.
#[derive(Debug)]
#[non_exhaustive]
pub enum SdkError<E> {
    /// The input was incomplete: a required member is missing.
    Build(BuildError),
    /// The input could not be turned into a request.
    Request(RequestError),
    /// No endpoint: no region, or the service's rules refuse the settings.
    Endpoint(String),
    /// The request could not be signed (no credentials, for instance).
    Signing(String),
    /// The request could not be sent, or its response not read: connection
    /// refused or reset, TLS, I/O.
    Dispatch(Box<dyn std::error::Error + Send + Sync>),
    /// No complete response within the configured timeout.
    Timeout(std::time::Duration),
    /// The service answered with an error, or with a response the
    /// operation could not read.
    Service(E),
}

impl<E: ServiceError> SdkError<E> {
    /// The service's error, when the service answered with one.
    pub fn as_service_error(&self) -> Option<&E> {
        match self {
            SdkError::Service(error) => Some(error),
            _ => None,
        }
    }

    /// The service's error, when the service answered with one.
    pub fn into_service_error(self) -> Result<E, Self> {
        match self {
            SdkError::Service(error) => Ok(error),
            other => Err(other),
        }
    }

    /// What the error response said, when there was one.
    pub fn meta(&self) -> Option<&ErrorMeta> {
        self.as_service_error().and_then(ServiceError::meta)
    }

    /// The error code the service sent, when there was one.
    pub fn code(&self) -> Option<&str> {
        self.meta().and_then(|meta| meta.code.as_deref())
    }

    /// The request id AWS assigned, when there was a response.
    pub fn request_id(&self) -> Option<&str> {
        self.meta().and_then(|meta| meta.request_id.as_deref())
    }

    /// The HTTP status of the response, when there was one.
    pub fn status(&self) -> Option<u16> {
        self.meta().map(|meta| meta.status)
    }
}

impl<E: fmt::Display> fmt::Display for SdkError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SdkError::Build(error) => write!(f, "the input is incomplete: {error}"),
            SdkError::Request(error) => write!(f, "the request could not be made: {error}"),
            SdkError::Endpoint(message) => write!(f, "no endpoint: {message}"),
            SdkError::Signing(message) => write!(f, "the request could not be signed: {message}"),
            SdkError::Dispatch(error) => write!(f, "the request could not be sent: {error}"),
            SdkError::Timeout(after) => write!(f, "no response within {after:?}"),
            SdkError::Service(error) => fmt::Display::fmt(error, f),
        }
    }
}

impl<E: std::error::Error + 'static> std::error::Error for SdkError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SdkError::Build(error) => Some(error),
            SdkError::Request(error) => Some(error),
            SdkError::Dispatch(error) => Some(error.as_ref()),
            SdkError::Service(error) => Some(error),
            SdkError::Endpoint(_) | SdkError::Signing(_) | SdkError::Timeout(_) => None,
        }
    }
}
