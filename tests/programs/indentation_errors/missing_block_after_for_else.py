for x in y:
    pass
else:
print(x)
