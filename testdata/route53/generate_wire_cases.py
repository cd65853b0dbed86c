"""Writes testdata/route53/wire-cases.json (see testdata/wire_cases/__init__.py for how to run it)."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent))
import wire_cases  # noqa: E402

# Hosted zone ids without botocore's `/hostedzone/` prefix: botocore strips
# it (handlers.fix_route53_ids), a customization the generated crate does not have.
ZONE = "Z1D633PJN98FT9"
NS = "https://route53.amazonaws.com/doc/2013-04-01/"

# Parameters are given in the model's member order: botocore writes XML
# elements in the order of the caller's dict, the generated crate in the
# model's, and Route 53 checks requests against its schema, which fixes
# the model's order.

REQUESTS = [
    ("CreatePublicHostedZone", "CreateHostedZone", {
        "Name": "example.com", "CallerReference": "2026-11-29-example",
        "HostedZoneConfig": {"Comment": "public zone for example.com", "PrivateZone": False},
    }),
    ("CreatePrivateHostedZone", "CreateHostedZone", {
        "Name": "internal.example.com", "VPC": {"VPCRegion": "eu-west-1", "VPCId": "vpc-1a2b3c4d"},
        "CallerReference": "2026-11-29-internal",
        "HostedZoneConfig": {"Comment": "R&D <private>", "PrivateZone": True},
    }),
    ("ChangeRecordSets", "ChangeResourceRecordSets", {
        "HostedZoneId": ZONE,
        "ChangeBatch": {"Comment": "web tier", "Changes": [
            {"Action": "UPSERT", "ResourceRecordSet": {
                "Name": "www.example.com", "Type": "A", "TTL": 300,
                "ResourceRecords": [{"Value": "192.0.2.44"}, {"Value": "192.0.2.45"}]}},
            {"Action": "CREATE", "ResourceRecordSet": {
                "Name": "cdn.example.com", "Type": "A",
                "AliasTarget": {"HostedZoneId": "Z2FDTNDATAQYW2", "DNSName": "d111111abcdef8.cloudfront.net",
                                "EvaluateTargetHealth": False}}},
            {"Action": "DELETE", "ResourceRecordSet": {
                "Name": "api.example.com", "Type": "CNAME", "SetIdentifier": "blue", "Weight": 10, "TTL": 60,
                "ResourceRecords": [{"Value": "blue.api.example.com"}]}},
        ]},
    }),
    ("ListHostedZonesPage", "ListHostedZones", {"Marker": "Z2ABCDEF", "MaxItems": "2"}),
    ("ListRecordSetsFrom", "ListResourceRecordSets", {
        "HostedZoneId": ZONE, "StartRecordName": "www.example.com", "StartRecordType": "A", "MaxItems": "100",
    }),
    ("ChangeTags", "ChangeTagsForResource", {
        "ResourceType": "hostedzone", "ResourceId": ZONE,
        "AddTags": [{"Key": "team", "Value": "web"}, {"Key": "cost-center", "Value": "42"}],
        "RemoveTagKeys": ["obsolete"],
    }),
    ("DeleteHostedZone", "DeleteHostedZone", {"Id": ZONE}),
    ("GetChange", "GetChange", {"Id": "C2682N5HXP0BZ4"}),
]

HEADERS = {"x-amzn-requestid": "6c1d7f2e-0b9a-4e1c-9f3d-1a2b3c4d5e6f", "content-type": "text/xml"}

CREATED = f"""<?xml version="1.0" encoding="UTF-8"?>
<CreateHostedZoneResponse xmlns="{NS}">
  <HostedZone>
    <Id>/hostedzone/{ZONE}</Id>
    <Name>example.com.</Name>
    <CallerReference>2026-11-29-example</CallerReference>
    <Config><Comment>public zone for example.com</Comment><PrivateZone>false</PrivateZone></Config>
    <ResourceRecordSetCount>2</ResourceRecordSetCount>
  </HostedZone>
  <ChangeInfo>
    <Id>/change/C2682N5HXP0BZ4</Id>
    <Status>PENDING</Status>
    <SubmittedAt>2026-11-29T10:30:00.123Z</SubmittedAt>
  </ChangeInfo>
  <DelegationSet>
    <NameServers>
      <NameServer>ns-2048.awsdns-64.com</NameServer>
      <NameServer>ns-2049.awsdns-65.net</NameServer>
    </NameServers>
  </DelegationSet>
