s = t'{lambda: 1}'
