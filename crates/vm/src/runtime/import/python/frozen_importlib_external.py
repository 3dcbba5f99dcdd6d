"""The loaders of modules found on the file system, as Python code sees
them (the native import system runs source files itself; these objects
are the modules' __loader__ and serve importlib).

The native functions _exec_source, _read_bytes, _decode_source,
_pack_uint32 and _unpack_uint32 are put in this namespace before this
code runs.
"""

SOURCE_SUFFIXES = ['.py']
BYTECODE_SUFFIXES = ['.pyc']
DEBUG_BYTECODE_SUFFIXES = ['.pyc']
OPTIMIZED_BYTECODE_SUFFIXES = ['.pyc']
EXTENSION_SUFFIXES = []
path_sep = '/'
path_separators = '/'


class SourceFileLoader:
    """Loads a module from a Python source file."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return (type(self) is type(other)
                and self.name == other.name
                and self.path == other.path)

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def get_filename(self, name=None):
        return self.path

    def get_data(self, path):
        return _read_bytes(path)

    def get_source(self, fullname):
        return _decode_source(self.get_data(self.path))

    def is_package(self, fullname):
        file_name = self.path.split('/')[-1]
        stem = '.'.join(file_name.split('.')[:-1])
        return stem == '__init__' and fullname.split('.')[-1] != '__init__'

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        _exec_source(module, self.path)


class NamespaceLoader:
    """The loader of namespace packages: there is no code to run."""

    def __init__(self, name, path, path_finder):
        self._path = path

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ''

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        pass
