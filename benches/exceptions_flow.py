# Exception-heavy control flow: raise/catch in loops, custom exceptions, try/finally, re-raise.
class ParseError(Exception):
    def __init__(self, pos, reason):
        super().__init__(pos, reason)
        self.pos = pos


class Empty(ParseError):
    pass


def parse_int(token, pos):
    if not token:
        raise Empty(pos, "empty")
    total = 0
    for ch in token:
        if not "0" <= ch <= "9":
            raise ParseError(pos, "bad digit")
        total = total * 10 + (ord(ch) - 48)
    return total


def parse_all(tokens):
    ok = bad = empty = cleanups = 0
    total = 0
    for pos, tok in enumerate(tokens):
        try:
            try:
                total += parse_int(tok, pos)
                ok += 1
            finally:
                cleanups += 1
        except Empty:
            empty += 1
        except ParseError as e:
            bad += 1
            total -= e.pos % 7
    return ok, bad, empty, cleanups, total


def lookup_chain(n):
    table = {i: i * 2 for i in range(0, 100, 3)}
    hits = misses = 0
    for i in range(n):
        try:
            hits += table[i % 100]
        except KeyError:
            misses += 1
    return hits, misses


def nested_reraise(n):
    caught = 0
    for i in range(n):
        try:
            try:
                if i % 3 == 0:
                    raise ValueError(i)
                raise TypeError(i)
            except ValueError:
                raise
            except TypeError as e:
                raise RuntimeError("wrapped") from e
        except (ValueError, RuntimeError):
            caught += 1
    return caught


tokens = []
for i in range(375_000):
    m = i % 5
    tokens.append("" if m == 0 else str(i) if m < 3 else str(i) + "x")
print(parse_all(tokens))
print(lookup_chain(750_000))
print(nested_reraise(375_000))
