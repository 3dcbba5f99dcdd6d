s = t'{x y}'
