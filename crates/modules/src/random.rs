//! `_random` (CPython's `Modules/_randommodule.c`): the Mersenne Twister
//! (MT19937) behind `random.Random`, seeded and stepped exactly as CPython
//! does, so a given seed yields CPython's numbers: `seed(int)` feeds the
//! absolute value's 32-bit words to `init_by_array`, `random()` builds a
//! 53-bit float from two outputs, `getrandbits(k)` assembles 32-bit words
//! least significant first, and `getstate`/`setstate` exchange the 624
//! words plus the position.

use std::cell::RefCell;

use krait_vm::builtins::function::Module;
use krait_vm::builtins::native::{Args, MethodDef, method};
use krait_vm::builtins::tuple::Tuple;
use krait_vm::gc::Payload;
use krait_vm::object::Ref;
use krait_vm::types::{TypeRef, flags};
use krait_vm::{PyResult, Value, Vm};
use num_bigint::{BigInt, Sign};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// `_random`'s initialiser.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    let ty = vm.new_builtin_type::<Random>(
        "_random",
        "Random",
        None,
        flags::BASETYPE | flags::NEW_ALLOCATES_CLASS,
        METHODS,
    )?;
    ty.slots.new.set(Some(new));
    ty.bump_version();
    vm.module_set(module, "Random", Value::from_object(ty.as_obj().clone()))?;
    let doc = vm.new_str("Module implements the Mersenne Twister random number generator.")?;
    vm.module_set(module, "__doc__", doc)
}

/// The generator's state.
struct Twister {
    state: [u32; N],
    index: usize,
}

impl Twister {
    fn new() -> Twister {
        Twister {
            state: [0; N],
            index: N + 1,
        }
    }

