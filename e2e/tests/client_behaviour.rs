//! The client's behaviour on the wire, against a scripted local server:
//! pagination, retries, the retry quota, timeouts, bad responses, signing.

use std::time::{Duration, Instant};

use awsgen_apigateway::operation::GetRestApisError;
use awsgen_apigateway::Client;
use awsgen_e2e::scripted::{Response, ScriptedServer, Step};
use awsgen_runtime::client::SdkError;
use awsgen_runtime::config::Config;
use awsgen_runtime::signing::Credentials;

fn config(server: &ScriptedServer) -> awsgen_runtime::config::ConfigBuilder {
    Config::builder()
        .region(awsgen_e2e::REGION)
        .credentials(Credentials::new(
            awsgen_e2e::ACCESS_KEY_ID,
            awsgen_e2e::SECRET_ACCESS_KEY,
            None,
        ))
        .endpoint_url(server.endpoint_url())
}

fn client(server: &ScriptedServer) -> Client {
    Client::new(&config(server).build())
}

fn page(ids: &[&str], position: Option<&str>) -> Step {
    let items: Vec<String> = ids.iter().map(|id| format!(r#"{{"id":"{id}"}}"#)).collect();
    let position = position
        .map(|p| format!(r#","position":"{p}""#))
        .unwrap_or_default();
    Step::Respond(Response::json(
        200,
        format!(r#"{{"item":[{}]{position}}}"#, items.join(",")),
    ))
}

fn ok_apis() -> Step {
    page(&[], None)
}

#[tokio::test]
async fn pages_follow_the_token_until_there_is_none() -> Result<(), Box<dyn std::error::Error>> {
    let server = ScriptedServer::start([
        page(&["a", "b"], Some("p2")),
        page(&["c"], Some("p3")),
        page(&["d"], None),
    ])?;
    let ids: Vec<String> = client(&server)
        .get_rest_apis()
        .limit(2)
        .into_paginator()
        .items()
        .collect()
        .await?
        .into_iter()
        .filter_map(|api| api.id)
        .collect();
    assert_eq!(ids, ["a", "b", "c", "d"]);
    let queries: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.query().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        queries,
        ["limit=2", "position=p2&limit=2", "position=p3&limit=2"]
    );
    Ok(())
}

#[tokio::test]
async fn a_repeated_token_ends_the_stream() -> Result<(), Box<dyn std::error::Error>> {
    let server = ScriptedServer::start([
        page(&["a"], Some("same")),
        page(&["b"], Some("same")),
        page(&["never"], None),
    ])?;
    let mut pages = client(&server).get_rest_apis().into_paginator();
    let mut seen = 0;
    while let Some(page) = pages.next().await {
        page?;
        seen += 1;
    }
    assert_eq!(seen, 2);
    assert_eq!(server.requests().len(), 2);
    Ok(())
}

#[tokio::test]
async fn an_empty_token_ends_the_stream() -> Result<(), Box<dyn std::error::Error>> {
    let server = ScriptedServer::start([page(&["a"], Some("")), page(&["never"], None)])?;
    let pages = client(&server)
        .get_rest_apis()
        .into_paginator()
        .collect()
        .await?;
    assert_eq!(pages.len(), 1);
    assert_eq!(server.requests().len(), 1);
    Ok(())
}

#[tokio::test]
async fn a_503_is_retried() -> Result<(), Box<dyn std::error::Error>> {
    let server = ScriptedServer::start([
        Step::Respond(Response::json(503, r#"{"message":"busy"}"#)),
        ok_apis(),
    ])?;
    client(&server).get_rest_apis().send().await?;
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[0].header("amz-sdk-request"),
        Some("attempt=1; max=3")
    );
    assert_eq!(
        requests[1].header("amz-sdk-request"),
        Some("attempt=2; max=3")
    );
    // One invocation id for every attempt of a call.
    assert_eq!(
        requests[0].header("amz-sdk-invocation-id"),
        requests[1].header("amz-sdk-invocation-id")
    );
    Ok(())
}

#[tokio::test]
async fn a_throttled_answer_waits_as_the_server_asks() -> Result<(), Box<dyn std::error::Error>> {
    // botocore 1.43.67 honours `x-amz-retry-after` (milliseconds), up to 5 s
    // beyond its own backoff; it does not read the standard `Retry-After`.
    let server = ScriptedServer::start([
        Step::Respond(
            Response::json(429, r#"{"message":"slow down"}"#)
                .header("x-amzn-errortype", "TooManyRequestsException")
                .header("x-amz-retry-after", "1500"),
        ),
        ok_apis(),
    ])?;
    let started = Instant::now();
    client(&server).get_rest_apis().send().await?;
    assert!(
        started.elapsed() >= Duration::from_millis(1500),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(server.requests().len(), 2);
    Ok(())
}

#[tokio::test]
async fn a_429_without_a_throttling_code_is_not_retried() -> Result<(), Box<dyn std::error::Error>>
{
    let server = ScriptedServer::start([
        Step::Respond(
            Response::json(429, r#"{"message":"?"}"#).header("x-amzn-errortype", "Unlisted"),
        ),
        ok_apis(),
    ])?;
    let error = client(&server).get_rest_apis().send().await.unwrap_err();
    assert_eq!(error.status(), Some(429));
    assert_eq!(server.requests().len(), 1);
    Ok(())
}

#[tokio::test]
async fn a_reset_connection_is_retried() -> Result<(), Box<dyn std::error::Error>> {
    let server = ScriptedServer::start([Step::Reset, ok_apis()])?;
    client(&server).get_rest_apis().send().await?;
    assert_eq!(server.requests().len(), 2);
    Ok(())
}

#[tokio::test]
async fn the_retry_quota_runs_out() -> Result<(), Box<dyn std::error::Error>> {
    // 500 tokens, 14 per retried transient error: 35 calls get their retry,
    // the 36th is not retried; failures refund nothing.
    let busy = || Step::Respond(Response::json(503, r#"{"message":"busy"}"#));
    let server = ScriptedServer::start((0..71).map(|_| busy()))?;
    let client = Client::new(&config(&server).max_attempts(2).build());
    for call in 0..36 {
        let error = client.get_rest_apis().send().await.unwrap_err();
        assert_eq!(error.status(), Some(503), "call {call}");
    }
    let requests = server.requests();
    assert_eq!(requests.len(), 71);
    assert_eq!(
        requests[69].header("amz-sdk-request"),
        Some("attempt=2; max=2")
    );
    assert_eq!(
        requests[70].header("amz-sdk-request"),
        Some("attempt=1; max=2")
    );
    Ok(())
}

#[tokio::test]
async fn a_malformed_body_is_a_typed_error() -> Result<(), Box<dyn std::error::Error>> {
    let server = ScriptedServer::start([Step::Respond(Response::json(200, "{not json"))])?;
    let error = client(&server).get_rest_apis().send().await.unwrap_err();
    assert!(
        matches!(
            error,
            SdkError::Service(GetRestApisError::InvalidResponse(_))
        ),
        "{error:?}"
    );
    assert_eq!(server.requests().len(), 1);
    Ok(())
}

#[tokio::test]
async fn a_slow_server_hits_the_timeout() -> Result<(), Box<dyn std::error::Error>> {
    let server = ScriptedServer::start([Step::Delay(
        Duration::from_secs(5),
        Response::json(200, r#"{"item":[]}"#),
    )])?;
    let client = Client::new(
        &config(&server)
            .request_timeout(Duration::from_millis(200))
            .max_attempts(1)
            .build(),
    );
    let started = Instant::now();
    let error = client.get_rest_apis().send().await.unwrap_err();
    assert!(matches!(error, SdkError::Timeout(_)), "{error:?}");
    assert!(started.elapsed() < Duration::from_secs(4));
    assert!(error.to_string().contains("no response within"), "{error}");
    Ok(())
}

#[tokio::test]
async fn requests_are_signed() -> Result<(), Box<dyn std::error::Error>> {
    let server = ScriptedServer::start([ok_apis()])?;
    client(&server).get_rest_apis().send().await?;
    let request = &server.requests()[0];
    let authorization = request.header("authorization").ok_or("no Authorization")?;
    let (scheme, rest) = authorization.split_once(' ').ok_or("no scheme")?;
    assert_eq!(scheme, "AWS4-HMAC-SHA256");
    let parts: Vec<&str> = rest.split(", ").collect();
    let credential = parts[0]
        .strip_prefix("Credential=")
        .ok_or("no Credential")?;
    let scope: Vec<&str> = credential.split('/').collect();
    assert_eq!(scope.len(), 5, "{credential}");
    assert_eq!(scope[0], awsgen_e2e::ACCESS_KEY_ID);
    assert_eq!(scope[1].len(), 8);
    assert_eq!(&scope[2..], ["us-east-1", "apigateway", "aws4_request"]);
    let signed = parts[1]
        .strip_prefix("SignedHeaders=")
        .ok_or("no SignedHeaders")?;
    assert!(signed.split(';').any(|h| h == "host"), "{signed}");
    assert!(signed.split(';').any(|h| h == "x-amz-date"), "{signed}");
    let signature = parts[2].strip_prefix("Signature=").ok_or("no Signature")?;
    assert_eq!(signature.len(), 64);
    assert!(signature.bytes().all(|b| b.is_ascii_hexdigit()));
    assert!(request.header("x-amz-date").is_some());
    Ok(())
}

#[tokio::test]
async fn no_credentials_is_a_signing_error() -> Result<(), Box<dyn std::error::Error>> {
    let server = ScriptedServer::start([ok_apis()])?;
    let config = Config::builder()
        .region("us-east-1")
        .endpoint_url(server.endpoint_url())
        .build();
    let error = Client::new(&config)
        .get_rest_apis()
        .send()
        .await
        .unwrap_err();
    assert!(matches!(error, SdkError::Signing(_)), "{error:?}");
    assert_eq!(server.requests().len(), 0);
    Ok(())
}

#[tokio::test]
async fn a_missing_required_member_sends_nothing() -> Result<(), Box<dyn std::error::Error>> {
    let server = ScriptedServer::start([ok_apis()])?;
    let error = client(&server)
        .get_stage()
        .stage_name("prod")
        .send()
        .await
        .unwrap_err();
    assert!(matches!(error, SdkError::Build(_)), "{error:?}");
    assert_eq!(server.requests().len(), 0);
    Ok(())
}

#[tokio::test]
async fn calls_and_streams_run_on_any_tokio_worker() -> Result<(), Box<dyn std::error::Error>> {
    let server = ScriptedServer::start([ok_apis(), page(&["a"], None)])?;
    let client = client(&server);
    // `tokio::spawn` needs `Send + 'static` futures: a call and a stream
    // that could not move between threads would not compile here.
    let call = tokio::spawn(client.get_rest_apis().send());
    call.await??;
    let pages = tokio::spawn(client.get_rest_apis().into_paginator().collect());
    assert_eq!(pages.await??.len(), 1);
    Ok(())
}

#[tokio::test]
async fn a_refused_connection_is_a_dispatch_error() -> Result<(), Box<dyn std::error::Error>> {
    // A port nobody listens on: bound, then let go.
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let config = Config::builder()
        .region(awsgen_e2e::REGION)
        .credentials(Credentials::new("AKID", "secret", None))
        .endpoint_url(format!("http://127.0.0.1:{port}"))
        .max_attempts(2)
        .build();
    let error = Client::new(&config)
        .get_rest_apis()
        .send()
        .await
        .unwrap_err();
    assert!(matches!(error, SdkError::Dispatch(_)), "{error:?}");
    assert!(
        error
            .to_string()
            .starts_with("the request could not be sent"),
        "{error}"
    );
    Ok(())
}
