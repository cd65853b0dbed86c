"""Writes testdata/ec2/wire-cases.json (see testdata/wire_cases/__init__.py for how to run it)."""

import datetime
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent))
import wire_cases  # noqa: E402

NS = "http://ec2.amazonaws.com/doc/2016-11-15/"

# Idempotency tokens are given: botocore, like the generated crate, fills an
# unset one with a fresh UUID. UserData is left out: botocore base64-encodes
# it for RunInstances (a customization, base64_encode_user_data), the
# generated crate sends what it is given.

REQUESTS = [
    ("RunInstancesTwoWithTagsAndVolume", "RunInstances", {
        "ImageId": "ami-0abcdef1234567890", "InstanceType": "t3.micro", "MinCount": 1, "MaxCount": 2,
        "KeyName": "ops key", "SecurityGroupIds": ["sg-0a1b2c3d", "sg-4e5f6a7b"],
        "BlockDeviceMappings": [{"DeviceName": "/dev/xvda",
                                 "Ebs": {"VolumeSize": 20, "VolumeType": "gp3", "DeleteOnTermination": True,
                                         "Encrypted": False}}],
        "Monitoring": {"Enabled": True},
        "Placement": {"AvailabilityZone": "us-east-1a"},
        "TagSpecifications": [{"ResourceType": "instance",
                               "Tags": [{"Key": "Name", "Value": "web"}, {"Key": "team", "Value": "a & b"}]}],
        "ClientToken": "run-2026-11-29-1",
    }),
    ("DescribeInstancesFilteredPage", "DescribeInstances", {
        "Filters": [{"Name": "instance-state-name", "Values": ["running", "pending"]},
                    {"Name": "tag:team", "Values": ["a b"]}],
        "MaxResults": 50, "NextToken": "eyJ2IjoxfQ+/==",
    }),
    ("DescribeInstancesByIds", "DescribeInstances", {"InstanceIds": ["i-0123456789abcdef0", "i-0fedcba9876543210"]}),
    ("TerminateInstancesDryRun", "TerminateInstances", {"InstanceIds": ["i-0123456789abcdef0"], "DryRun": True}),
    ("CreateTagsEmptyValue", "CreateTags", {
        "Resources": ["i-0123456789abcdef0", "vol-0123456789abcdef0"],
        "Tags": [{"Key": "backup", "Value": ""}, {"Key": "owner", "Value": "ops@example.com"}],
    }),
    ("ModifyInstanceAttributeType", "ModifyInstanceAttribute", {
        "InstanceId": "i-0123456789abcdef0", "InstanceType": {"Value": "t3.large"},
        "DisableApiTermination": {"Value": True},
    }),
    ("DescribeSpotPriceHistorySince", "DescribeSpotPriceHistory", {
        "StartTime": datetime.datetime(2026, 11, 1, 12, 30, tzinfo=datetime.timezone.utc),
        "InstanceTypes": ["m5.large", "c6g.xlarge"], "ProductDescriptions": ["Linux/UNIX"],
        "AvailabilityZone": "us-east-1a",
    }),
]

HEADERS = {"x-amzn-requestid": "59dbff89-35bd-4eac-99ed-be587EXAMPLE", "content-type": "text/xml;charset=UTF-8"}

INSTANCE = """<item>
        <instanceId>i-0123456789abcdef0</instanceId>
        <imageId>ami-0abcdef1234567890</imageId>
        <instanceState><code>16</code><name>running</name></instanceState>
        <privateDnsName>ip-10-0-0-12.ec2.internal</privateDnsName>
        <dnsName/>
        <keyName>ops key</keyName>
        <amiLaunchIndex>0</amiLaunchIndex>
        <instanceType>t3.micro</instanceType>
        <launchTime>2026-11-29T08:15:30.000Z</launchTime>
        <placement><availabilityZone>us-east-1a</availabilityZone><groupName/><tenancy>default</tenancy></placement>
        <monitoring><state>enabled</state></monitoring>
        <subnetId>subnet-0a1b2c3d</subnetId>
        <vpcId>vpc-0a1b2c3d</vpcId>
        <privateIpAddress>10.0.0.12</privateIpAddress>
        <sourceDestCheck>true</sourceDestCheck>
        <groupSet><item><groupId>sg-0a1b2c3d</groupId><groupName>web</groupName></item></groupSet>
        <architecture>x86_64</architecture>
        <rootDeviceType>ebs</rootDeviceType>
        <rootDeviceName>/dev/xvda</rootDeviceName>
        <blockDeviceMapping>
          <item><deviceName>/dev/xvda</deviceName>
            <ebs><volumeId>vol-0123456789abcdef0</volumeId><status>attached</status>
              <attachTime>2026-11-29T08:15:31.000Z</attachTime><deleteOnTermination>true</deleteOnTermination></ebs>
          </item>
        </blockDeviceMapping>
        <virtualizationType>hvm</virtualizationType>
        <tagSet>
          <item><key>Name</key><value>web</value></item>
          <item><key>team</key><value>a &amp; b</value></item>
        </tagSet>
        <hypervisor>xen</hypervisor>
        <networkInterfaceSet>
          <item><networkInterfaceId>eni-0a1b2c3d</networkInterfaceId><subnetId>subnet-0a1b2c3d</subnetId>
            <status>in-use</status><macAddress>02:ab:cd:ef:01:23</macAddress><privateIpAddress>10.0.0.12</privateIpAddress>
            <sourceDestCheck>true</sourceDestCheck>
            <attachment><attachmentId>eni-attach-0a1b</attachmentId><deviceIndex>0</deviceIndex><status>attached</status>
              <attachTime>2026-11-29T08:15:30.000Z</attachTime><deleteOnTermination>true</deleteOnTermination></attachment>
            <privateIpAddressesSet><item><privateIpAddress>10.0.0.12</privateIpAddress><primary>true</primary></item></privateIpAddressesSet>
          </item>
        </networkInterfaceSet>
        <ebsOptimized>false</ebsOptimized>
        <cpuOptions><coreCount>1</coreCount><threadsPerCore>2</threadsPerCore></cpuOptions>
        <metadataOptions><state>applied</state><httpTokens>required</httpTokens><httpPutResponseHopLimit>2</httpPutResponseHopLimit></metadataOptions>
      </item>"""

