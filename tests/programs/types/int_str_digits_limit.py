# int <-> str conversion length limit (4300 digits by default) and sys.set_int_max_str_digits.
import sys
print(sys.get_int_max_str_digits())
big = 10 ** 5000
try:
    str(big)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("1" * 5000)
except ValueError as e:
    print(type(e).__name__, e)
print(len(hex(big)), big.bit_length())
ok = 10 ** 4299
print(len(str(ok)))
sys.set_int_max_str_digits(0)
print(len(str(big)))
sys.set_int_max_str_digits(5000)
print(len(str(10 ** 4999)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(type(e).__name__, e)
