//! Creates a table, waits until it exists, writes items with nested
//! attribute values, reads one back, scans the table page by page, deletes
//! the table and waits until it is gone.
//!
//! ```text
//! AWS_REGION=us-east-1 cargo run -p awsgen-examples --example dynamodb_items
//! ```
//!
//! Against a local server (moto: `moto_server -H 127.0.0.1 -p 5000`), add
//! `AWS_ENDPOINT_URL=http://127.0.0.1:5000 AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x`.

use std::collections::BTreeMap;
use std::time::Duration;

use awsgen_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, KeySchemaElement, KeyType,
    ScalarAttributeType,
};
use awsgen_dynamodb::Client;
use awsgen_runtime::config::Config;

const TABLE: &str = "awsgen-example";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = Client::new(&Config::from_env()?);
    client
        .create_table()
        .table_name(TABLE)
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name("id")
                .attribute_type(ScalarAttributeType::S)
                .build()?,
        )
        .key_schema(
            KeySchemaElement::builder()
                .attribute_name("id")
                .key_type(KeyType::Hash)
                .build()?,
        )
        .billing_mode(BillingMode::PayPerRequest)
        .send()
        .await?;
    client
        .describe_table()
        .table_name(TABLE)
        .wait_until_table_exists(Duration::from_secs(300))
        .await?;
    println!("table {TABLE} exists");

    for index in 0..10 {
        let tags = AttributeValue::builder()
            .l(AttributeValue::builder().s("example").build())
            .l(AttributeValue::builder().n(index.to_string()).build())
            .build();
        let item = BTreeMap::from([
            (
                "id".to_owned(),
                AttributeValue::builder().s(format!("item-{index}")).build(),
            ),
            ("tags".to_owned(), tags),
        ]);
        client
            .put_item()
            .table_name(TABLE)
            .set_item(Some(item))
            .send()
            .await?;
    }
    let item = client
        .get_item()
        .table_name(TABLE)
        .key("id", AttributeValue::builder().s("item-3").build())
        .send()
        .await?;
    println!("item-3: {:?}", item.item);

    let mut pages = client.scan().table_name(TABLE).limit(4).into_paginator();
    while let Some(page) = pages.next().await {
        println!("a page of {} items", page?.items().len());
    }

    client.delete_table().table_name(TABLE).send().await?;
    client
        .describe_table()
        .table_name(TABLE)
        .wait_until_table_not_exists(Duration::from_secs(300))
        .await?;
    println!("table {TABLE} deleted");
    Ok(())
}
