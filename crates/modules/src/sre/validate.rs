//! The check `_sre.compile` makes before accepting code: every opcode is
//! known, operands are in range (group numbers below the group count,
//! positions and categories that exist), every skip stays inside its
//! enclosing block, and blocks end the way the engine expects (a BRANCH
//! alternative with a JUMP to the common end, a REPEAT body with
//! MAX_UNTIL/MIN_UNTIL, an assertion or atomic group with SUCCESS). Code
//! that fails is rejected with `RuntimeError("invalid SRE code")`, as
//! CPython does; code from `re._compiler` always passes.
//!
//! Blocks nest as deeply as the pattern's groups; the walk recurses per
//! block on stack grown on demand (`krait_syntax::stack::grow`, as the
//! compiler's passes do), and nesting deeper than [`MAX_DEPTH`] (beyond
//! what the parser accepts) counts as invalid.

use super::constants::*;

/// The deepest block nesting accepted.
pub const MAX_DEPTH: usize = 2000;

/// Why a block is not valid (the details do not matter to the caller).
struct Invalid;

type Check<T> = Result<T, Invalid>;

/// Whether `code` is valid compiled code for a pattern with `groups`
/// capturing groups.
pub fn validate(code: &[u32], groups: usize) -> bool {
    if groups as i64 > MAXGROUPS || code.last() != Some(&SUCCESS) {
        return false;
    }
    let v = Validator { code, groups };
    matches!(v.block(0, code.len() - 1, 0), Ok(false))
}

struct Validator<'a> {
    code: &'a [u32],
    groups: usize,
}

