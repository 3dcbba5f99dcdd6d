# bool is a subclass of int: arithmetic, indexing, counting.
print(True + True, True * 3, True - False, True / 2, True // 2, -True, True ** 10)
print(sum([True, False, True]), ["no", "yes"][True], "ab"[False])
print(True == 1, False == 0, (True is True) == 1, isinstance(True, int), bool.__bases__)
print(True & False, True | False, True ^ True, type(True & False).__name__, type(True + False).__name__)
print(str(True), repr(False), int(True), float(True), f"{True:d}", f"{True}")
print(max(True, 2), min(False, -1), abs(True), divmod(True, True))
print({True: "a", 1: "b"}, {1, True, 1.0})
print(bool("False"), bool(0.0), bool([False]))
flags = [True, False, True, True]
print(flags.count(True), flags.index(False), sum(flags) / len(flags))
print(True < 2, False < True, sorted([True, 0, -1, False]))
