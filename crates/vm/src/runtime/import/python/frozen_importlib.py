"""The core of krait's import system as Python code sees it.

krait finds and loads modules natively (crates/vm/src/runtime/import/);
this module holds the objects the import system hands to Python code --
module specs and the importer of builtin modules -- and the functions
importlib calls. The native functions _gcd_import, _find_spec, _exec,
__import__, _is_builtin and _create_builtin are put in this namespace
before this code runs.
"""


class ModuleSpec:
    """What the import system knows about a module: its name, the loader
    that runs it, where it comes from and, for a package, where its
    submodules are searched."""

    def __init__(self, name, loader, *, origin=None, loader_state=None,
                 is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._uninitialized_submodules = []
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        shown = ['name=' + repr(self.name), 'loader=' + repr(self.loader)]
        if self.origin is not None:
            shown.append('origin=' + repr(self.origin))
        locations = self.submodule_search_locations
        if locations is not None:
            shown.append('submodule_search_locations=' + repr(locations))
        return type(self).__name__ + '(' + ', '.join(shown) + ')'

    def __eq__(self, other):
        try:
            same = (self.name == other.name
                    and self.loader == other.loader
                    and self.origin == other.origin)
            return (same
                    and self.submodule_search_locations
                    == other.submodule_search_locations
                    and self.cached == other.cached
                    and self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented

    @property
    def cached(self):
        # krait writes no bytecode caches: sys.implementation.cache_tag is None.
        return self._cached

    @cached.setter
    def cached(self, value):
        self._cached = value

    @property
    def parent(self):
        """The name of the package the module belongs to ('' if none)."""
        if self.submodule_search_locations is not None:
            return self.name
        return '.'.join(self.name.split('.')[:-1])

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


class BuiltinImporter:
    """Finds and creates the builtin (native) modules."""

    _ORIGIN = 'built-in'

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if _is_builtin(fullname):
            return ModuleSpec(fullname, cls, origin=cls._ORIGIN)
        return None

    @staticmethod
    def create_module(spec):
        return _create_builtin(spec)

    @staticmethod
    def exec_module(module):
        pass

    @classmethod
    def get_code(cls, fullname):
        return None

    @classmethod
    def get_source(cls, fullname):
        return None

    @classmethod
    def is_package(cls, fullname):
        return False
