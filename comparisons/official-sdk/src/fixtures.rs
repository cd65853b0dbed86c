//! The inputs both sides of every benchmark are given: response bodies and
//! request inputs, deterministic, built once at startup.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use awsgen_runtime::bytes::Bytes;
use awsgen_runtime::serde_json::{self, Map, Value};
use base64::Engine as _;

/// The environment variable that overrides where the `GetRestApis` body is read from.
pub const REST_APIS_ENV: &str = "AWSGEN_BENCH_REST_APIS";

/// The default path of the `GetRestApis` body (1,000 REST APIs, 421,644 bytes),
/// from the `shared/` folder beside the repository.
pub fn rest_apis_path() -> PathBuf {
    match std::env::var_os(REST_APIS_ENV) {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/bench/get_rest_apis_1000.json"),
    }
}

/// The `GetRestApis` response body.
///
/// # Panics
///
/// When the file cannot be read: set [`REST_APIS_ENV`] to its path.
pub fn rest_apis_body() -> Bytes {
    let path = rest_apis_path();
    match std::fs::read(&path) {
        Ok(body) => Bytes::from(body),
        Err(error) => panic!(
            "cannot read the GetRestApis body at {} ({error}); set {REST_APIS_ENV} to its path",
            path.display()
        ),
    }
}

/// The `CreateDeployment` input: a REST API id, a stage, a description and
/// 50 stage variables `var00`..`var49` with 20-character values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deployment {
    /// The REST API id (a URI label).
    pub rest_api_id: String,
    /// The stage name.
    pub stage_name: String,
    /// The deployment's description.
    pub description: String,
    /// The stage variables, in order.
    pub variables: Vec<(String, String)>,
}

impl Deployment {
    /// The benchmark's deployment.
    pub fn sample() -> Self {
        let variables = (0..50)
            .map(|i| {
                let value = format!("value-{i:02}-abcdefghijk");
                debug_assert_eq!(value.len(), 20);
                (format!("var{i:02}"), value)
            })
            .collect();
        Self {
            rest_api_id: "a1b2c3".to_owned(),
            stage_name: "prod".to_owned(),
            description: "Benchmark deployment with fifty stage variables".to_owned(),
            variables,
        }
    }

    /// Our input.
    ///
    /// # Panics
    ///
    /// When the builder rejects it (it has every required member).
    pub fn ours(&self) -> awsgen_apigateway::types::CreateDeploymentRequest {
        awsgen_apigateway::types::CreateDeploymentRequest::builder()
            .rest_api_id(&self.rest_api_id)
            .stage_name(&self.stage_name)
            .description(&self.description)
            .set_variables(Some(self.variables.iter().cloned().collect()))
            .build()
            .expect("a complete CreateDeploymentRequest")
    }

    /// The variables as the official fluent builder takes them.
    pub fn official_variables(&self) -> HashMap<String, String> {
        self.variables.iter().cloned().collect()
    }
}

/// A DynamoDB attribute value, independent of either SDK, convertible to the
/// wire JSON and to each SDK's type.
#[derive(Clone, Debug, PartialEq)]
pub enum Attr {
    /// `S`
    S(String),
    /// `N`
    N(String),
    /// `B` (base64 on the wire)
    B(Vec<u8>),
    /// `BOOL`
    Bool(bool),
    /// `L`
    L(Vec<Attr>),
    /// `M`
    M(Vec<(String, Attr)>),
}

impl Attr {
    /// The DynamoDB JSON form, e.g. `{"S": "x"}`.
    pub fn to_json(&self) -> Value {
        let (tag, value) = match self {
            Attr::S(s) => ("S", Value::from(s.as_str())),
            Attr::N(n) => ("N", Value::from(n.as_str())),
            Attr::B(b) => (
                "B",
                Value::from(base64::engine::general_purpose::STANDARD.encode(b)),
            ),
            Attr::Bool(b) => ("BOOL", Value::from(*b)),
            Attr::L(l) => ("L", Value::Array(l.iter().map(Attr::to_json).collect())),
            Attr::M(m) => ("M", item_json(m)),
        };
        let mut object = Map::new();
        object.insert(tag.to_owned(), value);
        Value::Object(object)
    }

