na§me = 1
