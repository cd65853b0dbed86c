//! botocore's DynamoDB endpoint cases that name an operation and its input
//! (`operationInputs`), run through the generated client: the SDK settings
//! go into a `Config`, the input into the operation's fluent builder, and
//! the request the client would send (to a `TestHttp`, not the network) must
//! go to the expected URL, signed for the expected region, or the call must
//! fail with the expected endpoint error. This checks what the plain
//! endpoint tests cannot: that the generated client binds the operation's
//! parameters (`ResourceArn`, `keys(RequestItems)`, …) and the SDK's
//! built-ins as botocore does.

use std::collections::BTreeMap;

use awsgen_dynamodb::types::{AttributeValue, KeysAndAttributes};
use awsgen_dynamodb::Client;
use awsgen_runtime::client::{SdkError, TestHttp};
use awsgen_runtime::config::Config;
use awsgen_runtime::serde_json::{self, Value};
use awsgen_runtime::signing::Credentials;

/// botocore 1.43.67's `tests/functional/endpoint-rules/dynamodb/endpoint-tests-1.json`.
const CASES: &str = include_str!("../../testdata/endpoint-tests/dynamodb.json");

/// The configuration botocore's built-ins describe.
fn config(built_ins: &serde_json::Map<String, Value>, http: &TestHttp) -> Config {
    let mut builder = Config::builder().test_http(http.clone());
    let mut credentials = Credentials::new(
        awsgen_e2e::ACCESS_KEY_ID,
        awsgen_e2e::SECRET_ACCESS_KEY,
        None,
    );
    for (name, value) in built_ins {
        let text = || value.as_str().expect("a text built-in").to_owned();
        let flag = || value.as_bool().expect("a boolean built-in");
        builder = match name.as_str() {
            "AWS::Region" => builder.region(text()),
            "SDK::Endpoint" => builder.endpoint_url(text()),
            "AWS::UseFIPS" => builder.use_fips(flag()),
            "AWS::UseDualStack" => builder.use_dual_stack(flag()),
            "AWS::Auth::AccountIdEndpointMode" => builder.account_id_endpoint_mode(text()),
            "AWS::Auth::AccountId" => {
                credentials = credentials.with_account_id(text());
                builder
            }
            other => panic!("built-in {other} has no Config setting in this test"),
        };
    }
    builder.credentials(credentials).build()
}

/// A DynamoDB attribute value from its JSON form (`{"S": …}`, `{"N": …}`).
fn attribute(value: &Value) -> AttributeValue {
    let text = |key: &str| value.get(key).and_then(Value::as_str);
    if let Some(s) = text("S") {
        AttributeValue::builder().s(s).build()
    } else if let Some(n) = text("N") {
        AttributeValue::builder().n(n).build()
    } else {
        panic!("attribute value {value} is neither S nor N")
    }
}

fn text(params: &Value, member: &str) -> String {
    params[member]
        .as_str()
        .unwrap_or_else(|| panic!("{member} is not text in {params}"))
        .to_owned()
}

/// The endpoint error of a call's result; any other error fails the test.
fn endpoint_error<O, E: std::fmt::Display>(result: Result<O, SdkError<E>>) -> Result<(), String> {
    match result {
        Ok(_) => Ok(()),
        Err(SdkError::Endpoint(message)) => Err(message),
        Err(other) => panic!("not an endpoint error: {other}"),
    }
}

/// Calls `operation` with `params` and gives the endpoint error, if any.
async fn call(client: &Client, operation: &str, params: &Value) -> Result<(), String> {
    match operation {
        "ListTables" => endpoint_error(client.list_tables().send().await),
        "DescribeTable" => endpoint_error(
            client
                .describe_table()
                .table_name(text(params, "TableName"))
                .send()
                .await,
        ),
        "BatchGetItem" => {
            let mut call = client.batch_get_item();
            for (table, keys) in params["RequestItems"].as_object().expect("RequestItems") {
                let mut wanted = KeysAndAttributes::builder();
                for key in keys["Keys"].as_array().expect("Keys") {
                    let key: BTreeMap<String, AttributeValue> = key
                        .as_object()
                        .expect("a key")
                        .iter()
                        .map(|(name, value)| (name.clone(), attribute(value)))
                        .collect();
                    wanted = wanted.keys(key);
                }
                call = call.request_items(table, wanted.build().expect("keys set"));
            }
            endpoint_error(call.send().await)
        }
        "SearchVectors" => {
            let mut call = client
                .search_vectors()
                .table_name(text(params, "TableName"))
                .index_name(text(params, "IndexName"));
            for value in params["SearchVector"].as_array().expect("SearchVector") {
                call = call.search_vector(attribute(value));
            }
            let top_k = params["TopK"].as_i64().expect("TopK");
            endpoint_error(
                call.top_k(i32::try_from(top_k).expect("TopK fits i32"))
                    .send()
                    .await,
            )
        }
        other => panic!("no call for operation {other} in this test"),
    }
}