    /// Our `AttributeValue`, built with its builder.
    ///
    pub fn ours(&self) -> awsgen_dynamodb::types::AttributeValue {
        use awsgen_dynamodb::primitives::Blob;
        use awsgen_dynamodb::types::AttributeValue;
        let builder = AttributeValue::builder();
        let builder = match self {
            Attr::S(s) => builder.s(s),
            Attr::N(n) => builder.n(n),
            Attr::B(b) => builder.b(Blob::new(b.clone())),
            Attr::Bool(b) => builder.bool(*b),
            Attr::L(l) => builder.set_l(Some(l.iter().map(Attr::ours).collect())),
            Attr::M(m) => {
                builder.set_m(Some(m.iter().map(|(k, v)| (k.clone(), v.ours())).collect()))
            }
        };
        builder.build()
    }

    /// The official SDK's `AttributeValue`.
    pub fn official(&self) -> aws_sdk_dynamodb::types::AttributeValue {
        use aws_sdk_dynamodb::primitives::Blob;
        use aws_sdk_dynamodb::types::AttributeValue;
        match self {
            Attr::S(s) => AttributeValue::S(s.clone()),
            Attr::N(n) => AttributeValue::N(n.clone()),
            Attr::B(b) => AttributeValue::B(Blob::new(b.clone())),
            Attr::Bool(b) => AttributeValue::Bool(*b),
            Attr::L(l) => AttributeValue::L(l.iter().map(Attr::official).collect()),
            Attr::M(m) => AttributeValue::M(official_item(m)),
        }
    }
}

/// An item: attribute names and values.
pub type Item = Vec<(String, Attr)>;

/// The `i`th item of the benchmark: 10 attributes mixing S, N, B, BOOL, L
/// and M (`pk` S, `sk` N, `data` B of 32 bytes, `flag` BOOL, `tags` L of 3 S,
/// `nested` M of S, N and BOOL, then `email` S, `score` N, `status` S and
/// `version` N).
pub fn item(i: usize) -> Item {
    let data = (0..32)
        .map(|j| (i.wrapping_mul(31).wrapping_add(j * 7) % 256) as u8)
        .collect();
    let statuses = ["active", "pending", "suspended", "archived"];
    vec![
        ("pk".to_owned(), Attr::S(format!("user#{:05}", i % 97))),
        ("sk".to_owned(), Attr::N(i.to_string())),
        ("data".to_owned(), Attr::B(data)),
        ("flag".to_owned(), Attr::Bool(i.is_multiple_of(2))),
        (
            "tags".to_owned(),
            Attr::L(vec![
                Attr::S(format!("tag-a{}", i % 5)),
                Attr::S(format!("tag-b{}", i % 7)),
                Attr::S(format!("tag-c{}", i % 11)),
            ]),
        ),
        (
            "nested".to_owned(),
            Attr::M(vec![
                ("name".to_owned(), Attr::S(format!("nested item {i}"))),
                ("count".to_owned(), Attr::N((i * 3 % 1000).to_string())),
                ("active".to_owned(), Attr::Bool(!i.is_multiple_of(3))),
            ]),
        ),
        (
            "email".to_owned(),
            Attr::S(format!("user{i:04}@example.com")),
        ),
        (
            "score".to_owned(),
            Attr::N(format!("{}.{:02}", i * 7 % 10_000, i % 100)),
        ),
        (
            "status".to_owned(),
            Attr::S(statuses[i % statuses.len()].to_owned()),
        ),
        ("version".to_owned(), Attr::N((1 + i % 17).to_string())),
    ]
}

