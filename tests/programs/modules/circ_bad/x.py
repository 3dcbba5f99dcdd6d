from circ_bad.y import Y_VALUE

X_VALUE = "x"
