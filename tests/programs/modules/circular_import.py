# Circular imports: module objects work, from-imports of unfinished names fail.
import circ_ok.a
print(circ_ok.a.use_b())
print(circ_ok.b.use_a())
try:
    import circ_bad.x
except ImportError as e:
    print(type(e).__name__, e)
import sys
print("circ_bad.x" in sys.modules, "circ_bad.y" in sys.modules)