/// An item's DynamoDB JSON form.
pub fn item_json(item: &[(String, Attr)]) -> Value {
    Value::Object(
        item.iter()
            .map(|(name, value)| (name.clone(), value.to_json()))
            .collect(),
    )
}

/// An item as our `PutItemInput::item` takes it.
pub fn our_item(
    item: &[(String, Attr)],
) -> BTreeMap<String, awsgen_dynamodb::types::AttributeValue> {
    item.iter()
        .map(|(name, value)| (name.clone(), value.ours()))
        .collect()
}

/// An item as the official SDK takes it.
pub fn official_item(
    item: &[(String, Attr)],
) -> HashMap<String, aws_sdk_dynamodb::types::AttributeValue> {
    item.iter()
        .map(|(name, value)| (name.clone(), value.official()))
        .collect()
}

/// The body of a `Query` response with `n` items, `Count` and `ScannedCount`.
///
/// # Panics
///
/// Never in practice: serializing a `serde_json::Value` cannot fail.
pub fn query_response_body(n: usize) -> Bytes {
    let items: Vec<Value> = (0..n).map(|i| item_json(&item(i))).collect();
    let body = serde_json::json!({
        "Items": items,
        "Count": n,
        "ScannedCount": n,
    });
    Bytes::from(serde_json::to_vec(&body).expect("JSON"))
}

/// The item `PutItem` sends.
pub fn put_item() -> Item {
    item(42)
}

/// The table every DynamoDB call names.
pub const TABLE: &str = "T";

