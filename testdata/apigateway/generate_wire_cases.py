"""Writes wire-cases.json: API Gateway requests and parsed responses as botocore produces them.

Run by hand with botocore from PyPI (the version is recorded in the output):

    python3 -m venv /tmp/boto && /tmp/boto/bin/pip install botocore==1.43.67
    /tmp/boto/bin/python testdata/apigateway/generate_wire_cases.py

Requests go through a real botocore client (so its API Gateway customizations,
such as the Accept header, apply) and are captured before sending. Responses are
parsed with botocore's rest-json parser; timestamps become epoch seconds and blobs
text, as in botocore's protocol suites.
"""

import json
import pathlib
import sys

import botocore
import botocore.session
from botocore.awsrequest import HeadersDict
from botocore.parsers import create_parser

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent))
import wire_cases  # noqa: E402
from wire_cases import plain  # noqa: E402

HERE = pathlib.Path(__file__).parent
MODEL = json.loads((HERE / "../../model/apigateway/2015-07-09/service-2.json").read_text())

REQUESTS = [
    ("CreateDeploymentWithStageVariables", "CreateDeployment", {
        "restApiId": "a1b2c3d4e5", "stageName": "prod", "stageDescription": "Production",
        "description": "Release 42", "cacheClusterEnabled": True, "cacheClusterSize": "0.5",
        "variables": {"lambdaAlias": "live", "backendHost": "api.example.com"},
        "canarySettings": {"percentTraffic": 10.5, "stageVariableOverrides": {"lambdaAlias": "canary"}, "useStageCache": False},
        "tracingEnabled": True,
    }),
    ("CreateStageWithVariablesAndTags", "CreateStage", {
        "restApiId": "a1b2c3d4e5", "stageName": "beta", "deploymentId": "dep123",
        "description": "Beta stage", "variables": {"env": "beta", "url": "https://beta.example.com/x?y=1"},
        "tags": {"team": "payments"}, "tracingEnabled": False,
    }),
    ("GetStage", "GetStage", {"restApiId": "a1b2c3d4e5", "stageName": "prod"}),
    ("GetStageEscapesLabels", "GetStage", {"restApiId": "a1b2 c3", "stageName": "stage/with:odd?chars"}),
    ("GetStagesOfDeployment", "GetStages", {"restApiId": "a1b2c3d4e5", "deploymentId": "dep123"}),
    ("UpdateStageVariables", "UpdateStage", {
        "restApiId": "a1b2c3d4e5", "stageName": "prod",
        "patchOperations": [
            {"op": "replace", "path": "/variables/lambdaAlias", "value": "canary"},
            {"op": "remove", "path": "/variables/oldVariable"},
            {"op": "replace", "path": "/*/*/logging/loglevel", "value": "INFO"},
        ],
    }),
    ("TestInvokeMethodWithStageVariables", "TestInvokeMethod", {
        "restApiId": "a1b2c3d4e5", "resourceId": "res123", "httpMethod": "POST",
        "pathWithQueryString": "/pets?limit=2", "body": "{\"name\":\"Rex\"}",
        "headers": {"Content-Type": "application/json"},
        "multiValueHeaders": {"X-Ids": ["1", "2"]},
        "stageVariables": {"lambdaAlias": "test"},
    }),
    ("PutRestApiWithBlobBody", "PutRestApi", {
        "restApiId": "a1b2c3d4e5", "mode": "merge", "failOnWarnings": True,
        "parameters": {"ignore": "documentation"}, "body": "{\"swagger\":\"2.0\",\"info\":{\"title\":\"Pets\"}}",
    }),
    ("GetExportAsYaml", "GetExport", {
        "restApiId": "a1b2c3d4e5", "stageName": "prod", "exportType": "oas30",
        "parameters": {"extensions": "integrations"}, "accepts": "application/yaml",
    }),
]

ERROR_STATUS = {
    "BadRequestException": 400, "UnauthorizedException": 401, "NotFoundException": 404,
    "ConflictException": 409, "LimitExceededException": 429, "TooManyRequestsException": 429,
    "ServiceUnavailableException": 503,
}

