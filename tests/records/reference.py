"""A third, independent reading of compiler/doc/records.md: counts the data items of the
counting rules in records.pmf over a folder of record files (as pmf-casegen writes them, one
CSV per record kind with an `authority` column), written in plain Python with no database.

    python3 reference.py RECORDS_DIR PERIOD_START_YEAR RECORDS_PMF

prints `authority<TAB>code<TAB>value` for every data item it counts. The agreement test
(tests/suite/records_agree.rs) compares it with the generator's truth, which is tallied as the
records are planted; the rules are written out here by hand from the spec's computed_from
blocks, so a change to a rule must be made here too (the test then fails until it is).
"""

import calendar
import collections
import csv
import datetime as dt
import re
import sys

records_dir, year, records_pmf = sys.argv[1], int(sys.argv[2]), sys.argv[3]
P0, P1 = dt.date(year, 4, 1), dt.date(year + 1, 3, 31)

# The working-day number of records.md, from the calendar's weekend and holiday lines.
spec = open(records_pmf, encoding="utf-8").read()
holidays = {dt.date.fromisoformat(d) for d in re.findall(r"^\s*holiday (\d{4}-\d\d-\d\d)", spec, re.M)}
first_year, last_year = map(int, re.search(r"^\s*years (\d{4}) to (\d{4})", spec, re.M).groups())
WDN = {}
n, d = 0, dt.date(first_year, 1, 1)
while d <= dt.date(last_year, 12, 31):
    if d.weekday() < 5 and d not in holidays:
        n += 1
    WDN[d] = n
    d += dt.timedelta(days=1)


def date(s):
    return dt.date.fromisoformat(s[:10]) if s else None


def within_working_days(e, s, k):
    return e is not None and s is not None and e >= s and WDN[e] - WDN[s] <= k


def within_days(e, s, k):
    return e is not None and s is not None and e >= s and (e - s).days <= k


