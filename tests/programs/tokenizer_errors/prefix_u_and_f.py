x = uf'abc'
