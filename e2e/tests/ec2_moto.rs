//! EC2 (ec2Query) through the generated client against moto's server.

use std::time::Duration;

use awsgen_e2e::moto::MotoServer;
use awsgen_ec2::operation::DescribeInstancesError;
use awsgen_ec2::types::{
    Filter, InstanceStateName, InstanceType, ResourceType, Tag, TagSpecification,
};

fn tag(key: &str, value: &str) -> Tag {
    Tag::builder().key(key).value(value).build()
}

#[tokio::test]
async fn instances_from_launch_to_termination() -> Result<(), Box<dyn std::error::Error>> {
    let server = MotoServer::start()?;
    let client = awsgen_ec2::Client::new(&server.config());

    // Three launches of two instances: three reservations, six instances.
    let mut launched = Vec::new();
    for launch in 0..3 {
        let reservation = client
            .run_instances()
            .image_id("ami-0abcdef1234567890")
            .instance_type(InstanceType::T3Micro)
            .min_count(2)
            .max_count(2)
            .tag_specifications(
                TagSpecification::builder()
                    .resource_type(ResourceType::Instance)
                    .tags(tag("team", "web & api"))
                    .tags(tag("launch", &launch.to_string()))
                    .build(),
            )
            .client_token(format!("launch-{launch}"))
            .send()
            .await?;
        assert_eq!(reservation.instances().len(), 2);
        launched.extend(
            reservation
                .instances()
                .iter()
                .filter_map(|instance| instance.instance_id().map(str::to_owned)),
        );
    }
    assert_eq!(launched.len(), 6);

    let running = client
        .describe_instances()
        .instance_ids(&launched[0])
        .wait_until_instance_running(Duration::from_secs(120))
        .await?;
    let first = running
        .output()
        .and_then(|output| output.reservations().first())
        .and_then(|reservation| reservation.instances().first())
        .ok_or("no instance in the waiter's last answer")?;
    assert_eq!(
        first.state().and_then(|state| state.name()),
        Some(&InstanceStateName::Running)
    );
    assert_eq!(first.instance_type(), Some(&InstanceType::T3Micro));
    let mut tags: Vec<(&str, &str)> = first
        .tags()
        .iter()
        .filter_map(|tag| Some((tag.key()?, tag.value()?)))
        .collect();
    tags.sort();
    assert_eq!(tags, [("launch", "0"), ("team", "web & api")]);

    // Filtered by tag and paged one reservation at a time: three pages.
    let pages = client
        .describe_instances()
        .filters(
            Filter::builder()
                .name("tag:team")
                .values("web & api")
                .build(),
        )
        .max_results(1)
        .into_paginator()
        .collect()
        .await?;
    assert_eq!(pages.len(), 3);
    let mut described: Vec<String> = pages
        .iter()
        .flat_map(|page| page.reservations())
        .flat_map(|reservation| reservation.instances())
        .filter_map(|instance| instance.instance_id().map(str::to_owned))
        .collect();
    described.sort();
    launched.sort();
    assert_eq!(described, launched);

    let terminated = client
        .terminate_instances()
        .instance_ids(&launched[0])
        .instance_ids(&launched[1])
        .send()
        .await?;
    assert_eq!(terminated.terminating_instances().len(), 2);
    let stopped = client
        .describe_instances()
        .instance_ids(&launched[0])
        .wait_until_instance_terminated(Duration::from_secs(120))
        .await?;
    assert!(stopped.output().is_some());

    // EC2 models no errors: an unknown instance is an unhandled error with
    // the code, message and request id of EC2's <Response><Errors> form.
    let missing = client
        .describe_instances()
        .instance_ids("i-00000000000000000")
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(
            missing.as_service_error(),
            Some(DescribeInstancesError::Unhandled(_))
        ),
        "{missing:?}"
    );
    assert_eq!(missing.code(), Some("InvalidInstanceID.NotFound"));
    assert!(
        missing.to_string().contains("i-00000000000000000"),
        "{missing}"
    );
    Ok(())
}
