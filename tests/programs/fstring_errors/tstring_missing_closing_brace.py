s = t'{x'
