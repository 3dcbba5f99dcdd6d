# Generators used in hostile ways: deep native recursion through next(),
# generators deleting their own last reference while running, finalizers
# that create more dying generators, closing one generator from another's
# finally, delegating to itself, and very many live generators.
def nest(n):
    if n == 0:
        yield 0
    else:
        yield next(nest(n - 1)) + 1

print(next(nest(100)))
try:
    print(next(nest(100_000)))
except RecursionError as e:
    print("RecursionError", e)

def self_deleting():
    global it
    del it
    yield 1
    yield 2

it = self_deleting()
for x in it:
    print("got", x)
it = self_deleting()
print(next(it))

def first():
    try:
        yield 1
    finally:
        print("first finally closes second")
        second_gen.close()

def second():
    try:
        yield 2
    finally:
        print("second finally")

second_gen = second()
next(second_gen)
first_gen = first()
next(first_gen)
del first_gen
print("after closing both")

def spawner(n):
    try:
        yield n
    finally:
        if n:
            child = spawner(n - 1)
            next(child)
            print("spawned", n - 1)

s = spawner(3)
next(s)
del s
print("spawned all")

def self_delegating():
    yield from me

me = self_delegating()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)

def closes_itself():
    yield me2.close()

me2 = closes_itself()
try:
    next(me2)
except ValueError as e:
    print("ValueError", e)

gens = [(i for i in range(3)) for _ in range(100_000)]
print(sum(next(g) for g in gens))
del gens

def resumes_dying():
    try:
        yield 1
    finally:
        print("finally sees", [x for x in resumes_dying_helper()])

def resumes_dying_helper():
    yield "helper"

r = resumes_dying()
next(r)
r = None
print("end")
