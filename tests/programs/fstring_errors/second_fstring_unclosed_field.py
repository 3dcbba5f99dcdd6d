s = f'{x}' f'{'