#[tokio::test]
async fn every_case_with_operation_inputs_resolves_through_the_client() {
    let cases: Value = serde_json::from_str(CASES).unwrap();
    let mut checked = 0;
    let mut variants_off = 0;
    let mut failures = Vec::new();
    for case in cases["testCases"].as_array().unwrap() {
        let Some(inputs) = case.get("operationInputs").and_then(Value::as_array) else {
            continue;
        };
        let documentation = case["documentation"].as_str().unwrap_or("");
        for input in inputs {
            let operation = input["operationName"].as_str().unwrap();
            let http = TestHttp::always(200, "{}");
            let config = config(input["builtInParams"].as_object().unwrap(), &http);
            let client = Client::new(&config);
            let params = input.get("operationParams").cloned().unwrap_or(Value::Null);
            let outcome = call(&client, operation, &params).await;
            let built_ins = &input["builtInParams"];
            let explicit = built_ins["SDK::Endpoint"].as_str();
            let variant =
                built_ins["AWS::UseFIPS"] == true || built_ins["AWS::UseDualStack"] == true;
            let expect = match explicit {
                // botocore's test sets these built-ins directly; its client
                // never gives them together, as it turns FIPS and dual-stack
                // off for an explicit endpoint (`args.py`), and so does ours:
                // such a client calls the endpoint as given.
                Some(url) if variant => {
                    variants_off += 1;
                    &serde_json::json!({"endpoint": {"url": url}})
                }
                _ => &case["expect"],
            };
            let problem = match (outcome, expect.get("error")) {
                (Err(message), Some(expected)) => {
                    let expected = expected.as_str().unwrap();
                    (!message.contains(expected))
                        .then(|| format!("error {message:?}, expected {expected:?}"))
                }
                (Err(message), None) => Some(format!("unexpected endpoint error {message:?}")),
                (Ok(()), Some(expected)) => Some(format!("sent, expected the error {expected}")),
                (Ok(()), None) => {
                    let requests = http.requests();
                    let request = &requests[0];
                    let url = expect["endpoint"]["url"].as_str().unwrap();
                    let sent = request.uri().to_string();
                    let scheme = &expect["endpoint"]["properties"]["authSchemes"][0];
                    let wanted_scope = format!(
                        "{}/{}",
                        scheme["signingRegion"].as_str().unwrap_or("us-east-1"),
                        scheme["signingName"].as_str().unwrap_or("dynamodb")
                    );
                    if sent.trim_end_matches('/') != url.trim_end_matches('/') {
                        Some(format!("sent to {sent}, expected {url}"))
                    } else if scheme.is_object()
                        && awsgen_e2e::signing_scope(request) != wanted_scope
                    {
                        Some(format!(
                            "signed for {}, expected {wanted_scope}",
                            awsgen_e2e::signing_scope(request)
                        ))
                    } else {
                        None
                    }
                }
            };
            checked += 1;
            if let Some(problem) = problem {
                failures.push(format!("{documentation} ({operation}): {problem}"));
            }
        }
    }
    assert_eq!(checked, 267, "botocore 1.43.67 has 267 such inputs");
    assert_eq!(variants_off, 45);
    assert!(
        failures.is_empty(),
        "{} of {checked} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn a_wrong_expectation_fails() {
    // The check above must be able to fail: the same account-based endpoint
    // without the account id in the credentials goes elsewhere.
    let http = TestHttp::always(200, "{}");
    let built_ins = serde_json::json!({"AWS::Region": "us-east-1"});
    let client = Client::new(&config(built_ins.as_object().unwrap(), &http));
    call(&client, "ListTables", &Value::Null).await.unwrap();
    let sent = http.requests()[0].uri().to_string();
    assert_eq!(sent, "https://dynamodb.us-east-1.amazonaws.com/");
    let built_ins = serde_json::json!({
        "AWS::Region": "us-east-1",
        "AWS::Auth::AccountId": "111111111111",
    });
    let client = Client::new(&config(built_ins.as_object().unwrap(), &http));
    call(&client, "ListTables", &Value::Null).await.unwrap();
    let sent = http.requests()[1].uri().to_string();
    assert_eq!(sent, "https://111111111111.ddb.us-east-1.amazonaws.com/");
}
