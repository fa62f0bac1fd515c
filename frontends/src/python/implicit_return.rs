//! A Python function that runs off its end returns `None`. Java and Go reject a function with a
//! result that can end without a `return`, so the end is made explicit: `return None` where the
//! result is optional, otherwise a throw, since a well-typed caller never gets there.

use ferry_ir::{
    Block, ExceptionKind, Expr, ExprKind, Function, Item, Literal, Module, Stmt, StmtKind, Type,
};

pub(super) fn make_explicit(module: &mut Module) {
    for item in &mut module.items {
        match item {
            Item::Function(f) => function(f),
            Item::Class(c) => c.methods.iter_mut().for_each(function),
            _ => {}
        }
    }
}

fn function(f: &mut Function) {
    if matches!(f.ret, Type::Void | Type::Unknown) {
        return;
    }
    let Some(body) = &mut f.body else { return };
    if !can_complete(body) {
        return;
    }
    let span = f.span;
    let kind = if let Type::Optional(_) = f.ret {
        StmtKind::Return(Some(Expr::new(
            ExprKind::Lit(Literal::Null),
            f.ret.clone(),
            span,
        )))
    } else {
        let message = format!("`{}` ended without returning a value", f.name);
        StmtKind::Throw {
            kind: ExceptionKind::Runtime,
            message: Some(Expr::new(
                ExprKind::Lit(Literal::Str(message)),
                Type::Str,
                span,
            )),
        }
    };
    body.stmts.push(Stmt { kind, span });
}

/// Whether control can reach the end of `block`, by the rules Java and Go share: a `return` or
/// throw ends it, an `if` with an `else` ends it when both branches do, and so does a
/// `while True` that no `break` leaves.
fn can_complete(block: &Block) -> bool {
    let Some(last) = block.stmts.last() else {
        return true;
    };
    match &last.kind {
        StmtKind::Return(_) | StmtKind::Throw { .. } => false,
        StmtKind::If {
            then,
            else_: Some(else_),
            ..
        } => can_complete(then) || can_complete(else_),
        StmtKind::While { cond, body, .. } => {
            !matches!(cond.kind, ExprKind::Lit(Literal::Bool(true))) || breaks_out(body)
        }
        StmtKind::Block(b) => can_complete(b),
        StmtKind::Try {
            body,
            catches,
            finally,
        } => {
            finally.as_ref().is_none_or(can_complete)
                && (can_complete(body) || catches.iter().any(|c| can_complete(&c.body)))
        }
        _ => true,
    }
}

/// Whether a `break` in `body` can leave the loop whose body it is: an unlabelled one outside any
/// nested loop, or any labelled one.
fn breaks_out(body: &Block) -> bool {
    body.stmts.iter().any(|s| match &s.kind {
        StmtKind::Break(_) => true,
        StmtKind::While { body, .. }
        | StmtKind::DoWhile { body, .. }
        | StmtKind::For { body, .. }
        | StmtKind::ForRange { body, .. }
        | StmtKind::ForEach { body, .. } => labelled_break(body),
        kind => kind.child_blocks().into_iter().any(breaks_out),
    })
}

fn labelled_break(block: &Block) -> bool {
    block.stmts.iter().any(|s| match &s.kind {
        StmtKind::Break(label) => label.is_some(),
        kind => kind.child_blocks().into_iter().any(labelled_break),
    })
}
