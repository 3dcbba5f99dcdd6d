"""The rest of importlib._bootstrap as krait provides it, run the first
time Python code asks the module for a name its core (frozen_importlib.py)
does not define: importlib.machinery and importlib.util read these, the
native import system never does, so programs that do not use importlib
do not pay for them.

The native functions _init_module_attrs, _new_module and _find_spec are
already in this namespace.
"""

import sys
import _imp


class FrozenImporter:
    """The importer of frozen modules. krait freezes no modules (its
    import machinery is native), so there is never one to find."""

    _ORIGIN = 'frozen'

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None

    @staticmethod
    def create_module(spec):
        return None

    @staticmethod
    def exec_module(module):
        name = module.__spec__.name
        raise ImportError(f'{name!r} is not a frozen module', name=name)

    @classmethod
    def get_code(cls, fullname):
        raise ImportError(f'{fullname!r} is not a frozen module', name=fullname)

    @classmethod
    def get_source(cls, fullname):
        return None

    @classmethod
    def is_package(cls, fullname):
        return False


def _resolve_name(name, package, level):
    """The absolute name of a relative import of `name` from `package`."""
    parts = package.rsplit('.', level - 1)
    if len(parts) < level:
        raise ImportError('attempted relative import beyond top-level package')
    if name:
        return parts[0] + '.' + name
    return parts[0]


def module_from_spec(spec):
    """A new module for `spec`, made by its loader if the loader wants to,
    with the import-related attributes set from the spec."""
    module = None
    loader = spec.loader
    if hasattr(loader, 'create_module'):
        module = loader.create_module(spec)
    elif hasattr(loader, 'exec_module'):
        raise ImportError('loaders that define exec_module() must also '
                          'define create_module()')
    if module is None:
        module = _new_module(spec.name)
    module.__name__ = spec.name
    _init_module_attrs(spec, module)
    return module


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    """A spec for a module that `loader` loads."""
    if origin is None:
        origin = getattr(loader, '_ORIGIN', None)
    if not origin and hasattr(loader, 'get_filename'):
        from importlib._bootstrap_external import spec_from_file_location
        if is_package is None:
            return spec_from_file_location(name, loader=loader)
        search = [] if is_package else None
        return spec_from_file_location(name, loader=loader,
                                       submodule_search_locations=search)
    if is_package is None:
        if hasattr(loader, 'is_package'):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                is_package = None
        else:
            is_package = False
    return ModuleSpec(name, loader, origin=origin, is_package=is_package)


def _load(spec):
    """Creates, registers and runs the module of `spec`."""
    module = module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        return _exec(spec, module)
    except BaseException:
        sys.modules.pop(spec.name, None)
        raise


def _spec_from_module(module, loader=None, origin=None):
    """The spec a module's attributes describe."""
    spec = getattr(module, '__spec__', None)
    if spec is not None:
        return spec
    name = module.__name__
    if loader is None:
        loader = getattr(module, '__loader__', None)
    if origin is None:
        origin = getattr(module, '__file__', None)
    return ModuleSpec(name, loader, origin=origin)
