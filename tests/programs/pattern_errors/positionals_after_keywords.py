match x:
    case Point(1, y=2, 3, 4):
        pass
