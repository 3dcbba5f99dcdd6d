# A 1,000,000-long linked chain of objects is freed at once without crashing.
class Node:
    __slots__ = ("value", "next")
    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt

head = None
for i in range(1_000_000):
    head = Node(i, head)
print("built chain, head value", head.value)
length = 0
node = head
while node is not None:
    length += 1
    node = node.next
print("length", length)
del head, node
print("chain deleted")

class Plain:
    pass
root = Plain()
cur = root
for i in range(1_000_000):
    nxt = Plain()
    cur.child = nxt
    cur = nxt
del cur, nxt
root = None
print("dict-based chain freed")
nested = None
for i in range(1_000_000):
    nested = (i, nested)
nested = None
print("tuple chain freed")
