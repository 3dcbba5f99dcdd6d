s = f'{x}' t'{y}'
