//! The IR tree: modules, items, statements and expressions.
//!
//! Every node carries a [`Span`] into its source file. Expressions carry their [`Type`]; a frontend
//! that cannot tell leaves `Type::Unknown` and the backend reports it where it matters.

use crate::intrinsics::Intrinsic;
use crate::language::Language;
use crate::span::Span;
use crate::types::Type;

/// The method name of a constructor call through `super`: `super(x)` is
/// `MethodCall { receiver: Super, method: CONSTRUCTOR, .. }`.
pub const CONSTRUCTOR: &str = "<init>";

/// One lowered source file.
#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    /// The language the module was lowered from.
    pub language: Language,
    /// The module's name (the file stem, `BinarySearch`).
    pub name: String,
    /// A leading module comment or docstring.
    pub doc: Option<String>,
    pub items: Vec<Item>,
}

/// A top-level declaration.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// `def f(x): ...`, `func f(x int) int {...}`, a static method of Java's main class.
    Function(Function),
    /// `class Shape {...}`, `type Shape struct {...}` with its methods, `interface Shape {...}`.
    Class(Class),
    /// `MAX = 10`, `var max = 10`, `static final int MAX = 10;` in Java's main class.
    Global(Global),
    /// A declaration the frontend could not lower.
    Unsupported(Unsupported),
}

/// A function or method.
#[derive(Debug, Clone, PartialEq)]
pub struct Function {
    pub name: String,
    pub params: Vec<Param>,
    /// `Type::Void` for none; a `Type::Tuple` for several results.
    pub ret: Type,
    /// `None` for abstract and interface methods.
    pub body: Option<Block>,
    /// A static method of a class (no `this`/`self`).
    pub is_static: bool,
    pub doc: Option<String>,
    pub span: Span,
}

/// A parameter: `int x`, `x: int`, `x int`.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub name: String,
    pub ty: Type,
    /// Java `int... xs`, Python `*xs`, Go `xs ...int`; `ty` is the element type.
    pub variadic: bool,
    /// Python `x=0`.
    pub default: Option<Expr>,
    pub span: Span,
}

/// What kind of type declaration a [`Class`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassKind {
    Class,
    /// A class with abstract methods that cannot be instantiated.
    Abstract,
    /// Methods only: Java `interface`, Go `interface`, a Python ABC.
    Interface,
}

/// A class, struct or interface.
#[derive(Debug, Clone, PartialEq)]
pub struct Class {
    pub name: String,
    pub kind: ClassKind,
    /// The superclass (single inheritance, or Go struct embedding).
    pub extends: Option<String>,
    /// Implemented interfaces.
    pub implements: Vec<String>,
    pub fields: Vec<Field>,
    /// Constructors; `Function::name` is the class name, `ret` is `Void`.
    pub constructors: Vec<Function>,
    pub methods: Vec<Function>,
    pub doc: Option<String>,
    pub span: Span,
}

/// A field: `private int count = 0;`, `self.count = 0`, `count int`.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: String,
    pub ty: Type,
    pub init: Option<Expr>,
    pub is_static: bool,
    pub is_final: bool,
    pub span: Span,
}

/// A module-level variable or constant.
#[derive(Debug, Clone, PartialEq)]
pub struct Global {
    pub name: String,
    pub ty: Type,
    pub init: Expr,
    pub is_const: bool,
    pub doc: Option<String>,
    pub span: Span,
}

/// Source the frontend could not lower, kept with its span and text.
#[derive(Debug, Clone, PartialEq)]
pub struct Unsupported {
    /// What it is, in a few words: `labelled block`, `generator function`.
    pub construct: String,
    /// The original source text.
    pub text: String,
    pub span: Span,
}

/// A sequence of statements.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Block {
    pub stmts: Vec<Stmt>,
}

impl Block {
    pub fn new(stmts: Vec<Stmt>) -> Block {
        Block { stmts }
    }

    /// The next link of an else-if chain: `(cond, then, else)` when this `else` block holds only
    /// an `if`.
    pub fn as_else_if(&self) -> Option<(&Expr, &Block, Option<&Block>)> {
        match self.stmts.as_slice() {
            [Stmt {
                kind: StmtKind::If { cond, then, else_ },
                ..
            }] => Some((cond, then, else_.as_ref())),
            _ => None,
        }
    }
}