DESCRIBED = f"""<?xml version="1.0" encoding="UTF-8"?>
<DescribeInstancesResponse xmlns="{NS}">
  <requestId>8f7724cf-496f-496e-8fe3-example</requestId>
  <reservationSet>
    <item>
      <reservationId>r-0123456789abcdef0</reservationId>
      <ownerId>123456789012</ownerId>
      <groupSet/>
      <instancesSet>
      {INSTANCE}
      </instancesSet>
    </item>
    <item>
      <reservationId>r-0fedcba9876543210</reservationId>
      <ownerId>123456789012</ownerId>
      <groupSet/>
      <instancesSet>
        <item><instanceId>i-0fedcba9876543210</instanceId><instanceState><code>80</code><name>stopped</name></instanceState>
          <stateReason><code>Client.UserInitiatedShutdown</code><message>Client.UserInitiatedShutdown: User initiated shutdown</message></stateReason>
          <instanceType>m5.large</instanceType></item>
      </instancesSet>
    </item>
  </reservationSet>
  <nextToken>eyJ2IjoyfQ==</nextToken>
</DescribeInstancesResponse>"""

RUN = f"""<RunInstancesResponse xmlns="{NS}">
  <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
  <reservationId>r-0123456789abcdef0</reservationId>
  <ownerId>123456789012</ownerId>
  <groupSet/>
  <instancesSet>
  {INSTANCE}
  </instancesSet>
</RunInstancesResponse>"""

TERMINATED = f"""<TerminateInstancesResponse xmlns="{NS}">
  <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
  <instancesSet>
    <item><instanceId>i-0123456789abcdef0</instanceId>
      <currentState><code>32</code><name>shutting-down</name></currentState>
      <previousState><code>16</code><name>running</name></previousState></item>
  </instancesSet>
</TerminateInstancesResponse>"""

SPOT = f"""<DescribeSpotPriceHistoryResponse xmlns="{NS}">
  <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
  <spotPriceHistorySet>
    <item><instanceType>m5.large</instanceType><productDescription>Linux/UNIX</productDescription>
      <spotPrice>0.036700</spotPrice><timestamp>2026-11-29T07:00:00.000Z</timestamp><availabilityZone>us-east-1a</availabilityZone></item>
  </spotPriceHistorySet>
  <nextToken/>
</DescribeSpotPriceHistoryResponse>"""


def error(code, message):
    return (f"<Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors>"
            f"<RequestID>ee0b6e44-4b8a-4b5b-9f3e-example</RequestID></Response>")


RESPONSES = [
    ("DescribeInstancesTwoReservations", "DescribeInstances", 200, HEADERS, DESCRIBED),
    ("RunInstancesOne", "RunInstances", 200, HEADERS, RUN),
    ("TerminateInstancesStates", "TerminateInstances", 200, HEADERS, TERMINATED),
    ("DescribeSpotPriceHistoryOne", "DescribeSpotPriceHistory", 200, HEADERS, SPOT),
    ("DescribeInstancesUnknownId", "DescribeInstances", 400, HEADERS,
     error("InvalidInstanceID.NotFound", "The instance ID 'i-0123456789abcdef0' does not exist")),
    ("TerminateInstancesDryRun", "TerminateInstances", 412, HEADERS,
     error("DryRunOperation", "Request would have succeeded, but DryRun flag is set.")),
]

wire_cases.write("ec2", "testdata/ec2/generate_wire_cases.py", REQUESTS, RESPONSES)
