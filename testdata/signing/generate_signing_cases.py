"""Writes signing-cases.json: requests as botocore signs them with SigV4, for a
fixed time and fixed credentials.

Run by hand with botocore from PyPI (the version is recorded in the output):

    python3 -m venv /tmp/boto && /tmp/boto/bin/pip install botocore==1.43.67
    /tmp/boto/bin/python testdata/signing/generate_signing_cases.py

Each request goes through a real botocore client (its serializers, endpoint
resolution and customizations) and is captured before it would be sent, with
the clock botocore signs with set to a fixed time.
"""

import base64
import datetime
import json
import pathlib

import botocore
import botocore.auth
import botocore.session
from botocore.awsrequest import AWSResponse

HERE = pathlib.Path(__file__).parent
TIME = datetime.datetime(2026, 11, 28, 12, 34, 56, tzinfo=datetime.timezone.utc)
ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
TOKEN = "IQoJb3JpZ2luX2VjEXAMPLETOKEN/with+symbols="

# (service, region, operation, params, temporary credentials)
CASES = [
    ("apigateway", "us-east-1", "get_rest_apis", {"limit": 25, "position": "a b/c"}, False),
    ("apigateway", "eu-west-1", "get_stage", {"restApiId": "a1b2c3", "stageName": "prod v2"}, False),
    ("apigateway", "us-east-1", "get_rest_apis", {}, True),
    ("apigateway", "us-west-2", "create_deployment",
     {"restApiId": "a1b2c3", "stageName": "prod", "variables": {"env": "prod"}}, False),
    ("apigateway", "us-east-1", "update_stage",
     {"restApiId": "a1b2c3", "stageName": "prod",
      "patchOperations": [{"op": "replace", "path": "/variables/color", "value": "blue"}]}, True),
    ("dynamodb", "us-east-1", "get_item",
     {"TableName": "users", "Key": {"pk": {"S": "user#42"}}}, False),
    ("dynamodb", "ap-southeast-2", "put_item",
     {"TableName": "users", "Item": {"pk": {"S": "user#42"}, "n": {"N": "7"}}}, True),
    ("sqs", "us-east-1", "send_message",
     {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/q", "MessageBody": "héllo"}, False),
]


def capture(service, region, operation, params, temporary):
    session = botocore.session.get_session()
    client = session.create_client(
        service,
        region_name=region,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        aws_session_token=TOKEN if temporary else None,
    )
    captured = {}

    def grab(request, **_):
        captured["request"] = request

        class Raw:
            def stream(self, **_):
                return iter([b"{}"])

        return AWSResponse(request.url, 200, {}, Raw())

    client.meta.events.register("before-send", grab)
    getattr(client, operation)(**params)
    request = captured["request"]
    headers = {
        name: (value.decode() if isinstance(value, bytes) else value)
        for name, value in request.headers.items()
    }
    body = request.body or b""
    if isinstance(body, str):
        body = body.encode()
    return {
        "service": service,
        "region": region,
        "operation": operation,
        "params": params,
        "temporaryCredentials": temporary,
        "method": request.method,
        "url": request.url,
        "headers": headers,
        "bodyBase64": base64.b64encode(body).decode(),
    }


def main():
    botocore.auth.get_current_datetime = lambda: TIME
    cases = [capture(*case) for case in CASES]
    document = {
        "botocore": botocore.__version__,
        "time": TIME.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "accessKeyId": ACCESS_KEY,
        "secretAccessKey": SECRET_KEY,
        "sessionToken": TOKEN,
        "cases": cases,
    }
    (HERE / "signing-cases.json").write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
