#!/usr/bin/env python3
"""Makes a revised edition of the shipped spec from an edits file in tests/editions, beside a
copy of the shipped one, for benchmarking `pmf diff` and `pmf migrate` and for the language
server's tests:

    python3 compiler/benches/make_revision.py target/editions [NAME]

writes target/editions/2019-consultation and target/editions/NAME (default 2020-revision) from
tests/editions/NAME.edits, with the same edits as tests/suite/editions.rs applies
(tests/editions/2020-21 is what the 2020-21 edits make, committed).
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
    name = sys.argv[2] if len(sys.argv) > 2 else "2020-revision"
    spec = os.path.join(root, "spec", "2019-consultation")
    old, new = os.path.join(out, "2019-consultation"), os.path.join(out, name)
    for d in (old, new):
        shutil.rmtree(d, ignore_errors=True)
        shutil.copytree(spec, d)
    with open(os.path.join(root, "tests", "editions", name + ".edits"), encoding="utf-8") as f:
        lines = iter(f.read().split("\n"))
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        words = line.split(" ", 2)
        path = os.path.join(new, words[1])
        if words[0] == "remove":
            os.remove(path)
            continue
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
            # The blank line before the item goes with it.
            if text[:start].endswith("\n\n"):
                start -= 1
            text = text[:start] + text[end:]
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
