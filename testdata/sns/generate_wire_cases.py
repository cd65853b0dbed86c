"""Writes testdata/sns/wire-cases.json (see testdata/wire_cases/__init__.py for how to run it)."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent))
import wire_cases  # noqa: E402

TOPIC = "arn:aws:sns:us-east-1:123456789012:orders"
NS = "http://sns.amazonaws.com/doc/2010-03-31/"

# Map parameters are given with their keys sorted: botocore numbers map
# entries (`Attributes.entry.N`) in the caller's dict order, the generated
# crate's maps are sorted by key, and the cases compare bodies byte for byte.

REQUESTS = [
    ("CreateTopicWithAttributesAndTags", "CreateTopic", {
        "Name": "orders.fifo",
        "Attributes": {"ContentBasedDeduplication": "true", "DisplayName": "Orders & Co", "FifoTopic": "true"},
        "Tags": [{"Key": "team", "Value": "payments"}, {"Key": "env", "Value": "prod"}],
    }),
    ("PublishWithAttributes", "Publish", {
        "TopicArn": TOPIC, "Message": "{\"order\": 42, \"note\": \"größer\"}", "Subject": "order created",
        "MessageAttributes": {
            "checksum": {"DataType": "Binary", "BinaryValue": b"\x00\x01\x02"},
            "kind": {"DataType": "String", "StringValue": "created"},
        },
        "MessageGroupId": "customer-7", "MessageDeduplicationId": "dedup-1",
    }),
    ("PublishBatchOfThree", "PublishBatch", {
        "TopicArn": TOPIC,
        "PublishBatchRequestEntries": [
            {"Id": "1", "Message": "first"},
            {"Id": "2", "Message": "second", "Subject": "two",
             "MessageAttributes": {"n": {"DataType": "Number", "StringValue": "2"}}},
            {"Id": "3", "Message": "third"},
        ],
    }),
    ("ListTopicsNextPage", "ListTopics", {"NextToken": "AAAA/token+=="}),
    ("SubscribeQueue", "Subscribe", {
        "TopicArn": TOPIC, "Protocol": "sqs", "Endpoint": "arn:aws:sqs:us-east-1:123456789012:q",
        "Attributes": {"RawMessageDelivery": "true"}, "ReturnSubscriptionArn": True,
    }),
]

HEADERS = {"x-amzn-requestid": "f187a3c1-376f-11df-8963-01868b7c937a", "content-type": "text/xml"}

LISTED = f"""<ListTopicsResponse xmlns="{NS}">
  <ListTopicsResult>
    <Topics>
      <member><TopicArn>{TOPIC}</TopicArn></member>
      <member><TopicArn>arn:aws:sns:us-east-1:123456789012:alerts</TopicArn></member>
    </Topics>
    <NextToken>BBBB/next+==</NextToken>
  </ListTopicsResult>
  <ResponseMetadata><RequestId>3f1478c7-33a9-11df-9540-99d0768312d3</RequestId></ResponseMetadata>
</ListTopicsResponse>"""

ATTRIBUTES = f"""<GetTopicAttributesResponse xmlns="{NS}">
  <GetTopicAttributesResult>
    <Attributes>
      <entry><key>Owner</key><value>123456789012</value></entry>
      <entry><key>Policy</key><value>{{"Version":"2008-10-17"}}</value></entry>
      <entry><key>TopicArn</key><value>{TOPIC}</value></entry>
    </Attributes>
  </GetTopicAttributesResult>
  <ResponseMetadata><RequestId>057f074c-33a7-11df-9540-99d0768312d3</RequestId></ResponseMetadata>
</GetTopicAttributesResponse>"""

BATCH = f"""<PublishBatchResponse xmlns="{NS}">
  <PublishBatchResult>
    <Successful>
      <member><Id>1</Id><MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId><SequenceNumber>10000000000000003000</SequenceNumber></member>
      <member><Id>3</Id><MessageId>71e1a0c6-8a9e-5d4c-8b7f-2c2c3a5f1c4e</MessageId></member>
    </Successful>
    <Failed>
      <member><Id>2</Id><Code>InvalidParameter</Code><Message>Invalid attribute n</Message><SenderFault>true</SenderFault></member>
    </Failed>
  </PublishBatchResult>
  <ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata>
</PublishBatchResponse>"""

PUBLISHED = f"""<PublishResponse xmlns="{NS}"><PublishResult><MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId>
<SequenceNumber>10000000000000004000</SequenceNumber></PublishResult>
<ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata></PublishResponse>"""


def error(code, message):
    return (f'<ErrorResponse xmlns="{NS}"><Error><Type>Sender</Type><Code>{code}</Code>'
            f'<Message>{message}</Message></Error><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ErrorResponse>')


RESPONSES = [
    ("ListTopicsPage", "ListTopics", 200, HEADERS, LISTED),
    ("GetTopicAttributesMap", "GetTopicAttributes", 200, HEADERS, ATTRIBUTES),
    ("PublishBatchPartlyFailed", "PublishBatch", 200, HEADERS, BATCH),
    ("PublishOk", "Publish", 200, HEADERS, PUBLISHED),
    ("PublishNotFound", "Publish", 404, HEADERS, error("NotFound", "Topic does not exist")),
    ("CreateTopicInvalidParameter", "CreateTopic", 400, HEADERS,
     error("InvalidParameter", "Invalid parameter: Topic Name")),
]

wire_cases.write("sns", "testdata/sns/generate_wire_cases.py", REQUESTS, RESPONSES)
