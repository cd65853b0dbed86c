//! JMESPath values: what an expression from a service's model (a waiter's
//! acceptor, an endpoint's `operationContextParams`, a paginator's token)
//! evaluates to.
//!
//! The generator compiles each expression into Rust over the crate's typed
//! structures, and converts to a [`Value`] only where the expression needs a
//! value of no fixed type: comparisons, functions, `||`, and the result a
//! waiter compares with its expected value. [`Value`] follows JMESPath's
//! semantics as jmespath.py (which botocore uses) implements them: `==`
//! compares deeply and never equates a boolean with a number, ordering
//! compares numbers with numbers and strings with strings (anything else is
//! `null`), and `null`, `false`, `""`, `[]` and `{}` are false, everything
//! else (`0` too) is true.
//!
//! One deliberate difference: where jmespath.py raises a type error (a
//! function given a value of the wrong type, `length(null)`), the functions
//! here return [`Value::Null`], so a waiter reads the answer as "no match"
//! rather than stopping.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

/// A JMESPath value, borrowing strings from the response it was read from.
#[derive(Debug, Clone, Default)]
pub enum Value<'a> {
    /// `null`: absent, or no result.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number. Integers beyond 2^53 lose precision, as in any JSON number.
    Number(f64),
    /// A string.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Value<'a>>),
    /// An object: keys in the order they were read, each key once.
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

/// The comparison operators of JMESPath.
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

impl<'a> Value<'a> {
    /// Whether the value is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// JMESPath truthiness: `null`, `false`, `""`, `[]` and `{}` are false;
    /// everything else, numbers included, is true.
    pub fn is_truthy(&self) -> bool {
        match self {
            Value::Null => false,
            Value::Bool(value) => *value,
            Value::Number(_) => true,
            Value::String(text) => !text.is_empty(),
            Value::Array(items) => !items.is_empty(),
            Value::Object(entries) => !entries.is_empty(),
        }
    }

    /// The JMESPath type name: `null`, `boolean`, `number`, `string`, `array` or `object`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }

