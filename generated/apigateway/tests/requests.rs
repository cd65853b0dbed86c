//! API Gateway inputs become the HTTP requests the service expects.

use awsgen_apigateway::operation::{
    CreateDeployment, GetRestApis, GetStage, Operation, PutRestApi, UpdateStage,
};
use awsgen_apigateway::primitives::Blob;
use awsgen_apigateway::protocol::RequestError;
use awsgen_apigateway::types::{
    CreateDeploymentRequest, GetRestApisRequest, GetStageRequest, Op, PatchOperation, PutMode,
    PutRestApiRequest, UpdateStageRequest,
};
use awsgen_runtime::{bytes, http};
use serde_json::json;

fn body_json(request: &http::Request<bytes::Bytes>) -> serde_json::Value {
    serde_json::from_slice(request.body()).expect("a JSON body")
}

#[test]
fn create_deployment_with_stage_variables() {
    let input = CreateDeploymentRequest::builder()
        .rest_api_id("a1b2c3")
        .stage_name("prod")
        .variables("lambdaAlias", "live")
        .variables("env", "prod")
        .build()
        .unwrap();
    let request = CreateDeployment::serialize_request(&input).unwrap();
    assert_eq!(request.method(), "POST");
    assert_eq!(request.uri(), "/restapis/a1b2c3/deployments");
    assert_eq!(request.headers()["accept"], "application/json");
    assert_eq!(request.headers()["content-type"], "application/json");
    assert_eq!(
        request.headers()["content-length"],
        request.body().len().to_string().as_str()
    );
    assert_eq!(
        body_json(&request),
        json!({"stageName": "prod", "variables": {"env": "prod", "lambdaAlias": "live"}})
    );
}

#[test]
fn get_stage_escapes_labels_and_sends_no_body() {
    let input = GetStageRequest::builder()
        .rest_api_id("a1 b/2")
        .stage_name("prod")
        .build()
        .unwrap();
    let request = GetStage::serialize_request(&input).unwrap();
    assert_eq!(request.method(), "GET");
    assert_eq!(request.uri(), "/restapis/a1%20b%2F2/stages/prod");
    assert!(request.body().is_empty());
    assert!(request.headers().get("content-type").is_none());
}

#[test]
fn get_rest_apis_puts_paging_in_the_query() {
    let input = GetRestApisRequest::builder()
        .limit(25)
        .position("next token")
        .build();
    let request = GetRestApis::serialize_request(&input).unwrap();
    assert_eq!(request.uri(), "/restapis?position=next%20token&limit=25");
}

#[test]
fn update_stage_sends_patch_operations() {
    let input = UpdateStageRequest::builder()
        .rest_api_id("a1b2c3")
        .stage_name("prod")
        .patch_operations(
            PatchOperation::builder()
                .op(Op::Replace)
                .path("/variables/lambdaAlias")
                .value("canary")
                .build(),
        )
        .build()
        .unwrap();
    let request = UpdateStage::serialize_request(&input).unwrap();
    assert_eq!(request.method(), "PATCH");
    assert_eq!(request.uri(), "/restapis/a1b2c3/stages/prod");
    assert_eq!(
        body_json(&request),
        json!({"patchOperations": [{"op": "replace", "path": "/variables/lambdaAlias", "value": "canary"}]})
    );
}

#[test]
fn put_rest_api_sends_the_blob_as_the_payload() {
    let input = PutRestApiRequest::builder()
        .rest_api_id("a1b2c3")
        .mode(PutMode::Overwrite)
        .fail_on_warnings(true)
        .parameters("ignore", "documentation")
        .body(Blob::from("{\"swagger\":\"2.0\"}"))
        .build()
        .unwrap();
    let request = PutRestApi::serialize_request(&input).unwrap();
    assert_eq!(request.method(), "PUT");
    let query: std::collections::BTreeSet<&str> =
        request.uri().query().unwrap().split('&').collect();
    assert_eq!(
        query,
        [
            "failonwarnings=true",
            "ignore=documentation",
            "mode=overwrite"
        ]
        .into()
    );
    assert_eq!(
        request.headers()["content-type"],
        "application/octet-stream"
    );
    assert_eq!(request.body().as_ref(), b"{\"swagger\":\"2.0\"}");
}

#[test]
fn missing_or_empty_labels_are_refused() {
    let mut input = GetStageRequest::builder()
        .rest_api_id("a1b2c3")
        .stage_name("prod")
        .build()
        .unwrap();
    input.stage_name = None;
    let err = GetStage::serialize_request(&input).unwrap_err();
    assert!(
        matches!(
            err,
            RequestError::MissingLabel {
                member: "stageName"
            }
        ),
        "{err}"
    );
    input.stage_name = Some(String::new());
    let err = GetStage::serialize_request(&input).unwrap_err();
    assert!(
        matches!(
            err,
            RequestError::EmptyLabel {
                member: "stageName"
            }
        ),
        "{err}"
    );
    assert_eq!(
        err.to_string(),
        "the URI label member `stageName` must not be empty"
    );
}
