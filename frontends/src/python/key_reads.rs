//! Reading a missing key, `d[k]`, raises `KeyError` in Python, where Java's `get` returns null
//! and Go's index gives the zero value. Once types are known, every read of a dictionary entry
//! becomes `GetKey`, which raises `KeyMissing`. Entries that are written (`d[k] = v`, `d[k] += 1`)
//! or changed in place by a list operation (`d[k].append(x)`) stay indexes: those are places.

use ferry_ir::{Block, Expr, ExprKind, Function, Intrinsic, Item, Module, Stmt, StmtKind, Type};

use super::infer::children_mut;

/// Turns the dictionary reads of `module` into `GetKey`.
pub(super) fn key_reads(module: &mut Module) {
    for item in &mut module.items {
        match item {
            Item::Function(f) => function(f),
            Item::Class(c) => {
                for f in c.constructors.iter_mut().chain(c.methods.iter_mut()) {
                    function(f);
                }
            }
            Item::Global(_) | Item::Unsupported(_) => {}
        }
    }
}

fn function(f: &mut Function) {
    if let Some(b) = &mut f.body {
        block(b);
    }
}

fn block(b: &mut Block) {
    for s in &mut b.stmts {
        stmt(s);
    }
}

fn stmt(s: &mut Stmt) {
    match &mut s.kind {
        StmtKind::Assign { target, value, .. } => {
            place(target);
            read(value);
        }
        StmtKind::AssignTuple { targets, value } => {
            targets.iter_mut().for_each(place);
            read(value);
        }
        StmtKind::Let { init: Some(e), .. }
        | StmtKind::LetTuple { init: e, .. }
        | StmtKind::Expr(e)
        | StmtKind::Return(Some(e))
        | StmtKind::Throw {
            message: Some(e), ..
        }
        | StmtKind::If { cond: e, .. }
        | StmtKind::While { cond: e, .. }
        | StmtKind::DoWhile { cond: e, .. }
        | StmtKind::ForEach { iter: e, .. }
        | StmtKind::Switch { scrutinee: e, .. } => read(e),
        StmtKind::ForRange {
            start, end, step, ..
        } => {
            read(start);
            read(end);
            if let Some(st) = step {
                read(st);
            }
        }
        _ => {}
    }
    for b in s.kind.child_blocks_mut() {
        block(b);
    }
}

/// An expression written to: the place itself stays, what it is made of is read.
fn place(e: &mut Expr) {
    let mut kids = Vec::new();
    children_mut(e, &mut kids);
    kids.into_iter().for_each(read);
}

fn read(e: &mut Expr) {
    match &mut e.kind {
        ExprKind::Intrinsic { op, args } if changes_first(*op) => {
            let mut args = args.iter_mut();
            if let Some(first) = args.next() {
                place(first);
            }
            args.for_each(read);
            return;
        }
        ExprKind::IncDec { target, .. } => {
            place(target);
            return;
        }
        _ => {}
    }
    let mut kids = Vec::new();
    children_mut(e, &mut kids);
    kids.into_iter().for_each(read);
    let sp = e.span;
    if let ExprKind::Index { object, index } = &mut e.kind {
        if matches!(object.ty, Type::Map(..)) {
            let dummy = || Expr::new(ExprKind::This, Type::Unknown, sp);
            let object = std::mem::replace(&mut **object, dummy());
            let index = std::mem::replace(&mut **index, dummy());
            e.kind = ExprKind::Intrinsic {
                op: Intrinsic::GetKey,
                args: vec![object, index],
            };
        }
    }
}

/// Intrinsics that change their first argument in place (Go reassigns it: it must be a place).
fn changes_first(op: Intrinsic) -> bool {
    use Intrinsic::*;
    matches!(
        op,
        Append | Insert | Extend | Pop | RemoveAt | Remove | Clear | Put
    )
}
