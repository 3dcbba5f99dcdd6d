if x:
    # nothing here
pass
