//! The value model shared by the three languages, and its JSON encoding on the harness wire.
//!
//! Scalars that JSON spells the same are plain JSON (`null`, `true`, `42`, `"text"`, `[1, 2]`);
//! everything JSON cannot tell apart is tagged with a one-key object:
//! `{"float": 1.0}` (also `"nan"`, `"inf"`, `"-inf"`), `{"char": "a"}`, `{"int": "123…"}` (an
//! integer outside the 64-bit range), `{"tuple": [..]}`, `{"set": [..]}`, `{"map": [[k, v], ..]}`
//! and `{"record": "Point", "fields": {"x": 1}}`. Every harness reads and writes exactly this.

use std::fmt;

use serde_json::{json, Map as JsonMap, Number, Value as Json};

/// A value passed to or returned from a function under test.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`, `None`, `nil`.
    Null,
    Bool(bool),
    /// Any integer up to 128 bits (wide enough to show a 64-bit overflow).
    Int(i128),
    /// An integer outside the `i128` range, in decimal.
    BigInt(String),
    Float(f64),
    /// One character (a Java `char`, a Go `rune`, a 1-character Python `str`).
    Char(char),
    Str(String),
    /// Arrays, lists, slices, deques.
    List(Vec<Value>),
    Tuple(Vec<Value>),
    /// Elements in no particular order, without duplicates.
    Set(Vec<Value>),
    /// Entries in no particular order, without duplicate keys.
    Map(Vec<(Value, Value)>),
    /// An object of a user class: its class name and fields.
    Record {
        class: String,
        fields: Vec<(String, Value)>,
    },
}

/// A harness sent something that is not a value of the model.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodeError(pub String);

impl Value {
    /// The wire encoding of the value.
    pub fn to_json(&self) -> Json {
        match self {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Int(i) => match i64::try_from(*i) {
                Ok(small) => Json::Number(small.into()),
                Err(_) => json!({ "int": i.to_string() }),
            },
            Value::BigInt(digits) => json!({ "int": digits }),
            Value::Float(f) => json!({ "float": float_to_json(*f) }),
            Value::Char(c) => json!({ "char": c.to_string() }),
            Value::Str(s) => Json::String(s.clone()),
            Value::List(items) => Json::Array(items.iter().map(Value::to_json).collect()),
            Value::Tuple(items) => {
                json!({ "tuple": items.iter().map(Value::to_json).collect::<Vec<_>>() })
            }
            Value::Set(items) => {
                json!({ "set": items.iter().map(Value::to_json).collect::<Vec<_>>() })
            }
            Value::Map(entries) => json!({
                "map": entries
                    .iter()
                    .map(|(k, v)| Json::Array(vec![k.to_json(), v.to_json()]))
                    .collect::<Vec<_>>()
            }),
            Value::Record { class, fields } => {
                let fields: JsonMap<String, Json> = fields
                    .iter()
                    .map(|(name, v)| (name.clone(), v.to_json()))
                    .collect();
                json!({ "record": class, "fields": fields })
            }
        }
    }

    /// Reads a value from its wire encoding.
    pub fn from_json(json: &Json) -> Result<Value, DecodeError> {
        match json {
            Json::Null => Ok(Value::Null),
            Json::Bool(b) => Ok(Value::Bool(*b)),
            Json::Number(n) => Ok(number(n)),
            Json::String(s) => Ok(Value::Str(s.clone())),
            Json::Array(items) => Ok(Value::List(values(items)?)),
            Json::Object(object) => tagged(object),
        }
    }

    /// Parses an integer written in decimal, keeping it exact at any size.
    pub fn int_from_decimal(digits: &str) -> Value {
        match digits.parse::<i128>() {
            Ok(i) => Value::Int(i),
            Err(_) => Value::BigInt(digits.to_string()),
        }
    }
}

fn float_to_json(f: f64) -> Json {
    if f.is_nan() {
        Json::String("nan".into())
    } else if f.is_infinite() {
        Json::String(if f > 0.0 { "inf" } else { "-inf" }.into())
    } else {
        Number::from_f64(f).map_or(Json::Null, Json::Number)
    }
}

fn number(n: &Number) -> Value {
    if let Some(i) = n.as_i64() {
        Value::Int(i.into())
    } else if let Some(u) = n.as_u64() {
        Value::Int(u.into())
    } else {
        Value::Float(n.as_f64().unwrap_or(f64::NAN))
    }
}

fn values(items: &[Json]) -> Result<Vec<Value>, DecodeError> {
    items.iter().map(Value::from_json).collect()
}

fn array<'a>(json: &'a Json, tag: &str) -> Result<&'a [Json], DecodeError> {
    json.as_array()
        .map(Vec::as_slice)
        .ok_or_else(|| DecodeError(format!("`{tag}` holds {json}, not an array")))
}

