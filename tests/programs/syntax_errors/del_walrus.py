del (a := 1)
