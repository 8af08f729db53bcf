#!/usr/bin/env python3
"""Makes a tidy CSV of returns for the validation benchmark: every Welsh local authority (22)
for ten financial years, one row per value of the template (119,460 rows for the shipped spec).

    python3 compiler/benches/make_returns.py generated/templates/submission-template.csv OUT.csv [YEARS]

YEARS (10 unless given) is the number of financial years from 2020-21; 100 makes a file ten
times the size (1,194,600 rows), every period still a valid financial year.

The codes come from the CSV template, so the file follows the spec. Figures are random
(seeded, so the file is the same every time); a few are left blank with a status, a few are
text, so that every path of the validator is exercised.
"""
import csv
import random
import sys

AUTHORITIES = [
    "W06000001", "W06000002", "W06000003", "W06000004", "W06000005", "W06000006",
    "W06000008", "W06000009", "W06000010", "W06000011", "W06000012", "W06000013",
    "W06000014", "W06000015", "W06000016", "W06000018", "W06000019", "W06000020",
    "W06000021", "W06000022", "W06000023", "W06000024",
]


def main(template, out, years=10):
    with open(template, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    rng = random.Random(2020)
    n = 0
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["authority", "period", "code", "value", "status", "comment"])
        for year in range(2020, 2020 + years):
            period = "%d-%02d" % (year, (year + 1) % 100)
            for la in AUTHORITIES:
                for r in rows:
                    roll = rng.random()
                    if roll < 0.01:
                        value, status = "", "Not available"
                    elif roll < 0.012:
                        value, status = "n/a", ""
                    elif r["unit"] == "whole-time equivalents":
                        value, status = "%.2f" % (rng.random() * 80), ""
                    else:
                        value, status = str(rng.randint(0, 5000)), ""
                    w.writerow([la, period, r["code"], value, status, ""])
                    n += 1
    print("%s: %d rows" % (out, n))


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) == 4 else 10)
