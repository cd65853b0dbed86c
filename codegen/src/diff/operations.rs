//! Each operation's share of the diff: the changes it reaches, on which side,
//! and the added members as AWS changelogs print them.

use std::collections::{BTreeMap, BTreeSet};

use super::pydict::PyValue;
use super::rust_types::type_word;
use super::{Basis, Change, ChangeKind, OperationReport, OperationStatus, Sides};
use crate::lower::reach;
use crate::model::{Operation, ServiceModel, Shape, ShapeType};

/// Reports for every operation with at least one change, sorted by name.
pub fn operation_reports(
    old: &ServiceModel,
    new: &ServiceModel,
    changes: &[Change],
) -> Vec<OperationReport> {
    let names: BTreeSet<&String> = old.operations.keys().chain(new.operations.keys()).collect();
    let additions = Additions::from_changes(changes);
    names
        .into_iter()
        .filter_map(|name| {
            report(
                name,
                old.operations.get(name),
                new.operations.get(name),
                (old, new),
                changes,
                &additions,
            )
        })
        .collect()
}

fn report(
    name: &str,
    old_op: Option<&Operation>,
    new_op: Option<&Operation>,
    (old, new): (&ServiceModel, &ServiceModel),
    changes: &[Change],
    additions: &Additions,
) -> Option<OperationReport> {
    let request_roots =
        |op: Option<&Operation>| op.and_then(|o| o.input.as_ref()).map(|r| r.shape.clone());
    let response_roots = |op: Option<&Operation>| -> Vec<String> {
        op.into_iter()
            .flat_map(|o| o.output.iter().chain(&o.errors))
            .map(|r| r.shape.clone())
            .collect()
    };
    let mut request_reach = reach(old, request_roots(old_op));
    request_reach.extend(reach(new, request_roots(new_op)));
    let mut response_reach = reach(old, response_roots(old_op));
    response_reach.extend(reach(new, response_roots(new_op)));

    let own_prefix = format!("operations.{name}");
    let mut attributed = Vec::new();
    let (mut request, mut response) = (false, false);
    for change in changes {
        let sides = if change.path == own_prefix {
            // A new or removed operation: the sides it has.
            let op = new_op.or(old_op);
            let has_output = op.is_some_and(|o| o.output.is_some() || !o.errors.is_empty());
            Some((op.is_some_and(|o| o.input.is_some()), has_output))
        } else if let Some(rest) = change
            .path
            .strip_prefix(&own_prefix)
            .and_then(|r| r.strip_prefix('.'))
        {
            Some(operation_field_sides(rest))
        } else if let Some(shape) = &change.shape {
            let sides = (
                request_reach.contains(shape),
                response_reach.contains(shape),
            );
            (sides.0 || sides.1).then_some(sides)
        } else {
            None
        };
        let Some((on_request, on_response)) = sides else {
            continue;
        };
        attributed.push(change);
        if is_significant(change) {
            request |= on_request;
            response |= on_response;
        }
    }
    if attributed.is_empty() {
        return None;
    }
    let status = match (old_op, new_op) {
        (None, _) => OperationStatus::New,
        (_, None) => OperationStatus::Removed,
        _ if attributed.iter().any(|c| is_significant(c)) => OperationStatus::Updated,
        _ if attributed.iter().any(|c| c.basis == Basis::Docs) => {
            OperationStatus::DocumentationOnly
        }
        _ => OperationStatus::InternalOnly,
    };
    let (added_request, added_response) = match status {
        OperationStatus::New => (
            request_roots(new_op).map(|root| full_type(new, &root, &mut Vec::new())),
            new_op
                .and_then(|o| o.output.as_ref())
                .map(|r| full_type(new, &r.shape, &mut Vec::new())),
        ),
        OperationStatus::Updated => {
            let mut walk = AddedWalk {
                model: new,
                additions,
                memo: BTreeMap::new(),
                stack: Vec::new(),
            };
            let request_tree = request_roots(new_op).and_then(|root| walk.tree(&root));
            let response_tree = new_op
                .and_then(|o| o.output.as_ref())
                .and_then(|r| walk.tree(&r.shape));
            (request_tree, response_tree)
        }
        _ => (None, None),
    };
    let documentation_html = new_op
        .or(old_op)
        .and_then(|op| op.documentation.clone())
        .unwrap_or_default();
    let mut paths: Vec<String> = attributed.iter().map(|c| c.path.clone()).collect();
    paths.dedup();
    Some(OperationReport {
        name: name.to_string(),
        status,
        sides: Sides::from_flags(request, response),
        changes: paths,
        added_request,
        added_response,
        documentation_html,
    })
}

/// Whether a change shows in the generated API or on the wire, as opposed
/// to documentation or model-internal renames.
fn is_significant(change: &Change) -> bool {
    !matches!(change.basis, Basis::Docs | Basis::Internal)
}

/// Which sides an operation-level field belongs to (request, response).
fn operation_field_sides(field: &str) -> (bool, bool) {
    let key = field.split('.').next().unwrap_or(field);
    match key {
        "output" | "errors" => (false, true),
        "http" | "input" | "endpoint" | "authtype" | "idempotent" => (true, false),
        _ => (true, true),
    }
}

/// Which members are new, and which enums gained values.
struct Additions {
    members: BTreeSet<(String, String)>,
    extended_enums: BTreeSet<String>,
}

