//! API Gateway through the generated client against moto's server.

use awsgen_apigateway::operation::GetStageError;
use awsgen_apigateway::types::{IntegrationType, Op, PatchOperation};
use awsgen_apigateway::Client;
use awsgen_e2e::moto::MotoServer;

fn client(server: &MotoServer) -> Client {
    Client::new(&server.config())
}

#[tokio::test]
async fn a_rest_api_from_creation_to_deletion() -> Result<(), Box<dyn std::error::Error>> {
    let server = MotoServer::start()?;
    let client = client(&server);

    let api = client.create_rest_api().name("pets").send().await?;
    let api_id = api.id().ok_or("no API id")?.to_owned();

    let resources = client.get_resources().rest_api_id(&api_id).send().await?;
    let root = resources
        .items()
        .iter()
        .find(|resource| resource.path() == Some("/"))
        .and_then(|resource| resource.id())
        .ok_or("no root resource")?
        .to_owned();
    let pets = client
        .create_resource()
        .rest_api_id(&api_id)
        .parent_id(&root)
        .path_part("pets")
        .send()
        .await?;
    assert_eq!(pets.path(), Some("/pets"));
    let pets_id = pets.id().ok_or("no resource id")?.to_owned();

    client
        .put_method()
        .rest_api_id(&api_id)
        .resource_id(&pets_id)
        .http_method("GET")
        .authorization_type("NONE")
        .send()
        .await?;
    client
        .put_integration()
        .rest_api_id(&api_id)
        .resource_id(&pets_id)
        .http_method("GET")
        .type_(IntegrationType::Mock)
        .send()
        .await?;

    let deployment = client
        .create_deployment()
        .rest_api_id(&api_id)
        .stage_name("prod")
        .variables("color", "blue")
        .variables("size", "large")
        .send()
        .await?;
    assert!(deployment.id().is_some());

    let stage = client
        .get_stage()
        .rest_api_id(&api_id)
        .stage_name("prod")
        .send()
        .await?;
    let variables = stage.variables.clone().unwrap_or_default();
    assert_eq!(variables.get("color").map(String::as_str), Some("blue"));
    assert_eq!(variables.get("size").map(String::as_str), Some("large"));

    let updated = client
        .update_stage()
        .rest_api_id(&api_id)
        .stage_name("prod")
        .patch_operations(
            PatchOperation::builder()
                .op(Op::Replace)
                .path("/variables/color")
                .value("green")
                .build(),
        )
        .patch_operations(
            PatchOperation::builder()
                .op(Op::Remove)
                .path("/variables/size")
                .build(),
        )
        .send()
        .await?;
    let variables = updated.variables.clone().unwrap_or_default();
    assert_eq!(variables.get("color").map(String::as_str), Some("green"));
    assert_eq!(variables.get("size"), None);

    let stages = client.get_stages().rest_api_id(&api_id).send().await?;
    let names: Vec<_> = stages
        .item()
        .iter()
        .filter_map(|s| s.stage_name())
        .collect();
    assert_eq!(names, ["prod"]);

    let missing = client
        .get_stage()
        .rest_api_id(&api_id)
        .stage_name("nope")
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(
            missing.as_service_error(),
            Some(GetStageError::NotFoundException(_))
        ),
        "{missing:?}"
    );
    assert_eq!(missing.status(), Some(404));

    client.delete_rest_api().rest_api_id(&api_id).send().await?;
    let gone = client.get_rest_api().rest_api_id(&api_id).send().await;
    assert_eq!(gone.unwrap_err().code(), Some("NotFoundException"));
    Ok(())
}

#[tokio::test]
async fn every_rest_api_once_through_the_paginator() -> Result<(), Box<dyn std::error::Error>> {
    let server = MotoServer::start()?;
    let client = client(&server);
    let mut created = Vec::new();
    for index in 0..32 {
        let api = client
            .create_rest_api()
            .name(format!("api-{index}"))
            .send()
            .await?;
        created.push(api.id().ok_or("no id")?.to_owned());
    }
    let mut seen: Vec<String> = client
        .get_rest_apis()
        .limit(5)
        .into_paginator()
        .items()
        .collect()
        .await?
        .into_iter()
        .filter_map(|api| api.id)
        .collect();
    seen.sort();
    created.sort();
    assert_eq!(seen, created);
    Ok(())
}
