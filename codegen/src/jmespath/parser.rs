//! A Pratt parser for JMESPath, function for function jmespath.py's
//! (`jmespath/parser.py`): the same binding powers, the same projection
//! rules, so every expression parses to the tree botocore evaluates.

use super::lexer::{tokenize, Tok, Token};
use super::{Comparator, Expr, ParseError};

/// Projections take in what follows them while it binds at least this tightly.
const PROJECTION_STOP: u8 = 10;

/// Parses a whole expression.
pub fn parse(expression: &str) -> Result<Expr, ParseError> {
    let tokens = tokenize(expression)?;
    let mut parser = Parser {
        expression,
        tokens,
        index: 0,
    };
    let parsed = parser.expression(0)?;
    match parser.current() {
        Tok::Eof => Ok(parsed),
        other => Err(parser.error_here(format!("unexpected {}", other.describe()))),
    }
}

struct Parser<'e> {
    expression: &'e str,
    tokens: Vec<Token>,
    index: usize,
}

type Parsed = Result<Expr, ParseError>;

fn boxed(expr: Expr) -> Box<Expr> {
    Box::new(expr)
}

impl Parser<'_> {
    fn token(&self, ahead: usize) -> &Token {
        // The list always ends with Eof, and nothing advances past it.
        let last = self.tokens.len() - 1;
        &self.tokens[(self.index + ahead).min(last)]
    }

    fn current(&self) -> &Tok {
        &self.token(0).tok
    }

    fn advance(&mut self) {
        if self.index + 1 < self.tokens.len() {
            self.index += 1;
        }
    }

    fn error_at(&self, position: usize, message: String) -> ParseError {
        ParseError {
            expression: self.expression.to_owned(),
            position,
            message,
        }
    }

    fn error_here(&self, message: String) -> ParseError {
        self.error_at(self.token(0).position, message)
    }

    fn expect(&mut self, wanted: &Tok, what: &str) -> Result<(), ParseError> {
        if self.current() == wanted {
            self.advance();
            Ok(())
        } else {
            Err(self.error_here(format!(
                "expected {what}, found {}",
                self.current().describe()
            )))
        }
    }

    fn expression(&mut self, binding_power: u8) -> Parsed {
        let token = self.token(0).clone();
        self.advance();
        let mut left = self.nud(token)?;
        while binding_power < self.current().binding_power() {
            let token = self.token(0).clone();
            self.advance();
            left = self.led(token, left)?;
        }
        Ok(left)
    }

    /// A token at the start of an expression.
    fn nud(&mut self, token: Token) -> Parsed {
        match token.tok {
            Tok::Literal(value) => Ok(Expr::Literal(value)),
            Tok::Identifier(name) => Ok(Expr::Field {
                name,
                position: token.position,
            }),
            Tok::QuotedIdentifier(name) => {
                if *self.current() == Tok::LParen {
                    return Err(self.error_at(
                        token.position,
                        "a quoted name cannot name a function".to_owned(),
                    ));
                }
                Ok(Expr::Field {
                    name,
                    position: token.position,
                })
            }
            Tok::Star => {
                let right = if *self.current() == Tok::RBracket {
                    Expr::Identity
                } else {
                    self.projection_rhs(Tok::Star.binding_power())?
                };
                Ok(Expr::ValueProjection(boxed(Expr::Identity), boxed(right)))
            }
            Tok::Filter => self.led_filter(Expr::Identity),
            Tok::LBrace => self.multi_select_hash(),
            Tok::LParen => {
                let inner = self.expression(0)?;
                self.expect(&Tok::RParen, "')'")?;
                Ok(inner)
            }
            Tok::Flatten => {
                let left = Expr::Flatten(boxed(Expr::Identity));
                let right = self.projection_rhs(Tok::Flatten.binding_power())?;
                Ok(Expr::Projection(boxed(left), boxed(right)))
            }
            Tok::Not => {
                let inner = self.expression(Tok::Not.binding_power())?;
                Ok(Expr::Not(boxed(inner)))
            }
            Tok::LBracket => match self.current() {
                Tok::Number(_) | Tok::Colon => {
                    let right = self.index_expression()?;
                    self.project_if_slice(Expr::Identity, right)
                }
                Tok::Star if self.token(1).tok == Tok::RBracket => {
                    self.advance();
                    self.advance();
                    let right = self.projection_rhs(Tok::Star.binding_power())?;
                    Ok(Expr::Projection(boxed(Expr::Identity), boxed(right)))
                }
                _ => self.multi_select_list(),
            },
            Tok::Current => Ok(Expr::Identity),
            Tok::ExpRef => {
                let inner = self.expression(Tok::ExpRef.binding_power())?;
                Ok(Expr::ExpressionReference(boxed(inner)))
            }
            Tok::Eof => {
                Err(self.error_at(token.position, "the expression is incomplete".to_owned()))
            }
            other => Err(self.error_at(
                token.position,
                format!("an expression cannot start with {}", other.describe()),
            )),
        }
    }

    /// A token after an expression, taking it as its left side.
    fn led(&mut self, token: Token, left: Expr) -> Parsed {
        match token.tok {
            Tok::Dot => {
                if *self.current() == Tok::Star {
                    self.advance();
                    let right = self.projection_rhs(Tok::Dot.binding_power())?;
                    Ok(Expr::ValueProjection(boxed(left), boxed(right)))
                } else {
                    let right = self.dot_rhs(Tok::Dot.binding_power())?;
                    Ok(Expr::Subexpression(boxed(left), boxed(right)))
                }
            }
            Tok::Pipe => {
                let right = self.expression(Tok::Pipe.binding_power())?;
                Ok(Expr::Pipe(boxed(left), boxed(right)))
            }
            Tok::Or => {
                let right = self.expression(Tok::Or.binding_power())?;
                Ok(Expr::Or(boxed(left), boxed(right)))
            }
            Tok::And => {
                let right = self.expression(Tok::And.binding_power())?;
                Ok(Expr::And(boxed(left), boxed(right)))
            }
            Tok::LParen => {
                let Expr::Field { name, position } = left else {
                    return Err(self.error_at(
                        token.position,
                        "only a name can be called as a function".to_owned(),
                    ));
                };
                let mut args = Vec::new();
                while *self.current() != Tok::RParen {
                    args.push(self.expression(0)?);
                    if *self.current() == Tok::Comma {
                        self.advance();
                    } else if *self.current() != Tok::RParen {
                        return Err(self.error_here(format!(
                            "expected ',' or ')' in the arguments of {name}(), found {}",
                            self.current().describe()
                        )));
                    }
                }
                self.advance();
                Ok(Expr::Function {
                    name,
                    args,
                    position,
                })
            }
            Tok::Filter => self.led_filter(left),
            Tok::Eq | Tok::Ne | Tok::Lt | Tok::Le | Tok::Gt | Tok::Ge => {
                let op = match token.tok {
                    Tok::Eq => Comparator::Eq,
                    Tok::Ne => Comparator::Ne,
                    Tok::Lt => Comparator::Lt,
                    Tok::Le => Comparator::Le,
                    Tok::Gt => Comparator::Gt,
                    _ => Comparator::Ge,
                };
                let right = self.expression(token.tok.binding_power())?;
                Ok(Expr::Comparison(op, boxed(left), boxed(right)))
            }
            Tok::Flatten => {
                let left = Expr::Flatten(boxed(left));
                let right = self.projection_rhs(Tok::Flatten.binding_power())?;
                Ok(Expr::Projection(boxed(left), boxed(right)))
            }
            Tok::LBracket => match self.current() {
                Tok::Number(_) | Tok::Colon => {
                    let right = self.index_expression()?;
                    self.project_if_slice(left, right)
                }
                _ => {
                    self.expect(&Tok::Star, "a number, ':' or '*' after '['")?;
                    self.expect(&Tok::RBracket, "']'")?;
                    let right = self.projection_rhs(Tok::Star.binding_power())?;
                    Ok(Expr::Projection(boxed(left), boxed(right)))
                }
            },
            other => Err(self.error_at(
                token.position,
                format!("unexpected {} after an expression", other.describe()),
            )),
        }
    }

    fn led_filter(&mut self, left: Expr) -> Parsed {
        let condition = self.expression(0)?;
        self.expect(&Tok::RBracket, "']' closing the filter")?;
        let right = if *self.current() == Tok::Flatten {
            Expr::Identity
        } else {
            self.projection_rhs(Tok::Filter.binding_power())?
        };
        Ok(Expr::FilterProjection {
            left: boxed(left),
            right: boxed(right),
            condition: boxed(condition),
        })
    }

    /// After `[`: `n]`, or a slice `start:stop:step]`.
    fn index_expression(&mut self) -> Parsed {
        if *self.current() == Tok::Colon || self.token(1).tok == Tok::Colon {
            return self.slice_expression();
        }
        let Tok::Number(index) = *self.current() else {
            return Err(self.error_here(format!(
                "expected an index, found {}",
                self.current().describe()
            )));
        };
        self.advance();
        self.expect(&Tok::RBracket, "']'")?;
        Ok(Expr::Index(index))
    }

    fn slice_expression(&mut self) -> Parsed {
        let mut parts = [None, None, None];
        let mut part = 0;
        while *self.current() != Tok::RBracket && part < 3 {
            match *self.current() {
                Tok::Colon => {
                    part += 1;
                    if part == 3 {
                        return Err(self.error_here("a slice has at most three parts".to_owned()));
                    }
                    self.advance();
                }
                Tok::Number(n) => {
                    parts[part] = Some(n);
                    self.advance();
                }
                _ => {
                    return Err(self.error_here(format!(
                        "expected a number, ':' or ']' in a slice, found {}",
                        self.current().describe()
                    )))
                }
            }
        }
        let step_position = self.token(0).position;
        self.expect(&Tok::RBracket, "']'")?;
        if parts[2] == Some(0) {
            return Err(self.error_at(step_position, "a slice's step cannot be 0".to_owned()));
        }
        Ok(Expr::Slice {
            start: parts[0],
            stop: parts[1],
            step: parts[2],
        })
    }

    fn project_if_slice(&mut self, left: Expr, right: Expr) -> Parsed {
        let is_slice = matches!(right, Expr::Slice { .. });
        let indexed = Expr::IndexExpression(boxed(left), boxed(right));
        if is_slice {
            let rhs = self.projection_rhs(Tok::Star.binding_power())?;
            Ok(Expr::Projection(boxed(indexed), boxed(rhs)))
        } else {
            Ok(indexed)
        }
    }

    fn multi_select_list(&mut self) -> Parsed {
        let mut items = Vec::new();
        loop {
            items.push(self.expression(0)?);
            if *self.current() == Tok::RBracket {
                break;
            }
            self.expect(&Tok::Comma, "',' or ']' in a multi-select list")?;
        }
        self.advance();
        Ok(Expr::MultiSelectList(items))
    }

    fn multi_select_hash(&mut self) -> Parsed {
        let mut pairs = Vec::new();
        loop {
            let key = match self.current() {
                Tok::Identifier(name) | Tok::QuotedIdentifier(name) => name.clone(),
                other => {
                    return Err(self.error_here(format!(
                        "expected a key in a multi-select hash, found {}",
                        other.describe()
                    )))
                }
            };
            self.advance();
            self.expect(&Tok::Colon, "':' after the key")?;
            let value = self.expression(0)?;
            pairs.push((key, value));
            match self.current() {
                Tok::Comma => self.advance(),
                Tok::RBrace => {
                    self.advance();
                    break;
                }
                other => {
                    return Err(self.error_here(format!(
                        "expected ',' or '}}' in a multi-select hash, found {}",
                        other.describe()
                    )))
                }
            }
        }
        Ok(Expr::MultiSelectHash(pairs))
    }

    /// What a projection applies to each element: what follows it while
    /// that binds tightly enough, else the element itself.
    fn projection_rhs(&mut self, binding_power: u8) -> Parsed {
        if self.current().binding_power() < PROJECTION_STOP {
            return Ok(Expr::Identity);
        }
        match self.current() {
            Tok::LBracket | Tok::Filter => self.expression(binding_power),
            Tok::Dot => {
                self.advance();
                self.dot_rhs(binding_power)
            }
            other => Err(self.error_here(format!(
                "unexpected {} after a projection",
                other.describe()
            ))),
        }
    }

    /// What follows a `.`: a name, `*`, a multi-select list or hash.
    fn dot_rhs(&mut self, binding_power: u8) -> Parsed {
        match self.current() {
            Tok::Identifier(_) | Tok::QuotedIdentifier(_) | Tok::Star => {
                self.expression(binding_power)
            }
            Tok::LBracket => {
                self.advance();
                self.multi_select_list()
            }
            Tok::LBrace => {
                self.advance();
                self.multi_select_hash()
            }
            other => Err(self.error_here(format!(
                "expected a name, '*', '[' or '{{' after '.', found {}",
                other.describe()
            ))),
        }
    }
}
