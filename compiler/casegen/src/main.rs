//! `pmf-casegen --period 2020-21 --seed N --scale F --out DIR`: synthetic case records for
//! `pmf compute` and the generated SQL, one CSV file per record kind, with `DIR/truth.csv`
//! (the true figure of every data item with a counting rule, by authority) and
//! `DIR/planted.csv` (how many of each awkward case were planted).

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: pmf-casegen --period 2020-21 [--seed N] [--scale F] --out DIR";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pmf-casegen: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut period = None;
    let mut seed = 1u64;
    let mut scale = 1.0f64;
    let mut out = None;
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value\n{USAGE}"));
        match a.as_str() {
            "--period" => period = Some(pmf_casegen::parse_period(&value("--period")?)?),
            "--seed" => {
                let v = value("--seed")?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed {v}: expected a whole number"))?;
            }
            "--scale" => {
                let v = value("--scale")?;
                scale = v
                    .parse()
                    .map_err(|_| format!("--scale {v}: expected a number"))?;
            }
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    let year = period.ok_or(format!("--period is required\n{USAGE}"))?;
    let out = out.ok_or(format!("--out is required\n{USAGE}"))?;
    let opts = pmf_casegen::Options { year, seed, scale };
    let started = std::time::Instant::now();
    let (_, rows) = pmf_casegen::generate_dir(&opts, &out)?;
    eprintln!(
        "pmf-casegen: {rows} records in {} ({:.2} s)",
        out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