/// The EC2 `DescribeInstances` response body: `reservations` reservations of
/// `per_reservation` instances each, every instance as EC2 describes a
/// running one (state, placement, a security group, an EBS root volume, a
/// network interface with its attachment and private address, two tags,
/// CPU and metadata options).
pub fn describe_instances_body(reservations: usize, per_reservation: usize) -> Bytes {
    use std::fmt::Write as _;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <DescribeInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">\n\
         <requestId>8f7724cf-496f-496e-8fe3-example</requestId>\n<reservationSet>\n",
    );
    for r in 0..reservations {
        let _ = writeln!(
            xml,
            "<item><reservationId>r-{r:017x}</reservationId><ownerId>123456789012</ownerId>\
             <groupSet/><instancesSet>"
        );
        for i in 0..per_reservation {
            let n = r * per_reservation + i;
            let ip = format!("10.0.{}.{}", n / 250, n % 250 + 4);
            let _ = writeln!(
                xml,
                "<item>\
                 <instanceId>{id}</instanceId><imageId>ami-0abcdef1234567890</imageId>\
                 <instanceState><code>16</code><name>running</name></instanceState>\
                 <privateDnsName>ip-{dashed}.ec2.internal</privateDnsName><dnsName/>\
                 <keyName>ops</keyName><amiLaunchIndex>{i}</amiLaunchIndex>\
                 <productCodes/><instanceType>m5.large</instanceType>\
                 <launchTime>2026-11-29T08:{minute:02}:30.000Z</launchTime>\
                 <placement><availabilityZone>us-east-1a</availabilityZone><groupName/><tenancy>default</tenancy></placement>\
                 <monitoring><state>disabled</state></monitoring>\
                 <subnetId>subnet-0a1b2c3d</subnetId><vpcId>vpc-0a1b2c3d</vpcId>\
                 <privateIpAddress>{ip}</privateIpAddress><sourceDestCheck>true</sourceDestCheck>\
                 <groupSet><item><groupId>sg-0a1b2c3d</groupId><groupName>web</groupName></item></groupSet>\
                 <architecture>x86_64</architecture><rootDeviceType>ebs</rootDeviceType>\
                 <rootDeviceName>/dev/xvda</rootDeviceName>\
                 <blockDeviceMapping><item><deviceName>/dev/xvda</deviceName>\
                 <ebs><volumeId>vol-{n:017x}</volumeId><status>attached</status>\
                 <attachTime>2026-11-29T08:{minute:02}:31.000Z</attachTime><deleteOnTermination>true</deleteOnTermination></ebs>\
                 </item></blockDeviceMapping>\
                 <virtualizationType>hvm</virtualizationType><clientToken>token-{n}</clientToken>\
                 <tagSet><item><key>Name</key><value>web-{n}</value></item>\
                 <item><key>team</key><value>payments &amp; billing</value></item></tagSet>\
                 <hypervisor>xen</hypervisor>\
                 <networkInterfaceSet><item><networkInterfaceId>eni-{n:017x}</networkInterfaceId>\
                 <subnetId>subnet-0a1b2c3d</subnetId><vpcId>vpc-0a1b2c3d</vpcId><description/>\
                 <ownerId>123456789012</ownerId><status>in-use</status><macAddress>02:ab:cd:ef:{hi:02x}:{lo:02x}</macAddress>\
                 <privateIpAddress>{ip}</privateIpAddress><sourceDestCheck>true</sourceDestCheck>\
                 <groupSet><item><groupId>sg-0a1b2c3d</groupId><groupName>web</groupName></item></groupSet>\
                 <attachment><attachmentId>eni-attach-{n:017x}</attachmentId><deviceIndex>0</deviceIndex>\
                 <status>attached</status><attachTime>2026-11-29T08:{minute:02}:30.000Z</attachTime>\
                 <deleteOnTermination>true</deleteOnTermination></attachment>\
                 <privateIpAddressesSet><item><privateIpAddress>{ip}</privateIpAddress><primary>true</primary></item></privateIpAddressesSet>\
                 <ipv6AddressesSet/><interfaceType>interface</interfaceType></item></networkInterfaceSet>\
                 <ebsOptimized>false</ebsOptimized><enaSupport>true</enaSupport>\
                 <cpuOptions><coreCount>1</coreCount><threadsPerCore>2</threadsPerCore></cpuOptions>\
                 <capacityReservationSpecification><capacityReservationPreference>open</capacityReservationPreference></capacityReservationSpecification>\
                 <hibernationOptions><configured>false</configured></hibernationOptions>\
                 <metadataOptions><state>applied</state><httpTokens>required</httpTokens>\
                 <httpPutResponseHopLimit>2</httpPutResponseHopLimit><httpEndpoint>enabled</httpEndpoint></metadataOptions>\
                 <platformDetails>Linux/UNIX</platformDetails><usageOperation>RunInstances</usageOperation>\
                 </item>",
                id = instance_id(n),
                dashed = ip.replace('.', "-"),
                minute = n % 60,
                hi = n / 256,
                lo = n % 256,
            );
        }
        xml.push_str("</instancesSet></item>\n");
    }
    xml.push_str("</reservationSet>\n</DescribeInstancesResponse>\n");
    Bytes::from(xml)
}

/// The id of the `n`th instance of [`describe_instances_body`].
pub fn instance_id(n: usize) -> String {
    format!("i-{n:017x}")
}

/// The topic every SNS call names.
pub const TOPIC: &str = "arn:aws:sns:us-east-1:123456789012:orders";

/// One `PublishBatch` entry: a JSON message of about 200 bytes, a subject,
/// FIFO group and deduplication ids, and three message attributes (a
/// string, a number and 16 bytes of binary).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchEntry {
    /// The entry id.
    pub id: String,
    /// The message.
    pub message: String,
    /// The subject.
    pub subject: String,
    /// The FIFO message group.
    pub group: String,
    /// The deduplication id.
    pub dedup: String,
    /// The `kind` (String) attribute.
    pub kind: String,
    /// The `amount` (Number) attribute.
    pub amount: String,
    /// The `digest` (Binary) attribute.
    pub digest: Vec<u8>,
}

