//! Route 53 (restXml) through the generated client against moto's server.

use awsgen_e2e::moto::MotoServer;
use awsgen_route53::operation::GetHostedZoneError;
use awsgen_route53::types::{
    Change, ChangeAction, ChangeBatch, ResourceRecord, ResourceRecordSet, RrType,
};
use awsgen_route53::Client;

fn client(server: &MotoServer) -> Client {
    Client::new(&server.config())
}

/// The zone id in the form the API takes: without the `/hostedzone/` prefix
/// responses carry (botocore strips it in a handler of its own).
fn bare_id(id: &str) -> &str {
    id.trim_start_matches("/hostedzone/")
}

#[tokio::test]
async fn hosted_zones_and_their_records() -> Result<(), Box<dyn std::error::Error>> {
    let server = MotoServer::start()?;
    let client = client(&server);

    let created = client
        .create_hosted_zone()
        .name("example.com")
        .caller_reference("awsgen-e2e-1")
        .send()
        .await?;
    let zone = created.hosted_zone().ok_or("no hosted zone")?;
    assert_eq!(zone.name(), Some("example.com."));
    let zone_id = bare_id(zone.id().ok_or("no zone id")?).to_owned();
    assert!(
        created.location().is_some_and(|l| l.ends_with(&zone_id)),
        "Location header: {:?}",
        created.location()
    );
    assert!(!created
        .delegation_set()
        .ok_or("no delegation set")?
        .name_servers()
        .is_empty());

    let record = ResourceRecordSet::builder()
        .name("www.example.com")
        .type_(RrType::A)
        .ttl(300_i64)
        .resource_records(ResourceRecord::builder().value("192.0.2.44").build()?)
        .resource_records(ResourceRecord::builder().value("192.0.2.45").build()?)
        .build()?;
    client
        .change_resource_record_sets()
        .hosted_zone_id(&zone_id)
        .change_batch(
            ChangeBatch::builder()
                .comment("web tier")
                .changes(
                    Change::builder()
                        .action(ChangeAction::Create)
                        .resource_record_set(record)
                        .build()?,
                )
                .build()?,
        )
        .send()
        .await?;
    let records = client
        .list_resource_record_sets()
        .hosted_zone_id(&zone_id)
        .send()
        .await?;
    let www = records
        .resource_record_sets()
        .iter()
        .find(|set| set.name() == Some("www.example.com."))
        .ok_or("the record set is not listed")?;
    let values: Vec<_> = www
        .resource_records()
        .iter()
        .filter_map(|record| record.value())
        .collect();
    assert_eq!(values, ["192.0.2.44", "192.0.2.45"]);
    assert_eq!(www.ttl(), Some(300));

    let missing = client
        .get_hosted_zone()
        .id("Z0000000NOSUCHZONE")
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(
            missing.as_service_error(),
            Some(GetHostedZoneError::NoSuchHostedZone(_))
        ),
        "{missing:?}"
    );
    assert_eq!(missing.code(), Some("NoSuchHostedZone"));

    client
        .change_resource_record_sets()
        .hosted_zone_id(&zone_id)
        .change_batch(
            ChangeBatch::builder()
                .changes(
                    Change::builder()
                        .action(ChangeAction::Delete)
                        .resource_record_set(www.clone())
                        .build()?,
                )
                .build()?,
        )
        .send()
        .await?;
    client.delete_hosted_zone().id(&zone_id).send().await?;
    let gone = client.get_hosted_zone().id(&zone_id).send().await;
    assert_eq!(gone.unwrap_err().code(), Some("NoSuchHostedZone"));
    Ok(())
}

#[tokio::test]
async fn every_hosted_zone_once_through_the_paginator() -> Result<(), Box<dyn std::error::Error>> {
    let server = MotoServer::start()?;
    let client = client(&server);
    let mut created = Vec::new();
    for index in 0..7 {
        let zone = client
            .create_hosted_zone()
            .name(format!("zone-{index}.example.com"))
            .caller_reference(format!("awsgen-e2e-page-{index}"))
            .send()
            .await?;
        let id = zone.hosted_zone().and_then(|z| z.id()).ok_or("no id")?;
        created.push(id.to_owned());
    }
    let pages: Vec<_> = client
        .list_hosted_zones()
        .max_items("3")
        .into_paginator()
        .collect()
        .await?;
    let mut seen: Vec<String> = pages
        .iter()
        .flat_map(|page| page.hosted_zones())
        .filter_map(|zone| zone.id().map(str::to_owned))
        .collect();
    seen.sort();
    created.sort();
    assert_eq!(seen, created);
    // moto honours `maxitems` for Route 53: three pages of 3, 3 and 1.
    assert_eq!(pages.len(), 3, "{pages:?}");
    Ok(())
}
