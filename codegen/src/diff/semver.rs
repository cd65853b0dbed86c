//! What each kind of model change means for the generated crate's semver.
//!
//! The generated crate is designed so that what AWS adds every week is not
//! breaking: structs, enums and error enums are `#[non_exhaustive]`, every
//! member is an `Option`, enums keep unknown values. So new optional members,
//! operations, enum values and errors are *minor*. Removing or retyping
//! anything public is *major*, as is an operation's first documented error
//! (its error type stops being the shared `OperationError`). One class is
//! major without any item changing: a newly required member makes existing
//! `build()` calls fail at run time, which `cargo-semver-checks` cannot see
//! ([`Basis::Behaviour`]).

use std::fmt;

use serde::Serialize;

use super::ChangeKind;

/// A semver bump, ordered from least to most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bump {
    /// Nothing public changes in a way code can tell apart at compile time;
    /// documentation, wire details or internals do.
    Patch,
    /// Something public is added.
    Minor,
    /// Code that compiled and worked before may stop doing so.
    Major,
}

impl Bump {
    /// `patch`, `minor` or `major`.
    pub fn as_str(self) -> &'static str {
        match self {
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        }
    }
}

impl fmt::Display for Bump {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which part of the generated crate a change touches, and so who can see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Public Rust items: types, fields, variants, methods. `cargo-semver-checks` sees these.
    Api,
    /// Run-time behaviour of unchanged items (what `build()` accepts, what `Debug` prints).
    Behaviour,
    /// What goes over HTTP; the Rust API is unchanged.
    Wire,
    /// Documentation only.
    Docs,
    /// Nothing in the generated crate changes (say, a list shape renamed).
    Internal,
}

impl Basis {
    /// `api`, `behaviour`, `wire`, `docs` or `internal`.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Api => "api",
            Basis::Behaviour => "behaviour",
            Basis::Wire => "wire",
            Basis::Docs => "docs",
            Basis::Internal => "internal",
        }
    }
}

/// The bump a change of `kind` calls for, and its basis.
///
/// Shape additions and removals depend on whether the shape becomes a Rust
/// type; `named` says so (structures, unions, errors, string enums).
pub fn classify(kind: ChangeKind, named: bool) -> (Bump, Basis) {
    use ChangeKind::*;
    match kind {
        OperationAdded | ErrorAdded | MemberAdded | EnumValueAdded | DeprecationAdded => {
            (Bump::Minor, Basis::Api)
        }
        ShapeAdded if named => (Bump::Minor, Basis::Api),
        ShapeAdded => (Bump::Patch, Basis::Internal),
        OperationRemoved
        | ErrorRemoved
        | FirstErrorAdded
        | MemberRemoved
        | EnumValueRemoved
        | ShapeKindChanged
        | MemberTypeChanged
        | RustNameChanged
        | OperationShapeChanged
        | BuildBecameInfallible => (Bump::Major, Basis::Api),
        ShapeRemoved if named => (Bump::Major, Basis::Api),
        ShapeRemoved => (Bump::Patch, Basis::Internal),
        RequiredMemberAdded | RequiredAdded | ProtocolChanged => (Bump::Major, Basis::Behaviour),
        RequiredRemoved | SensitivityChanged => (Bump::Patch, Basis::Behaviour),
        DeprecationRemoved => (Bump::Patch, Basis::Api),
        HttpBindingChanged | BindingChanged | WireFormatChanged | ErrorTraitChanged
        | MetadataChanged => (Bump::Patch, Basis::Wire),
        ShapeRenamed | MemberTargetRenamed | OperationShapeRenamed | ConstraintChanged => {
            (Bump::Patch, Basis::Internal)
        }
        DocumentationChanged => (Bump::Patch, Basis::Docs),
    }
}

/// Why a version string could not be bumped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{version:?} is not a MAJOR.MINOR.PATCH version")]
pub struct BadVersion {
    /// The offending text.
    pub version: String,
}

/// Applies `bump` to a `MAJOR.MINOR.PATCH` version the way Cargo reads semver:
/// below 1.0.0 the minor number is the breaking one (`0.3.1` + major →
/// `0.4.0`, + minor or patch → `0.3.2`).
pub fn bump_version(version: &str, bump: Bump) -> Result<String, BadVersion> {
    let bad = || BadVersion {
        version: version.to_string(),
    };
    let parts: Vec<u64> = version
        .trim()
        .split('.')
        .map(|part| {
            // Leading zeros and signs are not semver.
            if part.is_empty() || (part.len() > 1 && part.starts_with('0')) {
                return None;
            }
            part.parse().ok()
        })
        .collect::<Option<_>>()
        .ok_or_else(bad)?;
    let [major, minor, patch] = parts[..] else {
        return Err(bad());
    };
    let next = match (major, bump) {
        (0, Bump::Major) => (0, minor + 1, 0),
        (0, _) => (0, minor, patch + 1),
        (_, Bump::Major) => (major + 1, 0, 0),
        (_, Bump::Minor) => (major, minor + 1, 0),
        (_, Bump::Patch) => (major, minor, patch + 1),
    };
    Ok(format!("{}.{}.{}", next.0, next.1, next.2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bumps_follow_cargo_semver() {
        let cases = [
            ("0.1.0", Bump::Patch, "0.1.1"),
            ("0.1.0", Bump::Minor, "0.1.1"),
            ("0.1.3", Bump::Major, "0.2.0"),
            ("1.2.3", Bump::Patch, "1.2.4"),
            ("1.2.3", Bump::Minor, "1.3.0"),
            ("1.2.3", Bump::Major, "2.0.0"),
        ];
        for (from, bump, to) in cases {
            assert_eq!(bump_version(from, bump).unwrap(), to, "{from} + {bump}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_version() {
        for bad in [
            "",
            "1",
            "1.2",
            "1.2.3.4",
            "a.b.c",
            "01.2.3",
            "1.-2.3",
            "1.2.3-beta",
        ] {
            assert!(bump_version(bad, Bump::Patch).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn additions_are_minor_and_removals_major() {
        use ChangeKind::*;
        for kind in [OperationAdded, ErrorAdded, MemberAdded, EnumValueAdded] {
            assert_eq!(classify(kind, true), (Bump::Minor, Basis::Api), "{kind:?}");
        }
        for kind in [
            OperationRemoved,
            ErrorRemoved,
            FirstErrorAdded,
            MemberRemoved,
            EnumValueRemoved,
        ] {
            assert_eq!(classify(kind, true), (Bump::Major, Basis::Api), "{kind:?}");
        }
        assert_eq!(classify(ShapeAdded, false).0, Bump::Patch);
        assert_eq!(
            classify(DocumentationChanged, true),
            (Bump::Patch, Basis::Docs)
        );
    }
}
