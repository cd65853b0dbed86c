//! Route 53 (restXml) through the generated client, answered by `TestHttp`:
//! what goes out (XML body, namespace, bindings) and how answers read back,
//! including the error forms restXml services use.

use awsgen_route53::operation::GetHostedZoneError;
use awsgen_route53::types::{HostedZoneConfig, Tag, TagResourceType};
use awsgen_route53::Client;
use awsgen_runtime::bytes::Bytes;
use awsgen_runtime::client::TestHttp;
use awsgen_runtime::http;

const NS: &str = "https://route53.amazonaws.com/doc/2013-04-01/";

fn client(http: &TestHttp) -> Client {
    Client::new(&awsgen_e2e::test_config().test_http(http.clone()).build())
}

fn answer(status: u16, headers: &[(&str, &str)], body: &str) -> http::Response<Bytes> {
    let mut builder = http::Response::builder().status(status);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(Bytes::from(body.to_owned())).unwrap()
}

fn body_text(request: &http::Request<Bytes>) -> String {
    String::from_utf8(request.body().to_vec()).unwrap()
}

#[tokio::test]
async fn create_hosted_zone_sends_the_namespaced_document_and_reads_the_201() {
    let http = TestHttp::new(|_| {
        answer(
            201,
            &[(
                "location",
                "https://route53.amazonaws.com/2013-04-01/hostedzone/Z1D633PJN98FT9",
            )],
            &format!(
                r#"<?xml version="1.0"?>
<CreateHostedZoneResponse xmlns="{NS}">
  <HostedZone><Id>/hostedzone/Z1D633PJN98FT9</Id><Name>example.com.</Name>
    <CallerReference>ref &amp; 1</CallerReference><Config><PrivateZone>false</PrivateZone></Config>
    <ResourceRecordSetCount>2</ResourceRecordSetCount></HostedZone>
  <ChangeInfo><Id>/change/C1</Id><Status>PENDING</Status><SubmittedAt>2026-11-29T10:30:00.500Z</SubmittedAt></ChangeInfo>
  <DelegationSet><NameServers><NameServer>ns-1.awsdns-01.org</NameServer><NameServer>ns-2.awsdns-02.com</NameServer></NameServers></DelegationSet>
</CreateHostedZoneResponse>"#
            ),
        )
    });
    let created = client(&http)
        .create_hosted_zone()
        .name("example.com")
        .caller_reference("ref & 1")
        .hosted_zone_config(
            HostedZoneConfig::builder()
                .comment("a <public> zone")
                .private_zone(false)
                .build(),
        )
        .send()
        .await
        .unwrap();

    let [request] = &http.requests()[..] else {
        panic!("expected one request")
    };
    assert_eq!(request.method(), "POST");
    assert_eq!(request.uri().path(), "/2013-04-01/hostedzone");
    assert_eq!(request.uri().host(), Some("route53.amazonaws.com"));
    assert_eq!(request.headers()["content-type"], "application/xml");
    assert_eq!(
        body_text(request),
        format!(
            "<CreateHostedZoneRequest xmlns=\"{NS}\"><Name>example.com</Name>\
             <CallerReference>ref &amp; 1</CallerReference>\
             <HostedZoneConfig><Comment>a &lt;public&gt; zone</Comment><PrivateZone>false</PrivateZone></HostedZoneConfig>\
             </CreateHostedZoneRequest>"
        )
    );

    assert_eq!(
        created.location(),
        Some("https://route53.amazonaws.com/2013-04-01/hostedzone/Z1D633PJN98FT9")
    );
    let zone = created.hosted_zone().unwrap();
    assert_eq!(zone.caller_reference(), Some("ref & 1"));
    assert_eq!(zone.resource_record_set_count(), Some(2));
    let change = created.change_info().unwrap();
    assert_eq!(
        change.submitted_at().map(|at| at.unix_timestamp_nanos()),
        Some(1_795_948_200_500_000_000)
    );
    assert_eq!(
        created.delegation_set().unwrap().name_servers(),
        ["ns-1.awsdns-01.org", "ns-2.awsdns-02.com"]
    );
}

