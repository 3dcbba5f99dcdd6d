s = f'{x!s!r}'
