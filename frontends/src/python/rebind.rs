//! Variables rebound to a value of another type. Python lets `n = [int(d) for d in str(n)]` turn
//! an int into a list; Java and Go give a variable one type. For each local that inference found
//! holding conflicting types, every plain assignment that starts a new life of the variable (no
//! read after it can see an earlier value) declares a fresh variable instead (`n2`), and the reads
//! after it use that name. Inference then runs again on the split variables.
//!
//! An assignment starts a new life when every other use of the variable is either in the rest of
//! its block, or before it and outside every loop around it and every lambda (a lambda called
//! later would read the new value). A function whose variable cannot be split that way is
//! reported and stubbed.

use std::collections::HashSet;

use ferry_ir::visit::{walk_expr, Visitor};
use ferry_ir::{
    Block, Diagnostic, Expr, ExprKind, Function, Item, Module, Stmt, StmtKind, Type, Unsupported,
    CONSTRUCTOR,
};

use super::infer::children_mut;

/// Splits the conflicting locals (`(function key, name)`, keys as inference makes them) of
/// `module` where that is sound; returns whether anything changed.
pub(super) fn split(module: &mut Module, conflicts: &HashSet<(String, String)>) -> bool {
    let mut taken = HashSet::new();
    for item in &module.items {
        match item {
            Item::Function(f) => {
                taken.insert(f.name.clone());
            }
            Item::Global(g) => {
                taken.insert(g.name.clone());
            }
            Item::Class(c) => {
                taken.insert(c.name.clone());
            }
            Item::Unsupported(_) => {}
        }
    }
    let mut changed = false;
    for item in &mut module.items {
        match item {
            Item::Function(f) => {
                let key = f.name.clone();
                changed |= split_function(f, &key, conflicts, &taken);
            }
            Item::Class(c) => {
                for ctor in &mut c.constructors {
                    let key = format!("{}.{CONSTRUCTOR}", c.name);
                    changed |= split_function(ctor, &key, conflicts, &taken);
                }
                for m in &mut c.methods {
                    let key = format!("{}.{}", c.name, m.name);
                    changed |= split_function(m, &key, conflicts, &taken);
                }
            }
            Item::Global(_) | Item::Unsupported(_) => {}
        }
    }
    changed
}

/// Stubs every function left with a local of conflicting types (one no assignment could split):
/// Java and Go cannot declare it.
pub(super) fn report_left(
    module: &mut Module,
    conflicts: &HashSet<(String, String)>,
    source: &str,
    diags: &mut Vec<Diagnostic>,
) {
    for item in &mut module.items {
        match item {
            Item::Function(f) => {
                let key = f.name.clone();
                stub_conflicting(f, &key, conflicts, source, diags);
            }
            Item::Class(c) => {
                for ctor in &mut c.constructors {
                    let key = format!("{}.{CONSTRUCTOR}", c.name);
                    stub_conflicting(ctor, &key, conflicts, source, diags);
                }
                for m in &mut c.methods {
                    let key = format!("{}.{}", c.name, m.name);
                    stub_conflicting(m, &key, conflicts, source, diags);
                }
            }
            Item::Global(_) | Item::Unsupported(_) => {}
        }
    }
}

fn stub_conflicting(
    f: &mut Function,
    key: &str,
    conflicts: &HashSet<(String, String)>,
    source: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let mut names: Vec<&String> = conflicts
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, n)| n)
        .collect();
    names.sort();
    let (Some(name), Some(body)) = (names.first(), &mut f.body) else {
        return;
    };
    let construct = format!("variable `{name}` holding values of different types");
    diags.push(Diagnostic::unsupported(f.span, &construct));
    let text = source
        .get(f.span.start as usize..f.span.end as usize)
        .unwrap_or_default()
        .to_string();
    body.stmts.insert(
        0,
        Stmt {
            kind: StmtKind::Unsupported(Unsupported {
                construct,
                text,
                span: f.span,
            }),
            span: f.span,
        },
    );
}

fn split_function(
    f: &mut Function,
    key: &str,
    conflicts: &HashSet<(String, String)>,
    taken: &HashSet<String>,
) -> bool {
    let mut names: Vec<&String> = conflicts
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, n)| n)
        .collect();
    names.sort();
    let Some(body) = &mut f.body else {
        return false;
    };
    let mut taken = taken.clone();
    let mut all = AllNames::default();
    all.visit_block(body);
    taken.extend(all.0);
    taken.extend(f.params.iter().map(|p| p.name.clone()));
    let mut changed = false;
    for name in names {
        let param = f.params.iter().any(|p| &p.name == name);
        let mut current = name.clone();
        while let Some((blocks, index)) = new_life(body, &current, param && current == *name) {
            let mut k = 2;
            while taken.contains(&format!("{name}{k}")) {
                k += 1;
            }
            let fresh = format!("{name}{k}");
            taken.insert(fresh.clone());
            rebind(body, &blocks, index, &current, &fresh);
            current = fresh;
            changed = true;
        }
    }
    changed
}

