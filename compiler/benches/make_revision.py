#!/usr/bin/env python3
"""Makes the revised edition of tests/editions/2020-revision.edits beside a copy of the shipped
one, for benchmarking `pmf diff` and `pmf migrate`:

    python3 compiler/benches/make_revision.py target/editions

writes target/editions/2019-consultation and target/editions/2020-revision (the same edits as
tests/suite/editions.rs applies).
"""
import os
import shutil
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, "..", "..")


def block(lines):
    assert next(lines) == "<<<"
    a, b, in_b = [], [], False
    for line in lines:
        if line == "===":
            in_b = True
        elif line == ">>>":
            return "\n".join(a), ("\n".join(b) if in_b else None)
        else:
            (b if in_b else a).append(line)
    raise SystemExit("an edit is not closed with >>>")


def main():
    out = sys.argv[1]
    spec = os.path.join(root, "spec", "2019-consultation")
    old, new = os.path.join(out, "2019-consultation"), os.path.join(out, "2020-revision")
    for d in (old, new):
        shutil.rmtree(d, ignore_errors=True)
        shutil.copytree(spec, d)
    with open(os.path.join(root, "tests", "editions", "2020-revision.edits"), encoding="utf-8") as f:
        lines = iter(f.read().split("\n"))
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        words = line.split(" ", 2)
        path = os.path.join(new, words[1])
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if words[0] == "replace":
            a, b = block(lines)
            assert text.count(a) == 1, a
            text = text.replace(a, b, 1)
        elif words[0] == "append":
            a, _ = block(lines)
            text += a + "\n"
        elif words[0] == "delete":
            start = text.index(words[2] + " {\n")
            end = text.index("\n}\n", start) + 3
            text = text[:start] + text[end:]
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
