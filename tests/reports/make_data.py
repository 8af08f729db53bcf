#!/usr/bin/env python3
"""Makes a realistic set of returns for the report tests: the 22 Welsh local authorities for
three financial years (2019-20 and 2020-21 under the consultation draft's codes, 2021-22 under
the 2020-21 revision's, tests/editions/2020-21), one tidy CSV per authority and year.

    python3 tests/reports/make_data.py DRAFT.json REVISION.json OUT_DIR [POPULATIONS.csv]

DRAFT.json and REVISION.json are `pmf export` of the two editions (their IR), so the codes
follow the specs and the figures keep the specs' arithmetic: a whole (a total, say AD/001) is
drawn around a size proportional to the authority's (synthetic) population, and its parts are
drawn from it as a binomial would draw them (a subset, an overlapping item or a `within` part as
a share of its whole; a partition's items summing to its total exactly; an exclusive breakdown's
items to at most its total; `equals` copied; a percentage indicator's numerator as a part of
its denominator where no rule relates them, e.g. PI/AD/21's AD/040 of AD/039), with a share
per code that is the same for every authority and a small spread between authorities, so the
returns pass `pmf validate` and most authorities are similar to Wales. Figures are random but
seeded (the same files every time) and move a little from year to year. On purpose:

- part-year figures: Cardiff's AD/001 for 2020-21 counts to 23 November 2020 (`year_to_date`,
  with the full year's total in the comment);
- missing values with reasons: a few figures of 2020-21 are `not_available` with a comment,
  and Cardiff's AD/005 is `not_applicable` in 2021-22;
- provisional and revised figures: Cardiff's 2021-22 AD/003 is provisional, its 2019-20 AD/006
  revised;
- a renumbered measure: the draft's AD/014 is AD/010 in 2021-22 (and AD/010 used again);
- a local measure without a national code: Cardiff's VAC/001 (vacant posts advertised), first
  reported in 2020-21;
- one authority with an extreme value: Merthyr Tydfil's AD/005 for 2021-22 is a fifth of its
  usual share of AD/001 (its PI/AD/02 is far below Wales's); Merthyr Tydfil is the smallest
  authority (60,000 people), so the extreme moves the Wales figure little;
- populations: the spec's population figures in every return; and, when a fourth argument is
  given, a populations file for `pmf report --national --populations` (authority, year,
  population, value: the same figures, with Wales as the sum of the 22), which on purpose lacks
  the Isle of Anglesey's population_75_plus for 2021-22 (its rate is then not computable);
- Wales (W92000004) as an aggregate: each year, every figure summed over the 22 authorities
  (a figure missing in any authority is missing for Wales, with the status not_available).
"""
import csv
import json
import math
import os
import random
import sys

AUTHORITIES = [
    "W06000001", "W06000002", "W06000003", "W06000004", "W06000005", "W06000006",
    "W06000008", "W06000009", "W06000010", "W06000011", "W06000012", "W06000013",
    "W06000014", "W06000015", "W06000016", "W06000018", "W06000019", "W06000020",
    "W06000021", "W06000022", "W06000023", "W06000024",
]
ANGLESEY = "W06000001"
CARDIFF = "W06000015"
MERTHYR = "W06000024"
WALES = "W92000004"
YEARS = [("2019-20", "draft"), ("2020-21", "draft"), ("2021-22", "revision")]
POPULATIONS = ["population_total", "population_0_17", "population_18_plus", "population_75_plus"]
SHARE = {"population_total": 1.0, "population_0_17": 0.2, "population_18_plus": 0.8,
         "population_75_plus": 0.09}
# A part-year figure's full-year total, for its comment.
FULL_YEAR = {}
# The kinds of rule that tie a part to its whole (the validator's rules in the IR).
ARITHMETIC = {"partition", "equals", "exclusive", "subset", "overlapping", "within"}


class Edition:
    """The data items of an edition and the rules that tie them: `lhs op rhs`, sums of codes."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            ir = json.load(f)
        self.codes = [d["code"] for d in ir["data_items"] if d["code"] not in POPULATIONS]
        known = set(self.codes)
        self.rules = []
        for r in ir["rules"]:
            if r["kind"] not in ARITHMETIC:
                continue
            lhs = [t["code"] for t in r["lhs"]]
            rhs = [t["code"] for t in r["rhs"]]
            if all(t["coef"] == 1.0 for t in r["lhs"] + r["rhs"]) and set(lhs + rhs) <= known:
                self.rules.append((r["kind"], lhs, r["op"], rhs))
        # A percentage's numerator is a part of its denominator even where no rule says so
        # (PI/AD/21: DoLS applications authorised of those made): drawn as one, when the
        # numerator is otherwise no rule's part and not a whole of the denominator's.
        for i in ir["indicators"]:
            f = i["formula"]
            if f["op"] != "percent":
                continue
            lhs, rhs = terms(f["numerator"]), terms(f["denominator"])
            if None in (lhs, rhs) or not set(lhs + rhs) <= known or set(lhs) & set(rhs):
                continue
            parts = {c for r in self.rules for c in r[1]}
            if not set(lhs) & parts and not set(rhs) & self.below(lhs):
                self.rules.append(("indicator", lhs, "<=", rhs))
        # A part comes after its wholes: depth 0 for a code that is no rule's part.
        depth = {c: 0 for c in self.codes}
        for _ in range(len(self.codes)):
            changed = False
            for _, lhs, _, rhs in self.rules:
                d = max(depth[c] for c in rhs) + 1
                for c in lhs:
                    if depth[c] < d:
                        depth[c], changed = d, True
            if not changed:
                break
        order = {c: i for i, c in enumerate(self.codes)}
        self.order = sorted(self.codes, key=lambda c: (depth[c], order[c]))
        self.depth = depth
        self.of = {c: [r for r in self.rules if c in r[1]] for c in self.codes}

    def below(self, wholes):
        """The codes drawn from `wholes`, directly or not."""
        seen, todo = set(), list(wholes)
        while todo:
            c = todo.pop()
            for _, lhs, _, rhs in self.rules:
                if c in rhs:
                    for x in lhs:
                        if x not in seen:
                            seen.add(x)
                            todo.append(x)
        return seen


def terms(formula):
    """The codes of a sum of metrics, or None for another formula."""
    if formula["op"] == "metric":
        return [formula["code"]]
    if formula["op"] == "add":
        lhs, rhs = terms(formula["lhs"]), terms(formula["rhs"])
        return None if None in (lhs, rhs) else lhs + rhs
    return None


def share(key):
    """The share of its whole a part usually is: the same for every authority and year."""
    return random.Random("share " + key).uniform(0.3, 0.9)


def size(key):
    """A whole's size per 1,000 people."""
    return random.Random("size " + key).uniform(5.0, 40.0)


