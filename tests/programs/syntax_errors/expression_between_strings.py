x = "a" y "b"
