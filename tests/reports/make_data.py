#!/usr/bin/env python3
"""Makes a realistic set of returns for the report tests: the 22 Welsh local authorities for
three financial years (2019-20 and 2020-21 under the consultation draft's codes, 2021-22 under
the 2020-21 revision's, tests/editions/2020-21), one tidy CSV per authority and year.

    python3 tests/reports/make_data.py DRAFT_TEMPLATE.csv REVISION_TEMPLATE.csv OUT_DIR [POPULATIONS.csv]

The templates are `pmf template --format csv` of the two editions, so the codes follow the
specs. Figures are random but seeded (the same files every time) and move a little from year to
year around a size proportional to each authority's (synthetic) population. On purpose:

- part-year figures: Cardiff's AD/001 for 2020-21 counts to 23 November 2020 (`year_to_date`);
- missing values with reasons: a few figures of 2020-21 are `not_available` with a comment,
  and Cardiff's AD/005 is `not_applicable` in 2021-22;
- provisional and revised figures: Cardiff's 2021-22 AD/003 is provisional, its 2019-20 AD/006
  revised;
- a renumbered measure: the draft's AD/014 is AD/010 in 2021-22 (and AD/010 used again);
- a local measure without a national code: Cardiff's VAC/001 (vacant posts advertised), first
  reported in 2020-21;
- one authority with an extreme value: Merthyr Tydfil's AD/001 for 2021-22 is twenty times its
  usual size;
- populations: the spec's population figures in every return; and, when a fourth argument is
  given, a populations file for `pmf report --national --populations` (authority, year,
  population, value: the same figures, with Wales as the sum of the 22), which on purpose lacks
  the Isle of Anglesey's population_75_plus for 2021-22 (its rate is then not computable);
- Wales (W92000004) as an aggregate: each year, every figure summed over the 22 authorities
  (a figure missing in any authority is missing for Wales, with the status not_available).
"""
import csv
import os
import random
import sys

AUTHORITIES = [
    "W06000001", "W06000002", "W06000003", "W06000004", "W06000005", "W06000006",
    "W06000008", "W06000009", "W06000010", "W06000011", "W06000012", "W06000013",
    "W06000014", "W06000015", "W06000016", "W06000018", "W06000019", "W06000020",
    "W06000021", "W06000022", "W06000023", "W06000024",
]
CARDIFF = "W06000015"
MERTHYR = "W06000024"
WALES = "W92000004"
YEARS = [("2019-20", "draft"), ("2020-21", "draft"), ("2021-22", "revision")]
POPULATIONS = ["population_total", "population_0_17", "population_18_plus", "population_75_plus"]
SHARE = {"population_total": 1.0, "population_0_17": 0.2, "population_18_plus": 0.8,
         "population_75_plus": 0.09}


def codes(template):
    with open(template, newline="", encoding="utf-8") as f:
        return [r["code"] for r in csv.DictReader(f) if r["code"] not in POPULATIONS]


ANGLESEY = "W06000001"


def main(draft_template, revision_template, out, populations_file=None):
    edition_codes = {"draft": codes(draft_template), "revision": codes(revision_template)}
    rng = random.Random(2021)
    population = {la: rng.randrange(60_000, 370_000) for la in AUTHORITIES}
    # A size per code, the same for every authority (scaled by population): items are smaller
    # than totals, so that percentages stay mostly below 100.
    all_codes = sorted(set(edition_codes["draft"]) | set(edition_codes["revision"]))
    size = {}
    for c in all_codes:
        is_item = c[-1].isalpha()
        size[c] = rng.uniform(0.2, 0.6) if is_item else rng.uniform(0.8, 1.0)
    os.makedirs(out, exist_ok=True)
    for year, edition in YEARS:
        wales = {}
        for la in AUTHORITIES:
            scale = population[la] / 1000.0
            rows = []
            for c in edition_codes[edition]:
                # The renumbered measure keeps its size across the renumbering.
                key = "AD/014" if (edition == "revision" and c == "AD/010") else c
                base = scale * size.get(key, 0.5)
                value = max(0, round(base * rng.uniform(0.9, 1.1)))
                status, comment = "", ""
                if la == MERTHYR and year == "2021-22" and c == "AD/001":
                    value *= 20
                if la == CARDIFF and year == "2020-21" and c == "AD/001":
                    value = 2068
                    status = "year_to_date 2020-11-23"
                    comment = "2068 up to 23/11/2020 of a total 3812 received"
                if la == CARDIFF and year == "2021-22" and c == "AD/003":
                    status = "provisional"
                if la == CARDIFF and year == "2019-20" and c == "AD/006":
                    status = "revised"
                    comment = "revised after the return was made"
                if la == CARDIFF and year == "2021-22" and c == "AD/005":
                    value, status = "", "not_applicable"
                elif year == "2020-21" and rng.random() < 0.01 or (
                    la == CARDIFF and year == "2020-21" and c == "AD/007c"
                ):
                    value, status = "", "not_available"
                    comment = "Figures were not available due to Covid-19 disruptions"
                rows.append([la, year, c, value, status, comment])
            if la == CARDIFF and year != "2019-20":
                posts = 41 if year == "2020-21" else 37
                rows.append([la, year, "VAC/001", posts, "", ""])
            for p in POPULATIONS:
                rows.append([la, year, p, round(population[la] * SHARE[p]), "", ""])
            for r in rows:
                if r[2] == "VAC/001":
                    continue
                total = wales.get(r[2], 0)
                wales[r[2]] = None if total is None or r[3] == "" else total + r[3]
            write(out, year, la, rows)
        rows = [
            [WALES, year, c, "" if v is None else v, "not_available" if v is None else "", ""]
            for c, v in wales.items()
        ]
        write(out, year, WALES, rows)
    if populations_file:
        with open(populations_file, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["authority", "year", "population", "value"])
            for year, _ in YEARS:
                for p in POPULATIONS:
                    total = 0
                    for la in AUTHORITIES:
                        value = round(population[la] * SHARE[p])
                        total += value
                        if not (la == ANGLESEY and year == "2021-22" and p == "population_75_plus"):
                            w.writerow([la, year, p, value])
                    w.writerow([WALES, year, p, total])


def write(out, year, la, rows):
    path = os.path.join(out, year, f"{la}.csv")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["authority", "period", "code", "value", "status", "comment"])
        w.writerows(rows)


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    main(*sys.argv[1:])
