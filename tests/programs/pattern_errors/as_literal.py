match x:
    case 0 | 1 as 1:
        pass
