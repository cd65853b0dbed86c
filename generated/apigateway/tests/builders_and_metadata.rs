//! Builders enforce required members; errors display their message; operations
//! carry the model's metadata.

use awsgen_apigateway::error::{BadRequestException, NotFoundException};
use awsgen_apigateway::operation::{CreateDeployment, GetRestApis, Operation, PutRestApi};
use awsgen_apigateway::primitives::{Blob, BuildError};
use awsgen_apigateway::types::{
    CreateDeploymentRequest, Op, PatchOperation, PutRestApiRequest, UpdateStageRequest,
};
use serde_json::json;

#[test]
fn required_members_are_enforced_by_build() {
    let err = CreateDeploymentRequest::builder()
        .stage_name("prod")
        .build()
        .unwrap_err();
    assert_eq!(
        err,
        BuildError::MissingField {
            type_name: "CreateDeploymentRequest",
            member: "rest_api_id"
        }
    );
    // Named as the caller writes it: the setter, not the wire name `restApiId`.
    assert_eq!(
        err.to_string(),
        "cannot build CreateDeploymentRequest: the required member `rest_api_id` is not set"
    );
}

#[test]
fn builders_take_anything_convertible() {
    let request = CreateDeploymentRequest::builder()
        .rest_api_id("a1b2c3")
        .stage_name("prod")
        .variables("lambdaAlias", "live")
        .variables("env", "prod")
        .build()
        .expect("all required members set");
    assert_eq!(request.rest_api_id(), Some("a1b2c3"));
    assert_eq!(request.variables().unwrap()["env"], "prod");
    // `set_variables` replaces the whole map (or clears it).
    let replaced = CreateDeploymentRequest::builder()
        .variables("old", "1")
        .set_variables(Some([("new".to_owned(), "2".to_owned())].into()))
        .variables("newer", "3");
    assert_eq!(
        replaced
            .get_variables()
            .as_ref()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["new", "newer"]
    );
    assert_eq!(replaced.set_variables(None).get_variables(), &None);
    // The serde form keeps every member; the URI-bound one under its model name.
    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        json!({"restApiId": "a1b2c3", "stageName": "prod", "variables": {"env": "prod", "lambdaAlias": "live"}})
    );
}

#[test]
fn update_stage_with_patch_operations() {
    let request = UpdateStageRequest::builder()
        .rest_api_id("a1b2c3")
        .stage_name("prod")
        .patch_operations(
            // Nothing in a `PatchOperation` is required, so `build()` cannot fail.
            PatchOperation::builder()
                .op(Op::Replace)
                .path("/variables/lambdaAlias")
                .value("canary")
                .build(),
        )
        .patch_operations(
            PatchOperation::builder()
                .op(Op::Remove)
                .path("/description")
                .build(),
        )
        .build()
        .unwrap();
    assert_eq!(request.patch_operations().len(), 2);
    let patch = &request.patch_operations()[0];
    assert_eq!(patch.op(), Some(&Op::Replace));
    assert_eq!(
        serde_json::to_value(patch).unwrap(),
        json!({"op": "replace", "path": "/variables/lambdaAlias", "value": "canary"})
    );
}

#[test]
fn blobs_are_base64_in_json() {
    let request = PutRestApiRequest::builder()
        .rest_api_id("a1b2c3")
        .body(Blob::from("{\"swagger\":\"2.0\"}"))
        .build()
        .unwrap();
    let value = serde_json::to_value(&request).unwrap();
    assert_eq!(value["body"], "eyJzd2FnZ2VyIjoiMi4wIn0=");
    let back: PutRestApiRequest = serde_json::from_value(value).unwrap();
    assert_eq!(back.body.unwrap().as_bytes(), b"{\"swagger\":\"2.0\"}");
    let bad = json!({"body": "not base64!"});
    assert!(serde_json::from_value::<PutRestApiRequest>(bad).is_err());
}