/// Where a statement sits: the path of (statement index, child block index) steps to its block,
/// and its index there.
type Place = (Vec<(usize, usize)>, usize);

/// One use or binding of the variable.
struct Use {
    /// Pre-order number of the statement it is in (0: a parameter).
    at: usize,
    /// The loops around it, by number (a `while` condition counts as inside its loop).
    loops: Vec<usize>,
    in_lambda: bool,
    /// A declaration without a value (a hoisted `Let`).
    bare: bool,
}

/// A plain assignment `name = value` that may start a new life.
struct Candidate {
    at: usize,
    place: Place,
    loops: Vec<usize>,
    /// The number of the last statement of its block (its rest is `at + 1..=end`).
    end: usize,
}

#[derive(Default)]
struct Scan {
    count: usize,
    uses: Vec<Use>,
    candidates: Vec<Candidate>,
}

/// The first assignment of `name` in `body` that starts a new life of it.
fn new_life(body: &Block, name: &str, is_param: bool) -> Option<Place> {
    let mut scan = Scan::default();
    if is_param {
        scan.uses.push(Use {
            at: 0,
            loops: Vec::new(),
            in_lambda: false,
            bare: false,
        });
    }
    scan.block(body, name, &mut Vec::new(), &[]);
    scan.candidates
        .iter()
        .find(|c| scan.sound(c))
        .map(|c| c.place.clone())
}

impl Scan {
    fn sound(&self, c: &Candidate) -> bool {
        let mut defined_before = false;
        let mut in_statement = 0;
        for u in &self.uses {
            if u.at == c.at {
                in_statement += 1;
            } else if u.at < c.at {
                if u.in_lambda || u.loops.iter().any(|l| c.loops.contains(l)) {
                    return false;
                }
                defined_before |= !u.bare;
            } else if u.at > c.end {
                return false;
            }
        }
        // The target itself, and reads of the old value only where no loop brings them back.
        let reads_old = in_statement > 1;
        defined_before && (!reads_old || c.loops.is_empty())
    }

    fn block(
        &mut self,
        block: &Block,
        name: &str,
        path: &mut Vec<(usize, usize)>,
        loops: &[usize],
    ) {
        let first = self.candidates.len();
        for (i, s) in block.stmts.iter().enumerate() {
            self.count += 1;
            let at = self.count;
            if matches!(s.kind, StmtKind::For { .. }) {
                // Its init and update statements are not scanned: nothing is split here.
                self.uses.push(Use {
                    at: usize::MAX,
                    loops: Vec::new(),
                    in_lambda: false,
                    bare: false,
                });
            }
            let loop_stmt = matches!(
                s.kind,
                StmtKind::While { .. }
                    | StmtKind::DoWhile { .. }
                    | StmtKind::For { .. }
                    | StmtKind::ForRange { .. }
                    | StmtKind::ForEach { .. }
            );
            let is_target = |t: &Expr| matches!(&t.kind, ExprKind::Name(n) if n == name);
            let assigns = match &s.kind {
                StmtKind::Assign {
                    target, op: None, ..
                } => is_target(target),
                StmtKind::AssignTuple { targets, .. } => targets.iter().any(is_target),
                _ => false,
            };
            if assigns {
                self.candidates.push(Candidate {
                    at,
                    place: (path.clone(), i),
                    loops: loops.to_vec(),
                    end: 0,
                });
            }
            let mut inner = loops.to_vec();
            if loop_stmt {
                inner.push(at);
            }
            let bindings = bound_by(&s.kind, name);
            for bare in bindings {
                self.uses.push(Use {
                    at,
                    loops: inner.clone(),
                    in_lambda: false,
                    bare,
                });
            }
            for (e, in_loop) in stmt_exprs(&s.kind) {
                let mut reads = Reads {
                    name,
                    lambdas: 0,
                    found: Vec::new(),
                };
                reads.visit_expr(e);
                for in_lambda in reads.found {
                    self.uses.push(Use {
                        at,
                        loops: if in_loop {
                            inner.clone()
                        } else {
                            loops.to_vec()
                        },
                        in_lambda,
                        bare: false,
                    });
                }
            }
            for (k, b) in s.kind.child_blocks().into_iter().enumerate() {
                path.push((i, k));
                self.block(b, name, path, &inner);
                path.pop();
            }
        }
        let end = self.count;
        for c in &mut self.candidates[first..] {
            if c.end == 0 {
                c.end = end;
            }
        }
    }
}

