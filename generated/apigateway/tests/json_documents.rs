//! Real-shaped API Gateway JSON through the generated types: parse, check, write
//! back and compare as JSON.

use awsgen_apigateway::types::{
    ApiKeySourceType, CacheClusterSize, Deployment, EndpointType, RestApis, Stage,
    UnauthorizedCacheControlHeaderStrategy,
};
use serde_json::{json, Value};
use time::macros::datetime;

/// Parses `document` as `T`, writes it back, and checks nothing changed.
fn round_trip<T>(document: &Value) -> T
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    let parsed: T = serde_json::from_value(document.clone()).expect("document parses");
    let written = serde_json::to_value(&parsed).expect("value serializes");
    assert_eq!(&written, document, "round trip changed the document");
    parsed
}

#[test]
fn get_rest_apis_response_with_epoch_timestamps() {
    let document = json!({
        "item": [
            {
                "id": "2wznkxgwi5",
                "name": "service-0000-api",
                "description": "Rest API number 0",
                "createdDate": 1600000000.0005,
                "version": "v1.0.0",
                "binaryMediaTypes": ["application/octet-stream"],
                "apiKeySource": "HEADER",
                "endpointConfiguration": {"types": ["REGIONAL"]},
                "tags": {"team": "team-0", "env": "dev"},
                "disableExecuteApiEndpoint": false
            },
            {
                "id": "a1b2c3d4e5",
                "name": "private-api",
                "createdDate": 1445000000,
                "apiKeySource": "AUTHORIZER",
                "endpointConfiguration": {"types": ["PRIVATE"], "vpcEndpointIds": ["vpce-0123"]},
                "policy": "{\"Version\":\"2012-10-17\"}"
            }
        ],
        "position": "next-page-token"
    });
    let apis: RestApis = round_trip(&document);
    // Read with accessors: text as `&str`, lists as slices, numbers and
    // booleans by value, structures and maps by reference.
    assert_eq!(apis.position(), Some("next-page-token"));
    let items = apis.items();
    assert_eq!(items.len(), 2);
    assert_eq!(
        items[0].created_date(),
        Some(&datetime!(2020-09-13 12:26:40.0005 UTC))
    );
    assert_eq!(
        items[1].created_date(),
        Some(&datetime!(2015-10-16 12:53:20 UTC))
    );
    assert_eq!(items[0].api_key_source(), Some(&ApiKeySourceType::Header));
    assert_eq!(items[0].binary_media_types(), ["application/octet-stream"]);
    assert!(items[1].binary_media_types().is_empty());
    let endpoint = items[1]
        .endpoint_configuration()
        .expect("endpoint configuration");
    assert_eq!(endpoint.types(), [EndpointType::Private]);
    assert_eq!(items[0].tags().expect("tags")["team"], "team-0");
    assert_eq!(items[0].disable_execute_api_endpoint(), Some(false));
    // The fields stay public: an absent list and an empty one differ there.
    assert_eq!(items[1].binary_media_types, None);
    assert_eq!(RestApis::default().items(), &[]);
}

#[test]
fn stage_with_variables_and_method_settings() {
    let document = json!({
        "deploymentId": "dep123",
        "stageName": "prod",
        "cacheClusterEnabled": true,
        "cacheClusterSize": "0.5",
        "cacheClusterStatus": "AVAILABLE",
        "variables": {"lambdaAlias": "live", "backendHost": "api.example.com"},
        "methodSettings": {
            "*/*": {
                "metricsEnabled": true,
                "loggingLevel": "INFO",
                "dataTraceEnabled": false,
                "throttlingBurstLimit": 5000,
                "throttlingRateLimit": 10000.5,
                "cachingEnabled": false,
                "cacheTtlInSeconds": 300,
                "cacheDataEncrypted": false,
                "requireAuthorizationForCacheControl": true,
                "unauthorizedCacheControlHeaderStrategy": "SUCCEED_WITH_RESPONSE_HEADER"
            }
        },
        "tracingEnabled": false,
        "createdDate": 1700000000,
        "lastUpdatedDate": 1700000123
    });
    let stage: Stage = round_trip(&document);
    assert_eq!(stage.stage_name(), Some("prod"));
    assert_eq!(stage.cache_cluster_size(), Some(&CacheClusterSize::V0_5));
    let variables = stage.variables().expect("variables");
    assert_eq!(variables["lambdaAlias"], "live");
    assert_eq!(variables.len(), 2);
    let all_methods = &stage.method_settings().expect("method settings")["*/*"];
    assert_eq!(all_methods.throttling_burst_limit(), Some(5000));
    assert_eq!(all_methods.throttling_rate_limit(), Some(10000.5));
    assert_eq!(
        all_methods.unauthorized_cache_control_header_strategy(),
        Some(&UnauthorizedCacheControlHeaderStrategy::SucceedWithResponseHeader)
    );
}

#[test]
fn deployment_with_nested_api_summary() {
    let document = json!({
        "id": "dep123",
        "description": "first deployment",
        "createdDate": 1445000000.25,
        "apiSummary": {
            "/pets": {
                "GET": {"authorizationType": "NONE", "apiKeyRequired": false},
                "POST": {"authorizationType": "AWS_IAM", "apiKeyRequired": true}
            },
            "/pets/{id}": {"GET": {"authorizationType": "COGNITO_USER_POOLS"}}
        }
    });
    let deployment: Deployment = round_trip(&document);
    let summary = deployment.api_summary.expect("api summary");
    assert_eq!(
        summary["/pets"]["POST"].authorization_type.as_deref(),
        Some("AWS_IAM")
    );
    assert_eq!(summary["/pets"]["POST"].api_key_required, Some(true));
    assert_eq!(summary["/pets/{id}"]["GET"].api_key_required, None);
    assert_eq!(
        deployment.created_date,
        Some(datetime!(2015-10-16 12:53:20.25 UTC))
    );
}

#[test]
fn unknown_enum_values_survive_a_round_trip() {
    let document = json!({"cacheClusterSize": "1024", "cacheClusterStatus": "RESIZING"});
    let stage: Stage = round_trip(&document);
    let size = stage.cache_cluster_size.expect("size");
    assert!(matches!(size, CacheClusterSize::Unknown(_)));
    assert_eq!(size.as_str(), "1024");
    assert_eq!(size.to_string(), "1024");
    assert_eq!(CacheClusterSize::from("0.5"), CacheClusterSize::V0_5);
    assert_eq!(
        "237".parse::<CacheClusterSize>(),
        Ok(CacheClusterSize::V237)
    );
    assert!(CacheClusterSize::VALUES.contains(&"0.5"));
}

#[test]
fn unknown_fields_and_nulls_are_tolerated() {
    let document = json!({
        "stageName": "beta",
        "someFutureMember": {"nested": [1, 2, 3]},
        "description": null
    });
    let stage: Stage = serde_json::from_value(document).expect("parses");
    assert_eq!(stage.stage_name.as_deref(), Some("beta"));
    assert_eq!(stage.description, None);
    assert_eq!(
        serde_json::to_value(&stage).unwrap(),
        json!({"stageName": "beta"})
    );
}

#[test]
fn wrong_types_are_errors_not_panics() {
    let bad = json!({"cacheClusterEnabled": "yes"});
    let err = serde_json::from_value::<Stage>(bad).unwrap_err();
    assert!(err.to_string().contains("invalid type"), "{err}");
    let bad_date = json!({"createdDate": "yesterday"});
    assert!(serde_json::from_value::<Stage>(bad_date).is_err());
}