#[test]
fn exceptions_are_errors_with_their_message() {
    let error = BadRequestException::builder()
        .message("Invalid stage name")
        .build();
    assert_eq!(error.to_string(), "BadRequestException: Invalid stage name");
    assert_eq!(error.message(), Some("Invalid stage name"));
    assert_eq!(BadRequestException::HTTP_STATUS, Some(400));
    let boxed: Box<dyn std::error::Error> = Box::new(NotFoundException::default());
    assert_eq!(boxed.to_string(), "NotFoundException");
}

#[test]
fn operations_carry_model_metadata() {
    assert_eq!(CreateDeployment::NAME, "CreateDeployment");
    assert_eq!(CreateDeployment::HTTP_METHOD, "POST");
    assert_eq!(
        CreateDeployment::URI_TEMPLATE,
        "/restapis/{restapi_id}/deployments"
    );
    assert_eq!(CreateDeployment::SUCCESS_CODE, 201);
    assert!(CreateDeployment::ERRORS.contains(&"TooManyRequestsException"));
    assert_eq!(PutRestApi::HTTP_METHOD, "PUT");
    let paginator = GetRestApis::PAGINATOR.expect("GetRestApis pages");
    assert_eq!(paginator.input_tokens, ["position"]);
    assert_eq!(paginator.limit_key, Some("limit"));
    assert_eq!(paginator.result_keys, ["items"]);
    // What the model leaves unsaid comes from the trait's defaults.
    assert_eq!(GetRestApis::SUCCESS_CODE, 200);
    const { assert!(!CreateDeployment::IDEMPOTENT) };
    assert!(CreateDeployment::PAGINATOR.is_none());
}

#[test]
fn json_body_leaves_out_http_bound_members() {
    let request = CreateDeploymentRequest::builder()
        .rest_api_id("a1b2c3")
        .stage_name("prod")
        .variables("env", "prod")
        .build()
        .unwrap();
    assert_eq!(
        serde_json::to_value(request.json_body()).unwrap(),
        json!({"stageName": "prod", "variables": {"env": "prod"}})
    );
}

#[test]
fn a_uri_member_and_a_body_key_of_the_same_name_stay_apart() {
    use awsgen_apigateway::types::{IntegrationType, PutIntegrationRequest};
    let request = PutIntegrationRequest::builder()
        .rest_api_id("a1b2c3")
        .resource_id("res1")
        .http_method("GET")
        .type_(IntegrationType::Http)
        .integration_http_method("POST")
        .uri("https://backend.example.com/pets")
        .build()
        .unwrap();
    // The body carries the integration's method under the wire name `httpMethod`.
    assert_eq!(
        serde_json::to_value(request.json_body()).unwrap(),
        json!({"type": "HTTP", "httpMethod": "POST", "uri": "https://backend.example.com/pets"})
    );
    // The serde form keeps both: the URI-bound one under its Rust field name.
    let full = serde_json::to_value(&request).unwrap();
    assert_eq!(full["httpMethod"], "POST");
    assert_eq!(full["http_method"], "GET");
    let back: PutIntegrationRequest = serde_json::from_value(full).unwrap();
    assert_eq!(back, request);
}

#[test]
fn enums_order_by_wire_value_so_new_values_never_reorder_old_ones() {
    use awsgen_apigateway::types::ApiKeySourceType;
    // The model lists HEADER before AUTHORIZER; the order is the wire value's.
    assert!(ApiKeySourceType::Authorizer < ApiKeySourceType::Header);
    let unknown = ApiKeySourceType::from("COOKIE");
    assert!(ApiKeySourceType::Authorizer < unknown && unknown < ApiKeySourceType::Header);
    let mut sorted = vec![
        ApiKeySourceType::Header,
        unknown.clone(),
        ApiKeySourceType::Authorizer,
    ];
    sorted.sort();
    assert_eq!(
        sorted,
        [
            ApiKeySourceType::Authorizer,
            unknown,
            ApiKeySourceType::Header
        ]
    );
}