/// The bindings of `name` a statement makes itself (not through expressions): whether each is
/// a bare declaration.
fn bound_by(kind: &StmtKind, name: &str) -> Vec<bool> {
    match kind {
        StmtKind::Let { name: n, init, .. } if n == name => vec![init.is_none()],
        StmtKind::LetTuple { names, .. } | StmtKind::ForEach { vars: names, .. } => names
            .iter()
            .filter(|b| b.name == name)
            .map(|_| false)
            .collect(),
        StmtKind::ForRange { var, .. } if var.name == name => vec![false],
        StmtKind::Try { catches, .. } => catches
            .iter()
            .filter(|c| c.name.as_deref() == Some(name))
            .map(|_| false)
            .collect(),
        _ => Vec::new(),
    }
}

/// The expressions a statement holds directly, each with whether it runs on every iteration of
/// the statement's own loop.
fn stmt_exprs(kind: &StmtKind) -> Vec<(&Expr, bool)> {
    match kind {
        StmtKind::Let { init, .. } => init.iter().map(|e| (e, false)).collect(),
        StmtKind::LetTuple { init, .. } => vec![(init, false)],
        StmtKind::Assign { target, value, .. } => vec![(target, false), (value, false)],
        StmtKind::AssignTuple { targets, value } => targets
            .iter()
            .chain(std::iter::once(value))
            .map(|e| (e, false))
            .collect(),
        StmtKind::Expr(e) | StmtKind::Return(Some(e)) => vec![(e, false)],
        StmtKind::Throw {
            message: Some(e), ..
        } => vec![(e, false)],
        StmtKind::If { cond, .. } => vec![(cond, false)],
        StmtKind::While { cond, .. } | StmtKind::DoWhile { cond, .. } => vec![(cond, true)],
        StmtKind::For { cond, .. } => cond.iter().map(|e| (e, true)).collect(),
        StmtKind::ForRange {
            start, end, step, ..
        } => std::iter::once(start)
            .chain(std::iter::once(end))
            .chain(step)
            .map(|e| (e, false))
            .collect(),
        StmtKind::ForEach { iter, .. } => vec![(iter, false)],
        StmtKind::Switch {
            scrutinee, cases, ..
        } => std::iter::once(scrutinee)
            .chain(cases.iter().flat_map(|c| c.values.iter()))
            .map(|e| (e, false))
            .collect(),
        _ => Vec::new(),
    }
}

/// The reads of a name in an expression: whether each is inside a lambda.
struct Reads<'n> {
    name: &'n str,
    lambdas: usize,
    found: Vec<bool>,
}

impl Visitor for Reads<'_> {
    fn visit_expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) if n == self.name => self.found.push(self.lambdas > 0),
            ExprKind::Lambda { .. } => {
                self.lambdas += 1;
                walk_expr(self, e);
                self.lambdas -= 1;
            }
            _ => walk_expr(self, e),
        }
    }

    fn visit_stmt(&mut self, s: &Stmt) {
        // Statements only occur in lambda bodies here: every binding there counts as a read.
        if !bound_by(&s.kind, self.name).is_empty() {
            self.found.push(true);
        }
        ferry_ir::visit::walk_stmt(self, s);
    }
}

/// Every name a function body mentions.
#[derive(Default)]
struct AllNames(HashSet<String>);

impl Visitor for AllNames {
    fn visit_expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) => {
                self.0.insert(n.clone());
            }
            ExprKind::Lambda { params, .. } => {
                self.0.extend(params.iter().map(|p| p.name.clone()));
            }
            ExprKind::Comprehension(c) => {
                for clause in &c.clauses {
                    if let ferry_ir::ComprehensionClause::For { vars, .. } = clause {
                        self.0.extend(vars.iter().map(|b| b.name.clone()));
                    }
                }
            }
            _ => {}
        }
        walk_expr(self, e);
    }

    fn visit_stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Let { name, .. } => {
                self.0.insert(name.clone());
            }
            StmtKind::LetTuple { names, .. } | StmtKind::ForEach { vars: names, .. } => {
                self.0.extend(names.iter().map(|b| b.name.clone()));
            }
            StmtKind::ForRange { var, .. } => {
                self.0.insert(var.name.clone());
            }
            _ => {}
        }
        ferry_ir::visit::walk_stmt(self, s);
    }
}

