"""Compares krait's tokens with the reference CPython's tokenize module.

Run with the reference interpreter from the workspace root:
  cpython3.14 crates/syntax/scripts/compare_tokens.py [FILES...]
Without files, takes every .py file of the reference's Lib/. Prints the first
mismatch of each differing file and a summary.
"""
import io, os, subprocess, sys, tokenize

KINDS = {tokenize.FSTRING_START: "FStringStart", tokenize.FSTRING_MIDDLE: "FStringMiddle",
         tokenize.FSTRING_END: "FStringEnd", tokenize.TSTRING_START: "TStringStart",
         tokenize.TSTRING_MIDDLE: "TStringMiddle", tokenize.TSTRING_END: "TStringEnd"}

def reference_tokens(path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        encoding = tokenize.detect_encoding(io.BytesIO(data).readline)[0]
    except SyntaxError as e:
        return [f"! {e}"]
    text = data.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    def bcol(row, col):
        return len(lines[row - 1][:col].encode()) if row - 1 < len(lines) else col
    out = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type in (tokenize.COMMENT, tokenize.NL, tokenize.ENCODING):
                continue
            kind = KINDS.get(tok.type, tokenize.tok_name[tok.type])
            if kind in ("INDENT", "DEDENT", "ENDMARKER"):
                out.append(kind)
                continue
            if kind == "NEWLINE":
                out.append(f"NEWLINE {tok.start[0]} {bcol(*tok.start)}")
                continue
            if kind in ("FStringMiddle", "TStringMiddle"):
                if tok.start == tok.end:
                    continue  # krait drops empty literal parts
                # tokenize un-doubles braces in the text; compare start only.
                out.append(f"{kind} {tok.start[0]} {bcol(*tok.start)}")
                continue
            out.append(f"{kind} {tok.start[0]} {bcol(*tok.start)} {tok.end[0]} {bcol(*tok.end)}")
    except (SyntaxError, tokenize.TokenError) as e:
        out.append(f"! {e}")
    return out

def ours(paths):
    res = subprocess.run(["target/release/examples/dump_tokens", *paths], capture_output=True, text=True, errors="replace")
    result, cur = {}, None
    for line in res.stdout.splitlines():
        if line.startswith("=== "):
            cur = line[4:]; result[cur] = []; continue
        parts = line.split(" ", 5)
        kind = parts[0]
        if kind in ("INDENT", "DEDENT", "ENDMARKER"):
            result[cur].append(kind)
        elif kind == "NEWLINE":
            result[cur].append(f"NEWLINE {parts[1]} {parts[2]}")
        elif kind in ("FStringMiddle", "TStringMiddle"):
            result[cur].append(f"{kind} {parts[1]} {parts[2]}")
        elif kind == "!":
            result[cur].append(line)
        else:
            result[cur].append(f"{kind} {parts[1]} {parts[2]} {parts[3]} {parts[4]}")
    return result

def main():
    paths = sys.argv[1:]
    if not paths:
        root = os.path.join(subprocess.check_output(["/work/shared/bin/cpython3.14", "--where"], text=True).strip(), "usr/lib/python3.14")
        for d, _, files in os.walk(root):
            paths += [os.path.join(d, f) for f in files if f.endswith(".py") and os.path.isfile(os.path.join(d, f))]
    paths.sort()
    mine = ours(paths)
    bad = 0
    for p in paths:
        ref, got = reference_tokens(p), mine.get(p, [])
        if ref != got:
            bad += 1
            for i, (a, b) in enumerate(zip(ref, got)):
                if a != b:
                    print(f"{p}: token {i}: ref {a} | ours {b}")
                    break
            else:
                print(f"{p}: length ref {len(ref)} ours {len(got)}: {ref[len(got):len(got)+2]} | {got[len(ref):len(ref)+2]}")
    print(f"{len(paths) - bad} of {len(paths)} files tokenize identically")

main()
