//! The generator: deterministic, shaped like records.pmf, with the awkward cases present in
//! every authority's records, and true figures that hold together as the return requires.

use pmf_casegen::calendar::{record_fields, Calendar, RECORDS_PMF};
use pmf_casegen::date::Date;
use pmf_casegen::{generate, Kind, Memory, Options, Truth, CODES};
use pmf_ir::authorities::AUTHORITIES;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

fn run(seed: u64, scale: f64) -> (Memory, Truth) {
    let mut m = Memory::default();
    let t = generate(
        &Options {
            year: 2020,
            seed,
            scale,
        },
        &mut m,
    )
    .expect("generates");
    (m, t)
}

/// One small run shared by the tests that only read it.
fn small() -> &'static (Memory, Truth) {
    static RUN: OnceLock<(Memory, Truth)> = OnceLock::new();
    RUN.get_or_init(|| run(42, 0.03))
}

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// The rows of a kind as maps from column name to value.
fn rows(m: &Memory, k: Kind) -> Vec<BTreeMap<&'static str, &str>> {
    let mut cols = vec!["authority"];
    cols.extend(k.fields());
    m.tables[&k]
        .iter()
        .map(|r| {
            cols.iter()
                .copied()
                .zip(r.iter().map(String::as_str))
                .collect()
        })
        .collect()
}

fn date_of(s: &str) -> Option<Date> {
    Date::parse(s.get(..10)?)
}

#[test]
fn the_same_seed_gives_the_same_records_and_another_seed_does_not() {
    let (a, ta) = run(7, 0.01);
    let (b, tb) = run(7, 0.01);
    assert!(a.tables == b.tables, "two runs with seed 7 differ");
    assert_eq!(ta, tb);
    let (c, _) = run(8, 0.01);
    assert!(a.tables[&Kind::Contact] != c.tables[&Kind::Contact]);
}

#[test]
fn the_columns_are_the_fields_of_records_pmf() {
    let spec = record_fields(RECORDS_PMF);
    let ids: Vec<&str> = spec.iter().map(|(id, _)| id.as_str()).collect();
    let ours: Vec<&str> = Kind::ALL.iter().map(|k| k.id()).collect();
    assert_eq!(ids, ours, "the record kinds of records.pmf");
    for (k, (_, fields)) in Kind::ALL.iter().zip(&spec) {
        assert_eq!(k.fields(), fields.as_slice(), "the fields of {}", k.id());
    }
    let (m, _) = small();
    for k in Kind::ALL {
        let t = &m.tables[&k];
        assert!(t.len() > 22, "{} has {} rows", k.id(), t.len());
        assert!(t.iter().all(|r| r.len() == k.fields().len() + 1));
    }
}

