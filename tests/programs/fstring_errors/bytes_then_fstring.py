s = b'abc' f'{x}'
