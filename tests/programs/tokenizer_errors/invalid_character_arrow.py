x = a → b
