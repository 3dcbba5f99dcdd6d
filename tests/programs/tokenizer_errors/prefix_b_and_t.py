x = tb'abc'