    /// The text of a string value.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    /// The value of a boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(value) => Some(*value),
            _ => None,
        }
    }

    /// The elements of an array.
    pub fn as_array(&self) -> Option<&[Value<'a>]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The value of a number.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(number) => Some(*number),
            _ => None,
        }
    }

    /// A value read from JSON (a document member), borrowing its strings.
    pub fn from_json(json: &'a serde_json::Value) -> Self {
        match json {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(value) => Value::Bool(*value),
            serde_json::Value::Number(number) => number.as_f64().map_or(Value::Null, Value::Number),
            serde_json::Value::String(text) => Value::String(Cow::Borrowed(text)),
            serde_json::Value::Array(items) => {
                Value::Array(items.iter().map(Value::from_json).collect())
            }
            serde_json::Value::Object(entries) => Value::Object(
                entries
                    .iter()
                    .map(|(key, value)| (Cow::Borrowed(key.as_str()), Value::from_json(value)))
                    .collect(),
            ),
        }
    }

    /// The value as JSON.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Null => serde_json::Value::Null,
            Value::Bool(value) => serde_json::Value::Bool(*value),
            Value::Number(number) => number_to_json(*number),
            Value::String(text) => serde_json::Value::String(text.to_string()),
            Value::Array(items) => {
                serde_json::Value::Array(items.iter().map(Value::to_json).collect())
            }
            Value::Object(entries) => serde_json::Value::Object(
                entries
                    .iter()
                    .map(|(key, value)| (key.to_string(), value.to_json()))
                    .collect(),
            ),
        }
    }

    /// The value as an endpoint-rules parameter (`operationContextParams`):
    /// a string, a boolean, or a list of strings (botocore passes what the
    /// path found; the rules take only these types). `None` for anything
    /// else, which leaves the parameter unset, as `null` does in botocore.
    pub fn to_endpoint_value(&self) -> Option<crate::endpoint::Value> {
        match self {
            Value::String(text) => Some(crate::endpoint::Value::String(text.to_string())),
            Value::Bool(flag) => Some(crate::endpoint::Value::Bool(*flag)),
            Value::Array(items) => items
                .iter()
                .map(|item| {
                    item.as_str()
                        .map(|text| crate::endpoint::Value::String(text.to_owned()))
                })
                .collect::<Option<Vec<_>>>()
                .map(crate::endpoint::Value::Array),
            _ => None,
        }
    }

    /// A copy that borrows nothing.
    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Null => Value::Null,
            Value::Bool(value) => Value::Bool(value),
            Value::Number(number) => Value::Number(number),
            Value::String(text) => Value::String(Cow::Owned(text.into_owned())),
            Value::Array(items) => Value::Array(items.into_iter().map(Value::into_owned).collect()),
            Value::Object(entries) => Value::Object(
                entries
                    .into_iter()
                    .map(|(key, value)| (Cow::Owned(key.into_owned()), value.into_owned()))
                    .collect(),
            ),
        }
    }

    /// `value.name`: the member of an object, `null` for anything else.
    pub fn field(self, name: &str) -> Value<'a> {
        match self {
            Value::Object(entries) => entries
                .into_iter()
                .find(|(key, _)| key == name)
                .map_or(Value::Null, |(_, value)| value),
            _ => Value::Null,
        }
    }

    /// `value[index]`: an element of an array, counting from the end when
    /// negative; `null` out of range or for anything but an array.
    pub fn index(self, index: i64) -> Value<'a> {
        match self {
            Value::Array(mut items) => match resolve_index(items.len(), index) {
                Some(at) => items.swap_remove(at),
                None => Value::Null,
            },
            _ => Value::Null,
        }
    }

    /// `value[start:stop:step]`, with Python's slice rules; `null` for
    /// anything but an array, or a step of 0.
    pub fn slice(self, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> Value<'a> {
        match self {
            Value::Array(items) => {
                slice(items, start, stop, step).map_or(Value::Null, Value::Array)
            }
            _ => Value::Null,
        }
    }

    /// `value[]`: an array with its array elements spliced in, one level;
    /// `null` for anything but an array.
    pub fn flatten(self) -> Value<'a> {
        match self {
            Value::Array(items) => {
                let mut flat = Vec::with_capacity(items.len());
                for item in items {
                    match item {
                        Value::Array(inner) => flat.extend(inner),
                        other => flat.push(other),
                    }
                }
                Value::Array(flat)
            }
            _ => Value::Null,
        }
    }

    /// A list projection (`value[*].rhs`): `rhs` of every element, `null`
    /// results left out; `null` for anything but an array.
    pub fn project(self, mut rhs: impl FnMut(Value<'a>) -> Value<'a>) -> Value<'a> {
        match self {
            Value::Array(items) => Value::Array(
                items
                    .into_iter()
                    .map(&mut rhs)
                    .filter(|value| !value.is_null())
                    .collect(),
            ),
            _ => Value::Null,
        }
    }

    /// An object projection (`value.*.rhs`): `rhs` of every member's value,
    /// `null` results left out; `null` for anything but an object.
    pub fn project_values(self, mut rhs: impl FnMut(Value<'a>) -> Value<'a>) -> Value<'a> {
        match self {
            Value::Object(entries) => Value::Array(
                entries
                    .into_iter()
                    .map(|(_, value)| rhs(value))
                    .filter(|value| !value.is_null())
                    .collect(),
            ),
            _ => Value::Null,
        }
    }

    /// A filter projection (`value[?condition].rhs`): `rhs` of the elements
    /// whose condition is true, `null` results left out; `null` for anything
    /// but an array.
    pub fn filter_project(
        self,
        mut condition: impl FnMut(&Value<'a>) -> bool,
        mut rhs: impl FnMut(Value<'a>) -> Value<'a>,
    ) -> Value<'a> {
        match self {
            Value::Array(items) => Value::Array(
                items
                    .into_iter()
                    .filter(|item| condition(item))
                    .map(&mut rhs)
                    .filter(|value| !value.is_null())
                    .collect(),
            ),
            _ => Value::Null,
        }
    }

    /// `left <op> right`: equality for `==` and `!=` (deep; a boolean never
    /// equals a number); for the ordering operators a boolean when both
    /// sides are numbers or both strings, else `null`.
    pub fn compare(self, op: Comparator, right: Value<'a>) -> Value<'a> {
        match op {
            Comparator::Eq => Value::Bool(self == right),
            Comparator::Ne => Value::Bool(self != right),
            _ => {
                let ordering = match (&self, &right) {
                    (Value::Number(a), Value::Number(b)) => a.partial_cmp(b),
                    (Value::String(a), Value::String(b)) => Some(a.cmp(b)),
                    _ => None,
                };
                match ordering {
                    Some(ordering) => Value::Bool(match op {
                        Comparator::Lt => ordering == Ordering::Less,
                        Comparator::Le => ordering != Ordering::Greater,
                        Comparator::Gt => ordering == Ordering::Greater,
                        _ => ordering != Ordering::Less,
                    }),
                    None => Value::Null,
                }
            }
        }
    }

    /// `left || right`: `left` when it is true, else `right`.
    pub fn or_else(self, right: impl FnOnce() -> Value<'a>) -> Value<'a> {
        if self.is_truthy() {
            self
        } else {
            right()
        }
    }

    /// `left && right`: `left` when it is false, else `right`.
    pub fn and_then(self, right: impl FnOnce() -> Value<'a>) -> Value<'a> {
        if self.is_truthy() {
            right()
        } else {
            self
        }
    }

    /// `!value`: whether the value is false.
    pub fn logical_not(self) -> Value<'a> {
        Value::Bool(!self.is_truthy())
    }
}

/// Deep equality, as JMESPath's `==`: numbers by value (`1 == 1.0`), objects
/// whatever their key order, and a boolean never equal to a number.
impl PartialEq for Value<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Number(a), Value::Number(b)) => a == b,
            (Value::String(a), Value::String(b)) => a == b,
            (Value::Array(a), Value::Array(b)) => a == b,
            (Value::Object(a), Value::Object(b)) => {
                a.len() == b.len()
                    && a.iter().all(|(key, value)| {
                        b.iter()
                            .find(|(other_key, _)| other_key == key)
                            .is_some_and(|(_, other_value)| other_value == value)
                    })
            }
            _ => false,
        }
    }
}

