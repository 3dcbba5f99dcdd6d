"""The rest of importlib._bootstrap_external as krait provides it, run the
first time Python code asks the module for a name its core
(frozen_importlib_external.py) does not define (importlib.machinery and
importlib.util do; the native import system never does).

krait writes and reads no bytecode caches (sys.implementation.cache_tag is
None) and loads no extension modules: those loaders exist so that the
names importlib exports do, and raise NotImplementedError when used.
"""

import sys
import _imp
from _frozen_importlib import ModuleSpec, _find_spec

# The magic number of CPython 3.14's bytecode files (pkgutil compares it).
MAGIC_NUMBER = (3627).to_bytes(2, 'little') + b'\r\n'


def decode_source(source_bytes):
    """The text of Python source bytes."""
    return _decode_source(source_bytes)


def cache_from_source(path, debug_override=None, *, optimization=None):
    """The bytecode cache path of a source file: there is none when
    sys.implementation.cache_tag is None, as in krait."""
    if sys.implementation.cache_tag is None:
        raise NotImplementedError('sys.implementation.cache_tag is None')
    raise NotImplementedError('krait writes no bytecode caches')


def source_from_cache(path):
    """The source path of a bytecode cache file (see cache_from_source)."""
    if sys.implementation.cache_tag is None:
        raise NotImplementedError('sys.implementation.cache_tag is None')
    raise NotImplementedError('krait reads no bytecode caches')


def _absolute(path):
    if path.startswith('/'):
        return path
    import posix
    return posix.getcwd() + '/' + path


_POPULATE = object()


def spec_from_file_location(name, location=None, *, loader=None,
                            submodule_search_locations=_POPULATE):
    """A spec for a module whose source lives at `location`."""
    if location is None:
        location = '<unknown>'
        if hasattr(loader, 'get_filename'):
            try:
                location = loader.get_filename(name)
            except ImportError:
                pass
    else:
        import posix
        location = posix.fspath(location)
        try:
            location = _absolute(location)
        except OSError:
            pass
    spec = ModuleSpec(name, loader, origin=location)
    spec.has_location = True
    if loader is None:
        if not any(location.endswith(s) for s in SOURCE_SUFFIXES):
            return None
        loader = SourceFileLoader(name, location)
        spec.loader = loader
    if submodule_search_locations is _POPULATE:
        if hasattr(loader, 'is_package'):
            try:
                if loader.is_package(name):
                    spec.submodule_search_locations = []
            except ImportError:
                pass
    else:
        spec.submodule_search_locations = submodule_search_locations
    if spec.submodule_search_locations == [] and location:
        spec.submodule_search_locations.append(location.rpartition('/')[0])
    return spec


class PathFinder:
    """Finds modules on sys.path or a package's __path__ (through krait's
    native search)."""

    @staticmethod
    def invalidate_caches():
        pass

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        spec = _find_spec(fullname, sys.path if path is None else path)
        if spec is None or spec.origin == 'built-in':
            return None
        return spec

    @staticmethod
    def find_distributions(*args, **kwargs):
        from importlib.metadata import MetadataPathFinder
        return MetadataPathFinder.find_distributions(*args, **kwargs)


class FileFinder:
    """Finds the modules of one directory."""

    def __init__(self, path, *loader_details):
        self.path = path or '.'
        self._loaders = [(suffix, loader)
                         for loader, suffixes in loader_details
                         for suffix in suffixes]

    def invalidate_caches(self):
        pass

    def find_spec(self, fullname, target=None):
        return PathFinder.find_spec(fullname, [self.path])

    @classmethod
    def path_hook(cls, *loader_details):
        def path_hook_for_FileFinder(path):
            import posix
            from stat import S_ISDIR
            if not S_ISDIR(posix.stat(path or '.').st_mode):
                raise ImportError('only directories are supported', path=path)
            return cls(path, *loader_details)
        return path_hook_for_FileFinder

    def __repr__(self):
        return f'FileFinder({self.path!r})'


class _Unsupported:
    """A loader krait cannot run: it has a name and a path, and loading
    raises NotImplementedError naming what is missing."""

    _WHAT = 'this loader'

    def __init__(self, name, path):
        self.name = name
        self.path = path

    def __eq__(self, other):
        return (type(self) is type(other)
                and self.name == other.name and self.path == other.path)

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def get_filename(self, name=None):
        return self.path

    def create_module(self, spec):
        raise NotImplementedError(f'krait cannot load {self._WHAT}')

    def exec_module(self, module):
        raise NotImplementedError(f'krait cannot load {self._WHAT}')

    def get_source(self, fullname):
        return None


class SourcelessFileLoader(_Unsupported):
    """Loader of bytecode (.pyc) files without source."""
    _WHAT = 'bytecode files'


class ExtensionFileLoader(_Unsupported):
    """Loader of extension modules (shared libraries)."""
    _WHAT = 'extension modules'


class AppleFrameworkLoader(ExtensionFileLoader):
    """Loader of extension modules in Apple frameworks."""


class WindowsRegistryFinder:
    """Finds modules declared in the Windows registry: none elsewhere."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None
