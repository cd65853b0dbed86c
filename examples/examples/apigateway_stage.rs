//! Creates a REST API with a mock `GET /pets`, deploys it to a `prod` stage
//! with stage variables, changes one variable, lists every REST API through
//! the paginator, and deletes the API again.
//!
//! ```text
//! AWS_REGION=us-east-1 cargo run -p awsgen-examples --example apigateway_stage
//! ```
//!
//! Against a local server (moto: `moto_server -H 127.0.0.1 -p 5000`), add
//! `AWS_ENDPOINT_URL=http://127.0.0.1:5000 AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x`.

use awsgen_apigateway::types::{IntegrationType, Op, PatchOperation};
use awsgen_apigateway::Client;
use awsgen_runtime::config::Config;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = Client::new(&Config::from_env()?);

    let api = client
        .create_rest_api()
        .name("awsgen-example")
        .send()
        .await?;
    let api_id = api.id().ok_or("the new API has no id")?;
    println!("created REST API {api_id}");

    let root = client
        .get_resources()
        .rest_api_id(api_id)
        .send()
        .await?
        .items()
        .iter()
        .find(|resource| resource.path() == Some("/"))
        .and_then(|resource| resource.id().map(str::to_owned))
        .ok_or("the API has no root resource")?;
    let pets = client
        .create_resource()
        .rest_api_id(api_id)
        .parent_id(root)
        .path_part("pets")
        .send()
        .await?;
    let pets_id = pets.id().ok_or("the resource has no id")?;
    client
        .put_method()
        .rest_api_id(api_id)
        .resource_id(pets_id)
        .http_method("GET")
        .authorization_type("NONE")
        .send()
        .await?;
    client
        .put_integration()
        .rest_api_id(api_id)
        .resource_id(pets_id)
        .http_method("GET")
        .type_(IntegrationType::Mock)
        .send()
        .await?;

    client
        .create_deployment()
        .rest_api_id(api_id)
        .stage_name("prod")
        .variables("color", "blue")
        .send()
        .await?;
    let stage = client
        .update_stage()
        .rest_api_id(api_id)
        .stage_name("prod")
        .patch_operations(
            PatchOperation::builder()
                .op(Op::Replace)
                .path("/variables/color")
                .value("green")
                .build(),
        )
        .send()
        .await?;
    println!("stage prod variables: {:?}", stage.variables);

    let mut apis = client.get_rest_apis().limit(25).into_paginator().items();
    while let Some(api) = apis.next().await {
        let api = api?;
        println!(
            "REST API {} {}",
            api.id().unwrap_or("?"),
            api.name().unwrap_or("?")
        );
    }

    client.delete_rest_api().rest_api_id(api_id).send().await?;
    println!("deleted REST API {api_id}");
    Ok(())
}
