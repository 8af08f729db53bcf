//! Synthetic case records whose true figures are known by construction (issue 18).
//!
//! `generate` writes one table per record kind of the spec's records.pmf, for the 22 Welsh
//! authorities, and tallies the figure of every data item that has a counting rule
//! (`computed_from`) as it plants each record: it first decides what a record is to count in
//! ("decided by the end of the next working day: yes"), then draws dates that make it so under
//! compiler/doc/records.md (the working-day number, the month arithmetic, the period's
//! placement). The figures are never found by evaluating the rules over the finished files, so
//! the tests that compare `pmf compute` and the generated SQL with them compare two independent
//! readings of records.md.
//!
//! Awkward cases are planted deliberately in every authority (see `plant_*`): receipts on the
//! Friday before a bank holiday and on Saturdays, decided on the boundary working day and the
//! day after; previous advice and assistance at 11, 12 and 13 months (and 29 February);
//! re-registrations at 11, 12 and 13 months and on the day of removal; episodes spanning and
//! ending on 31 March; people who move authority; records outside the period on both sides;
//! empty optional fields. This crate is a test and benchmark tool, not part of the pipeline.

pub mod calendar;
pub mod date;
pub mod rng;

use calendar::Calendar;
use date::Date;
use pmf_ir::authorities::AUTHORITIES;
use rng::Rng;
use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Every data item with a counting rule in the shipped spec, in the spec's order.
#[rustfmt::skip]
pub const CODES: [&str; 119] = [
    "AD/001", "AD/002a", "AD/002b", "AD/002c", "AD/003", "AD/004a", "AD/004b", "AD/004c",
    "AD/004d", "AD/004e", "AD/004f", "AD/004g", "AD/004h", "AD/004i", "AD/004j", "AD/004k",
    "AD/005", "AD/028", "AD/029a", "AD/029b", "AD/029c", "AD/029d", "AD/029e", "AD/029f",
    "AD/029g", "AD/029h", "AD/029i", "AD/029j", "AD/029k", "AD/030", "AD/031", "AD/039", "AD/040",
    "CH/001", "CH/002a", "CH/002b", "CH/002c", "CH/003", "CH/004a", "CH/004b", "CH/004c",
    "CH/004d", "CH/004e", "CH/004f", "CH/004g", "CH/004h", "CH/004i", "CH/004j", "CH/004k",
    "CH/005", "CH/012", "CH/015", "CH/020", "CH/021", "CH/022", "CH/024", "CH/025", "CH/026",
    "CH/027", "CH/028", "CH/036", "CH/038a", "CH/038b", "CH/038c", "CH/038d", "CH/038e", "CH/038f",
    "CH/038g", "CH/038h", "CH/038i", "CH/039", "CH/041", "CH/042", "CH/045", "CH/047", "CA/001",
    "CA/002a", "CA/002b", "CA/002c", "CA/003", "CA/004a", "CA/004b", "CA/004c", "CA/004d",
    "CA/004e", "CA/004f", "CA/004g", "CA/004h", "CA/004i", "CA/004j", "CA/004k", "CA/005",
    "CA/007", "CA/008", "CA/010", "CA/011", "CA/019", "CA/024", "CA/025a", "CA/025b", "CA/025c",
    "CA/026", "CA/027a", "CA/027b", "CA/027c", "CA/027d", "CA/027e", "CA/027f", "CA/027g",
    "CA/027h", "CA/027i", "CA/027j", "CA/027k", "CA/028", "CA/030", "CA/031", "CA/033", "CA/034",
    "CA/042",
];

/// Weights for the authorities' sizes, in `AUTHORITIES` order: their populations in thousands,
/// rounded (about mid-2020). Only proportions matter: each authority gets records in proportion
/// to its weight; these are not figures pmf publishes.
pub const WEIGHTS: [u32; 22] = [
    70, 125, 118, 96, 156, 136, 73, 126, 190, 247, 144, 147, 135, 369, 242, 182, 70, 94, 95, 157,
    133, 60,
];

/// Sizes of a year across Wales at scale 1 (pmf's own plausible choice, not official figures):
/// records placed in the year, before the awkward cases are added.
pub mod wales {
    pub const ADULT_CONTACTS: f64 = 150_000.0;
    pub const CHILD_CONTACTS: f64 = 60_000.0;
    pub const ADULT_CARER_CONTACTS: f64 = 9_000.0;
    pub const YOUNG_CARER_CONTACTS: f64 = 2_500.0;
    pub const CHILD_ASSESSMENTS: f64 = 25_000.0;
    pub const ADULT_ASSESSMENTS: f64 = 10_000.0;
    pub const ADULT_CARER_OFFERS: f64 = 7_000.0;
    pub const YOUNG_CARER_OFFERS: f64 = 1_500.0;
    pub const CHILD_PLANS: f64 = 3_500.0;
    pub const ADULT_PLANS: f64 = 4_000.0;
    pub const ADULT_CARER_PLANS: f64 = 1_200.0;
    pub const YOUNG_CARER_PLANS: f64 = 700.0;
    /// Children looked after at 31 March.
    pub const LOOKED_AFTER: f64 = 7_000.0;
    /// Children who stop being looked after during the year.
    pub const LEAVING_CARE: f64 = 1_800.0;
    pub const ON_REGISTER: f64 = 2_700.0;
    pub const DEREGISTERED: f64 = 2_800.0;
    pub const STRATEGY_DISCUSSIONS: f64 = 12_000.0;
    pub const ADULT_REPORTS: f64 = 12_000.0;
    pub const DOLS: f64 = 11_000.0;
}

/// The kinds of case record, as records.pmf declares them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Person,
    Contact,
    Assessment,
    Plan,
    Episode,
    Registration,
    StrategyDiscussion,
    Section47,
    Conference,
    CoreGroup,
    AdultReport,
    AdultEnquiry,
    CarerOffer,
    DolsApplication,
}

impl Kind {
    pub const ALL: [Kind; 14] = [
        Kind::Person,
        Kind::Contact,
        Kind::Assessment,
        Kind::Plan,
        Kind::Episode,
        Kind::Registration,
        Kind::StrategyDiscussion,
        Kind::Section47,
        Kind::Conference,
        Kind::CoreGroup,
        Kind::AdultReport,
        Kind::AdultEnquiry,
        Kind::CarerOffer,
        Kind::DolsApplication,
    ];

    /// The record's id in records.pmf, and its file's name without `.csv`.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Contact => "contact",
            Kind::Assessment => "assessment",
            Kind::Plan => "plan",
            Kind::Episode => "episode",
            Kind::Registration => "registration",
            Kind::StrategyDiscussion => "strategy_discussion",
            Kind::Section47 => "section_47",
            Kind::Conference => "conference",
            Kind::CoreGroup => "core_group",
            Kind::AdultReport => "adult_report",
            Kind::AdultEnquiry => "adult_enquiry",
            Kind::CarerOffer => "carer_offer",
            Kind::DolsApplication => "dols_application",
        }
    }

    /// The record's fields in records.pmf's order (a test holds this to the spec).
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Kind::Person => &["id", "date_of_birth", "gender"],
            Kind::Contact => &[
                "id", "person", "about", "received", "decided", "source", "outcome",
            ],
            Kind::Assessment => &["id", "person", "about", "referred", "completed", "outcome"],
            Kind::Plan => &[
                "id",
                "person",
                "about",
                "kind",
                "started",
                "ended",
                "direct_payments",
            ],
            Kind::Episode => &[
                "id",
                "person",
                "started",
                "ended",
                "reason",
                "legal_status",
                "placement",
                "end_reason",
            ],
            Kind::Registration => &["id", "person", "registered", "category", "deregistered"],
            Kind::StrategyDiscussion => &["id", "person", "held", "section_47"],
            Kind::Section47 => &["id", "person", "started", "completed", "conference"],
            Kind::Conference => &["id", "person", "strategy", "held"],
            Kind::CoreGroup => &["id", "person", "conference", "held"],
            Kind::AdultReport => &["id", "person", "received", "source", "enquiry"],
            Kind::AdultEnquiry => &["id", "person", "report_received", "completed"],
            Kind::CarerOffer => &["id", "person", "about", "offered", "response", "refusal"],
            Kind::DolsApplication => &["id", "person", "received", "authorised"],
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            Kind::Person => "P",
            Kind::Contact => "C",
            Kind::Assessment => "A",
            Kind::Plan => "PL",
            Kind::Episode => "E",
            Kind::Registration => "R",
            Kind::StrategyDiscussion => "SD",
            Kind::Section47 => "S",
            Kind::Conference => "IC",
            Kind::CoreGroup => "CG",
            Kind::AdultReport => "AR",
            Kind::AdultEnquiry => "AE",
            Kind::CarerOffer => "CO",
            Kind::DolsApplication => "DL",
        }
    }
}

/// Where the records go: one row at a time, `authority` first, then the kind's fields.
pub trait Sink {
    fn row(&mut self, kind: Kind, authority: &str, values: &[String]) -> io::Result<()>;
}

/// Every row in memory, by kind (for tests).
#[derive(Default)]
pub struct Memory {
    pub tables: BTreeMap<Kind, Vec<Vec<String>>>,
}

impl Sink for Memory {
    fn row(&mut self, kind: Kind, authority: &str, values: &[String]) -> io::Result<()> {
        let mut r = Vec::with_capacity(values.len() + 1);
        r.push(authority.to_string());
        r.extend(values.iter().cloned());
        self.tables.entry(kind).or_default().push(r);
        Ok(())
    }
}

/// One CSV file per kind in a folder: `DIR/<record>.csv`, header `authority,<fields>`.
pub struct CsvDir {
    files: Vec<(PathBuf, BufWriter<File>)>,
    rows: u64,
}

impl CsvDir {
    pub fn create(dir: &Path) -> Result<CsvDir, String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut files = Vec::new();
        for k in Kind::ALL {
            let path = dir.join(format!("{}.csv", k.id()));
            let f = File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let mut w = BufWriter::with_capacity(1 << 16, f);
            let mut header = vec!["authority"];
            header.extend(k.fields());
            writeln!(w, "{}", header.join(",")).map_err(|e| format!("{}: {e}", path.display()))?;
            files.push((path, w));
        }
        Ok(CsvDir { files, rows: 0 })
    }

    pub fn finish(self) -> Result<u64, String> {
        for (path, mut w) in self.files {
            w.flush().map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok(self.rows)
    }
}