/// A statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

/// A variable bound by a declaration, loop or pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub name: String,
    pub ty: Type,
}

/// The kinds of statement.
#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// `int x = 1;`, `x := 1`, the first `x = 1` of a Python variable.
    Let {
        name: String,
        ty: Type,
        init: Option<Expr>,
    },
    /// `a, b = f()`, `a, b := f()`: destructuring a tuple or multiple results.
    LetTuple {
        names: Vec<Binding>,
        init: Expr,
    },
    /// `x = e`, `a[i] = e`, `o.f = e`; with `op`, `x += e`.
    Assign {
        target: Expr,
        op: Option<BinOp>,
        value: Expr,
    },
    /// `a, b = b, a`: simultaneous assignment to several targets.
    AssignTuple {
        targets: Vec<Expr>,
        value: Expr,
    },
    /// An expression evaluated for its effect: `f(x);`, `i++`.
    Expr(Expr),
    /// `if c {..} else {..}`; an else-if chain nests an `If` as the only statement of `else_`.
    If {
        cond: Expr,
        then: Block,
        else_: Option<Block>,
    },
    /// `while (c) {..}`.
    While {
        label: Option<String>,
        cond: Expr,
        body: Block,
    },
    /// `do {..} while (c);`.
    DoWhile {
        label: Option<String>,
        body: Block,
        cond: Expr,
    },
    /// C-style `for (init; cond; update) {..}`.
    For {
        label: Option<String>,
        init: Vec<Stmt>,
        cond: Option<Expr>,
        update: Vec<Stmt>,
        body: Block,
    },
    /// `for i in range(start, end, step)`: `var` runs from `start` while `< end` (or `> end` for a
    /// negative step).
    ForRange {
        label: Option<String>,
        var: Binding,
        start: Expr,
        end: Expr,
        step: Option<Expr>,
        body: Block,
    },
    /// `for (T x : xs)`, `for x in xs`, `for _, x := range xs`; with two bindings the iterable
    /// yields pairs (`Enumerate`, `MapItems`).
    ForEach {
        label: Option<String>,
        vars: Vec<Binding>,
        iter: Expr,
        body: Block,
    },
    Break(Option<String>),
    Continue(Option<String>),
    Return(Option<Expr>),
    /// `switch`/`match` over ints, chars or strings; cases never fall through.
    Switch {
        scrutinee: Expr,
        cases: Vec<SwitchCase>,
        default: Option<Block>,
    },
    /// `try {..} catch (E e) {..} finally {..}`, `try: .. except E as e: .. finally: ..`.
    Try {
        body: Block,
        catches: Vec<Catch>,
        finally: Option<Block>,
    },
    /// `throw new E(msg)`, `raise E(msg)`, `panic(msg)`.
    Throw {
        kind: ExceptionKind,
        message: Option<Expr>,
    },
    /// A nested block `{ .. }`.
    Block(Block),
    /// A statement the frontend could not lower.
    Unsupported(Unsupported),
}

impl StmtKind {
    /// The blocks nested directly in this statement (branches, loop bodies, handlers).
    pub fn child_blocks(&self) -> Vec<&Block> {
        match self {
            StmtKind::If { then, else_, .. } => std::iter::once(then).chain(else_).collect(),
            StmtKind::While { body, .. }
            | StmtKind::DoWhile { body, .. }
            | StmtKind::For { body, .. }
            | StmtKind::ForRange { body, .. }
            | StmtKind::ForEach { body, .. }
            | StmtKind::Block(body) => vec![body],
            StmtKind::Switch { cases, default, .. } => {
                cases.iter().map(|c| &c.body).chain(default).collect()
            }
            StmtKind::Try {
                body,
                catches,
                finally,
            } => std::iter::once(body)
                .chain(catches.iter().map(|c| &c.body))
                .chain(finally)
                .collect(),
            _ => Vec::new(),
        }
    }

