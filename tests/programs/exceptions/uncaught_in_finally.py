# An exception raised in finally while another propagates: both shown, chained.
def step():
    try:
        raise ValueError("original problem")
    finally:
        cleanup = None
        cleanup.close()

print("calling step")
step()