STAGE_BODY = {
    "deploymentId": "dep123", "stageName": "prod", "description": "Production",
    "cacheClusterEnabled": True, "cacheClusterSize": "0.5", "cacheClusterStatus": "AVAILABLE",
    "methodSettings": {"*/*": {"metricsEnabled": True, "loggingLevel": "INFO", "dataTraceEnabled": False,
                               "throttlingBurstLimit": 5000, "throttlingRateLimit": 10000.0,
                               "cachingEnabled": False, "cacheTtlInSeconds": 300, "cacheDataEncrypted": False,
                               "requireAuthorizationForCacheControl": True,
                               "unauthorizedCacheControlHeaderStrategy": "SUCCEED_WITH_RESPONSE_HEADER"}},
    "variables": {"lambdaAlias": "live", "backendHost": "api.example.com"},
    "tracingEnabled": False, "tags": {"team": "payments"},
    "createdDate": 1700000000, "lastUpdatedDate": 1700000123.5,
}

RESPONSES = [
    ("CreateDeploymentCreated", "CreateDeployment", 201, {"Content-Type": "application/json"}, {
        "id": "dep123", "description": "Release 42", "createdDate": 1700000000,
        "apiSummary": {"/pets": {"GET": {"authorizationType": "NONE", "apiKeyRequired": False}}},
    }),
    ("CreateStageCreated", "CreateStage", 201, {"Content-Type": "application/json"}, STAGE_BODY),
    ("GetStageOk", "GetStage", 200, {"Content-Type": "application/json"}, STAGE_BODY),
    ("GetStagesOk", "GetStages", 200, {"Content-Type": "application/json"}, {"item": [STAGE_BODY, {"stageName": "beta", "variables": {}}]}),
    ("UpdateStageOk", "UpdateStage", 200, {"Content-Type": "application/json"}, STAGE_BODY),
    ("TestInvokeMethodOk", "TestInvokeMethod", 200, {"Content-Type": "application/json"}, {
        "status": 200, "body": "{\"ok\":true}", "headers": {"Content-Type": "application/json"},
        "multiValueHeaders": {"X-Ids": ["1", "2"]}, "log": "Execution log", "latency": 42,
    }),
    ("GetExportYaml", "GetExport", 200,
     {"Content-Type": "application/yaml", "Content-Disposition": "attachment; filename=\"pets.yaml\""},
     "openapi: 3.0.1\ninfo:\n  title: Pets\n"),
]


def capture_requests():
    return wire_cases.capture_requests("apigateway", MODEL, REQUESTS)


def parse_responses():
    session = botocore.session.get_session()
    service_model = session.get_service_model("apigateway")
    parser = create_parser("rest-json")
    cases = []
    for case_id, operation, status, headers, body in RESPONSES:
        text = body if isinstance(body, str) else json.dumps(body)
        op_model = service_model.operation_model(operation)
        parsed = parser.parse(
            {"status_code": status, "headers": HeadersDict(headers), "body": text.encode()}, op_model.output_shape)
        cases.append({
            "id": case_id, "given": MODEL["operations"][operation],
            "response": {"status_code": status, "headers": headers, "body": text},
            "result": plain(parsed),
        })
    for operation in ["CreateDeployment", "CreateStage", "GetStage", "GetStages", "UpdateStage", "TestInvokeMethod", "GetExport"]:
        for error in MODEL["operations"][operation]["errors"]:
            code = error["shape"]
            message = f"{code} from {operation}"
            headers = {"content-type": "application/json",
                       "x-amzn-errortype": f"{code}:http://internal.amazon.com/coral/com.amazon.coral.service/",
                       "x-amzn-requestid": "11111111-2222-3333-4444-555555555555"}
            if code in ("LimitExceededException", "TooManyRequestsException", "ServiceUnavailableException"):
                headers["retry-after"] = "7"
            op_model = service_model.operation_model(operation)
            parsed = parser.parse({"status_code": ERROR_STATUS[code], "headers": HeadersDict(headers),
                                   "body": json.dumps({"message": message}).encode()}, op_model.output_shape)
            error_shape = service_model.shape_for(code)
            expected = {"message": message}
            if "retryAfterSeconds" in error_shape.members:
                expected["retryAfterSeconds"] = "7"
            assert parsed["Error"]["Code"] == code, parsed
            cases.append({
                "id": f"{operation}{code}", "given": MODEL["operations"][operation],
                "response": {"status_code": ERROR_STATUS[code], "headers": headers, "body": json.dumps({"message": message})},
                "error": expected, "errorCode": code, "errorMessage": message,
            })
    return cases


out = {
    "generatedBy": f"testdata/apigateway/generate_wire_cases.py with botocore {botocore.__version__}",
    "input": capture_requests(),
    "output": parse_responses(),
}
(HERE / "wire-cases.json").write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
print(f"{len(out['input'])} request cases, {len(out['output'])} response cases")
