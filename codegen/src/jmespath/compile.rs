//! Typed compilation: an [`Expr`] over an operation's input or output
//! becomes a Rust expression over the generated types.
//!
//! Member names are the model's (botocore evaluates expressions against the
//! parsed response, keyed by member names) and are resolved through the IR
//! here: a name the shape does not have, or a step that can only ever give
//! `null` (a member of a list, a projection of a structure), is a
//! [`CompileError`]. While the value's type is known the code stays typed
//! (`Option<&T>` chains, `Vec<&T>` for projections); it turns into the
//! runtime's JMESPath `Value` only where the expression needs a value of no
//! fixed type: comparisons, `||`, `&&`, `!`, function arguments, and a
//! result the caller asks for as a value. Structures, blobs and timestamps
//! have no such value (botocore's would be a dict, bytes, a datetime), and
//! asking for one is an error; `length()` of a list of structures is fine,
//! since it needs only the count.
//!
//! A waiter's acceptor wants a `Value` ([`compile_value`]); a paginator's
//! output token or an endpoint's `operationContextParams` path can use the
//! typed result of [`compile`]: `NextToken` over an output gives
//! [`Kind::Ref`]`(RustType::String)`, tokens of type `Option<&String>`;
//! `TransactItems[*].Get.TableName` over an input gives
//! [`Kind::Refs`]`(RustType::String)`, an `Option<Vec<&String>>`.

use std::cell::Cell;
use std::fmt;

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::{Comparator, Expr};
use crate::emit::rust_types::{ident, type_path};
use crate::ir::{RustType, Service, TypeDef, TypeKind};