/// A CSV field: quoted when it holds a comma, a quote or a line break.
pub fn csv_field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}

impl Sink for CsvDir {
    fn row(&mut self, kind: Kind, authority: &str, values: &[String]) -> io::Result<()> {
        let ix = Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        let w = &mut self.files[ix].1;
        w.write_all(csv_field(authority).as_bytes())?;
        for v in values {
            w.write_all(b",")?;
            w.write_all(csv_field(v).as_bytes())?;
        }
        w.write_all(b"\n")?;
        self.rows += 1;
        Ok(())
    }
}

/// What to generate.
#[derive(Clone, Debug)]
pub struct Options {
    /// The first year of the period: 2020 for `2020-21` (1 April 2020 to 31 March 2021).
    pub year: i32,
    pub seed: u64,
    /// 1 is a realistic year for Wales.
    pub scale: f64,
}

/// `2020-21` to 2020.
pub fn parse_period(s: &str) -> Result<i32, String> {
    let bad = || format!("--period {s}: expected a year such as 2020-21");
    let (a, b) = s.split_once('-').ok_or_else(bad)?;
    let y: i32 = a.parse().map_err(|_| bad())?;
    let n: i32 = b.parse().map_err(|_| bad())?;
    if a.len() != 4 || b.len() != 2 || (y + 1) % 100 != n {
        return Err(bad());
    }
    Ok(y)
}

/// The true figures: authority code, data item code, value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Truth {
    /// `[authority][code]`, in `AUTHORITIES` and `CODES` order.
    pub values: Vec<Vec<u64>>,
    /// How many of each awkward case were planted, by authority code and case name.
    pub planted: BTreeMap<(String, &'static str), u64>,
}

impl Truth {
    pub fn get(&self, authority: &str, code: &str) -> Option<u64> {
        let a = AUTHORITIES.iter().position(|x| x.code == authority)?;
        let c = CODES.iter().position(|x| *x == code)?;
        Some(self.values[a][c])
    }

    /// `authority,code,value`, one line per authority and data item.
    pub fn to_csv(&self) -> String {
        let mut s = String::from("authority,code,value\n");
        for (a, auth) in AUTHORITIES.iter().enumerate() {
            for (c, code) in CODES.iter().enumerate() {
                s.push_str(&format!("{},{},{}\n", auth.code, code, self.values[a][c]));
            }
        }
        s
    }

    pub fn planted_csv(&self) -> String {
        let mut s = String::from("authority,case,count\n");
        for ((a, case), n) in &self.planted {
            s.push_str(&format!("{a},{case},{n}\n"));
        }
        s
    }
}

/// Writes the records to `out`, then `out/truth.csv` and `out/planted.csv`; gives the truth
/// and the number of records written.
pub fn generate_dir(opts: &Options, out: &Path) -> Result<(Truth, u64), String> {
    check(opts, &Calendar::shipped())?;
    let mut sink = CsvDir::create(out)?;
    let truth = generate(opts, &mut sink)?;
    let rows = sink.finish()?;
    for (name, text) in [
        ("truth.csv", truth.to_csv()),
        ("planted.csv", truth.planted_csv()),
    ] {
        let p = out.join(name);
        std::fs::write(&p, text).map_err(|e| format!("{}: {e}", p.display()))?;
    }
    Ok((truth, rows))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cohort {
    Adult,
    Child,
    AdultCarer,
    YoungCarer,
}

impl Cohort {
    fn id(self) -> &'static str {
        match self {
            Cohort::Adult => "adult",
            Cohort::Child => "child",
            Cohort::AdultCarer => "adult_carer",
            Cohort::YoungCarer => "young_carer",
        }
    }

    /// Ages at the start of the period.
    fn ages(self) -> (i64, i64) {
        match self {
            Cohort::Adult => (18, 98),
            Cohort::Child => (0, 17),
            Cohort::AdultCarer => (18, 88),
            Cohort::YoungCarer => (7, 17),
        }
    }

    /// The data items a contact about this cohort counts in: total, outcome breakdown (the
    /// metric), timely, source breakdown (the metric), previous advice and assistance.
    fn contact_codes(self) -> [&'static str; 5] {
        match self {
            Cohort::Adult => ["AD/001", "AD/002", "AD/003", "AD/004", "AD/005"],
            Cohort::Child => ["CH/001", "CH/002", "CH/003", "CH/004", "CH/005"],
            Cohort::AdultCarer => ["CA/001", "CA/002", "CA/003", "CA/004", "CA/005"],
            Cohort::YoungCarer => ["CA/024", "CA/025", "CA/026", "CA/027", "CA/028"],
        }
    }

    /// The item letter of each outcome the breakdown counts.
    fn outcome_letter(self, outcome: &str) -> Option<&'static str> {
        match (self, outcome) {
            (_, "information_only") => Some("a"),
            (_, "advice_assistance") => Some("b"),
            (Cohort::Adult | Cohort::Child, "screened_out") => Some("c"),
            (Cohort::AdultCarer | Cohort::YoungCarer, "no_further_action") => Some("c"),
            _ => None,
        }
    }
}

const LETTERS: [&str; 11] = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"];

const CONTACT_SOURCES: [(usize, u32); 11] = [
    (0, 22),
    (1, 5),
    (2, 25),
    (3, 6),
    (4, 12),
    (5, 2),
    (6, 4),
    (7, 3),
    (8, 5),
    (9, 10),
    (10, 6),
];
const CONTACT_SOURCE_IDS: [&str; 11] = [
    "self_family",
    "friend_neighbour",
    "health",
    "education",
    "police",
    "probation",
    "housing",
    "early_intervention",
    "third_sector",
    "internal",
    "other",
];
const REPORT_SOURCE_IDS: [&str; 11] = [
    "self",
    "spouse_family",
    "friend_neighbour",
    "health",
    "police",
    "probation",
    "housing",
    "early_intervention",
    "third_sector",
    "internal",
    "other",
];
const CP_CATEGORIES: [&str; 9] = [
    "neglect",
    "physical",
    "sexual",
    "emotional",
    "financial",
    "neglect_physical",
    "physical_sexual",
    "neglect_sexual",
    "neglect_physical_sexual",
];
const LEGAL_STATUSES: [(&str, u32); 7] = [
    ("care_order", 45),
    ("interim_care_order", 14),
    ("placement_order", 8),
    ("accommodated", 20),
    ("short_breaks", 6),
    ("remand", 2),
    ("other", 5),
];
const PLACEMENTS: [(&str, u32); 7] = [
    ("foster", 55),
    ("kinship", 18),
    ("placed_for_adoption", 4),
    ("with_parents", 10),
    ("residential", 8),
    ("independent_living", 3),
    ("other", 2),
];
const END_REASONS: [(&str, u32); 5] = [
    ("returned_home", 40),
    ("adopted", 12),
    ("special_guardianship", 12),
    ("turned_18", 20),
    ("other", 16),
];

fn dt(d: Date, minutes: u32) -> String {
    format!("{d}T{:02}:{:02}:00", minutes / 60, minutes % 60)
}

