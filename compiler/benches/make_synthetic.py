#!/usr/bin/env python3
"""Makes a synthetic spec N times the size of the shipped framework, for benchmarks.

    python3 compiler/benches/make_synthetic.py 100 /tmp/synthetic

The edition, the shared declarations and the prose are taken once; the part files (adults,
children, carers, workforce, indicators) are copied N times. Copy k gets its own code prefixes
(AD -> ADxy, so AD/001 becomes ADBA/001 ...), its own parts, and its own names for the groups,
lists and errata it declares, so the result is one valid spec that checks clean, with N times
the metrics, items, rules and indicators.
"""
import os
import re
import sys

PART_FILES = ["adults.pmf", "children.pmf", "carers.pmf", "workforce.pmf", "indicators.pmf"]
SHARED_FILES = ["edition.pmf", "common.pmf", "guidance.pmf"]
PARTS = {  # part id -> code prefix
    "adults": "AD",
    "children": "CH",
    "carers": "CA",
    "adult_carers": "CA",
    "young_carers": "CA",
    "workforce": "WF",
}


def suffix(k):
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return letters[k // 26 % 26] + letters[k % 26]


def copy_text(text, k):
    sx = suffix(k)
    # Codes: AD/001 -> ADBA/001, PI/AD/01 -> PI/ADBA/01.
    text = re.sub(r"\b(AD|CH|CA|WF)/(?=\d{3})", lambda m: f"{m.group(1)}{sx}/", text)
    text = re.sub(r"\bPI/(AD|CH|CA|WF)/", lambda m: f"PI/{m.group(1)}{sx}/", text)
    # Names this file declares, and the parts it belongs to, get the copy's suffix.
    declared = set(re.findall(r"^(?:group|codelist|erratum)\s+(\w+)", text, re.M))
    for name in sorted(declared, key=len, reverse=True):
        text = re.sub(rf"(?<![\w/.\"]){re.escape(name)}\b(?!\")", f"{name}_{k}", text)
    # Parts are named only after `part` and `within` (`adults` is also an entry of a list).
    for name in sorted(PARTS, key=len, reverse=True):
        text = re.sub(rf"\b(part|within)(\s+){re.escape(name)}\b", rf"\g<1>\g<2>{name}_{k}", text)
    return text


def parts_file(k):
    sx = suffix(k)
    out = [f"// Parts of synthetic copy {k}.\n"]
    out.append(f'part adults_{k} "Adults {k}" {{\n  number "6.{k}.1"\n  cohort adult\n  prefix "AD{sx}"\n}}\n')
    out.append(f'part children_{k} "Children {k}" {{\n  number "6.{k}.2"\n  cohort child\n  prefix "CH{sx}"\n}}\n')
    out.append(f'part carers_{k} "Carers {k}" {{\n  number "6.{k}.3"\n  prefix "CA{sx}"\n}}\n')
    out.append(f'part adult_carers_{k} "Adult carers {k}" {{\n  within carers_{k}\n  cohort adult_carer\n  prefix "CA{sx}"\n}}\n')
    out.append(f'part young_carers_{k} "Young carers {k}" {{\n  within carers_{k}\n  cohort young_carer\n  prefix "CA{sx}"\n}}\n')
    out.append(f'part workforce_{k} "Workforce {k}" {{\n  number "6.{k}.4"\n  cohort workforce\n  prefix "WF{sx}"\n}}\n')
    return "\n".join(out)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make_synthetic.py N OUTDIR")
    n, out = int(sys.argv[1]), sys.argv[2]
    if not 1 <= n <= 676:
        sys.exit("N must be between 1 and 676")
    here = os.path.dirname(os.path.abspath(__file__))
    spec = os.path.join(here, "..", "..", "spec", "2019-consultation")
    os.makedirs(out, exist_ok=True)
    for f in SHARED_FILES:
        with open(os.path.join(spec, f), encoding="utf-8") as src, open(os.path.join(out, f), "w", encoding="utf-8") as dst:
            dst.write(src.read())
    for k in range(n):
        with open(os.path.join(out, f"parts-{k:03}.pmf"), "w", encoding="utf-8") as dst:
            dst.write(parts_file(k))
        for f in PART_FILES:
            with open(os.path.join(spec, f), encoding="utf-8") as src:
                text = copy_text(src.read(), k)
            with open(os.path.join(out, f"{f[:-4]}-{k:03}.pmf"), "w", encoding="utf-8") as dst:
                dst.write(text)


if __name__ == "__main__":
    main()
