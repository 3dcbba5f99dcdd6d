# sys.version_info: a tuple with named fields; comparisons as tuples.
import sys
v = sys.version_info
print(v[:2], v[0], v[-2], v.major, v.minor, v.releaselevel, v.serial)
print(v >= (3, 14), v < (3, 15), v > (3, 13, 99), v == tuple(v), v[:2] == (3, 14))
print((3, 14) <= v, (4,) > v, v != (3, 14), len(v), type(v[3]).__name__)
print(isinstance(v, tuple), type(v).__name__, type(v).__module__)
major, minor, *rest = v
print(major, minor, len(rest))
print(hash(v) == hash(tuple(v)), list(v)[:2], 3 in v, "final" in v)
print(sys.hexversion >> 16 == 0x030E, sys.hexversion >> 24, sys.hexversion >= 0x030E00F0)
# The implementation's name and cache tag are its own (krait: "krait", None).
print(type(sys.implementation.name).__name__, sys.implementation.version[:2])
print(sys.implementation.hexversion == sys.hexversion, type(sys.implementation).__name__)
print(sys.version.startswith("3.14."), sys.version[:5])
print(sys.float_info[0] == sys.float_info.max, len(sys.float_info), sys.float_info.mant_dig)
print(sys.flags.optimize, sys.flags.verbose, sys.flags[3], type(sys.flags).__name__)
try:
    v.major = 4
except AttributeError as e:
    print(type(e).__name__)
try:
    type(v)()
except TypeError as e:
    print(type(e).__name__)
print(sys.maxsize == 2 ** 63 - 1, sys.maxunicode, sys.byteorder, sys.platform)
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.intern("abc") == "abc")
try:
    sys.intern(3)
except TypeError as e:
    print(type(e).__name__, e)
