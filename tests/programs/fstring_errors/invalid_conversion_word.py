s = f'{x!ascii}'
