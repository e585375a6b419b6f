//! Dates of the distant past: centuries ("the 15th century", "16th-century
//! Frankfurt", « le XVIIIe siècle », « aux XVIIIe et XIXe siècles »), years
//! before 1000 where nothing else can be meant ("28 janvier 814", « en
//! 774 », "in 476."), and years and centuries before the common era ("331
//! BC", « 480 av. J.-C. », « le Ve siècle av. J.-C. »), in astronomical
//! years (480 BC is -0479).

use crate::engine::time::When;

use super::scan::{decide, Decided, Scan};
use super::words::Word;

/// English ordinal words for the first twenty centuries.
const ORDINAL_WORDS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth",
];

/// Words before a number that put it in time: "in 774", « en 476 ».
const EARLY_YEAR_CUES: &[&str] = &["in", "en", "since", "depuis", "circa", "vers", "until", "jusqu"];

impl<'t> Scan<'t> {
    /// A century, a year before the common era or an early year at word `i`.
    pub(super) fn era(&self, i: usize, w: &Word<'t>) -> Decided {
        self.century(i, w).or_else(|| self.year_before_christ(i, w)).or_else(|| self.early_year(i, w))
    }

    /// "331 BC", "44 B.C.", « 480 av. J.-C. », « 52 avant notre ère ».
    fn year_before_christ(&self, i: usize, w: &Word<'t>) -> Decided {
        let n = w.digits().filter(|&n| n >= 1)?;
        let marks = self.before_christ(i + 1).filter(|_| self.spaced(i + 1))?;
        decide(|| Some((1 + marks, When::year(1 - n as i32), false, 0.85)))
    }

    /// "the 15th century", "16th-century", "the eleventh century", "the
    /// 15th and 16th centuries" (the first on its own words), « le XVIIIe
    /// siècle », « aux XVIIIe et XIXe siècles », « le 19e siècle ».
    fn century(&self, i: usize, w: &Word<'t>) -> Decided {
        let (n, used) = match (w.digits(), roman_ordinal(&w.lower), ORDINAL_WORDS.iter().position(|o| *o == w.lower)) {
            (Some(n), _, _) if self.ordinal(i + 1) => (n, 2),
            (_, Some(n), _) => (n, 1),
            (_, _, Some(k)) => (k as u32 + 1, 1),
            _ => return None,
        };
        if !(1..=21).contains(&n) {
            return None;
        }
        let noun = |j: usize| matches!(self.lower(j), "century" | "centuries" | "siècle" | "siècles" | "siecle" | "siecles");
        let joined = |j: usize| self.spaced(j) || self.gap(j) == "-";
        // The noun right after, or after a second century joined by "and",
        // "or", "to", « et », « ou », « au »: "the 15th and 16th centuries".
        let own = noun(i + used) && joined(i + used);
        let shared = matches!(self.lower(i + used), "and" | "or" | "to" | "et" | "ou" | "au")
            && self.spaced(i + used)
            && {
                let j = i + used + 1;
                let second = self.word(j).and_then(|x| {
                    x.digits().filter(|_| self.ordinal(j + 1)).map(|_| 2).or_else(|| roman_ordinal(&x.lower).map(|_| 1))
                });
                second.is_some_and(|k| noun(j + k) && joined(j + k))
            };
        if !own && !shared {
            return None;
        }
        // "our third century", « son deuxième siècle »: an age, not a date.
        let possessive = matches!(
            self.lower(i.wrapping_sub(1)),
            "our" | "its" | "their" | "his" | "her" | "notre" | "son" | "sa" | "leur" | "votre" | "your"
        );
        if possessive {
            return Some(None);
        }
        let words = if own { used + 1 } else { used };
        let n = n as i32;
        // Before the common era: the 5th century BC is 500 to 401 BC.
        if let Some(marks) = self.before_christ(i + words).filter(|_| own) {
            return decide(|| Some((words + marks, When::years(1 - n * 100, 1 - (n - 1) * 100 - 1)?, false, 0.8)));
        }
        let first = (n - 1) * 100;
        decide(|| Some((words, When::years(first.max(1), first + 99)?, false, 0.8)))
    }

