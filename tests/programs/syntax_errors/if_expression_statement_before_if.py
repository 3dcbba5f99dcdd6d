pass if a else b
