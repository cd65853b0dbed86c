//! The fastest form a pull parser allows: `GetRestApis` read with `jiter`
//! by hand-written, fully static code (no tables, no dynamic calls), as an
//! emitter could write it per structure. It answers whether leaving serde for
//! a pull parser could close the gap to the parse floors; `benches/pull.rs`
//! times it against the shipped serde path.

use awsgen_apigateway::types::{
    ApiKeySourceType, EndpointConfiguration, EndpointType, RestApi, RestApis,
};
use jiter::{Jiter, JiterResult, Peek};
use std::collections::BTreeMap;

fn optional_string(reader: &mut Jiter) -> JiterResult<Option<String>> {
    match reader.peek()? {
        Peek::Null => {
            reader.known_null()?;
            Ok(None)
        }
        _ => Ok(Some(reader.known_str()?.to_owned())),
    }
}

fn string_list(reader: &mut Jiter) -> JiterResult<Vec<String>> {
    let mut list = Vec::new();
    let mut next = reader.next_array()?;
    while next.is_some() {
        list.push(reader.known_str()?.to_owned());
        next = reader.array_step()?;
    }
    Ok(list)
}

fn endpoint_configuration(reader: &mut Jiter) -> JiterResult<EndpointConfiguration> {
    let mut value = EndpointConfiguration::default();
    let mut key = reader.next_object()?;
    while let Some(name) = key {
        match name {
            "types" => {
                let mut types = Vec::new();
                let mut next = reader.next_array()?;
                while next.is_some() {
                    types.push(EndpointType::from(reader.known_str()?));
                    next = reader.array_step()?;
                }
                value.types = Some(types);
            }
            _ => reader.next_skip()?,
        }
        key = reader.next_key()?;
    }
    Ok(value)
}

fn rest_api(reader: &mut Jiter, value: &mut RestApi) -> JiterResult<()> {
    let mut key = reader.next_object()?;
    while let Some(name) = key {
        match name {
            "id" => value.id = optional_string(reader)?,
            "name" => value.name = optional_string(reader)?,
            "description" => value.description = optional_string(reader)?,
            "version" => value.version = optional_string(reader)?,
            "createdDate" => {
                let seconds = reader.next_float()?;
                let micros = (seconds * 1_000_000.0).round() as i128;
                value.created_date =
                    time::OffsetDateTime::from_unix_timestamp_nanos(micros * 1000).ok();
            }
            "binaryMediaTypes" => value.binary_media_types = Some(string_list(reader)?),
            "apiKeySource" => {
                value.api_key_source = Some(ApiKeySourceType::from(reader.next_str()?));
            }
            "endpointConfiguration" => {
                value.endpoint_configuration = Some(endpoint_configuration(reader)?);
            }
            "tags" => {
                let mut tags = BTreeMap::new();
                let mut tag = reader.next_object()?;
                while let Some(tag_key) = tag {
                    let tag_key = tag_key.to_owned();
                    tags.insert(tag_key, reader.next_str()?.to_owned());
                    tag = reader.next_key()?;
                }
                value.tags = Some(tags);
            }
            "disableExecuteApiEndpoint" => {
                value.disable_execute_api_endpoint = Some(reader.next_bool()?);
            }
            _ => reader.next_skip()?,
        }
        key = reader.next_key()?;
    }
    Ok(())
}

/// Reads a `GetRestApis` body.
pub fn rest_apis(body: &[u8]) -> JiterResult<RestApis> {
    let mut reader = Jiter::new(body);
    let mut value = RestApis::default();
    let mut key = reader.next_object()?;
    while let Some(name) = key {
        match name {
            "item" => {
                let mut items: Vec<RestApi> = Vec::new();
                let mut next = reader.next_array()?;
                while next.is_some() {
                    items.push(RestApi::default());
                    rest_api(&mut reader, items.last_mut().expect("just pushed"))?;
                    next = reader.array_step()?;
                }
                value.items = Some(items);
            }
            "position" => value.position = optional_string(&mut reader)?,
            _ => reader.next_skip()?,
        }
        key = reader.next_key()?;
    }
    Ok(value)
}
