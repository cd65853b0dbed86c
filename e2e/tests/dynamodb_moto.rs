//! DynamoDB through the generated client against moto's server.

use std::collections::BTreeMap;
use std::time::Duration;

use awsgen_dynamodb::operation::PutItemError;
use awsgen_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, KeySchemaElement, KeyType,
    ScalarAttributeType, TableStatus,
};
use awsgen_dynamodb::Client;
use awsgen_e2e::moto::MotoServer;

fn client(server: &MotoServer) -> Client {
    Client::new(&server.config())
}

fn s(text: &str) -> AttributeValue {
    AttributeValue::builder().s(text).build()
}

fn n(number: i64) -> AttributeValue {
    AttributeValue::builder().n(number.to_string()).build()
}

fn pet(owner: &str, name: &str, age: i64) -> BTreeMap<String, AttributeValue> {
    let toys = AttributeValue::builder().l(s("ball")).l(n(3)).build();
    let details = AttributeValue::builder()
        .m("age", n(age))
        .m("toys", toys)
        .m("vaccinated", AttributeValue::builder().bool(true).build())
        .build();
    BTreeMap::from([
        ("owner".to_owned(), s(owner)),
        ("name".to_owned(), s(name)),
        ("details".to_owned(), details),
    ])
}

#[tokio::test]
async fn a_table_from_creation_to_deletion() -> Result<(), Box<dyn std::error::Error>> {
    let server = MotoServer::start()?;
    let client = client(&server);
    client
        .create_table()
        .table_name("pets")
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name("owner")
                .attribute_type(ScalarAttributeType::S)
                .build()?,
        )
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name("name")
                .attribute_type(ScalarAttributeType::S)
                .build()?,
        )
        .key_schema(
            KeySchemaElement::builder()
                .attribute_name("owner")
                .key_type(KeyType::Hash)
                .build()?,
        )
        .key_schema(
            KeySchemaElement::builder()
                .attribute_name("name")
                .key_type(KeyType::Range)
                .build()?,
        )
        .billing_mode(BillingMode::PayPerRequest)
        .send()
        .await?;
    let ready = client
        .describe_table()
        .table_name("pets")
        .wait_until_table_exists(Duration::from_secs(60))
        .await?;
    let table = ready.output().and_then(|output| output.table.as_ref());
    assert_eq!(
        table.and_then(|table| table.table_status.as_ref()),
        Some(&TableStatus::Active)
    );

    for index in 0..12 {
        client
            .put_item()
            .table_name("pets")
            .set_item(Some(pet("ana", &format!("pet-{index:02}"), index)))
            .send()
            .await?;
    }
    client
        .put_item()
        .table_name("pets")
        .set_item(Some(pet("bo", "rex", 7)))
        .send()
        .await?;

    let got = client
        .get_item()
        .table_name("pets")
        .key("owner", s("bo"))
        .key("name", s("rex"))
        .send()
        .await?;
    assert_eq!(got.item, Some(pet("bo", "rex", 7)));

    let query = client
        .query()
        .table_name("pets")
        .key_condition_expression("#o = :owner")
        .expression_attribute_names("#o", "owner")
        .expression_attribute_values(":owner", s("ana"))
        .send()
        .await?;
    assert_eq!(query.count(), Some(12));
    assert_eq!(query.items()[3], pet("ana", "pet-03", 3));

    let mut pages = client.scan().table_name("pets").limit(5).into_paginator();
    let mut page_count = 0;
    let mut names = Vec::new();
    while let Some(page) = pages.next().await {
        let page = page?;
        page_count += 1;
        names.extend(
            page.items()
                .iter()
                .filter_map(|item| item.get("name")?.s.clone()),
        );
    }
    assert!(page_count >= 3, "{page_count} pages");
    names.sort();
    assert_eq!(names.len(), 13);
    names.dedup();
    assert_eq!(names.len(), 13, "every item once");

    let refused = client
        .put_item()
        .table_name("pets")
        .set_item(Some(pet("bo", "rex", 8)))
        .condition_expression("attribute_not_exists(#o)")
        .expression_attribute_names("#o", "owner")
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(
            refused.as_service_error(),
            Some(PutItemError::ConditionalCheckFailedException(_))
        ),
        "{refused:?}"
    );
    assert_eq!(refused.status(), Some(400));

    client.delete_table().table_name("pets").send().await?;
    // TableNotExists succeeds on an error: ResourceNotFoundException.
    let deleted = client
        .describe_table()
        .table_name("pets")
        .wait_until_table_not_exists(Duration::from_secs(60))
        .await?;
    assert!(deleted.output().is_none());
    let gone = client.describe_table().table_name("pets").send().await;
    assert_eq!(gone.unwrap_err().code(), Some("ResourceNotFoundException"));
    Ok(())
}
