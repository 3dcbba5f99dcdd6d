# json sits on the codecs (and falls back to pure Python without _json).
import json

d = {"a": [1, 2.5, None, True, False, -3, 1e100], "b": "é\u20ac\U0001f600\n\"\t\\", "c": {"x": [], "y": {}}}
s = json.dumps(d)
print(s)
print(json.loads(s) == d)
print(json.dumps(d, indent=2, sort_keys=True, ensure_ascii=False))
print(json.dumps([1, 2], separators=(",", ":")), json.dumps("\x00\x1f\x7f"))
print(json.loads('[1, 2, {"a": "\\u00e9\\ud83d\\ude00"}]'))
print(json.loads('{"n": 12345678901234567890, "f": -0.0, "e": 1E-3}'))
print(json.loads("[NaN, Infinity, -Infinity]"))
for bad in ['[1, 2', '{"a" 1}', 'nul', '"abc', '[1,]', '', '{"a": 1,}', '[1]\n  x', '"\\ud800"']:
    try:
        print(repr(json.loads(bad)))
    except json.JSONDecodeError as e:
        print(type(e).__name__, e, e.pos, e.lineno, e.colno)
for bad in [{1j: 2}, object(), {(1, 2): 3}, float("nan")]:
    try:
        print(json.dumps(bad, allow_nan=False))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(json.loads(b'{"x": 1}'), json.loads('{"x": 1}'.encode("utf-16")), json.loads('[2]'.encode("utf-32-be")))
print(json.loads(b'\xef\xbb\xbf[3]'))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

def default(o):
    if isinstance(o, Point):
        return {"x": o.x, "y": o.y}
    raise TypeError("no")

print(json.dumps([Point(1, 2)], default=default))
print(json.loads('{"x": 1, "y": 2}', object_hook=lambda d: (d["x"], d["y"])))
print(json.loads('[1.5]', parse_float=str), json.loads('{"a": 1, "a": 2}', object_pairs_hook=list))

def load_document(data):
    return json.loads(data.decode("utf-8"))

print(load_document(b'{"ok": true}'))
load_document(b'{"name": "caf\xe9"}')
