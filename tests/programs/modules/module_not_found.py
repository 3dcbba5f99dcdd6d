# ModuleNotFoundError and ImportError messages; finally an uncaught import failure.
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import geometry.no_such_sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from geometry import no_such_name
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from textutils import missing
except ImportError as e:
    print(type(e).__name__, e)
try:
    import textutils.not_a_package
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
print(issubclass(ModuleNotFoundError, ImportError))
import another_missing_module
