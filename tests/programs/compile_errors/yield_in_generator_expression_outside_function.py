g = ((yield) for x in y)
