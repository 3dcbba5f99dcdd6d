# Basic sys attributes.
import sys
print(sys.argv)
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1)
print(sys.version_info[:2], sys.version_info >= (3, 14), sys.version_info.major)
print(sys.getrecursionlimit())
def current_function_name():
    return sys._getframe().f_code.co_name
print(current_function_name(), sys._getframe().f_code.co_name)
def caller_name():
    return sys._getframe(1).f_code.co_name
def outer():
    return caller_name()
print(outer())
print(type(sys.implementation.name).__name__, sys.byteorder in ("little", "big"))
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig)
print(sys.int_info.bits_per_digit in (15, 30), type(sys.path).__name__, sys.flags.optimize)
print(sys.stdout.write("written directly\n"))
sys.stderr.write("stderr line\n")
