//! JMESPath, as botocore's models use it: waiter acceptors' `argument`,
//! operations' `operationContextParams` paths, and paginators' tokens and
//! result keys.
//!
//! [`parse`] reads the whole grammar as jmespath.py (the library botocore
//! evaluates with) reads it, into an [`Expr`] tree of the same shape, so
//! precedence and projections behave the same; errors name the position.
//! [`compile`] turns a tree into Rust over a generated crate's types,
//! resolving member names through the IR when generating, so a name the
//! model does not have is an error here and not a silent `null` at run time.

mod compile;
mod lexer;
mod parser;

use std::fmt;

pub use compile::{compile, compile_value, literal_tokens, CompileError, Compiled, Kind};
pub use parser::parse;

/// A parse error: what was wrong, and where (a character offset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// The expression that failed to parse.
    pub expression: String,
    /// The character offset of the problem, from 0.
    pub position: usize,
    /// What is wrong there.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at position {} of {:?}",
            self.message, self.position, self.expression
        )
    }
}

impl std::error::Error for ParseError {}

/// The comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Comparator {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl Comparator {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Eq => "==",
            Comparator::Ne => "!=",
            Comparator::Lt => "<",
            Comparator::Le => "<=",
            Comparator::Gt => ">",
            Comparator::Ge => ">=",
        }
    }
}

/// A parsed expression, node for node as jmespath.py's parser builds it
/// (sub-expressions and index expressions nest to the left instead of
/// listing their parts, which evaluates the same).
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// `@`, and the implicit right-hand side of a projection with none.
    Identity,
    /// A member name, quoted or not.
    Field {
        /// The name.
        name: String,
        /// Where it starts in the expression (a character offset).
        position: usize,
    },
    /// `left.right`: `right` evaluated on what `left` gives.
    Subexpression(Box<Expr>, Box<Expr>),
    /// `[n]` (only as the right side of an [`Expr::IndexExpression`]).
    Index(i64),
    /// `[start:stop:step]` (only as the right side of an [`Expr::IndexExpression`]).
    Slice {
        /// Where to start.
        start: Option<i64>,
        /// Where to stop (exclusive).
        stop: Option<i64>,
        /// The step; never 0.
        step: Option<i64>,
    },
    /// `left[index]` or `left[slice]`.
    IndexExpression(Box<Expr>, Box<Expr>),
    /// A list projection: `right` of each element of the list `left` gives,
    /// `null`s left out (`[*]`, `[]`, and a slice).
    Projection(Box<Expr>, Box<Expr>),
    /// An object projection (`.*`): `right` of each value of the object `left` gives.
    ValueProjection(Box<Expr>, Box<Expr>),
    /// `left[?condition].right`: a projection of the elements whose condition is true.
    FilterProjection {
        /// The list.
        left: Box<Expr>,
        /// What is taken of each element kept.
        right: Box<Expr>,
        /// The condition, evaluated on each element.
        condition: Box<Expr>,
    },
    /// `left[]` before a projection: the list with its lists spliced in.
    Flatten(Box<Expr>),
    /// `left <op> right`.
    Comparison(Comparator, Box<Expr>, Box<Expr>),
    /// `left || right`.
    Or(Box<Expr>, Box<Expr>),
    /// `left && right`.
    And(Box<Expr>, Box<Expr>),
    /// `!expression`.
    Not(Box<Expr>),
    /// A literal: `` `json` `` or `'raw string'`.
    Literal(serde_json::Value),
    /// `[a, b]`.
    MultiSelectList(Vec<Expr>),
    /// `{key: a, other: b}`.
    MultiSelectHash(Vec<(String, Expr)>),
    /// `name(arguments)`.
    Function {
        /// The function's name.
        name: String,
        /// The arguments.
        args: Vec<Expr>,
        /// Where the name starts (a character offset).
        position: usize,
    },
    /// `&expression`, an argument of `sort_by` and its kind.
    ExpressionReference(Box<Expr>),
    /// `left | right`.
    Pipe(Box<Expr>, Box<Expr>),
}

impl Expr {
    /// The tree as an S-expression, for tests and messages:
    /// `(project (flatten (field Reservations)) (field State))`.
    pub fn to_sexpr(&self) -> String {
        let two =
            |name: &str, a: &Expr, b: &Expr| format!("({name} {} {})", a.to_sexpr(), b.to_sexpr());
        match self {
            Expr::Identity => "@".to_owned(),
            Expr::Field { name, .. } => format!("(field {name})"),
            Expr::Subexpression(a, b) => two("sub", a, b),
            Expr::Index(index) => format!("(index {index})"),
            Expr::Slice { start, stop, step } => {
                let part = |p: &Option<i64>| p.map_or("_".to_owned(), |v| v.to_string());
                format!("(slice {} {} {})", part(start), part(stop), part(step))
            }
            Expr::IndexExpression(a, b) => two("index-of", a, b),
            Expr::Projection(a, b) => two("project", a, b),
            Expr::ValueProjection(a, b) => two("project-values", a, b),
            Expr::FilterProjection {
                left,
                right,
                condition,
            } => format!(
                "(filter {} {} {})",
                left.to_sexpr(),
                condition.to_sexpr(),
                right.to_sexpr()
            ),
            Expr::Flatten(inner) => format!("(flatten {})", inner.to_sexpr()),
            Expr::Comparison(op, a, b) => two(op.symbol(), a, b),
            Expr::Or(a, b) => two("||", a, b),
            Expr::And(a, b) => two("&&", a, b),
            Expr::Not(inner) => format!("(! {})", inner.to_sexpr()),
            Expr::Literal(value) => format!("`{value}`"),
            Expr::MultiSelectList(items) => {
                let items: Vec<String> = items.iter().map(Expr::to_sexpr).collect();
                format!("(list {})", items.join(" "))
            }
            Expr::MultiSelectHash(pairs) => {
                let pairs: Vec<String> = pairs
                    .iter()
                    .map(|(key, value)| format!("{key}={}", value.to_sexpr()))
                    .collect();
                format!("(hash {})", pairs.join(" "))
            }
            Expr::Function { name, args, .. } => {
                let args: Vec<String> = args.iter().map(Expr::to_sexpr).collect();
                if args.is_empty() {
                    format!("({name})")
                } else {
                    format!("({name} {})", args.join(" "))
                }
            }
            Expr::ExpressionReference(inner) => format!("(& {})", inner.to_sexpr()),
            Expr::Pipe(a, b) => two("|", a, b),
        }
    }
}

#[cfg(test)]
mod tests;
