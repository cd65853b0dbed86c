//! SQS through the generated client against moto's server.

use awsgen_e2e::moto::MotoServer;
use awsgen_sqs::operation::GetQueueUrlError;
use awsgen_sqs::Client;

#[tokio::test]
async fn a_message_from_sending_to_deletion() -> Result<(), Box<dyn std::error::Error>> {
    let server = MotoServer::start()?;
    let client = Client::new(&server.config());

    let queue = client.create_queue().queue_name("jobs").send().await?;
    let queue_url = queue.queue_url().ok_or("no queue URL")?.to_owned();

    let sent = client
        .send_message()
        .queue_url(&queue_url)
        .message_body("hello from awsgen")
        .message_attributes(
            "kind",
            awsgen_sqs::types::MessageAttributeValue::builder()
                .data_type("String")
                .string_value("greeting")
                .build()?,
        )
        .send()
        .await?;
    assert!(sent.message_id().is_some());

    let received = client
        .receive_message()
        .queue_url(&queue_url)
        .max_number_of_messages(10)
        .message_attribute_names("All")
        .wait_time_seconds(1)
        .send()
        .await?;
    let [message] = received.messages() else {
        return Err(format!("expected one message, got {:?}", received.messages()).into());
    };
    assert_eq!(message.body(), Some("hello from awsgen"));
    assert_eq!(message.message_id(), sent.message_id());
    let kind = message
        .message_attributes
        .as_ref()
        .and_then(|attributes| attributes.get("kind"))
        .and_then(|value| value.string_value());
    assert_eq!(kind, Some("greeting"));

    client
        .delete_message()
        .queue_url(&queue_url)
        .receipt_handle(message.receipt_handle().ok_or("no receipt handle")?)
        .send()
        .await?;
    let after = client
        .receive_message()
        .queue_url(&queue_url)
        .wait_time_seconds(0)
        .send()
        .await?;
    assert!(after.messages().is_empty());

    let missing = client
        .get_queue_url()
        .queue_name("no-such-queue")
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(
            missing.as_service_error(),
            Some(GetQueueUrlError::QueueDoesNotExist(_))
        ),
        "{missing:?}"
    );
    assert_eq!(missing.status(), Some(400));
    Ok(())
}
