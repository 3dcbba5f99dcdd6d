# __init_subclass__ hook with keyword arguments and a registry.
class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls
        print("registered", cls.plugin_name)

class Alpha(Plugin):
    pass
class Beta(Plugin, name="the-beta"):
    pass
class Gamma(Alpha):
    pass

print(sorted(Plugin.registry))
print(Gamma.plugin_name, Beta.plugin_name)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)
