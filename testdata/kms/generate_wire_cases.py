"""Writes testdata/kms/wire-cases.json (see testdata/wire_cases/__init__.py for how to run it)."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent))
import wire_cases  # noqa: E402

KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"

REQUESTS = [
    ("EncryptWithContext", "Encrypt", {
        "KeyId": KEY, "Plaintext": b"secret payload", "EncryptionContext": {"purpose": "test", "tenant": "42"},
        "GrantTokens": ["token-1"], "EncryptionAlgorithm": "SYMMETRIC_DEFAULT",
    }),
    ("DecryptWithKey", "Decrypt", {"CiphertextBlob": b"ciphertext-bytes", "KeyId": KEY}),
    ("CreateKeyWithTags", "CreateKey", {
        "Description": "orders", "KeyUsage": "ENCRYPT_DECRYPT", "KeySpec": "SYMMETRIC_DEFAULT",
        "Tags": [{"TagKey": "team", "TagValue": "payments"}], "MultiRegion": False,
    }),
    ("ListKeysPaged", "ListKeys", {"Limit": 50, "Marker": "next-page"}),
]

HEADERS = {"x-amzn-requestid": "8f2d6e0a-1b3c-4d5e-9f70-a1b2c3d4e5f6", "content-type": "application/x-amz-json-1.1"}

RESPONSES = [
    ("DecryptOk", "Decrypt", 200, HEADERS, {
        "KeyId": KEY, "Plaintext": "c2VjcmV0IHBheWxvYWQ=", "EncryptionAlgorithm": "SYMMETRIC_DEFAULT",
    }),
    ("DescribeKeyWithDates", "DescribeKey", 200, HEADERS, {"KeyMetadata": {
        "AWSAccountId": "123456789012", "KeyId": "1234abcd-12ab-34cd-56ef-1234567890ab", "Arn": KEY,
        "CreationDate": 1700000000.5, "Enabled": True, "KeyUsage": "ENCRYPT_DECRYPT", "KeyState": "Enabled",
        "Origin": "AWS_KMS", "KeyManager": "CUSTOMER", "KeySpec": "SYMMETRIC_DEFAULT",
        "EncryptionAlgorithms": ["SYMMETRIC_DEFAULT"], "MultiRegion": False,
    }}),
    ("ListKeysTruncated", "ListKeys", 200, HEADERS, {
        "Keys": [{"KeyId": "k1", "KeyArn": KEY}], "NextMarker": "page-2", "Truncated": True,
    }),
    ("DecryptNotFound", "Decrypt", 400, HEADERS, {
        "__type": "NotFoundException", "message": "Key 'alias/gone' does not exist",
    }),
    ("EncryptDisabled", "Encrypt", 400, HEADERS, {
        "__type": "DisabledException", "message": "arn:aws:kms:… is disabled.",
    }),
]

wire_cases.write("kms", "testdata/kms/generate_wire_cases.py", REQUESTS, RESPONSES)