    fn init_genrand(&mut self, seed: u32) {
        self.state[0] = seed;
        for i in 1..N {
            let previous = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(previous ^ (previous >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mut i = 1usize;
        let mut j = 0usize;
        let key_length = key.len().max(1);
        for _ in 0..N.max(key_length) {
            let previous = self.state[i - 1];
            let k = key.get(j).copied().unwrap_or(0);
            self.state[i] = (self.state[i] ^ (previous ^ (previous >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(k)
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= key_length {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let previous = self.state[i - 1];
            self.state[i] = (self.state[i]
                ^ (previous ^ (previous >> 30)).wrapping_mul(1_566_083_941))
            .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        self.state[0] = 0x8000_0000;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            if self.index == N + 1 {
                self.init_genrand(5489);
            }
            let mag = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
            for k in 0..N - M {
                let y = (self.state[k] & UPPER_MASK) | (self.state[k + 1] & LOWER_MASK);
                self.state[k] = self.state[k + M] ^ (y >> 1) ^ mag(y);
            }
            for k in N - M..N - 1 {
                let y = (self.state[k] & UPPER_MASK) | (self.state[k + 1] & LOWER_MASK);
                self.state[k] = self.state[k + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (self.state[N - 1] & UPPER_MASK) | (self.state[0] & LOWER_MASK);
            self.state[N - 1] = self.state[M - 1] ^ (y >> 1) ^ mag(y);
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }
}

/// The payload of `_random.Random`.
pub struct Random {
    twister: RefCell<Twister>,
}

impl Payload for Random {}

fn new(vm: &mut Vm, cls: &TypeRef, args: &[Value], kw: Option<&Ref<Tuple>>) -> PyResult<Value> {
    if !cls.has_flag(flags::HEAPTYPE) && kw.is_some_and(|k| !k.items().is_empty()) {
        return Err(vm.type_error("Random() takes no keyword arguments".into()));
    }
    let positional = args.len().saturating_sub(kw.map_or(0, |k| k.items().len()));
    if positional > 1 {
        return Err(vm.type_error("Random() requires 0 or 1 argument".into()));
    }
    let r = vm.alloc(
        cls,
        Random {
            twister: RefCell::new(Twister::new()),
        },
    )?;
    let value = Value::from_object(r.into_obj());
    let seed_arg = if positional == 1 {
        args.first().cloned().unwrap_or(Value::NONE)
    } else {
        Value::NONE
    };
    seed(vm, &value, &seed_arg)?;
    Ok(value)
}

fn random_of(vm: &mut Vm, v: &Value) -> PyResult<Ref<Random>> {
    match v.as_object().and_then(|o| o.downcast::<Random>()) {
        Some(r) => Ok(r.clone()),
        None => Err(vm.type_error("expected a _random.Random".into())),
    }
}

/// `seed(n)`: `None` seeds from the operating system; an int by its
/// absolute value's 32-bit words; anything else by its hash.
fn seed(vm: &mut Vm, this: &Value, n: &Value) -> PyResult<()> {
    let r = random_of(vm, this)?;
    let key: Vec<u32> = if n.is_none() {
        let mut bytes = [0u8; N * 4];
        if getrandom_fill(&mut bytes).is_err() {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            let words = [
                now as u32,
                (now >> 32) as u32,
                (now >> 64) as u32,
                std::process::id(),
            ];
            r.twister.borrow_mut().init_by_array(&words);
            return Ok(());
        }
        bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect()
    } else {
        let big = match krait_vm::builtins::int::to_big(n) {
            Some(b) => b,
            // As CPython: the hash taken as an unsigned machine word.
            None => BigInt::from(vm.hash(n)? as u64),
        };
        let digits = big.magnitude().to_u32_digits();
        if digits.is_empty() { vec![0] } else { digits }
    };
    r.twister.borrow_mut().init_by_array(&key);
    Ok(())
}

/// Fills `buffer` from the operating system's random source.
fn getrandom_fill(buffer: &mut [u8]) -> Result<(), ()> {
    let mut filled = 0;
    while filled < buffer.len() {
        let rest = buffer.get_mut(filled..).unwrap_or_default();
        // SAFETY: the buffer is valid for `rest.len()` bytes.
        let got = unsafe { libc::getrandom(rest.as_mut_ptr().cast(), rest.len(), 0) };
        if got < 0 {
            if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            return Err(());
        }
        filled += usize::try_from(got).unwrap_or(0);
    }
    Ok(())
}

fn getrandbits(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let r = random_of(vm, args.this())?;
    let Some(k) = vm.index_value(args.required(1))? else {
        let tn = vm.type_name(args.required(1));
        return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    };
    if k < 0 {
        return Err(vm.value_error("Cannot convert negative int"));
    }
    if k == 0 {
        return Ok(Value::from_i64(0));
    }
    if k <= 32 {
        let bits = r.twister.borrow_mut().next_u32() >> (32 - k);
        return Ok(Value::from_i64(i64::from(bits)));
    }
    let Ok(mut left) = u64::try_from(k) else {
        return Err(vm.overflow_error("getrandbits() argument too large"));
    };
    let words = usize::try_from(left.div_ceil(32)).unwrap_or(usize::MAX);
    let mut digits = Vec::new();
    if digits.try_reserve(words).is_err() {
        return Err(vm.memory_error());
    }
    {
        let mut t = r.twister.borrow_mut();
        while left > 0 {
            let mut word = t.next_u32();
            if left < 32 {
                word >>= 32 - left;
            }
            digits.push(word);
            left = left.saturating_sub(32);
        }
    }
    vm.new_int(BigInt::from_slice(Sign::Plus, &digits))
}

fn getstate(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let r = random_of(vm, args.this())?;
    let (words, index) = {
        let t = r.twister.borrow();
        (t.state, t.index)
    };
    let mut items: Vec<Value> = words
        .iter()
        .map(|&w| Value::from_i64(i64::from(w)))
        .collect();
    items.push(Value::from_i64(i64::try_from(index).unwrap_or(i64::MAX)));
    vm.new_tuple(items)
}

fn setstate(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let r = random_of(vm, args.this())?;
    let state = args.required(1);
    let Some(items) = state
        .as_object()
        .and_then(|o| o.downcast::<Tuple>())
        .map(|t| t.items().to_vec())
    else {
        return Err(vm.type_error("state vector must be a tuple".into()));
    };
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (slot, item) in words.iter_mut().zip(&items) {
        let Some(big) = krait_vm::builtins::int::to_big(item) else {
            let tn = vm.type_name(item);
            return Err(vm.type_error(format!("an integer is required (got type {tn})")));
        };
        let Ok(value) = u64::try_from(&big) else {
            return Err(vm.overflow_error("Python int too large to convert to C unsigned long"));
        };
        *slot = value as u32;
    }
    let index_value = items.get(N).cloned().unwrap_or(Value::NONE);
    let index = match vm.index_value(&index_value)? {
        Some(i) if (0..=N as i64).contains(&i) => usize::try_from(i).unwrap_or(N),
        _ => return Err(vm.value_error("invalid state")),
    };
    let mut t = r.twister.borrow_mut();
    t.state = words;
    t.index = index;
    Ok(Value::NONE)
}

const METHODS: &[MethodDef] = &[
    method("random", "(self, /)", |vm, args| {
        let r = random_of(vm, args.this())?;
        let x = r.twister.borrow_mut().random();
        Ok(Value::from_f64(x))
    }),
    method("seed", "(self, n=None, /)", |vm, args| {
        let n = args.get(1).cloned().unwrap_or(Value::NONE);
        seed(vm, args.this(), &n)?;
        Ok(Value::NONE)
    }),
    method("getrandbits", "(self, k, /)", getrandbits),
    method("getstate", "(self, /)", getstate),
    method("setstate", "(self, state, /)", setstate),
];

#[cfg(test)]
mod tests {
    use super::Twister;

    #[test]
    fn seed_42_gives_cpythons_first_float() {
        let mut t = Twister::new();
        // `random.seed(42)`: the key is the seed's one 32-bit word.
        t.init_by_array(&[42]);
        assert_eq!(t.random(), 0.6394267984578837);
    }

    #[test]
    fn an_unseeded_twister_uses_the_reference_seed() {
        // The reference implementation's first output for seed 5489.
        let mut t = Twister::new();
        assert_eq!(t.next_u32(), 3_499_211_612);
    }
}
