//! Tokens of a JMESPath expression, as jmespath.py's lexer splits them
//! (including its reading of literals: JSON, else, as jmespath.py still
//! accepts, the text as a string).

use super::ParseError;

/// One token.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Dot,
    Star,
    LBracket,
    RBracket,
    /// `[]`
    Flatten,
    /// `[?`
    Filter,
    LBrace,
    RBrace,
    LParen,
    RParen,
    Comma,
    Colon,
    /// `@`
    Current,
    /// `&`
    ExpRef,
    And,
    Or,
    Pipe,
    Not,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Number(i64),
    Identifier(String),
    QuotedIdentifier(String),
    Literal(serde_json::Value),
    Eof,
}

impl Tok {
    /// How tightly the token binds as an operator (jmespath.py's `BINDING_POWER`).
    pub fn binding_power(&self) -> u8 {
        match self {
            Tok::Pipe => 1,
            Tok::Or => 2,
            Tok::And => 3,
            Tok::Eq | Tok::Ne | Tok::Lt | Tok::Le | Tok::Gt | Tok::Ge => 5,
            Tok::Flatten => 9,
            Tok::Star => 20,
            Tok::Filter => 21,
            Tok::Dot => 40,
            Tok::Not => 45,
            Tok::LBrace => 50,
            Tok::LBracket => 55,
            Tok::LParen => 60,
            _ => 0,
        }
    }

    /// The token as a message names it.
    pub fn describe(&self) -> String {
        let fixed = match self {
            Tok::Dot => "'.'",
            Tok::Star => "'*'",
            Tok::LBracket => "'['",
            Tok::RBracket => "']'",
            Tok::Flatten => "'[]'",
            Tok::Filter => "'[?'",
            Tok::LBrace => "'{'",
            Tok::RBrace => "'}'",
            Tok::LParen => "'('",
            Tok::RParen => "')'",
            Tok::Comma => "','",
            Tok::Colon => "':'",
            Tok::Current => "'@'",
            Tok::ExpRef => "'&'",
            Tok::And => "'&&'",
            Tok::Or => "'||'",
            Tok::Pipe => "'|'",
            Tok::Not => "'!'",
            Tok::Eq => "'=='",
            Tok::Ne => "'!='",
            Tok::Lt => "'<'",
            Tok::Le => "'<='",
            Tok::Gt => "'>'",
            Tok::Ge => "'>='",
            Tok::Eof => "the end of the expression",
            Tok::Number(n) => return format!("the number {n}"),
            Tok::Identifier(name) => return format!("the name {name:?}"),
            Tok::QuotedIdentifier(name) => return format!("the quoted name {name:?}"),
            Tok::Literal(value) => return format!("the literal `{value}`"),
        };
        fixed.to_owned()
    }
}

/// A token and the character offset it starts at.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub position: usize,
}

