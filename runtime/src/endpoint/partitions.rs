//! The AWS partitions (`partitions.json`): which regions each covers, and its
//! DNS suffixes and capabilities, for `aws.partition`.

use super::value::Value;
use super::RuleSetError;

/// botocore 1.43.67's `partitions.json` (see `runtime/data/NOTICE`).
const BOTOCORE_PARTITIONS: &str = include_str!("../../data/partitions.json");

/// The partitions, in the file's order (the first is the fallback).
#[derive(Debug, Clone)]
pub struct Partitions {
    partitions: Vec<Partition>,
}

#[derive(Debug, Clone)]
struct Partition {
    regions: Vec<String>,
    region_regex: regex_lite::Regex,
    /// The partition's `outputs`, with `name` set to its id.
    outputs: Value,
}

impl Partitions {
    /// The partitions botocore ships with.
    pub fn botocore() -> &'static Partitions {
        static PARTITIONS: std::sync::OnceLock<Partitions> = std::sync::OnceLock::new();
        PARTITIONS.get_or_init(|| {
            Partitions::from_json(BOTOCORE_PARTITIONS)
                .expect("the vendored partitions.json is tested to parse")
        })
    }

    /// Reads a `partitions.json` document.
    pub fn from_json(text: &str) -> Result<Partitions, RuleSetError> {
        let document: serde_json::Value = serde_json::from_str(text)
            .map_err(|err| RuleSetError::new("(document)", err.to_string()))?;
        let list = document["partitions"]
            .as_array()
            .ok_or_else(|| RuleSetError::new("partitions", "expected a list"))?;
        let partitions = list
            .iter()
            .enumerate()
            .map(|(index, partition)| {
                let path = format!("partitions[{index}]");
                let id = partition["id"]
                    .as_str()
                    .ok_or_else(|| RuleSetError::new(format!("{path}.id"), "expected a string"))?;
                let pattern = partition["regionRegex"].as_str().ok_or_else(|| {
                    RuleSetError::new(format!("{path}.regionRegex"), "expected a string")
                })?;
                // Anchored at the start, as Python's `re.match` is.
                let region_regex =
                    regex_lite::Regex::new(&format!("^(?:{pattern})")).map_err(|err| {
                        RuleSetError::new(format!("{path}.regionRegex"), err.to_string())
                    })?;
                let mut outputs = match Value::from_json(&partition["outputs"]) {
                    Some(Value::Object(outputs)) => outputs,
                    _ => {
                        return Err(RuleSetError::new(
                            format!("{path}.outputs"),
                            "expected an object",
                        ))
                    }
                };
                outputs.insert("name".to_owned(), Value::String(id.to_owned()));
                Ok(Partition {
                    regions: partition["regions"]
                        .as_object()
                        .map(|regions| regions.keys().cloned().collect())
                        .unwrap_or_default(),
                    region_regex,
                    outputs: Value::Object(outputs),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        if partitions.is_empty() {
            return Err(RuleSetError::new("partitions", "no partition"));
        }
        Ok(Partitions { partitions })
    }

    /// The partition of `region` (listed by name, or matching a partition's
    /// pattern), else the first partition, as botocore falls back.
    pub(crate) fn of_region(&self, region: Option<&str>) -> &Value {
        region
            .and_then(|region| {
                self.partitions.iter().find(|partition| {
                    partition.regions.iter().any(|known| known == region)
                        || partition.region_regex.is_match(region)
                })
            })
            .map_or(&self.partitions[0].outputs, |partition| &partition.outputs)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn partition_outputs(partitions: &Partitions, region: &str) -> BTreeMap<String, Value> {
        match partitions.of_region(Some(region)) {
            Value::Object(outputs) => outputs.clone(),
            _ => BTreeMap::new(),
        }
    }

    #[test]
    fn regions_find_their_partition() {
        let partitions = Partitions::botocore();
        let name = |region: &str| partition_outputs(partitions, region)["name"].clone();
        assert_eq!(name("us-east-1"), Value::from("aws"));
        assert_eq!(name("eu-central-7"), Value::from("aws"), "by pattern");
        assert_eq!(name("cn-north-1"), Value::from("aws-cn"));
        assert_eq!(name("us-gov-west-1"), Value::from("aws-us-gov"));
        assert_eq!(
            name("mars-east-1"),
            Value::from("aws"),
            "the first is the fallback"
        );
        assert_eq!(
            partition_outputs(partitions, "us-east-1")["dnsSuffix"],
            Value::from("amazonaws.com")
        );
    }
}
