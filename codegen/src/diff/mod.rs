//! What changed between two versions of a service model, and what that means
//! for the generated crate.
//!
//! [`diff_models`] compares two parsed models structurally and returns a
//! [`ModelDiff`]: a flat list of [`Change`]s, each at a model path (such as
//! `shapes.Stage.members.variables`) with its semver class for the generated
//! Rust API, plus one [`OperationReport`] per operation that gained, lost or
//! changed anything reachable from its input, output or errors. The
//! [`render`] module turns that into the AWS-style changelog text, Markdown,
//! or JSON for tools.

mod compare;
mod operations;
pub mod pydict;
pub mod render;
mod rust_names;
mod rust_types;
pub mod semver;
#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::model::ServiceModel;
use crate::subset::OperationSubset;
pub use semver::{Basis, Bump};

/// Everything that changed between two models.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelDiff {
    /// The service's full name, e.g. `Amazon API Gateway` (from the new model).
    pub service_full_name: String,
    /// `metadata.apiVersion` of the old model.
    pub old_api_version: String,
    /// `metadata.apiVersion` of the new model.
    pub new_api_version: String,
    /// The version bump the changes call for; `None` when nothing changed.
    pub bump: Option<Bump>,
    /// Every change, sorted by path then kind.
    pub changes: Vec<Change>,
    /// Per operation, the changes reachable from it; sorted by name.
    pub operations: Vec<OperationReport>,
}

impl ModelDiff {
    /// Whether the two models are the same in every way the diff looks at.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Operations that are new in the new model.
    pub fn new_operations(&self) -> impl Iterator<Item = &OperationReport> {
        self.with_status(OperationStatus::New)
    }

    /// Operations with changes other than documentation.
    pub fn updated_operations(&self) -> impl Iterator<Item = &OperationReport> {
        self.with_status(OperationStatus::Updated)
    }

    /// Operations present only in the old model.
    pub fn removed_operations(&self) -> impl Iterator<Item = &OperationReport> {
        self.with_status(OperationStatus::Removed)
    }

    /// Operations whose only changes are to documentation.
    pub fn documentation_only_operations(&self) -> impl Iterator<Item = &OperationReport> {
        self.with_status(OperationStatus::DocumentationOnly)
    }

    fn with_status(&self, status: OperationStatus) -> impl Iterator<Item = &OperationReport> {
        self.operations.iter().filter(move |op| op.status == status)
    }

    /// The changes that decide [`ModelDiff::bump`], most severe first.
    pub fn bump_reasons(&self) -> Vec<&Change> {
        let Some(bump) = self.bump else {
            return Vec::new();
        };
        self.changes.iter().filter(|c| c.semver == bump).collect()
    }
}

/// One change at one place in the model.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Change {
    /// Dotted JSON path in the old or new model, e.g. `shapes.Stage.members.variables`.
    pub path: String,
    /// What kind of change it is.
    pub kind: ChangeKind,
    /// The version bump this change alone calls for in the generated crate.
    pub semver: Bump,
    /// Why it calls for that bump: which part of the generated crate it touches.
    pub basis: Basis,
    /// One line for humans, e.g. ``added member `variables` (map of string to string)``.
    pub message: String,
    /// The shape the change belongs to, when it is inside a shape; operations
    /// reaching that shape report it.
    #[serde(skip)]
    pub shape: Option<String>,
}

/// The kinds of change the diff finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A `metadata` value other than documentation changed.
    MetadataChanged,
    /// The wire protocol changed.
    ProtocolChanged,
    /// An operation appeared.
    OperationAdded,
    /// An operation disappeared.
    OperationRemoved,
    /// An operation's HTTP method, URI, success code or host prefix changed.
    HttpBindingChanged,
    /// An operation's input or output now has a different Rust type.
    OperationShapeChanged,
    /// An operation's input or output points at a differently named shape of
    /// the same Rust type.
    OperationShapeRenamed,
    /// An operation documents a new error.
    ErrorAdded,
    /// An operation that documented no error documents one: its error type
    /// becomes an enum of its own instead of an alias of the shared
    /// `OperationError`.
    FirstErrorAdded,
    /// An operation no longer documents an error.
    ErrorRemoved,
    /// A shape appeared.
    ShapeAdded,
    /// A shape disappeared.
    ShapeRemoved,
    /// A shape was renamed in the model without changing its Rust name.
    ShapeRenamed,
    /// A shape changed kind (say, string to enum, structure to union).
    ShapeKindChanged,
    /// An optional member appeared.
    MemberAdded,
    /// A required member appeared.
    RequiredMemberAdded,
    /// A member disappeared.
    MemberRemoved,
    /// A member (or list element, map key or value) now has a different Rust type.
    MemberTypeChanged,
    /// A member points at a differently named shape of the same Rust type.
    MemberTargetRenamed,
    /// An existing member became required.
    RequiredAdded,
    /// A required member became optional.
    RequiredRemoved,
    /// A structure that had required members has none left, so its builder's
    /// `build()` returns the value rather than a `Result`.
    BuildBecameInfallible,
    /// An enum gained a value.
    EnumValueAdded,
    /// An enum lost a value.
    EnumValueRemoved,
    /// Where a member travels in HTTP changed (`location`, `locationName`, `payload`).
    BindingChanged,
    /// How a value is written on the wire changed (timestamp format, JSON
    /// value, idempotency token, host label, streaming).
    WireFormatChanged,
    /// A value became sensitive (redacted from `Debug`) or stopped being so.
    SensitivityChanged,
    /// Something became deprecated.
    DeprecationAdded,
    /// Something stopped being deprecated.
    DeprecationRemoved,
    /// An error shape's code, HTTP status or fault changed.
    ErrorTraitChanged,
    /// A `min`, `max` or `pattern` constraint changed.
    ConstraintChanged,
    /// Documentation changed.
    DocumentationChanged,
    /// An item the model did not change gets another Rust name, because a
    /// name collision is resolved differently.
    RustNameChanged,
}

