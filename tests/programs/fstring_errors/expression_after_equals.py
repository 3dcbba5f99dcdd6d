s = f'{x=y}'
