"""No __all__: every name without a leading underscore."""
import sys as _sys
alpha = 1
beta = "two"
_hidden = 3
def gamma():
    return "gamma"
class Delta:
    pass
