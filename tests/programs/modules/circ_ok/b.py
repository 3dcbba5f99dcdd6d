print("circ_ok.b start")
from . import a

B_VALUE = "b"


def use_a():
    return "b sees " + a.A_VALUE
print("circ_ok.b end, a has A_VALUE yet:", hasattr(a, "A_VALUE"))
