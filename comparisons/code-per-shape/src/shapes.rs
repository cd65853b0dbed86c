//! What codegen would emit per structure, written here for the benched shapes.
use crate::schema::{Member, Schema, Struct, Value};

macro_rules! shape {
    ($t:path, $name:literal, [$($field:ident : $wire:literal $(, $http:ident)?);* $(;)?], $last:ident) => {
        impl Struct for $t {
            fn schema(&self) -> &'static Schema {
                static SCHEMA: Schema = Schema {
                    name: $name,
                    members: &[$(Member { wire_name: $wire, timestamp: crate::schema::TimestampFormat::EpochSeconds, in_body: shape!(@body $($http)?) }),*],
                };
                &SCHEMA
            }
            fn member(&self, index: usize) -> Option<&dyn Value> {
                let mut i = 0usize;
                $( if i == index { return crate::schema::present(&self.$field); } i += 1; )*
                let _ = i;
                crate::schema::present(&self.$last)
            }
            fn member_mut(&mut self, index: usize) -> &mut dyn Value {
                let mut i = 0usize;
                $( if i == index { return &mut self.$field; } i += 1; )*
                let _ = i;
                &mut self.$last
            }
        }
    };
    (@body) => { true };
    (@body $http:ident) => { false };
}

use awsgen_apigateway::types as ag;
use awsgen_dynamodb::types as ddb;

shape!(ag::RestApis, "RestApis", [position: "position"; items: "item"], items);
shape!(ag::RestApi, "RestApi", [
    id: "id"; name: "name"; description: "description"; created_date: "createdDate"; version: "version";
    warnings: "warnings"; binary_media_types: "binaryMediaTypes"; minimum_compression_size: "minimumCompressionSize";
    api_key_source: "apiKeySource"; endpoint_configuration: "endpointConfiguration"; policy: "policy"; tags: "tags";
    disable_execute_api_endpoint: "disableExecuteApiEndpoint"; root_resource_id: "rootResourceId";
    security_policy: "securityPolicy"; endpoint_access_mode: "endpointAccessMode"; api_status: "apiStatus";
    api_status_message: "apiStatusMessage"], api_status_message);
shape!(ag::EndpointConfiguration, "EndpointConfiguration", [types: "types"; ip_address_type: "ipAddressType"; vpc_endpoint_ids: "vpcEndpointIds"], vpc_endpoint_ids);
shape!(ag::CreateDeploymentRequest, "CreateDeploymentRequest", [
    rest_api_id: "restApiId", uri; stage_name: "stageName"; stage_description: "stageDescription"; description: "description";
    cache_cluster_enabled: "cacheClusterEnabled"; cache_cluster_size: "cacheClusterSize"; variables: "variables";
    canary_settings: "canarySettings"; tracing_enabled: "tracingEnabled"], tracing_enabled);
shape!(ag::DeploymentCanarySettings, "DeploymentCanarySettings", [percent_traffic: "percentTraffic"; stage_variable_overrides: "stageVariableOverrides"; use_stage_cache: "useStageCache"], use_stage_cache);

crate::string_enum!(ag::ApiKeySourceType);
crate::string_enum!(ag::EndpointType);
crate::string_enum!(ag::IpAddressType);
crate::string_enum!(ag::SecurityPolicy);
crate::string_enum!(ag::EndpointAccessMode);
crate::string_enum!(ag::ApiStatus);
crate::string_enum!(ag::CacheClusterSize);

shape!(ddb::AttributeValue, "AttributeValue", [s: "S"; n: "N"; b: "B"; ss: "SS"; ns: "NS"; bs: "BS"; m: "M"; l: "L"; null: "NULL"; bool: "BOOL"], bool);
shape!(ddb::QueryOutput, "QueryOutput", [items: "Items"; count: "Count"; scanned_count: "ScannedCount"; last_evaluated_key: "LastEvaluatedKey"; consumed_capacity: "ConsumedCapacity"], consumed_capacity);
shape!(ddb::ConsumedCapacity, "ConsumedCapacity", [table_name: "TableName"; capacity_units: "CapacityUnits"; read_capacity_units: "ReadCapacityUnits"; write_capacity_units: "WriteCapacityUnits"; table: "Table"; local_secondary_indexes: "LocalSecondaryIndexes"; global_secondary_indexes: "GlobalSecondaryIndexes"], global_secondary_indexes);
shape!(ddb::Capacity, "Capacity", [read_capacity_units: "ReadCapacityUnits"; write_capacity_units: "WriteCapacityUnits"; capacity_units: "CapacityUnits"], capacity_units);
shape!(ddb::PutItemInput, "PutItemInput", [table_name: "TableName"; item: "Item"; expected: "Expected"; return_values: "ReturnValues";
    return_consumed_capacity: "ReturnConsumedCapacity"; return_item_collection_metrics: "ReturnItemCollectionMetrics";
    conditional_operator: "ConditionalOperator"; condition_expression: "ConditionExpression";
    expression_attribute_names: "ExpressionAttributeNames"; expression_attribute_values: "ExpressionAttributeValues";
    return_values_on_condition_check_failure: "ReturnValuesOnConditionCheckFailure"], return_values_on_condition_check_failure);
shape!(ddb::ExpectedAttributeValue, "ExpectedAttributeValue", [value: "Value"; exists: "Exists"; comparison_operator: "ComparisonOperator"; attribute_value_list: "AttributeValueList"], attribute_value_list);
crate::string_enum!(ddb::ReturnValue);
crate::string_enum!(ddb::ReturnConsumedCapacity);
crate::string_enum!(ddb::ReturnItemCollectionMetrics);
crate::string_enum!(ddb::ConditionalOperator);
crate::string_enum!(ddb::ComparisonOperator);
crate::string_enum!(ddb::ReturnValuesOnConditionCheckFailure);
