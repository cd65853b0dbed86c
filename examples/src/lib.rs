//! Examples of the generated clients, in `examples/`: each reads its
//! configuration as AWS SDKs do (`AWS_REGION`, credentials from the
//! environment or the shared files, `AWS_ENDPOINT_URL` for a local server)
//! and prints what it did.
//!
//! ```text
//! cargo run -p awsgen-examples --example apigateway_stage
//! cargo run -p awsgen-examples --example dynamodb_items
//! cargo run -p awsgen-examples --example sqs_messages
//! ```
