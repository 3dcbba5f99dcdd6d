for base in (ValueError, ImportError, AttributeError, NameError, ModuleNotFoundError):
    class Sub(base): pass
    for cls in (base, Sub):
        try:
            cls("m", colour=1)
        except TypeError as e:
            print(e)
