data = bytes(range(16))
for fmt in ('B', 'b', 'H', 'h', 'I', 'i', 'L', 'l', 'Q', 'q'):
    m = memoryview(data).cast(fmt)
    print(fmt, len(m), m.itemsize, m.format, m.nbytes, m.shape, m.strides, m[0], m[-1], m.tolist()[:3], list(m)[-1])
print(memoryview(b'\xff\xff\xff\xff').cast('i').tolist(), memoryview(b'\xff\xff\xff\xff').cast('I').tolist())
print(memoryview(b'\xff' * 8).cast('Q').tolist(), memoryview(b'\xff' * 8).cast('q').tolist())
print(memoryview(bytearray(b'\x01\x00\x02\x00')).cast('H').tolist())
try:
    memoryview(b'abc').cast('I')
except TypeError as e:
    print('TypeError:', e)
try:
    memoryview(b'abcd').cast('I')[5]
except IndexError as e:
    print('IndexError:', e)
print(int(bytearray(b'101'), 2), int(bytearray(b'ff'), 16), int(b' 17 ', 8))
a = memoryview(b'\x01\x00\x00\x00\x02\x00\x00\x00')
print(a.cast('I') == a, a.cast('I') == a.cast('I'), a.cast('I') == a.cast('i'), a.cast('H') == a.cast('I'))
print(a.cast('I') == [1, 2], a == b'\x01\x00\x00\x00\x02\x00\x00\x00', a.cast('B') == a)
print(memoryview(b'\x01\x02').cast('b') == memoryview(b'\x01\x02'), a.cast('I') != a)