impl ChangeKind {
    /// The name used in JSON output, e.g. `member_added`.
    pub fn as_str(self) -> &'static str {
        use ChangeKind::*;
        match self {
            MetadataChanged => "metadata_changed",
            ProtocolChanged => "protocol_changed",
            OperationAdded => "operation_added",
            OperationRemoved => "operation_removed",
            HttpBindingChanged => "http_binding_changed",
            OperationShapeChanged => "operation_shape_changed",
            OperationShapeRenamed => "operation_shape_renamed",
            ErrorAdded => "error_added",
            FirstErrorAdded => "first_error_added",
            ErrorRemoved => "error_removed",
            ShapeAdded => "shape_added",
            ShapeRemoved => "shape_removed",
            ShapeRenamed => "shape_renamed",
            ShapeKindChanged => "shape_kind_changed",
            MemberAdded => "member_added",
            RequiredMemberAdded => "required_member_added",
            MemberRemoved => "member_removed",
            MemberTypeChanged => "member_type_changed",
            MemberTargetRenamed => "member_target_renamed",
            RequiredAdded => "required_added",
            RequiredRemoved => "required_removed",
            BuildBecameInfallible => "build_became_infallible",
            EnumValueAdded => "enum_value_added",
            EnumValueRemoved => "enum_value_removed",
            BindingChanged => "binding_changed",
            WireFormatChanged => "wire_format_changed",
            SensitivityChanged => "sensitivity_changed",
            DeprecationAdded => "deprecation_added",
            DeprecationRemoved => "deprecation_removed",
            ErrorTraitChanged => "error_trait_changed",
            ConstraintChanged => "constraint_changed",
            DocumentationChanged => "documentation_changed",
            RustNameChanged => "rust_name_changed",
        }
    }
}

/// How an operation fared between the two models.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OperationStatus {
    /// Only in the new model.
    New,
    /// In both, with changes beyond documentation.
    Updated,
    /// In both, with documentation changes only (and perhaps model-internal ones).
    DocumentationOnly,
    /// In both, with model-internal changes only, such as a shape renamed
    /// without changing its Rust type.
    InternalOnly,
    /// Only in the old model.
    Removed,
}

/// Which side of an operation a change is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sides {
    /// The request (input shape and what it reaches, the HTTP binding).
    Request,
    /// The response (output and error shapes and what they reach).
    Response,
    /// Both.
    Both,
}

impl Sides {
    /// Combines an optional request side and response side.
    pub fn from_flags(request: bool, response: bool) -> Option<Sides> {
        match (request, response) {
            (true, true) => Some(Sides::Both),
            (true, false) => Some(Sides::Request),
            (false, true) => Some(Sides::Response),
            (false, false) => None,
        }
    }

    /// `request`, `response` or `both`, as in `Changes (both)`.
    pub fn as_str(self) -> &'static str {
        match self {
            Sides::Request => "request",
            Sides::Response => "response",
            Sides::Both => "both",
        }
    }
}

/// One operation's share of the diff.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OperationReport {
    /// Operation name in the model.
    pub name: String,
    /// New, updated, documentation-only or removed.
    pub status: OperationStatus,
    /// Which sides the changes beyond documentation and model internals are
    /// on; `None` when there are none.
    pub sides: Option<Sides>,
    /// Paths of the changes this operation reaches (indices into the diff's
    /// change list would not survive JSON), sorted.
    pub changes: Vec<String>,
    /// The members added on the request side, as a Python-style dict literal
    /// tree (for new operations: the whole input).
    #[serde(skip)]
    pub added_request: Option<pydict::PyValue>,
    /// The members added on the response side (for new operations: the whole output).
    #[serde(skip)]
    pub added_response: Option<pydict::PyValue>,
    /// The operation's HTML documentation (from the new model, or the old one
    /// for a removed operation); renderers convert it.
    #[serde(skip)]
    pub documentation_html: String,
}

/// Compares two models. Never fails: anything a model leaves dangling (a
/// member pointing at a missing shape) is compared as far as it goes.
pub fn diff_models(old: &ServiceModel, new: &ServiceModel) -> ModelDiff {
    report(old, new, compare::compare(old, new))
}

/// Compares two models as a crate generated with `subset` sees them: only
/// the kept operations and the shapes they keep, so the changelog and the
/// semver verdict speak of what the crate holds.
pub fn diff_subset(old: &ServiceModel, new: &ServiceModel, subset: &OperationSubset) -> ModelDiff {
    let (old_cut, new_cut) = (subset.apply(old), subset.apply(new));
    let changes = compare::compare_named_by(&old_cut, &new_cut, Some((old, new)));
    report(&old_cut, &new_cut, changes)
}

fn report(old: &ServiceModel, new: &ServiceModel, mut changes: Vec<Change>) -> ModelDiff {
    changes.sort();
    changes.dedup();
    let operations = operations::operation_reports(old, new, &changes);
    let bump = changes.iter().map(|c| c.semver).max();
    ModelDiff {
        service_full_name: new
            .metadata
            .service_full_name
            .clone()
            .or_else(|| old.metadata.service_full_name.clone())
            .or_else(|| new.metadata.service_id.clone())
            .unwrap_or_else(|| new.metadata.endpoint_prefix.clone().unwrap_or_default()),
        old_api_version: old.metadata.api_version.clone(),
        new_api_version: new.metadata.api_version.clone(),
        bump,
        changes,
        operations,
    }
}
