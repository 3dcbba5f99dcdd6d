xs = [[(j := k) for k in range(2)] for j in range(3)]
