# Messages name the types of native modules as CPython's tp_name does
# (module-qualified), while their reprs use the short name.
import sys, types, itertools
from collections import deque, defaultdict, OrderedDict
attempts = [
    lambda: sys.flags(),
    lambda: hash(types.SimpleNamespace()),
    lambda: itertools.count()(),
    lambda: hash(deque()),
    lambda: defaultdict(int) | 1,
    lambda: deque() + [1],
    lambda: sys.version_info.foo,
    lambda: types.SimpleNamespace().foo,
    lambda: itertools.chain().nope,
]
for attempt in attempts:
    try:
        attempt()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(types.SimpleNamespace(a=1), itertools.count(3), deque([1]), defaultdict(int), OrderedDict(a=1))
