match x:
    case y if y:
        pass
    case z:
        pass
    case 2:
        pass
