print("geometry.constants loaded")
PI = 3.14159
UNIT = "cm"
