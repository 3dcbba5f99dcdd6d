s = b'abc' t'{x}'
