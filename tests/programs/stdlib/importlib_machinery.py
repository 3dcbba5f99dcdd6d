# importlib.machinery on krait's native import system: the exported names,
# the specs and loaders of imported modules, and the importlib._bootstrap
# functions importlib.util re-exports (specs made from files and loaders,
# module_from_spec, name resolution).
import importlib
import importlib.machinery as machinery
from importlib import _bootstrap, _bootstrap_external
import json
import sys

for name in sorted(machinery.__all__):
    if name not in ("DEBUG_BYTECODE_SUFFIXES", "OPTIMIZED_BYTECODE_SUFFIXES"):
        print(name, type(getattr(machinery, name)).__name__)
print(machinery.SOURCE_SUFFIXES, machinery.BYTECODE_SUFFIXES[:1])
print(machinery.ModuleSpec.__module__, machinery.SourceFileLoader.__module__)
print(isinstance(json.__spec__, machinery.ModuleSpec))
print(isinstance(json.__loader__, machinery.SourceFileLoader))
print(json.__spec__.name, json.__spec__.parent, json.__spec__.has_location)
print(sys.__spec__.loader is machinery.BuiltinImporter, sys.__spec__.origin)
print(machinery.BuiltinImporter.find_spec("math").origin)
print(machinery.BuiltinImporter.find_spec("json"))
print(machinery.PathFinder.find_spec("math"))
print(machinery.PathFinder.find_spec("json").name)
print(_bootstrap._find_spec("json", None).name, _bootstrap._find_spec("no_such_module_here", None))
print(_bootstrap._resolve_name("decoder", "json", 1), _bootstrap._resolve_name("x", "a.b.c", 2))
try:
    _bootstrap._resolve_name("x", "a", 2)
except ImportError as exc:
    print("ImportError", exc)
print(len(_bootstrap_external.MAGIC_NUMBER), _bootstrap_external.MAGIC_NUMBER[2:])
print(_bootstrap_external.decode_source(b"x = 1\r\ny = 2\n"))

spec = machinery.ModuleSpec("fresh", None, origin="nowhere")
print(spec)
module = _bootstrap.module_from_spec(spec)
print(type(module).__name__, module.__name__, module.__spec__ is spec, module.__loader__)

loader = machinery.SourceFileLoader("json", json.__file__)
spec = _bootstrap.spec_from_loader("json", loader)
print(spec.name, spec.origin == json.__file__, spec.submodule_search_locations is not None)
spec = _bootstrap_external.spec_from_file_location("made", json.__file__)
print(spec.name, type(spec.loader).__name__, spec.has_location)
print(_bootstrap_external.spec_from_file_location("made", "data.txt"))

try:
    machinery.ModuleSpec("x", None).nonexistent
except AttributeError as exc:
    print("AttributeError", exc)
print(importlib.import_module("json.decoder").__name__)
try:
    importlib._bootstrap.no_such_name
except AttributeError as exc:
    print("AttributeError", exc)