#[test]
fn every_record_is_well_formed() {
    let (m, _) = small();
    let cal = Calendar::shipped();
    let codes: BTreeSet<&str> = AUTHORITIES.iter().map(|a| a.code).collect();
    for k in Kind::ALL {
        let mut keys = BTreeSet::new();
        for r in rows(m, k) {
            assert!(codes.contains(r["authority"]));
            assert!(
                keys.insert((r["authority"], r["id"])),
                "{} {} twice",
                k.id(),
                r["id"]
            );
            for (col, v) in &r {
                let timed = [
                    "received",
                    "decided",
                    "referred",
                    "completed",
                    "started",
                    "ended",
                    "held",
                    "strategy",
                    "conference",
                    "registered",
                    "deregistered",
                    "offered",
                    "authorised",
                    "report_received",
                    "enquiry",
                    "section_47",
                    "direct_payments",
                    "date_of_birth",
                ];
                if timed.contains(col)
                    && !v.is_empty()
                    && !(k == Kind::Section47 && *col == "conference")
                {
                    assert!(date_of(v).is_some(), "{} {col} {v}", k.id());
                }
            }
        }
    }
    // Dates in order, and every date a working-day rule reads inside the calendar.
    for r in rows(m, Kind::Contact) {
        let rec = r["received"];
        assert_eq!(rec.len(), 19, "{rec}");
        if !r["decided"].is_empty() {
            assert!(r["decided"] >= rec, "decided before received: {r:?}");
            assert!(date_of(r["decided"]).unwrap() <= cal.last);
        }
        assert!(date_of(rec).unwrap() >= cal.first);
    }
    for (k, a, b) in [
        (Kind::Episode, "started", "ended"),
        (Kind::Registration, "registered", "deregistered"),
        (Kind::Plan, "started", "ended"),
        (Kind::Conference, "strategy", "held"),
        (Kind::CoreGroup, "conference", "held"),
        (Kind::Assessment, "referred", "completed"),
        (Kind::DolsApplication, "received", "authorised"),
        (Kind::AdultEnquiry, "report_received", "completed"),
    ] {
        for r in rows(m, k) {
            if !r[b].is_empty() {
                assert!(r[a] <= r[b], "{} {a} after {b}: {r:?}", k.id());
            }
        }
    }
    // Every person a record refers to is in the same authority's person file.
    let people: BTreeSet<(&str, &str)> = rows(m, Kind::Person)
        .iter()
        .map(|r| (r["authority"], r["id"]))
        .collect();
    for k in Kind::ALL.into_iter().filter(|k| *k != Kind::Person) {
        for r in rows(m, k) {
            assert!(
                people.contains(&(r["authority"], r["person"])),
                "{} {} refers to a missing person",
                k.id(),
                r["id"]
            );
        }
    }
}

