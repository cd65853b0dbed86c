//! Service customizations: what AWS SDKs add to a service beyond its model,
//! kept in this one place so no emitter special-cases a service.

/// Headers every request of the service carries, which the model does not say.
pub fn extra_request_headers(service_id: &str) -> &'static [(&'static str, &'static str)] {
    match service_id {
        // API Gateway answers in HAL+JSON unless asked for plain JSON; botocore,
        // the Go v1 SDK and smithy-rs all send this header.
        "API Gateway" => &[("Accept", "application/json")],
        _ => &[],
    }
}