impl Validator<'_> {
    /// The word at `*i` (which must be before `end`), advancing.
    fn get(&self, i: &mut usize, end: usize) -> Check<u32> {
        if *i >= end {
            return Err(Invalid);
        }
        let w = *self.code.get(*i).ok_or(Invalid)?;
        *i += 1;
        Ok(w)
    }

    /// A skip word at `*i` that may reach at most `adj` words past `end`.
    fn skip(&self, i: &mut usize, end: usize, adj: usize) -> Check<usize> {
        let skip = self.get(i, end)? as usize;
        *i -= 1;
        if skip.wrapping_sub(adj) > end - *i {
            return Err(Invalid);
        }
        *i += 1;
        Ok(skip)
    }

    /// `start + skip - back`, which must not be before `start`.
    fn offset(start: usize, skip: usize, back: usize) -> Check<usize> {
        (start + skip)
            .checked_sub(back)
            .filter(|&e| e >= start)
            .ok_or(Invalid)
    }

    fn charset(&self, mut i: usize, end: usize) -> Check<()> {
        while i < end {
            match self.get(&mut i, end)? {
                NEGATE => {}
                LITERAL => {
                    self.get(&mut i, end)?;
                }
                RANGE | RANGE_UNI_IGNORE => {
                    self.get(&mut i, end)?;
                    self.get(&mut i, end)?;
                }
                CHARSET => {
                    if 8 > end - i {
                        return Err(Invalid);
                    }
                    i += 8;
                }
                BIGCHARSET => {
                    let blocks = self.get(&mut i, end)? as usize;
                    if 64 > end - i {
                        return Err(Invalid);
                    }
                    for w in self.code.get(i..i + 64).ok_or(Invalid)? {
                        if w.to_ne_bytes().iter().any(|&b| b as usize >= blocks) {
                            return Err(Invalid);
                        }
                    }
                    i += 64;
                    let bitmaps = blocks.checked_mul(8).ok_or(Invalid)?;
                    if bitmaps > end - i {
                        return Err(Invalid);
                    }
                    i += bitmaps;
                }
                CATEGORY => {
                    if self.get(&mut i, end)? > CATEGORY_UNI_NOT_LINEBREAK {
                        return Err(Invalid);
                    }
                }
                _ => return Err(Invalid),
            }
        }
        Ok(())
    }

    /// Validates `code[i..end]`; true when it ends with a JUMP (the "then"
    /// part of a conditional with an "else" part).
    fn block(&self, mut i: usize, end: usize, depth: usize) -> Check<bool> {
        if depth > MAX_DEPTH || i > end {
            return Err(Invalid);
        }
        let nested = |from: usize, to: usize| -> Check<()> {
            match krait_syntax::stack::grow(|| self.block(from, to, depth + 1))? {
                false => Ok(()),
                true => Err(Invalid),
            }
        };
        while i < end {
            match self.get(&mut i, end)? {
                MARK => {
                    if self.get(&mut i, end)? as usize >= 2 * self.groups {
                        return Err(Invalid);
                    }
                }
                LITERAL
                | NOT_LITERAL
                | LITERAL_IGNORE
                | NOT_LITERAL_IGNORE
                | LITERAL_UNI_IGNORE
                | NOT_LITERAL_UNI_IGNORE
                | LITERAL_LOC_IGNORE
                | NOT_LITERAL_LOC_IGNORE => {
                    self.get(&mut i, end)?;
                }
                SUCCESS | FAILURE | ANY | ANY_ALL => {}
                AT => {
                    if self.get(&mut i, end)? > AT_UNI_NON_BOUNDARY {
                        return Err(Invalid);
                    }
                }
                IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => {
                    let skip = self.skip(&mut i, end, 0)?;
                    let last = Self::offset(i, skip, 2)?;
                    self.charset(i, last)?;
                    if self.code.get(last) != Some(&FAILURE) {
                        return Err(Invalid);
                    }
                    i = last + 1;
                }
                INFO => {
                    let skip = self.skip(&mut i, end, 0)?;
                    let next = Self::offset(i, skip, 1)?;
                    let flags = self.get(&mut i, end)?;
                    self.get(&mut i, end)?;
                    self.get(&mut i, end)?;
                    if flags & !7 != 0 || (flags & 1 != 0 && flags & 4 != 0) {
                        return Err(Invalid);
                    }
                    if flags & 2 != 0 && flags & 1 == 0 {
                        return Err(Invalid);
                    }
                    if flags & 1 != 0 {
                        let prefix_len = self.get(&mut i, end)? as usize;
                        self.get(&mut i, end)?;
                        if i > next || prefix_len > next - i {
                            return Err(Invalid);
                        }
                        i += prefix_len;
                        if prefix_len > next - i {
                            return Err(Invalid);
                        }
                        let overlap = self.code.get(i..i + prefix_len).ok_or(Invalid)?;
                        if overlap.iter().any(|&o| o as usize >= prefix_len) {
                            return Err(Invalid);
                        }
                        i += prefix_len;
                    }
                    if flags & 4 != 0 {
                        let last = next.checked_sub(1).ok_or(Invalid)?;
                        if i > last {
                            return Err(Invalid);
                        }
                        self.charset(i, last)?;
                        if self.code.get(last) != Some(&FAILURE) {
                            return Err(Invalid);
                        }
                        i = next;
                    } else if i != next {
                        return Err(Invalid);
                    }
                }
                BRANCH => {
                    let mut target = None;
                    loop {
                        let skip = self.skip(&mut i, end, 0)?;
                        if skip == 0 {
                            break;
                        }
                        let alt_end = Self::offset(i, skip, 3)?;
                        nested(i, alt_end)?;
                        i = alt_end;
                        if self.get(&mut i, end)? != JUMP {
                            return Err(Invalid);
                        }
                        let skip = self.skip(&mut i, end, 0)?;
                        let t = (i + skip).checked_sub(1).ok_or(Invalid)?;
                        match target {
                            None => target = Some(t),
                            Some(x) if x == t => {}
                            Some(_) => return Err(Invalid),
                        }
                    }
                    if target != Some(i) {
                        return Err(Invalid);
                    }
                }
                REPEAT_ONE | MIN_REPEAT_ONE | POSSESSIVE_REPEAT_ONE => {
                    let skip = self.skip(&mut i, end, 0)?;
                    let (min, max) = (self.get(&mut i, end)?, self.get(&mut i, end)?);
                    if min > max {
                        return Err(Invalid);
                    }
                    let body_end = Self::offset(i, skip, 4)?;
                    nested(i, body_end)?;
                    i = body_end;
                    if self.get(&mut i, end)? != SUCCESS {
                        return Err(Invalid);
                    }
                }
                op @ (REPEAT | POSSESSIVE_REPEAT) => {
                    let skip = self.skip(&mut i, end, 0)?;
                    let (min, max) = (self.get(&mut i, end)?, self.get(&mut i, end)?);
                    if min > max {
                        return Err(Invalid);
                    }
                    let body_end = Self::offset(i, skip, 3)?;
                    nested(i, body_end)?;
                    i = body_end;
                    let closing = self.get(&mut i, end)?;
                    let ok = if op == POSSESSIVE_REPEAT {
                        closing == SUCCESS
                    } else {
                        closing == MAX_UNTIL || closing == MIN_UNTIL
                    };
                    if !ok {
                        return Err(Invalid);
                    }
                }
                ATOMIC_GROUP => {
                    let skip = self.skip(&mut i, end, 0)?;
                    let body_end = Self::offset(i, skip, 2)?;
                    nested(i, body_end)?;
                    i = body_end;
                    if self.get(&mut i, end)? != SUCCESS {
                        return Err(Invalid);
                    }
                }
                GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE => {
                    if self.get(&mut i, end)? as usize >= self.groups {
                        return Err(Invalid);
                    }
                }
                GROUPREF_EXISTS => {
                    if self.get(&mut i, end)? as usize >= self.groups {
                        return Err(Invalid);
                    }
                    let skip = self.skip(&mut i, end, 1)?;
                    // The skip counts from the group operand.
                    let at = i - 1;
                    let then_end = Self::offset(at, skip, 1)?;
                    if at + 1 > then_end {
                        return Err(Invalid);
                    }
                    let ends_with_jump =
                        krait_syntax::stack::grow(|| self.block(at + 1, then_end, depth + 1))?;
                    if ends_with_jump {
                        // The JUMP over the "else" part is the then part's
                        // last instruction; its skip word is at `then_end - 1`.
                        let mut j = then_end - 1;
                        let skip = self.skip(&mut j, end, 0)?;
                        let else_end = Self::offset(j, skip, 1)?;
                        nested(j, else_end)?;
                        i = else_end;
                    } else {
                        i = then_end;
                    }
                }
                ASSERT | ASSERT_NOT => {
                    let skip = self.skip(&mut i, end, 0)?;
                    let at = i - 1;
                    self.get(&mut i, end)?;
                    let body_end = Self::offset(at, skip, 1)?;
                    if at + 2 > body_end {
                        return Err(Invalid);
                    }
                    nested(at + 2, body_end)?;
                    i = body_end;
                    if self.get(&mut i, end)? != SUCCESS {
                        return Err(Invalid);
                    }
                }
                JUMP => {
                    if i + 1 != end {
                        return Err(Invalid);
                    }
                    return Ok(true);
                }
                _ => return Err(Invalid),
            }
        }
        Ok(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `re._compiler`'s code for `(a|b)*c`, one group.
    const A_OR_B_STAR_C: &[u32] = &[
        INFO, 4, 0, 1, MAXREPEAT, REPEAT, 13, 0, MAXREPEAT, MARK, 0, IN, 5, RANGE, 97, 98, FAILURE,
        MARK, 1, MAX_UNTIL, LITERAL, 99, SUCCESS,
    ];

    #[test]
    fn compiler_output_is_valid() {
        assert!(validate(A_OR_B_STAR_C, 1));
        assert!(validate(&[SUCCESS], 0));
        // `x|y`: BRANCH with two alternatives jumping to the same end.
        let branch = [
            BRANCH, 5, LITERAL, 120, JUMP, 7, 5, LITERAL, 121, JUMP, 2, 0, SUCCESS,
        ];
        assert!(validate(&branch, 0));
    }

    #[test]
    fn broken_code_is_invalid() {
        assert!(!validate(A_OR_B_STAR_C, 0), "MARK beyond the groups");
        assert!(!validate(&[], 0));
        assert!(!validate(&[LITERAL], 0));
        assert!(!validate(&[JUMP, 0, SUCCESS], 0));
        assert!(!validate(&[99, SUCCESS], 0));
        let mut skip_too_far = A_OR_B_STAR_C.to_vec();
        skip_too_far[6] = 1000;
        assert!(!validate(&skip_too_far, 1));
        let mut no_until = A_OR_B_STAR_C.to_vec();
        no_until[19] = SUCCESS;
        assert!(!validate(&no_until, 1));
    }

    /// ATOMIC_GROUP <skip> body SUCCESS, nested `depth` times.
    fn nested_atomic_groups(depth: usize) -> Vec<u32> {
        let mut code = Vec::new();
        for level in 0..depth {
            let inner = (depth - level - 1) * 3;
            code.extend([ATOMIC_GROUP, (inner + 2) as u32]);
        }
        code.extend(std::iter::repeat_n(SUCCESS, depth));
        code.push(SUCCESS);
        code
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        assert!(validate(&nested_atomic_groups(MAX_DEPTH - 10), 0));
        assert!(!validate(&nested_atomic_groups(MAX_DEPTH * 4), 0));
    }
}
