//! The three ways the `client_call` benchmark makes the same API Gateway
//! calls against the [`LocalServer`](crate::local_server::LocalServer):
//!
//! - [`ours`]: our generated `Client` (endpoint from the rules, SigV4,
//!   retry bookkeeping, hyper transport, parse);
//! - [`Bare`]: the bare path, our operation's `serialize_request`, the
//!   request sent as it is over hyper 1's pooled HTTP/1.1 client (the client
//!   our runtime's transport wraps) with the endpoint put before its path, and
//!   `parse_response`: the same HTTP exchange without the client machinery;
//! - [`official`]: the official SDK's `Client` with its default HTTP client.
//!
//! Each makes `GetRestApis` with `limit` 25 and `CreateDeployment` with
//! [`REST_API_ID`], [`STAGE_NAME`], [`DESCRIPTION`] and [`VARIABLES`].

use awsgen_apigateway::operation::{CreateDeployment, GetRestApis, Operation};
use awsgen_apigateway::types::{CreateDeploymentRequest, Deployment, GetRestApisRequest, RestApis};
use awsgen_runtime::bytes::Bytes;
use awsgen_runtime::http;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

/// The region every client is configured with.
pub const REGION: &str = "us-east-1";
/// The access key every client signs with.
pub const ACCESS_KEY_ID: &str = "AKIDEXAMPLE";
/// The secret key every client signs with.
pub const SECRET_ACCESS_KEY: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
/// `GetRestApis`'s page size.
pub const LIMIT: i32 = 25;
/// `CreateDeployment`'s REST API.
pub const REST_API_ID: &str = "a1b2c3d4e5";
/// `CreateDeployment`'s stage.
pub const STAGE_NAME: &str = "prod";
/// `CreateDeployment`'s description.
pub const DESCRIPTION: &str = "benchmark deployment";
/// `CreateDeployment`'s stage variables.
pub const VARIABLES: [(&str, &str); 3] =
    [("lambdaAlias", "live"), ("env", "prod"), ("version", "42")];

/// The CPU time the calling thread has used so far (user and system).
///
/// On a busy machine this clock is far steadier than the wall clock: time
/// the thread spends waiting for a core does not count. When the server runs
/// on the same thread, its work and the kernel's loopback work done in the
/// thread's system calls count, the same for every side.
pub fn thread_cpu_time() -> std::time::Duration {
    let now = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    std::time::Duration::new(
        u64::try_from(now.tv_sec).unwrap_or(0),
        u32::try_from(now.tv_nsec).unwrap_or(0),
    )
}

/// Any error, for the calls' results.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Our client, configured explicitly (nothing read from the environment)
/// with the endpoint `endpoint_url`.
pub fn ours(endpoint_url: &str) -> awsgen_apigateway::Client {
    use awsgen_runtime::config::Config;
    use awsgen_runtime::signing::Credentials;
    let config = Config::builder()
        .region(REGION)
        .credentials(Credentials::new(ACCESS_KEY_ID, SECRET_ACCESS_KEY, None))
        .endpoint_url(endpoint_url)
        .build();
    awsgen_apigateway::Client::new(&config)
}

/// `GetRestApis` through our client.
pub async fn ours_get_rest_apis(client: &awsgen_apigateway::Client) -> Result<RestApis, BoxError> {
    Ok(client.get_rest_apis().limit(LIMIT).send().await?)
}

/// `CreateDeployment` through our client.
pub async fn ours_create_deployment(
    client: &awsgen_apigateway::Client,
) -> Result<Deployment, BoxError> {
    let mut call = client
        .create_deployment()
        .rest_api_id(REST_API_ID)
        .stage_name(STAGE_NAME)
        .description(DESCRIPTION);
    for (key, value) in VARIABLES {
        call = call.variables(key, value);
    }
    Ok(call.send().await?)
}

