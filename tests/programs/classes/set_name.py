# __set_name__ is called on descriptors at class creation time.
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
        self.private = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.private, value)

class Model:
    title = Field()
    body = Field()

m = Model()
print(m.title, m.body)
m.title = "hello"
print(m.title, m._title)
print(Model.title.name, Model.body.private)

f = Field()
Model.late = f
print(hasattr(f, "name"))
