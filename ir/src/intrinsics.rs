//! The shared vocabulary of standard-library operations.
//!
//! Frontends map `Math.abs`, `abs` and `math.Abs` to [`Intrinsic::Abs`]; backends map it to the target
//! idiom. Operations on collections are generic over the collection: `Len` of a string, list, map
//! or set is one intrinsic and the backend dispatches on the argument's type. [`Intrinsic::result_type`]
//! is the typed signature used by inference.

use crate::language::Language;
use crate::types::{IntKind, Type};

/// Which unit a string operation counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StrUnit {
    /// UTF-16 code units: Java.
    CodeUnit,
    /// Unicode code points: Python.
    CodePoint,
    /// UTF-8 bytes: Go.
    Byte,
}

/// The kinds of value a dynamic type test ([`Intrinsic::IsKind`]) tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// Any integer (not a boolean, although Python's `bool` is an `int`).
    Int,
    Float,
    Str,
    Bool,
}

impl ValueKind {
    /// The kind a dynamic test tells apart for values of `ty`, where the IR has one.
    pub fn of(ty: &Type) -> Option<ValueKind> {
        match ty {
            Type::Int(_) => Some(ValueKind::Int),
            Type::Float => Some(ValueKind::Float),
            Type::Str => Some(ValueKind::Str),
            Type::Bool => Some(ValueKind::Bool),
            _ => None,
        }
    }
}

