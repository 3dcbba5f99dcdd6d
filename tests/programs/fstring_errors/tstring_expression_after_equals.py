s = t'{x=y}'
