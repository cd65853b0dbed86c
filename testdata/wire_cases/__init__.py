"""Requests and parsed responses as botocore produces them, for a service's wire-cases.json.

Each testdata/<service>/generate_wire_cases.py lists its cases and calls `write`.
Run those scripts by hand with botocore from PyPI (the version is recorded in the output):

    python3 -m venv /tmp/boto && /tmp/boto/bin/pip install botocore==1.43.67
    /tmp/boto/bin/python testdata/<service>/generate_wire_cases.py

Requests go through a real botocore client (so its customizations apply) and are
captured before sending. Responses are parsed with botocore's parser for the
service's protocol, and error responses as botocore's client does: the error
code first, then the modeled error shape the code names (looked up service-wide).
Timestamps become epoch seconds and blobs text, as in botocore's protocol suites.
"""

import base64
import datetime
import json
import pathlib
import urllib.parse

import botocore
import botocore.session
from botocore.awsrequest import AWSResponse, HeadersDict
from botocore.parsers import create_parser

ROOT = pathlib.Path(__file__).parent.parent.parent
SIGNING_HEADERS = {"authorization", "x-amz-date", "user-agent", "amz-sdk-invocation-id", "amz-sdk-request"}
JSON_CONTENT_TYPES = ("application/json", "application/x-amz-json-1.0", "application/x-amz-json-1.1")


def vendored_model(service):
    """The vendored service-2.json of `service` (the newest API version under model/)."""
    version = sorted(p for p in (ROOT / "model" / service).iterdir() if p.is_dir())[-1]
    return json.loads((version / "service-2.json").read_text())


def capture_requests(service, model, requests):
    """[(case id, operation, params)] -> suite cases with the request botocore sends."""
    session = botocore.session.get_session()
    client = session.create_client(
        service, region_name="us-east-1", aws_access_key_id="AKID", aws_secret_access_key="SECRET")
    captured = {}
    protocol = model["metadata"]["protocol"]

    def before_send(request, **kwargs):
        captured["request"] = request
        raw = AWSResponse(request.url, 200, {}, None)
        raw._content = captured["answer"]
        return raw

    client.meta.events.register("before-send", before_send)
    cases = []
    for case_id, operation, params in requests:
        # An empty document of the protocol's body format, which every output
        # parses from (query outputs from inside their result wrapper).
        if protocol == "smithy-rpc-v2-cbor":
            captured["answer"] = b"\xa0"  # an empty CBOR map
        elif protocol in ("json", "rest-json"):
            captured["answer"] = b"{}"
        else:
            wrapper = model["operations"][operation].get("output", {}).get("resultWrapper")
            captured["answer"] = f"<Response><{wrapper}/></Response>".encode() if wrapper else b"<Response/>"
        getattr(client, botocore.xform_name(operation))(**params)
        request = captured["request"]
        parts = urllib.parse.urlsplit(request.url)
        url = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = {k: v.decode() if isinstance(v, bytes) else v for k, v in request.headers.items()
                   if k.lower() not in SIGNING_HEADERS}
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode()
        if protocol == "smithy-rpc-v2-cbor":
            # Binary bodies are base64 in the cases, as in botocore's suites.
            headers.pop("Content-Length", None)
            body = base64.b64encode(body)
        elif headers.get("Content-Type") in JSON_CONTENT_TYPES or body.lstrip().startswith(b"<"):
            # JSON and XML bodies are compared as documents; their length depends on
            # whitespace and on how empty elements are written, so only raw bodies
            # keep Content-Length.
            headers.pop("Content-Length", None)
        cases.append({
            "id": case_id, "given": model["operations"][operation], "params": plain(params),
            "serialized": {"method": request.method, "uri": url, "headers": headers, "body": body.decode()},
        })
    return cases


def plain(value):
    if isinstance(value, datetime.datetime):
        return value.timestamp()
    if isinstance(value, (bytes, bytearray)):
        return value.decode()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if k != "ResponseMetadata"}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def parse_responses(service, model, responses):
    """[(case id, operation, status, headers, body)] -> suite cases with botocore's result or error."""
    session = botocore.session.get_session()
    service_model = session.get_service_model(service)
    parser = create_parser(service_model.resolved_protocol)
    cases = []
    cbor = service_model.resolved_protocol == "smithy-rpc-v2-cbor"
    for case_id, operation, status, headers, body in responses:
        if cbor:
            # Bodies given as Python values are encoded with cbor2 (from PyPI;
            # datetimes as tag 1 epoch seconds, as the protocol has them),
            # and stored in base64, as in botocore's suites.
            import cbor2

            raw_body = body if isinstance(body, bytes) else cbor2.dumps(body, datetime_as_timestamp=True)
            text = base64.b64encode(raw_body).decode()
        else:
            text = body if isinstance(body, str) else json.dumps(body)
            raw_body = text.encode()
        raw = {"status_code": status, "headers": HeadersDict(headers), "body": raw_body}
        op_model = service_model.operation_model(operation)
        parsed = parser.parse(raw, op_model.output_shape)
        case = {"id": case_id, "given": model["operations"][operation],
                "response": {"status_code": status, "headers": headers, "body": text}}
        if status < 300:
            case["result"] = plain(parsed)
        else:
            code = parsed["Error"]["Code"]
            error_shape = service_model.shape_for_error_code(code)
            if error_shape is None and parsed["Error"].get("QueryErrorCode"):
                # botocore's SQS handler (_handle_sqs_compatible_error) picks the
                # exception by the JSON code, as SQS's model keeps shape names only.
                code = parsed["Error"]["QueryErrorCode"]
                error_shape = service_model.shape_for_error_code(code)
            case["errorCode"] = code
            if parsed["Error"].get("Message"):
                case["errorMessage"] = parsed["Error"]["Message"]
            if error_shape is None:
                # A code the model does not describe (EC2 models no errors):
                # botocore raises a plain ClientError with code, message and request id.
                case["errorRequestId"] = parsed["ResponseMetadata"]["RequestId"]
            else:
                case["error"] = plain(parser.parse(raw, error_shape))
        cases.append(case)
    return cases


def write(service, script, requests, responses, extra_output=()):
    """Writes testdata/<service>/wire-cases.json."""
    model = vendored_model(service)
    out = {
        "generatedBy": f"{script} with botocore {botocore.__version__}",
        "input": capture_requests(service, model, requests),
        "output": parse_responses(service, model, responses) + list(extra_output),
    }
    path = ROOT / "testdata" / service / "wire-cases.json"
    path.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
    print(f"{path.relative_to(ROOT)}: {len(out['input'])} request cases, {len(out['output'])} response cases")
