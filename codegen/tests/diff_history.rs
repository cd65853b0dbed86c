//! The model diff on API Gateway's real change history (67 versions, vendored
//! gzipped in `testdata/apigateway-history/`), plus properties on mutated models.

use std::io::Read;
use std::path::{Path, PathBuf};

use awsgen_codegen::diff::render::{render, Format};
use awsgen_codegen::diff::{diff_models, Bump, ChangeKind, ModelDiff};
use awsgen_codegen::model::{parse_service_model, ServiceModel};
use proptest::prelude::*;

fn history_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/apigateway-history")
}

fn history_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(history_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".json.gz"))
        .collect();
    files.sort();
    files
}

fn read_text(path: &Path) -> String {
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap())
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The history model whose file name starts with `prefix` (e.g. `003`), as
/// parsed model and as raw JSON.
fn history(prefix: &str) -> (ServiceModel, serde_json::Value) {
    let path = history_files()
        .into_iter()
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no history model {prefix}"));
    let text = read_text(&path);
    (
        parse_service_model(&text).unwrap(),
        serde_json::from_str(&text).unwrap(),
    )
}

/// Whether the dotted `path` names a value in `json`.
fn path_exists(json: &serde_json::Value, path: &str) -> bool {
    let mut value = json;
    for key in path.split('.') {
        match value.get(key) {
            Some(next) => value = next,
            None => return false,
        }
    }
    true
}

fn assert_paths_exist(diff: &ModelDiff, old: &serde_json::Value, new: &serde_json::Value) {
    for change in &diff.changes {
        assert!(
            path_exists(old, &change.path) || path_exists(new, &change.path),
            "{} ({:?}) names nothing in either model",
            change.path,
            change.kind
        );
    }
}

#[test]
fn every_consecutive_history_pair_diffs_and_renders() {
    let files = history_files();
    assert_eq!(files.len(), 67);
    let texts: Vec<String> = files.iter().map(|p| read_text(p)).collect();
    let models: Vec<ServiceModel> = texts
        .iter()
        .map(|t| parse_service_model(t).unwrap())
        .collect();
    let jsons: Vec<serde_json::Value> = texts
        .iter()
        .map(|t| serde_json::from_str(t).unwrap())
        .collect();
    let mut with_changes = 0;
    for i in 1..models.len() {
        let diff = diff_models(&models[i - 1], &models[i]);
        assert_paths_exist(&diff, &jsons[i - 1], &jsons[i]);
        for format in [Format::Text, Format::Markdown] {
            let out = render(&diff, format, "2020/01/01");
            assert!(
                out.starts_with("2020/01/01 - Amazon API Gateway") || out.starts_with("# 2020"),
                "{out}"
            );
        }
        let json: serde_json::Value =
            serde_json::from_str(&render(&diff, Format::Json, "2020/01/01")).unwrap();
        assert_eq!(json["summary"]["changes"], diff.changes.len());
        // Every change reached from an operation is listed under one that reaches it.
        for op in &diff.operations {
            for path in &op.changes {
                assert!(diff.changes.iter().any(|c| &c.path == path), "{path}");
            }
        }
        with_changes += usize::from(!diff.is_empty());
    }
    // Three pairs (010→011, 011→012, 016→017) are the same JSON; every other one has changes.
    assert_eq!(with_changes, 63);
}

#[test]
fn a_model_diffed_with_itself_is_empty() {
    for path in history_files() {
        let model = parse_service_model(&read_text(&path)).unwrap();
        let diff = diff_models(&model, &model);
        assert!(diff.is_empty(), "{}: {:?}", path.display(), diff.changes);
        assert_eq!(diff.bump, None);
        assert!(diff.operations.is_empty());
    }
}

fn snapshot_all_formats(name: &str, old: &str, new: &str, date: &str) -> ModelDiff {
    let (old, _) = history(old);
    let (new, _) = history(new);
    let diff = diff_models(&old, &new);
    for (format, suffix) in [
        (Format::Text, "text"),
        (Format::Markdown, "markdown"),
        (Format::Json, "json"),
    ] {
        insta::assert_snapshot!(format!("{name}_{suffix}"), render(&diff, format, date));
    }
    diff
}

