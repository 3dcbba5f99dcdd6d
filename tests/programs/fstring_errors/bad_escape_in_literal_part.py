s = f'\N{NOT A NAME} {x}'