/// Why an expression could not be compiled: what, and where when a name or
/// function is to blame (a character offset into the expression).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    /// The character offset of the name or function at fault, when there is one.
    pub position: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl CompileError {
    fn new(message: impl Into<String>) -> Self {
        CompileError {
            position: None,
            message: message.into(),
        }
    }

    fn at(position: usize, message: impl Into<String>) -> Self {
        CompileError {
            position: Some(position),
            message: message.into(),
        }
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some(position) => write!(f, "{} (at position {position})", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for CompileError {}

/// What a compiled expression's tokens evaluate to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// `&'a T`: a value that is certainly there (the root, a projected element).
    Known(RustType),
    /// `Option<&'a T>`: a member's value, `None` for `null`.
    Ref(RustType),
    /// `Option<Vec<&'a T>>`: a list the expression made (a projection, a
    /// flatten), each element present; `None` for `null`.
    Refs(RustType),
    /// `Option<Vec<Vec<&'a T>>>`: a projection's lists, one per element
    /// (`a[*].b[*]`, before a `[]` flattens them); `None` for `null`.
    Nested(RustType),
    /// `::awsgen_runtime::client::jmespath::Value<'a>`.
    Value,
}

/// A compiled expression: Rust tokens and what they evaluate to.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// The Rust expression.
    pub tokens: TokenStream,
    /// Its type.
    pub kind: Kind,
}

type Result<T> = std::result::Result<T, CompileError>;

/// Compiles `expr` against `root_value`, an expression of type `&T` where
/// `T` is the Rust type of `root` (an operation's input or output).
pub fn compile(
    expr: &Expr,
    root: &RustType,
    root_value: TokenStream,
    service: &Service,
) -> Result<Compiled> {
    let compiler = Compiler {
        service,
        next: Cell::new(0),
    };
    compiler.compile(
        expr,
        Compiled {
            tokens: root_value,
            kind: Kind::Known(root.clone()),
        },
    )
}

/// Compiles `expr` like [`compile`], to tokens of the runtime's JMESPath `Value`.
pub fn compile_value(
    expr: &Expr,
    root: &RustType,
    root_value: TokenStream,
    service: &Service,
) -> Result<TokenStream> {
    let compiler = Compiler {
        service,
        next: Cell::new(0),
    };
    let compiled = compiler.compile(
        expr,
        Compiled {
            tokens: root_value,
            kind: Kind::Known(root.clone()),
        },
    )?;
    compiler.to_value(compiled)
}

/// `tokens` ready to take a method call: in parentheses unless they start
/// with a name or a path (a block, `match`, `if` or a prefix operator would
/// otherwise swallow the call or change its meaning).
fn recv(tokens: &TokenStream) -> TokenStream {
    let plain = match tokens.clone().into_iter().next() {
        Some(proc_macro2::TokenTree::Ident(name)) => name != "match" && name != "if",
        Some(proc_macro2::TokenTree::Punct(punct)) => punct.as_char() == ':',
        _ => false,
    };
    if plain {
        tokens.clone()
    } else {
        quote!((#tokens))
    }
}

fn value_type() -> TokenStream {
    quote!(::awsgen_runtime::client::jmespath::Value)
}

/// Tokens building a JSON literal as the runtime's JMESPath `Value`.
pub fn literal_tokens(json: &serde_json::Value) -> TokenStream {
    let value = value_type();
    match json {
        serde_json::Value::Null => quote!(#value::Null),
        serde_json::Value::Bool(b) => quote!(#value::Bool(#b)),
        serde_json::Value::Number(number) => match number.as_f64().filter(|n| n.is_finite()) {
            Some(n) => {
                let n = Literal::f64_suffixed(n);
                quote!(#value::Number(#n))
            }
            None => quote!(#value::Null),
        },
        serde_json::Value::String(text) => {
            quote!(#value::String(::std::borrow::Cow::Borrowed(#text)))
        }
        serde_json::Value::Array(items) => {
            let items = items.iter().map(literal_tokens);
            quote!(#value::Array(::std::vec![#(#items),*]))
        }
        serde_json::Value::Object(entries) => {
            let entries = entries.iter().map(|(key, value)| {
                let value = literal_tokens(value);
                quote!((::std::borrow::Cow::Borrowed(#key), #value))
            });
            quote!(#value::Object(::std::vec![#(#entries),*]))
        }
    }
}

/// Whether evaluating `expr` reads the current node (everything but literals
/// and what is built from them alone).
fn reads_current(expr: &Expr) -> bool {
    match expr {
        Expr::Literal(_) | Expr::ExpressionReference(_) => false,
        Expr::Comparison(_, a, b) | Expr::Or(a, b) | Expr::And(a, b) => {
            reads_current(a) || reads_current(b)
        }
        Expr::Not(inner) | Expr::Flatten(inner) => reads_current(inner),
        Expr::MultiSelectList(items) => items.iter().any(reads_current),
        Expr::MultiSelectHash(pairs) => pairs.iter().any(|(_, value)| reads_current(value)),
        Expr::Function { args, .. } => args.iter().any(reads_current),
        Expr::Subexpression(left, _)
        | Expr::IndexExpression(left, _)
        | Expr::Pipe(left, _)
        | Expr::Projection(left, _)
        | Expr::ValueProjection(left, _)
        | Expr::FilterProjection { left, .. } => reads_current(left),
        Expr::Identity | Expr::Field { .. } | Expr::Index(_) | Expr::Slice { .. } => true,
    }
}

/// How a typed projection sees each element.
enum Element {
    /// `&T`.
    Ref(RustType),
    /// `Vec<&T>`, an element of a [`Kind::Nested`].
    Refs(RustType),
}

/// The built-in functions: name, fewest and most arguments (`None`: any number).
const FUNCTIONS: &[(&str, usize, Option<usize>)] = &[
    ("abs", 1, Some(1)),
    ("avg", 1, Some(1)),
    ("ceil", 1, Some(1)),
    ("contains", 2, Some(2)),
    ("ends_with", 2, Some(2)),
    ("floor", 1, Some(1)),
    ("join", 2, Some(2)),
    ("keys", 1, Some(1)),
    ("length", 1, Some(1)),
    ("max", 1, Some(1)),
    ("merge", 1, None),
    ("min", 1, Some(1)),
    ("not_null", 1, None),
    ("reverse", 1, Some(1)),
    ("sort", 1, Some(1)),
    ("starts_with", 2, Some(2)),
    ("sum", 1, Some(1)),
    ("to_array", 1, Some(1)),
    ("to_number", 1, Some(1)),
    ("to_string", 1, Some(1)),
    ("type", 1, Some(1)),
    ("values", 1, Some(1)),
];

/// Functions of JMESPath that take an expression reference, which the
/// compiler does not support (no model uses them).
const EXPREF_FUNCTIONS: &[&str] = &["map", "max_by", "min_by", "sort_by"];

struct Compiler<'s> {
    service: &'s Service,
    next: Cell<usize>,
}

impl Compiler<'_> {
    fn fresh(&self, stem: &str) -> Ident {
        let n = self.next.get();
        self.next.set(n + 1);
        format_ident!("{stem}{n}")
    }

    fn type_def(&self, shape: &str) -> Result<&TypeDef> {
        self.service
            .types
            .get(shape)
            .ok_or_else(|| CompileError::new(format!("the crate has no type for shape `{shape}`")))
    }

    fn is_enum(&self, ty: &RustType) -> bool {
        matches!(ty, RustType::Named(name)
            if matches!(self.service.types.get(name).map(|t| &t.kind), Some(TypeKind::Enum(_))))
    }

    /// How a message names a type.
    fn describe(&self, ty: &RustType) -> String {
        match ty {
            RustType::String => "a string".into(),
            RustType::Bool => "a boolean".into(),
            RustType::Byte
            | RustType::Short
            | RustType::Integer
            | RustType::Long
            | RustType::Float
            | RustType::Double
            | RustType::BigInteger
            | RustType::BigDecimal => "a number".into(),
            RustType::Timestamp => "a timestamp".into(),
            RustType::Blob => "a blob".into(),
            RustType::Document => "a document".into(),
            RustType::Named(name) => match self.service.types.get(name).map(|t| &t.kind) {
                Some(TypeKind::Enum(_)) => format!("the string enum `{name}`"),
                Some(TypeKind::Union(_)) => format!("the union `{name}`"),
                _ => format!("the structure `{name}`"),
            },
            RustType::List(inner) => format!("a list of {}", self.describe(inner)),
            RustType::Map(_, value) => format!("a map of {}", self.describe(value)),
        }
    }

    fn describe_kind(&self, kind: &Kind) -> String {
        match kind {
            Kind::Known(ty) | Kind::Ref(ty) => self.describe(ty),
            Kind::Refs(ty) => format!("a list of {}", self.describe(ty)),
            Kind::Nested(ty) => format!("a list of lists of {}", self.describe(ty)),
            Kind::Value => "a value".into(),
        }
    }

    fn compile(&self, expr: &Expr, base: Compiled) -> Result<Compiled> {
        match expr {
            Expr::Identity => Ok(base),
            Expr::Field { name, position } => self.field(name, *position, base),
            Expr::Subexpression(left, right)
            | Expr::IndexExpression(left, right)
            | Expr::Pipe(left, right) => {
                let left = self.compile(left, base)?;
                self.compile(right, left)
            }
            Expr::Index(index) => self.index(*index, base),
            Expr::Slice { start, stop, step } => self.slice(*start, *stop, *step, base),
            Expr::Flatten(inner) => {
                let inner = self.compile(inner, base)?;
                self.flatten(inner)
            }
            Expr::Projection(left, right) => {
                let left = self.compile(left, base)?;
                self.project(left, None, right)
            }
            Expr::FilterProjection {
                left,
                right,
                condition,
            } => {
                let left = self.compile(left, base)?;
                self.project(left, Some(condition), right)
            }
            Expr::ValueProjection(left, right) => {
                let left = self.compile(left, base)?;
                self.project_values(left, right)
            }
            Expr::Literal(json) => Ok(Compiled {
                tokens: literal_tokens(json),
                kind: Kind::Value,
            }),
            Expr::Comparison(op, left, right) => {
                let op = ident(match op {
                    Comparator::Eq => "Eq",
                    Comparator::Ne => "Ne",
                    Comparator::Lt => "Lt",
                    Comparator::Le => "Le",
                    Comparator::Gt => "Gt",
                    Comparator::Ge => "Ge",
                });
                self.with_shared(base, &[left, right], |values| {
                    let [left, right] = [&values[0], &values[1]];
                    let left = recv(left);
                    quote! {
                        #left.compare(::awsgen_runtime::client::jmespath::Comparator::#op, #right)
                    }
                })
            }
            Expr::Or(left, right) => self.with_shared(base, &[left, right], |values| {
                let [left, right] = [recv(&values[0]), values[1].clone()];
                quote!(#left.or_else(|| #right))
            }),
            Expr::And(left, right) => self.with_shared(base, &[left, right], |values| {
                let [left, right] = [recv(&values[0]), values[1].clone()];
                quote!(#left.and_then(|| #right))
            }),
            Expr::Not(inner) => {
                let inner = self.compile(inner, base)?;
                let inner = recv(&self.to_value(inner)?);
                Ok(Compiled {
                    tokens: quote!(#inner.logical_not()),
                    kind: Kind::Value,
                })
            }
            Expr::MultiSelectList(items) => {
                let refs: Vec<&Expr> = items.iter().collect();
                self.multi_select(base, &refs, |values| {
                    let value = value_type();
                    quote!(#value::Array(::std::vec![#(#values),*]))
                })
            }
            Expr::MultiSelectHash(pairs) => {
                let refs: Vec<&Expr> = pairs.iter().map(|(_, value)| value).collect();
                self.multi_select(base, &refs, |values| {
                    let value = value_type();
                    let keys = pairs.iter().map(|(key, _)| key);
                    quote! {
                        #value::Object(::std::vec![#((::std::borrow::Cow::Borrowed(#keys), #values)),*])
                    }
                })
            }
            Expr::Function {
                name,
                args,
                position,
            } => self.function(name, args, *position, base),
            Expr::ExpressionReference(_) => Err(CompileError::new(
                "an expression reference (`&expr`) is only an argument of sort_by, min_by, max_by \
                 and map, which the compiler does not support",
            )),
        }
    }

    /// `Known` as `Ref`: what every step that does not special-case a value
    /// that is certainly there works on.
    fn optional(&self, compiled: Compiled) -> Compiled {
        match compiled.kind {
            Kind::Known(ty) => {
                let tokens = compiled.tokens;
                Compiled {
                    tokens: quote!(::std::option::Option::Some(#tokens)),
                    kind: Kind::Ref(ty),
                }
            }
            _ => compiled,
        }
    }

    fn field(&self, name: &str, position: usize, base: Compiled) -> Result<Compiled> {
        let known = matches!(base.kind, Kind::Known(_));
        let ty = match &base.kind {
            Kind::Known(ty) | Kind::Ref(ty) => ty.clone(),
            Kind::Value => {
                let tokens = recv(&base.tokens);
                return Ok(Compiled {
                    tokens: quote!(#tokens.field(#name)),
                    kind: Kind::Value,
                });
            }
            Kind::Refs(_) | Kind::Nested(_) => {
                return Err(CompileError::at(
                    position,
                    format!(
                        "`{name}` is read from {}, which has no members: the result is always null",
                        self.describe_kind(&base.kind)
                    ),
                ))
            }
        };
        let b = recv(&base.tokens);
        match &ty {
            RustType::Named(shape) => {
                let type_def = self.type_def(shape)?;
                let def = match &type_def.kind {
                    TypeKind::Struct(def) | TypeKind::Union(def) => def,
                    TypeKind::Enum(_) => {
                        return Err(CompileError::at(
                            position,
                            format!("`{name}` is read from the string enum `{shape}`, which has no members: the result is always null"),
                        ))
                    }
                };
                let Some(member) = def.members.iter().find(|m| m.model_name == name) else {
                    let mut known_names: Vec<&str> =
                        def.members.iter().map(|m| m.model_name.as_str()).collect();
                    known_names.sort_unstable();
                    return Err(CompileError::at(
                        position,
                        format!(
                            "`{shape}` has no member `{name}` (its members: {})",
                            if known_names.is_empty() {
                                "none".to_owned()
                            } else {
                                known_names.join(", ")
                            }
                        ),
                    ));
                };
                let kind = Kind::Ref(member.ty.clone());
                let tokens = if matches!(type_def.kind, TypeKind::Union(_)) {
                    let path = type_path(type_def);
                    let variant = ident(&member.variant_name);
                    let inner = if member.boxed {
                        quote!(&**x)
                    } else {
                        quote!(x)
                    };
                    let arms = quote! {
                        #path::#variant(x) => ::std::option::Option::Some(#inner),
                        _ => ::std::option::Option::None,
                    };
                    if known {
                        quote!(match #b { #arms })
                    } else {
                        quote!(#b.and_then(|v| match v { #arms }))
                    }
                } else {
                    let field = ident(&member.field_name);
                    let access = if member.boxed {
                        quote!(as_deref)
                    } else {
                        quote!(as_ref)
                    };
                    if known {
                        quote!(#b.#field.#access())
                    } else {
                        quote!(#b.and_then(|v| v.#field.#access()))
                    }
                };
                Ok(Compiled { tokens, kind })
            }
            RustType::Map(key, value) => {
                let lookup = if **key == RustType::String {
                    quote!(.get(#name))
                } else {
                    quote!(.iter().find(|(k, _)| k.as_str() == #name).map(|(_, v)| v))
                };
                let tokens = if known {
                    quote!(#b #lookup)
                } else {
                    quote!(#b.and_then(|m| m #lookup))
                };
                Ok(Compiled {
                    tokens,
                    kind: Kind::Ref((**value).clone()),
                })
            }
            RustType::Document => {
                let value = recv(&self.to_value(base)?);
                Ok(Compiled {
                    tokens: quote!(#value.field(#name)),
                    kind: Kind::Value,
                })
            }
            other => Err(CompileError::at(
                position,
                format!(
                    "`{name}` is read from {}, which has no members: the result is always null",
                    self.describe(other)
                ),
            )),
        }
    }

    fn not_a_list(&self, what: &str, kind: &Kind) -> CompileError {
        CompileError::new(format!(
            "{what} of {}, which is not a list: the result is always null",
            self.describe_kind(kind)
        ))
    }

    fn index(&self, index: i64, base: Compiled) -> Result<Compiled> {
        let base = self.optional(base);
        let b = &recv(&base.tokens);
        let pick = |copy: TokenStream| match index {
            0 => quote!(l.first() #copy),
            -1 => quote!(l.last() #copy),
            _ if index > 0 => {
                let at = proc_macro2::Literal::u64_unsuffixed(index.unsigned_abs());
                quote!(l.get(#at) #copy)
            }
            _ => {
                let back = proc_macro2::Literal::u64_unsuffixed(index.unsigned_abs());
                quote!(l.len().checked_sub(#back).and_then(|at| l.get(at) #copy))
            }
        };
        match &base.kind {
            Kind::Ref(RustType::List(inner)) => {
                let pick = pick(quote!());
                Ok(Compiled {
                    tokens: quote!(#b.and_then(|l| #pick)),
                    kind: Kind::Ref((**inner).clone()),
                })
            }
            Kind::Refs(inner) => {
                let pick = pick(quote!(.copied()));
                Ok(Compiled {
                    tokens: quote!(#b.and_then(|l| #pick)),
                    kind: Kind::Ref(inner.clone()),
                })
            }
            Kind::Nested(inner) => {
                let pick = match index {
                    0 => quote!(l.into_iter().next()),
                    -1 => quote!(l.into_iter().next_back()),
                    _ if index > 0 => {
                        let at = proc_macro2::Literal::u64_unsuffixed(index.unsigned_abs());
                        quote!(l.into_iter().nth(#at))
                    }
                    _ => {
                        let back = proc_macro2::Literal::u64_unsuffixed(index.unsigned_abs());
                        quote!(l.len().checked_sub(#back).and_then(|at| l.into_iter().nth(at)))
                    }
                };
                Ok(Compiled {
                    tokens: quote!(#b.and_then(|l| #pick)),
                    kind: Kind::Refs(inner.clone()),
                })
            }
            Kind::Ref(RustType::Document) | Kind::Value => {
                let value = recv(&self.to_value(base)?);
                Ok(Compiled {
                    tokens: quote!(#value.index(#index)),
                    kind: Kind::Value,
                })
            }
            other => Err(self.not_a_list(&format!("an index [{index}]"), other)),
        }
    }

    fn slice(
        &self,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
        base: Compiled,
    ) -> Result<Compiled> {
        let base = self.optional(base);
        let b = &recv(&base.tokens);
        let part = |p: Option<i64>| match p {
            Some(v) => quote!(::std::option::Option::Some(#v)),
            None => quote!(::std::option::Option::None),
        };
        let (start_t, stop_t, step_t) = (part(start), part(stop), part(step));
        let (iter, kind) = match &base.kind {
            Kind::Ref(RustType::List(inner)) => (quote!(l.iter()), Kind::Refs((**inner).clone())),
            Kind::Refs(inner) => (quote!(l), Kind::Refs(inner.clone())),
            Kind::Nested(inner) => (quote!(l), Kind::Nested(inner.clone())),
            Kind::Ref(RustType::Document) | Kind::Value => {
                let value = recv(&self.to_value(base)?);
                return Ok(Compiled {
                    tokens: quote!(#value.slice(#start_t, #stop_t, #step_t)),
                    kind: Kind::Value,
                });
            }
            other => return Err(self.not_a_list("a slice", other)),
        };
        Ok(Compiled {
            tokens: quote! {
                #b.and_then(|l| ::awsgen_runtime::client::jmespath::slice(#iter, #start_t, #stop_t, #step_t))
            },
            kind,
        })
    }

    fn flatten(&self, inner: Compiled) -> Result<Compiled> {
        let inner = self.optional(inner);
        let t = &recv(&inner.tokens);
        let (iter, element) = match &inner.kind {
            Kind::Ref(RustType::List(element)) => (quote!(.iter()), (**element).clone()),
            Kind::Refs(element) => (quote!(.into_iter()), element.clone()),
            Kind::Nested(element) => {
                return Ok(Compiled {
                    tokens: quote!(#t.map(|l| l.into_iter().flatten().collect::<::std::vec::Vec<_>>())),
                    kind: Kind::Refs(element.clone()),
                })
            }
            Kind::Ref(RustType::Document) | Kind::Value => return self.value_flatten(inner),
            other => return Err(self.not_a_list("a flatten ([])", other)),
        };
        match element {
            RustType::List(nested) => Ok(Compiled {
                tokens: quote!(#t.map(|l| l #iter.flatten().collect::<::std::vec::Vec<_>>())),
                kind: Kind::Refs(*nested),
            }),
            RustType::Document => self.value_flatten(inner),
            _ if matches!(inner.kind, Kind::Refs(_)) => Ok(inner),
            other => Ok(Compiled {
                tokens: quote!(#t.map(|l| l.iter().collect::<::std::vec::Vec<_>>())),
                kind: Kind::Refs(other),
            }),
        }
    }

    fn value_flatten(&self, inner: Compiled) -> Result<Compiled> {
        let value = recv(&self.to_value(inner)?);
        Ok(Compiled {
            tokens: quote!(#value.flatten()),
            kind: Kind::Value,
        })
    }

    /// A list projection of `right` over `left`, keeping the elements whose
    /// `condition` is true when there is one.
    fn project(&self, left: Compiled, condition: Option<&Expr>, right: &Expr) -> Result<Compiled> {
        let left = self.optional(left);
        match &left.kind {
            Kind::Ref(RustType::List(element)) if **element != RustType::Document => {
                let element = Element::Ref((**element).clone());
                self.project_elements(left.tokens, quote!(.iter()), element, condition, right)
            }
            Kind::Refs(element) if *element != RustType::Document => {
                let element = Element::Ref(element.clone());
                self.project_elements(left.tokens, quote!(.into_iter()), element, condition, right)
            }
            Kind::Nested(element) => {
                let element = Element::Refs(element.clone());
                self.project_elements(left.tokens, quote!(.into_iter()), element, condition, right)
            }
            Kind::Ref(RustType::List(_) | RustType::Document) | Kind::Refs(_) | Kind::Value => {
                let value = recv(&self.to_value(left)?);
                let item = self.fresh("item");
                let element = Compiled {
                    tokens: quote!(#item),
                    kind: Kind::Value,
                };
                let right = self.compile(right, element)?;
                let right = self.to_value(right)?;
                match condition {
                    None => Ok(Compiled {
                        tokens: quote!(#value.project(|#item| #right)),
                        kind: Kind::Value,
                    }),
                    Some(condition) => {
                        let checked = Compiled {
                            tokens: quote!(#item.clone()),
                            kind: Kind::Value,
                        };
                        let condition = self.compile(condition, checked)?;
                        let condition = recv(&self.to_value(condition)?);
                        Ok(Compiled {
                            tokens: quote! {
                                #value.filter_project(|#item| #condition.is_truthy(), |#item| #right)
                            },
                            kind: Kind::Value,
                        })
                    }
                }
            }
            other => Err(self.not_a_list(
                if condition.is_some() {
                    "a filter projection ([?…])"
                } else {
                    "a projection ([*], [] or a slice)"
                },
                other,
            )),
        }
    }

    /// An object projection (`.*`) of `right` over `left`'s values.
    fn project_values(&self, left: Compiled, right: &Expr) -> Result<Compiled> {
        let left = self.optional(left);
        match &left.kind {
            Kind::Ref(RustType::Map(_, value)) if **value != RustType::Document => {
                let value = (**value).clone();
                self.project_elements(left.tokens, quote!(.values()), Element::Ref(value), None, right)
            }
            Kind::Ref(RustType::Map(..) | RustType::Document) | Kind::Value => {
                let value = recv(&self.to_value(left)?);
                let item = self.fresh("item");
                let element = Compiled {
                    tokens: quote!(#item),
                    kind: Kind::Value,
                };
                let right = self.compile(right, element)?;
                let right = self.to_value(right)?;
                Ok(Compiled {
                    tokens: quote!(#value.project_values(|#item| #right)),
                    kind: Kind::Value,
                })
            }
            Kind::Ref(RustType::Named(name)) if !self.is_enum(&RustType::Named(name.clone())) => {
                Err(CompileError::new(format!(
                    "an object projection (.*) over the members of the structure `{name}` is not supported"
                )))
            }
            other => Err(CompileError::new(format!(
                "an object projection (.*) of {}, which is not an object: the result is always null",
                self.describe_kind(other)
            ))),
        }
    }

    /// Projects over typed elements: `left` is `Option<C>`, and `C`
    /// followed by `iter` yields each element (`&T`, or `Vec<&T>` for the
    /// lists of a nested projection).
    fn project_elements(
        &self,
        left: TokenStream,
        iter: TokenStream,
        element: Element,
        condition: Option<&Expr>,
        right: &Expr,
    ) -> Result<Compiled> {
        let left = recv(&left);
        let list = self.fresh("list");
        let item = self.fresh("item");
        let filter = match condition {
            Some(condition) => {
                // The filter sees each element by reference.
                let (pattern, checked) = match &element {
                    Element::Ref(ty) => (
                        quote!(&#item),
                        Compiled {
                            tokens: quote!(#item),
                            kind: Kind::Known(ty.clone()),
                        },
                    ),
                    Element::Refs(ty) => (
                        quote!(#item),
                        Compiled {
                            tokens: quote!(::std::option::Option::Some(#item.clone())),
                            kind: Kind::Refs(ty.clone()),
                        },
                    ),
                };
                let condition = self.compile(condition, checked)?;
                let condition = recv(&self.to_value(condition)?);
                quote!(.filter(|#pattern| #condition.is_truthy()))
            }
            None => quote!(),
        };
        let base = match element {
            Element::Ref(ty) => Compiled {
                tokens: quote!(#item),
                kind: Kind::Known(ty),
            },
            Element::Refs(ty) => Compiled {
                tokens: quote!(::std::option::Option::Some(#item)),
                kind: Kind::Refs(ty),
            },
        };
        let identity = matches!(right, Expr::Identity);
        let projected = self.compile(right, base)?;
        let collect = quote!(.collect::<::std::vec::Vec<_>>());
        match projected.kind {
            Kind::Known(ty) if identity => Ok(Compiled {
                tokens: quote!(#left.map(|#list| #list #iter #filter #collect)),
                kind: Kind::Refs(ty),
            }),
            Kind::Refs(ty) if identity => Ok(Compiled {
                tokens: quote!(#left.map(|#list| #list #iter #filter #collect)),
                kind: Kind::Nested(ty),
            }),
            Kind::Known(ty) => {
                let projected = projected.tokens;
                Ok(Compiled {
                    tokens: quote!(#left.map(|#list| #list #iter #filter .map(|#item| #projected) #collect)),
                    kind: Kind::Refs(ty),
                })
            }
            Kind::Ref(ty) => {
                let projected = projected.tokens;
                Ok(Compiled {
                    tokens: quote!(#left.map(|#list| #list #iter #filter .filter_map(|#item| #projected) #collect)),
                    kind: Kind::Refs(ty),
                })
            }
            // Each element gives a list: a list of lists (what a later `[]` flattens).
            Kind::Refs(ty) => {
                let projected = projected.tokens;
                Ok(Compiled {
                    tokens: quote!(#left.map(|#list| #list #iter #filter .filter_map(|#item| #projected) #collect)),
                    kind: Kind::Nested(ty),
                })
            }
            Kind::Nested(_) | Kind::Value => {
                let projected = self.to_value(projected)?;
                let value = value_type();
                Ok(Compiled {
                    tokens: quote! {
                        #left
                            .map(|#list| #value::Array(#list #iter #filter .map(|#item| #projected).filter(|v| !v.is_null()) #collect))
                            .unwrap_or_default()
                    },
                    kind: Kind::Value,
                })
            }
        }
    }

    /// Evaluates `exprs` on one base, binding it to a variable first when
    /// more than one of them reads it, and combines their values.
    fn with_shared(
        &self,
        base: Compiled,
        exprs: &[&Expr],
        combine: impl FnOnce(&[TokenStream]) -> TokenStream,
    ) -> Result<Compiled> {
        let readers = exprs.iter().filter(|e| reads_current(e)).count();
        let (binding, shared) = self.share(base, readers);
        let values = exprs
            .iter()
            .map(|expr| {
                let compiled = self.compile(expr, shared.clone())?;
                self.to_value(compiled)
            })
            .collect::<Result<Vec<_>>>()?;
        let combined = combine(&values);
        Ok(Compiled {
            tokens: match binding {
                Some(binding) => quote!({ #binding #combined }),
                None => combined,
            },
            kind: Kind::Value,
        })
    }

    /// The base as something each of `readers` can use: itself when at most
    /// one reads it, else a variable (copied, or cloned for each reader)
    /// and the `let` binding it.
    fn share(&self, base: Compiled, readers: usize) -> (Option<TokenStream>, Compiled) {
        if readers <= 1 {
            return (None, base);
        }
        let name = self.fresh("base");
        let tokens = base.tokens;
        let binding = quote!(let #name = #tokens;);
        let tokens = match base.kind {
            Kind::Known(_) | Kind::Ref(_) => quote!(#name),
            Kind::Refs(_) | Kind::Nested(_) | Kind::Value => quote!(#name.clone()),
        };
        (
            Some(binding),
            Compiled {
                tokens,
                kind: base.kind,
            },
        )
    }

    /// A multi-select list or hash: `null` when the base is, else the values.
    fn multi_select(
        &self,
        base: Compiled,
        exprs: &[&Expr],
        build: impl FnOnce(&[TokenStream]) -> TokenStream,
    ) -> Result<Compiled> {
        let readers = exprs.iter().filter(|e| reads_current(e)).count();
        let known = matches!(base.kind, Kind::Known(_));
        // The null check reads the base too.
        let (binding, shared) = self.share(base, readers + usize::from(!known));
        let is_null = match &shared.kind {
            Kind::Known(_) => None,
            Kind::Ref(_) | Kind::Refs(_) | Kind::Nested(_) => {
                let t = recv(&shared.tokens);
                Some(quote!(#t.is_none()))
            }
            Kind::Value => {
                let t = recv(&shared.tokens);
                Some(quote!(#t.is_null()))
            }
        };
        let values = exprs
            .iter()
            .map(|expr| {
                let compiled = self.compile(expr, shared.clone())?;
                self.to_value(compiled)
            })
            .collect::<Result<Vec<_>>>()?;
        let built = build(&values);
        let value = value_type();
        let body = match is_null {
            Some(is_null) => quote!(if #is_null { #value::Null } else { #built }),
            None => built,
        };
        Ok(Compiled {
            tokens: match binding {
                Some(binding) => quote!({ #binding #body }),
                None => body,
            },
            kind: Kind::Value,
        })
    }

    fn function(
        &self,
        name: &str,
        args: &[Expr],
        position: usize,
        base: Compiled,
    ) -> Result<Compiled> {
        if EXPREF_FUNCTIONS.contains(&name) {
            return Err(CompileError::at(
                position,
                format!(
                    "{name}() takes an expression reference, which the compiler does not support"
                ),
            ));
        }
        let Some(&(_, fewest, most)) = FUNCTIONS.iter().find(|(known, _, _)| *known == name) else {
            return Err(CompileError::at(
                position,
                format!("{name}() is not a JMESPath function"),
            ));
        };
        if args.len() < fewest || most.is_some_and(|most| args.len() > most) {
            let wanted = match most {
                Some(most) if most == fewest => format!("{fewest}"),
                Some(most) => format!("{fewest} to {most}"),
                None => format!("at least {fewest}"),
            };
            return Err(CompileError::at(
                position,
                format!(
                    "{name}() takes {wanted} argument{}, not {}",
                    if wanted == "1" { "" } else { "s" },
                    args.len()
                ),
            ));
        }
        let value = value_type();
        // Typed shortcuts: the counts and keys of lists and maps need no
        // value of their elements (which may be structures).
        if let [arg] = args {
            if matches!(name, "length" | "keys" | "values") {
                let compiled = self.optional(self.compile(arg, base.clone())?);
                let t = &recv(&compiled.tokens);
                let shortcut = match (name, &compiled.kind) {
                    (
                        "length",
                        Kind::Ref(RustType::List(_) | RustType::Map(..))
                        | Kind::Refs(_)
                        | Kind::Nested(_),
                    ) => Some(quote!(#value::from(#t.map(|l| l.len())))),
                    ("length", Kind::Ref(RustType::String)) => {
                        Some(quote!(#value::from(#t.map(|s| s.chars().count()))))
                    }
                    ("length", Kind::Ref(ty)) if self.is_enum(ty) => {
                        Some(quote!(#value::from(#t.map(|e| e.as_str().chars().count()))))
                    }
                    ("keys", Kind::Ref(RustType::Map(..))) => Some(quote! {
                        #t.map(|m| #value::Array(m.keys().map(|k| #value::from(k.as_str())).collect())).unwrap_or_default()
                    }),
                    ("values", Kind::Ref(RustType::Map(_, element))) => {
                        let item = self.fresh("item");
                        let element =
                            self.ref_value(element, quote!(::std::option::Option::Some(#item)))?;
                        Some(quote! {
                            #t.map(|m| #value::Array(m.values().map(|#item| #element).collect())).unwrap_or_default()
                        })
                    }
                    _ => None,
                };
                if let Some(tokens) = shortcut {
                    return Ok(Compiled {
                        tokens,
                        kind: Kind::Value,
                    });
                }
            }
        }
        let function = if name == "type" {
            format_ident!("type_of")
        } else {
            format_ident!("{name}")
        };
        let refs: Vec<&Expr> = args.iter().collect();
        let variadic = most.is_none();
        self.with_shared(base, &refs, |values| {
            if variadic {
                quote!(::awsgen_runtime::client::jmespath::functions::#function(::std::vec![#(#values),*]))
            } else {
                quote!(::awsgen_runtime::client::jmespath::functions::#function(#(#values),*))
            }
        })
    }

    /// The compiled value as the runtime's `Value`.
    fn to_value(&self, compiled: Compiled) -> Result<TokenStream> {
        match compiled.kind {
            Kind::Value => Ok(compiled.tokens),
            Kind::Known(ty) => {
                let tokens = compiled.tokens;
                self.ref_value(&ty, quote!(::std::option::Option::Some(#tokens)))
            }
            Kind::Ref(ty) => self.ref_value(&ty, compiled.tokens),
            Kind::Refs(ty) => {
                let list = self.fresh("list");
                let item = self.fresh("item");
                let element = self.ref_value(&ty, quote!(::std::option::Option::Some(#item)))?;
                let value = value_type();
                let t = recv(&compiled.tokens);
                Ok(quote! {
                    #t.map(|#list| #value::Array(#list.into_iter().map(|#item| #element).collect())).unwrap_or_default()
                })
            }
            Kind::Nested(ty) => {
                let (lists, list, item) =
                    (self.fresh("lists"), self.fresh("list"), self.fresh("item"));
                let element = self.ref_value(&ty, quote!(::std::option::Option::Some(#item)))?;
                let value = value_type();
                let t = recv(&compiled.tokens);
                Ok(quote! {
                    #t.map(|#lists| #value::Array(#lists.into_iter().map(|#list| #value::Array(#list.into_iter().map(|#item| #element).collect())).collect())).unwrap_or_default()
                })
            }
        }
    }

    /// `tokens` (an `Option<&T>` of `ty`) as the runtime's `Value`.
    fn ref_value(&self, ty: &RustType, tokens: TokenStream) -> Result<TokenStream> {
        let value = value_type();
        let receiver = recv(&tokens);
        let into = quote!(::awsgen_runtime::client::jmespath::IntoValue::into_value);
        match ty {
            RustType::String
            | RustType::Bool
            | RustType::Byte
            | RustType::Short
            | RustType::Integer
            | RustType::Long
            | RustType::Float
            | RustType::Double
            | RustType::BigInteger
            | RustType::BigDecimal
            | RustType::Document => Ok(quote!(#into(#tokens))),
            RustType::Named(_) if self.is_enum(ty) => {
                Ok(quote!(#into(#receiver.map(|e| e.as_str()))))
            }
            RustType::List(element) => {
                let list = self.fresh("list");
                let item = self.fresh("item");
                let element =
                    self.ref_value(element, quote!(::std::option::Option::Some(#item)))?;
                Ok(quote! {
                    #receiver.map(|#list| #value::Array(#list.iter().map(|#item| #element).collect())).unwrap_or_default()
                })
            }
            RustType::Map(_, element) => {
                let map = self.fresh("map");
                let item = self.fresh("item");
                let element =
                    self.ref_value(element, quote!(::std::option::Option::Some(#item)))?;
                Ok(quote! {
                    #receiver
                        .map(|#map| #value::Object(#map.iter().map(|(k, #item)| (::std::borrow::Cow::Borrowed(k.as_str()), #element)).collect()))
                        .unwrap_or_default()
                })
            }
            RustType::Named(_) | RustType::Blob | RustType::Timestamp => {
                Err(CompileError::new(format!(
                    "a value of {} is needed (to compare, test or pass to a function), but the \
                     compiler makes JMESPath values only of strings, numbers, booleans, enums, \
                     documents, and lists and maps of them",
                    self.describe(ty)
                )))
            }
        }
    }
}