</CreateHostedZoneResponse>"""

LISTED = f"""<?xml version="1.0" encoding="UTF-8"?>
<ListHostedZonesResponse xmlns="{NS}">
  <HostedZones>
    <HostedZone>
      <Id>/hostedzone/{ZONE}</Id><Name>example.com.</Name><CallerReference>ref-1</CallerReference>
      <Config><PrivateZone>false</PrivateZone></Config><ResourceRecordSetCount>7</ResourceRecordSetCount>
    </HostedZone>
    <HostedZone>
      <Id>/hostedzone/Z3M3LMPEXAMPLE</Id><Name>internal.example.com.</Name><CallerReference>ref-2</CallerReference>
      <Config><Comment>R&amp;D</Comment><PrivateZone>true</PrivateZone></Config><ResourceRecordSetCount>3</ResourceRecordSetCount>
    </HostedZone>
  </HostedZones>
  <Marker>Z2ABCDEF</Marker>
  <IsTruncated>true</IsTruncated>
  <NextMarker>Z4KAPRWWNC7JR</NextMarker>
  <MaxItems>2</MaxItems>
</ListHostedZonesResponse>"""

RECORDS = f"""<?xml version="1.0" encoding="UTF-8"?>
<ListResourceRecordSetsResponse xmlns="{NS}">
  <ResourceRecordSets>
    <ResourceRecordSet>
      <Name>www.example.com.</Name><Type>A</Type><TTL>300</TTL>
      <ResourceRecords><ResourceRecord><Value>192.0.2.44</Value></ResourceRecord><ResourceRecord><Value>192.0.2.45</Value></ResourceRecord></ResourceRecords>
    </ResourceRecordSet>
    <ResourceRecordSet>
      <Name>cdn.example.com.</Name><Type>A</Type>
      <AliasTarget><HostedZoneId>Z2FDTNDATAQYW2</HostedZoneId><DNSName>d111111abcdef8.cloudfront.net.</DNSName><EvaluateTargetHealth>false</EvaluateTargetHealth></AliasTarget>
    </ResourceRecordSet>
    <ResourceRecordSet>
      <Name>geo.example.com.</Name><Type>A</Type><SetIdentifier>europe</SetIdentifier>
      <GeoLocation><ContinentCode>EU</ContinentCode></GeoLocation><TTL>60</TTL>
      <ResourceRecords><ResourceRecord><Value>192.0.2.10</Value></ResourceRecord></ResourceRecords>
    </ResourceRecordSet>
  </ResourceRecordSets>
  <IsTruncated>false</IsTruncated>
  <MaxItems>100</MaxItems>
</ListResourceRecordSetsResponse>"""

CHANGE = f"""<?xml version="1.0" encoding="UTF-8"?>
<GetChangeResponse xmlns="{NS}"><ChangeInfo><Id>/change/C2682N5HXP0BZ4</Id><Status>INSYNC</Status>
<SubmittedAt>2026-11-29T10:30:00Z</SubmittedAt><Comment>web tier</Comment></ChangeInfo></GetChangeResponse>"""

NO_SUCH_ZONE = f"""<?xml version="1.0"?>
<ErrorResponse xmlns="{NS}"><Error><Type>Sender</Type><Code>NoSuchHostedZone</Code>
<Message>No hosted zone found with ID: {ZONE}</Message></Error><RequestId>6c1d7f2e-0b9a-4e1c-9f3d-1a2b3c4d5e6f</RequestId></ErrorResponse>"""

INVALID_BATCH = f"""<?xml version="1.0"?>
<ErrorResponse xmlns="{NS}"><Error><Type>Sender</Type><Code>InvalidChangeBatch</Code>
<Message>Tried to create resource record set [name='www.example.com.', type='A'] but it already exists</Message>
<messages><Message>Tried to create resource record set [name='www.example.com.', type='A'] but it already exists</Message><Message>RRSet with DNS name api.example.com. is not permitted in zone example.com.</Message></messages>
</Error><RequestId>6c1d7f2e-0b9a-4e1c-9f3d-1a2b3c4d5e6f</RequestId></ErrorResponse>"""

RESPONSES = [
    ("CreateHostedZoneCreated", "CreateHostedZone", 201,
     dict(HEADERS, Location=f"https://route53.amazonaws.com/2013-04-01/hostedzone/{ZONE}"), CREATED),
    ("ListHostedZonesTruncated", "ListHostedZones", 200, HEADERS, LISTED),
    ("ListResourceRecordSetsMixed", "ListResourceRecordSets", 200, HEADERS, RECORDS),
    ("GetChangeInSync", "GetChange", 200, HEADERS, CHANGE),
    ("GetHostedZoneNoSuchHostedZone", "GetHostedZone", 404, HEADERS, NO_SUCH_ZONE),
    ("ChangeRecordSetsInvalidChangeBatch", "ChangeResourceRecordSets", 400, HEADERS, INVALID_BATCH),
]

wire_cases.write("route53", "testdata/route53/generate_wire_cases.py", REQUESTS, RESPONSES)
