# list.sort: stability across multiple passes, key tuples, reverse keeps stability, key errors.
records = [("alice", 30, "nyc"), ("bob", 25, "la"), ("carol", 30, "la"), ("dave", 25, "nyc"), ("eve", 35, "la")]
by_city = sorted(records, key=lambda r: r[2])
by_age_then_city = sorted(by_city, key=lambda r: r[1])
print([r[0] for r in by_age_then_city])
print([r[0] for r in sorted(records, key=lambda r: (-r[1], r[0]))])
rev = sorted(records, key=lambda r: r[1], reverse=True)
print([r[0] for r in rev])
nums = [3, -1, 2, -3, 1, -2]
nums.sort(key=abs)
print(nums)
nums.sort(key=abs, reverse=True)
print(nums)
words = ["b", "B", "a", "A"]
words.sort(key=str.lower)
print(words)
def bad_key(x):
    if x == 2:
        raise ValueError("key failed on 2")
    return x
lst = [3, 2, 1]
try:
    lst.sort(key=bad_key)
except ValueError as e:
    print(type(e).__name__, e, lst)
print(sorted([[3, "c"], [1, "a"], [2, "b"]])[0], sorted("hello", reverse=True))