#[test]
fn stage_variables_2015_10_28_to_2015_11_10() {
    let diff = snapshot_all_formats("stage_variables", "002", "003", "2015/11/10");
    assert_eq!(diff.bump, Some(Bump::Minor));
    let text = render(&diff, Format::Text, "2015/11/10");
    assert!(text
        .contains("GetStage (updated)\nChanges (response)\n{'variables': {'string': 'string'}}"));
    assert!(text.contains(
        "GetStages (updated)\nChanges (response)\n{'item': {'variables': {'string': 'string'}}}"
    ));
}

#[test]
fn stage_variables_removed_going_back_is_major() {
    let diff = snapshot_all_formats("stage_variables_removed", "003", "002", "2015/11/10");
    assert_eq!(diff.bump, Some(Bump::Major));
    assert!(
        diff.changes
            .iter()
            .any(|c| c.kind == ChangeKind::MemberRemoved
                && c.path == "shapes.Stage.members.variables")
    );
}

#[test]
fn errors_no_longer_documented_2021_08_12_to_2021_08_23() {
    let diff = snapshot_all_formats("errors_removed", "048", "049", "2021/08/23");
    assert_eq!(diff.bump, Some(Bump::Major));
}

#[test]
fn a_shape_renamed_with_the_same_rust_name_is_not_breaking() {
    // 2016-09-22 renamed the patch `op` enum shape to `Op`.
    let diff = snapshot_all_formats("op_renamed", "009", "010", "2016/09/22");
    assert_eq!(diff.bump, Some(Bump::Minor));
    assert!(diff
        .changes
        .iter()
        .any(|c| c.kind == ChangeKind::ShapeRenamed && c.path == "shapes.Op"));
    assert!(!diff
        .changes
        .iter()
        .any(|c| c.kind == ChangeKind::ShapeRemoved));
}

#[test]
fn new_operations_are_written_out_whole() {
    let diff = snapshot_all_formats("new_operations", "003", "004", "2016/02/11");
    assert!(diff.new_operations().count() >= 1);
}

/// One edit of a model, chosen by index so proptest can shrink it.
#[derive(Debug, Clone)]
enum Edit {
    RemoveMember(usize),
    AddMember(usize),
    RetypeMember(usize),
    ToggleRequired(usize),
    AddEnumValue(usize),
    RemoveEnumValue(usize),
    RebindMember(usize),
    RemoveOperation(usize),
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<usize>().prop_map(Edit::RemoveMember),
        any::<usize>().prop_map(Edit::AddMember),
        any::<usize>().prop_map(Edit::RetypeMember),
        any::<usize>().prop_map(Edit::ToggleRequired),
        any::<usize>().prop_map(Edit::AddEnumValue),
        any::<usize>().prop_map(Edit::RemoveEnumValue),
        any::<usize>().prop_map(Edit::RebindMember),
        any::<usize>().prop_map(Edit::RemoveOperation),
    ]
}

