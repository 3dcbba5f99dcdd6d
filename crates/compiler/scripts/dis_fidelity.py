"""How many code objects krait compiles exactly as CPython 3.14 does.

Compares, per code object, the (opname, oparg) sequence of `krait --dis`
with CPython's `dis` (caches left out, offsets ignored), and counts a few
opcodes the flow-graph passes decide. Run with CPython 3.14:

    ../shared/bin/cpython3.14 crates/compiler/scripts/dis_fidelity.py KRAIT FILE... [-v] [--plain]

`--plain` reads CPython's borrowed loads (`LOAD_FAST_BORROW*`) as plain
ones; `-v` names the code objects that differ.
"""
import dis, re, subprocess, sys, types, collections

NORM = '--plain' in sys.argv
PLAIN = {'LOAD_FAST_BORROW': 'LOAD_FAST', 'LOAD_FAST_BORROW_LOAD_FAST_BORROW': 'LOAD_FAST_LOAD_FAST'}

def cpython_objects(path):
    src = open(path, encoding='utf-8').read()
    top = compile(src, path, 'exec')
    out = []
    def walk(co):
        seq = [(PLAIN.get(i.opname, i.opname) if NORM else i.opname, i.arg if i.arg is not None else 0) for i in dis.get_instructions(co) if i.opname != 'CACHE']
        # normalise jumps: oparg is a delta; keep it
        out.append(((co.co_name, co.co_firstlineno), seq))
        for c in co.co_consts:
            if isinstance(c, types.CodeType):
                walk(c)
    walk(top)
    return out

HDR = re.compile(r'^Disassembly of <code object (.*) at 0x[0-9a-f]+, file ".*", line (\d+)>:')
INS = re.compile(r'^\s*(?:(?:-?\d+|--)\s+)?(?:-->\s*)?\d+\s+([A-Z_]+[A-Z0-9_]*)\s*(-?\d+)?')

def krait_objects(krait, path):
    p = subprocess.run([krait, '--dis', path], capture_output=True, text=True)
    if p.returncode != 0:
        return None
    out = []
    cur = (('<module>', 1), [])
    for line in p.stdout.splitlines():
        m = HDR.match(line)
        if m:
            out.append(cur)
            cur = ((m.group(1), int(m.group(2))), [])
            continue
        m = INS.match(line)
        if m and not line.startswith('ExceptionTable') :
            name, arg = m.group(1), m.group(2)
            if name in ('CACHE',):
                continue
            cur[1].append((name, int(arg) if arg else 0))
    out.append(cur)
    return out

def main():
    krait = sys.argv[1]
    verbose = '-v' in sys.argv
    files = [a for a in sys.argv[2:] if not a.startswith('-')]
    total = match = 0
    counts = collections.defaultdict(lambda: [0,0,0])
    for f in files:
        try:
            cp = cpython_objects(f)
        except Exception:
            continue
        kr = krait_objects(krait, f)
        if kr is None:
            total += len(cp)
            continue
        kmap = collections.defaultdict(list)
        for key, seq in kr:
            kmap[key].append(seq)
        for key, seq in cp:
            total += 1
            cands = kmap.get(key)
            k = cands.pop(0) if cands else None
            if k is not None:
                for name in ('LOAD_FAST_CHECK','TO_BOOL','NOP','LOAD_FAST_LOAD_FAST','STORE_FAST_STORE_FAST','STORE_FAST_LOAD_FAST','POP_JUMP_IF_NONE','POP_JUMP_IF_NOT_NONE'):
                    kc = sum(1 for o in k if o[0]==name); cc = sum(1 for o in seq if o[0]==name)
                    counts[name][0]+=kc; counts[name][1]+=cc
                    if kc==cc: counts[name][2]+=1
            if k == seq:
                match += 1
            elif verbose:
                print(f'{f}: {key} differs')
    print(f'{match}/{total} code objects match')
    for name,(kc,cc,same) in counts.items():
        print(f'  {name}: krait {kc} cpython {cc}, equal count in {same} objects')

main()