/// The official client with its default HTTP client, configured explicitly
/// (static credentials, region, endpoint URL; no `aws-config`, so nothing
/// is read from the environment, the shared files or IMDS), its other
/// settings the defaults of the latest behavior version.
pub fn official(endpoint_url: &str) -> aws_sdk_apigateway::Client {
    use aws_sdk_apigateway::config::{BehaviorVersion, Credentials, Region};
    let config = aws_sdk_apigateway::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new(REGION))
        .credentials_provider(Credentials::new(
            ACCESS_KEY_ID,
            SECRET_ACCESS_KEY,
            None,
            None,
            "benchmark",
        ))
        .endpoint_url(endpoint_url)
        .build();
    aws_sdk_apigateway::Client::from_conf(config)
}

/// `GetRestApis` through the official client.
pub async fn official_get_rest_apis(
    client: &aws_sdk_apigateway::Client,
) -> Result<aws_sdk_apigateway::operation::get_rest_apis::GetRestApisOutput, BoxError> {
    Ok(client.get_rest_apis().limit(LIMIT).send().await?)
}

/// `CreateDeployment` through the official client.
pub async fn official_create_deployment(
    client: &aws_sdk_apigateway::Client,
) -> Result<aws_sdk_apigateway::operation::create_deployment::CreateDeploymentOutput, BoxError> {
    let mut call = client
        .create_deployment()
        .rest_api_id(REST_API_ID)
        .stage_name(STAGE_NAME)
        .description(DESCRIPTION);
    for (key, value) in VARIABLES {
        call = call.variables(key, value);
    }
    Ok(call.send().await?)
}

/// The bare path: our operations' wire code and hyper's pooled client, with
/// nothing in between but the endpoint put before the request's path.
#[derive(Clone, Debug)]
pub struct Bare {
    client: Client<HttpConnector, Full<Bytes>>,
    endpoint_url: String,
}

impl Bare {
    /// A pooled client for `endpoint_url` (`http://…`, no TLS), with
    /// `TCP_NODELAY` as our runtime's transport sets it.
    pub fn new(endpoint_url: &str) -> Bare {
        let mut connector = HttpConnector::new();
        connector.set_nodelay(true);
        Bare {
            client: Client::builder(TokioExecutor::new()).build(connector),
            endpoint_url: endpoint_url.trim_end_matches('/').to_owned(),
        }
    }

    /// Sends `request` (its URI a path and query) to the endpoint and reads
    /// the whole response.
    pub async fn send(
        &self,
        mut request: http::Request<Bytes>,
    ) -> Result<http::Response<Bytes>, BoxError> {
        let path_and_query = request.uri().path_and_query().map_or("/", |p| p.as_str());
        *request.uri_mut() = format!("{}{path_and_query}", self.endpoint_url).parse()?;
        let response = self.client.request(request.map(Full::new)).await?;
        let (parts, body) = response.into_parts();
        let body = body.collect().await?.to_bytes();
        Ok(http::Response::from_parts(parts, body))
    }

    /// `GetRestApis`: input built, serialized, sent, answer parsed.
    pub async fn get_rest_apis(&self) -> Result<RestApis, BoxError> {
        let input = GetRestApisRequest::builder().limit(LIMIT).build();
        let request = <GetRestApis as Operation>::serialize_request(&input)?;
        let response = self.send(request).await?;
        Ok(<GetRestApis as Operation>::parse_response(&response)?)
    }

    /// `CreateDeployment`: input built, serialized, sent, answer parsed.
    pub async fn create_deployment(&self) -> Result<Deployment, BoxError> {
        let mut input = CreateDeploymentRequest::builder()
            .rest_api_id(REST_API_ID)
            .stage_name(STAGE_NAME)
            .description(DESCRIPTION);
        for (key, value) in VARIABLES {
            input = input.variables(key, value);
        }
        let input = input.build()?;
        let request = <CreateDeployment as Operation>::serialize_request(&input)?;
        let response = self.send(request).await?;
        Ok(<CreateDeployment as Operation>::parse_response(&response)?)
    }
}