/// Splits `expression` into tokens, ending with [`Tok::Eof`].
pub fn tokenize(expression: &str) -> Result<Vec<Token>, ParseError> {
    let chars: Vec<char> = expression.chars().collect();
    let error = |position: usize, message: String| ParseError {
        expression: expression.to_owned(),
        position,
        message,
    };
    if chars.is_empty() {
        return Err(error(0, "an empty expression".to_owned()));
    }
    let mut tokens = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        let start = at;
        let c = chars[at];
        let next = chars.get(at + 1).copied();
        let simple = match c {
            '.' => Some(Tok::Dot),
            '*' => Some(Tok::Star),
            ']' => Some(Tok::RBracket),
            ',' => Some(Tok::Comma),
            ':' => Some(Tok::Colon),
            '@' => Some(Tok::Current),
            '(' => Some(Tok::LParen),
            ')' => Some(Tok::RParen),
            '{' => Some(Tok::LBrace),
            '}' => Some(Tok::RBrace),
            _ => None,
        };
        if let Some(tok) = simple {
            tokens.push(Token {
                tok,
                position: start,
            });
            at += 1;
            continue;
        }
        let (tok, end) = match c {
            ' ' | '\t' | '\n' | '\r' => {
                at += 1;
                continue;
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let mut end = at + 1;
                while end < chars.len() && (chars[end].is_ascii_alphanumeric() || chars[end] == '_')
                {
                    end += 1;
                }
                (Tok::Identifier(chars[at..end].iter().collect()), end)
            }
            '[' => match next {
                Some(']') => (Tok::Flatten, at + 2),
                Some('?') => (Tok::Filter, at + 2),
                _ => (Tok::LBracket, at + 1),
            },
            '|' if next == Some('|') => (Tok::Or, at + 2),
            '|' => (Tok::Pipe, at + 1),
            '&' if next == Some('&') => (Tok::And, at + 2),
            '&' => (Tok::ExpRef, at + 1),
            '!' if next == Some('=') => (Tok::Ne, at + 2),
            '!' => (Tok::Not, at + 1),
            '<' if next == Some('=') => (Tok::Le, at + 2),
            '<' => (Tok::Lt, at + 1),
            '>' if next == Some('=') => (Tok::Ge, at + 2),
            '>' => (Tok::Gt, at + 1),
            '=' if next == Some('=') => (Tok::Eq, at + 2),
            '=' => {
                return Err(error(
                    start,
                    "'=' is not an operator (did you mean '=='?)".to_owned(),
                ))
            }
            '0'..='9' | '-' => {
                let mut end = at + 1;
                while end < chars.len() && chars[end].is_ascii_digit() {
                    end += 1;
                }
                let text: String = chars[at..end].iter().collect();
                if text == "-" {
                    return Err(error(start, "'-' must start a number".to_owned()));
                }
                let number = text
                    .parse::<i64>()
                    .map_err(|_| error(start, format!("the number {text} is too large")))?;
                (Tok::Number(number), end)
            }
            '`' => {
                let (raw, end) = until(&chars, at, '`')
                    .ok_or_else(|| error(start, "a literal without its closing '`'".to_owned()))?;
                let text = raw.replace("\\`", "`");
                let value = serde_json::from_str::<serde_json::Value>(&text)
                    .or_else(|_| {
                        // jmespath.py still reads invalid JSON as a string (JEP-12's deprecation).
                        serde_json::from_str::<serde_json::Value>(&format!(
                            "\"{}\"",
                            text.trim_start()
                        ))
                    })
                    .map_err(|_| error(start, format!("the literal `{text}` is not JSON")))?;
                (Tok::Literal(value), end)
            }
            '\'' => {
                let (raw, end) = until(&chars, at, '\'').ok_or_else(|| {
                    error(start, "a raw string without its closing quote".to_owned())
                })?;
                (
                    Tok::Literal(serde_json::Value::String(raw.replace("\\'", "'"))),
                    end,
                )
            }
            '"' => {
                let (raw, end) = until(&chars, at, '"').ok_or_else(|| {
                    error(start, "a quoted name without its closing quote".to_owned())
                })?;
                let name =
                    serde_json::from_str::<String>(&format!("\"{raw}\"")).map_err(|err| {
                        error(
                            start,
                            format!("the quoted name \"{raw}\" is not a JSON string: {err}"),
                        )
                    })?;
                (Tok::QuotedIdentifier(name), end)
            }
            other => return Err(error(start, format!("unexpected character {other:?}"))),
        };
        tokens.push(Token {
            tok,
            position: start,
        });
        at = end;
    }
    tokens.push(Token {
        tok: Tok::Eof,
        position: chars.len(),
    });
    Ok(tokens)
}

/// The text between the delimiter at `open` and the next unescaped one, as
/// jmespath.py's `_consume_until` gives it (a backslash and the character
/// after it are kept as they are), and the offset after the closing one.
fn until(chars: &[char], open: usize, delimiter: char) -> Option<(String, usize)> {
    let mut text = String::new();
    let mut at = open + 1;
    loop {
        let c = *chars.get(at)?;
        if c == delimiter {
            return Some((text, at + 1));
        }
        if c == '\\' {
            text.push('\\');
            at += 1;
            text.push(*chars.get(at)?);
        } else {
            text.push(c);
        }
        at += 1;
    }
}
