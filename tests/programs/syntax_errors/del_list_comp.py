del [x for x in y]
