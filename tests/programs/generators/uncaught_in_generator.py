# Uncaught exception raised inside a generator: traceback includes the generator frame.
def parse_numbers(items):
    for item in items:
        yield int(item)

print(list(parse_numbers(["10", "20"])))
total = 0
for n in parse_numbers(["1", "2", "three"]):
    total += n
    print("running total", total)
