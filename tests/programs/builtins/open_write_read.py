# open(): write then read a temporary file in the working directory, then remove it.
import os
name = "tmp_open_write_read.txt"
with open(name, "w") as f:
    print(f.write("line one\n"), f.write("line two\n"))
    print("first", file=f)
with open(name) as f:
    print(repr(f.read()))
with open(name) as f:
    print([line.rstrip("\n") for line in f])
with open(name, "rb") as f:
    print(f.read(8))
with open(name, "a") as f:
    f.write("appended\n")
with open(name) as f:
    print(f.readlines()[-1])
os.remove(name)
print(os.path.exists(name))
try:
    open(name)
except FileNotFoundError as e:
    print(type(e).__name__, e)
