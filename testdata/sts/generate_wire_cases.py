"""Writes testdata/sts/wire-cases.json (see testdata/wire_cases/__init__.py for how to run it)."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent))
import wire_cases  # noqa: E402

ROLE = "arn:aws:iam::123456789012:role/deploy"
NS = "https://sts.amazonaws.com/doc/2011-06-15/"

REQUESTS = [
    ("AssumeRoleWithTagsAndPolicies", "AssumeRole", {
        "RoleArn": ROLE, "RoleSessionName": "ci-run-42", "DurationSeconds": 3600,
        "PolicyArns": [{"arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}, {"arn": "arn:aws:iam::123456789012:policy/extra"}],
        "Policy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}",
        "Tags": [{"Key": "project", "Value": "awsgen"}, {"Key": "team", "Value": "core & tools"}],
        "TransitiveTagKeys": ["project"],
        "ExternalId": "ext-123", "SerialNumber": "arn:aws:iam::123456789012:mfa/user", "TokenCode": "123456",
    }),
    ("GetCallerIdentity", "GetCallerIdentity", {}),
    ("GetSessionTokenWithMfa", "GetSessionToken", {
        "DurationSeconds": 900, "SerialNumber": "arn:aws:iam::123456789012:mfa/user", "TokenCode": "654321",
    }),
    ("AssumeRoleWithWebIdentity", "AssumeRoleWithWebIdentity", {
        "RoleArn": ROLE, "RoleSessionName": "web", "WebIdentityToken": "eyJhbGciOi.token+/=",
        "ProviderId": "www.amazon.com",
    }),
]

HEADERS = {"x-amzn-requestid": "c6104cbe-af31-11e0-8154-cbc7ccf896c7", "content-type": "text/xml"}

ASSUMED = f"""<AssumeRoleResponse xmlns="{NS}">
  <AssumeRoleResult>
    <SourceIdentity>dev</SourceIdentity>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::123456789012:assumed-role/deploy/ci-run-42</Arn>
      <AssumedRoleId>ARO123EXAMPLE123:ci-run-42</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>
      <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
      <SessionToken>AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQW</SessionToken>
      <Expiration>2026-11-29T11:30:00Z</Expiration>
    </Credentials>
    <PackedPolicySize>8</PackedPolicySize>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
</AssumeRoleResponse>"""

IDENTITY = f"""<GetCallerIdentityResponse xmlns="{NS}">
  <GetCallerIdentityResult>
    <Arn>arn:aws:iam::123456789012:user/Alice</Arn>
    <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
    <Account>123456789012</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>"""


def error(code, message):
    return (f'<ErrorResponse xmlns="{NS}"><Error><Type>Sender</Type><Code>{code}</Code>'
            f'<Message>{message}</Message></Error><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ErrorResponse>')


RESPONSES = [
    ("AssumeRoleOk", "AssumeRole", 200, HEADERS, ASSUMED),
    ("GetCallerIdentityOk", "GetCallerIdentity", 200, HEADERS, IDENTITY),
    ("AssumeRoleMalformedPolicy", "AssumeRole", 400, HEADERS,
     error("MalformedPolicyDocument", "The policy is not in the valid JSON format.")),
    ("AssumeRoleRegionDisabled", "AssumeRole", 403, HEADERS,
     error("RegionDisabledException", "STS is not activated in this region for account:123456789012.")),
    ("AssumeRoleExpiredToken", "AssumeRole", 400, HEADERS,
     error("ExpiredTokenException", "The security token included in the request is expired")),
]

wire_cases.write("sts", "testdata/sts/generate_wire_cases.py", REQUESTS, RESPONSES)