/// Compact JSON, as jmespath.py's `to_string` writes it.
impl fmt::Display for Value<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.to_json())
    }
}

fn number_to_json(number: f64) -> serde_json::Value {
    // Integral values print as integers, as Python prints the ints JSON gives it.
    if number.fract() == 0.0 && number.abs() < 9.0e15 {
        serde_json::Value::from(number as i64)
    } else {
        serde_json::Number::from_f64(number)
            .map_or(serde_json::Value::Null, serde_json::Value::Number)
    }
}

/// `items[start:stop:step]` with Python's slice rules, for typed elements
/// (what generated code slices a list with); `None` for a step of 0.
pub fn slice<I: IntoIterator>(
    items: I,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> Option<Vec<I::Item>> {
    let items: Vec<I::Item> = items.into_iter().collect();
    let indices = slice_indices(items.len(), start, stop, step)?;
    let mut slots: Vec<Option<I::Item>> = items.into_iter().map(Some).collect();
    Some(
        indices
            .into_iter()
            .filter_map(|at| slots.get_mut(at).and_then(Option::take))
            .collect(),
    )
}

fn resolve_index(len: usize, index: i64) -> Option<usize> {
    let len = i64::try_from(len).ok()?;
    let at = if index < 0 { len + index } else { index };
    (0..len)
        .contains(&at)
        .then(|| usize::try_from(at).ok())
        .flatten()
}

/// The indices Python's `list[start:stop:step]` visits.
fn slice_indices(
    len: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> Option<Vec<usize>> {
    let len = i64::try_from(len).ok()?;
    let step = step.unwrap_or(1);
    if step == 0 {
        return None;
    }
    let clamp = |value: i64, low: i64, high: i64| value.max(low).min(high);
    let bound = |value: Option<i64>, default: i64| match value {
        None => default,
        Some(v) if v < 0 => {
            if step > 0 {
                clamp(v + len, 0, len)
            } else {
                clamp(v + len, -1, len - 1)
            }
        }
        Some(v) => {
            if step > 0 {
                clamp(v, 0, len)
            } else {
                clamp(v, -1, len - 1)
            }
        }
    };
    let (start, stop) = if step > 0 {
        (bound(start, 0), bound(stop, len))
    } else {
        (bound(start, len - 1), bound(stop, -1))
    };
    let mut indices = Vec::new();
    let mut at = start;
    while (step > 0 && at < stop) || (step < 0 && at > stop) {
        indices.push(usize::try_from(at).ok()?);
        at += step;
    }
    Some(indices)
}

impl From<bool> for Value<'_> {
    fn from(value: bool) -> Self {
        Value::Bool(value)
    }
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(text: &'a str) -> Self {
        Value::String(Cow::Borrowed(text))
    }
}

impl From<String> for Value<'_> {
    fn from(text: String) -> Self {
        Value::String(Cow::Owned(text))
    }
}

