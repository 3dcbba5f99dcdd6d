x = ft'{x}'
