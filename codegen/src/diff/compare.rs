//! The structural comparison: walks both models side by side and lists every
//! change at its model path.
//!
//! Shapes are compared by name, once each; operations then pick up the
//! changes of the shapes they reach (see `operations`). A shape renamed in the
//! model but giving the same Rust type name (API Gateway's `op` → `Op`) is
//! compared with its old self rather than reported as a removal and an addition.

use std::collections::{BTreeMap, BTreeSet};

use super::rust_names::rust_names;
use super::rust_types::{describe, is_named, rust_type};
use super::semver::classify;
use super::{Change, ChangeKind};
use crate::model::{Member, Metadata, Operation, ServiceModel, Shape, ShapeType};
use crate::naming::type_name;

/// Every change between `old` and `new`, unsorted.
pub fn compare(old: &ServiceModel, new: &ServiceModel) -> Vec<Change> {
    compare_named_by(old, new, None)
}

/// Every change between `old` and `new`, two models cut down to an operation
/// subset (see [`OperationSubset::apply`](crate::subset::OperationSubset::apply)),
/// with Rust names taken from the whole models `named_by`, as the subset crate names them.
pub fn compare_named_by(
    old: &ServiceModel,
    new: &ServiceModel,
    named_by: Option<(&ServiceModel, &ServiceModel)>,
) -> Vec<Change> {
    let mut cmp = Comparison {
        old,
        new,
        named_by,
        changes: Vec::new(),
    };
    cmp.metadata();
    cmp.operations();
    cmp.shapes();
    cmp.rust_names();
    cmp.changes
}

struct Comparison<'a> {
    old: &'a ServiceModel,
    new: &'a ServiceModel,
    /// The whole models a subset's names come from, when `old` and `new` are cut down.
    named_by: Option<(&'a ServiceModel, &'a ServiceModel)>,
    changes: Vec<Change>,
}

/// Reads one `metadata` value, as text.
type MetadataField = fn(&Metadata) -> Option<String>;

/// Reads one operation-level value, as text.
type OperationField = fn(&Operation) -> Option<String>;

/// A list as one value for messages; `None` when empty.
fn joined(items: &[String]) -> Option<String> {
    (!items.is_empty()).then(|| items.join(", "))
}

/// Renders an optional value for messages: the value, or `(none)`.
fn shown(value: Option<&str>) -> String {
    value.map_or_else(|| "(none)".to_string(), |v| format!("`{v}`"))
}

/// Whether `model` has the shape or operation a Rust-name path
/// (`shapes.Stage.members.variables`, `operations.GetStage`) starts with.
fn holds_item(model: &ServiceModel, path: &str) -> bool {
    let mut parts = path.split('.');
    match (parts.next(), parts.next()) {
        (Some("shapes"), Some(name)) => model.shapes.contains_key(name),
        (Some("operations"), Some(name)) => model.operations.contains_key(name),
        _ => true,
    }
}

