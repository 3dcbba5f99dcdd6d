x = 2.5jj