fn tagged(object: &JsonMap<String, Json>) -> Result<Value, DecodeError> {
    let bad = || {
        DecodeError(format!(
            "unknown value encoding {}",
            Json::Object(object.clone())
        ))
    };
    if let Some(class) = object.get("record") {
        let class = class.as_str().ok_or_else(bad)?.to_string();
        let fields = match object.get("fields") {
            Some(Json::Object(fields)) => fields
                .iter()
                .map(|(k, v)| Ok((k.clone(), Value::from_json(v)?)))
                .collect::<Result<Vec<_>, DecodeError>>()?,
            _ => Vec::new(),
        };
        return Ok(Value::Record { class, fields });
    }
    let mut entries = object.iter();
    let (Some((tag, inner)), None) = (entries.next(), entries.next()) else {
        return Err(bad());
    };
    match (tag.as_str(), inner) {
        ("float", Json::Number(n)) => Ok(Value::Float(n.as_f64().unwrap_or(f64::NAN))),
        ("float", Json::String(s)) => match s.as_str() {
            "nan" => Ok(Value::Float(f64::NAN)),
            "inf" => Ok(Value::Float(f64::INFINITY)),
            "-inf" => Ok(Value::Float(f64::NEG_INFINITY)),
            _ => Err(bad()),
        },
        ("char", Json::String(s)) => {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(Value::Char(c)),
                _ => Ok(Value::Str(s.clone())),
            }
        }
        ("int", Json::String(digits)) => Ok(Value::int_from_decimal(digits)),
        ("tuple", items) => Ok(Value::Tuple(values(array(items, tag)?)?)),
        ("set", items) => Ok(Value::Set(values(array(items, tag)?)?)),
        ("map", items) => array(items, tag)?
            .iter()
            .map(|entry| match entry.as_array().map(Vec::as_slice) {
                Some([k, v]) => Ok((Value::from_json(k)?, Value::from_json(v)?)),
                _ => Err(bad()),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Map),
        _ => Err(bad()),
    }
}

/// A language-neutral rendering for reports: `[1, 2]`, `(1, "a")`, `{1, 2}`, `{"a": 1}`, `'c'`.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn seq(
            f: &mut fmt::Formatter<'_>,
            open: &str,
            items: &[Value],
            close: &str,
        ) -> fmt::Result {
            f.write_str(open)?;
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{item}")?;
            }
            if open == "(" && items.len() == 1 {
                f.write_str(",")?;
            }
            f.write_str(close)
        }
        match self {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::BigInt(digits) => f.write_str(digits),
            Value::Float(x) if x.is_nan() => f.write_str("nan"),
            Value::Float(x) if x.is_infinite() => {
                f.write_str(if *x > 0.0 { "inf" } else { "-inf" })
            }
            Value::Float(x) if x.fract() == 0.0 && x.abs() < 1e16 => write!(f, "{x:.1}"),
            Value::Float(x) if x.abs() >= 1e16 => write!(f, "{x:e}"),
            Value::Float(x) => write!(f, "{x}"),
            Value::Char(c) => write!(f, "'{}'", c.escape_debug()),
            Value::Str(s) => write!(f, "\"{}\"", s.escape_debug()),
            Value::List(items) => seq(f, "[", items, "]"),
            Value::Tuple(items) => seq(f, "(", items, ")"),
            Value::Set(items) if items.is_empty() => f.write_str("set()"),
            Value::Set(items) => seq(f, "{", items, "}"),
            Value::Map(entries) => {
                f.write_str("{")?;
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{k}: {v}")?;
                }
                f.write_str("}")
            }
            Value::Record { class, fields } => {
                write!(f, "{class}(")?;
                for (i, (name, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{name}={v}")?;
                }
                f.write_str(")")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(v: Value) {
        let json = v.to_json();
        let back = Value::from_json(&json).unwrap();
        assert_eq!(format!("{back:?}"), format!("{v:?}"), "through {json}");
    }

    #[test]
    fn every_kind_round_trips_through_json() {
        round_trip(Value::Null);
        round_trip(Value::Bool(true));
        round_trip(Value::Int(-7));
        round_trip(Value::Int(i128::from(i64::MAX) * 4));
        round_trip(Value::BigInt(
            "123456789012345678901234567890123456789012".into(),
        ));
        round_trip(Value::Float(1.0));
        round_trip(Value::Float(f64::NAN));
        round_trip(Value::Float(f64::NEG_INFINITY));
        round_trip(Value::Char('é'));
        round_trip(Value::Str("a\"b😀".into()));
        round_trip(Value::List(vec![Value::Int(1), Value::Str("x".into())]));
        round_trip(Value::Tuple(vec![Value::Int(1), Value::Float(2.5)]));
        round_trip(Value::Set(vec![Value::Int(3)]));
        round_trip(Value::Map(vec![(Value::Int(1), Value::List(vec![]))]));
        round_trip(Value::Record {
            class: "Point".into(),
            fields: vec![("x".into(), Value::Int(1))],
        });
    }

    #[test]
    fn renders_language_neutral_text() {
        let v = Value::Map(vec![(
            Value::Str("k".into()),
            Value::Tuple(vec![Value::Float(2.0), Value::Char('c')]),
        )]);
        assert_eq!(v.to_string(), r#"{"k": (2.0, 'c')}"#);
        assert_eq!(Value::Set(vec![]).to_string(), "set()");
        assert_eq!(Value::Float(1e42).to_string(), "1e42");
    }
}
