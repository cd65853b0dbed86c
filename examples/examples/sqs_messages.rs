//! Creates a queue, sends a message, receives and deletes it, and deletes
//! the queue.
//!
//! ```text
//! AWS_REGION=us-east-1 cargo run -p awsgen-examples --example sqs_messages
//! ```
//!
//! Against a local server (moto: `moto_server -H 127.0.0.1 -p 5000`), add
//! `AWS_ENDPOINT_URL=http://127.0.0.1:5000 AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x`.

use awsgen_runtime::config::Config;
use awsgen_sqs::Client;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = Client::new(&Config::from_env()?);
    let queue = client
        .create_queue()
        .queue_name("awsgen-example")
        .send()
        .await?;
    let queue_url = queue.queue_url().ok_or("the new queue has no URL")?;
    println!("created {queue_url}");

    let sent = client
        .send_message()
        .queue_url(queue_url)
        .message_body("hello from awsgen")
        .send()
        .await?;
    println!("sent message {}", sent.message_id().unwrap_or("?"));

    let received = client
        .receive_message()
        .queue_url(queue_url)
        .wait_time_seconds(5)
        .send()
        .await?;
    for message in received.messages() {
        println!("received {:?}", message.body());
        if let Some(receipt) = message.receipt_handle() {
            client
                .delete_message()
                .queue_url(queue_url)
                .receipt_handle(receipt)
                .send()
                .await?;
        }
    }
    client.delete_queue().queue_url(queue_url).send().await?;
    println!("deleted {queue_url}");
    Ok(())
}