/// Turns the assignment at `blocks`/`index` into the declaration of `fresh` (or declares `fresh`
/// before a tuple assignment to it), and renames `old` to `fresh` in the rest of its block.
fn rebind(body: &mut Block, blocks: &[(usize, usize)], index: usize, old: &str, fresh: &str) {
    let mut block = body;
    for &(i, k) in blocks {
        let Some(b) = block
            .stmts
            .get_mut(i)
            .and_then(|s| s.kind.child_blocks_mut().into_iter().nth(k))
        else {
            return;
        };
        block = b;
    }
    let Some(s) = block.stmts.get_mut(index) else {
        return;
    };
    let span = s.span;
    let kind = std::mem::replace(&mut s.kind, StmtKind::Break(None));
    let mut declare = None;
    s.kind = match kind {
        StmtKind::Assign { value, .. } => StmtKind::Let {
            name: fresh.to_string(),
            ty: Type::Unknown,
            init: Some(value),
        },
        StmtKind::AssignTuple { mut targets, value } => {
            for t in &mut targets {
                rename_expr(t, old, fresh);
            }
            declare = Some(Stmt {
                kind: StmtKind::Let {
                    name: fresh.to_string(),
                    ty: Type::Unknown,
                    init: None,
                },
                span,
            });
            StmtKind::AssignTuple { targets, value }
        }
        other => other,
    };
    let mut rest = index + 1;
    if let Some(d) = declare {
        block.stmts.insert(index, d);
        rest += 1;
    }
    for s in block.stmts.iter_mut().skip(rest) {
        rename_stmt(s, old, fresh);
    }
}

fn rename_stmt(s: &mut Stmt, old: &str, fresh: &str) {
    let swap = |n: &mut String| {
        if n == old {
            *n = fresh.to_string();
        }
    };
    match &mut s.kind {
        StmtKind::Let { name, .. } => swap(name),
        StmtKind::LetTuple { names, .. } | StmtKind::ForEach { vars: names, .. } => {
            names.iter_mut().for_each(|b| swap(&mut b.name));
        }
        StmtKind::ForRange { var, .. } => swap(&mut var.name),
        StmtKind::Try { catches, .. } => catches
            .iter_mut()
            .filter_map(|c| c.name.as_mut())
            .for_each(swap),
        _ => {}
    }
    for e in stmt_exprs_mut(&mut s.kind) {
        rename_expr(e, old, fresh);
    }
    for b in s.kind.child_blocks_mut() {
        for s in &mut b.stmts {
            rename_stmt(s, old, fresh);
        }
    }
}

fn rename_expr(e: &mut Expr, old: &str, fresh: &str) {
    if let ExprKind::Name(n) = &mut e.kind {
        if n == old {
            *n = fresh.to_string();
        }
        return;
    }
    let mut kids = Vec::new();
    children_mut(e, &mut kids);
    for k in kids {
        rename_expr(k, old, fresh);
    }
}

/// [`stmt_exprs`], mutably: the expressions of a statement itself (not of nested blocks).
pub(super) fn stmt_exprs_mut(kind: &mut StmtKind) -> Vec<&mut Expr> {
    match kind {
        StmtKind::Let { init, .. } => init.iter_mut().collect(),
        StmtKind::LetTuple { init, .. } => vec![init],
        StmtKind::Assign { target, value, .. } => vec![target, value],
        StmtKind::AssignTuple { targets, value } => {
            targets.iter_mut().chain(std::iter::once(value)).collect()
        }
        StmtKind::Expr(e) | StmtKind::Return(Some(e)) => vec![e],
        StmtKind::Throw {
            message: Some(e), ..
        } => vec![e],
        StmtKind::If { cond, .. }
        | StmtKind::While { cond, .. }
        | StmtKind::DoWhile { cond, .. } => vec![cond],
        StmtKind::For { cond, .. } => cond.iter_mut().collect(),
        StmtKind::ForRange {
            start, end, step, ..
        } => std::iter::once(start)
            .chain(std::iter::once(end))
            .chain(step.iter_mut())
            .collect(),
        StmtKind::ForEach { iter, .. } => vec![iter],
        StmtKind::Switch {
            scrutinee, cases, ..
        } => std::iter::once(scrutinee)
            .chain(cases.iter_mut().flat_map(|c| c.values.iter_mut()))
            .collect(),
        _ => Vec::new(),
    }
}
