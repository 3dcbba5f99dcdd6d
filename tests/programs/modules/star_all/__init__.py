"""Exports a chosen list of names, one of them a submodule."""
__all__ = ["public", "_exported_private", "sub"]
public = "public"
_exported_private = "listed in __all__"
not_listed = "not exported"
