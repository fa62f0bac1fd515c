//! IR types: the meaning of a value, independent of how any language spells it.

use std::fmt;

/// Integer kinds with explicit widths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IntKind {
    /// Java `byte`, Go `int8`/`byte`.
    I8,
    /// Java `short`.
    I16,
    /// Java `int`, Go `int32`.
    I32,
    /// Java `long`, Go `int`/`int64`.
    I64,
    /// Python `int`: unbounded.
    Big,
}

/// A type in the IR. `Unknown` is what inference could not decide; it is reported, never guessed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Type {
    /// No value (`void`, a function without results).
    Void,
    Bool,
    Int(IntKind),
    /// `double`, `float`, `float64`.
    Float,
    /// One character: a Java UTF-16 `char`, a Go `rune`, a Python 1-character `str`.
    Char,
    Str,
    /// Fixed-size array: Java `T[]`, Go `[]T` when the source is an array.
    Array(Box<Type>),
    /// Growable list: `List<T>`, `list`, `[]T`.
    List(Box<Type>),
    Map(Box<Type>, Box<Type>),
    Set(Box<Type>),
    /// A double-ended queue (also used for stacks and FIFO queues).
    Deque(Box<Type>),
    /// A min-priority queue ordered by the natural order of its elements.
    PriorityQueue(Box<Type>),
    /// `StringBuilder`, `strings.Builder`, a Python list of parts.
    StrBuilder,
    Tuple(Vec<Type>),
    /// A value that may be absent (`null`, `None`, `nil`).
    Optional(Box<Type>),
    /// A user-defined class, struct or interface, by name.
    Named(String),
    /// A function value: parameter types and result.
    Func(Vec<Type>, Box<Type>),
    /// Any value at all (`Object`, `interface{}`/`any`, an untyped Python value).
    Any,
    /// Not known; a backend that needs it reports an unknown-type diagnostic.
    Unknown,
}

impl Type {
    /// Java `int`.
    pub const I32: Type = Type::Int(IntKind::I32);
    /// Java `long`, Go `int`.
    pub const I64: Type = Type::Int(IntKind::I64);
    /// Python `int`.
    pub const BIG: Type = Type::Int(IntKind::Big);

    /// `List<elem>`.
    pub fn list(elem: Type) -> Type {
        Type::List(Box::new(elem))
    }

    /// `Array<elem>`.
    pub fn array(elem: Type) -> Type {
        Type::Array(Box::new(elem))
    }

    /// `Map<key, value>`.
    pub fn map(key: Type, value: Type) -> Type {
        Type::Map(Box::new(key), Box::new(value))
    }

    /// `Set<elem>`.
    pub fn set(elem: Type) -> Type {
        Type::Set(Box::new(elem))
    }

    pub fn is_int(&self) -> bool {
        matches!(self, Type::Int(_))
    }

    pub fn is_numeric(&self) -> bool {
        matches!(self, Type::Int(_) | Type::Float)
    }

    /// Whether the type is fully known (contains no `Unknown`).
    pub fn is_known(&self) -> bool {
        match self {
            Type::Unknown => false,
            Type::Array(t)
            | Type::List(t)
            | Type::Set(t)
            | Type::Deque(t)
            | Type::PriorityQueue(t)
            | Type::Optional(t) => t.is_known(),
            Type::Map(k, v) => k.is_known() && v.is_known(),
            Type::Tuple(ts) => ts.iter().all(Type::is_known),
            Type::Func(ps, r) => ps.iter().all(Type::is_known) && r.is_known(),
            _ => true,
        }
    }

    /// The element type of a sequence or collection (`Str` yields `Char`), if it has one.
    pub fn element(&self) -> Option<&Type> {
        match self {
            Type::Array(t)
            | Type::List(t)
            | Type::Set(t)
            | Type::Deque(t)
            | Type::PriorityQueue(t) => Some(t),
            Type::Map(k, _) => Some(k),
            _ => None,
        }
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Void => write!(f, "void"),
            Type::Bool => write!(f, "bool"),
            Type::Int(k) => write!(f, "{}", format!("{k:?}").to_lowercase()),
            Type::Float => write!(f, "f64"),
            Type::Char => write!(f, "char"),
            Type::Str => write!(f, "str"),
            Type::Array(t) => write!(f, "array<{t}>"),
            Type::List(t) => write!(f, "list<{t}>"),
            Type::Map(k, v) => write!(f, "map<{k}, {v}>"),
            Type::Set(t) => write!(f, "set<{t}>"),
            Type::Deque(t) => write!(f, "deque<{t}>"),
            Type::PriorityQueue(t) => write!(f, "pqueue<{t}>"),
            Type::StrBuilder => write!(f, "strbuilder"),
            Type::Tuple(ts) => {
                write!(f, "(")?;
                for (i, t) in ts.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{t}")?;
                }
                write!(f, ")")
            }
            Type::Optional(t) => write!(f, "{t}?"),
            Type::Named(n) => write!(f, "{n}"),
            Type::Func(ps, r) => {
                write!(f, "fn(")?;
                for (i, t) in ps.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{t}")?;
                }
                write!(f, ") -> {r}")
            }
            Type::Any => write!(f, "any"),
            Type::Unknown => write!(f, "?"),
        }
    }
}
