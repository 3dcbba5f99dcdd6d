s = f'{x y}'