    /// The year of a date at word `j`, after its day and month: four digits
    /// ("25 December 1800"), or three where no noun follows ("28 janvier
    /// 814", not "le 3 mai 500 personnes").
    pub(super) fn dated_year(&self, j: usize) -> Option<i32> {
        let w = self.word(j)?;
        w.year().or_else(|| {
            let noun = self.word(j + 1).is_some_and(|n| {
                self.spaced(j + 1) && n.text.starts_with(char::is_lowercase) && !matches!(n.lower.as_str(), "and" | "et" | "or" | "ou" | "à" | "a")
            });
            early(w).filter(|_| !noun)
        })
    }

    /// A year before 1000 that only a year can be: after "in", « en » and
    /// the like where the sentence or a list goes on ("in 476.", « en 774
    /// et »), not before a noun ("in 800 ships") or "BC".
    fn early_year(&self, i: usize, w: &Word<'t>) -> Decided {
        let y = early(w)?;
        let before = self.lower(i.wrapping_sub(1));
        let cue = (EARLY_YEAR_CUES.contains(&before) && self.spaced(i))
            || (before == "de" && self.lower(i.wrapping_sub(2)) == "partir");
        let after = self.gap(i + 1);
        let ends = self.word(i + 1).is_none()
            || after.trim_start().starts_with(['.', ',', ';', ':', ')'])
            || matches!(self.lower(i + 1), "and" | "et" | "or" | "ou");
        (cue && ends && !after.starts_with(['%', '-'])).then(|| decide(|| Some((1, When::year(y), false, 0.6))))?
    }

    /// How many words at `j` say "before Christ": "BC", "BCE" (1), "B.C."
    /// (2), « av. J.-C. », « avant J.-C. », « avant notre ère » (3).
    fn before_christ(&self, j: usize) -> Option<usize> {
        match (self.lower(j), self.lower(j + 1), self.lower(j + 2)) {
            ("bc" | "bce", _, _) => Some(1),
            ("b", "c", _) => Some(2),
            ("av" | "avant", "j", "c") | ("avant", "notre", "ère" | "ere") => Some(3),
            ("avant", "jésus", "christ") => Some(3),
            _ => None,
        }
    }
}

/// A number from 100 to 999 written as a year would be.
pub(super) fn early(w: &Word<'_>) -> Option<i32> {
    (w.text.len() == 3 && !w.text.starts_with('0')).then(|| w.digits()).flatten().map(|y| y as i32)
}

/// A Roman numeral with a French ordinal ending ("XVIIIe", "Ve", "Ier",
/// "XIXème"), as a number.
fn roman_ordinal(lower: &str) -> Option<u32> {
    let stem = ["ème", "eme", "er", "e"].iter().find_map(|end| lower.strip_suffix(end))?;
    if stem.is_empty() {
        return None;
    }
    let value = |c: char| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        _ => None,
    };
    let digits: Vec<u32> = stem.chars().map(value).collect::<Option<_>>()?;
    let mut n = 0i64;
    for (k, &d) in digits.iter().enumerate() {
        match digits.get(k + 1) {
            Some(&next) if next > d => n -= i64::from(d),
            _ => n += i64::from(d),
        }
    }
    u32::try_from(n).ok().filter(|&n| n > 0)
}

#[cfg(test)]
mod tests {
    use super::roman_ordinal;

    #[test]
    fn roman_ordinals_read_as_numbers() {
        assert_eq!(roman_ordinal("xviiie"), Some(18));
        assert_eq!(roman_ordinal("xixe"), Some(19));
        assert_eq!(roman_ordinal("ve"), Some(5));
        assert_eq!(roman_ordinal("ier"), Some(1));
        assert_eq!(roman_ordinal("xxième"), Some(21));
        assert_eq!(roman_ordinal("e"), None);
        assert_eq!(roman_ordinal("de"), None);
    }
}
