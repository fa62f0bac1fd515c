//! Fixed-size arrays that a target interface declares (`func F(p [2]int) [2]int`) where the
//! translation has slices ([`crate::Options::array_lengths`]): the declared types are printed, an
//! array parameter is sliced into the local the body uses, and every return builds or converts
//! the array.

use ferry_ir::{Expr, ExprKind, Function, Type};

use super::precedence::G;
use super::{names, read_names, Printer};

impl Printer<'_> {
    /// Records the declared array lengths of `f` for its printing: the result's length and, for
    /// each array parameter the body reads, the line that slices it (`xs := xsArray[:]`).
    pub(super) fn enter_arrays(&mut self, f: &Function) {
        self.ret_len = None;
        self.ret_elem_len = None;
        self.prologue.clear();
        self.array_params.clear();
        let Some(lengths) = self.opts.array_lengths.get(&f.name) else {
            return;
        };
        if let Type::List(elem) | Type::Array(elem) = &f.ret {
            self.ret_len = lengths.result;
            if matches!(**elem, Type::List(_) | Type::Array(_)) {
                self.ret_elem_len = lengths.result_elements;
            }
        }
        let reads = f.body.as_ref().map(read_names).unwrap_or_default();
        for (i, p) in f.params.iter().enumerate() {
            let (Some(n), Type::List(_) | Type::Array(_)) = (lengths.param(i), &p.ty) else {
                continue;
            };
            if p.variadic || self.ptr_locals.contains(&p.name) {
                continue;
            }
            let local = names::value_name(self.opts.naming, &p.name);
            let mut array = format!("{local}Array");
            while reads.contains(&array) {
                array.push('_');
            }
            if reads.contains(&p.name) {
                self.prologue.push(format!("{local} := {array}[:]"));
            } else {
                array = local;
            }
            self.array_params.insert(p.name.clone(), (array, n));
        }
    }

    /// The declared `[n]T` of a parameter or result of type `ty` (a list of `T`).
    pub(super) fn array_type(&mut self, n: usize, ty: &Type) -> String {
        let elem = match ty {
            Type::List(e) | Type::Array(e) => self.go_type(e),
            other => self.go_type(other),
        };
        format!("[{n}]{elem}")
    }

    /// `value` returned as the declared array of `n` elements.
    pub(super) fn array_return(&mut self, n: usize, value: &Expr) -> G {
        let ret = self.ret.clone();
        self.array_of(n, &ret, value)
    }

    /// The declared `[][n]T` of a result of type `ty` (a list of lists of `T`).
    pub(super) fn arrays_type(&mut self, n: usize, ty: &Type) -> String {
        match ty {
            Type::List(e) | Type::Array(e) => format!("[]{}", self.array_type(n, e)),
            other => self.go_type(other),
        }
    }

    /// `value`, a list of lists, returned as the declared slice of arrays of `n` elements, each
    /// converted (`[2]int(x)`).
    pub(super) fn arrays_return(&mut self, n: usize, value: &Expr) -> G {
        let ret = self.ret.clone();
        let ty = self.arrays_type(n, &ret);
        let elem = ty.trim_start_matches("[]").to_string();
        let g = self.expr_as(value, &ret);
        let v = self.p(&g);
        let body = vec![
            format!("xs := {v}"),
            format!("out := make({ty}, len(xs))"),
            "for i, x := range xs {".to_string(),
            format!("\tout[i] = {elem}(x)"),
            "}".to_string(),
            "return out".to_string(),
        ];
        G::Call {
            func: Box::new(G::FuncLit {
                header: format!("func() {ty}"),
                body,
                one_line: false,
            }),
            args: vec![],
            spread: false,
        }
    }

    /// The arguments of a call to `callee` whose parameters it declares as fixed-size arrays
    /// (but those passed by pointer, `pointers`): those passed as arrays; `args` holds the
    /// arguments already printed.
    pub(super) fn array_args(
        &mut self,
        callee: &Function,
        values: &[Expr],
        pointers: &[bool],
        args: &mut [G],
    ) {
        let Some(lengths) = self.opts.array_lengths.get(&callee.name) else {
            return;
        };
        for (i, (p, value)) in callee.params.iter().zip(values).enumerate() {
            let by_pointer = pointers.get(i).copied().unwrap_or(false);
            if let (Some(n), Type::List(_) | Type::Array(_), false) =
                (lengths.param(i), &p.ty, p.variadic || by_pointer)
            {
                args[i] = self.array_of(n, &p.ty, value);
            }
        }
    }

    /// `value`, a list of type `list`, as an array of `n` elements: a list or tuple literal of
    /// that length is built element by element (`[2]int{a, b}`), anything else converted
    /// (`[2]int(xs)`, which panics where the slice is shorter, as the declaration demands).
    fn array_of(&mut self, n: usize, list: &Type, value: &Expr) -> G {
        let ty = self.array_type(n, list);
        let elem = match list {
            Type::List(e) | Type::Array(e) => (**e).clone(),
            _ => Type::Unknown,
        };
        match &value.kind {
            ExprKind::ListLit(items) | ExprKind::TupleLit(items) if items.len() == n => {
                let parts: Vec<String> = items
                    .iter()
                    .map(|item| {
                        let g = self.expr_as(item, &elem);
                        self.p(&g)
                    })
                    .collect();
                G::atom(format!("{ty}{{{}}}", parts.join(", ")))
            }
            _ => {
                let g = self.expr_as(value, list);
                G::call(&ty, vec![g])
            }
        }
    }
}
