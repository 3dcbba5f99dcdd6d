match x:
    case y + 1j:
        pass
