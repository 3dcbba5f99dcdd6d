from circ_bad.x import X_VALUE

Y_VALUE = "y"