/// A standard-library operation. Arguments are listed as `(arg0, arg1, ...)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Intrinsic {
    // ---- output and conversion to text ----
    /// `(s: Str)`: print `s` and a newline.
    Println,
    /// `(s: Str)`: print `s` without a newline.
    Print,
    /// `(x)`: the text of `x` as the given language would print it (`True` vs `true`, `1.0` vs `1`,
    /// `[1, 2]` vs `[1 2]`). Frontends wrap every implicit conversion in this.
    ToStr(Language),
    /// `(x: int)`: `x` in base 2, sign and magnitude (`-101` for -5); with `prefixed`, as Python's
    /// `bin` writes it (`0b101`, `-0b101`).
    ToBinary {
        prefixed: bool,
    },
    /// `(fmt: Str, args...)`: printf-style formatting with C verbs (`%d %s %f %.2f %5d %-5s %x %c %%`).
    Format,
    /// `(s: Str)`: parse a base-10 integer; throws `NumberFormat`.
    ParseInt,
    /// `(s: Str)`: parse a float; throws `NumberFormat`.
    ParseFloat,
    /// `(x: Any)`: Python's `float(x)` (`float: true`) or `int(x)` of a dynamically typed value:
    /// a number converted (an int from a float truncates), a bool as 0 or 1, a string parsed.
    NumberOfAny {
        float: bool,
    },
    /// `(c: Char)`: the code point of a character.
    CharCode,
    /// `(i: Int)`: the character with that code point.
    CodeChar,
    /// `(c: Char)`: a one-character string.
    CharToStr,
    /// `(e)`: the message of a caught exception.
    ErrorMessage,
    /// `(x: Any)`: whether a dynamically typed value holds a value of this kind: Go `x.(int)`'s
    /// test, Java `x instanceof Integer`, Python `isinstance(x, int)`.
    IsKind(ValueKind),

    // ---- math ----
    Abs,
    /// `(a, b)` on numbers.
    Min,
    /// `(a, b)` on numbers.
    Max,
    /// `(base: Float, exp: Float) -> Float`; integer powers are `BinOp::Pow`.
    Pow,
    Sqrt,
    Floor,
    Ceil,
    /// Round half away from zero to the nearest integer (Java `Math.round`), as a float.
    Round,
    /// Round half to even (Python `round`, Java `Math.rint`, Go `math.RoundToEven`), as a float.
    RoundHalfEven,
    /// `(x: Float, digits: Int)`: `x` rounded to `digits >= 0` decimal places as Python's
    /// `round(x, digits)` does: half to even on the exact binary value, then the nearest float.
    RoundDigits,
    Log,
    Log10,
    Exp,
    Sin,
    Cos,
    Tan,
    Atan,
    Atan2,
    Hypot,
    Pi,
    E,
    /// `()`: the largest value of an integer kind (`Integer.MAX_VALUE`, `math.MaxInt64`, `sys.maxsize`).
    MaxInt(IntKind),
    /// `()`: the smallest value of an integer kind.
    MinInt(IntKind),
    /// `()`: positive infinity.
    Inf,

    // ---- strings and characters ----
    /// `(x)`: length of a string (in the unit), list, array, map, set, deque, queue or builder.
    Len(StrUnit),
    /// `(s, i)`: the character at index `i` counted in the unit.
    CharAt(StrUnit),
    /// `(s, start, end?)`: the substring `[start, end)`.
    Substring(StrUnit),
    /// `(container, x)`: substring, element, key or member test.
    Contains,
    /// `(s, sub)` or `(list, x)`: first index or -1.
    IndexOf,
    /// `(s, sub)` or `(list, x)`: last index or -1.
    LastIndexOf,
    StartsWith,
    EndsWith,
    ToUpper,
    ToLower,
    /// `(s: Str)`: upper-case letters lowered and lower-case letters raised (Python `swapcase`).
    SwapCase,
    /// `(s)`: strip whitespace at both ends.
    Trim,
    /// `(s, sep: Str)`: split on a literal separator, keeping empty parts; `(s, sep, n: Int)`:
    /// into at most `n > 0` parts, the last one the unsplit rest (Go `strings.SplitN`).
    Split,
    /// `(s)`: split on runs of whitespace, dropping empty parts.
    SplitWhitespace,
    /// `(s, pattern: Str, replacement: Str)`: replace every match of a regular expression (in the
    /// syntax Java, Python and Go share) by a replacement without group references.
    RegexReplace,
    /// `(s, pattern: Str)`: the parts of `s` around the matches of a regular expression.
    RegexSplit,
    /// `(s, pattern: Str)`: whether some part of `s` matches a regular expression.
    RegexFind,
    /// `(sep: Str, parts: List<Str>)`.
    Join,
    /// `(s, old, new)`: replace every occurrence.
    Replace,
    /// `(s, n)`: `s` repeated `n` times; a negative `n` is an error, as in Java and Go.
    Repeat,
    /// `(s)` or `(list)`: a reversed copy.
    Reversed,
    /// `(s) -> List<Char>`.
    Chars,
    /// `(s) -> List<Str>`: each character as a one-character string (Python's `list(s)` where
    /// the list also holds longer strings).
    CharStrings,
    /// `(chars: List<Char> | Array<Char>) -> Str`: the string of those characters.
    FromChars,
    /// `(s: Str) -> Str`: the MD5 digest of `s` encoded in UTF-8, as lowercase hex (Python
    /// `hashlib.md5(s.encode()).hexdigest()`); with `ascii`, a non-ASCII character is an
    /// `InvalidArgument` error (Python's `s.encode("ascii")`).
    Md5Hex {
        ascii: bool,
    },
    /// `(a: Str, b: Str) -> Int`: lexicographic comparison (negative, zero, positive).
    CompareStr,
    IsDigit,
    IsLetter,
    IsLetterOrDigit,
    IsUpper,
    IsLower,
    IsWhitespace,

    // ---- string builders ----
    /// `()`: an empty builder.
    BuilderNew,
    /// `(b, x: Str)`: append, returning the builder.
    BuilderAppend,
    /// `(b)`: the built string.
    BuilderToStr,
    /// `(b)`: reverse the contents in place, returning the builder.
    BuilderReverse,

    // ---- lists, arrays, generic collections ----
    /// `()`: an empty collection of the expression's type (list, map, set, deque, queue).
    NewCollection,
    /// `(n, fill)`: an array or list of `n` copies of `fill`; a negative `n` is an error, as in
    /// Java and Go (Python's `[x] * n` lowers with `max(n, 0)`).
    NewFilled,
    /// `(other)`: a shallow copy as the expression's collection type (`new ArrayList<>(xs)`,
    /// `list(xs)`, `set(xs)`).
    CopyOf,
    /// `(x)`: a number, held in a dynamically typed or boxed value or not, as the expression's
    /// number type (an integer or a float alike: Java `((Number) x).intValue()`, Python
    /// `int(x)`); unlike a `Cast` of a dynamically typed value, not a type assertion.
    ToNumber,
    /// `(list, x)`.
    Append,
    /// `(list, i, x)`.
    Insert,
    /// `(list, other)`: append all.
    Extend,
    /// `(list)`: remove and return the last element.
    Pop,
    /// `(list, i)`: remove and return the element at `i`.
    RemoveAt,
    /// `(collection, x)`: remove the first occurrence / the member / the key.
    Remove,
    /// `(collection)`.
    Clear,
    /// `(collection)`.
    IsEmpty,
    /// `(list)`: sort in place by natural order.
    Sort,
    /// `(list, key: Func, reverse: Bool)`: sort in place, stable, by a key function.
    SortByKey,
    /// `(list, cmp: Func)`: sort in place, stable, by a comparator returning negative/zero/positive.
    SortWithComparator,
    /// `(iterable) -> List`: a sorted copy.
    Sorted,
    /// `(iterable, key: Func, reverse: Bool) -> List`: a sorted copy, stable, by a key function;
    /// `reverse` may be decided at run time.
    SortedByKey,
    /// `(list)`: reverse in place.
    Reverse,
    /// `(iterable)`: sum of the numbers.
    Sum,
    /// `(iterable)`: the least element.
    MinOf,
    /// `(iterable)`: the greatest element.
    MaxOf,
    /// `(iterable of Bool)`.
    Any,
    /// `(iterable of Bool)`.
    All,
    /// `(list, x)`: the number of occurrences.
    Count,
    /// `(array, x)`: set every element to `x`.
    Fill,
    /// `(start, end, step)`: the integers of a Python `range` as a list.
    Range,
    /// `(iterable) -> iterable of (Int, T)`.
    Enumerate,
    /// `(a, b) -> iterable of (A, B)`.
    Zip,

    // ---- maps ----
    /// `(map, key, default)`.
    GetOrDefault,
    /// `(map, key)`: the value, raising `KeyMissing` where the key is absent (Python's `d[k]`).
    GetKey,
    /// `(map, key, value)`.
    Put,
    /// `(map) -> iterable of keys`.
    Keys,
    /// `(map) -> iterable of values`.
    Values,
    /// `(map) -> iterable of (K, V)`.
    Items,

    // ---- sets ----
    /// `(set, x)`.
    Add,
    Union,
    Intersection,
    Difference,

    // ---- deques, stacks, queues ----
    PushBack,
    PushFront,
    PopBack,
    PopFront,
    PeekBack,
    PeekFront,
    /// `(pq, x)`.
    HeapPush,
    /// `(pq)`: remove and return the least element.
    HeapPop,
    /// `(pq)`: the least element.
    HeapPeek,
}

