"""Writes testdata/lambda/wire-cases.json (see testdata/wire_cases/__init__.py for how to run it)."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent))
import wire_cases  # noqa: E402

ROLE = "arn:aws:iam::123456789012:role/lambda-exec"
FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:orders"

REQUESTS = [
    ("InvokeWithHeaders", "Invoke", {
        "FunctionName": "orders", "InvocationType": "RequestResponse", "LogType": "Tail",
        "ClientContext": "eyJjdXN0b20iOnt9fQ==", "Payload": b'{"order": 42}', "Qualifier": "prod",
    }),
    ("InvokeAsyncEvent", "Invoke", {"FunctionName": FUNCTION_ARN, "InvocationType": "Event"}),
    ("CreateFunctionZip", "CreateFunction", {
        "FunctionName": "orders", "Runtime": "python3.12", "Role": ROLE, "Handler": "app.handler",
        "Code": {"ZipFile": b"PK\x03\x04zip-bytes"}, "Description": "Order processing",
        "Timeout": 30, "MemorySize": 512, "Publish": True,
        "Environment": {"Variables": {"STAGE": "prod", "TABLE": "orders"}},
        "Tags": {"team": "payments"}, "Architectures": ["arm64"],
    }),
    ("ListFunctionsPaged", "ListFunctions", {"Marker": "page-2", "MaxItems": 10, "FunctionVersion": "ALL"}),
    ("TagResourceArn", "TagResource", {"Resource": FUNCTION_ARN, "Tags": {"env": "prod"}}),
    ("UntagResourceKeys", "UntagResource", {"Resource": FUNCTION_ARN, "TagKeys": ["env", "team"]}),
]

HEADERS = {"x-amzn-requestid": "c5b8c7a2-1f2e-4d3c-8b9a-0a1b2c3d4e5f", "content-type": "application/json"}

RESPONSES = [
    ("InvokeOk", "Invoke", 200, {
        "x-amzn-requestid": "c5b8c7a2-1f2e-4d3c-8b9a-0a1b2c3d4e5f", "content-type": "application/json",
        "x-amz-executed-version": "7", "x-amz-log-result": "U1RBUlQgUmVxdWVzdElk",
    }, '{"statusCode": 200, "body": "ok"}'),
    ("InvokeFunctionError", "Invoke", 200, {
        "x-amzn-requestid": "c5b8c7a2-1f2e-4d3c-8b9a-0a1b2c3d4e5f", "content-type": "application/json",
        "x-amz-function-error": "Unhandled", "x-amz-executed-version": "$LATEST",
    }, '{"errorMessage": "boom", "errorType": "Exception"}'),
    ("ListFunctionsPage", "ListFunctions", 200, HEADERS, {
        "NextMarker": "page-3",
        "Functions": [{
            "FunctionName": "orders", "FunctionArn": FUNCTION_ARN, "Runtime": "python3.12", "Role": ROLE,
            "Handler": "app.handler", "CodeSize": 1024, "Timeout": 30, "MemorySize": 512,
            "LastModified": "2026-11-20T10:15:30.000+0000", "Version": "$LATEST",
            "Environment": {"Variables": {"STAGE": "prod"}}, "Architectures": ["arm64"],
            "PackageType": "Zip", "State": "Active",
        }],
    }),
    ("GetFunctionNotFound", "GetFunction", 404, {**HEADERS, "x-amzn-errortype": "ResourceNotFoundException"}, {
        "Type": "User", "Message": "Function not found: " + FUNCTION_ARN,
    }),
    ("InvokeThrottled", "Invoke", 429, {**HEADERS, "x-amzn-errortype": "TooManyRequestsException"}, {
        "Reason": "ReservedFunctionConcurrentInvocationLimitExceeded", "Type": "User",
        "message": "Rate Exceeded.",
    }),
]

wire_cases.write("lambda", "testdata/lambda/generate_wire_cases.py", REQUESTS, RESPONSES)
