//! Class members for inference: which class declares a field or method, the class of a value known
//! only by a member name, and overriding methods sharing their parameter and result types.

use ferry_ir::Type;

use super::infer::{ClassInfo, Solver};

impl Solver {
    pub(super) fn field_owner(&self, class: &str, name: &str) -> Option<String> {
        let mut cur = Some(class.to_string());
        let mut steps = 0;
        while let Some(c) = cur {
            let info = self.classes.get(&c)?;
            if info.fields.contains(name) {
                return Some(c);
            }
            cur = info.extends.clone();
            steps += 1;
            if steps > 32 {
                break;
            }
        }
        None
    }

    pub(super) fn method_owner(&self, class: &str, name: &str) -> Option<String> {
        let mut cur = Some(class.to_string());
        let mut steps = 0;
        while let Some(c) = cur {
            let info = self.classes.get(&c)?;
            if info.methods.contains(name) {
                return Some(c);
            }
            cur = info.extends.clone();
            steps += 1;
            if steps > 32 {
                break;
            }
        }
        None
    }

    /// The class of a value whose class is not known, from a unique method or field name.
    pub(super) fn unique_class(&self, member: &str, method: bool) -> Option<String> {
        let owners: Vec<&String> = self
            .classes
            .iter()
            .filter(|(_, c)| {
                if method {
                    c.methods.contains(member)
                } else {
                    c.fields.contains(member)
                }
            })
            .map(|(n, _)| n)
            .collect();
        match owners.as_slice() {
            [one] => Some((*one).clone()),
            _ => None,
        }
    }

    pub(super) fn unify_overrides(&mut self) {
        let classes: Vec<(String, ClassInfo)> = self
            .classes
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (name, info) in &classes {
            let Some(base) = &info.extends else { continue };
            for m in &info.methods {
                let Some(owner) = self.method_owner(base, m) else {
                    continue;
                };
                let a = format!("{name}.{m}");
                let b = format!("{owner}.{m}");
                let ta = self.rets.get(&a).cloned().unwrap_or(Type::Unknown);
                let tb = self.rets.get(&b).cloned().unwrap_or(Type::Unknown);
                self.unify_ret(&a, &tb);
                self.unify_ret(&b, &ta);
                let pa = self.params.get(&a).cloned().unwrap_or_default();
                let pb = self.params.get(&b).cloned().unwrap_or_default();
                for (x, y) in pa.iter().zip(pb.iter()) {
                    let tx = self
                        .vars
                        .get(&(a.clone(), x.clone()))
                        .cloned()
                        .unwrap_or(Type::Unknown);
                    let ty = self
                        .vars
                        .get(&(b.clone(), y.clone()))
                        .cloned()
                        .unwrap_or(Type::Unknown);
                    self.unify_var((a.clone(), x.clone()), &ty);
                    self.unify_var((b.clone(), y.clone()), &tx);
                }
            }
        }
    }
}
