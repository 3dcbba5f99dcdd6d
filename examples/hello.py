print("Hello from krait!")
