//! Java operator precedence (JLS chapter 15), lowest first.

use ferry_ir::BinOp;

/// Binding strength of a Java expression form; a higher value binds tighter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Prec {
    Lowest,
    Lambda,
    Assign,
    Cond,
    Or,
    And,
    BitOr,
    BitXor,
    BitAnd,
    Equality,
    Relational,
    Shift,
    Additive,
    Multiplicative,
    Unary,
    Postfix,
    Primary,
}

/// The precedence of a binary operator as Java spells it.
pub(super) fn binary(op: BinOp) -> Prec {
    match op {
        BinOp::Or => Prec::Or,
        BinOp::And => Prec::And,
        BinOp::BitOr => Prec::BitOr,
        BinOp::BitXor => Prec::BitXor,
        BinOp::BitAnd => Prec::BitAnd,
        BinOp::Eq(_) | BinOp::Ne(_) => Prec::Equality,
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => Prec::Relational,
        BinOp::Shl | BinOp::Shr | BinOp::UShr => Prec::Shift,
        BinOp::Add | BinOp::Sub => Prec::Additive,
        BinOp::Mul | BinOp::Div(_) | BinOp::Rem(_) | BinOp::Pow => Prec::Multiplicative,
    }
}

/// The next tighter level: the right operand of a left-associative operator needs it.
pub(super) fn tighter(p: Prec) -> Prec {
    match p {
        Prec::Lowest => Prec::Lambda,
        Prec::Lambda => Prec::Assign,
        Prec::Assign => Prec::Cond,
        Prec::Cond => Prec::Or,
        Prec::Or => Prec::And,
        Prec::And => Prec::BitOr,
        Prec::BitOr => Prec::BitXor,
        Prec::BitXor => Prec::BitAnd,
        Prec::BitAnd => Prec::Equality,
        Prec::Equality => Prec::Relational,
        Prec::Relational => Prec::Shift,
        Prec::Shift => Prec::Additive,
        Prec::Additive => Prec::Multiplicative,
        Prec::Multiplicative => Prec::Unary,
        Prec::Unary => Prec::Postfix,
        Prec::Postfix | Prec::Primary => Prec::Primary,
    }
}
