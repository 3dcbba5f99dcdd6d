match x:
    case Point(**kw):
        pass