#[test]
fn the_awkward_cases_are_in_every_authority() {
    let (m, t) = small();
    let cal = Calendar::shipped();
    let (p0, p1) = (d("2020-04-01"), d("2021-03-31"));
    let contacts = rows(m, Kind::Contact);
    let episodes = rows(m, Kind::Episode);
    let regs = rows(m, Kind::Registration);
    for a in AUTHORITIES.iter().map(|a| a.code) {
        let mine: Vec<_> = contacts.iter().filter(|r| r["authority"] == a).collect();
        let wd = |r: &&&BTreeMap<&str, &str>| {
            let (x, y) = (
                date_of(r["received"]).unwrap(),
                date_of(r["decided"]).unwrap(),
            );
            cal.wdn(y) - cal.wdn(x)
        };
        // Saturdays, decided on the next working day (in time) and the one after (late).
        let sat: Vec<_> = mine
            .iter()
            .filter(|r| date_of(r["received"]).unwrap().weekday() == 5 && !r["decided"].is_empty())
            .collect();
        assert!(
            sat.iter().any(|r| wd(r) == 1),
            "{a}: no Saturday contact decided on the next working day"
        );
        assert!(
            sat.iter().any(|r| wd(r) == 2),
            "{a}: no Saturday contact decided a day late"
        );
        // The working day before a bank holiday weekend, decided on the next working day.
        let before_holiday = |r: &&&BTreeMap<&str, &str>| {
            let x = date_of(r["received"]).unwrap();
            cal.is_working(x)
                && cal.offset_range(x, 1).0 .0 - x.0 >= 4
                && (1..=3).any(|i| !cal.is_working(x.add_days(i)) && x.add_days(i).weekday() < 5)
        };
        let bh: Vec<_> = mine
            .iter()
            .filter(|r| !r["decided"].is_empty())
            .filter(before_holiday)
            .collect();
        assert!(
            bh.iter().any(|r| wd(r) == 1) && bh.iter().any(|r| wd(r) == 2),
            "{a}: no contact before a bank holiday decided on the boundary"
        );
        // Outside the period on both sides, and on its last minute.
        assert!(mine.iter().any(|r| date_of(r["received"]).unwrap() < p0));
        assert!(mine.iter().any(|r| date_of(r["received"]).unwrap() > p1));
        assert!(mine.iter().any(|r| r["received"] == "2021-03-31T23:59:00"));
        // Empty optional fields.
        assert!(mine
            .iter()
            .any(|r| r["decided"].is_empty() && r["outcome"].is_empty()));
        // Previous advice 11 and 13 months before, for the same person.
        let mut by_person: BTreeMap<&str, Vec<Date>> = BTreeMap::new();
        for r in mine.iter().filter(|r| r["outcome"] == "advice_assistance") {
            by_person
                .entry(r["person"])
                .or_default()
                .push(date_of(r["received"]).unwrap());
        }
        for months in [11, 13] {
            let found = mine.iter().any(|r| {
                let g = date_of(r["received"]).unwrap();
                by_person
                    .get(r["person"])
                    .is_some_and(|fs| fs.iter().any(|f| f.add_months(months) == g))
            });
            assert!(found, "{a}: no contact {months} months after advice");
        }
        // Episodes ending on 31 March and spanning it.
        let eps: Vec<_> = episodes.iter().filter(|r| r["authority"] == a).collect();
        assert!(eps.iter().any(|r| r["ended"] == "2021-03-31"));
        assert!(eps
            .iter()
            .any(|r| r["started"] < "2021-03-31"
                && (r["ended"].is_empty() || r["ended"] > "2021-03-31")));
        assert!(eps.iter().any(|r| r["ended"] == "2020-04-01"));
        // Registered again 11 and 13 months after removal.
        let rs: Vec<_> = regs.iter().filter(|r| r["authority"] == a).collect();
        for months in [11, 13] {
            let found = rs.iter().any(|x| {
                rs.iter().any(|y| {
                    x["person"] == y["person"]
                        && !x["deregistered"].is_empty()
                        && date_of(x["deregistered"]).unwrap().add_months(months)
                            == date_of(y["registered"]).unwrap()
                })
            });
            assert!(
                found,
                "{a}: no registration {months} months after a removal"
            );
        }
        for case in [
            "mover: contact",
            "mover: looked after",
            "mover: registration",
            "person born on 29 February",
        ] {
            assert!(
                t.planted
                    .get(&(a.to_string(), case))
                    .is_some_and(|n| *n > 0),
                "{a}: {case}"
            );
        }
    }
    // The same person in two authorities' files.
    let mut seen: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for r in rows(m, Kind::Person) {
        seen.entry(r["id"]).or_default().insert(r["authority"]);
    }
    let movers = seen.values().filter(|s| s.len() == 2).count();
    assert!(movers >= 22 * 8, "{movers} people in two authorities");
    assert!(rows(m, Kind::Person)
        .iter()
        .any(|r| r["date_of_birth"].ends_with("-02-29")));
}

