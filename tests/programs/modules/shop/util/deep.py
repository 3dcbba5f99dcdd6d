from ...shop import CURRENCY
