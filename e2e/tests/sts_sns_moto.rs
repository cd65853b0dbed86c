//! STS and SNS (awsQuery) through the generated clients against moto's server.

use awsgen_e2e::moto::MotoServer;
use awsgen_sns::operation::GetTopicAttributesError;
use awsgen_sns::types::MessageAttributeValue;

#[tokio::test]
async fn sts_says_who_is_calling() -> Result<(), Box<dyn std::error::Error>> {
    let server = MotoServer::start()?;
    let client = awsgen_sts::Client::new(&server.config());
    let identity = client.get_caller_identity().send().await?;
    // moto's default account.
    assert_eq!(identity.account(), Some("123456789012"));
    assert!(identity
        .arn()
        .is_some_and(|arn| arn.starts_with("arn:aws:")));
    assert!(identity.user_id().is_some());
    Ok(())
}

#[tokio::test]
async fn sns_topics_from_creation_to_listing() -> Result<(), Box<dyn std::error::Error>> {
    let server = MotoServer::start()?;
    let client = awsgen_sns::Client::new(&server.config());

    let mut created = Vec::new();
    for index in 0..120 {
        let topic = client
            .create_topic()
            .name(format!("topic-{index:03}"))
            .attributes("DisplayName", format!("Topic & {index}"))
            .send()
            .await?;
        created.push(topic.topic_arn().ok_or("no topic ARN")?.to_owned());
    }
    let attributes = client
        .get_topic_attributes()
        .topic_arn(&created[7])
        .send()
        .await?;
    let display = attributes
        .attributes
        .as_ref()
        .and_then(|attributes| attributes.get("DisplayName"));
    assert_eq!(display.map(String::as_str), Some("Topic & 7"));

    let published = client
        .publish()
        .topic_arn(&created[0])
        .message("hello from awsgen")
        .subject("greeting")
        .message_attributes(
            "kind",
            MessageAttributeValue::builder()
                .data_type("String")
                .string_value("greeting")
                .build()?,
        )
        .send()
        .await?;
    assert!(published.message_id().is_some());

    // moto pages ListTopics by 100: two pages.
    let pages = client.list_topics().into_paginator().collect().await?;
    assert_eq!(pages.len(), 2);
    let mut listed: Vec<String> = pages
        .iter()
        .flat_map(|page| page.topics())
        .filter_map(|topic| topic.topic_arn().map(str::to_owned))
        .collect();
    listed.sort();
    created.sort();
    assert_eq!(listed, created);

    let missing = client
        .get_topic_attributes()
        .topic_arn("arn:aws:sns:us-east-1:123456789012:no-such-topic")
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(
            missing.as_service_error(),
            Some(GetTopicAttributesError::NotFoundException(_))
        ),
        "{missing:?}"
    );
    assert_eq!(missing.code(), Some("NotFound"));
    Ok(())
}