impl Additions {
    fn from_changes(changes: &[Change]) -> Self {
        let mut members = BTreeSet::new();
        let mut extended_enums = BTreeSet::new();
        for change in changes {
            let Some(shape) = &change.shape else {
                continue;
            };
            match change.kind {
                ChangeKind::MemberAdded | ChangeKind::RequiredMemberAdded => {
                    if let Some(member) = change.path.rsplit('.').next() {
                        members.insert((shape.clone(), member.to_string()));
                    }
                }
                ChangeKind::EnumValueAdded => {
                    extended_enums.insert(shape.clone());
                }
                _ => {}
            }
        }
        Additions {
            members,
            extended_enums,
        }
    }
}

/// Builds the dict of added members below a shape, following structures,
/// lists (transparently) and maps (under their key type) down to each new
/// member, whose whole type is then written out. Members whose enum gained
/// values are written out too, as the AWS feeds do.
struct AddedWalk<'a> {
    model: &'a ServiceModel,
    additions: &'a Additions,
    /// Results per shape; shared shapes are walked once.
    memo: BTreeMap<String, Option<PyValue>>,
    /// Shapes being walked, so recursive shapes terminate.
    stack: Vec<String>,
}

impl AddedWalk<'_> {
    fn tree(&mut self, name: &str) -> Option<PyValue> {
        if let Some(done) = self.memo.get(name) {
            return done.clone();
        }
        if self.stack.iter().any(|s| s == name) {
            return None;
        }
        let shape = self.model.shapes.get(name)?;
        self.stack.push(name.to_string());
        let tree = self.tree_of(name, shape);
        self.stack.pop();
        self.memo.insert(name.to_string(), tree.clone());
        tree
    }

    fn tree_of(&mut self, name: &str, shape: &Shape) -> Option<PyValue> {
        match shape.shape_type {
            ShapeType::Structure => {
                let mut entries = Vec::new();
                for (member_name, member) in &shape.members {
                    let is_new = self
                        .additions
                        .members
                        .contains(&(name.to_string(), member_name.clone()));
                    let value = if is_new || self.leads_to_extended_enum(&member.shape, 0) {
                        // Written out whole from here, recursion cut on its
                        // second appearance.
                        Some(full_type(self.model, &member.shape, &mut Vec::new()))
                    } else {
                        self.tree(&member.shape)
                    };
                    if let Some(value) = value {
                        entries.push((member_name.clone(), value));
                    }
                }
                (!entries.is_empty()).then_some(PyValue::Dict(entries))
            }
            ShapeType::List => self.tree(&shape.member.as_ref()?.shape),
            ShapeType::Map => {
                let key = leaf(self.model, &shape.key.as_ref()?.shape);
                let value = self.tree(&shape.value.as_ref()?.shape)?;
                Some(PyValue::Dict(vec![(key, value)]))
            }
            _ => None,
        }
    }

    /// Whether `name` is an enum that gained values, directly or as the
    /// element, key or value of lists and maps.
    fn leads_to_extended_enum(&self, name: &str, depth: usize) -> bool {
        if depth > 32 {
            return false;
        }
        if self.additions.extended_enums.contains(name) {
            return true;
        }
        let Some(shape) = self.model.shapes.get(name) else {
            return false;
        };
        match shape.shape_type {
            ShapeType::List | ShapeType::Map => shape
                .member
                .iter()
                .chain(&shape.key)
                .chain(&shape.value)
                .any(|m| self.leads_to_extended_enum(&m.shape, depth + 1)),
            _ => false,
        }
    }
}

/// The whole type of a shape as a literal: structures as dicts of all their
/// members, lists as `[element]`, maps as `{key: value}`, leaves as type
/// words, enums as their values joined by ` | `.
fn full_type(model: &ServiceModel, name: &str, stack: &mut Vec<String>) -> PyValue {
    let Some(shape) = model.shapes.get(name) else {
        return PyValue::Leaf(format!("{name} (missing)"));
    };
    let recursive = shape.shape_type == ShapeType::Structure && stack.iter().any(|s| s == name);
    if recursive || stack.len() > 32 {
        return PyValue::Leaf(format!("{name} (recursive)"));
    }
    match shape.shape_type {
        ShapeType::Structure => {
            stack.push(name.to_string());
            let entries = shape
                .members
                .iter()
                .map(|(member_name, member)| {
                    (member_name.clone(), full_type(model, &member.shape, stack))
                })
                .collect();
            stack.pop();
            PyValue::Dict(entries)
        }
        ShapeType::List => match &shape.member {
            Some(member) => {
                stack.push(name.to_string());
                let element = full_type(model, &member.shape, stack);
                stack.pop();
                PyValue::List(Box::new(element))
            }
            None => PyValue::Leaf("list".to_string()),
        },
        ShapeType::Map => match (&shape.key, &shape.value) {
            (Some(key), Some(value)) => {
                stack.push(name.to_string());
                let value = full_type(model, &value.shape, stack);
                stack.pop();
                PyValue::Dict(vec![(leaf(model, &key.shape), value)])
            }
            _ => PyValue::Leaf("map".to_string()),
        },
        _ => PyValue::Leaf(leaf(model, name)),
    }
}

/// The leaf text of a scalar shape: its type word, or an enum's values.
fn leaf(model: &ServiceModel, name: &str) -> String {
    match model.shapes.get(name) {
        Some(shape) => match &shape.enum_values {
            Some(values) if !values.is_empty() => values
                .iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                .collect::<Vec<_>>()
                .join(" | "),
            _ => type_word(shape.shape_type).to_string(),
        },
        None => format!("{name} (missing)"),
    }
}
