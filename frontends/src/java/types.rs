//! Java type syntax to IR types.

use ferry_ir::{IntKind, Type};
use tree_sitter::Node;

use super::Lowerer;
use crate::common::{named_children, text};

impl Lowerer<'_> {
    /// The IR type of a Java type node.
    pub(super) fn lower_type(&mut self, node: Node<'_>) -> Type {
        let src = self.src;
        match node.kind() {
            "integral_type" => match text(node, src) {
                "int" => Type::I32,
                "long" => Type::I64,
                "short" => Type::Int(IntKind::I16),
                "byte" => Type::Int(IntKind::I8),
                "char" => Type::Char,
                _ => Type::Unknown,
            },
            "floating_point_type" => Type::Float,
            "boolean_type" => Type::Bool,
            "void_type" => Type::Void,
            "array_type" => {
                let mut t = node
                    .child_by_field_name("element")
                    .map_or(Type::Unknown, |e| self.lower_type(e));
                let dims = node
                    .child_by_field_name("dimensions")
                    .map_or(1, |d| text(d, src).matches('[').count());
                for _ in 0..dims.max(1) {
                    t = Type::array(t);
                }
                t
            }
            "type_identifier" | "scoped_type_identifier" => self.named_type(text(node, src), &[]),
            "generic_type" => {
                let children = named_children(node);
                let name = children.first().map_or("", |c| text(*c, src));
                let args: Vec<Type> = children
                    .iter()
                    .find(|c| c.kind() == "type_arguments")
                    .map(|ta| {
                        named_children(*ta)
                            .into_iter()
                            .map(|a| self.lower_type(a))
                            .collect()
                    })
                    .unwrap_or_default();
                self.named_type(name, &args)
            }
            _ => Type::Unknown,
        }
    }

    /// A class type by name with its type arguments.
    pub(super) fn named_type(&mut self, name: &str, args: &[Type]) -> Type {
        let arg = |i: usize| args.get(i).cloned().unwrap_or(Type::Unknown);
        match name {
            "Integer" => Type::I32,
            "Long" => Type::I64,
            "Short" => Type::Int(IntKind::I16),
            "Byte" => Type::Int(IntKind::I8),
            "Double" | "Float" => Type::Float,
            "Boolean" => Type::Bool,
            "Character" => Type::Char,
            "String" | "CharSequence" => Type::Str,
            "Object" => Type::Any,
            "StringBuilder" | "StringBuffer" => Type::StrBuilder,
            "List" | "ArrayList" | "LinkedList" | "Collection" | "Iterable" => Type::list(arg(0)),
            "Map" | "HashMap" | "LinkedHashMap" | "TreeMap" => Type::map(arg(0), arg(1)),
            "Set" | "HashSet" | "LinkedHashSet" | "TreeSet" => Type::set(arg(0)),
            "Deque" | "ArrayDeque" | "Stack" | "Queue" => Type::Deque(Box::new(arg(0))),
            "PriorityQueue" => Type::PriorityQueue(Box::new(arg(0))),
            "Optional" => Type::Optional(Box::new(arg(0))),
            "OptionalInt" => Type::Optional(Box::new(Type::I32)),
            "OptionalLong" => Type::Optional(Box::new(Type::I64)),
            "OptionalDouble" => Type::Optional(Box::new(Type::Float)),
            "Map.Entry" | "Entry" => Type::Tuple(vec![arg(0), arg(1)]),
            "Function" => Type::Func(vec![arg(0)], Box::new(arg(1))),
            "BiFunction" => Type::Func(vec![arg(0), arg(1)], Box::new(arg(2))),
            "Comparator" => Type::Func(vec![arg(0), arg(0)], Box::new(Type::I32)),
            "Supplier" => Type::Func(vec![], Box::new(arg(0))),
            "Predicate" => Type::Func(vec![arg(0)], Box::new(Type::Bool)),
            "Runnable" => Type::Func(vec![], Box::new(Type::Void)),
            "Consumer" => Type::Func(vec![arg(0)], Box::new(Type::Void)),
            other => Type::Named(other.to_string()),
        }
    }
}

/// Whether a Java value of this type is a reference (compared by identity with `==`).
pub(super) fn is_reference(ty: &Type) -> bool {
    !matches!(
        ty,
        Type::Bool | Type::Int(_) | Type::Float | Type::Char | Type::Unknown
    )
}
