"""Records the reference CPython's name suggestions into a Rust test table.

Run: /work/shared/bin/cpython3.14 record_suggestions.py > ../src/suggestion_cases.rs
For each word: `_suggestions._generate_suggestions(keyword.kwlist, word)` and
`difflib.get_close_matches(word, keyword.kwlist, n=3, cutoff=0.5)`; and
`difflib.SequenceMatcher(None, a, b).ratio()` for pairs of strings.
"""
import _suggestions, difflib, keyword

WORDS = ["dfe", "fro", "improt", "whille", "pritn", "retrun", "esle", "Tru", "none", "clas",
         "lamda", "fals", "asyn", "yeild", "x", "ab", "impor", "frm", "whle", "wile", "iff",
         "els", "defe", "nonloca", "contnue", "brek", "FALSE", "ELIF", "exept", "finaly",
         "globl", "asert", "awiat", "withh", "ra", "ret", "tr", "Pass", "isnot", "innn",
         "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz", "éfor", "deff", "a"]
PAIRS = [("abcd", "bcda"), ("private", "pirvate"), ("", ""), ("a", ""), ("abxcd", "abcd"),
         ("aaaa", "aa"), ("import", "improt"), ("qabxcd", "abycdf"), ("héllo", "hello")]

def rs(s):
    return '"' + ''.join(c if 32 <= ord(c) < 127 and c not in '"\\' else f'\\u{{{ord(c):x}}}' for c in s) + '"'

print("// Recorded from the reference CPython by `scripts/record_suggestions.py` (do not edit by hand).")
print()
print("/// (word, `_generate_suggestions(kwlist, word)`, `get_close_matches(word, kwlist)`)")
print("#[allow(clippy::type_complexity)]")
print("const SUGGESTION_CASES: &[(&str, Option<&str>, &[&str])] = &[")
for w in WORDS:
    s = _suggestions._generate_suggestions(keyword.kwlist, w)
    m = difflib.get_close_matches(w, keyword.kwlist, n=3, cutoff=0.5)
    print(f"    ({rs(w)}, {'None' if s is None else 'Some(' + rs(s) + ')'}, &[{', '.join(rs(x) for x in m)}]),")
print("];")
print()
print("/// (a, b, `SequenceMatcher(None, a, b).ratio()`)")
print("const RATIO_CASES: &[(&str, &str, f64)] = &[")
for a, b in PAIRS:
    print(f"    ({rs(a)}, {rs(b)}, {difflib.SequenceMatcher(None, a, b).ratio()!r}),")
print("];")
