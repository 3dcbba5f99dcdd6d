"""Checks the front-end error corpus: the topics of invalid programs.

Every program in these topics must have been recorded as CPython 3.14 failing
to compile it: exit code 1, empty stdout, and a stderr whose last line is
`SyntaxError: ...`, `IndentationError: ...` or `TabError: ...`.

Run from anywhere with any Python 3: `python3 tests/programs/check_error_corpus.py`.
Prints the count per topic and the distinct messages (with `-v`, every message
with how often it occurs); exits 1 if a program breaks a rule.
"""

import os
import re
import sys
from collections import Counter

TOPICS = [
    "syntax_errors",
    "compile_errors",
    "indentation_errors",
    "tokenizer_errors",
    "fstring_errors",
    "pattern_errors",
]
ERROR_LINE = re.compile(r"^(SyntaxError|IndentationError|TabError): .+$")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    problems = []
    messages = Counter()
    for topic in TOPICS:
        directory = os.path.join(here, topic)
        names = sorted(n for n in os.listdir(directory) if n.endswith(".py"))
        print(f"{topic}: {len(names)}")
        for name in names:
            program = f"{topic}/{name}"
            stem = os.path.join(directory, name[:-3])
            try:
                with open(stem + ".exitcode") as f:
                    exit_code = f.read().strip()
                with open(stem + ".stdout", "rb") as f:
                    stdout = f.read()
                with open(stem + ".stderr", encoding="utf-8", errors="replace") as f:
                    stderr = f.read()
            except OSError as e:
                problems.append(f"{program}: not recorded ({e})")
                continue
            last = stderr.rstrip("\n").split("\n")[-1]
            if exit_code != "1":
                problems.append(f"{program}: exit code {exit_code}")
            if stdout:
                problems.append(f"{program}: unexpected stdout")
            if not ERROR_LINE.match(last):
                problems.append(f"{program}: last stderr line is {last!r}")
            messages[last] += 1
    print(f"programs: {sum(messages.values())}, distinct messages: {len(messages)}")
    if "-v" in sys.argv:
        for message, count in sorted(messages.items()):
            print(f"{count:4} {message}")
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
