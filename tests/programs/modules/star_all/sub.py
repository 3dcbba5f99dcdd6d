SUB = "submodule imported because __all__ names it"
