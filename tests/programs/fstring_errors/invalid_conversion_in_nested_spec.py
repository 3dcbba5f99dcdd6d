s = f'{x:{y!q}}'