impl Comparison<'_> {
    fn push(&mut self, path: String, kind: ChangeKind, message: String, shape: Option<&str>) {
        self.push_classified(path, kind, message, shape, true);
    }

    fn push_classified(
        &mut self,
        path: String,
        kind: ChangeKind,
        message: String,
        shape: Option<&str>,
        named: bool,
    ) {
        let (semver, basis) = classify(kind, named);
        self.changes.push(Change {
            path,
            kind,
            semver,
            basis,
            message,
            shape: shape.map(str::to_string),
        });
    }

    /// Pushes `kind` at `path` when the two optional values differ.
    fn compare_value(
        &mut self,
        path: String,
        kind: ChangeKind,
        what: &str,
        old: Option<&str>,
        new: Option<&str>,
        shape: Option<&str>,
    ) {
        if old != new {
            let message = format!("{what} changed from {} to {}", shown(old), shown(new));
            self.push(path, kind, message, shape);
        }
    }

    fn compare_docs(
        &mut self,
        path: String,
        old: &Option<String>,
        new: &Option<String>,
        shape: Option<&str>,
    ) {
        if old != new {
            let message = match (old, new) {
                (None, Some(_)) => "documentation added",
                (Some(_), None) => "documentation removed",
                _ => "documentation changed",
            };
            self.push(
                path,
                ChangeKind::DocumentationChanged,
                message.to_string(),
                shape,
            );
        }
    }

    /// Pushes a deprecation change for a `deprecated` flag at `path`.
    fn compare_deprecated(
        &mut self,
        path: String,
        what: &str,
        old: bool,
        new: bool,
        shape: Option<&str>,
    ) {
        match (old, new) {
            (false, true) => self.push(
                path,
                ChangeKind::DeprecationAdded,
                format!("{what} deprecated"),
                shape,
            ),
            (true, false) => self.push(
                path,
                ChangeKind::DeprecationRemoved,
                format!("{what} no longer deprecated"),
                shape,
            ),
            _ => {}
        }
    }

    fn metadata(&mut self) {
        let (old, new) = (&self.old.metadata, &self.new.metadata);
        if old.protocol != new.protocol {
            self.push(
                "metadata.protocol".to_string(),
                ChangeKind::ProtocolChanged,
                format!(
                    "protocol changed from `{}` to `{}`",
                    old.protocol, new.protocol
                ),
                None,
            );
        }
        let fields: [(&str, MetadataField); 12] = [
            ("apiVersion", |m| Some(m.api_version.clone())),
            ("endpointPrefix", |m| m.endpoint_prefix.clone()),
            ("serviceFullName", |m| m.service_full_name.clone()),
            ("serviceAbbreviation", |m| m.service_abbreviation.clone()),
            ("serviceId", |m| m.service_id.clone()),
            ("signatureVersion", |m| m.signature_version.clone()),
            ("signingName", |m| m.signing_name.clone()),
            ("targetPrefix", |m| m.target_prefix.clone()),
            ("jsonVersion", |m| m.json_version.clone()),
            ("uid", |m| m.uid.clone()),
            ("protocols", |m| joined(&m.protocols)),
            ("auth", |m| joined(&m.auth)),
        ];
        for (key, field) in fields {
            self.compare_value(
                format!("metadata.{key}"),
                ChangeKind::MetadataChanged,
                key,
                field(old).as_deref(),
                field(new).as_deref(),
                None,
            );
        }
        let (old_docs, new_docs) = (&self.old.documentation, &self.new.documentation);
        self.compare_docs("documentation".to_string(), old_docs, new_docs, None);
    }

    fn operations(&mut self) {
        let names: BTreeSet<&String> = self
            .old
            .operations
            .keys()
            .chain(self.new.operations.keys())
            .collect();
        for name in names {
            let path = format!("operations.{name}");
            match (self.old.operations.get(name), self.new.operations.get(name)) {
                (None, Some(_)) => {
                    self.push(
                        path,
                        ChangeKind::OperationAdded,
                        format!("added operation `{name}`"),
                        None,
                    );
                }
                (Some(_), None) => {
                    self.push(
                        path,
                        ChangeKind::OperationRemoved,
                        format!("removed operation `{name}`"),
                        None,
                    );
                }
                (Some(old), Some(new)) => self.operation(&path, old, new),
                (None, None) => {}
            }
        }
    }

    fn operation(&mut self, path: &str, old: &Operation, new: &Operation) {
        let (http, wire) = (
            ChangeKind::HttpBindingChanged,
            ChangeKind::WireFormatChanged,
        );
        let fields: [(&str, ChangeKind, &str, OperationField); 6] = [
            ("http.method", http, "HTTP method", |op| {
                Some(op.http.method.clone())
            }),
            ("http.requestUri", http, "request URI", |op| {
                Some(op.http.request_uri.clone())
            }),
            ("http.responseCode", http, "success status code", |op| {
                op.http.response_code.map(|code| code.to_string())
            }),
            ("endpoint.hostPrefix", http, "host prefix", |op| {
                op.endpoint.as_ref().and_then(|e| e.host_prefix.clone())
            }),
            ("authtype", wire, "auth type", |op| op.authtype.clone()),
            ("idempotent", wire, "idempotent", |op| {
                Some(op.idempotent.to_string())
            }),
        ];
        for (key, kind, what, field) in fields {
            let (old_value, new_value) = (field(old), field(new));
            self.compare_value(
                format!("{path}.{key}"),
                kind,
                what,
                old_value.as_deref(),
                new_value.as_deref(),
                None,
            );
        }
        for (role, old_ref, new_ref) in [
            ("input", &old.input, &new.input),
            ("output", &old.output, &new.output),
        ] {
            let old_shape = old_ref.as_ref().map(|r| r.shape.as_str());
            let new_shape = new_ref.as_ref().map(|r| r.shape.as_str());
            if old_shape == new_shape {
                continue;
            }
            let old_type = old_shape.map(|s| rust_type(self.old, s));
            let new_type = new_shape.map(|s| rust_type(self.new, s));
            let kind = if old_type == new_type {
                ChangeKind::OperationShapeRenamed
            } else {
                ChangeKind::OperationShapeChanged
            };
            let message = format!(
                "{role} shape changed from {} to {}",
                shown(old_shape),
                shown(new_shape)
            );
            self.push(format!("{path}.{role}"), kind, message, None);
        }
        let errors = |op: &Operation| {
            op.errors
                .iter()
                .map(|e| e.shape.clone())
                .collect::<BTreeSet<_>>()
        };
        let (old_errors, new_errors) = (errors(old), errors(new));
        // An operation without errors has the shared `OperationError` as its
        // error type; its first one gives it an enum of its own.
        let kind = if old_errors.is_empty() {
            ChangeKind::FirstErrorAdded
        } else {
            ChangeKind::ErrorAdded
        };
        for added in new_errors.difference(&old_errors) {
            let message = format!("documents error `{added}`");
            self.push(format!("{path}.errors"), kind, message, None);
        }
        for removed in old_errors.difference(&new_errors) {
            let message = format!("no longer documents error `{removed}`");
            self.push(
                format!("{path}.errors"),
                ChangeKind::ErrorRemoved,
                message,
                None,
            );
        }
        self.compare_deprecated(
            format!("{path}.deprecated"),
            "operation",
            old.deprecated,
            new.deprecated,
            None,
        );
        if old.deprecated_message != new.deprecated_message {
            self.compare_docs(
                format!("{path}.deprecatedMessage"),
                &old.deprecated_message,
                &new.deprecated_message,
                None,
            );
        }
        self.compare_docs(
            format!("{path}.documentation"),
            &old.documentation,
            &new.documentation,
            None,
        );
    }

    fn shapes(&mut self) {
        let (old, new) = (self.old, self.new);
        let renamed = renamed_shapes(old, new);
        let renamed_old: BTreeSet<&str> = renamed.values().map(String::as_str).collect();
        for (name, shape) in &old.shapes {
            if !new.shapes.contains_key(name) && !renamed_old.contains(name.as_str()) {
                let message = format!("removed shape `{name}` ({})", describe(old, name));
                self.push_classified(
                    format!("shapes.{name}"),
                    ChangeKind::ShapeRemoved,
                    message,
                    Some(name),
                    is_named(shape),
                );
            }
        }
        for (name, new_shape) in &new.shapes {
            let path = format!("shapes.{name}");
            if let Some(old_shape) = old.shapes.get(name) {
                self.shape(&path, name, old_shape, new_shape);
            } else if let Some(old_name) = renamed.get(name) {
                let message =
                    format!("shape `{old_name}` renamed to `{name}`; the Rust type keeps its name");
                self.push(path.clone(), ChangeKind::ShapeRenamed, message, Some(name));
                self.shape(&path, name, &old.shapes[old_name], new_shape);
            } else {
                let message = format!("added shape `{name}` ({})", describe(new, name));
                self.push_classified(
                    path,
                    ChangeKind::ShapeAdded,
                    message,
                    Some(name),
                    is_named(new_shape),
                );
            }
        }
    }

    /// Items in both models whose Rust name changes anyway.
    fn rust_names(&mut self) {
        // Rust names depend only on which names exist (and shape kinds), so
        // unless something was added, removed or changed kind they are the
        // same; lowering both models to check would be wasted. A subset's
        // names depend on the whole models, whose changes are not all listed.
        let names_moved = self.named_by.is_some()
            || self.changes.iter().any(|c| {
                matches!(
                    c.kind,
                    ChangeKind::ShapeAdded
                        | ChangeKind::ShapeRemoved
                        | ChangeKind::ShapeRenamed
                        | ChangeKind::ShapeKindChanged
                        | ChangeKind::MemberAdded
                        | ChangeKind::RequiredMemberAdded
                        | ChangeKind::MemberRemoved
                        | ChangeKind::EnumValueAdded
                        | ChangeKind::EnumValueRemoved
                        | ChangeKind::OperationAdded
                        | ChangeKind::OperationRemoved
                )
            });
        if !names_moved {
            return;
        }
        let (old_whole, new_whole) = self.named_by.unwrap_or((self.old, self.new));
        let (Some(old), Some(new)) = (rust_names(old_whole), rust_names(new_whole)) else {
            return;
        };
        for ((path, value), old_name) in &old {
            let Some(new_name) = new.get(&(path.clone(), value.clone())) else {
                continue;
            };
            if !(holds_item(self.old, path) && holds_item(self.new, path)) {
                continue;
            }
            if old_name == new_name {
                continue;
            }
            let what = match value {
                Some(value) => format!("enum value `{value}`"),
                None => "its Rust item".to_string(),
            };
            let message = format!(
                "{what} is renamed from `{old_name}` to `{new_name}` (a name collision resolved differently)"
            );
            let shape = path
                .strip_prefix("shapes.")
                .and_then(|rest| rest.split('.').next());
            self.push(path.clone(), ChangeKind::RustNameChanged, message, shape);
        }
    }

    fn shape(&mut self, path: &str, name: &str, old: &Shape, new: &Shape) {
        let at = Some(name);
        if let Some(message) = kind_change(old, new) {
            self.push(path.to_string(), ChangeKind::ShapeKindChanged, message, at);
            return;
        }
        match new.shape_type {
            ShapeType::Structure => self.structure(path, name, old, new),
            ShapeType::List => self.part(
                &format!("{path}.member"),
                name,
                "list element",
                &old.member,
                &new.member,
            ),
            ShapeType::Map => {
                self.part(&format!("{path}.key"), name, "map key", &old.key, &new.key);
                self.part(
                    &format!("{path}.value"),
                    name,
                    "map value",
                    &old.value,
                    &new.value,
                );
            }
            _ => {}
        }
        self.enum_values(path, name, old, new);
        let constraints = [
            (
                "min",
                old.min.map(|v| v.to_string()),
                new.min.map(|v| v.to_string()),
            ),
            (
                "max",
                old.max.map(|v| v.to_string()),
                new.max.map(|v| v.to_string()),
            ),
            ("pattern", old.pattern.clone(), new.pattern.clone()),
        ];
        for (key, old_value, new_value) in constraints {
            self.compare_value(
                format!("{path}.{key}"),
                ChangeKind::ConstraintChanged,
                key,
                old_value.as_deref(),
                new_value.as_deref(),
                at,
            );
        }
        if old.sensitive != new.sensitive {
            let message = if new.sensitive {
                "values are now sensitive (redacted from Debug)"
            } else {
                "values are no longer sensitive"
            };
            self.push(
                format!("{path}.sensitive"),
                ChangeKind::SensitivityChanged,
                message.to_string(),
                at,
            );
        }
        let wire = ChangeKind::WireFormatChanged;
        self.compare_value(
            format!("{path}.timestampFormat"),
            wire,
            "timestamp format",
            old.timestamp_format.as_deref(),
            new.timestamp_format.as_deref(),
            at,
        );
        for (key, old_flag, new_flag) in [
            ("streaming", old.streaming, new.streaming),
            ("requiresLength", old.requires_length, new.requires_length),
        ] {
            if old_flag != new_flag {
                self.push(
                    format!("{path}.{key}"),
                    wire,
                    format!("{key} changed to {new_flag}"),
                    at,
                );
            }
        }
        self.error_trait(path, name, old, new);
        self.compare_deprecated(
            format!("{path}.deprecated"),
            &format!("shape `{name}`"),
            old.deprecated,
            new.deprecated,
            at,
        );
        self.compare_docs(
            format!("{path}.documentation"),
            &old.documentation,
            &new.documentation,
            at,
        );
    }

    fn structure(&mut self, path: &str, name: &str, old: &Shape, new: &Shape) {
        let at = Some(name);
        let required = |shape: &Shape, member: &str| shape.required.iter().any(|r| r == member);
        let requires_any = |shape: &Shape| shape.members.keys().any(|m| required(shape, m));
        if requires_any(old) && !requires_any(new) {
            self.push(
                format!("{path}.required"),
                ChangeKind::BuildBecameInfallible,
                "no member is required any more: the builder's `build()` returns the value, not a `Result`"
                    .to_string(),
                at,
            );
        }
        for (member_name, member) in &new.members {
            let member_path = format!("{path}.members.{member_name}");
            match old.members.get(member_name) {
                None => {
                    let kind = if required(new, member_name) {
                        ChangeKind::RequiredMemberAdded
                    } else {
                        ChangeKind::MemberAdded
                    };
                    let qualifier = if kind == ChangeKind::RequiredMemberAdded {
                        "required "
                    } else {
                        ""
                    };
                    let message = format!(
                        "added {qualifier}member `{member_name}` ({})",
                        describe(self.new, &member.shape)
                    );
                    self.push(member_path, kind, message, at);
                }
                Some(old_member) => {
                    self.member(
                        &member_path,
                        name,
                        &format!("member `{member_name}`"),
                        old_member,
                        member,
                    );
                    match (required(old, member_name), required(new, member_name)) {
                        (false, true) => self.push(
                            format!("{path}.required"),
                            ChangeKind::RequiredAdded,
                            format!("member `{member_name}` is now required"),
                            at,
                        ),
                        (true, false) => self.push(
                            format!("{path}.required"),
                            ChangeKind::RequiredRemoved,
                            format!("member `{member_name}` is no longer required"),
                            at,
                        ),
                        _ => {}
                    }
                }
            }
        }
        for (member_name, member) in &old.members {
            if !new.members.contains_key(member_name) {
                let message = format!(
                    "removed member `{member_name}` ({})",
                    describe(self.old, &member.shape)
                );
                self.push(
                    format!("{path}.members.{member_name}"),
                    ChangeKind::MemberRemoved,
                    message,
                    at,
                );
            }
        }
        self.compare_value(
            format!("{path}.payload"),
            ChangeKind::BindingChanged,
            "payload member",
            old.payload.as_deref(),
            new.payload.as_deref(),
            at,
        );
    }

    /// A list element or map key/value; a missing one only in a broken model.
    fn part(
        &mut self,
        path: &str,
        name: &str,
        what: &str,
        old: &Option<Member>,
        new: &Option<Member>,
    ) {
        if let (Some(old), Some(new)) = (old, new) {
            self.member(path, name, what, old, new);
        } else if old.is_some() != new.is_some() {
            let message = format!(
                "{what} is {}",
                if new.is_some() {
                    "now defined"
                } else {
                    "no longer defined"
                }
            );
            self.push(
                path.to_string(),
                ChangeKind::MemberTypeChanged,
                message,
                Some(name),
            );
        }
    }

    fn member(&mut self, path: &str, owner: &str, what: &str, old: &Member, new: &Member) {
        let at = Some(owner);
        if old.shape != new.shape {
            let (old_type, new_type) = (
                rust_type(self.old, &old.shape),
                rust_type(self.new, &new.shape),
            );
            if old_type == new_type {
                let message = format!(
                    "{what} now points at `{}` instead of `{}`; its Rust type `{new_type}` is unchanged",
                    new.shape, old.shape
                );
                self.push(
                    format!("{path}.shape"),
                    ChangeKind::MemberTargetRenamed,
                    message,
                    at,
                );
            } else {
                let message = format!(
                    "{what} changed type from {} to {}",
                    describe(self.old, &old.shape),
                    describe(self.new, &new.shape)
                );
                self.push(
                    format!("{path}.shape"),
                    ChangeKind::MemberTypeChanged,
                    message,
                    at,
                );
            }
        }
        let location = |m: &Member| m.location.map(|l| format!("{l:?}").to_lowercase());
        let (old_location, new_location) = (location(old), location(new));
        let binding = ChangeKind::BindingChanged;
        let where_ = format!("{what} location");
        self.compare_value(
            format!("{path}.location"),
            binding,
            &where_,
            old_location.as_deref(),
            new_location.as_deref(),
            at,
        );
        let wire_name = format!("{what} wire name");
        self.compare_value(
            format!("{path}.locationName"),
            binding,
            &wire_name,
            old.location_name.as_deref(),
            new.location_name.as_deref(),
            at,
        );
        let wire = ChangeKind::WireFormatChanged;
        let format_what = format!("{what} timestamp format");
        self.compare_value(
            format!("{path}.timestampFormat"),
            wire,
            &format_what,
            old.timestamp_format.as_deref(),
            new.timestamp_format.as_deref(),
            at,
        );
        for (key, old_flag, new_flag) in [
            ("jsonvalue", old.jsonvalue, new.jsonvalue),
            (
                "idempotencyToken",
                old.idempotency_token,
                new.idempotency_token,
            ),
            ("hostLabel", old.host_label, new.host_label),
            ("streaming", old.streaming, new.streaming),
        ] {
            if old_flag != new_flag {
                self.push(
                    format!("{path}.{key}"),
                    wire,
                    format!("{what} {key} changed to {new_flag}"),
                    at,
                );
            }
        }
        self.compare_deprecated(
            format!("{path}.deprecated"),
            what,
            old.deprecated,
            new.deprecated,
            at,
        );
        self.compare_docs(
            format!("{path}.documentation"),
            &old.documentation,
            &new.documentation,
            at,
        );
    }

    fn enum_values(&mut self, path: &str, name: &str, old: &Shape, new: &Shape) {
        let values = |shape: &Shape| -> Vec<String> {
            shape
                .enum_values
                .iter()
                .flatten()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                .collect()
        };
        let (old_values, new_values) = (values(old), values(new));
        for value in new_values.iter().filter(|v| !old_values.contains(v)) {
            self.push(
                format!("{path}.enum"),
                ChangeKind::EnumValueAdded,
                format!("added value `{value}`"),
                Some(name),
            );
        }
        for value in old_values.iter().filter(|v| !new_values.contains(v)) {
            self.push(
                format!("{path}.enum"),
                ChangeKind::EnumValueRemoved,
                format!("removed value `{value}`"),
                Some(name),
            );
        }
    }

    fn error_trait(&mut self, path: &str, name: &str, old: &Shape, new: &Shape) {
        let code = |s: &Shape| s.error.as_ref().and_then(|e| e.code.clone());
        let status = |s: &Shape| {
            s.error
                .as_ref()
                .and_then(|e| e.http_status_code)
                .map(|c| c.to_string())
        };
        let kind = ChangeKind::ErrorTraitChanged;
        let at = Some(name);
        self.compare_value(
            format!("{path}.error"),
            kind,
            "error code",
            code(old).as_deref(),
            code(new).as_deref(),
            at,
        );
        self.compare_value(
            format!("{path}.error"),
            kind,
            "error HTTP status",
            status(old).as_deref(),
            status(new).as_deref(),
            at,
        );
        if old.fault != new.fault {
            let message = format!("fault changed from {} to {}", old.fault, new.fault);
            self.push(format!("{path}.fault"), kind, message, at);
        }
    }
}

