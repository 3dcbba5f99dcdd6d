# dis on krait code objects: the disassembly text (with caches), the
# Instruction records, Bytecode, code_info, line starts and the exception
# table parsed from co_exceptiontable. The functions are ones whose
# bytecode krait compiles exactly as CPython does.
import dis


def glob():
    return len


def call():
    print("hi")


def guarded(a, b):
    try:
        return a + b
    except TypeError:
        return None


dis.dis(glob)
dis.dis(call, show_caches=True)
dis.dis(call, show_offsets=True)

for ins in dis.get_instructions(call):
    print(ins.opname, ins.opcode, ins.arg, repr(ins.argval), repr(ins.argrepr),
          ins.offset, ins.start_offset, ins.line_number, ins.is_jump_target,
          ins.cache_info is not None)

bc = dis.Bytecode(call)
print(bc.first_line, [i.opname for i in bc])
print(bc.codeobj is call.__code__)
print(dis.code_info(guarded))
print(list(dis.findlinestarts(call.__code__)))
for entry in dis.Bytecode(guarded).exception_entries:
    print(entry)
print(dis._parse_exception_table(guarded.__code__) == dis.Bytecode(guarded).exception_entries)

code = call.__code__
print(code._varname_from_oparg.__name__)
try:
    code._varname_from_oparg(5)
except IndexError as e:
    print("IndexError", e)
print(guarded.__code__._varname_from_oparg(1), guarded.__code__._varname_from_oparg(oparg=0))
print(dis.opname[dis.opmap["RETURN_VALUE"]], dis.HAVE_ARGUMENT, dis.EXTENDED_ARG)
print(dis.stack_effect(dis.opmap["BUILD_TUPLE"], 3))
dis.dis(compile("x = 1", "<s>", "exec"))