/// The relations between data items the return's rules check, on every authority's truth.
#[test]
fn the_true_figures_hold_together() {
    let (_, t) = small();
    let letters = |code: &str, n: usize| -> Vec<String> {
        "abcdefghijk"
            .chars()
            .take(n)
            .map(|c| format!("{code}{c}"))
            .collect()
    };
    for a in AUTHORITIES.iter().map(|a| a.code) {
        let v = |c: &str| t.get(a, c).unwrap_or_else(|| panic!("no {c}"));
        let sum = |cs: &[String]| cs.iter().map(|c| v(c)).sum::<u64>();
        for (parts, parent) in [
            ("AD/004", "AD/001"),
            ("CH/004", "CH/001"),
            ("CA/004", "CA/001"),
            ("CA/027", "CA/024"),
            ("AD/029", "AD/028"),
        ] {
            assert_eq!(
                sum(&letters(parts, 11)),
                v(parent),
                "{a}: {parts} is a partition of {parent}"
            );
        }
        for (parts, n, parent) in [
            ("AD/002", 3, "AD/001"),
            ("CH/002", 3, "CH/001"),
            ("CA/002", 3, "CA/001"),
            ("CA/025", 3, "CA/024"),
            ("CH/038", 9, "CH/036"),
        ] {
            assert!(
                sum(&letters(parts, n)) <= v(parent),
                "{a}: {parts} is exclusive within {parent}"
            );
        }
        for (sub, parent) in [
            ("AD/005", "AD/001"),
            ("AD/030", "AD/028"),
            ("AD/031", "AD/030"),
            ("CH/003", "CH/001"),
            ("CH/005", "CH/001"),
            ("CH/021", "CH/020"),
            ("CH/028", "CH/027"),
            ("CH/042", "CH/041"),
            ("CH/045", "CH/041"),
            ("CA/005", "CA/001"),
            ("CA/008", "CA/007"),
            ("CA/010", "CA/007"),
            ("CA/011", "CA/010"),
            ("CA/028", "CA/024"),
            ("CA/031", "CA/030"),
            ("CA/033", "CA/030"),
            ("CA/034", "CA/033"),
        ] {
            assert!(
                v(sub) <= v(parent),
                "{a}: {sub} {} > {parent} {}",
                v(sub),
                v(parent)
            );
        }
        for (sub, parts) in [
            ("AD/003", "AD/002"),
            ("CA/003", "CA/002"),
            ("CA/026", "CA/025"),
        ] {
            assert!(
                v(sub) <= sum(&letters(parts, 2)),
                "{a}: {sub} within {parts}a+b"
            );
        }
        assert!(v("CA/008") + v("CA/010") <= v("CA/007"));
        // Every figure the planted cases guarantee is there.
        for c in [
            "AD/001", "AD/003", "AD/005", "CH/003", "CH/005", "CH/012", "CH/024", "CH/025",
            "CH/028", "CH/041", "CH/042", "CH/045", "CH/047", "CA/005", "CA/028", "CA/019",
        ] {
            assert!(v(c) > 0, "{a}: {c} is 0");
        }
    }
}

#[test]
fn the_size_follows_the_scale_and_the_weights() {
    // The planted cases are the same at every scale; the rest grows with it.
    let (_, t1) = run(1, 0.1);
    let (_, t2) = run(1, 0.2);
    let wales = |t: &Truth, c: &str| {
        AUTHORITIES
            .iter()
            .map(|a| t.get(a.code, c).unwrap())
            .sum::<u64>() as i64
    };
    // 150,000 adult contacts and 7,000 children looked after at 31 March at scale 1.
    let contacts = wales(&t2, "AD/001") - wales(&t1, "AD/001");
    assert!(
        (14_000..16_000).contains(&contacts),
        "AD/001 grows by {contacts} from scale 0.1 to 0.2"
    );
    let lac = wales(&t2, "CH/041") - wales(&t1, "CH/041");
    assert!(
        (600..800).contains(&lac),
        "CH/041 grows by {lac} from scale 0.1 to 0.2"
    );
    let cardiff = t1.get("W06000015", "AD/001").unwrap();
    let merthyr = t1.get("W06000024", "AD/001").unwrap();
    assert!(
        cardiff > 4 * merthyr,
        "Cardiff {cardiff}, Merthyr Tydfil {merthyr}"
    );
    assert_eq!(t1.to_csv().lines().count(), 1 + 22 * CODES.len());
}

#[test]
fn a_period_outside_the_calendar_is_refused() {
    let mut m = Memory::default();
    let e = generate(
        &Options {
            year: 2026,
            seed: 1,
            scale: 0.01,
        },
        &mut m,
    )
    .unwrap_err();
    assert!(e.contains("2018-01-01 to 2026-12-31"), "{e}");
    assert!(pmf_casegen::parse_period("2020/21").is_err());
    assert!(pmf_casegen::parse_period("2020-22").is_err());
    assert_eq!(pmf_casegen::parse_period("2020-21"), Ok(2020));
    assert_eq!(pmf_casegen::parse_period("2099-00"), Ok(2099));
}
