# In-memory streams seeked far past the end fail cleanly when written.
import io

s = io.StringIO()
print(s.seek(2**62))
try:
    s.write("x")
except OverflowError as e:
    print(type(e).__name__, e)
print(s.tell(), repr(s.getvalue()))
b = io.BytesIO()
print(b.seek(2**62))
try:
    b.write(b"x")
except MemoryError as e:
    print(type(e).__name__, e)
try:
    b.seek(2**63)
except OverflowError as e:
    print(type(e).__name__, e)
print(b.read(), b.getvalue())
