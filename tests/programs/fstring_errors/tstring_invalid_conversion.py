s = t'{x!z}'
