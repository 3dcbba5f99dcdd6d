//! CPython's C3 linearization (`mro_implementation` in
//! `Objects/typeobject.c`), with its error message.

use crate::types::TypeRef;

/// The MRO of a class with `bases`, the class itself not included: the C3
/// merge of the bases' MROs and the list of bases. `Err` carries CPython's
/// message when no consistent order exists.
pub fn c3_merge(bases: &[TypeRef]) -> Result<Vec<TypeRef>, String> {
    // Duplicate bases are their own error, reported first.
    for (i, base) in bases.iter().enumerate() {
        if bases[..i].iter().any(|b| b.same(base)) {
            return Err(format!("duplicate base class {}", base.name));
        }
    }
    let mut sequences: Vec<Vec<TypeRef>> = bases.iter().map(|b| b.mro.get()).collect();
    sequences.push(bases.to_vec());
    let mut result = Vec::new();
    loop {
        sequences.retain(|s| !s.is_empty());
        if sequences.is_empty() {
            return Ok(result);
        }
        let candidate = sequences.iter().find_map(|seq| {
            let head = &seq[0];
            let in_tail = sequences
                .iter()
                .any(|other| other[1..].iter().any(|c| c.same(head)));
            (!in_tail).then(|| head.clone())
        });
        let Some(next) = candidate else {
            // CPython lists the heads that could not be placed, in base order.
            let mut names: Vec<String> = Vec::new();
            for seq in &sequences {
                let name = seq[0].name.to_string();
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            return Err(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for seq in &mut sequences {
            if seq[0].same(&next) {
                seq.remove(0);
            }
        }
        result.push(next);
    }
}
