match x:
    case [y] as y:
        pass