impl Intrinsic {
    /// The intrinsic's name as shown in `ferry inspect --ir` and diagnostics.
    pub fn name(self) -> String {
        format!("{self:?}")
    }

    /// The result type given the argument types: the typed signature used by inference.
    pub fn result_type(self, args: &[Type]) -> Type {
        use Intrinsic::*;
        let arg = |i: usize| args.get(i).cloned().unwrap_or(Type::Unknown);
        let elem = |i: usize| match arg(i) {
            Type::Str => Type::Char,
            t => t.element().cloned().unwrap_or(Type::Unknown),
        };
        match self {
            Println | Print | Insert | Extend | Clear | Sort | SortByKey | SortWithComparator
            | Reverse | Fill | Put | PushBack | PushFront | HeapPush => Type::Void,
            ToStr(_)
            | Format
            | CharToStr
            | ErrorMessage
            | Substring(_)
            | ToUpper
            | ToLower
            | SwapCase
            | Trim
            | Join
            | Replace
            | RegexReplace
            | Repeat
            | BuilderToStr
            | FromChars
            | Md5Hex { .. }
            | ToBinary { .. } => Type::Str,
            ParseInt | CharCode | Len(_) | IndexOf | LastIndexOf | CompareStr | Count => Type::I64,
            ParseFloat | Pow | Sqrt | Floor | Ceil | Round | RoundHalfEven | RoundDigits | Log
            | Log10 | Exp | Sin | Cos | Tan | Atan | Atan2 | Hypot | Pi | E | Inf => Type::Float,
            CodeChar | CharAt(_) => Type::Char,
            IsKind(_) | RegexFind => Type::Bool,
            Contains | StartsWith | EndsWith | IsDigit | IsLetter | IsLetterOrDigit | IsUpper
            | IsLower | IsWhitespace | IsEmpty | Any | All | Add | Remove => Type::Bool,
            MaxInt(k) | MinInt(k) => Type::Int(k),
            NumberOfAny { float: true } => Type::Float,
            NumberOfAny { float: false } => Type::I64,
            Abs | Min | Max => arg(0),
            Split | SplitWhitespace | RegexSplit | CharStrings => Type::list(Type::Str),
            Chars => Type::list(Type::Char),
            Reversed => match arg(0) {
                Type::Str => Type::Str,
                t => Type::list(t.element().cloned().unwrap_or(Type::Unknown)),
            },
            BuilderNew | BuilderAppend | BuilderReverse => Type::StrBuilder,
            NewCollection | CopyOf | ToNumber => Type::Unknown,
            NewFilled => Type::list(arg(1)),
            Append => Type::Void,
            Pop | RemoveAt | PopBack | PopFront | PeekBack | PeekFront | HeapPop | HeapPeek => {
                elem(0)
            }
            Sorted | SortedByKey => Type::list(elem(0)),
            Sum | MinOf | MaxOf => elem(0),
            Range => Type::list(Type::I64),
            Enumerate => Type::list(Type::Tuple(vec![Type::I64, elem(0)])),
            Zip => Type::list(Type::Tuple(vec![elem(0), elem(1)])),
            GetOrDefault => match arg(0) {
                Type::Map(_, v) => *v,
                _ => arg(2),
            },
            GetKey => match arg(0) {
                Type::Map(_, v) => *v,
                _ => Type::Unknown,
            },
            Keys => match arg(0) {
                Type::Map(k, _) => Type::List(k),
                _ => Type::Unknown,
            },
            Values => match arg(0) {
                Type::Map(_, v) => Type::List(v),
                _ => Type::Unknown,
            },
            Items => match arg(0) {
                Type::Map(k, v) => Type::list(Type::Tuple(vec![*k, *v])),
                _ => Type::Unknown,
            },
            Union | Intersection | Difference => arg(0),
        }
    }
}
