# Recursive inner functions that refer to themselves through a closure.
def permutations(items):
    out = []
    def go(prefix, rest):
        if not rest:
            out.append(prefix)
            return
        for i in range(len(rest)):
            go(prefix + [rest[i]], rest[:i] + rest[i + 1:])
    go([], list(items))
    return out

print(permutations("abc"))
print(len(permutations(range(5))))

def subsets(xs):
    if not xs:
        return [[]]
    rest = subsets(xs[1:])
    return rest + [[xs[0]] + s for s in rest]
print(subsets([1, 2, 3]))

def make_walker():
    visited = []
    def walk(tree, depth=0):
        visited.append((tree[0], depth))
        for child in tree[1:]:
            walk(child, depth + 1)
    return walk, visited
walk, visited = make_walker()
walk(("root", ("a", ("a1",)), ("b",)))
print(visited)
