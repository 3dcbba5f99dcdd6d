# Slicing lists and tuples through the eval loop's fast paths (BINARY_SLICE,
# STORE_SLICE, subscripts by slice objects): bounds, steps, self-assignment,
# subclasses and the cases that fall back to the general path.
a = list(range(10))
t = tuple(a)
print(a[2:5], a[-3:], a[:-20], a[5:2], a[::2], a[::-1], a[8:2:-2], a[None:None], t[1:4], t[::-3])
b = a[:]
b[:3] = b[7:]
print(b)
b[2:2] = (9, 9)
print(b)
b[5:] = b
print(b)
b[-2:] = []
print(b)
b[1:3] = "xy"
print(b)
try:
    a[::0]
except ValueError as e:
    print(e)
class L(list): pass
l = L([1,2,3]); print(l[1:], type(l[1:]))
print(a[2**70:], a[True:3])
s = "hello"; print(s[1:3])
x = [1,2,3]
x[0:1] = x
print(x)
x[1:2] = x[::-1]
print(x)
