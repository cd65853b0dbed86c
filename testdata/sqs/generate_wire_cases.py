"""Writes testdata/sqs/wire-cases.json (see testdata/wire_cases/__init__.py for how to run it)."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent))
import wire_cases  # noqa: E402

QUEUE = "https://sqs.us-east-1.amazonaws.com/123456789012/orders"

REQUESTS = [
    ("SendMessageWithAttributes", "SendMessage", {
        "QueueUrl": QUEUE, "MessageBody": "{\"order\": 42, \"note\": \"größer\"}", "DelaySeconds": 5,
        "MessageAttributes": {
            "kind": {"DataType": "String", "StringValue": "created"},
            "priority": {"DataType": "Number", "StringValue": "7"},
            "checksum": {"DataType": "Binary", "BinaryValue": b"\x00\x01\x02"},
        },
        "MessageSystemAttributes": {"AWSTraceHeader": {"DataType": "String", "StringValue": "Root=1-5759e988"}},
    }),
    ("SendMessageFifo", "SendMessage", {
        "QueueUrl": QUEUE + ".fifo", "MessageBody": "hello",
        "MessageGroupId": "customer-7", "MessageDeduplicationId": "dedup-1",
    }),
    ("ReceiveMessageLongPoll", "ReceiveMessage", {
        "QueueUrl": QUEUE, "MaxNumberOfMessages": 10, "WaitTimeSeconds": 20, "VisibilityTimeout": 30,
        "MessageAttributeNames": ["All"], "MessageSystemAttributeNames": ["SentTimestamp", "ApproximateReceiveCount"],
        "ReceiveRequestAttemptId": "attempt-1",
    }),
    ("DeleteMessage", "DeleteMessage", {"QueueUrl": QUEUE, "ReceiptHandle": "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a"}),
    ("CreateQueueWithAttributes", "CreateQueue", {
        "QueueName": "orders", "Attributes": {"VisibilityTimeout": "60", "MessageRetentionPeriod": "86400"},
        "tags": {"team": "payments"},
    }),
    ("ListQueuesNoInput", "ListQueues", {}),
]

HEADERS = {"x-amzn-requestid": "b2f3a1c4-5d6e-7f80-9a1b-2c3d4e5f6a7b", "content-type": "application/x-amz-json-1.0"}


def query_error(code, kind="Sender"):
    return dict(HEADERS, **{"x-amzn-query-error": f"{code};{kind}"})


RESPONSES = [
    ("SendMessageOk", "SendMessage", 200, HEADERS, {
        "MD5OfMessageBody": "51b0a325390f2bb4f5fbc2e4a2f6b7e3", "MD5OfMessageAttributes": "3ae8f24a165a8cedc005670c81a27295",
        "MessageId": "219f8380-5770-4cc2-8c3e-5c715e145f5e",
    }),
    ("ReceiveMessageTwoMessages", "ReceiveMessage", 200, HEADERS, {"Messages": [
        {"MessageId": "219f8380-5770-4cc2-8c3e-5c715e145f5e", "ReceiptHandle": "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a",
         "MD5OfBody": "51b0a325390f2bb4f5fbc2e4a2f6b7e3", "Body": "{\"order\": 42}",
         "Attributes": {"SentTimestamp": "1700000000000", "ApproximateReceiveCount": "1"},
         "MD5OfMessageAttributes": "3ae8f24a165a8cedc005670c81a27295",
         "MessageAttributes": {"kind": {"DataType": "String", "StringValue": "created"},
                               "checksum": {"DataType": "Binary", "BinaryValue": "AAEC"}}},
        {"MessageId": "5fea7756-0ea4-451a-a703-a558b933e274", "ReceiptHandle": "AQEBzbVv", "Body": "second"},
    ]}),
    ("ReceiveMessageEmpty", "ReceiveMessage", 200, HEADERS, {}),
    ("CreateQueueOk", "CreateQueue", 200, HEADERS, {"QueueUrl": QUEUE}),
    ("SendMessageQueueDoesNotExist", "SendMessage", 400, query_error("AWS.SimpleQueueService.NonExistentQueue"), {
        "__type": "com.amazonaws.sqs#QueueDoesNotExist", "message": "The specified queue does not exist.",
    }),
    ("ReceiveMessageOverLimit", "ReceiveMessage", 403, query_error("OverLimit"), {
        "__type": "com.amazonaws.sqs#OverLimit", "message": "Too many messages in flight.",
    }),
    ("DeleteMessageInvalidReceiptHandle", "DeleteMessage", 400, query_error("ReceiptHandleIsInvalid"), {
        "__type": "com.amazonaws.sqs#ReceiptHandleIsInvalid", "message": "The input receipt handle is invalid.",
    }),
]

wire_cases.write("sqs", "testdata/sqs/generate_wire_cases.py", REQUESTS, RESPONSES)
