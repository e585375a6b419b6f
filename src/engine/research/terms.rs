//! The most frequent words of the corpus, or of one language's sections,
//! read from the term dictionary and the postings (nothing is tokenized
//! again): stop words, numbers and single characters left out, Korean
//! nouns counted with all their particles.

use std::collections::HashMap;

use crate::engine::index::Index;

use super::words::{is_content_word, word_form};

/// A word and how often the corpus uses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermCount {
    /// The word, folded (a Korean noun without its particles).
    pub term: String,
    /// Its occurrences.
    pub count: u64,
    /// Documents using it.
    pub documents: u32,
}

/// Occurrences of a word and the documents they are in, as lists are read.
#[derive(Default)]
struct Tally {
    count: u64,
    docs: Vec<u32>,
}

/// The `limit` most frequent words, in the sections of language `lang`
/// (ISO 639-1) or in all; most first (ties by documents, then alphabetically).
pub fn terms(index: &Index<'_>, lang: Option<&str>, limit: usize) -> Vec<TermCount> {
    let mut tallies: HashMap<String, Tally> = HashMap::new();
    index.each_term(|term, postings| {
        let form = word_form(term);
        if !is_content_word(form) {
            return;
        }
        let mut tally = Tally::default();
        for p in postings {
            if lang.is_some_and(|l| index.section_lang(p.section) != l) {
                continue;
            }
            tally.count += u64::from(p.tf);
            let doc = index.section_doc(p.section);
            if tally.docs.last() != Some(&doc) {
                tally.docs.push(doc);
            }
        }
        if tally.count > 0 {
            let into = tallies.entry(form.to_owned()).or_default();
            into.count += tally.count;
            into.docs.append(&mut tally.docs);
        }
    });
    let mut out: Vec<TermCount> = tallies
        .into_iter()
        .map(|(term, mut t)| {
            crate::sort::sort(&mut t.docs);
            t.docs.dedup();
            TermCount { term, count: t.count, documents: t.docs.len() as u32 }
        })
        .collect();
    crate::sort::sort_by(&mut out, |a, b| {
        b.count
            .cmp(&a.count)
            .then(b.documents.cmp(&a.documents))
            .then_with(|| a.term.cmp(&b.term))
    });
    out.truncate(limit);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::analysis::{indexed, normalize};
    use crate::engine::research::fixture;

    /// Counts by tokenizing every section again: what the index must agree with.
    fn counted_from_texts(index: &Index<'_>, form: &str, lang: Option<&str>) -> (u64, u32) {
        let (mut count, mut docs) = (0, 0);
        for d in index.docs() {
            let aside = index.aside(&d);
            let mut here = 0;
            for s in d.first_section..d.first_section + d.section_count {
                let s = index.section(s);
                if lang.is_some_and(|l| s.lang != l) {
                    continue;
                }
                indexed(s.text, s.start, &aside, |a, b| {
                    here += u64::from(word_form(&normalize(&s.text[a..b])) == form);
                    true
                });
            }
            count += here;
            docs += u32::from(here > 0);
        }
        (count, docs)
    }

    #[test]
    fn counts_agree_with_the_texts() {
        let index = fixture::index();
        let all = terms(&index, None, 100);
        assert!(all.windows(2).all(|w| w[0].count >= w[1].count));
        for t in &all {
            assert!(is_content_word(&t.term), "{t:?}");
            assert_eq!((t.count, t.documents), counted_from_texts(&index, &t.term, None), "{t:?}");
        }
        let top = &all[0];
        assert_eq!(top.term, "harbour", "{all:?}");
        assert!(!all.iter().any(|t| t.term == "advertisement"), "furniture is not counted");
        let korean = terms(&index, Some("ko"), 10);
        let busan = korean.iter().find(|t| t.term == "부산").expect("부산");
        assert_eq!((busan.count, busan.documents), (2, 1));
        let french = terms(&index, Some("fr"), 100);
        assert!(french.iter().all(|t| t.term != "harbour"));
        for t in &french {
            assert_eq!((t.count, t.documents), counted_from_texts(&index, &t.term, Some("fr")), "{t:?}");
        }
        assert_eq!(terms(&index, None, 3).len(), 3);
    }
}
