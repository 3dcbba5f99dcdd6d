s = f'''abc

x = 1
