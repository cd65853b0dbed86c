"""Writes testdata/partnercentral-revenue-measurement/wire-cases.json (see
testdata/wire_cases/__init__.py for how to run it; the CBOR responses also need
cbor2 from PyPI in the same environment)."""

import datetime
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent))
import wire_cases  # noqa: E402

SERVICE = "partnercentral-revenue-measurement"
ARN = "arn:aws:partnercentral:us-east-1:123456789012:catalog/AWS/revenue-attribution/ra-0123456789abc"
UTC = datetime.timezone.utc

REQUESTS = [
    ("TagResource", "TagResource", {
        "resourceArn": ARN, "tags": [{"Key": "team", "Value": "partners"}, {"Key": "env", "Value": "prod"}],
    }),
    ("ListTagsForResource", "ListTagsForResource", {"resourceArn": ARN}),
    ("ListRevenueAttributionsFiltered", "ListRevenueAttributions", {
        "Catalog": "AWS", "Identifiers": ["ra-0123456789abc", "ra-0fedcba987654"],
        "CreatedAfter": datetime.datetime(2026, 1, 1, tzinfo=UTC),
        # Whole seconds: botocore sends epoch-second timestamps truncated to the
        # second by default; the generated crates keep the fraction.
        "CreatedBefore": datetime.datetime(2026, 11, 29, 10, 30, 0, tzinfo=UTC),
        "SortBy": "LastModifiedDate", "SortOrder": "DESCENDING", "MaxResults": 50, "NextToken": "page-2",
    }),
]

HEADERS = {"x-amzn-requestid": "5f0b3c2a-9d8e-4f71-a6b5-c4d3e2f1a0b9", "smithy-protocol": "rpc-v2-cbor",
           "content-type": "application/cbor"}

SUMMARY = {
    "Arn": ARN, "Id": "ra-0123456789abc", "Catalog": "AWS", "Name": "Widgets for partners",
    "TenancyModel": "MULTI_TENANT",
    "MarketplaceProduct": {"ProductId": "prod-abc123", "ProductCode": "code-1", "ProductName": "Widgets"},
    "CreatedDate": datetime.datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC),
    "LastModifiedDate": datetime.datetime(2026, 11, 28, 9, 15, 30, 250000, tzinfo=UTC),
    "LatestRevision": "3", "EffectiveFrom": "2026-04-01",
    "TotalActiveRevenueAttributionAllocationCount": 2, "TotalRevenueAttributionAllocationCount": 5,
}

RESPONSES = [
    ("ListTagsForResourceOk", "ListTagsForResource", 200, HEADERS,
     {"tags": [{"Key": "team", "Value": "partners"}, {"Key": "env", "Value": "prod"}]}),
    ("ListRevenueAttributionsPage", "ListRevenueAttributions", 200, HEADERS,
     {"RevenueAttributionSummaries": [SUMMARY], "NextToken": "page-3"}),
    ("ValidationFailed", "ListRevenueAttributions", 400, HEADERS, {
        "__type": "com.amazonaws.partnercentralrevenuemeasurement#ValidationException",
        "Message": "1 validation error detected", "Reason": "REQUEST_VALIDATION_FAILED",
        "FieldList": [{"Name": "MaxResults", "Message": "must be at most 100", "Code": "INVALID_VALUE"}],
    }),
    ("Throttled", "ListTagsForResource", 429, HEADERS, {
        "__type": "com.amazonaws.partnercentralrevenuemeasurement#ThrottlingException",
        "Message": "Rate exceeded", "ServiceCode": "partnercentral", "QuotaCode": "L-1234",
    }),
]

wire_cases.write(SERVICE, f"testdata/{SERVICE}/generate_wire_cases.py", REQUESTS, RESPONSES)
