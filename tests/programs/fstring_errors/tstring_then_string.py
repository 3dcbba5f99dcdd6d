s = t'{x}' 'abc'
