//! The state a service's client shares between calls, and one call: endpoint,
//! headers, signature, attempts.

use std::collections::BTreeMap;
use std::time::SystemTime;

use bytes::Bytes;

use super::error::{SdkError, ServiceError};
use super::retry::{
    x_amz_retry_after, AttemptOutcome, RetryDecision, RetryPolicy, TransportFailure,
};
use super::spec::{OperationSpec, ServiceSpec};
use super::transport::{FailureKind, Transport, TransportError};
use crate::config::Config;
use crate::endpoint::{Endpoint, Partitions, Value};
use crate::protocol::{HostPrefix, RequestError};

/// The regions whose STS clients called the global endpoint before
/// regional ones became the default: botocore's `LEGACY_GLOBAL_STS_REGIONS`.
const LEGACY_GLOBAL_STS_REGIONS: [&str; 16] = [
    "ap-northeast-1",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "aws-global",
    "ca-central-1",
    "eu-central-1",
    "eu-north-1",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
];
use crate::signing::{sign_request, SigningScope};

/// What a service's `Client` holds: its service, the configuration, the
/// connection pool and the retry quota. Generated clients keep it in an
/// `Arc`, so clones of a client share all of it.
#[derive(Debug)]
pub struct Handle {
    service: &'static ServiceSpec,
    config: Config,
    transport: Transport,
    /// The retry rules and the client's retry quota.
    retries: RetryPolicy,
}

/// One call's result, with the HTTP status of the last response when there
/// was one (waiters match on it).
#[derive(Debug)]
pub struct Answer<O, E> {
    /// The status of the last response.
    pub status: Option<u16>,
    /// The output, or why there is none.
    pub result: Result<O, SdkError<E>>,
}

impl Handle {
    /// A client's shared state for `service` with `config`.
    pub fn new(service: &'static ServiceSpec, config: &Config) -> Handle {
        Handle {
            service,
            config: config.clone(),
            transport: Transport::new(config.connect_timeout(), config.test_http().cloned()),
            retries: RetryPolicy::new(
                config.retry_mode(),
                service.service_id,
                config.max_attempts(),
            ),
        }
    }

