match x:
    case P(y=2, 3, z=4):
        pass
