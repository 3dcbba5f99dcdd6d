x = 1 + \ # more
    2
