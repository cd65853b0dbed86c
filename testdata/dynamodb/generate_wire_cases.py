"""Writes testdata/dynamodb/wire-cases.json (see testdata/wire_cases/__init__.py for how to run it)."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent))
import wire_cases  # noqa: E402

ITEM = {
    "pk": {"S": "user#42"},
    "sk": {"N": "1700000000"},
    "avatar": {"B": b"\x00\x01 binary"},
    "active": {"BOOL": True},
    "nickname": {"NULL": True},
    "tags": {"SS": ["admin", "beta"]},
    "scores": {"NS": ["1.5", "-2", "3e10"]},
    "history": {"L": [{"S": "login"}, {"N": "3"}, {"M": {"at": {"S": "2023-11-14"}}}]},
    "address": {"M": {"city": {"S": "Zürich"}, "zip": {"N": "8001"},
                      "geo": {"L": [{"N": "47.37"}, {"N": "8.54"}]}}},
}

REQUESTS = [
    ("PutItemWithNestedAttributes", "PutItem", {
        "TableName": "Users", "Item": ITEM,
        "ConditionExpression": "attribute_not_exists(pk)",
        "ReturnValues": "ALL_OLD", "ReturnConsumedCapacity": "TOTAL",
    }),
    ("QueryWithKeyCondition", "Query", {
        "TableName": "Users", "IndexName": "byTag",
        "KeyConditionExpression": "pk = :pk AND sk > :from",
        "ExpressionAttributeValues": {":pk": {"S": "user#42"}, ":from": {"N": "0"}},
        "ExpressionAttributeNames": {"#n": "nickname"}, "ProjectionExpression": "pk, sk, #n",
        "Limit": 25, "ScanIndexForward": False, "ConsistentRead": True,
        "ExclusiveStartKey": {"pk": {"S": "user#42"}, "sk": {"N": "17"}},
    }),
    ("GetItem", "GetItem", {"TableName": "Users", "Key": {"pk": {"S": "user#42"}, "sk": {"N": "1"}}}),
    ("ListTablesNoInput", "ListTables", {}),
    ("CreateTable", "CreateTable", {
        "TableName": "Users", "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                 {"AttributeName": "sk", "AttributeType": "N"}],
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        "Tags": [{"Key": "team", "Value": "payments"}],
    }),
]

REQUEST_ID = {"x-amzn-requestid": "OK4NM7KQ7C1P0RFJ8R5IIPO3GVVV4KQNSO5AEMVJF66Q9ASUAAJG",
              "content-type": "application/x-amz-json-1.0"}

RESPONSES = [
    ("QueryTwoItems", "Query", 200, REQUEST_ID, {
        "Items": [ITEM_JSON := {
            "pk": {"S": "user#42"}, "sk": {"N": "1700000000"}, "avatar": {"B": "aGVsbG8gYmxvYg=="},
            "active": {"BOOL": True}, "nickname": {"NULL": True}, "tags": {"SS": ["admin", "beta"]},
            "history": {"L": [{"S": "login"}, {"M": {"at": {"S": "2023-11-14"}}}]},
        }, {"pk": {"S": "user#42"}, "sk": {"N": "1700000001"}, "address": {"M": {"zip": {"N": "8001"}}}}],
        "Count": 2, "ScannedCount": 5,
        "LastEvaluatedKey": {"pk": {"S": "user#42"}, "sk": {"N": "1700000001"}},
        "ConsumedCapacity": {"TableName": "Users", "CapacityUnits": 1.5, "Table": {"CapacityUnits": 1.5}},
    }),
    ("PutItemReturnsOldItem", "PutItem", 200, REQUEST_ID, {
        "Attributes": ITEM_JSON, "ConsumedCapacity": {"TableName": "Users", "CapacityUnits": 1.0},
    }),
    ("GetItemEmpty", "GetItem", 200, REQUEST_ID, {}),
    ("DescribeTableWithTimestamps", "DescribeTable", 200, REQUEST_ID, {"Table": {
        "TableName": "Users", "TableStatus": "ACTIVE", "CreationDateTime": 1700000000.123,
        "ItemCount": 12, "TableSizeBytes": 4096,
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
        "BillingModeSummary": {"BillingMode": "PAY_PER_REQUEST", "LastUpdateToPayPerRequestDateTime": 1700000100},
    }}),
    ("PutItemConditionalCheckFailed", "PutItem", 400, REQUEST_ID, {
        "__type": "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
        "message": "The conditional request failed", "Item": {"pk": {"S": "user#42"}},
    }),
    ("QueryResourceNotFound", "Query", 400, REQUEST_ID, {
        "__type": "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException",
        "message": "Requested resource not found",
    }),
    ("GetItemThroughputExceeded", "GetItem", 400, REQUEST_ID, {
        "__type": "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
        "message": "The level of configured provisioned throughput for the table was exceeded.",
    }),
    ("PutItemInternalServerError", "PutItem", 500, REQUEST_ID, {
        "__type": "com.amazonaws.dynamodb.v20120810#InternalServerError", "message": "Internal server error",
    }),
]

wire_cases.write("dynamodb", "testdata/dynamodb/generate_wire_cases.py", REQUESTS, RESPONSES)
