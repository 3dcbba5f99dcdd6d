from .util.money import format_price
from .util import money as money_module

class Item:
    def __init__(self, name, cents):
        self.name = name
        self.cents = cents

    def label(self):
        return f"{self.name}: {format_price(self.cents)}"

print("shop.models loaded as", __name__, "in package", __package__)
