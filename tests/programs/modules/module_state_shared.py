# Module-level state is shared by every importer; `from` copies the binding.
import counter_mod
from counter_mod import count, bump
print(count, counter_mod.count)
bump()
bump()
print(count, counter_mod.count)
def in_function():
    import counter_mod as local_alias
    local_alias.bump()
    return local_alias.count
print(in_function(), counter_mod.count)
counter_mod.count = 100
print(bump())