/// Why `new` is a different kind of type than `old`, if it is.
fn kind_change(old: &Shape, new: &Shape) -> Option<String> {
    let word = super::rust_types::type_word;
    if old.shape_type != new.shape_type {
        return Some(format!(
            "type changed from {} to {}",
            word(old.shape_type),
            word(new.shape_type)
        ));
    }
    let flags = [
        (
            old.enum_values.is_some(),
            new.enum_values.is_some(),
            "an enum",
        ),
        (old.union, new.union, "a union"),
        (old.exception, new.exception, "an error"),
        (old.document, new.document, "a document"),
        (old.eventstream, new.eventstream, "an event stream"),
    ];
    flags
        .into_iter()
        .find(|(o, n, _)| o != n)
        .map(|(_, now, what)| {
            if now {
                format!("became {what}")
            } else {
                format!("is no longer {what}")
            }
        })
}

/// New-model shapes that replace an old-model shape of the same Rust name and
/// kind (new name → old name). Only pairs where the old name is gone and the
/// new name is new qualify, so nothing is compared twice.
fn renamed_shapes(old: &ServiceModel, new: &ServiceModel) -> BTreeMap<String, String> {
    let gone: BTreeMap<String, &String> = old
        .shapes
        .iter()
        .filter(|(name, shape)| !new.shapes.contains_key(*name) && is_named(shape))
        .map(|(name, _)| (type_name(name), name))
        .collect();
    new.shapes
        .iter()
        .filter(|(name, shape)| !old.shapes.contains_key(*name) && is_named(shape))
        .filter_map(|(name, shape)| {
            let old_name = gone.get(&type_name(name))?;
            let old_shape = &old.shapes[*old_name];
            (kind_change(old_shape, shape).is_none()).then(|| (name.clone(), (*old_name).clone()))
        })
        .collect()
}
