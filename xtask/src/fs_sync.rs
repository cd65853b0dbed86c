//! Bringing a folder in line with a set of generated files, or reporting how it differs.
//!
//! Only paths the generator owns are touched: the files it emits, and stale
//! files under the `src/` folders it writes. Hand-written files beside them
//! (tests, CHANGELOG.md) are left alone.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// How one file on disk differs from what generation produced.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// The file does not exist yet.
    Added(PathBuf),
    /// The file exists with other contents.
    Modified(PathBuf),
    /// The file is under a generated folder but no longer generated.
    Removed(PathBuf),
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Change::Added(path) => write!(f, "added     {}", path.display()),
            Change::Modified(path) => write!(f, "modified  {}", path.display()),
            Change::Removed(path) => write!(f, "removed   {}", path.display()),
        }
    }
}

/// Compares `files` (relative to `root`) with the disk.
pub fn diff(root: &Path, files: &BTreeMap<String, String>) -> Result<Vec<Change>> {
    let mut changes = Vec::new();
    for (relative, contents) in files {
        let path = root.join(relative);
        match fs::read(&path) {
            Ok(existing) if existing == contents.as_bytes() => {}
            Ok(_) => changes.push(Change::Modified(path)),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                changes.push(Change::Added(path))
            }
            Err(err) => return Err(err).with_context(|| format!("reading {}", path.display())),
        }
    }
    let src = root.join("src");
    if src.is_dir() {
        for path in walk(&src)? {
            let relative = path
                .strip_prefix(root)
                .expect("walked paths are under the root")
                .to_string_lossy()
                .replace('\\', "/");
            if !files.contains_key(&relative) {
                changes.push(Change::Removed(path));
            }
        }
    }
    changes.sort();
    Ok(changes)
}

/// Applies `changes`, writing each file through a temporary sibling and a rename
/// so a reader never sees a half-written file.
pub fn apply(root: &Path, files: &BTreeMap<String, String>, changes: &[Change]) -> Result<()> {
    for change in changes {
        match change {
            Change::Added(path) | Change::Modified(path) => {
                let relative = path.strip_prefix(root).expect("changes are under the root");
                let key = relative.to_string_lossy().replace('\\', "/");
                let contents = &files[&key];
                if let Some(parent) = path.parent() {
                    fs::create_dir_all(parent)
                        .with_context(|| format!("creating {}", parent.display()))?;
                }
                let temporary = path.with_extension("xtask-tmp");
                fs::write(&temporary, contents)
                    .with_context(|| format!("writing {}", temporary.display()))?;
                fs::rename(&temporary, path)
                    .with_context(|| format!("renaming onto {}", path.display()))?;
            }
            Change::Removed(path) => {
                fs::remove_file(path).with_context(|| format!("removing {}", path.display()))?;
            }
        }
    }
    remove_empty_dirs(&root.join("src"))?;
    Ok(())
}

/// One file to write (`Some(contents)`) or delete (`None`).
pub type Write = (PathBuf, Option<String>);

/// Writes and deletes all of `writes` or, as far as the file system allows,
/// none: every new content is first written to a temporary sibling, and only
/// when all of them are written are they renamed into place and the deletions
/// made. A failure while staging removes the temporaries and leaves every
/// target untouched.
pub fn write_all_or_nothing(writes: &[Write]) -> Result<()> {
    fn stage<'a>(writes: &'a [Write], staged: &mut Vec<(PathBuf, &'a Path)>) -> Result<()> {
        for (path, contents) in writes {
            let Some(contents) = contents else { continue };
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)
                    .with_context(|| format!("creating {}", parent.display()))?;
            }
            let temporary = path.with_extension("xtask-tmp");
            fs::write(&temporary, contents)
                .with_context(|| format!("writing {}", temporary.display()))?;
            staged.push((temporary, path));
        }
        Ok(())
    }
    let mut staged = Vec::new();
    if let Err(err) = stage(writes, &mut staged) {
        for (temporary, _) in &staged {
            let _ = fs::remove_file(temporary);
        }
        return Err(err);
    }
    for (temporary, path) in &staged {
        fs::rename(temporary, path).with_context(|| format!("renaming onto {}", path.display()))?;
    }
    for (path, contents) in writes {
        if contents.is_none() && path.exists() {
            fs::remove_file(path).with_context(|| format!("removing {}", path.display()))?;
        }
    }
    Ok(())
}

/// The writes that bring `root` in line with `files`, from [`diff`]'s changes.
pub fn writes_for(root: &Path, files: &BTreeMap<String, String>, changes: &[Change]) -> Vec<Write> {
    changes
        .iter()
        .map(|change| match change {
            Change::Added(path) | Change::Modified(path) => {
                let relative = path.strip_prefix(root).expect("changes are under the root");
                let key = relative.to_string_lossy().replace('\\', "/");
                (path.clone(), Some(files[&key].clone()))
            }
            Change::Removed(path) => (path.clone(), None),
        })
        .collect()
}

/// Removes empty folders under `dir` (left behind by deleted files).
pub fn prune_empty_dirs(dir: &Path) -> Result<()> {
    remove_empty_dirs(dir)
}

fn walk(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(dir)
        .with_context(|| format!("listing {}", dir.display()))?
        .collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            paths.extend(walk(&path)?);
        } else {
            paths.push(path);
        }
    }
    Ok(paths)
}

fn remove_empty_dirs(dir: &Path) -> Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            remove_empty_dirs(&path)?;
            if fs::read_dir(&path)?.next().is_none() {
                fs::remove_dir(&path)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_then_apply_converges_and_keeps_hand_written_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("src/old")).unwrap();
        fs::write(root.join("src/old/stale.rs"), "stale").unwrap();
        fs::create_dir_all(root.join("tests")).unwrap();
        fs::write(root.join("tests/hand.rs"), "kept").unwrap();
        fs::write(root.join("src/lib.rs"), "old").unwrap();
        let files: BTreeMap<String, String> = [("src/lib.rs", "new"), ("src/types/mod.rs", "mod")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();

        let changes = diff(root, &files).unwrap();
        assert_eq!(
            changes,
            vec![
                Change::Added(root.join("src/types/mod.rs")),
                Change::Modified(root.join("src/lib.rs")),
                Change::Removed(root.join("src/old/stale.rs")),
            ]
        );
        apply(root, &files, &changes).unwrap();
        assert!(diff(root, &files).unwrap().is_empty());
        assert!(!root.join("src/old").exists());
        assert_eq!(
            fs::read_to_string(root.join("tests/hand.rs")).unwrap(),
            "kept"
        );
    }
}
