# Handler lookup in large functions (multi-byte exception-table entries):
# many try blocks, nested ones, and raises far from the function start.

lines = ["def big(which):", "    log = []"]
for i in range(60):
    lines.append("    try:")
    lines.append(f"        x{i} = [{', '.join(str(k) for k in range(40))}]")
    lines.append(f"        if which == {i}:")
    lines.append("            try:")
    lines.append(f"                raise KeyError({i})")
    lines.append("            finally:")
    lines.append(f"                log.append('finally {i}')")
    lines.append("    except KeyError as e:")
    lines.append("        log.append(('caught', e.args[0]))")
lines.append("    if which < 0:")
lines.append("        raise ValueError(which)")
lines.append("    return log")
ns = {}
exec("\n".join(lines), ns)
big = ns["big"]
print(len(big.__code__.co_code) > 4096, len(big.__code__.co_exceptiontable) > 200)
for which in (0, 1, 30, 59, 60):
    print(which, big(which))
try:
    big(-1)
except ValueError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("ValueError", e.args, tb.tb_frame.f_code.co_name, tb.tb_lineno)
