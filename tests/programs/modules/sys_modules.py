# sys.modules caches imports; deleting an entry forces re-execution.
import sys
print("counter_mod" in sys.modules)
import counter_mod
print("counter_mod" in sys.modules, sys.modules["counter_mod"] is counter_mod)
counter_mod.bump()
import counter_mod as again
print(again.count, again is counter_mod)
del sys.modules["counter_mod"]
import counter_mod as fresh
print(fresh is again, fresh.count, again.count)
print("sys" in sys.modules, "builtins" in sys.modules, "__main__" in sys.modules)
sys.modules["fake_module"] = "anything can live here"
import fake_module
print(fake_module)
import importlib
reloaded = importlib.reload(fresh)
print(reloaded is fresh, reloaded.count)