def add_months(d, k):
    t = d.year * 12 + d.month - 1 + k
    y, m = divmod(t, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def during(x):
    return x is not None and P0 <= x <= P1


def open_at_end(s, e):
    return s is not None and s <= P1 and (e is None or e > P1)


def open_during(s, e):
    return s is not None and s <= P1 and (e is None or e >= P0)


def load(kind):
    with open(f"{records_dir}/{kind}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


out = collections.Counter()
people = collections.defaultdict(set)
LETTERS = "abcdefghijk"
CONTACT_SOURCES = ["self_family", "friend_neighbour", "health", "education", "police", "probation",
                   "housing", "early_intervention", "third_sector", "internal", "other"]
REPORT_SOURCES = ["self", "spouse_family", "friend_neighbour", "health", "police", "probation",
                  "housing", "early_intervention", "third_sector", "internal", "other"]
CATEGORIES = ["neglect", "physical", "sexual", "emotional", "financial", "neglect_physical",
              "physical_sexual", "neglect_sexual", "neglect_physical_sexual"]
CONTACT_CODES = {
    "adult": ("AD/001", "AD/002", "AD/003", "AD/004", "AD/005", "screened_out", True),
    "child": ("CH/001", "CH/002", "CH/003", "CH/004", "CH/005", "screened_out", False),
    "adult_carer": ("CA/001", "CA/002", "CA/003", "CA/004", "CA/005", "no_further_action", True),
    "young_carer": ("CA/024", "CA/025", "CA/026", "CA/027", "CA/028", "no_further_action", True),
}

contacts = load("contact")
contacts_of = collections.defaultdict(list)
for c in contacts:
    contacts_of[(c["authority"], c["person"])].append(c)
for c in contacts:
    a, received = c["authority"], date(c["received"])
    if not during(received):
        continue
    total, outcomes, timely, sources, repeat, third, helped_only = CONTACT_CODES[c["about"]]
    out[(a, total)] += 1
    letter = {"information_only": "a", "advice_assistance": "b", third: "c"}.get(c["outcome"])
    if letter:
        out[(a, outcomes + letter)] += 1
    helped = c["outcome"] in ("information_only", "advice_assistance")
    if within_working_days(date(c["decided"]), received, 1) and (helped or not helped_only):
        out[(a, timely)] += 1
    out[(a, sources + LETTERS[CONTACT_SOURCES.index(c["source"])])] += 1
    if any(x is not c and x["outcome"] == "advice_assistance" and x["received"] <= c["received"]
           and date(x["received"]) <= received <= add_months(date(x["received"]), 12)
           for x in contacts_of[(a, c["person"])]):
        out[(a, repeat)] += 1

for x in load("adult_report"):
    if during(date(x["received"])):
        a = x["authority"]
        out[(a, "AD/028")] += 1
        out[(a, "AD/029" + LETTERS[REPORT_SOURCES.index(x["source"])])] += 1
        if x["enquiry"]:
            out[(a, "AD/030")] += 1
for x in load("adult_enquiry"):
    completed = date(x["completed"])
    if during(completed) and within_days(completed, date(x["report_received"]), 7):
        out[(x["authority"], "AD/031")] += 1
for x in load("dols_application"):
    if during(date(x["received"])):
        out[(x["authority"], "AD/039")] += 1
    if during(date(x["authorised"])):
        out[(x["authority"], "AD/040")] += 1

for x in load("assessment"):
    completed = date(x["completed"])
    if not during(completed):
        continue
    if x["about"] == "child" and within_working_days(completed, date(x["referred"]), 42):
        out[(x["authority"], "CH/012")] += 1
    if x["about"] == "adult_carer":
        out[(x["authority"], "CA/011")] += 1
    if x["about"] == "young_carer":
        out[(x["authority"], "CA/034")] += 1

PLAN_CODES = {("child", "care_support"): "CH/015", ("adult_carer", "support"): "CA/019",
              ("young_carer", "support"): "CA/042"}
for x in load("plan"):
    code = PLAN_CODES.get((x["about"], x["kind"]))
    if code and open_at_end(date(x["started"]), date(x["ended"])):
        people[(x["authority"], code)].add(x["person"])

for x in load("strategy_discussion"):
    if during(date(x["held"])):
        out[(x["authority"], "CH/020")] += 1
        if x["section_47"]:
            out[(x["authority"], "CH/021")] += 1
for x in load("section_47"):
    if during(date(x["completed"])) and x["conference"]:
        out[(x["authority"], "CH/022")] += 1
for x in load("conference"):
    if during(date(x["held"])) and within_working_days(date(x["held"]), date(x["strategy"]), 15):
        out[(x["authority"], "CH/025")] += 1
for x in load("core_group"):
    if during(date(x["held"])):
        out[(x["authority"], "CH/027")] += 1
        if within_working_days(date(x["held"]), date(x["conference"]), 10):
            out[(x["authority"], "CH/028")] += 1

registrations = load("registration")
registrations_of = collections.defaultdict(list)
for x in registrations:
    registrations_of[(x["authority"], x["person"])].append(x)
for x in registrations:
    a, registered, removed = x["authority"], date(x["registered"]), date(x["deregistered"])
    if during(registered) and any(
            y is not x and y["deregistered"] and date(y["deregistered"]) <= registered
            <= add_months(date(y["deregistered"]), 12)
            for y in registrations_of[(a, x["person"])]):
        people[(a, "CH/024")].add(x["person"])
    if open_at_end(registered, removed):
        people[(a, "CH/026")].add(x["person"])
    if during(removed):
        people[(a, "CH/036")].add(x["person"])
        people[(a, "CH/038" + LETTERS[CATEGORIES.index(x["category"])])].add(x["person"])

episodes = load("episode")
episodes_of = collections.defaultdict(list)
for x in episodes:
    episodes_of[(x["authority"], x["person"])].append(x)
PLACEMENT_REASONS = ("started_care", "placement_change", "both_change")
for x in episodes:
    a, started, ended = x["authority"], date(x["started"]), date(x["ended"])
    if during(started) and x["reason"] == "started_care":
        people[(a, "CH/039")].add(x["person"])
    if open_at_end(started, ended):
        people[(a, "CH/041")].add(x["person"])
        if x["legal_status"] == "short_breaks":
            people[(a, "CH/042")].add(x["person"])
        placements = sum(1 for y in episodes_of[(a, x["person"])]
                         if open_during(date(y["started"]), date(y["ended"]))
                         and y["reason"] in PLACEMENT_REASONS)
        if placements >= 3:
            people[(a, "CH/045")].add(x["person"])
    if during(ended) and x["end_reason"] == "returned_home":
        people[(a, "CH/047")].add(x["person"])

for x in load("carer_offer"):
    if during(date(x["offered"])):
        made, refused, accepted = (("CA/007", "CA/008", "CA/010") if x["about"] == "adult_carer"
                                   else ("CA/030", "CA/031", "CA/033"))
        out[(x["authority"], made)] += 1
        if x["response"] == "refused":
            out[(x["authority"], refused)] += 1
        if x["response"] == "accepted":
            out[(x["authority"], accepted)] += 1

for key, who in people.items():
    out[key] = len(who)
for (a, code), v in sorted(out.items()):
    print(f"{a}\t{code}\t{v}")
