//! The generator's error type: every problem names where in the model it is.

use std::fmt;

/// One problem found in a model, with the JSON path of the offending value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// JSON path, e.g. `shapes.Stage.members.variables.shape`.
    pub path: String,
    /// What is wrong there.
    pub message: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "(document)"
        } else {
            &self.path
        };
        write!(f, "{path}: {}", self.message)
    }
}

/// Why a model could not be turned into Rust.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// The document is not JSON of the botocore shape.
    #[error("{}", Problem::new(path.clone(), message.clone()))]
    Parse {
        /// JSON path of the value that failed to parse.
        path: String,
        /// The parser's message.
        message: String,
    },
    /// The document parsed but is inconsistent; every problem found is listed.
    #[error("{}", render_problems(.0))]
    Invalid(Vec<Problem>),
    /// The emitted tokens did not form a Rust file (a generator bug, not a model bug).
    #[error("internal error while emitting {file}: {message}")]
    Emit {
        /// The file being emitted.
        file: String,
        /// What went wrong.
        message: String,
    },
}

fn render_problems(problems: &[Problem]) -> String {
    let lines: Vec<String> = problems.iter().map(Problem::to_string).collect();
    format!(
        "the model has {} problem{}:\n{}",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" },
        lines.join("\n")
    )
}
