//! Declared signatures (`ferry translate --interface`) as type information for a frontend that
//! infers types: what the target code base declares seeds inference where the source is silent.

use ferry_ir::signature::{pair, refine};
use ferry_ir::{Function, IntKind, Item, Module, Signature};

/// Fills the unknown parts of every parameter and result type of the functions and methods that
/// `interface` declares (paired as [`pair`] does, parameters by position).
/// Integers take `int_kind`, the source language's everyday integer.
pub(crate) fn seed_signatures(module: &mut Module, interface: &[Signature], int_kind: IntKind) {
    if interface.is_empty() {
        return;
    }
    let paired = pair(interface, module);
    let mut seed = |f: &mut Function| {
        let Some((sig, _)) = paired.get(&f.name) else {
            return;
        };
        if sig.params.len() != f.params.len() {
            return;
        }
        for (p, (_, declared)) in f.params.iter_mut().zip(&sig.params) {
            p.ty = refine(&p.ty, declared, int_kind);
        }
        f.ret = refine(&f.ret, &sig.ret, int_kind);
    };
    for item in &mut module.items {
        match item {
            Item::Function(f) => seed(f),
            Item::Class(c) => c.methods.iter_mut().for_each(&mut seed),
            _ => {}
        }
    }
}
