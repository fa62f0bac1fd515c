//! IR types as Java types, primitive and boxed.

use ferry_ir::{IntKind, Language, Type};

use super::Printer;

impl Printer<'_> {
    /// Whether an `I64` stays `long` (only a `long` the Java programmer wrote, or exact semantics).
    pub(super) fn is_long(&self, ty: &Type) -> bool {
        matches!(ty, Type::Int(IntKind::I64))
            && (self.module.language == Language::Java
                || self.opts.semantics == crate::Semantics::Exact)
    }

    /// The Java type in a declaration position.
    pub(super) fn ty(&mut self, ty: &Type) -> String {
        match ty {
            Type::Void => "void".into(),
            Type::Bool => "boolean".into(),
            Type::Int(IntKind::I8) if self.module.language == Language::Java => "byte".into(),
            Type::Int(IntKind::I16) if self.module.language == Language::Java => "short".into(),
            Type::Int(_) if self.is_long(ty) => "long".into(),
            Type::Int(_) => "int".into(),
            Type::Float => "double".into(),
            Type::Char => "char".into(),
            Type::Str => "String".into(),
            Type::Array(t) => format!("{}[]", self.ty(t)),
            _ => self.boxed(ty),
        }
    }

    /// The Java type as a generic argument (boxed primitives).
    pub(super) fn boxed(&mut self, ty: &Type) -> String {
        match ty {
            Type::Void => "Void".into(),
            Type::Bool => "Boolean".into(),
            Type::Int(_) if self.is_long(ty) => "Long".into(),
            Type::Int(_) => "Integer".into(),
            Type::Float => "Double".into(),
            Type::Char => "Character".into(),
            Type::Str => "String".into(),
            Type::Array(_) => self.ty(ty),
            Type::List(t) => {
                self.import("java.util.List");
                format!("List<{}>", self.boxed(t))
            }
            Type::Map(k, v) => {
                self.import("java.util.Map");
                format!("Map<{}, {}>", self.boxed(k), self.boxed(v))
            }
            Type::Set(t) => {
                self.import("java.util.Set");
                format!("Set<{}>", self.boxed(t))
            }
            Type::Deque(t) => {
                self.import("java.util.Deque");
                format!("Deque<{}>", self.boxed(t))
            }
            Type::PriorityQueue(t) => {
                self.import("java.util.PriorityQueue");
                format!("PriorityQueue<{}>", self.boxed(t))
            }
            Type::StrBuilder => "StringBuilder".into(),
            Type::Tuple(ts) => {
                let name = self.tuple_record(ts.len());
                let args: Vec<String> = ts.iter().map(|t| self.boxed(t)).collect();
                format!("{name}<{}>", args.join(", "))
            }
            Type::Optional(t) => self.boxed(t),
            Type::Named(n) => self.class_name(n),
            Type::Func(ps, r) => self.func_type(ps, r),
            Type::Any | Type::Unknown => "Object".into(),
        }
    }

    /// A `java.util.function` interface for a function type.
    fn func_type(&mut self, ps: &[Type], r: &Type) -> String {
        let args: Vec<String> = ps.iter().map(|t| self.boxed(t)).collect();
        let (iface, all) = match (ps.len(), r) {
            (0, Type::Void) => ("Runnable", None),
            (0, _) => ("Supplier", Some(vec![self.boxed(r)])),
            (1, Type::Void) => ("Consumer", Some(args.clone())),
            (1, _) => (
                "Function",
                Some([args.clone(), vec![self.boxed(r)]].concat()),
            ),
            (2, Type::Void) => ("BiConsumer", Some(args.clone())),
            (_, _) => (
                "BiFunction",
                Some([args.clone(), vec![self.boxed(r)]].concat()),
            ),
        };
        if iface != "Runnable" {
            self.import(&format!("java.util.function.{iface}"));
        }
        match all {
            Some(a) => format!("{iface}<{}>", a.join(", ")),
            None => iface.to_string(),
        }
    }

    /// The name of the generic record used for tuples of `n` values, registering it.
    pub(super) fn tuple_record(&mut self, n: usize) -> String {
        self.tuples.insert(n);
        format!("FerryTuple{n}")
    }

    /// The default value of a type, for declarations that need one.
    pub(super) fn zero(&self, ty: &Type) -> &'static str {
        match ty {
            Type::Bool => "false",
            Type::Int(_) => "0",
            Type::Float => "0.0",
            Type::Char => "'\\0'",
            _ => "null",
        }
    }
}

/// Whether values of the type are Java primitives (compared with `==`).
pub(super) fn is_primitive(ty: &Type) -> bool {
    matches!(ty, Type::Bool | Type::Int(_) | Type::Float | Type::Char)
}
