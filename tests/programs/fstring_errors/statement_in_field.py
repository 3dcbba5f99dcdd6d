s = f'{pass}'
