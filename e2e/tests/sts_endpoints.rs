//! botocore's STS endpoint cases that name an operation (`operationInputs`),
//! run through the generated client: the built-ins become `Config` settings
//! (`AWS::STS::UseGlobalEndpoint` is `sts_regional_endpoints("legacy")`, as
//! botocore derives it), the call is answered by `TestHttp`, and the request
//! must go to the expected URL, signed for the expected region.

use awsgen_runtime::client::TestHttp;
use awsgen_runtime::config::Config;
use awsgen_runtime::serde_json::{self, Value};
use awsgen_sts::Client;

const CASES: &str = include_str!("../../testdata/endpoint-tests/sts.json");

const IDENTITY: &str = "<GetCallerIdentityResponse><GetCallerIdentityResult>\
    <Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>";

fn config(built_ins: &serde_json::Map<String, Value>, http: &TestHttp) -> Config {
    let mut builder = awsgen_e2e::test_config().test_http(http.clone());
    for (name, value) in built_ins {
        builder = match name.as_str() {
            "AWS::Region" => builder.region(value.as_str().unwrap()),
            "SDK::Endpoint" => builder.endpoint_url(value.as_str().unwrap()),
            "AWS::STS::UseGlobalEndpoint" => {
                builder.sts_regional_endpoints(if value == true { "legacy" } else { "regional" })
            }
            other => panic!("built-in {other} has no Config setting in this test"),
        };
    }
    builder.build()
}

/// Where a GetCallerIdentity call with `built_ins` goes: its URL and signing scope.
async fn destination(built_ins: &serde_json::Map<String, Value>) -> (String, String) {
    let http = TestHttp::always(200, IDENTITY);
    let client = Client::new(&config(built_ins, &http));
    let identity = client.get_caller_identity().send().await.unwrap();
    assert_eq!(identity.account(), Some("123456789012"));
    let request = &http.requests()[0];
    (
        request.uri().to_string(),
        awsgen_e2e::signing_scope(request),
    )
}

#[tokio::test]
async fn every_case_with_operation_inputs_resolves_through_the_client() {
    let cases: Value = serde_json::from_str(CASES).unwrap();
    let mut checked = 0;
    let mut failures = Vec::new();
    for case in cases["testCases"].as_array().unwrap() {
        let Some(inputs) = case.get("operationInputs").and_then(Value::as_array) else {
            continue;
        };
        for input in inputs {
            assert_eq!(input["operationName"], "GetCallerIdentity");
            let (sent, scope) = destination(input["builtInParams"].as_object().unwrap()).await;
            let url = case["expect"]["endpoint"]["url"].as_str().unwrap();
            let scheme = &case["expect"]["endpoint"]["properties"]["authSchemes"][0];
            checked += 1;
            if sent.trim_end_matches('/') != url.trim_end_matches('/') {
                failures.push(format!(
                    "{}: sent to {sent}, expected {url}",
                    case["documentation"]
                ));
            } else if scheme.is_object() {
                let wanted = format!(
                    "{}/{}",
                    scheme["signingRegion"].as_str().unwrap(),
                    scheme["signingName"].as_str().unwrap()
                );
                if scope != wanted {
                    failures.push(format!(
                        "{}: signed for {scope}, expected {wanted}",
                        case["documentation"]
                    ));
                }
            }
        }
    }
    assert_eq!(checked, 18, "botocore 1.43.67 has 18 such inputs");
    assert!(
        failures.is_empty(),
        "{} of {checked} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn regional_is_the_default_and_legacy_only_covers_the_old_regions() {
    let built_ins = |json: Value| json.as_object().unwrap().clone();
    let (sent, scope) =
        destination(&built_ins(serde_json::json!({"AWS::Region": "eu-west-1"}))).await;
    assert_eq!(sent, "https://sts.eu-west-1.amazonaws.com/");
    assert_eq!(scope, "eu-west-1/sts");
    let (sent, _) = destination(&built_ins(serde_json::json!({
        "AWS::Region": "eu-west-1", "AWS::STS::UseGlobalEndpoint": true,
    })))
    .await;
    assert_eq!(sent, "https://sts.amazonaws.com/");
    let (sent, _) = destination(&built_ins(serde_json::json!({
        "AWS::Region": "ap-east-1", "AWS::STS::UseGlobalEndpoint": true,
    })))
    .await;
    assert_eq!(sent, "https://sts.ap-east-1.amazonaws.com/");
}
