//! The tidy CSV template: `authority,period,code,value,status,comment` and, to help a person
//! filling it in, the item's `wording` and `unit` (ignored when read back). One row per data
//! item, then one per population (supplied by Welsh Government for rates; optional).

use super::{defuse, Fill, Filled};
use pmf_ir::Ir;

pub fn template(ir: &Ir, fill: &Fill) -> String {
    let f = Filled::of(ir, fill);
    let mut w = ::csv::WriterBuilder::new().from_writer(Vec::new());
    let _ = w.write_record([
        "authority",
        "period",
        "code",
        "value",
        "status",
        "comment",
        "wording",
        "unit",
    ]);
    let authority = defuse(&f.authority);
    let period = defuse(&f.period);
    let row = |w: &mut ::csv::Writer<Vec<u8>>, code: &str, wording: &str, unit: &str| {
        let cell = f.cells.get(code);
        let value = cell.map(|c| c.raw.to_text()).unwrap_or_default();
        let status = cell.and_then(|c| c.status.clone()).unwrap_or_default();
        let comment = cell.and_then(|c| c.comment.clone()).unwrap_or_default();
        // Every field is defused, the spec's texts as much as the fill's: a unit label or a
        // code is spec text too, and a spreadsheet opening this file runs any formula.
        let _ = w.write_record([
            authority.as_str(),
            period.as_str(),
            &defuse(code),
            &defuse(&value),
            &defuse(&status),
            &defuse(&comment),
            &defuse(wording),
            &defuse(unit),
        ]);
    };
    for d in &ir.data_items {
        let wording = match &d.lead_in {
            Some(l) => format!("{} {}", l.en, d.wording.en),
            None => d.wording.en.clone(),
        };
        let unit = ir
            .unit(&d.unit)
            .map(|u| u.label.en.clone())
            .unwrap_or_else(|| d.unit.clone());
        row(&mut w, &d.code, &wording, &unit);
    }
    for p in &ir.populations {
        row(&mut w, &p.id, &p.label.en, "people");
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
