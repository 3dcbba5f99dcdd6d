match x:
    case t'{y}':
        pass
