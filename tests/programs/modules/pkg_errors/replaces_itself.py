import sys
sys.modules[__name__] = "a string stands in for pkg_errors.replaces_itself"
