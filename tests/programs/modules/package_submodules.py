# A package with subpackages: relative imports at every level, submodules
# bound on their parents, and relative imports that go too far.
import shop
print(shop.Item("tea", 450).label())
print(shop.util.__name__, shop.util.money.__name__, shop.models.money_module is shop.util.money)
print(sorted([k for k in shop.util.__dict__ if not k.startswith("__")]))
print(shop.__path__ == [shop.__path__[0]], shop.util.__package__, shop.models.__package__)
import shop.util.money as m
print(m.format_price(1999))
try:
    m.currency()
except ImportError as e:
    print(type(e).__name__, e)
try:
    import shop.util.deep
except ImportError as e:
    print(type(e).__name__, e)
print("shop.util.deep" in __import__("sys").modules)
from shop.util import money, money as again
print(money is again is m)
from shop import models as mo, Item
print(mo.Item is Item)
print(__import__("shop.util.money").__name__, __import__("shop.util.money", fromlist=["x"]).__name__)
print(__import__("money", globals=shop.util.__dict__, level=1).__name__)
print(__import__("", globals=shop.util.money.__dict__, fromlist=["money"], level=1).__name__)