fn opt(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

#[derive(Clone, Copy)]
struct Person {
    id: u64,
    born: Date,
    gender: Option<&'static str>,
}

/// One contact as planned, with the facts it was made to have.
struct Contact {
    person: u64,
    about: Cohort,
    received: (Date, u32),
    decided: Option<(Date, u32)>,
    source: usize,
    outcome: Option<&'static str>,
    /// Decided within one working day of receipt (records.md), by construction.
    timely: bool,
    /// An earlier contact for the same person in this authority was helped with advice and
    /// assistance and received within 12 months before this one, by construction.
    repeat: bool,
}

/// One period of care as planned: its start, its end (date and reason) if it ended, and the
/// dates a new episode started within it (with the reason, when a planted case fixes it).
struct Care {
    start: Date,
    end: Option<(Date, &'static str)>,
    cuts: Vec<(Date, Option<&'static str>)>,
    status: Option<&'static str>,
}

struct Registration {
    registered: Date,
    deregistered: Option<Date>,
    category: usize,
    /// Registered again within 12 months of an earlier removal, by construction.
    again: bool,
}

struct Gen<'s> {
    cal: Calendar,
    p0: Date,
    p1: Date,
    rng: Rng,
    sink: &'s mut dyn Sink,
    next: [u64; 14],
    values: Vec<Vec<u64>>,
    code_ix: BTreeMap<&'static str, usize>,
    planted: BTreeMap<(String, &'static str), u64>,
    /// Authority index being generated.
    a: usize,
    scale: f64,
}

/// Refuses a scale that is not a positive number, and a period the calendar cannot hold.
fn check(opts: &Options, cal: &Calendar) -> Result<(), String> {
    if !(opts.scale > 0.0 && opts.scale.is_finite()) {
        return Err(format!(
            "--scale {}: expected a positive number",
            opts.scale
        ));
    }
    let p0 = Date::ymd(opts.year, 4, 1);
    let p1 = Date::ymd(opts.year + 1, 3, 31);
    if p0.add_days(-420) < cal.first || p1.add_days(250) > cal.last {
        return Err(format!(
            "--period {}-{:02}: the calendar in records.pmf covers {} to {}, and the records reach about 14 months before the period and 8 months after it",
            opts.year,
            (opts.year + 1) % 100,
            cal.first,
            cal.last
        ));
    }
    Ok(())
}

pub fn generate(opts: &Options, sink: &mut dyn Sink) -> Result<Truth, String> {
    let cal = Calendar::shipped();
    check(opts, &cal)?;
    let p0 = Date::ymd(opts.year, 4, 1);
    let p1 = Date::ymd(opts.year + 1, 3, 31);
    let mut g = Gen {
        cal,
        p0,
        p1,
        rng: Rng::new(opts.seed),
        sink,
        next: [0; 14],
        values: vec![vec![0; CODES.len()]; AUTHORITIES.len()],
        code_ix: CODES.iter().enumerate().map(|(i, c)| (*c, i)).collect(),
        planted: BTreeMap::new(),
        a: 0,
        scale: opts.scale,
    };
    for a in 0..AUTHORITIES.len() {
        g.a = a;
        g.rng = Rng::derive(opts.seed, a as u64 + 1);
        g.authority()
            .map_err(|e| format!("writing the records: {e}"))?;
    }
    g.rng = Rng::derive(opts.seed, 1000);
    g.movers()
        .map_err(|e| format!("writing the records: {e}"))?;
    Ok(Truth {
        values: g.values,
        planted: g.planted,
    })
}

impl Gen<'_> {
    fn auth(&self) -> &'static str {
        AUTHORITIES[self.a].code
    }

    fn count(&mut self, code: &str) {
        let c = *self
            .code_ix
            .get(code)
            .unwrap_or_else(|| panic!("{code} is not a data item with a counting rule"));
        self.values[self.a][c] += 1;
    }

    fn plant(&mut self, case: &'static str) {
        *self
            .planted
            .entry((self.auth().to_string(), case))
            .or_default() += 1;
    }

    fn in_period(&self, d: Date) -> bool {
        d >= self.p0 && d <= self.p1
    }

    /// How many records of a kind this authority gets for a Wales-wide figure at scale 1.
    fn size(&self, wales: f64) -> usize {
        let total: u32 = WEIGHTS.iter().sum();
        (wales * self.scale * WEIGHTS[self.a] as f64 / total as f64).round() as usize
    }

    fn id(&mut self, k: Kind) -> String {
        let ix = Kind::ALL.iter().position(|x| *x == k).unwrap_or(0);
        self.next[ix] += 1;
        format!("{}{:08}", k.prefix(), self.next[ix])
    }

    fn emit(&mut self, k: Kind, values: &[String]) -> io::Result<()> {
        let auth = AUTHORITIES[self.a].code;
        self.sink.row(k, auth, values)
    }

    fn date_in(&mut self, lo: Date, hi: Date) -> Date {
        Date(self.rng.range(lo.0 as i64, hi.0.max(lo.0) as i64) as i32)
    }

    /// A date in the range, weekends and bank holidays a quarter as likely as working days.
    fn busy_date_in(&mut self, lo: Date, hi: Date) -> Date {
        for _ in 0..8 {
            let d = self.date_in(lo, hi);
            if self.cal.is_working(d) || self.rng.chance(0.25) {
                return d;
            }
        }
        self.date_in(lo, hi)
    }

    fn minutes(&mut self, d: Date) -> u32 {
        if self.cal.is_working(d) {
            self.rng.range(8 * 60, 18 * 60 + 59) as u32
        } else {
            self.rng.range(0, 23 * 60 + 59) as u32
        }
    }

    fn new_person(&mut self, ages: (i64, i64)) -> io::Result<Person> {
        let age = self.rng.range(ages.0, ages.1);
        let born = self
            .p0
            .add_months(-(age as i32) * 12)
            .add_days(-(self.rng.range(0, 364) as i32));
        let gender = self.rng.weighted(&[
            (Some("female"), 50),
            (Some("male"), 46),
            (Some("other"), 1),
            (None, 3),
        ]);
        let ix = Kind::ALL
            .iter()
            .position(|x| *x == Kind::Person)
            .unwrap_or(0);
        self.next[ix] += 1;
        let p = Person {
            id: self.next[ix],
            born,
            gender,
        };
        self.write_person(&p)?;
        Ok(p)
    }

    fn write_person(&mut self, p: &Person) -> io::Result<()> {
        let v = [
            format!("P{:08}", p.id),
            p.born.to_string(),
            p.gender.unwrap_or_default().to_string(),
        ];
        self.emit(Kind::Person, &v)
    }

    fn authority(&mut self) -> io::Result<()> {
        for cohort in [
            Cohort::Adult,
            Cohort::Child,
            Cohort::AdultCarer,
            Cohort::YoungCarer,
        ] {
            let target = self.size(match cohort {
                Cohort::Adult => wales::ADULT_CONTACTS,
                Cohort::Child => wales::CHILD_CONTACTS,
                Cohort::AdultCarer => wales::ADULT_CARER_CONTACTS,
                Cohort::YoungCarer => wales::YOUNG_CARER_CONTACTS,
            });
            let mut n = 0;
            while n < target {
                n += self.contact_history(cohort)?;
            }
            self.plant_contacts(cohort)?;
        }
        self.assessments()?;
        self.carers()?;
        self.plans()?;
        self.looked_after()?;
        self.register()?;
        self.child_protection()?;
        self.adult_safeguarding()?;
        self.dols()?;
        self.birthdays()?;
        Ok(())
    }

    // ---- Contacts --------------------------------------------------------------------------

    fn outcome(&mut self, cohort: Cohort) -> Option<&'static str> {
        let w: &[(Option<&'static str>, u32)] = match cohort {
            Cohort::Adult => &[
                (Some("information_only"), 35),
                (Some("advice_assistance"), 30),
                (Some("screened_out"), 10),
                (Some("no_further_action"), 15),
                (None, 10),
            ],
            Cohort::Child => &[
                (Some("information_only"), 25),
                (Some("advice_assistance"), 25),
                (Some("screened_out"), 10),
                (Some("no_further_action"), 25),
                (None, 15),
            ],
            _ => &[
                (Some("information_only"), 35),
                (Some("advice_assistance"), 35),
                (Some("no_further_action"), 15),
                (Some("screened_out"), 5),
                (None, 10),
            ],
        };
        self.rng.weighted(w)
    }

    /// A decision `k` working days after the receipt: the first date with that working-day
    /// distance mostly, sometimes a later one with the same number (a weekend after it).
    fn decide_at(&mut self, received: (Date, u32), k: u32) -> (Date, u32) {
        let (lo, hi) = self.cal.offset_range(received.0, k);
        let d = if self.rng.chance(0.85) {
            lo
        } else {
            self.date_in(lo, hi)
        };
        let m = if d == received.0 {
            received.1 + self.rng.range(0, (23 * 60 + 59 - received.1) as i64) as u32
        } else {
            self.minutes(d)
        };
        (d, m)
    }

    /// Decides whether the contact is decided in time (or at all), then draws the decision.
    fn decision(&mut self, received: (Date, u32)) -> (Option<(Date, u32)>, bool) {
        match self.rng.weighted(&[(0u8, 5), (1, 75), (2, 20)]) {
            0 => (None, false),
            1 => {
                let k = self.rng.weighted(&[(0u32, 55), (1, 45)]);
                (Some(self.decide_at(received, k)), true)
            }
            _ => {
                let k = self.rng.range(2, 8) as u32;
                (Some(self.decide_at(received, k)), false)
            }
        }
    }

    fn write_contact(&mut self, c: &Contact) -> io::Result<()> {
        let id = self.id(Kind::Contact);
        let v = [
            id,
            format!("P{:08}", c.person),
            c.about.id().to_string(),
            dt(c.received.0, c.received.1),
            c.decided.map(|(d, m)| dt(d, m)).unwrap_or_default(),
            CONTACT_SOURCE_IDS[c.source].to_string(),
            c.outcome.unwrap_or_default().to_string(),
        ];
        self.emit(Kind::Contact, &v)?;
        if self.in_period(c.received.0) {
            let [total, outcomes, timely, sources, repeat] = c.about.contact_codes();
            self.count(total);
            if let Some(l) = c.outcome.and_then(|o| c.about.outcome_letter(o)) {
                self.count(&format!("{outcomes}{l}"));
            }
            let helped = matches!(c.outcome, Some("information_only" | "advice_assistance"));
            if c.timely && (c.about == Cohort::Child || helped) {
                self.count(timely);
            }
            self.count(&format!("{sources}{}", LETTERS[c.source]));
            if c.repeat {
                self.count(repeat);
            }
        }
        Ok(())
    }

    /// A contact with a drawn source, outcome and decision.
    fn contact(
        &mut self,
        person: u64,
        about: Cohort,
        received: (Date, u32),
        outcome: Option<&'static str>,
        repeat: bool,
    ) -> io::Result<()> {
        let (decided, timely) = self.decision(received);
        let source = self.rng.weighted(&CONTACT_SOURCES);
        self.write_contact(&Contact {
            person,
            about,
            received,
            decided,
            source,
            outcome,
            timely,
            repeat,
        })
    }

    /// One person's contacts: one to three, the first anywhere from a year before the period
    /// to a month after it. For each later contact it first decides whether an earlier contact
    /// helped with advice and assistance was received in the 12 months before, then draws the
    /// date to make it so. Gives the number of contacts received in the period.
    fn contact_history(&mut self, cohort: Cohort) -> io::Result<usize> {
        let p = self.new_person(cohort.ages())?;
        let n = self.rng.weighted(&[(1u32, 75), (2, 20), (3, 5)]);
        let limit = self.p1.add_days(30);
        let mut last: Option<Date> = None;
        let mut last_aa: Option<Date> = None;
        let mut in_period = 0;
        for _ in 0..n {
            let (date, repeat) = match (last, last_aa) {
                (None, _) => (self.busy_date_in(self.p0.add_days(-365), limit), false),
                (Some(prev), Some(f)) => {
                    let edge = f.add_months(12);
                    let lo = prev.add_days(1);
                    if lo <= edge.min(limit) && self.rng.chance(0.5) {
                        (self.busy_date_in(lo, edge.min(limit)), true)
                    } else {
                        let lo = lo.max(edge.add_days(1));
                        if lo > limit {
                            break;
                        }
                        (self.busy_date_in(lo, lo.add_days(300).min(limit)), false)
                    }
                }
                (Some(prev), None) => {
                    if prev >= limit {
                        break;
                    }
                    (
                        self.busy_date_in(prev.add_days(1), prev.add_days(300).min(limit)),
                        false,
                    )
                }
            };
            if date > limit {
                break;
            }
            let outcome = self.outcome(cohort);
            let m = self.minutes(date);
            self.contact(p.id, cohort, (date, m), outcome, repeat)?;
            if self.in_period(date) {
                in_period += 1;
            }
            last = Some(date);
            if outcome == Some("advice_assistance") {
                last_aa = Some(date);
            }
        }
        Ok(in_period)
    }

    /// Fridays (or any working day) in the period whose next working day is at least four days
    /// later: the day before a bank holiday weekend.
    fn before_long_weekends(&self) -> Vec<Date> {
        let mut out = Vec::new();
        let mut d = self.p0;
        while d <= self.p1 {
            if self.cal.is_working(d) && self.cal.offset_range(d, 1).0 .0 - d.0 >= 4 {
                out.push(d);
            }
            d = d.add_days(1);
        }
        out
    }

    fn plant_contacts(&mut self, cohort: Cohort) -> io::Result<()> {
        let long = self.before_long_weekends();
        for _ in 0..2 {
            // Received on the working day before a bank holiday weekend, late in the day:
            // decided on the bank holiday (day 0), on the next working day (day 1, in time),
            // and on the working day after that (day 2, late).
            let f = long[self.rng.below(long.len() as u64) as usize];
            for (k, timely) in [(0u32, true), (1, true), (2, false)] {
                let p = self.new_person(cohort.ages())?;
                let received = (f, 16 * 60 + 45);
                let (lo, hi) = self.cal.offset_range(f, k);
                let day = if k == 0 { hi } else { lo };
                let source = self.rng.weighted(&CONTACT_SOURCES);
                self.write_contact(&Contact {
                    person: p.id,
                    about: cohort,
                    received,
                    decided: Some((day, if day == f { 17 * 60 } else { 10 * 60 })),
                    source,
                    outcome: Some("advice_assistance"),
                    timely,
                    repeat: false,
                })?;
                self.plant("contact before a bank holiday weekend");
            }
            // Received on a Saturday: counted from the Friday, so Monday (or the next working
            // day) is in time, and the working day after it is late; decided on the Sunday is
            // day 0.
            let sat = {
                let d = self.date_in(self.p0, self.p1.add_days(-14));
                d.add_days((5 - d.weekday() as i32).rem_euclid(7))
            };
            for (k, timely, sunday) in [(0u32, true, true), (1, true, false), (2, false, false)] {
                let p = self.new_person(cohort.ages())?;
                let received = (sat, 11 * 60 + 20);
                let day = if sunday {
                    sat.add_days(1)
                } else {
                    self.cal.offset_range(sat, k).0
                };
                let source = self.rng.weighted(&CONTACT_SOURCES);
                self.write_contact(&Contact {
                    person: p.id,
                    about: cohort,
                    received,
                    decided: Some((day, 9 * 60 + 5)),
                    source,
                    outcome: Some("information_only"),
                    timely,
                    repeat: false,
                })?;
                self.plant("contact on a Saturday");
            }
            // No decision time and no outcome: counted in the total only.
            let p = self.new_person(cohort.ages())?;
            let d = self.date_in(self.p0, self.p1);
            let source = self.rng.weighted(&CONTACT_SOURCES);
            self.write_contact(&Contact {
                person: p.id,
                about: cohort,
                received: (d, 12 * 60),
                decided: None,
                source,
                outcome: None,
                timely: false,
                repeat: false,
            })?;
            self.plant("contact with empty optional fields");
            // The edges of the period: the last minute of 31 March (in), the first minute of
            // 1 April after it (out), the last minute of 31 March before it (out), midnight on
            // 1 April (in).
            for (d, m) in [
                (self.p1, 23 * 60 + 59),
                (self.p1.add_days(1), 0),
                (self.p0.add_days(-1), 23 * 60 + 59),
                (self.p0, 0),
            ] {
                let p = self.new_person(cohort.ages())?;
                let outcome = self.outcome(cohort);
                self.contact(p.id, cohort, (d, m), outcome, false)?;
                self.plant("contact on the edge of the period");
            }
            // Advice and assistance before, then a contact 11 months (yes), exactly 12 months
            // (yes), 12 months and a day (no) and 13 months (no) later.
            for (months, extra, yes) in
                [(11, 0, true), (12, 0, true), (12, 1, false), (13, 0, false)]
            {
                let p = self.new_person(cohort.ages())?;
                let g = self.date_in(self.p0.add_days(20), self.p1.add_days(-20));
                let mut f = g.add_days(-extra).add_months(-months);
                // Month arithmetic is not reversible at month ends: step until f + months is g.
                while f.add_months(months).add_days(extra) > g {
                    f = f.add_days(-1);
                }
                let g = f.add_months(months).add_days(extra);
                self.contact(p.id, cohort, (f, 10 * 60), Some("advice_assistance"), false)?;
                let outcome = self.outcome(cohort);
                self.contact(p.id, cohort, (g, 14 * 60), outcome, yes)?;
                self.plant(if yes {
                    "contact after advice within 12 months"
                } else {
                    "contact after advice more than 12 months before"
                });
            }
            // An earlier contact that was not advice and assistance does not count.
            let p = self.new_person(cohort.ages())?;
            let g = self.date_in(self.p0.add_days(90), self.p1);
            self.contact(
                p.id,
                cohort,
                (g.add_days(-60), 9 * 60),
                Some("information_only"),
                false,
            )?;
            self.contact(p.id, cohort, (g, 9 * 60), Some("advice_assistance"), false)?;
            self.plant("contact after a contact that was not advice");
            // Carers: the earlier advice was given on a contact about the person as an adult
            // (or a child); it is the same person, so it counts.
            if matches!(cohort, Cohort::AdultCarer | Cohort::YoungCarer) {
                let first = if cohort == Cohort::AdultCarer {
                    Cohort::Adult
                } else {
                    Cohort::Child
                };
                let p = self.new_person(cohort.ages())?;
                let g = self.date_in(self.p0.add_days(90), self.p1);
                self.contact(
                    p.id,
                    first,
                    (g.add_days(-45), 9 * 60),
                    Some("advice_assistance"),
                    false,
                )?;
                self.contact(p.id, cohort, (g, 9 * 60), Some("information_only"), true)?;
                self.plant("carer contact after advice about another cohort");
            }
        }
        // 29 February: advice then, a contact on 28 February a year later (12 months: yes) and
        // one on 1 March (no).
        let leap = (self.p0.add_months(-12).0..=self.p1.add_months(-12).0)
            .map(Date)
            .find(|d| d.to_ymd().1 == 2 && d.to_ymd().2 == 29);
        if let Some(f) = leap {
            for (g, yes) in [
                (f.add_months(12), true),
                (f.add_months(12).add_days(1), false),
            ] {
                if !self.in_period(g) {
                    continue;
                }
                let p = self.new_person(cohort.ages())?;
                self.contact(p.id, cohort, (f, 11 * 60), Some("advice_assistance"), false)?;
                let outcome = self.outcome(cohort);
                self.contact(p.id, cohort, (g, 11 * 60), outcome, yes)?;
                self.plant("contact a year after advice on 29 February");
            }
        }
        Ok(())
    }

    // ---- Assessments -------------------------------------------------------------------------

    /// A child's assessment completed on `completed`, `k` working days after the referral.
    fn child_assessment(
        &mut self,
        completed: Option<Date>,
        referred: Date,
        timely: bool,
    ) -> io::Result<()> {
        let p = self.new_person(Cohort::Child.ages())?;
        let id = self.id(Kind::Assessment);
        let outcome = self.rng.weighted(&[
            (Some("comprehensive"), 30),
            (Some("nfa"), 20),
            (Some("iaa"), 10),
            (Some("preventative"), 10),
            (Some("care_support_plan"), 15),
            (Some("child_protection"), 5),
            (None, 10),
        ]);
        self.emit(
            Kind::Assessment,
            &[
                id,
                format!("P{:08}", p.id),
                "child".into(),
                referred.to_string(),
                opt(completed),
                outcome.unwrap_or_default().into(),
            ],
        )?;
        if let Some(c) = completed {
            if self.in_period(c) && timely {
                self.count("CH/012");
            }
        }
        Ok(())
    }

    fn assessments(&mut self) -> io::Result<()> {
        for _ in 0..self.size(wales::CHILD_ASSESSMENTS) {
            // Decide where the completion falls and whether it is in time, then draw the
            // completion and count the referral back from it.
            let class = self.rng.weighted(&[(0u8, 80), (1, 8), (2, 6), (3, 6)]);
            let timely = self.rng.chance(0.8);
            let k = if timely {
                self.rng.range(5, 42) as u32
            } else {
                self.rng.range(43, 80) as u32
            };
            let (completed, referred) = match class {
                0 => {
                    let c = self.busy_date_in(self.p0, self.p1);
                    (Some(c), self.cal.back(c, k))
                }
                1 => {
                    let c = self.busy_date_in(self.p0.add_days(-60), self.p0.add_days(-1));
                    (Some(c), self.cal.back(c, k))
                }
                2 => {
                    let c = self.busy_date_in(self.p1.add_days(1), self.p1.add_days(60));
                    (Some(c), self.cal.back(c, k))
                }
                _ => (None, self.date_in(self.p1.add_days(-100), self.p1)),
            };
            self.child_assessment(completed, referred, timely)?;
        }
        for _ in 0..2 {
            // Exactly 42 working days (in time), 43 (late), and the Saturday after the 42nd
            // working day (the same working-day number: in time).
            let r = self.date_in(self.p0.add_days(10), self.p1.add_days(-90));
            let c42 = self.cal.offset_range(r, 42);
            self.child_assessment(Some(c42.0), r, true)?;
            let c43 = self.cal.offset_range(r, 43).0;
            self.child_assessment(Some(c43), r, false)?;
            let weekend = self.date_in(self.p0.add_days(10), self.p1.add_days(-90));
            let w = weekend.add_days((5 - weekend.weekday() as i32).rem_euclid(7));
            let r2 = self.cal.back(w, 42);
            self.child_assessment(Some(w), r2, true)?;
            // Referred before the period, completed in it (counted); completed on 31 March
            // (counted) and on 1 April after (not).
            let c = self.p0.add_days(self.rng.range(0, 20) as i32);
            self.child_assessment(Some(c), self.cal.back(c, 30), true)?;
            self.child_assessment(Some(self.p1), self.cal.back(self.p1, 20), true)?;
            let after = self.p1.add_days(1);
            self.child_assessment(Some(after), self.cal.back(after, 20), true)?;
            // Not completed: the optional field empty.
            let r = self.date_in(self.p0, self.p1);
            self.child_assessment(None, r, false)?;
            for _ in 0..7 {
                self.plant("assessment on a working-day or period boundary");
            }
        }
        // Adults' assessments: no metric counts them (noise for the filters).
        for _ in 0..self.size(wales::ADULT_ASSESSMENTS) {
            let p = self.new_person(Cohort::Adult.ages())?;
            let id = self.id(Kind::Assessment);
            let r = self.busy_date_in(self.p0.add_days(-60), self.p1);
            let c = if self.rng.chance(0.85) {
                Some(r.add_days(self.rng.range(1, 90) as i32))
            } else {
                None
            };
            self.emit(
                Kind::Assessment,
                &[
                    id,
                    format!("P{:08}", p.id),
                    "adult".into(),
                    r.to_string(),
                    opt(c),
                    if c.is_some() {
                        "care_support_plan".into()
                    } else {
                        String::new()
                    },
                ],
            )?;
        }
        Ok(())
    }

    // ---- Carers' offers and assessments ------------------------------------------------------

    fn offer(
        &mut self,
        p: &Person,
        cohort: Cohort,
        offered: Date,
        response: Option<&'static str>,
    ) -> io::Result<()> {
        let id = self.id(Kind::CarerOffer);
        let refusal = if response == Some("refused") {
            self.rng.weighted(&[
                (Some("not_want"), 25),
                (
                    Some("parents_not_want"),
                    if cohort == Cohort::YoungCarer { 10 } else { 0 },
                ),
                (Some("no_time"), 10),
                (Some("cope"), 25),
                (Some("not_now"), 15),
                (Some("support_networks"), 10),
                (Some("other"), 5),
                (None, 10),
            ])
        } else {
            None
        };
        self.emit(
            Kind::CarerOffer,
            &[
                id,
                format!("P{:08}", p.id),
                cohort.id().into(),
                offered.to_string(),
                response.unwrap_or_default().into(),
                refusal.unwrap_or_default().into(),
            ],
        )?;
        if self.in_period(offered) {
            let (made, refused, accepted) = if cohort == Cohort::AdultCarer {
                ("CA/007", "CA/008", "CA/010")
            } else {
                ("CA/030", "CA/031", "CA/033")
            };
            self.count(made);
            match response {
                Some("refused") => self.count(refused),
                Some("accepted") => self.count(accepted),
                _ => {}
            }
        }
        Ok(())
    }

    fn carer_assessment(
        &mut self,
        p: &Person,
        cohort: Cohort,
        referred: Date,
        completed: Option<Date>,
    ) -> io::Result<()> {
        let id = self.id(Kind::Assessment);
        self.emit(
            Kind::Assessment,
            &[
                id,
                format!("P{:08}", p.id),
                cohort.id().into(),
                referred.to_string(),
                opt(completed),
                if completed.is_some() {
                    "support_plan".into()
                } else {
                    String::new()
                },
            ],
        )?;
        if completed.is_some_and(|c| self.in_period(c)) {
            self.count(if cohort == Cohort::AdultCarer {
                "CA/011"
            } else {
                "CA/034"
            });
        }
        Ok(())
    }

    fn carers(&mut self) -> io::Result<()> {
        for (cohort, wales) in [
            (Cohort::AdultCarer, wales::ADULT_CARER_OFFERS),
            (Cohort::YoungCarer, wales::YOUNG_CARER_OFFERS),
        ] {
            // Offers made in the period; each accepted one leads to an assessment that is
            // decided to be completed in the period, after it, or not yet.
            let n = self.size(wales) + 3;
            let mut accepted = 0u64;
            let mut completed = 0u64;
            for i in 0..n {
                let p = self.new_person(cohort.ages())?;
                let offered = match i {
                    0 => self.p0,
                    1 => self.p1,
                    _ => self.date_in(self.p0, self.p1),
                };
                let response = if i < 2 {
                    Some("accepted")
                } else {
                    self.rng
                        .weighted(&[(Some("accepted"), 60), (Some("refused"), 30), (None, 10)])
                };
                self.offer(&p, cohort, offered, response)?;
                if response != Some("accepted") {
                    continue;
                }
                accepted += 1;
                let room = self.p1.0 - offered.0;
                let c = if room >= 5 && self.rng.chance(0.75) {
                    completed += 1;
                    Some(offered.add_days(self.rng.range(5, room.min(90) as i64) as i32))
                } else if self.rng.chance(0.7) {
                    Some(
                        self.p1
                            .add_days(self.rng.range(1, 60) as i32)
                            .max(offered.add_days(5)),
                    )
                } else {
                    None
                };
                self.carer_assessment(&p, cohort, offered, c)?;
            }
            // Offers made in the three months before the period: their assessments complete in
            // it only as far as the accepted offers of the period leave room (the return says
            // the completed assessments are among the accepted offers).
            let before = self.size(wales / 4.0) + 2;
            let mut room = accepted - completed;
            for i in 0..before {
                let p = self.new_person(cohort.ages())?;
                let offered = if i == 0 {
                    self.p0.add_days(-1)
                } else {
                    self.date_in(self.p0.add_days(-90), self.p0.add_days(-1))
                };
                let response =
                    self.rng
                        .weighted(&[(Some("accepted"), 60), (Some("refused"), 30), (None, 10)]);
                self.offer(&p, cohort, offered, response)?;
                if response != Some("accepted") {
                    continue;
                }
                let c = if room > 0 && self.rng.chance(0.6) {
                    room -= 1;
                    Some(self.date_in(self.p0, offered.add_days(90).max(self.p0)))
                } else if offered.add_days(1) < self.p0 {
                    Some(self.date_in(offered.add_days(1), self.p0.add_days(-1)))
                } else {
                    None
                };
                self.carer_assessment(&p, cohort, offered, c)?;
            }
            // An offer made after the period.
            let p = self.new_person(cohort.ages())?;
            self.offer(&p, cohort, self.p1.add_days(1), Some("refused"))?;
            for _ in 0..3 {
                self.plant("carer offer on the edge of the period");
            }
        }
        Ok(())
    }

    // ---- Plans ---------------------------------------------------------------------------------

    fn write_plan(
        &mut self,
        person: u64,
        about: Cohort,
        kind: &'static str,
        started: Date,
        ended: Option<Date>,
    ) -> io::Result<()> {
        let id = self.id(Kind::Plan);
        let dp = if about == Cohort::Adult && self.rng.chance(0.2) {
            let hi = ended.unwrap_or(self.p1).max(started);
            Some(self.date_in(started, hi))
        } else {
            None
        };
        self.emit(
            Kind::Plan,
            &[
                id,
                format!("P{person:08}"),
                about.id().into(),
                kind.into(),
                started.to_string(),
                opt(ended),
                opt(dp),
            ],
        )
    }

    fn plan_code(about: Cohort, kind: &str) -> Option<&'static str> {
        match (about, kind) {
            (Cohort::Child, "care_support") => Some("CH/015"),
            (Cohort::AdultCarer, "support") => Some("CA/019"),
            (Cohort::YoungCarer, "support") => Some("CA/042"),
            _ => None,
        }
    }

    /// One person's plans, decided first to be open at 31 March or not.
    fn plan_person(&mut self, about: Cohort, kind: &'static str, open: bool) -> io::Result<Person> {
        let p = self.new_person(about.ages())?;
        if open {
            let started = self.date_in(self.p1.add_days(-1500), self.p1);
            let ended = if self.rng.chance(0.8) {
                None
            } else {
                Some(self.date_in(self.p1.add_days(1), self.p1.add_days(200)))
            };
            self.write_plan(p.id, about, kind, started, ended)?;
            if self.rng.chance(0.1) {
                // A second plan open at the same time: the person is counted once.
                let s2 = self.date_in(started, self.p1);
                self.write_plan(p.id, about, kind, s2, None)?;
            }
            if let Some(code) = Self::plan_code(about, kind) {
                self.count(code);
            }
        } else if self.rng.chance(0.7) {
            // Ended on or before 31 March.
            let ended = self.date_in(self.p0.add_days(-300), self.p1);
            let started = self.date_in(ended.add_days(-900), ended);
            self.write_plan(p.id, about, kind, started, Some(ended))?;
        } else {
            // Starts after the period.
            let started = self.date_in(self.p1.add_days(1), self.p1.add_days(90));
            self.write_plan(p.id, about, kind, started, None)?;
        }
        Ok(p)
    }

    fn plans(&mut self) -> io::Result<()> {
        for (about, kind, wales) in [
            (Cohort::Child, "care_support", wales::CHILD_PLANS),
            (Cohort::Adult, "care_support", wales::ADULT_PLANS),
            (Cohort::AdultCarer, "support", wales::ADULT_CARER_PLANS),
            (Cohort::YoungCarer, "support", wales::YOUNG_CARER_PLANS),
        ] {
            for _ in 0..self.size(wales) {
                self.plan_person(about, kind, true)?;
            }
            for _ in 0..self.size(wales * 0.4) {
                self.plan_person(about, kind, false)?;
            }
            for _ in 0..2 {
                // Ended on 31 March (not open), started on 31 March (open), ended on 1 April
                // after (open), a carer with a care and support plan of their own (not a
                // support plan: not counted).
                let p = self.new_person(about.ages())?;
                self.write_plan(p.id, about, kind, self.p0.add_days(-200), Some(self.p1))?;
                let p = self.new_person(about.ages())?;
                self.write_plan(p.id, about, kind, self.p1, None)?;
                let p2 = self.new_person(about.ages())?;
                self.write_plan(p2.id, about, kind, self.p0, Some(self.p1.add_days(1)))?;
                if let Some(code) = Self::plan_code(about, kind) {
                    self.count(code);
                    self.count(code);
                }
                if matches!(about, Cohort::AdultCarer | Cohort::YoungCarer) {
                    let p = self.new_person(about.ages())?;
                    self.write_plan(p.id, about, "care_support", self.p0, None)?;
                }
                for _ in 0..3 {
                    self.plant("plan on the edge of 31 March");
                }
            }
        }
        Ok(())
    }

    // ---- Looked after children ---------------------------------------------------------------

    /// Writes one child's episodes and counts the child (once per authority) in what the
    /// planned history makes true.
    fn care_history(&mut self, p: &Person, cares: &[Care]) -> io::Result<()> {
        let (p0, p1) = (self.p0, self.p1);
        let mut started_in_year = false;
        let mut open_status: Option<&'static str> = None;
        let mut placements = 0;
        let mut returned_home = false;
        for care in cares {
            let mut bounds: Vec<(Date, &'static str)> = vec![(care.start, "started_care")];
            for (d, forced) in &care.cuts {
                let reason = match forced {
                    Some(r) => r,
                    None => self.rng.weighted(&[
                        ("placement_change", 60),
                        ("status_change", 20),
                        ("both_change", 20),
                    ]),
                };
                bounds.push((*d, reason));
            }
            let mut status = match care.status {
                Some(s) => s,
                None => self.rng.weighted(&LEGAL_STATUSES),
            };
            let mut placement = self.rng.weighted(&PLACEMENTS);
            for i in 0..bounds.len() {
                let (started, reason) = bounds[i];
                if i > 0 {
                    if matches!(reason, "status_change" | "both_change") {
                        let old = status;
                        while status == old {
                            status = self.rng.weighted(&LEGAL_STATUSES);
                        }
                    }
                    if matches!(reason, "placement_change" | "both_change") {
                        let old = placement;
                        while placement == old {
                            placement = self.rng.weighted(&PLACEMENTS);
                        }
                    }
                }
                let (ended, end_reason) = match bounds.get(i + 1) {
                    Some((d, _)) => (Some(*d), Some("new_episode")),
                    None => match care.end {
                        Some((d, r)) => (Some(d), Some(r)),
                        None => (None, None),
                    },
                };
                let id = self.id(Kind::Episode);
                self.emit(
                    Kind::Episode,
                    &[
                        id,
                        format!("P{:08}", p.id),
                        started.to_string(),
                        opt(ended),
                        reason.into(),
                        status.into(),
                        placement.into(),
                        end_reason.unwrap_or_default().into(),
                    ],
                )?;
                // What this planned episode counts in, read off the plan as it is written.
                if reason == "started_care" && started >= p0 && started <= p1 {
                    started_in_year = true;
                }
                if started <= p1 && ended.is_none_or(|e| e > p1) {
                    open_status = Some(status);
                }
                if started <= p1
                    && ended.is_none_or(|e| e >= p0)
                    && matches!(reason, "started_care" | "placement_change" | "both_change")
                {
                    placements += 1;
                }
                if end_reason == Some("returned_home") && ended.is_some_and(|e| e >= p0 && e <= p1)
                {
                    returned_home = true;
                }
            }
        }
        if started_in_year {
            self.count("CH/039");
        }
        if let Some(s) = open_status {
            self.count("CH/041");
            if s == "short_breaks" {
                self.count("CH/042");
            }
            if placements >= 3 {
                self.count("CH/045");
            }
        }
        if returned_home {
            self.count("CH/047");
        }
        Ok(())
    }

    /// `n` distinct dates strictly between `lo` and `hi` (fewer if there is no room), sorted.
    fn cut_dates(&mut self, lo: Date, hi: Date, n: usize) -> Vec<(Date, Option<&'static str>)> {
        let mut set = BTreeSet::new();
        if hi.0 - lo.0 >= 2 {
            for _ in 0..n {
                set.insert(self.date_in(lo.add_days(1), hi.add_days(-1)));
            }
        }
        set.into_iter().map(|d| (d, None)).collect()
    }

    fn random_care(&mut self, start: Date, end: Option<(Date, &'static str)>) -> Care {
        let (p0, p1) = (self.p0, self.p1);
        let stop = end.map(|e| e.0).unwrap_or(p1.add_days(60));
        let before = self.rng.weighted(&[(0usize, 50), (1, 30), (2, 20)]);
        let during = self
            .rng
            .weighted(&[(0usize, 45), (1, 25), (2, 15), (3, 10), (4, 5)]);
        let mut cuts = if start < p0 {
            self.cut_dates(start, stop.min(p0), before)
        } else {
            Vec::new()
        };
        cuts.extend(self.cut_dates(start.max(p0.add_days(-1)), stop.min(p1.add_days(1)), during));
        cuts.dedup_by_key(|c| c.0);
        Care {
            start,
            end,
            cuts,
            status: None,
        }
    }

    fn end_reason(&mut self) -> &'static str {
        self.rng.weighted(&END_REASONS)
    }

    fn looked_after(&mut self) -> io::Result<()> {
        let (p0, p1) = (self.p0, self.p1);
        let open = self.size(wales::LOOKED_AFTER);
        let leaving = self.size(wales::LEAVING_CARE);
        for i in 0..open {
            let p = self.new_person(Cohort::Child.ages())?;
            // A quarter started in the year; some of the rest have left by a date after it.
            let start = if i % 4 == 0 {
                self.date_in(p0, p1)
            } else {
                self.date_in(p0.add_days(-2900), p0.add_days(-1))
            };
            let end = if self.rng.chance(0.15) {
                let d = self.date_in(p1.add_days(1), p1.add_days(60));
                let r = self.end_reason();
                Some((d, r))
            } else {
                None
            };
            let care = self.random_care(start, end);
            self.care_history(&p, &[care])?;
        }
        for i in 0..leaving {
            let p = self.new_person(Cohort::Child.ages())?;
            let start = if i % 3 == 0 {
                self.date_in(p0, p1.add_days(-20))
            } else {
                self.date_in(p0.add_days(-2000), p0.add_days(-1))
            };
            let end = self.date_in(start.add_days(1).max(p0), p1);
            let r = self.end_reason();
            let care = self.random_care(start, Some((end, r)));
            if i % 10 == 0 {
                // Left, then started to be looked after again later in the year.
                let again = self.date_in(end.add_days(1), p1.add_days(1));
                if again <= p1 {
                    let second = self.random_care(again, None);
                    self.care_history(&p, &[care, second])?;
                    continue;
                }
            }
            self.care_history(&p, &[care])?;
        }
        // Looked after only before the period, and only after it.
        for _ in 0..self.size(wales::LEAVING_CARE / 6.0) {
            let p = self.new_person(Cohort::Child.ages())?;
            let end = self.date_in(p0.add_days(-600), p0.add_days(-1));
            let start = self.date_in(end.add_days(-900), end.add_days(-1));
            let r = self.end_reason();
            let care = self.random_care(start, Some((end, r)));
            self.care_history(&p, &[care])?;
        }
        for _ in 0..self.size(wales::LEAVING_CARE / 20.0) + 1 {
            let p = self.new_person(Cohort::Child.ages())?;
            let start = self.date_in(p1.add_days(1), p1.add_days(60));
            self.care_history(
                &p,
                &[Care {
                    start,
                    end: None,
                    cuts: vec![],
                    status: None,
                }],
            )?;
        }
        self.plant_care()
    }

    fn plant_care(&mut self) -> io::Result<()> {
        let (p0, p1) = (self.p0, self.p1);
        for _ in 0..2 {
            let long_ago = p0.add_days(-(self.rng.range(200, 2000) as i32));
            let mid = self.date_in(p0.add_days(30), p1.add_days(-60));
            let fixed = |d: Date, r: &'static str| (d, Some(r));
            let cases: Vec<(&'static str, Vec<Care>)> = vec![
                // Left care on 31 March: not looked after at 31 March; returned home in the year.
                (
                    "episode ending on 31 March",
                    vec![Care {
                        start: long_ago,
                        end: Some((p1, "returned_home")),
                        cuts: vec![],
                        status: None,
                    }],
                ),
                // A new episode on 31 March: the old one ended then, the new one is open.
                (
                    "new episode on 31 March",
                    vec![Care {
                        start: long_ago,
                        end: None,
                        cuts: vec![fixed(p1, "status_change")],
                        status: None,
                    }],
                ),
                // Exactly three placements in the year: the episode open on 1 April and two
                // placement changes.
                (
                    "three placements in the year",
                    vec![Care {
                        start: long_ago,
                        end: None,
                        cuts: vec![
                            fixed(mid, "placement_change"),
                            fixed(mid.add_days(20), "placement_change"),
                        ],
                        status: None,
                    }],
                ),
                // Two placements and a change of legal status: three episodes, two placements.
                (
                    "two placements and a status change",
                    vec![Care {
                        start: long_ago,
                        end: None,
                        cuts: vec![
                            fixed(mid, "placement_change"),
                            fixed(mid.add_days(20), "status_change"),
                        ],
                        status: None,
                    }],
                ),
                // An episode that ended on 1 April was open during the year (three placements);
                // one that ended on 31 March before was not (two).
                (
                    "episode ending on 1 April",
                    vec![Care {
                        start: long_ago,
                        end: None,
                        cuts: vec![
                            fixed(p0, "placement_change"),
                            fixed(mid, "placement_change"),
                        ],
                        status: None,
                    }],
                ),
                (
                    "episode ending on 31 March before the period",
                    vec![Care {
                        start: long_ago,
                        end: None,
                        cuts: vec![
                            fixed(p0.add_days(-1), "placement_change"),
                            fixed(mid, "placement_change"),
                        ],
                        status: None,
                    }],
                ),
                // Started to be looked after on 31 March; on 31 March before the period (not
                // started in the year); left on 1 April after it (looked after at 31 March).
                (
                    "care starting on 31 March",
                    vec![Care {
                        start: p1,
                        end: None,
                        cuts: vec![],
                        status: None,
                    }],
                ),
                (
                    "care starting on 31 March before the period",
                    vec![Care {
                        start: p0.add_days(-1),
                        end: None,
                        cuts: vec![],
                        status: None,
                    }],
                ),
                (
                    "care ending on 1 April after the period",
                    vec![Care {
                        start: long_ago,
                        end: Some((p1.add_days(1), "adopted")),
                        cuts: vec![],
                        status: None,
                    }],
                ),
                // Short breaks at 31 March.
                (
                    "short breaks at 31 March",
                    vec![Care {
                        start: mid,
                        end: None,
                        cuts: vec![],
                        status: Some("short_breaks"),
                    }],
                ),
            ];
            for (case, cares) in cases {
                let p = self.new_person(Cohort::Child.ages())?;
                self.care_history(&p, &cares)?;
                self.plant(case);
            }
        }
        Ok(())
    }

    // ---- The child protection register -------------------------------------------------------

    fn registrations(&mut self, p: &Person, regs: &[Registration]) -> io::Result<()> {
        let (p0, p1) = (self.p0, self.p1);
        let mut again = false;
        let mut open = false;
        let mut removed = false;
        let mut categories = BTreeSet::new();
        for r in regs {
            let id = self.id(Kind::Registration);
            self.emit(
                Kind::Registration,
                &[
                    id,
                    format!("P{:08}", p.id),
                    r.registered.to_string(),
                    CP_CATEGORIES[r.category].into(),
                    opt(r.deregistered),
                ],
            )?;
            if r.again && r.registered >= p0 && r.registered <= p1 {
                again = true;
            }
            if r.registered <= p1 && r.deregistered.is_none_or(|d| d > p1) {
                open = true;
            }
            if let Some(d) = r.deregistered.filter(|d| *d >= p0 && *d <= p1) {
                let _ = d;
                removed = true;
                categories.insert(r.category);
            }
        }
        if again {
            self.count("CH/024");
        }
        if open {
            self.count("CH/026");
        }
        if removed {
            self.count("CH/036");
        }
        for c in categories {
            self.count(&format!("CH/038{}", LETTERS[c]));
        }
        Ok(())
    }

    fn category(&mut self) -> usize {
        self.rng.weighted(&[
            (0usize, 40),
            (1, 15),
            (2, 6),
            (3, 30),
            (4, 1),
            (5, 4),
            (6, 1),
            (7, 2),
            (8, 1),
        ])
    }

    /// A first registration removed on `removed`, and a second registered `gap` later:
    /// `again` says whether that is within 12 months, and the caller's dates make it so.
    fn re_registration(
        &mut self,
        removed: Date,
        second: Date,
        again: bool,
        end: Option<Date>,
    ) -> io::Result<()> {
        let p = self.new_person(Cohort::Child.ages())?;
        let first = removed.add_days(-(self.rng.range(30, 300) as i32));
        let c1 = self.category();
        let both_removed_in_year =
            self.in_period(removed) && end.is_some_and(|e| self.in_period(e));
        // A child removed twice in the year keeps one category: the return treats the
        // categories of removals as exclusive.
        let c2 = if both_removed_in_year {
            c1
        } else {
            self.category()
        };
        self.registrations(
            &p,
            &[
                Registration {
                    registered: first,
                    deregistered: Some(removed),
                    category: c1,
                    again: false,
                },
                Registration {
                    registered: second,
                    deregistered: end,
                    category: c2,
                    again,
                },
            ],
        )
    }

    fn register(&mut self) -> io::Result<()> {
        let (p0, p1) = (self.p0, self.p1);
        let open = self.size(wales::ON_REGISTER);
        let removed = self.size(wales::DEREGISTERED);
        for i in 0..open {
            let p = self.new_person(Cohort::Child.ages())?;
            let registered = if i % 2 == 0 {
                self.date_in(p0, p1)
            } else {
                self.date_in(p0.add_days(-500), p0.add_days(-1))
            };
            let end = if self.rng.chance(0.3) {
                Some(self.date_in(p1.add_days(1), p1.add_days(90)))
            } else {
                None
            };
            let c = self.category();
            self.registrations(
                &p,
                &[Registration {
                    registered,
                    deregistered: end,
                    category: c,
                    again: false,
                }],
            )?;
        }
        for i in 0..removed {
            let p = self.new_person(Cohort::Child.ages())?;
            let registered = if i % 2 == 0 {
                self.date_in(p0, p1.add_days(-10))
            } else {
                self.date_in(p0.add_days(-500), p0.add_days(-1))
            };
            let end = self.date_in(registered.add_days(1).max(p0), p1);
            let c = self.category();
            self.registrations(
                &p,
                &[Registration {
                    registered,
                    deregistered: Some(end),
                    category: c,
                    again: false,
                }],
            )?;
        }
        // Registered and removed before the period.
        for _ in 0..self.size(wales::DEREGISTERED / 5.0) {
            let p = self.new_person(Cohort::Child.ages())?;
            let end = self.date_in(p0.add_days(-700), p0.add_days(-1));
            let registered = end.add_days(-(self.rng.range(20, 400) as i32));
            let c = self.category();
            self.registrations(
                &p,
                &[Registration {
                    registered,
                    deregistered: Some(end),
                    category: c,
                    again: false,
                }],
            )?;
        }
        // Registered again: decide within 12 months of the removal or not, then draw.
        for _ in 0..self.size(wales::DEREGISTERED / 8.0) {
            let second = self.date_in(p0, p1);
            let again = self.rng.chance(0.5);
            let removed = if again {
                let mut d = self.date_in(second.add_months(-12), second);
                while d.add_months(12) < second {
                    d = d.add_days(1);
                }
                d
            } else {
                let mut d =
                    self.date_in(second.add_days(-700), second.add_months(-12).add_days(-1));
                while d.add_months(12) >= second {
                    d = d.add_days(-1);
                }
                d
            };
            let end = if self.rng.chance(0.5) {
                None
            } else {
                Some(self.date_in(second.add_days(1), p1.add_days(60)))
            };
            self.re_registration(removed, second, again, end)?;
        }
        for _ in 0..2 {
            // Registered again 11 months (yes), exactly 12 months (yes), 12 months and a day
            // (no), 13 months (no) after removal, and on the day of removal (yes).
            for (months, extra, yes) in [
                (11, 0, true),
                (12, 0, true),
                (12, 1, false),
                (13, 0, false),
                (0, 0, true),
            ] {
                let second = self.date_in(p0.add_days(15), p1.add_days(-15));
                let mut removed = second.add_days(-extra).add_months(-months);
                while removed.add_months(months).add_days(extra) > second {
                    removed = removed.add_days(-1);
                }
                let second = removed.add_months(months).add_days(extra);
                self.re_registration(removed, second, yes, None)?;
                self.plant(if yes {
                    "registered again within 12 months"
                } else {
                    "registered again after more than 12 months"
                });
            }
            // Registered, removed and registered again within the year: counted once.
            let first = self.date_in(p0, p0.add_days(60));
            let removed = first.add_days(40);
            let second = removed.add_days(50);
            let end = second.add_days(60);
            let p = self.new_person(Cohort::Child.ages())?;
            let c = self.category();
            self.registrations(
                &p,
                &[
                    Registration {
                        registered: first,
                        deregistered: Some(removed),
                        category: c,
                        again: false,
                    },
                    Registration {
                        registered: second,
                        deregistered: Some(end),
                        category: c,
                        again: true,
                    },
                ],
            )?;
            self.plant("registered twice in the year");
            // Removed on 31 March (removed in the year, not on the register at 31 March), and
            // on 1 April after (on the register).
            for end in [p1, p1.add_days(1)] {
                let p = self.new_person(Cohort::Child.ages())?;
                let c = self.category();
                let r = self.date_in(p0.add_days(-100), p1.add_days(-1));
                self.registrations(
                    &p,
                    &[Registration {
                        registered: r,
                        deregistered: Some(end),
                        category: c,
                        again: false,
                    }],
                )?;
                self.plant("registration ending on the edge of 31 March");
            }
        }
        Ok(())
    }

    // ---- Strategy discussions, enquiries, conferences, core groups ---------------------------

    /// A strategy discussion held on `held`; `conference` (working days after it, and whether
    /// that is in time) and `core` (working days after the conference, in time) are decided by
    /// the caller.
    fn cp_chain(
        &mut self,
        held: Date,
        s47: bool,
        conference: Option<(u32, bool, bool)>,
        core: Option<(u32, bool, bool)>,
    ) -> io::Result<()> {
        let p = self.new_person(Cohort::Child.ages())?;
        let pid = format!("P{:08}", p.id);
        // The conference, `k` working days after the discussion (on the working day, or on a
        // later day with the same working-day number when `late_in_day`).
        let conf_date = conference.map(|(k, _, weekend)| {
            let (lo, hi) = self.cal.offset_range(held, k);
            if weekend {
                hi
            } else {
                lo
            }
        });
        let s47_started = held;
        let s47_completed = match conf_date {
            Some(c) => Some(self.date_in(s47_started, c)),
            None if s47 && self.rng.chance(0.85) => {
                Some(s47_started.add_days(self.rng.range(3, 40) as i32))
            }
            None => None,
        };
        let id = self.id(Kind::StrategyDiscussion);
        self.emit(
            Kind::StrategyDiscussion,
            &[
                id,
                pid.clone(),
                held.to_string(),
                if s47 {
                    s47_started.to_string()
                } else {
                    String::new()
                },
            ],
        )?;
        if self.in_period(held) {
            self.count("CH/020");
            if s47 {
                self.count("CH/021");
            }
        }
        if !s47 {
            return Ok(());
        }
        let id = self.id(Kind::Section47);
        self.emit(
            Kind::Section47,
            &[
                id,
                pid.clone(),
                s47_started.to_string(),
                opt(s47_completed),
                opt(conf_date),
            ],
        )?;
        if conf_date.is_some() && s47_completed.is_some_and(|c| self.in_period(c)) {
            self.count("CH/022");
        }
        let (Some(c), Some((_, timely, _))) = (conf_date, conference) else {
            return Ok(());
        };
        let id = self.id(Kind::Conference);
        self.emit(
            Kind::Conference,
            &[id, pid.clone(), held.to_string(), c.to_string()],
        )?;
        if timely && self.in_period(c) {
            self.count("CH/025");
        }
        let Some((k, timely, weekend)) = core else {
            return Ok(());
        };
        let (lo, hi) = self.cal.offset_range(c, k);
        let g = if weekend { hi } else { lo };
        let id = self.id(Kind::CoreGroup);
        self.emit(Kind::CoreGroup, &[id, pid, c.to_string(), g.to_string()])?;
        if self.in_period(g) {
            self.count("CH/027");
            if timely {
                self.count("CH/028");
            }
        }
        Ok(())
    }

    fn child_protection(&mut self) -> io::Result<()> {
        let (p0, p1) = (self.p0, self.p1);
        for _ in 0..self.size(wales::STRATEGY_DISCUSSIONS) {
            let held = self.busy_date_in(p0.add_days(-40), p1.add_days(20));
            let s47 = self.rng.chance(0.6);
            let conference = if s47 && self.rng.chance(0.35) {
                let timely = self.rng.chance(0.8);
                let k = if timely {
                    self.rng.range(1, 15)
                } else {
                    self.rng.range(16, 30)
                } as u32;
                Some((k, timely, self.rng.chance(0.05)))
            } else {
                None
            };
            let core = if conference.is_some() && self.rng.chance(0.9) {
                let timely = self.rng.chance(0.85);
                let k = if timely {
                    self.rng.range(1, 10)
                } else {
                    self.rng.range(11, 20)
                } as u32;
                Some((k, timely, self.rng.chance(0.05)))
            } else {
                None
            };
            self.cp_chain(held, s47, conference, core)?;
        }
        let long = self.before_long_weekends();
        for _ in 0..2 {
            // Conferences exactly 15 working days after the discussion (in time), 16 (late),
            // and on the weekend after the 15th working day (in time); the discussion held the
            // working day before a bank holiday weekend.
            let f = long[self.rng.below(long.len() as u64) as usize];
            self.cp_chain(f, true, Some((15, true, false)), Some((10, true, false)))?;
            self.cp_chain(f, true, Some((16, false, false)), Some((11, false, false)))?;
            self.cp_chain(f, true, Some((15, true, true)), Some((10, true, true)))?;
            // Discussion before the period, conference and core group in it.
            let d = p0.add_days(-(self.rng.range(3, 8) as i32));
            self.cp_chain(d, true, Some((12, true, false)), Some((8, true, false)))?;
            // A discussion that did not lead to an enquiry (the optional field empty).
            let d = self.date_in(p0, p1);
            self.cp_chain(d, false, None, None)?;
            for _ in 0..5 {
                self.plant("conference or core group on a working-day boundary");
            }
        }
        Ok(())
    }

    // ---- Adult safeguarding -------------------------------------------------------------------

    fn report(
        &mut self,
        p: &Person,
        received: (Date, u32),
        enquiry: Option<Date>,
    ) -> io::Result<()> {
        let id = self.id(Kind::AdultReport);
        let source = self.rng.weighted(&[
            (0usize, 6),
            (1, 10),
            (2, 4),
            (3, 25),
            (4, 20),
            (5, 2),
            (6, 4),
            (7, 3),
            (8, 8),
            (9, 10),
            (10, 8),
        ]);
        self.emit(
            Kind::AdultReport,
            &[
                id,
                format!("P{:08}", p.id),
                dt(received.0, received.1),
                REPORT_SOURCE_IDS[source].into(),
                opt(enquiry),
            ],
        )?;
        if self.in_period(received.0) {
            self.count("AD/028");
            self.count(&format!("AD/029{}", LETTERS[source]));
            if enquiry.is_some() {
                self.count("AD/030");
            }
        }
        Ok(())
    }

    fn enquiry(
        &mut self,
        p: &Person,
        report: Date,
        completed: Option<Date>,
        timely: bool,
    ) -> io::Result<()> {
        let id = self.id(Kind::AdultEnquiry);
        self.emit(
            Kind::AdultEnquiry,
            &[
                id,
                format!("P{:08}", p.id),
                report.to_string(),
                opt(completed),
            ],
        )?;
        if timely && completed.is_some_and(|c| self.in_period(c)) {
            self.count("AD/031");
        }
        Ok(())
    }

    fn adult_safeguarding(&mut self) -> io::Result<()> {
        let (p0, p1) = (self.p0, self.p1);
        let mut enquiries = 0u64;
        let mut timely_in_year = 0u64;
        let n = self.size(wales::ADULT_REPORTS) + 2;
        for i in 0..n {
            let p = self.new_person(Cohort::Adult.ages())?;
            let day = match i {
                0 => p1,
                1 => p0,
                _ => self.busy_date_in(p0, p1),
            };
            let m = self.minutes(day);
            let enquiry = if i < 2 || self.rng.chance(0.4) {
                Some(day.add_days(self.rng.range(0, 3) as i32))
            } else {
                None
            };
            self.report(&p, (day, m), enquiry)?;
            let Some(_) = enquiry else { continue };
            enquiries += 1;
            // Decide: completed within 7 days and in the year; late; after the year; not yet.
            let room = (p1.0 - day.0).min(7);
            let class = self.rng.weighted(&[(0u8, 60), (1, 25), (2, 5), (3, 10)]);
            let (completed, timely) = match class {
                0 if i == 0 => (Some(day.add_days(2)), true),
                0 => (
                    Some(day.add_days(self.rng.range(0, room as i64) as i32)),
                    true,
                ),
                1 if p1.0 - day.0 >= 8 => (
                    Some(self.date_in(day.add_days(8), p1.min(day.add_days(60)))),
                    false,
                ),
                3 => (None, false),
                _ => (Some(p1.add_days(1).max(day.add_days(8))), false),
            };
            if timely && completed.is_some_and(|c| self.in_period(c)) {
                timely_in_year += 1;
            }
            self.enquiry(&p, day, completed, timely)?;
        }
        // Reports received in the days before the period whose enquiries are completed in it,
        // in time: as many as the period's reports that proceeded to an enquiry leave room
        // for (the return counts them as a subset of those).
        let mut room = enquiries - timely_in_year;
        for i in 0..self.size(wales::ADULT_REPORTS / 40.0) + 2 {
            let p = self.new_person(Cohort::Adult.ages())?;
            let day = if i == 0 {
                p0.add_days(-1)
            } else {
                self.date_in(p0.add_days(-20), p0.add_days(-1))
            };
            let m = self.minutes(day);
            self.report(&p, (day, m), Some(day))?;
            let (completed, timely) = if room > 0 && day.add_days(7) >= p0 {
                room -= 1;
                (Some(self.date_in(p0, day.add_days(7))), true)
            } else {
                (Some(self.date_in(day.add_days(8), p0.add_days(30))), false)
            };
            self.enquiry(&p, day, completed, timely)?;
        }
        for _ in 0..2 {
            // Completed exactly 7 days after the report (in time) and 8 days (late).
            for (days, timely) in [(7, true), (8, false)] {
                let p = self.new_person(Cohort::Adult.ages())?;
                let day = self.date_in(p0.add_days(10), p1.add_days(-20));
                self.report(&p, (day, 9 * 60), Some(day))?;
                self.enquiry(&p, day, Some(day.add_days(days)), timely)?;
                self.plant("enquiry completed 7 or 8 days after the report");
            }
        }
        Ok(())
    }

    fn dols(&mut self) -> io::Result<()> {
        let (p0, p1) = (self.p0, self.p1);
        for i in 0..self.size(wales::DOLS) + 3 {
            let p = self.new_person(Cohort::Adult.ages())?;
            let received = match i {
                0 => p0.add_days(-1),
                1 => p1,
                2 => p1.add_days(1),
                _ => self.date_in(p0.add_days(-200), p1.add_days(30)),
            };
            let authorised = if self.rng.chance(0.7) {
                Some(received.add_days(self.rng.range(7, 150) as i32))
            } else {
                None
            };
            let id = self.id(Kind::DolsApplication);
            self.emit(
                Kind::DolsApplication,
                &[
                    id,
                    format!("P{:08}", p.id),
                    received.to_string(),
                    opt(authorised),
                ],
            )?;
            if self.in_period(received) {
                self.count("AD/039");
            }
            if authorised.is_some_and(|d| self.in_period(d)) {
                self.count("AD/040");
            }
        }
        for _ in 0..3 {
            self.plant("DoLS application on the edge of the period");
        }
        Ok(())
    }

    /// People born on 29 February (no rule uses an age yet; the dates must still load).
    fn birthdays(&mut self) -> io::Result<()> {
        for y in [1944, 1980, 2008, 2012] {
            let ix = Kind::ALL
                .iter()
                .position(|x| *x == Kind::Person)
                .unwrap_or(0);
            self.next[ix] += 1;
            let p = Person {
                id: self.next[ix],
                born: Date::ymd(y, 2, 29),
                gender: None,
            };
            self.write_person(&p)?;
            let about = if y > 2000 {
                Cohort::Child
            } else {
                Cohort::Adult
            };
            let d = self.date_in(self.p0, self.p1);
            let outcome = self.outcome(about);
            self.contact(p.id, about, (d, 12 * 60), outcome, false)?;
            self.plant("person born on 29 February");
        }
        Ok(())
    }

    // ---- People who move authority -------------------------------------------------------------

    /// People whose records are in two authorities' files under the same id: each authority
    /// counts only its own records.
    fn movers(&mut self) -> io::Result<()> {
        let (p0, p1) = (self.p0, self.p1);
        let n = AUTHORITIES.len();
        for from in 0..n {
            for _ in 0..2 {
                let to = (from + 1 + self.rng.below(n as u64 - 1) as usize) % n;
                // Advice and assistance in one authority, a contact in the next two months
                // later: the second authority has no previous advice for the person.
                self.a = from;
                let p = self.new_person(Cohort::Adult.ages())?;
                let f = self.date_in(p0, p1.add_days(-120));
                self.contact(
                    p.id,
                    Cohort::Adult,
                    (f, 10 * 60),
                    Some("advice_assistance"),
                    false,
                )?;
                self.plant("mover: contact");
                self.a = to;
                self.write_person(&p)?;
                let g = f.add_days(self.rng.range(50, 100) as i32);
                let outcome = self.outcome(Cohort::Adult);
                self.contact(p.id, Cohort::Adult, (g, 10 * 60), outcome, false)?;
                self.plant("mover: contact");

                // Looked after in one authority until a day in the year, then in the other.
                self.a = from;
                let c = self.new_person(Cohort::Child.ages())?;
                let t = self.date_in(p0.add_days(10), p1.add_days(-10));
                let start = t.add_days(-(self.rng.range(100, 900) as i32));
                let care = self.random_care(start, Some((t, "other")));
                self.care_history(&c, &[care])?;
                self.plant("mover: looked after");
                self.a = to;
                self.write_person(&c)?;
                let care = self.random_care(t, None);
                self.care_history(&c, &[care])?;
                self.plant("mover: looked after");

                // Removed from one register, registered on the other's two months later.
                self.a = from;
                let r = self.new_person(Cohort::Child.ages())?;
                let removed = self.date_in(p0, p1.add_days(-90));
                let cat = self.category();
                self.registrations(
                    &r,
                    &[Registration {
                        registered: removed.add_days(-120),
                        deregistered: Some(removed),
                        category: cat,
                        again: false,
                    }],
                )?;
                self.plant("mover: registration");
                self.a = to;
                self.write_person(&r)?;
                let cat = self.category();
                self.registrations(
                    &r,
                    &[Registration {
                        registered: removed.add_days(60),
                        deregistered: None,
                        category: cat,
                        again: false,
                    }],
                )?;
                self.plant("mover: registration");

                // A carer with a support plan open at 31 March in both authorities.
                self.a = from;
                let s = self.new_person(Cohort::AdultCarer.ages())?;
                self.write_plan(s.id, Cohort::AdultCarer, "support", p0, None)?;
                self.count("CA/019");
                self.plant("mover: plan");
                self.a = to;
                self.write_person(&s)?;
                self.write_plan(s.id, Cohort::AdultCarer, "support", p0.add_days(30), None)?;
                self.count("CA/019");
                self.plant("mover: plan");
            }
        }
        Ok(())
    }
}
