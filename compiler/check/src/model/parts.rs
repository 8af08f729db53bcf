//! The declarations of a spec are those of its files, merged in file order (`extend`): each
//! file's part is a run in every list. `Shape` is the length of a file's part in each list, so
//! that the language server can replace the part of the one file an edit changed in place, or
//! copy out the parts of the files that did not change, instead of lowering every file again.

use super::Declarations;

/// The number of lists in `Declarations`.
const LISTS: usize = 26;

/// How many declarations of each kind one file has, in the order of the fields of
/// `Declarations`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shape([usize; LISTS]);

/// Expands `$m!(k, field)` for each list of `Declarations`, k its index in a `Shape`.
macro_rules! each_list {
    ($m:ident) => {
        $m!(0, editions);
        $m!(1, extensions);
        $m!(2, docs);
        $m!(3, instruments);
        $m!(4, cohorts);
        $m!(5, units);
        $m!(6, definitions);
        $m!(7, sources);
        $m!(8, populations);
        $m!(9, codelists);
        $m!(10, missing);
        $m!(11, standards);
        $m!(12, parts);
        $m!(13, groups);
        $m!(14, metrics);
        $m!(15, indicators);
        $m!(16, rules);
        $m!(17, errata);
        $m!(18, reports);
        $m!(19, file_allows);
        $m!(20, broken);
        $m!(21, calendars);
        $m!(22, records);
        $m!(23, terms);
        $m!(24, remembered);
        $m!(25, welsh_of);
    };
}

impl Declarations {
    /// The length of each list.
    pub fn shape(&self) -> Shape {
        // Every field named: a list added to `Declarations` must be added to `each_list`.
        let Declarations {
            editions: _,
            extensions: _,
            docs: _,
            instruments: _,
            cohorts: _,
            units: _,
            definitions: _,
            sources: _,
            populations: _,
            codelists: _,
            missing: _,
            standards: _,
            parts: _,
            groups: _,
            metrics: _,
            indicators: _,
            rules: _,
            errata: _,
            reports: _,
            calendars: _,
            records: _,
            terms: _,
            remembered: _,
            welsh_of: _,
            file_allows: _,
            broken: _,
        } = self;
        let mut s = [0; LISTS];
        macro_rules! len {
            ($k:literal, $f:ident) => {
                s[$k] = self.$f.len();
            };
        }
        each_list!(len);
        Shape(s)
    }

    /// The declarations of several files in one, in order: `extend` on each, with every list
    /// allocated once at its final size (for a spec of hundreds of files, growing the lists
    /// file by file copies them many times).
    pub fn merge(parts: Vec<Declarations>) -> Declarations {
        let mut total = [0; LISTS];
        for p in &parts {
            for (t, n) in total.iter_mut().zip(p.shape().0) {
                *t += n;
            }
        }
        let mut all = Declarations::default();
        macro_rules! reserve {
            ($k:literal, $f:ident) => {
                all.$f.reserve(total[$k]);
            };
        }
        each_list!(reserve);
        for p in parts {
            all.extend(p);
        }
        all
    }

    /// Where part `i` starts in each list, when these declarations were merged from parts of
    /// these shapes, in order; `None` when there is no part `i` or the shapes do not add up to
    /// the lists.
    fn offsets(&self, shapes: &[Shape], i: usize) -> Option<[usize; LISTS]> {
        let mut total = [0; LISTS];
        let mut start = [0; LISTS];
        for (j, s) in shapes.iter().enumerate() {
            if j == i {
                start = total;
            }
            for (t, n) in total.iter_mut().zip(s.0) {
                *t += n;
            }
        }
        (i < shapes.len() && total == self.shape().0).then_some(start)
    }

    /// A copy of part `i` of declarations merged from parts of these shapes.
    pub fn part(&self, shapes: &[Shape], i: usize) -> Option<Declarations> {
        let start = self.offsets(shapes, i)?;
        let len = shapes.get(i)?.0;
        let mut out = Declarations::default();
        macro_rules! copy {
            ($k:literal, $f:ident) => {
                out.$f = self
                    .$f
                    .get(start[$k]..start[$k] + len[$k])
                    .map(<[_]>::to_vec)
                    .unwrap_or_default();
            };
        }
        each_list!(copy);
        Some(out)
    }

    /// Replaces part `i` of declarations merged from parts of these shapes with `new`, in
    /// place (the declarations of the other parts are moved, not copied), and records its
    /// shape. False, with nothing changed, when the shapes do not describe these declarations.
    pub fn replace_part(&mut self, shapes: &mut [Shape], i: usize, new: Declarations) -> bool {
        let (Some(start), Some(old)) = (self.offsets(shapes, i), shapes.get(i).copied()) else {
            return false;
        };
        let shape = new.shape();
        let mut new = new;
        macro_rules! splice {
            ($k:literal, $f:ident) => {
                let at = start[$k];
                self.$f
                    .splice(at..at + old.0[$k], std::mem::take(&mut new.$f));
            };
        }
        each_list!(splice);
        if let Some(s) = shapes.get_mut(i) {
            *s = shape;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    fn lower(i: u32, text: &str) -> Declarations {
        let (tree, mut diags) = crate::syntax::parse(FileId(i), text);
        crate::model::lower_file(&tree, &mut diags)
    }

    const UNIT: &str = "unit contact \"contacts\" {\n  singular \"contact\"\n  kind entity\n}\n";

    fn metric(code: &str) -> String {
        format!("metric {code} {{\n  wording \"Contacts {code}\"\n  counts contact\n  flow\n}}\n")
    }

    #[test]
    fn a_part_is_replaced_in_place_and_copied_out() {
        let texts = [
            format!("{UNIT}{}", metric("AD/001")),
            format!("{}{}", metric("AD/002"), metric("AD/003")),
            metric("AD/004"),
        ];
        let parts: Vec<Declarations> = (0u32..).zip(&texts).map(|(i, t)| lower(i, t)).collect();
        let mut shapes: Vec<Shape> = parts.iter().map(Declarations::shape).collect();
        let mut all = Declarations::merge(parts);
        assert_eq!(all.metrics.len(), 4);
        // File 1 loses a metric and gains a unit.
        let edited = format!(
            "unit visit \"visits\" {{\n  singular \"visit\"\n  kind event\n}}\n{}",
            metric("AD/009")
        );
        assert!(all.replace_part(&mut shapes, 1, lower(1, &edited)));
        let expected = Declarations::merge(vec![
            lower(0, &texts[0]),
            lower(1, &edited),
            lower(2, &texts[2]),
        ]);
        assert_eq!(format!("{all:?}"), format!("{expected:?}"));
        let codes: Vec<&str> = all.metrics.iter().map(|m| m.code.as_str()).collect();
        assert_eq!(codes, ["AD/001", "AD/009", "AD/004"]);
        assert_eq!(
            all.part(&shapes, 1).map(|p| format!("{p:?}")),
            Some(format!("{:?}", lower(1, &edited)))
        );
        assert_eq!(
            all.part(&shapes, 2).map(|p| format!("{p:?}")),
            Some(format!("{:?}", lower(2, &texts[2])))
        );
        // Shapes that do not describe the declarations are refused.
        let wrong = vec![Shape::default(); 3];
        assert!(all.part(&wrong, 0).is_none());
        let before = format!("{all:?}");
        assert!(!all.replace_part(&mut wrong.clone(), 0, lower(0, &texts[0])));
        assert_eq!(format!("{all:?}"), before);
        assert!(all.part(&shapes, 3).is_none());
    }
}