impl From<f64> for Value<'_> {
    fn from(number: f64) -> Self {
        Value::Number(number)
    }
}

impl From<usize> for Value<'_> {
    fn from(number: usize) -> Self {
        Value::Number(number as f64)
    }
}

impl<'a, T: Into<Value<'a>>> From<Option<T>> for Value<'a> {
    fn from(value: Option<T>) -> Self {
        value.map_or(Value::Null, Into::into)
    }
}

impl<'a> From<Vec<Value<'a>>> for Value<'a> {
    fn from(items: Vec<Value<'a>>) -> Self {
        Value::Array(items)
    }
}

/// A member's value as a JMESPath [`Value`]: what generated code calls on the
/// `Option<&T>` it reads from a structure (strings, numbers, booleans,
/// documents).
pub trait IntoValue<'a> {
    /// The value.
    fn into_value(self) -> Value<'a>;
}

impl<'a> IntoValue<'a> for &'a String {
    fn into_value(self) -> Value<'a> {
        Value::String(Cow::Borrowed(self.as_str()))
    }
}

impl<'a> IntoValue<'a> for &'a str {
    fn into_value(self) -> Value<'a> {
        Value::String(Cow::Borrowed(self))
    }
}

impl<'a> IntoValue<'a> for &'a bool {
    fn into_value(self) -> Value<'a> {
        Value::Bool(*self)
    }
}

macro_rules! number_into_value {
    ($($ty:ty),*) => {$(
        impl<'a> IntoValue<'a> for &'a $ty {
            fn into_value(self) -> Value<'a> {
                // Every AWS number fits a JSON number; beyond 2^53 precision is lost.
                Value::Number(*self as f64)
            }
        }
    )*};
}

number_into_value!(i8, i16, i32, i64, i128, f32, f64);

impl<'a> IntoValue<'a> for &'a serde_json::Value {
    fn into_value(self) -> Value<'a> {
        Value::from_json(self)
    }
}

impl<'a, T: IntoValue<'a>> IntoValue<'a> for Option<T> {
    fn into_value(self) -> Value<'a> {
        self.map_or(Value::Null, IntoValue::into_value)
    }
}

/// JMESPath's built-in functions, on [`Value`]s. Each returns `null` where
/// jmespath.py raises a type error.
pub mod functions {
    use std::borrow::Cow;

    use super::Value;