    /// The configuration the client was made with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Sends `request` (method, path, query, headers and body, as the
    /// operation serialized its input) to the endpoint the rules give for
    /// the configuration and `endpoint_parameters`, signed, with retries,
    /// and reads the answer with `parse`.
    pub async fn call<O, E: ServiceError>(
        &self,
        operation: &OperationSpec,
        endpoint_parameters: Vec<(&'static str, Value)>,
        request: Result<http::Request<Bytes>, RequestError>,
        parse: fn(&http::Response<Bytes>) -> Result<O, E>,
    ) -> Answer<O, E> {
        let mut status = None;
        let result = self
            .call_inner(operation, endpoint_parameters, request, parse, &mut status)
            .await;
        Answer { status, result }
    }

    async fn call_inner<O, E: ServiceError>(
        &self,
        operation: &OperationSpec,
        endpoint_parameters: Vec<(&'static str, Value)>,
        request: Result<http::Request<Bytes>, RequestError>,
        parse: fn(&http::Response<Bytes>) -> Result<O, E>,
        status: &mut Option<u16>,
    ) -> Result<O, SdkError<E>> {
        let request = request.map_err(SdkError::Request)?;
        let endpoint = self
            .resolve_endpoint(endpoint_parameters)
            .map_err(SdkError::Endpoint)?;
        let mut request = self
            .address(request, &endpoint)
            .map_err(SdkError::Endpoint)?;
        let signing = if operation.signed {
            Some(self.signing(&endpoint).map_err(SdkError::Signing)?)
        } else {
            None
        };
        let user_agent = format!(
            "awsgen-runtime/{} {}/{} lang/rust",
            env!("CARGO_PKG_VERSION"),
            self.service.crate_name,
            self.service.crate_version
        );
        insert_header(&mut request, "user-agent", &user_agent);
        let invocation_id = uuid::Uuid::new_v4().to_string();
        let timeout = self.config.request_timeout();
        let mut retries = self.retries.start_call(operation.name);
        loop {
            let mut attempt_request = request.clone();
            if let Some((credentials, region, name)) = &signing {
                let scope = SigningScope {
                    region,
                    service: name,
                    time: SystemTime::now(),
                };
                sign_request(&mut attempt_request, credentials, scope)
                    .map_err(|error| SdkError::Signing(error.to_string()))?;
            }
            // As botocore: added after signing, as they change per attempt.
            insert_header(
                &mut attempt_request,
                "amz-sdk-invocation-id",
                &invocation_id,
            );
            insert_header(
                &mut attempt_request,
                "amz-sdk-request",
                &format!(
                    "attempt={}; max={}",
                    retries.attempt(),
                    retries.max_attempts()
                ),
            );
            let (result, decision) = match self.transport.send(attempt_request, timeout).await {
                Ok(response) => {
                    *status = Some(response.status().as_u16());
                    let parsed = parse(&response);
                    let modeled = parsed.as_ref().err().and_then(ServiceError::modeled_retry);
                    let code = parsed
                        .as_ref()
                        .err()
                        .and_then(ServiceError::meta)
                        .and_then(|meta| meta.code.as_deref());
                    let outcome = AttemptOutcome::response(response.status().as_u16())
                        .with_error_code(code)
                        .with_modeled_retry(modeled)
                        .with_retry_after(x_amz_retry_after(response.headers()))
                        .with_crc32_mismatch(crc32_mismatch(&response));
                    let decision = retries.after_attempt(&outcome);
                    (parsed.map_err(SdkError::Service), decision)
                }
                Err(error) => {
                    let failure = match error.kind {
                        FailureKind::Connect => TransportFailure::Connect,
                        FailureKind::ConnectTimeout => TransportFailure::ConnectTimeout,
                        FailureKind::Broken => TransportFailure::ConnectionClosed,
                        FailureKind::Timeout => TransportFailure::ReadTimeout,
                    };
                    let decision = retries.after_attempt(&AttemptOutcome::transport(failure));
                    (Err(transport_error(error, &self.config)), decision)
                }
            };
            match decision {
                RetryDecision::Retry { delay, .. } => tokio::time::sleep(delay).await,
                RetryDecision::Stop { delay, .. } => {
                    // Non-zero only for a long-polling operation whose retry
                    // quota ran out: it still waits, so a caller polling in a
                    // loop does not spin.
                    if !delay.is_zero() {
                        tokio::time::sleep(delay).await;
                    }
                    return result;
                }
            }
        }
    }

    /// The endpoint for the configuration and the operation's parameters.
    fn resolve_endpoint(
        &self,
        operation_parameters: Vec<(&'static str, Value)>,
    ) -> Result<Endpoint, String> {
        let Some(rules) = self.service.rules else {
            return match self.config.endpoint_url(self.service.service_id) {
                Some(url) => Ok(Endpoint {
                    url: url.to_owned(),
                    headers: BTreeMap::new(),
                    properties: serde_json::Map::new(),
                }),
                None => Err(format!(
                    "the {} model has no endpoint rules, so the client needs an endpoint URL \
                     (AWS_ENDPOINT_URL or Config::builder().endpoint_url)",
                    self.service.service_id
                )),
            };
        };
        let rules = rules
            .get()
            .map_err(|error| format!("the endpoint rules cannot be read: {error}"))?;
        let mut parameters = BTreeMap::new();
        for (name, parameter) in rules.parameters() {
            let Some(built_in) = parameter.built_in.as_deref() else {
                continue;
            };
            if let Some(value) = self.built_in(built_in) {
                parameters.insert(name.clone(), value);
            }
        }
        // botocore's order: builtIns, the client's context parameters, then
        // the operation's.
        for (name, value) in self.config.client_context_params() {
            if rules.parameters().contains_key(name) {
                parameters.insert(name.clone(), value.clone());
            }
        }
        for (name, value) in operation_parameters {
            parameters.insert(name.to_owned(), value);
        }
        rules
            .resolve(&parameters, Partitions::botocore())
            .map_err(|error| error.to_string())
    }

    /// The value of an SDK setting the rules name (`AWS::Region`, …), as
    /// botocore gives them (`args.py`, `compute_endpoint_resolver_builtin_defaults`).
    fn built_in(&self, name: &str) -> Option<Value> {
        let endpoint = self.config.endpoint_url(self.service.service_id);
        let text = |value: &str| Some(Value::String(value.to_owned()));
        match name {
            "AWS::Region" => self.config.region().and_then(text),
            // An explicit endpoint is used as given: no FIPS or dual-stack variant of it.
            "AWS::UseFIPS" => Some(Value::Bool(endpoint.is_none() && self.config.use_fips())),
            "AWS::UseDualStack" => Some(Value::Bool(
                endpoint.is_none() && self.config.use_dual_stack(),
            )),
            "SDK::Endpoint" => endpoint.and_then(text),
            "AWS::Auth::AccountId" => self
                .config
                .credentials()
                .and_then(|credentials| credentials.account_id())
                .and_then(text),
            "AWS::Auth::AccountIdEndpointMode" => text(self.config.account_id_endpoint_mode()),
            // As botocore's `_should_set_global_sts_endpoint`: only `legacy`,
            // and only from the regions that used the global endpoint.
            "AWS::STS::UseGlobalEndpoint" => Some(Value::Bool(
                self.config.sts_regional_endpoints() == "legacy"
                    && self
                        .config
                        .region()
                        .is_some_and(|region| LEGACY_GLOBAL_STS_REGIONS.contains(&region)),
            )),
            // botocore's defaults for S3's settings.
            "AWS::S3::UseGlobalEndpoint"
            | "AWS::S3::Accelerate"
            | "AWS::S3::ForcePathStyle"
            | "AWS::S3Control::UseArnRegion"
            | "AWS::S3::DisableMultiRegionAccessPoints"
            | "AWS::S3::DisableS3ExpressSessionAuth" => Some(Value::Bool(false)),
            "AWS::S3::UseArnRegion" => Some(Value::Bool(true)),
            _ => None,
        }
    }

    /// The request with its URI made absolute on the endpoint (the host
    /// prefix before its host, its path before the request's) and the
    /// endpoint's headers added.
    fn address(
        &self,
        mut request: http::Request<Bytes>,
        endpoint: &Endpoint,
    ) -> Result<http::Request<Bytes>, String> {
        let base: http::Uri = endpoint
            .url
            .parse()
            .map_err(|error| format!("the endpoint {} is not a URL: {error}", endpoint.url))?;
        let (Some(scheme), Some(authority)) = (base.scheme_str(), base.authority()) else {
            return Err(format!(
                "the endpoint {} has no scheme or host",
                endpoint.url
            ));
        };
        let prefix = request
            .extensions()
            .get::<HostPrefix>()
            .map(|prefix| prefix.0.as_str())
            .unwrap_or("");
        let base_path = base.path().trim_end_matches('/');
        let path_and_query = request
            .uri()
            .path_and_query()
            .map(|p| p.as_str())
            .unwrap_or("/");
        let uri = format!("{scheme}://{prefix}{authority}{base_path}{path_and_query}");
        *request.uri_mut() = uri
            .parse()
            .map_err(|error| format!("the request URL {uri} is not valid: {error}"))?;
        for (name, values) in &endpoint.headers {
            for value in values {
                let name = http::HeaderName::from_bytes(name.as_bytes())
                    .map_err(|error| format!("the endpoint header {name}: {error}"))?;
                let value = http::HeaderValue::from_str(value)
                    .map_err(|error| format!("the endpoint header {name}: {error}"))?;
                request.headers_mut().append(name, value);
            }
        }
        Ok(request)
    }

    /// The credentials, region and service name to sign with: the
    /// endpoint's first SigV4 auth scheme says the name and region where it
    /// is given, else the service's signing name and the configured region.
    fn signing(
        &self,
        endpoint: &Endpoint,
    ) -> Result<(crate::signing::Credentials, String, String), String> {
        let credentials = self.config.credentials().cloned().ok_or_else(|| {
            "no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile in \
             the shared files, or credentials in the Config"
                .to_owned()
        })?;
        let scheme = endpoint
            .properties
            .get("authSchemes")
            .and_then(|schemes| schemes.as_array())
            .and_then(|schemes| {
                schemes
                    .iter()
                    .find(|scheme| scheme.get("name").and_then(|n| n.as_str()) == Some("sigv4"))
            });
        let text = |key: &str| {
            scheme
                .and_then(|scheme| scheme.get(key))
                .and_then(|value| value.as_str())
                .map(str::to_owned)
        };
        let region = text("signingRegion")
            .or_else(|| self.config.region().map(str::to_owned))
            .ok_or_else(|| {
                "no region to sign for: set AWS_REGION or a region in the Config".to_owned()
            })?;
        let name = text("signingName").unwrap_or_else(|| self.service.signing_name.to_owned());
        Ok((credentials, region, name))
    }
}

fn transport_error<E>(error: TransportError, config: &Config) -> SdkError<E> {
    let limit = match error.kind {
        FailureKind::Timeout => config.request_timeout(),
        FailureKind::ConnectTimeout => config.connect_timeout(),
        FailureKind::Connect | FailureKind::Broken => None,
    };
    match limit {
        Some(limit) => SdkError::Timeout(limit),
        None => SdkError::Dispatch(error.source),
    }
}

/// Whether the response's body does not match its `x-amz-crc32` header
/// (DynamoDB sends one; botocore retries a mismatch as a damaged response).
fn crc32_mismatch(response: &http::Response<Bytes>) -> bool {
    let Some(expected) = response
        .headers()
        .get("x-amz-crc32")
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.trim().parse::<u32>().ok())
    else {
        return false;
    };
    crc32fast::hash(response.body()) != expected
}

fn insert_header(request: &mut http::Request<Bytes>, name: &'static str, value: &str) {
    if let Ok(value) = http::HeaderValue::from_str(value) {
        request.headers_mut().insert(name, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static NO_RULES: ServiceSpec = ServiceSpec {
        service_id: "Example Service",
        signing_name: "example",
        crate_name: "awsgen-example",
        crate_version: "0.0.0",
        rules: None,
    };

    static RULES: super::super::spec::EndpointRules = super::super::spec::EndpointRules::new(
        r#"{"version":"1.0","parameters":{
            "Region":{"type":"String","builtIn":"AWS::Region"},
            "UseFIPS":{"type":"Boolean","builtIn":"AWS::UseFIPS","required":true,"default":false},
            "Endpoint":{"type":"String","builtIn":"SDK::Endpoint"},
            "AccountId":{"type":"String","builtIn":"AWS::Auth::AccountId"},
            "Table":{"type":"String"}},
          "rules":[
            {"type":"endpoint","conditions":[{"fn":"isSet","argv":[{"ref":"Endpoint"}]}],
             "endpoint":{"url":{"ref":"Endpoint"}}},
            {"type":"endpoint","conditions":[{"fn":"isSet","argv":[{"ref":"AccountId"}]},
                                             {"fn":"isSet","argv":[{"ref":"Table"}]}],
             "endpoint":{"url":"https://{AccountId}.{Table}.{Region}.example.com",
                         "headers":{"x-routed":["account"]}}},
            {"type":"endpoint","conditions":[{"fn":"booleanEquals","argv":[{"ref":"UseFIPS"},true]}],
             "endpoint":{"url":"https://example-fips.{Region}.amazonaws.com",
               "properties":{"authSchemes":[{"name":"sigv4","signingName":"other","signingRegion":"us-west-2"}]}}},
            {"type":"endpoint","conditions":[],"endpoint":{"url":"https://example.{Region}.amazonaws.com/base/"}}]}"#,
    );

    static WITH_RULES: ServiceSpec = ServiceSpec {
        service_id: "Example Service",
        signing_name: "example",
        crate_name: "awsgen-example",
        crate_version: "0.0.0",
        rules: Some(&RULES),
    };

    fn request(path: &str) -> http::Request<Bytes> {
        let mut request = http::Request::new(Bytes::new());
        *request.uri_mut() = path.parse().unwrap();
        request
    }

    #[test]
    fn the_path_goes_after_the_endpoints_and_the_host_prefix_before_its_host() {
        let handle = Handle::new(&WITH_RULES, &Config::builder().region("eu-west-1").build());
        let endpoint = handle.resolve_endpoint(Vec::new()).unwrap();
        assert_eq!(
            endpoint.url,
            "https://example.eu-west-1.amazonaws.com/base/"
        );
        let mut prefixed = request("/items/1?x=y");
        prefixed
            .extensions_mut()
            .insert(HostPrefix("data-".to_owned()));
        let addressed = handle.address(prefixed, &endpoint).unwrap();
        assert_eq!(
            addressed.uri().to_string(),
            "https://data-example.eu-west-1.amazonaws.com/base/items/1?x=y"
        );
    }

    #[test]
    fn builtins_and_operation_parameters_reach_the_rules() {
        let credentials = crate::signing::Credentials::new("AKID", "secret", None)
            .with_account_id("111122223333");
        let config = Config::builder()
            .region("us-east-1")
            .credentials(credentials)
            .build();
        let handle = Handle::new(&WITH_RULES, &config);
        let endpoint = handle
            .resolve_endpoint(vec![("Table", Value::String("pets".to_owned()))])
            .unwrap();
        assert_eq!(
            endpoint.url,
            "https://111122223333.pets.us-east-1.example.com"
        );
        let addressed = handle.address(request("/"), &endpoint).unwrap();
        assert_eq!(addressed.headers()["x-routed"], "account");
        // Without the operation's parameter the account rule does not apply.
        let endpoint = handle.resolve_endpoint(Vec::new()).unwrap();
        assert_eq!(
            endpoint.url,
            "https://example.us-east-1.amazonaws.com/base/"
        );
    }

    #[test]
    fn the_rules_auth_scheme_names_the_signing_scope() {
        let config = Config::builder()
            .region("us-east-1")
            .use_fips(true)
            .credentials(crate::signing::Credentials::new("AKID", "secret", None))
            .build();
        let handle = Handle::new(&WITH_RULES, &config);
        let endpoint = handle.resolve_endpoint(Vec::new()).unwrap();
        let (_, region, name) = handle.signing(&endpoint).unwrap();
        assert_eq!((region.as_str(), name.as_str()), ("us-west-2", "other"));
    }

    #[test]
    fn client_context_parameters_the_rules_declare_reach_them() {
        let credentials =
            crate::signing::Credentials::new("AKID", "secret", None).with_account_id("1");
        let config = Config::builder()
            .region("us-east-1")
            .credentials(credentials)
            .client_context_param("Table", "client".into())
            .client_context_param("Unknown", true.into())
            .build();
        let handle = Handle::new(&WITH_RULES, &config);
        let endpoint = handle.resolve_endpoint(Vec::new()).unwrap();
        assert_eq!(endpoint.url, "https://1.client.us-east-1.example.com");
        // The operation's own parameter wins over the client's.
        let endpoint = handle
            .resolve_endpoint(vec![("Table", Value::String("op".to_owned()))])
            .unwrap();
        assert_eq!(endpoint.url, "https://1.op.us-east-1.example.com");
    }

    #[test]
    fn an_explicit_endpoint_turns_fips_off() {
        let config = Config::builder()
            .region("us-east-1")
            .use_fips(true)
            .endpoint_url("http://127.0.0.1:9")
            .build();
        let handle = Handle::new(&WITH_RULES, &config);
        assert_eq!(handle.built_in("AWS::UseFIPS"), Some(Value::Bool(false)));
        let endpoint = handle.resolve_endpoint(Vec::new()).unwrap();
        assert_eq!(endpoint.url, "http://127.0.0.1:9");
    }

    #[test]
    fn a_model_without_rules_needs_an_endpoint() {
        let handle = Handle::new(&NO_RULES, &Config::builder().region("us-east-1").build());
        let error = handle.resolve_endpoint(Vec::new()).unwrap_err();
        assert!(error.contains("needs an endpoint URL"), "{error}");
        let config = Config::builder().endpoint_url("http://127.0.0.1:9").build();
        let handle = Handle::new(&NO_RULES, &config);
        assert_eq!(
            handle.resolve_endpoint(Vec::new()).unwrap().url,
            "http://127.0.0.1:9"
        );
    }

    #[test]
    fn signing_needs_credentials_and_a_region() {
        let handle = Handle::new(&NO_RULES, &Config::builder().region("us-east-1").build());
        let endpoint = Endpoint {
            url: "https://example.com".to_owned(),
            headers: BTreeMap::new(),
            properties: serde_json::Map::new(),
        };
        let error = handle.signing(&endpoint).unwrap_err();
        assert!(error.starts_with("no credentials"), "{error}");
        let config = Config::builder()
            .credentials(crate::signing::Credentials::new("AKID", "secret", None))
            .build();
        let error = Handle::new(&NO_RULES, &config)
            .signing(&endpoint)
            .unwrap_err();
        assert!(error.starts_with("no region"), "{error}");
    }
}
