s = 'abc' t'{x}'