/// Applies `edit` to the model JSON; returns the change kind the diff must
/// report, or `None` when the model had nothing to apply it to.
fn apply(json: &mut serde_json::Value, edit: &Edit) -> Option<ChangeKind> {
    let shapes = json["shapes"].as_object_mut().unwrap();
    let pick =
        |names: Vec<String>, i: usize| (!names.is_empty()).then(|| names[i % names.len()].clone());
    let structures: Vec<String> = shapes
        .iter()
        .filter(|(_, s)| {
            s["type"] == "structure" && s["members"].as_object().is_some_and(|m| !m.is_empty())
        })
        .map(|(n, _)| n.clone())
        .collect();
    let enums: Vec<String> = shapes
        .iter()
        .filter(|(_, s)| s["enum"].is_array())
        .map(|(n, _)| n.clone())
        .collect();
    let first_member = |shape: &serde_json::Value, i: usize| {
        let members = shape["members"].as_object().unwrap();
        members.keys().nth(i % members.len()).unwrap().clone()
    };
    match *edit {
        Edit::RemoveMember(i) => {
            let name = pick(structures, i)?;
            let member = first_member(&shapes[&name], i / 7);
            shapes[&name]["members"]
                .as_object_mut()
                .unwrap()
                .remove(&member);
            Some(ChangeKind::MemberRemoved)
        }
        Edit::AddMember(i) => {
            let name = pick(structures, i)?;
            shapes.insert(
                "ZzAddedString".into(),
                serde_json::json!({"type": "string"}),
            );
            shapes[&name]["members"]["zzAdded"] = serde_json::json!({"shape": "ZzAddedString"});
            Some(ChangeKind::MemberAdded)
        }
        Edit::RetypeMember(i) => {
            let name = pick(structures, i)?;
            let member = first_member(&shapes[&name], i / 7);
            shapes.insert("ZzDistinctByte".into(), serde_json::json!({"type": "byte"}));
            let target = &mut shapes[&name]["members"][&member]["shape"];
            if target == "ZzDistinctByte" {
                return None;
            }
            *target = "ZzDistinctByte".into();
            Some(ChangeKind::MemberTypeChanged)
        }
        Edit::ToggleRequired(i) => {
            let name = pick(structures, i)?;
            let member = first_member(&shapes[&name], i / 7);
            let shape = shapes[&name].as_object_mut().unwrap();
            let required = shape
                .entry("required")
                .or_insert_with(|| serde_json::json!([]));
            let list = required.as_array_mut().unwrap();
            if let Some(at) = list
                .iter()
                .position(|m| m == &serde_json::Value::from(member.clone()))
            {
                list.remove(at);
                // With none left, `build()` stops returning a `Result`.
                if list.is_empty() {
                    Some(ChangeKind::BuildBecameInfallible)
                } else {
                    Some(ChangeKind::RequiredRemoved)
                }
            } else {
                list.push(member.into());
                Some(ChangeKind::RequiredAdded)
            }
        }
        Edit::AddEnumValue(i) => {
            let name = pick(enums, i)?;
            shapes[&name]["enum"]
                .as_array_mut()
                .unwrap()
                .push("ZZ_NEW_VALUE".into());
            Some(ChangeKind::EnumValueAdded)
        }
        Edit::RemoveEnumValue(i) => {
            let name = pick(enums, i)?;
            let values = shapes[&name]["enum"].as_array_mut().unwrap();
            if values.len() < 2 {
                return None;
            }
            values.remove(i % values.len());
            Some(ChangeKind::EnumValueRemoved)
        }
        Edit::RebindMember(i) => {
            let name = pick(structures, i)?;
            let member = first_member(&shapes[&name], i / 7);
            shapes[&name]["members"][&member]["locationName"] = "zz-rebound".into();
            Some(ChangeKind::BindingChanged)
        }
        Edit::RemoveOperation(i) => {
            let operations = json["operations"].as_object_mut().unwrap();
            let name = operations.keys().nth(i % operations.len()).unwrap().clone();
            operations.remove(&name);
            Some(ChangeKind::OperationRemoved)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Every edit is found, with a path that exists in one of the models, and
    /// classified; diffing the edited model with itself stays empty.
    #[test]
    fn edits_are_found_at_paths_that_exist(edit in edit_strategy()) {
        let (old, old_json) = history("067");
        let mut new_json = old_json.clone();
        let Some(expected) = apply(&mut new_json, &edit) else {
            return Ok(());
        };
        let new: ServiceModel = parse_service_model(&new_json.to_string()).unwrap();
        let diff = diff_models(&old, &new);
        assert_paths_exist(&diff, &old_json, &new_json);
        prop_assert!(diff.changes.iter().any(|c| c.kind == expected), "{expected:?} not in {:?}", diff.changes);
        let breaking = matches!(expected, ChangeKind::MemberRemoved | ChangeKind::EnumValueRemoved
            | ChangeKind::MemberTypeChanged | ChangeKind::OperationRemoved | ChangeKind::RequiredAdded
            | ChangeKind::BuildBecameInfallible);
        let expected_bump = if breaking {
            Bump::Major
        } else if matches!(expected, ChangeKind::MemberAdded | ChangeKind::EnumValueAdded) {
            Bump::Minor
        } else {
            Bump::Patch
        };
        prop_assert_eq!(diff.bump, Some(expected_bump));
        prop_assert!(diff_models(&new, &new).is_empty());
        // And back: what was added is now removed, and the other way round.
        let back = diff_models(&new, &old);
        assert_paths_exist(&back, &new_json, &old_json);
        prop_assert!(!back.is_empty());
    }
}