    /// [`StmtKind::child_blocks`], mutably.
    pub fn child_blocks_mut(&mut self) -> Vec<&mut Block> {
        match self {
            StmtKind::If { then, else_, .. } => std::iter::once(then).chain(else_).collect(),
            StmtKind::While { body, .. }
            | StmtKind::DoWhile { body, .. }
            | StmtKind::For { body, .. }
            | StmtKind::ForRange { body, .. }
            | StmtKind::ForEach { body, .. }
            | StmtKind::Block(body) => vec![body],
            StmtKind::Switch { cases, default, .. } => cases
                .iter_mut()
                .map(|c| &mut c.body)
                .chain(default)
                .collect(),
            StmtKind::Try {
                body,
                catches,
                finally,
            } => std::iter::once(body)
                .chain(catches.iter_mut().map(|c| &mut c.body))
                .chain(finally)
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// One arm of a [`StmtKind::Switch`].
#[derive(Debug, Clone, PartialEq)]
pub struct SwitchCase {
    /// Constant values matched by this arm.
    pub values: Vec<Expr>,
    pub body: Block,
}

/// One handler of a [`StmtKind::Try`].
#[derive(Debug, Clone, PartialEq)]
pub struct Catch {
    /// The exception kinds caught; `ExceptionKind::Any` catches everything.
    pub kinds: Vec<ExceptionKind>,
    /// The bound exception variable, whose message is available through `Intrinsic::ErrorMessage`.
    pub name: Option<String>,
    pub body: Block,
}

/// The exception categories the three languages share.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ExceptionKind {
    /// `ArrayIndexOutOfBoundsException`, `IndexError`, Go index panic.
    IndexOutOfRange,
    /// `NoSuchElementException`, `KeyError`.
    KeyMissing,
    /// `ArithmeticException`, `ZeroDivisionError`, Go integer divide by zero.
    DivisionByZero,
    /// `NullPointerException`, `AttributeError` on `None`, nil dereference.
    NullAccess,
    /// `IllegalArgumentException`, `ValueError`.
    InvalidArgument,
    /// `NumberFormatException`, `ValueError` from `int()`, `strconv` errors.
    NumberFormat,
    /// `IllegalStateException`, `RuntimeError`, a plain `panic`.
    Runtime,
    /// `UnsupportedOperationException`, `NotImplementedError`.
    Unsupported,
    /// A user-defined exception class.
    Custom(String),
    /// `Exception`, `Throwable`, bare `except:`, `recover()`.
    Any,
}

/// An expression with its type.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub ty: Type,
    pub span: Span,
}

impl Expr {
    /// An expression of the given kind and type.
    pub fn new(kind: ExprKind, ty: Type, span: Span) -> Expr {
        Expr { kind, ty, span }
    }
}

/// The kinds of expression.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// `42`, `"hi"`, `'c'`, `true`, `null`.
    Lit(Literal),
    /// A local, parameter, global or field of the current object by bare name: `x`.
    Name(String),
    /// `a + b`, `a // b`, `a == b`.
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `-a`, `!a`, `~a`.
    Unary { op: UnaryOp, operand: Box<Expr> },
    /// `i++`, `--i` used as an expression or statement.
    IncDec {
        target: Box<Expr>,
        increment: bool,
        prefix: bool,
    },
    /// `c ? a : b`, `a if c else b`.
    Cond {
        cond: Box<Expr>,
        then: Box<Expr>,
        else_: Box<Expr>,
    },
    /// A call to a module-level function: `gcd(a, b)`.
    Call { func: String, args: Vec<Expr> },
    /// A call to a user-defined method: `shape.area()`; a static method call has a `Name` receiver
    /// naming the class and `is_static`.
    MethodCall {
        receiver: Box<Expr>,
        method: String,
        args: Vec<Expr>,
    },
    /// A call through a function value: `f(x)` where `f` is a lambda or parameter.
    CallValue { callee: Box<Expr>, args: Vec<Expr> },
    /// `obj.field`, `self.field`.
    Field { object: Box<Expr>, name: String },
    /// `a[i]` on an array, list, tuple or map (a map lookup that must find the key), and a
    /// character of a string by the given unit.
    Index { object: Box<Expr>, index: Box<Expr> },
    /// `s[a:b:c]`, `s.substring(a, b)` with a negative index counting from the end where the source
    /// language does (Python).
    Slice {
        object: Box<Expr>,
        start: Option<Box<Expr>>,
        end: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    /// A standard-library operation.
    Intrinsic { op: Intrinsic, args: Vec<Expr> },
    /// `new Point(1, 2)`, `Point(1, 2)`, `NewPoint(1, 2)` / `&Point{1, 2}`.
    New { class: String, args: Vec<Expr> },
    /// `[1, 2]`, `new int[]{1, 2}`, `[]int{1, 2}`, `List.of(1, 2)`; the type says array or list.
    ListLit(Vec<Expr>),
    /// `{"a": 1}`, `map[string]int{"a": 1}`, `Map.of("a", 1)`.
    MapLit(Vec<(Expr, Expr)>),
    /// `{1, 2}`, `Set.of(1, 2)`.
    SetLit(Vec<Expr>),
    /// `(a, b)`, Go multiple results.
    TupleLit(Vec<Expr>),
    /// `x -> x * 2`, `lambda x: x * 2`, `func(x int) int { return x * 2 }`.
    Lambda {
        params: Vec<Param>,
        body: LambdaBody,
    },
    /// `[f(x) for x in xs if p(x)]` and its set, map and generator forms.
    Comprehension(Box<Comprehension>),
    /// A numeric or character conversion: `(int) x`, `int(x)`, `float64(x)`, `(char) c`.
    Cast { expr: Box<Expr>, to: Type },
    /// `this`, `self`, a Go method receiver.
    This,
    /// `super` as a method receiver: `super.area()`; `super(x)` in a constructor is a `MethodCall`
    /// on `Super` named [`CONSTRUCTOR`].
    Super,
    /// An expression the frontend could not lower.
    Unsupported(Unsupported),
}

/// A lambda's body: one expression or a block.
#[derive(Debug, Clone, PartialEq)]
pub enum LambdaBody {
    Expr(Box<Expr>),
    Block(Block),
}

/// What a comprehension builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComprehensionKind {
    List,
    Set,
    Map,
    /// A generator expression, consumed by its context (`sum(x for x in xs)`).
    Generator,
}

