s = f'{x:{y}'
