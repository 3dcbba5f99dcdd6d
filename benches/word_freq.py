# Dict and str heavy work: generate text, split, count word frequencies, build strings.
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "xe", "zu", "qua", "bri"]


def generate_words(n, seed=12345):
    state = seed
    words = []
    for _ in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        length = 1 + (state >> 16) % 3
        parts = []
        for _ in range(length):
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            parts.append(SYLLABLES[(state >> 16) % len(SYLLABLES)])
        words.append("".join(parts))
    return words


def build_text(words, per_line):
    lines = []
    for i in range(0, len(words), per_line):
        line = " ".join(words[i : i + per_line])
        lines.append(line.capitalize() + ".")
    return "\n".join(lines)


def count_words(text):
    counts = {}
    for line in text.splitlines():
        for word in line.rstrip(".").lower().split():
            counts[word] = counts.get(word, 0) + 1
    return counts


def letter_histogram(text):
    hist = {}
    for ch in text:
        if ch.isalpha():
            hist[ch] = hist.get(ch, 0) + 1
    return hist


words = generate_words(600_000)
text = build_text(words, 12)
counts = count_words(text)
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
print(len(text), len(counts))
for word, n in top:
    print(f"{word:>10} {n}")
hist = letter_histogram(text[:400_000])
print("".join(f"{k}{v}" for k, v in sorted(hist.items())))
print(text.count("kalo"), text.find("quabri"), text[:40])