/// `[element for vars in iter if cond ...]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    pub kind: ComprehensionKind,
    /// The element, or the key for a map comprehension.
    pub element: Expr,
    /// The value of a map comprehension.
    pub value: Option<Expr>,
    pub clauses: Vec<ComprehensionClause>,
}

/// One `for` or `if` clause of a comprehension.
#[derive(Debug, Clone, PartialEq)]
pub enum ComprehensionClause {
    For { vars: Vec<Binding>, iter: Expr },
    If(Expr),
}

/// A literal value.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Int(i128),
    Float(f64),
    Str(String),
    Char(char),
    Bool(bool),
    /// `null`, `None`, `nil`.
    Null,
}

/// How integer division rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DivKind {
    /// Towards zero: Java and Go integer `/`.
    Trunc,
    /// Towards negative infinity: Python `//`.
    Floor,
    /// Real division: Python `/`, any `/` on floats.
    True,
}

/// Which sign a remainder takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RemKind {
    /// Sign of the dividend: Java and Go `%`.
    Trunc,
    /// Sign of the divisor: Python `%`.
    Floor,
}

/// What equality compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EqKind {
    /// Values (`equals`, Python `==`, Go `==` on comparable values).
    Value,
    /// Object identity (Java `==` on references, Python `is`).
    Reference,
}

/// Binary operators with explicit semantics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// Numeric addition, or concatenation when both sides are strings or both are lists.
    Add,
    Sub,
    Mul,
    Div(DivKind),
    Rem(RemKind),
    /// `a ** b`, `Math.pow` on ints.
    Pow,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    /// Arithmetic (sign-extending) right shift.
    Shr,
    /// Logical right shift: Java `>>>`.
    UShr,
    /// Short-circuit `&&`, `and`.
    And,
    /// Short-circuit `||`, `or`.
    Or,
    Eq(EqKind),
    Ne(EqKind),
    Lt,
    Le,
    Gt,
    Ge,
}

/// Unary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Neg,
    /// Logical not.
    Not,
    /// Bitwise complement: `~`, Go's `^x`.
    BitNot,
}