    /// `abs(number)`.
    pub fn abs<'a>(value: Value<'a>) -> Value<'a> {
        number(value, f64::abs)
    }

    /// `ceil(number)`.
    pub fn ceil<'a>(value: Value<'a>) -> Value<'a> {
        number(value, f64::ceil)
    }

    /// `floor(number)`.
    pub fn floor<'a>(value: Value<'a>) -> Value<'a> {
        number(value, f64::floor)
    }

    fn number<'a>(value: Value<'a>, op: impl FnOnce(f64) -> f64) -> Value<'a> {
        match value {
            Value::Number(n) => Value::Number(op(n)),
            _ => Value::Null,
        }
    }

    fn numbers(value: &Value<'_>) -> Option<Vec<f64>> {
        match value {
            Value::Array(items) => items.iter().map(Value::as_f64).collect(),
            _ => None,
        }
    }

    /// `sum(array[number])`.
    pub fn sum<'a>(value: Value<'a>) -> Value<'a> {
        numbers(&value).map_or(Value::Null, |all| Value::Number(all.iter().sum()))
    }

    /// `avg(array[number])`: `null` for an empty array.
    pub fn avg<'a>(value: Value<'a>) -> Value<'a> {
        match numbers(&value) {
            Some(all) if !all.is_empty() => {
                Value::Number(all.iter().sum::<f64>() / all.len() as f64)
            }
            _ => Value::Null,
        }
    }

    /// `contains(array|string, any)`: whether the array has an element equal
    /// to `search`, or the string contains the string `search`.
    pub fn contains<'a>(subject: Value<'a>, search: Value<'a>) -> Value<'a> {
        match (&subject, &search) {
            (Value::Array(items), _) => Value::Bool(items.contains(&search)),
            (Value::String(text), Value::String(needle)) => Value::Bool(text.contains(&**needle)),
            (Value::String(_), _) => Value::Bool(false),
            _ => Value::Null,
        }
    }

    /// `starts_with(string, string)`.
    pub fn starts_with<'a>(subject: Value<'a>, prefix: Value<'a>) -> Value<'a> {
        match (subject, prefix) {
            (Value::String(text), Value::String(prefix)) => Value::Bool(text.starts_with(&*prefix)),
            _ => Value::Null,
        }
    }

    /// `ends_with(string, string)`.
    pub fn ends_with<'a>(subject: Value<'a>, suffix: Value<'a>) -> Value<'a> {
        match (subject, suffix) {
            (Value::String(text), Value::String(suffix)) => Value::Bool(text.ends_with(&*suffix)),
            _ => Value::Null,
        }
    }

    /// `length(string|array|object)`: characters (code points), elements or members.
    pub fn length<'a>(value: Value<'a>) -> Value<'a> {
        match value {
            Value::String(text) => Value::from(text.chars().count()),
            Value::Array(items) => Value::from(items.len()),
            Value::Object(entries) => Value::from(entries.len()),
            _ => Value::Null,
        }
    }

    /// `keys(object)`.
    pub fn keys<'a>(value: Value<'a>) -> Value<'a> {
        match value {
            Value::Object(entries) => Value::Array(
                entries
                    .into_iter()
                    .map(|(key, _)| Value::String(key))
                    .collect(),
            ),
            _ => Value::Null,
        }
    }

    /// `values(object)`.
    pub fn values<'a>(value: Value<'a>) -> Value<'a> {
        match value {
            Value::Object(entries) => Value::Array(entries.into_iter().map(|(_, v)| v).collect()),
            _ => Value::Null,
        }
    }

    /// `join(string, array[string])`.
    pub fn join<'a>(separator: Value<'a>, items: Value<'a>) -> Value<'a> {
        let (Value::String(separator), Value::Array(items)) = (separator, items) else {
            return Value::Null;
        };
        let parts: Option<Vec<&str>> = items.iter().map(Value::as_str).collect();
        parts.map_or(Value::Null, |parts| Value::from(parts.join(&separator)))
    }

    /// `max(array[number]|array[string])`: `null` for an empty array.
    pub fn max<'a>(value: Value<'a>) -> Value<'a> {
        extreme(value, std::cmp::Ordering::Greater)
    }

    /// `min(array[number]|array[string])`: `null` for an empty array.
    pub fn min<'a>(value: Value<'a>) -> Value<'a> {
        extreme(value, std::cmp::Ordering::Less)
    }

    fn extreme(value: Value<'_>, wanted: std::cmp::Ordering) -> Value<'_> {
        match sorted(value) {
            Value::Array(mut items) if !items.is_empty() => {
                if wanted == std::cmp::Ordering::Greater {
                    items.pop().unwrap_or_default()
                } else {
                    items.swap_remove(0)
                }
            }
            _ => Value::Null,
        }
    }

    /// `sort(array[number]|array[string])`.
    pub fn sort<'a>(value: Value<'a>) -> Value<'a> {
        sorted(value)
    }

    fn sorted(value: Value<'_>) -> Value<'_> {
        let Value::Array(mut items) = value else {
            return Value::Null;
        };
        let all_numbers = items.iter().all(|v| matches!(v, Value::Number(_)));
        let all_strings = items.iter().all(|v| matches!(v, Value::String(_)));
        if !(all_numbers || all_strings) {
            return Value::Null;
        }
        items.sort_by(|a, b| match (a, b) {
            (Value::Number(a), Value::Number(b)) => a.total_cmp(b),
            (Value::String(a), Value::String(b)) => a.cmp(b),
            _ => std::cmp::Ordering::Equal,
        });
        Value::Array(items)
    }

    /// `merge(object...)`: later members replace earlier ones.
    pub fn merge<'a>(objects: Vec<Value<'a>>) -> Value<'a> {
        let mut merged: Vec<(Cow<'a, str>, Value<'a>)> = Vec::new();
        for object in objects {
            let Value::Object(entries) = object else {
                return Value::Null;
            };
            for (key, value) in entries {
                match merged.iter_mut().find(|(existing, _)| *existing == key) {
                    Some(slot) => slot.1 = value,
                    None => merged.push((key, value)),
                }
            }
        }
        Value::Object(merged)
    }

    /// `not_null(any...)`: the first argument that is not `null`.
    pub fn not_null<'a>(values: Vec<Value<'a>>) -> Value<'a> {
        values
            .into_iter()
            .find(|v| !v.is_null())
            .unwrap_or_default()
    }

    /// `reverse(array|string)`.
    pub fn reverse<'a>(value: Value<'a>) -> Value<'a> {
        match value {
            Value::Array(mut items) => {
                items.reverse();
                Value::Array(items)
            }
            Value::String(text) => Value::from(text.chars().rev().collect::<String>()),
            _ => Value::Null,
        }
    }

    /// `to_array(any)`: an array as it is, anything else in an array of one.
    pub fn to_array<'a>(value: Value<'a>) -> Value<'a> {
        match value {
            Value::Array(_) => value,
            other => Value::Array(vec![other]),
        }
    }

    /// `to_string(any)`: a string as it is, anything else as compact JSON.
    pub fn to_string<'a>(value: Value<'a>) -> Value<'a> {
        match value {
            Value::String(_) => value,
            other => Value::from(other.to_string()),
        }
    }

    /// `to_number(any)`: a number as it is, a string that reads as one, else `null`.
    pub fn to_number<'a>(value: Value<'a>) -> Value<'a> {
        match value {
            Value::Number(_) => value,
            Value::String(text) => text
                .trim()
                .parse::<f64>()
                .map_or(Value::Null, Value::Number),
            _ => Value::Null,
        }
    }

    /// `type(any)`: the JMESPath type name.
    pub fn type_of<'a>(value: Value<'a>) -> Value<'a> {
        Value::from(value.type_name())
    }
}

