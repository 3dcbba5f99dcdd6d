# Single inheritance: overriding, extending, attribute lookup through bases.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return type(self).__name__

class Dog(Animal):
    sound = "woof"

class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + "!"

for a in (Animal("generic"), Dog("rex"), Puppy("bit")):
    print(a.speak(), a.kind())
print(Puppy.__bases__, Puppy.__base__)
print(isinstance(Puppy("p"), Animal), issubclass(Puppy, Dog), issubclass(Dog, Puppy))
print(Animal.__bases__)
print(Puppy.__name__, Puppy.__qualname__, Puppy.__module__)
