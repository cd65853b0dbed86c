//! AWS Signature Version 4, computed by the `aws-sigv4` crate with the
//! settings that make it sign what botocore signs (`botocore/auth.py`,
//! `SigV4Auth`): every header but botocore's list of hop-by-hop and
//! per-attempt ones, the session token included, the path normalized and
//! encoded twice, no payload-hash header.

use std::borrow::Cow;
use std::fmt;
use std::time::SystemTime;

use aws_sigv4::http_request::{
    sign, PayloadChecksumKind, PercentEncodingMode, SessionTokenMode, SignableBody,
    SignableRequest, SigningSettings, UriPathNormalizationMode,
};
use aws_sigv4::sign::v4;
use bytes::Bytes;

/// The headers a signature leaves out: botocore's list
/// (`SIGNED_HEADERS_BLACKLIST`, which a proxy may change), and those botocore
/// adds only after signing (`amz-sdk-invocation-id`, `amz-sdk-request`, which
/// change per attempt, and `Content-Length`).
const UNSIGNED_HEADERS: [&str; 15] = [
    "connection",
    "expect",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "user-agent",
    "x-amzn-trace-id",
    "amz-sdk-invocation-id",
    "amz-sdk-request",
    "authorization",
    "content-length",
];

/// AWS credentials: an access key, and a session token for temporary ones.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    access_key_id: String,
    secret_access_key: String,
    session_token: Option<String>,
    account_id: Option<String>,
}

impl Credentials {
    /// Credentials from their parts.
    pub fn new(
        access_key_id: impl Into<String>,
        secret_access_key: impl Into<String>,
        session_token: Option<String>,
    ) -> Self {
        Credentials {
            access_key_id: access_key_id.into(),
            secret_access_key: secret_access_key.into(),
            session_token,
            account_id: None,
        }
    }

    /// The same credentials, known to belong to the AWS account
    /// `account_id`: services with account-based endpoints (DynamoDB) use it.
    pub fn with_account_id(mut self, account_id: impl Into<String>) -> Self {
        self.account_id = Some(account_id.into());
        self
    }

    /// The AWS account the credentials belong to, when known.
    pub fn account_id(&self) -> Option<&str> {
        self.account_id.as_deref()
    }

    /// The access key id (not secret).
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }

    /// The session token of temporary credentials.
    pub fn session_token(&self) -> Option<&str> {
        self.session_token.as_deref()
    }
}

/// The secret key and token never show in logs.
impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"** redacted **")
            .field(
                "session_token",
                &self.session_token.as_ref().map(|_| "** redacted **"),
            )
            .field("account_id", &self.account_id)
            .finish()
    }
}

/// What a signature is made for: the signing region and service name (an
/// endpoint's `authSchemes` may override the model's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SigningScope<'a> {
    /// The region, e.g. `us-east-1`.
    pub region: &'a str,
    /// The signing name, e.g. `apigateway` (the model's `signingName`).
    pub service: &'a str,
    /// When the request is signed.
    pub time: SystemTime,
}

/// Why a request could not be signed.
#[derive(Debug)]
pub struct SigningError {
    message: String,
}

impl fmt::Display for SigningError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the request could not be signed: {}", self.message)
    }
}

impl std::error::Error for SigningError {}

fn failed(message: impl fmt::Display) -> SigningError {
    SigningError {
        message: message.to_string(),
    }
}

/// Signs `request` (its URI absolute: the host is signed) in place: adds
/// `X-Amz-Date`, `X-Amz-Security-Token` for temporary credentials, and
/// `Authorization`, replacing any earlier signature.
pub fn sign_request(
    request: &mut http::Request<Bytes>,
    credentials: &Credentials,
    scope: SigningScope<'_>,
) -> Result<(), SigningError> {
    for stale in ["authorization", "x-amz-date", "x-amz-security-token"] {
        request.headers_mut().remove(stale);
    }
    let mut settings = SigningSettings::default();
    settings.percent_encoding_mode = PercentEncodingMode::Double;
    settings.uri_path_normalization_mode = UriPathNormalizationMode::Enabled;
    settings.payload_checksum_kind = PayloadChecksumKind::NoHeader;
    settings.session_token_mode = SessionTokenMode::Include;
    settings.excluded_headers = Some(UNSIGNED_HEADERS.iter().map(|h| Cow::Borrowed(*h)).collect());
    let identity = aws_credential_types::Credentials::new(
        &credentials.access_key_id,
        &credentials.secret_access_key,
        credentials.session_token.clone(),
        None,
        "awsgen",
    )
    .into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(scope.region)
        .name(scope.service)
        .time(scope.time)
        .settings(settings)
        .build()
        .map_err(failed)?
        .into();
    let headers = request
        .headers()
        .iter()
        .map(|(name, value)| {
            value
                .to_str()
                .map(|value| (name.as_str(), value))
                .map_err(|_| failed(format!("the header {name} is not text")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let uri = request.uri().to_string();
    let signable = SignableRequest::new(
        request.method().as_str(),
        uri,
        headers.into_iter(),
        SignableBody::Bytes(request.body()),
    )
    .map_err(failed)?;
    let (instructions, _signature) = sign(signable, &params).map_err(failed)?.into_parts();
    instructions.apply_to_request_http1x(request);
    Ok(())
}
