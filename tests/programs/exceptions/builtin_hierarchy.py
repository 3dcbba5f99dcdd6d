# The builtin exception hierarchy.
pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (KeyError, LookupError), (IndexError, LookupError), (LookupError, Exception),
    (FileNotFoundError, OSError), (PermissionError, OSError), (IOError, OSError),
    (UnicodeDecodeError, UnicodeError), (UnicodeError, ValueError),
    (RecursionError, RuntimeError), (NotImplementedError, RuntimeError),
    (ModuleNotFoundError, ImportError), (UnboundLocalError, NameError),
    (IndentationError, SyntaxError), (TabError, IndentationError),
    (StopIteration, Exception), (StopAsyncIteration, Exception),
    (KeyboardInterrupt, Exception), (SystemExit, Exception), (GeneratorExit, Exception),
    (KeyboardInterrupt, BaseException), (Exception, BaseException),
    (BrokenPipeError, ConnectionError), (TimeoutError, OSError),
    (DeprecationWarning, Warning), (Warning, Exception), (BoolError := TypeError, ValueError),
    (PythonFinalizationError, RuntimeError), (BaseExceptionGroup, BaseException),
]
for sub, base in pairs:
    print(f"{sub.__name__:28} {base.__name__:20} {issubclass(sub, base)}")
print(IOError is OSError, EnvironmentError is OSError)
print([c.__name__ for c in KeyError.__mro__])
