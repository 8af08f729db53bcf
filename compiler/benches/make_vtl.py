#!/usr/bin/env python3
"""Writes the rules of the IR in VTL 2.x, for vtlengine (a VTL engine on PyPI) to check tidy
returns with: the peer "a VTL engine" of compiler/benches/validate.py (issue 15).

    python3 compiler/benches/make_vtl.py [IR.json] OUT_DIR

IR.json is generated/ir/spec.json unless given (`pmf export` writes the same). OUT_DIR gets:

- rules.vtl: the transformation scheme;
- structures.json: the data structures of its inputs, in vtlengine's JSON form;
- items.csv: the dataset ITEMS, one row per data item (its code and whether it takes decimals),
  written from the IR like the rules.

The inputs are the tidy CSV as pmf validate reads it (dataset RETURNS: identifiers authority,
period, code; measures value, status, comment, all strings), and ITEMS. How each kind of rule
is written, and what cannot be:

- value (539 rules, one per item): one check over RETURNS joined with ITEMS, a row failing when
  its trimmed value is not blank and is not a valid figure (the figure syntax
  -?[0-9]+(.[0-9]+)? in at most 30 characters, 0 to 999,999,999, whole for a whole item). Its
  error code is the item's code; the finding is AD/001.value for AD/001.
- required (539 rules): every return is crossed with ITEMS, and a pair fails when no row of the
  return gives a figure or a missing-value status (an id or label of one, any case).
- comparisons (partition, exclusive, overlapping, within, subset, equals: 187 rules): the usable
  figure of each code read by a rule (its row holds a valid figure) is a dataset of its own
  (`sub code = "..."`), and each rule is one check statement on them, within the rule's
  tolerance. A return lacking a usable figure of a code drops out of the rule's join, so the
  rule gives no finding there, as in pmf validate.

Not written in VTL: the reader's own findings (input.*: unknown codes, duplicated rows, an
authority or period that is not one, population rows that are not figures, a figure together
with a status). A VTL dataset cannot hold two rows with the same identifiers, so a file with a
duplicated row cannot be loaded at all; the benchmark's files have none. The benchmark
compares vtlengine's findings with pmf validate's findings of the rules above, and says so.

VTL's trim removes any white space at both ends where pmf trims spaces; the benchmark's files
have no padding, so this does not change a finding there.
"""
import csv
import json
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
COMPARISONS = ("partition", "exclusive", "overlapping", "within", "subset", "equals")
MAX_FIGURE_LEN = 30
MAX_VALUE = 999999999


def string(s):
    """A VTL string literal (double quotes doubled)."""
    return '"' + s.replace('"', '""') + '"'


def name(code):
    """The dataset name of a code's usable figures: AD/004a -> F_AD_004a."""
    out = "".join(c if c.isascii() and c.isalnum() else "_" for c in code)
    return "F_" + out


def side(terms):
    if not terms:
        return "0"
    parts = []
    for t in terms:
        coef = t["coef"]
        ref = name(t["code"])
        if coef == 1.0:
            parts.append(ref)
        else:
            parts.append("%s * %r" % (ref, coef))
    return " + ".join(parts)


def condition(rule):
    """The VTL condition that holds when the rule does (as pmf_validate.py compares)."""
    lv, rv, tol, op = side(rule["lhs"]), side(rule["rhs"]), rule["tolerance"], rule["op"]
    t = " + %r" % tol if tol else ""
    if op == "<=":
        return "%s <= %s%s" % (lv, rv, t)
    if op == ">=":
        return "%s%s >= %s" % (lv, t, rv)
    if op == "<":
        return "%s < %s%s" % (lv, rv, t)
    if op == ">":
        return "%s%s > %s" % (lv, t, rv)
    if op == "=":
        return "abs(%s - (%s)) <= %r" % (lv, rv, tol)
    if op == "!=":
        return "abs(%s - (%s)) > %r" % (lv, rv, tol)
    raise SystemExit("rule %s: operator %s has no VTL form here" % (rule["id"], op))


