"""A package whose submodules import each other relatively."""
print("shop init, __package__ =", __package__)
from .models import Item
from . import util
CURRENCY = "EUR"
CURRENCY_SYMBOLS_FALLBACK = "EUR"
