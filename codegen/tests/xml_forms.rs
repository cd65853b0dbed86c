//! The XML and query form of members (`ir::XmlForm`): the model's
//! serialization keys of each reference, the reference's own over its
//! shape's, down through lists and maps, as botocore merges them.

use awsgen_codegen::ir::{MemberDef, Service, TypeKind, XmlForm, XmlItems, XmlNamespace};
use awsgen_codegen::{lower_model, Input};

const MODEL: &str = r#"{
  "version": "2.0",
  "metadata": {
    "apiVersion": "2020-01-01", "endpointPrefix": "forms", "protocol": "query",
    "serviceId": "Forms", "signatureVersion": "v4", "uid": "forms-2020-01-01",
    "xmlNamespace": "https://forms.amazonaws.com/doc/2020-01-01/"
  },
  "operations": {
    "Describe": {
      "name": "Describe",
      "http": {"method": "POST", "requestUri": "/"},
      "input": {"shape": "DescribeRequest", "locationName": "DescribeRequest",
                "xmlNamespace": {"uri": "https://forms.amazonaws.com/doc/2020-01-01/"}},
      "output": {"shape": "DescribeResult", "resultWrapper": "DescribeResult"}
    }
  },
  "shapes": {
    "DescribeRequest": {
      "type": "structure",
      "members": {
        "Plain": {"shape": "String"},
        "Renamed": {"shape": "String", "locationName": "renamed", "queryName": "Renamed"},
        "ShapeNamed": {"shape": "NamedString"},
        "RefOverShape": {"shape": "NamedString", "locationName": "fromRef"},
        "Wrapped": {"shape": "ItemList"},
        "Flat": {"shape": "FlatList"},
        "FlatByMember": {"shape": "ItemList", "flattened": true},
        "Pairs": {"shape": "PairMap"},
        "Nested": {"shape": "ListOfLists"},
        "Id": {"shape": "String", "xmlAttribute": true, "locationName": "id",
               "xmlNamespace": {"prefix": "xsi", "uri": "http://www.w3.org/2001/XMLSchema-instance"}},
        "Spaced": {"shape": "Spaced"}
      }
    },
    "DescribeResult": {"type": "structure", "members": {"Plain": {"shape": "String"}}},
    "String": {"type": "string"},
    "NamedString": {"type": "string", "locationName": "fromShape"},
    "ItemList": {"type": "list", "member": {"shape": "String", "locationName": "item"}},
    "FlatList": {"type": "list", "member": {"shape": "String"}, "flattened": true},
    "PairMap": {
      "type": "map",
      "key": {"shape": "String", "locationName": "Name"},
      "value": {"shape": "ItemList", "locationName": "Values"}
    },
    "ListOfLists": {"type": "list", "member": {"shape": "ItemList"}},
    "Spaced": {"type": "structure", "members": {}, "xmlNamespace": "https://spaced.example/"}
  }
}"#;

fn lowered() -> Service {
    lower_model(Input {
        service_json: MODEL,
        paginators_json: None,
        service: "forms",
        source_path: "service-2.json",
        crate_version: "0.1.0",
        runtime_path: "../../runtime",
        operations: None,
        endpoint_rules_json: None,
        waiters_json: None,
    })
    .unwrap()
    .0
}

fn member<'s>(service: &'s Service, name: &str) -> &'s MemberDef {
    let TypeKind::Struct(def) = &service.types["DescribeRequest"].kind else {
        panic!("a structure")
    };
    def.members.iter().find(|m| m.model_name == name).unwrap()
}

fn named(name: &str) -> XmlForm {
    XmlForm {
        name: Some(name.to_owned()),
        ..XmlForm::default()
    }
}

fn list(member: XmlForm) -> XmlItems {
    XmlItems::List(Box::new(member))
}

#[test]
fn names_come_from_the_reference_else_the_shape() {
    let service = lowered();
    assert_eq!(member(&service, "Plain").xml, XmlForm::default());
    assert_eq!(
        member(&service, "Renamed").xml,
        XmlForm {
            query_name: Some("Renamed".to_owned()),
            ..named("renamed")
        }
    );
    assert_eq!(member(&service, "ShapeNamed").xml, named("fromShape"));
    assert_eq!(member(&service, "RefOverShape").xml, named("fromRef"));
}

#[test]
fn lists_and_maps_carry_their_inner_forms() {
    let service = lowered();
    assert_eq!(
        member(&service, "Wrapped").xml,
        XmlForm {
            items: list(named("item")),
            ..XmlForm::default()
        }
    );
    assert_eq!(
        member(&service, "Flat").xml,
        XmlForm {
            flattened: true,
            items: list(XmlForm::default()),
            ..XmlForm::default()
        }
    );
    assert!(member(&service, "FlatByMember").xml.flattened);
    assert_eq!(
        member(&service, "Pairs").xml.items,
        XmlItems::Map(
            Box::new(named("Name")),
            Box::new(XmlForm {
                items: list(named("item")),
                ..named("Values")
            })
        )
    );
    assert_eq!(
        member(&service, "Nested").xml.items,
        list(XmlForm {
            items: list(named("item")),
            ..XmlForm::default()
        })
    );
}

#[test]
fn attributes_and_namespaces() {
    let service = lowered();
    assert_eq!(
        member(&service, "Id").xml,
        XmlForm {
            attribute: true,
            namespace: Some(XmlNamespace {
                prefix: Some("xsi".to_owned()),
                uri: "http://www.w3.org/2001/XMLSchema-instance".to_owned(),
            }),
            ..named("id")
        }
    );
    assert_eq!(
        member(&service, "Spaced").xml.namespace,
        Some(XmlNamespace {
            prefix: None,
            uri: "https://spaced.example/".to_owned(),
        })
    );
}

#[test]
fn operations_keep_the_input_element_and_the_result_wrapper() {
    let service = lowered();
    let operation = &service.operations[0];
    assert_eq!(
        operation.input_xml,
        XmlForm {
            namespace: Some(XmlNamespace {
                prefix: None,
                uri: "https://forms.amazonaws.com/doc/2020-01-01/".to_owned(),
            }),
            ..named("DescribeRequest")
        }
    );
    assert_eq!(operation.result_wrapper.as_deref(), Some("DescribeResult"));
}
