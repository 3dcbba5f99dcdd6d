s = t'{x!r y}'