#[tokio::test]
async fn tags_go_in_wrapped_lists_and_labels_in_the_path() {
    let http = TestHttp::new(|_| {
        answer(
            200,
            &[],
            &format!("<ChangeTagsForResourceResponse xmlns=\"{NS}\"/>"),
        )
    });
    client(&http)
        .change_tags_for_resource()
        .resource_type(TagResourceType::Hostedzone)
        .resource_id("Z1D633PJN98FT9")
        .add_tags(Tag::builder().key("team").value("web").build())
        .remove_tag_keys("obsolete")
        .send()
        .await
        .unwrap();
    let request = &http.requests()[0];
    assert_eq!(
        request.uri().path(),
        "/2013-04-01/tags/hostedzone/Z1D633PJN98FT9"
    );
    assert_eq!(
        body_text(request),
        format!(
            "<ChangeTagsForResourceRequest xmlns=\"{NS}\">\
             <AddTags><Tag><Key>team</Key><Value>web</Value></Tag></AddTags>\
             <RemoveTagKeys><Key>obsolete</Key></RemoveTagKeys>\
             </ChangeTagsForResourceRequest>"
        )
    );
}

#[tokio::test]
async fn the_paginator_follows_next_marker_until_the_list_is_complete() {
    let http = TestHttp::new(|request| {
        let query = request.uri().query().unwrap_or_default().to_owned();
        let (zones, tail) = if query.contains("marker=Z2") {
            ("<HostedZone><Id>/hostedzone/Z2</Id><Name>b.example.</Name><CallerReference>2</CallerReference></HostedZone>",
             "<IsTruncated>false</IsTruncated><MaxItems>1</MaxItems>")
        } else {
            ("<HostedZone><Id>/hostedzone/Z1</Id><Name>a.example.</Name><CallerReference>1</CallerReference></HostedZone>",
             "<IsTruncated>true</IsTruncated><NextMarker>Z2</NextMarker><MaxItems>1</MaxItems>")
        };
        answer(
            200,
            &[],
            &format!("<ListHostedZonesResponse xmlns=\"{NS}\"><HostedZones>{zones}</HostedZones>{tail}</ListHostedZonesResponse>"),
        )
    });
    let zones = client(&http)
        .list_hosted_zones()
        .max_items("1")
        .into_paginator()
        .items()
        .collect()
        .await
        .unwrap();
    let ids: Vec<_> = zones.iter().filter_map(|zone| zone.id()).collect();
    assert_eq!(ids, ["/hostedzone/Z1", "/hostedzone/Z2"]);
    let queries: Vec<String> = http
        .requests()
        .iter()
        .map(|request| request.uri().query().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(queries, ["maxitems=1", "marker=Z2&maxitems=1"]);
}

#[tokio::test]
async fn errors_read_from_error_response_from_bare_error_and_from_the_status() {
    let bodies = [
        (
            404,
            format!(
                "<ErrorResponse xmlns=\"{NS}\"><Error><Type>Sender</Type><Code>NoSuchHostedZone</Code>\
                 <Message>No hosted zone found with ID: Z9</Message></Error><RequestId>req-1</RequestId></ErrorResponse>"
            ),
        ),
        // S3's form, which other restXml services may use too.
        (
            404,
            "<Error><Code>NoSuchHostedZone</Code><Message>gone</Message><RequestId>req-2</RequestId></Error>".to_owned(),
        ),
        // No body at all: the status code is the code, as in botocore.
        (404, String::new()),
    ];
    for (status, body) in bodies {
        let answer_body = body.clone();
        let http = TestHttp::new(move |_| answer(status, &[], &answer_body));
        let error = client(&http)
            .get_hosted_zone()
            .id("Z9")
            .send()
            .await
            .unwrap_err();
        if body.is_empty() {
            assert_eq!(error.code(), Some("404"), "{error:?}");
            assert!(matches!(
                error.as_service_error(),
                Some(GetHostedZoneError::Unhandled(_))
            ));
        } else {
            let Some(GetHostedZoneError::NoSuchHostedZone(missing)) = error.as_service_error()
            else {
                panic!("not NoSuchHostedZone: {error:?}")
            };
            let meta = missing.meta().unwrap();
            assert!(meta
                .request_id
                .as_deref()
                .is_some_and(|id| id.starts_with("req-")));
            assert!(error.to_string().contains("NoSuchHostedZone"), "{error}");
        }
    }
}
