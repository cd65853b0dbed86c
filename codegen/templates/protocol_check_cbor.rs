/// Compares CBOR bodies as decoded values, as botocore's runner does: the
/// encoding's choices (definite or indefinite lengths, float widths, an
/// integer or a float for a whole number) are not part of the data, and
/// neither is the order of a map's entries.
mod cbor_support {
    use ::awsgen_runtime::cbor::ciborium::Value;

    /// Whether `actual` decodes to the same value as `expected`; empty
    /// bodies compare as bytes.
    pub fn same_cbor(expected: &[u8], actual: &[u8]) -> bool {
        if expected.is_empty() || actual.is_empty() {
            return expected == actual;
        }
        match (
            ::awsgen_runtime::cbor::ciborium::from_reader::<Value, _>(expected),
            ::awsgen_runtime::cbor::ciborium::from_reader::<Value, _>(actual),
        ) {
            (Ok(expected), Ok(actual)) => same(&expected, &actual),
            _ => false,
        }
    }

    fn same(a: &Value, b: &Value) -> bool {
        match (a, b) {
            (Value::Float(x), Value::Float(y)) => x == y || (x.is_nan() && y.is_nan()),
            (Value::Integer(x), Value::Float(y)) | (Value::Float(y), Value::Integer(x)) => {
                i128::from(*x) as f64 == *y
            }
            (Value::Tag(t, x), Value::Tag(u, y)) => t == u && same(x, y),
            (Value::Array(x), Value::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
            }
            (Value::Map(x), Value::Map(y)) => {
                x.len() == y.len()
                    && x.iter().all(|(key, value)| {
                        y.iter().any(|(other_key, other)| same(key, other_key) && same(value, other))
                    })
            }
            _ => a == b,
        }
    }
}