#[cfg(test)]
mod tests {
    use super::functions::*;
    use super::*;

    fn json(text: &str) -> serde_json::Value {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn truthiness_follows_jmespath() {
        for falsy in ["null", "false", "\"\"", "[]", "{}"] {
            assert!(!Value::from_json(&json(falsy)).is_truthy(), "{falsy}");
        }
        for truthy in ["0", "true", "\"a\"", "[null]", "{\"a\":null}", "-1.5"] {
            assert!(Value::from_json(&json(truthy)).is_truthy(), "{truthy}");
        }
    }

    #[test]
    fn equality_is_deep_and_never_mixes_booleans_and_numbers() {
        assert_eq!(Value::Number(1.0), Value::from_json(&json("1")));
        assert_ne!(Value::Bool(true), Value::Number(1.0));
        assert_ne!(Value::Bool(false), Value::Number(0.0));
        assert_ne!(Value::Null, Value::Bool(false));
        assert_ne!(Value::from(""), Value::Null);
        let a = json(r#"{"a": [1, {"b": "c"}], "d": null}"#);
        let b = json(r#"{"d": null, "a": [1.0, {"b": "c"}]}"#);
        assert_eq!(Value::from_json(&a), Value::from_json(&b));
        let c = json(r#"{"d": null, "a": [1.0, {"b": "x"}]}"#);
        assert_ne!(Value::from_json(&a), Value::from_json(&c));
        assert_ne!(
            Value::from_json(&json("[1]")),
            Value::from_json(&json("[1, 2]"))
        );
    }

    #[test]
    fn ordering_compares_numbers_and_strings_only() {
        let cmp = |a: &str, op, b: &str| {
            Value::from_json(&json(a))
                .compare(op, Value::from_json(&json(b)))
                .into_owned()
        };
        assert_eq!(cmp("1", Comparator::Lt, "2"), Value::Bool(true));
        assert_eq!(cmp("2", Comparator::Le, "2"), Value::Bool(true));
        assert_eq!(cmp("2", Comparator::Gt, "2"), Value::Bool(false));
        assert_eq!(cmp("3", Comparator::Ge, "2.5"), Value::Bool(true));
        assert_eq!(cmp("\"a\"", Comparator::Lt, "\"b\""), Value::Bool(true));
        assert_eq!(cmp("\"a\"", Comparator::Lt, "1"), Value::Null);
        assert_eq!(cmp("true", Comparator::Gt, "false"), Value::Null);
        assert_eq!(cmp("null", Comparator::Lt, "1"), Value::Null);
        assert_eq!(cmp("[1]", Comparator::Eq, "[1]"), Value::Bool(true));
        assert_eq!(cmp("[1]", Comparator::Ne, "[1]"), Value::Bool(false));
    }

    #[test]
    fn and_or_not_return_what_jmespath_returns() {
        let a = || Value::from("a");
        assert_eq!(Value::from("").or_else(a), Value::from("a"));
        assert_eq!(Value::from("x").or_else(a), Value::from("x"));
        assert_eq!(Value::Null.and_then(a), Value::Null);
        assert_eq!(Value::Array(vec![]).and_then(a), Value::Array(vec![]));
        assert_eq!(Value::Number(0.0).and_then(a), Value::from("a"));
        assert_eq!(Value::Number(0.0).logical_not(), Value::Bool(false));
        assert_eq!(Value::Null.logical_not(), Value::Bool(true));
    }

    #[test]
    fn fields_indexes_slices_and_flatten() {
        let doc = json(r#"{"a": {"b": [0, 1, 2, 3, 4, 5]}, "c": [[1, 2], 3, [4, [5]]]}"#);
        let root = || Value::from_json(&doc);
        assert_eq!(root().field("a").field("b").index(-1), Value::Number(5.0));
        assert_eq!(root().field("a").field("b").index(6), Value::Null);
        assert_eq!(root().field("a").field("x"), Value::Null);
        assert_eq!(root().field("a").index(0), Value::Null);
        let slice = |start, stop, step| {
            root()
                .field("a")
                .field("b")
                .slice(start, stop, step)
                .to_json()
        };
        assert_eq!(slice(Some(1), Some(3), None), json("[1, 2]"));
        assert_eq!(slice(None, None, Some(-1)), json("[5, 4, 3, 2, 1, 0]"));
        assert_eq!(slice(Some(-2), None, None), json("[4, 5]"));
        assert_eq!(slice(Some(10), None, None), json("[]"));
        assert_eq!(slice(None, None, Some(2)), json("[0, 2, 4]"));
        assert_eq!(slice(Some(4), Some(1), Some(-2)), json("[4, 2]"));
        assert_eq!(
            root().field("a").field("b").slice(None, None, Some(0)),
            Value::Null
        );
        assert_eq!(
            root().field("c").flatten().to_json(),
            json("[1, 2, 3, 4, [5]]")
        );
        assert_eq!(root().field("a").flatten(), Value::Null);
    }

    #[test]
    fn projections_leave_out_nulls() {
        let doc = json(
            r#"{"items": [{"s": "A"}, {"t": 1}, {"s": "B"}], "map": {"x": {"s": "C"}, "y": {}}}"#,
        );
        let root = || Value::from_json(&doc);
        let projected = root().field("items").project(|item| item.field("s"));
        assert_eq!(projected.to_json(), json(r#"["A", "B"]"#));
        let values = root().field("map").project_values(|item| item.field("s"));
        assert_eq!(values.to_json(), json(r#"["C"]"#));
        assert_eq!(root().field("map").project(|item| item), Value::Null);
        assert_eq!(
            root().field("items").project_values(|item| item),
            Value::Null
        );
        let filtered = root().field("items").filter_project(
            |item| {
                item.clone()
                    .field("s")
                    .compare(Comparator::Eq, Value::from("B"))
                    .is_truthy()
            },
            |item| item,
        );
        assert_eq!(filtered.to_json(), json(r#"[{"s": "B"}]"#));
    }

    #[test]
    fn functions_follow_jmespath() {
        let v = |text: &str| Value::from_json(&json(text)).into_owned();
        assert_eq!(length(v("\"héllo\"")), Value::Number(5.0));
        assert_eq!(length(v("[1, 2]")), Value::Number(2.0));
        assert_eq!(length(v("{\"a\": 1}")), Value::Number(1.0));
        assert_eq!(length(v("null")), Value::Null);
        assert_eq!(length(v("3")), Value::Null);
        assert_eq!(contains(v("[\"a\", 1]"), v("1")), Value::Bool(true));
        assert_eq!(contains(v("[\"a\", 1]"), v("true")), Value::Bool(false));
        assert_eq!(contains(v("\"abc\""), v("\"bc\"")), Value::Bool(true));
        assert_eq!(contains(v("null"), v("\"bc\"")), Value::Null);
        assert_eq!(
            keys(v("{\"a\": 1, \"b\": 2}")).to_json(),
            json("[\"a\", \"b\"]")
        );
        assert_eq!(values(v("{\"a\": 1, \"b\": 2}")).to_json(), json("[1, 2]"));
        assert_eq!(keys(v("[1]")), Value::Null);
        assert_eq!(starts_with(v("\"abc\""), v("\"ab\"")), Value::Bool(true));
        assert_eq!(ends_with(v("\"abc\""), v("\"ab\"")), Value::Bool(false));
        assert_eq!(abs(v("-2")), Value::Number(2.0));
        assert_eq!(ceil(v("1.2")), Value::Number(2.0));
        assert_eq!(floor(v("1.8")), Value::Number(1.0));
        assert_eq!(sum(v("[1, 2.5]")), Value::Number(3.5));
        assert_eq!(avg(v("[1, 2]")), Value::Number(1.5));
        assert_eq!(avg(v("[]")), Value::Null);
        assert_eq!(max(v("[1, 3, 2]")), Value::Number(3.0));
        assert_eq!(min(v("[\"b\", \"a\"]")), Value::from("a"));
        assert_eq!(max(v("[1, \"a\"]")), Value::Null);
        assert_eq!(sort(v("[3, 1, 2]")).to_json(), json("[1, 2, 3]"));
        assert_eq!(reverse(v("\"abc\"")), Value::from("cba"));
        assert_eq!(join(v("\", \""), v("[\"a\", \"b\"]")), Value::from("a, b"));
        assert_eq!(join(v("\",\""), v("[\"a\", 1]")), Value::Null);
        assert_eq!(to_array(v("1")).to_json(), json("[1]"));
        assert_eq!(to_string(v("[1, \"a\"]")), Value::from("[1,\"a\"]"));
        assert_eq!(to_number(v("\"1.5\"")), Value::Number(1.5));
        assert_eq!(to_number(v("\"x\"")), Value::Null);
        assert_eq!(type_of(v("{}")), Value::from("object"));
        assert_eq!(not_null(vec![Value::Null, v("2")]), Value::Number(2.0));
        assert_eq!(
            merge(vec![v("{\"a\": 1}"), v("{\"a\": 2, \"b\": 3}")]).to_json(),
            json("{\"a\": 2, \"b\": 3}")
        );
    }

    #[test]
    fn typed_members_convert() {
        let text = String::from("ACTIVE");
        assert_eq!(Some(&text).into_value(), Value::from("ACTIVE"));
        assert_eq!(None::<&String>.into_value(), Value::Null);
        assert_eq!(Some(&7_i64).into_value(), Value::Number(7.0));
        assert_eq!(Some(&true).into_value(), Value::Bool(true));
        assert_eq!(Value::Number(3.0).to_string(), "3");
        assert_eq!(Value::from("a").as_str(), Some("a"));
        assert_eq!(Value::Bool(true).as_bool(), Some(true));
        assert_eq!(Value::Number(2.0).as_f64(), Some(2.0));
        assert_eq!(
            Value::from(vec![Value::Null]).as_array(),
            Some(&[Value::Null][..])
        );
        assert_eq!(Value::Null.as_array(), None);
        assert_eq!(Value::Number(0.5).to_string(), "0.5");
    }
}
