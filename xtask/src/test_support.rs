//! Helpers shared by the xtask tests: scratch copies of the repository.

use std::fs;
use std::path::{Path, PathBuf};

use crate::codegen::workspace_root;

/// The vendored services a scratch repository holds: API Gateway, which most
/// tests edit, and two more, so that tests of one service beside others have
/// others. Not all of them: every `codegen` run in a test regenerates what the
/// scratch repository holds, and EC2 alone takes longer than these three.
pub const SCRATCH_SERVICES: [&str; 3] = ["apigateway", "kms", "sqs"];

/// A scratch repository holding a copy of [`SCRATCH_SERVICES`]' `model/` and
/// `generated/` folders.
pub fn scratch_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = workspace_root();
    for service in SCRATCH_SERVICES {
        copy_tree(
            &root.join("model").join(service),
            &dir.path().join("model").join(service),
        );
        copy_tree(
            &root.join("generated").join(service),
            &dir.path().join("generated").join(service),
        );
    }
    dir
}

pub fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

pub fn snapshot_tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(next) = stack.pop() {
        for entry in fs::read_dir(&next).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push((path.clone(), fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

pub fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}