def main(argv):
    if len(argv) == 1:
        ir_path, out = os.path.join(ROOT, "generated", "ir", "spec.json"), argv[0]
    elif len(argv) == 2:
        ir_path, out = argv
    else:
        sys.exit(__doc__)
    with open(ir_path, encoding="utf-8") as f:
        ir = json.load(f)
    os.makedirs(out, exist_ok=True)
    items = ir["data_items"]
    words = []
    for s in ir["missing_statuses"]:
        for w in (s["id"], s["label"]["en"]):
            if w.lower() not in words:
                words.append(w.lower())
    kinds = {}
    for r in ir["rules"]:
        kinds.setdefault(r["kind"], []).append(r)
    # The year-on-year rules read last year's return, which the benchmark does not give: no
    # engine checks them there (pmf validate without --previous, the SQL with an empty
    # pmf_previous), so they are not written.
    YEAR_ON_YEAR = {"change", "balance"}
    skipped = sum(len(kinds.pop(k, [])) for k in sorted(YEAR_ON_YEAR))
    if skipped:
        print("%d year-on-year rules (change, balance) not written: they need last year's return"
              % skipped, file=sys.stderr)
    unknown = set(kinds) - set(COMPARISONS) - {"value", "required"}
    if unknown:
        sys.exit("rule kinds with no VTL form here: %s" % ", ".join(sorted(unknown)))
    for r in kinds.get("value", []) + kinds.get("required", []):
        if len(r["lhs"]) != 1 or r["rhs"]:
            sys.exit("rule %s: a value or required rule reads one item" % r["id"])

    with open(os.path.join(out, "items.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "decimal"])
        for d in items:
            w.writerow([d["code"], "true" if d["value_type"] == "decimal" else "false"])

    def component(n, t, role, nullable):
        return {"name": n, "type": t, "role": role, "nullable": nullable}

    structures = {
        "datasets": [
            {
                "name": "RETURNS",
                "DataStructure": [
                    component("authority", "String", "Identifier", False),
                    component("period", "String", "Identifier", False),
                    component("code", "String", "Identifier", False),
                    component("value", "String", "Measure", True),
                    component("status", "String", "Measure", True),
                    component("comment", "String", "Measure", True),
                ],
            },
            {
                "name": "ITEMS",
                "DataStructure": [
                    component("code", "String", "Identifier", False),
                    component("decimal", "Boolean", "Measure", False),
                ],
            },
        ]
    }
    with open(os.path.join(out, "structures.json"), "w", encoding="utf-8") as f:
        json.dump(structures, f, indent=1)
        f.write("\n")

    vtl = []
    add = vtl.append
    add("/* The rules of edition %s, from the IR, by compiler/benches/make_vtl.py. */" % ir["edition"]["id"])
    add("")
    add("/* Each row: the trimmed value, whether it is in the figure syntax, whether it gives a figure")
    add("   or a missing-value status. */")
    add("ROWS := RETURNS [calc t := nvl(trim(value), \"\"), s := lower(nvl(trim(status), \"\"))];")
    add("SYNTAX := ROWS [calc is_figure := match_characters(t, %s) and length(t) <= %d]"
        % (string("^-?[0-9]+(\\.[0-9]+)?$"), MAX_FIGURE_LEN))
    add("    [calc given := t <> \"\" or s in {%s}];" % ", ".join(string(w) for w in words))
    add("/* The rows of data items (population rows are not), with whether the item takes decimals. */")
    add("OF_ITEMS := inner_join(SYNTAX as S, ITEMS as I);")
    add("FIGURES := OF_ITEMS [filter is_figure] [calc figure := cast(t, number)] [keep figure, decimal];")
    add("VALID := FIGURES [calc ok := figure >= 0 and figure <= %d and (decimal or figure = floor(figure))];" % MAX_VALUE)
    add("")
    add("/* value: a value that is not blank and not a valid figure (the error code is the item). */")
    add("CHECKED := left_join(OF_ITEMS [filter t <> \"\"] as S, VALID as V keep is_figure, ok);")
    add("value_findings <- check(CHECKED [calc okv := is_figure and nvl(ok, false)] [keep okv]")
    add("    errorlevel 1 invalid);")
    add("")
    add("/* required: a return and an item with no row giving a figure or a status. */")
    add("GIVEN := SYNTAX [filter given] [aggr n := count() group by authority, period, code];")
    add("PAIRS := cross_join(RETURNS [aggr nrows := count() group by authority, period] as R, ITEMS as I")
    add("    keep nrows, decimal);")
    add("MISSING := left_join(PAIRS as P, GIVEN as G keep n);")
    add("required_findings <- check(MISSING [calc present := not isnull(n)] [keep present] errorlevel 1 invalid);")
    add("")
    add("/* The usable figure of each code a comparison reads. */")
    add("USABLE := VALID [filter ok] [keep figure];")
    codes = []
    for k in COMPARISONS:
        for r in kinds.get(k, []):
            for t in r["lhs"] + r["rhs"]:
                if t["code"] not in codes:
                    codes.append(t["code"])
    names = {}
    for c in codes:
        n = name(c)
        if names.setdefault(n, c) != c:
            sys.exit("codes %s and %s have the same VTL name %s" % (names[n], c, n))
        add("%s := USABLE [sub code = %s];" % (n, string(c)))
    add("")
    add("/* The comparisons, one check each. */")
    n_comparisons = 0
    for k in COMPARISONS:
        for r in kinds.get(k, []):
            n_comparisons += 1
            add("C%d <- check(%s errorcode %s errorlevel 1 invalid);"
                % (n_comparisons, condition(r), string(r["id"])))
    with open(os.path.join(out, "rules.vtl"), "w", encoding="utf-8") as f:
        f.write("\n".join(vtl) + "\n")
    print("%s: %d value, %d required and %d comparison rules in VTL; %d codes compared"
          % (out, len(kinds.get("value", [])), len(kinds.get("required", [])), n_comparisons, len(codes)))


if __name__ == "__main__":
    main(sys.argv[1:])