/// The ten entries `PublishBatch` sends.
pub fn batch_entries() -> Vec<BatchEntry> {
    (0..10)
        .map(|i| BatchEntry {
            id: format!("entry-{i}"),
            message: format!(
                "{{\"order\":{i},\"customer\":\"c-{:04}\",\"lines\":[{{\"sku\":\"A-1\",\"qty\":2}},\
                 {{\"sku\":\"B-7\",\"qty\":1}}],\"note\":\"deliver after 5pm, ring twice & wait\",\
                 \"total\":\"{}.99\"}}",
                i * 37 % 1000,
                10 + i
            ),
            subject: format!("order {i} created"),
            group: format!("customer-{}", i % 3),
            dedup: format!("order-{i}-v1"),
            kind: "order.created".to_owned(),
            amount: format!("{}.99", 10 + i),
            digest: (0..16u8)
                .map(|b| b.wrapping_mul(17).wrapping_add(i as u8))
                .collect(),
        })
        .collect()
}

impl BatchEntry {
    /// The entry as our crate takes it.
    ///
    /// # Panics
    ///
    /// Never: the required `Id` is set.
    pub fn ours(&self) -> awsgen_sns::types::PublishBatchRequestEntry {
        use awsgen_sns::types::{MessageAttributeValue, PublishBatchRequestEntry};
        let attribute = |data_type: &str| MessageAttributeValue::builder().data_type(data_type);
        PublishBatchRequestEntry::builder()
            .id(&self.id)
            .message(&self.message)
            .subject(&self.subject)
            .message_group_id(&self.group)
            .message_deduplication_id(&self.dedup)
            .message_attributes(
                "kind",
                attribute("String")
                    .string_value(&self.kind)
                    .build()
                    .expect("complete"),
            )
            .message_attributes(
                "amount",
                attribute("Number")
                    .string_value(&self.amount)
                    .build()
                    .expect("complete"),
            )
            .message_attributes(
                "digest",
                attribute("Binary")
                    .binary_value(self.digest.clone())
                    .build()
                    .expect("complete"),
            )
            .build()
            .expect("a complete entry")
    }

    /// The entry as the official SDK takes it.
    ///
    /// # Panics
    ///
    /// Never: the required `Id` and `DataType`s are set.
    pub fn official(&self) -> aws_sdk_sns::types::PublishBatchRequestEntry {
        use aws_sdk_sns::primitives::Blob;
        use aws_sdk_sns::types::{MessageAttributeValue, PublishBatchRequestEntry};
        let attribute = |data_type: &str| MessageAttributeValue::builder().data_type(data_type);
        PublishBatchRequestEntry::builder()
            .id(&self.id)
            .message(&self.message)
            .subject(&self.subject)
            .message_group_id(&self.group)
            .message_deduplication_id(&self.dedup)
            .message_attributes(
                "kind",
                attribute("String")
                    .string_value(&self.kind)
                    .build()
                    .expect("complete"),
            )
            .message_attributes(
                "amount",
                attribute("Number")
                    .string_value(&self.amount)
                    .build()
                    .expect("complete"),
            )
            .message_attributes(
                "digest",
                attribute("Binary")
                    .binary_value(Blob::new(self.digest.clone()))
                    .build()
                    .expect("complete"),
            )
            .build()
            .expect("a complete entry")
    }
}

/// The canned answer to `PublishBatch`: every entry accepted.
pub fn publish_batch_response_body(entries: &[BatchEntry]) -> Bytes {
    let successful: String = entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            format!(
                "<member><Id>{}</Id><MessageId>5679{i:04}-659e-55d4-8ccb-5aaf14679dc0</MessageId></member>",
                entry.id
            )
        })
        .collect();
    Bytes::from(format!(
        "<PublishBatchResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishBatchResult>\
         <Successful>{successful}</Successful><Failed/></PublishBatchResult>\
         <ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata>\
         </PublishBatchResponse>"
    ))
}
