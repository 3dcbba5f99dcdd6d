s = f'{x='