def binomial(rng, n, p):
    """A binomial draw (normal approximation), within 0..n."""
    if n <= 0:
        return 0
    p = min(max(p, 0.0), 1.0)
    x = round(rng.gauss(n * p, math.sqrt(n * p * (1 - p))))
    return min(max(x, 0), n)


def split(rng, total, parts, key):
    """Shares `total` out among `parts` (a multinomial draw): the parts sum to `total`."""
    weights = [random.Random("weight " + key + p).uniform(1.0, 4.0) for p in parts]
    out, left, wleft = {}, total, sum(weights)
    for p, w in zip(parts[:-1], weights[:-1]):
        x = binomial(rng, left, w / wleft)
        out[p], left, wleft = x, left - x, wleft - w
    out[parts[-1]] = left
    return out


def draw(rng, edition, la, year, population):
    """One authority's figures for a year, wholes first and parts from their wholes."""
    v = {}
    effect = 1 + rng.gauss(0, 0.01)  # how the authority differs from Wales this year

    def key(c):
        # The renumbered measure keeps its size across the renumbering.
        return "AD/014" if (edition.revision and c == "AD/010") else c

    def p(c):
        return share(key(c)) * (1 + rng.gauss(0, 0.01))

    for c in edition.order:
        if c in v:
            continue
        rules = edition.of[c]
        kinds = {r[0]: r for r in rules}
        if not rules:
            mean = population / 1000.0 * size(key(c)) * effect
            x = max(0, round(rng.gauss(mean, math.sqrt(mean))))
            if la == CARDIFF and year == "2020-21" and c == "AD/001":
                # Counted to 23 November 2020: 237 days of the year (its parts from that count).
                FULL_YEAR[(la, year, c)] = x
                x = round(x * 237 / 365)
            v[c] = x
            continue
        whole = {}
        for _, lhs, _, rhs in rules:
            whole[tuple(lhs)] = sum(v[x] for x in rhs)
        if "equals" in kinds:
            v[c] = whole[tuple(kinds["equals"][1])]
            continue
        groups = [r for r in rules if len(r[1]) > 1]
        if groups:
            group = next((r for r in groups if r[0] == "partition"), groups[0])
            todo = [x for x in group[1] if x not in v]
            left = whole[tuple(group[1])] - sum(v[x] for x in group[1] if x in v)
            if group[0] != "partition":  # an exclusive breakdown need not cover its whole
                left = binomial(rng, left, 0.9)
            v.update(split(rng, max(left, 0), todo, key(group[1][0])))
            continue
        bound = min(whole[tuple(r[1])] for r in rules)
        extreme = la == MERTHYR and year == "2021-22" and c == "AD/005"
        v[c] = binomial(rng, bound, p(c) / 5 if extreme else p(c))
    repair(edition, v)
    return v


def repair(edition, v):
    """Makes the figures keep every rule where two ways of drawing met (a part of two wholes)."""
    for _ in range(20):
        broken = False
        for kind, lhs, op, rhs in sorted(edition.rules, key=lambda r: edition.depth[r[1][0]]):
            total, parts = sum(v[x] for x in rhs), sum(v[x] for x in lhs)
            if (op == "=" and parts != total) or (op == "<=" and parts > total):
                broken = True
                if parts == 0:
                    v[lhs[-1]] = total
                    continue
                scaled = {x: v[x] * total // parts for x in lhs}
                if op == "=":
                    scaled[lhs[-1]] += total - sum(scaled.values())
                v.update(scaled)
        if not broken:
            return
    raise SystemExit("make_data.py: the figures could not be made to keep the rules")


def main(draft_ir, revision_ir, out, populations_file=None):
    editions = {"draft": Edition(draft_ir), "revision": Edition(revision_ir)}
    editions["draft"].revision = False
    editions["revision"].revision = True
    rng = random.Random(2021)
    population = {la: rng.randrange(60_000, 370_000) for la in AUTHORITIES}
    population[MERTHYR] = 60_000
    os.makedirs(out, exist_ok=True)
    for year, name in YEARS:
        edition = editions[name]
        wales = {}
        for la in AUTHORITIES:
            figures = draw(rng, edition, la, year, population[la])
            rows = []
            for c in edition.codes:
                value = figures[c]
                status, comment = "", ""
                if la == CARDIFF and year == "2020-21" and c == "AD/001":
                    status = "year_to_date 2020-11-23"
                    total = FULL_YEAR[(la, year, c)]
                    comment = f"{value} up to 23/11/2020 of a total {total} received"
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
