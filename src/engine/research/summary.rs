//! A corpus at a glance: how many documents, sections and words, how many
//! distinct terms, its languages and the span of its publication dates.

use std::collections::BTreeMap;

use crate::engine::index::Index;

use super::words::corpus_tokens;

/// How many documents one language has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageCount {
    /// ISO 639-1 code; empty when unknown.
    pub lang: String,
    /// Documents in it.
    pub documents: u32,
}

/// The corpus's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusSummary {
    /// Documents.
    pub documents: u32,
    /// Sections.
    pub sections: u32,
    /// Indexed tokens (page furniture left out).
    pub words: u64,
    /// Distinct terms in the dictionary (folded surface forms).
    pub vocabulary: usize,
    /// Languages, most documents first (ties by code).
    pub languages: Vec<LanguageCount>,
    /// The earliest publication date (`YYYY[-MM[-DD]]`), if any.
    pub first_date: Option<String>,
    /// The latest publication date, if any.
    pub last_date: Option<String>,
}

/// The figures of the corpus `index` holds.
pub fn summary(index: &Index<'_>) -> CorpusSummary {
    let mut languages: BTreeMap<&str, u32> = BTreeMap::new();
    let (mut first, mut last): (Option<&str>, Option<&str>) = (None, None);
    for d in index.docs() {
        *languages.entry(d.lang).or_default() += 1;
        if !d.date.is_empty() {
            first = Some(first.map_or(d.date, |f| f.min(d.date)));
            last = Some(last.map_or(d.date, |l| l.max(d.date)));
        }
    }
    let mut languages: Vec<LanguageCount> = languages
        .into_iter()
        .map(|(lang, documents)| LanguageCount { lang: lang.to_owned(), documents })
        .collect();
    crate::sort::sort_by(&mut languages, |a, b| b.documents.cmp(&a.documents).then_with(|| a.lang.cmp(&b.lang)));
    CorpusSummary {
        documents: index.doc_count(),
        sections: index.section_count(),
        words: corpus_tokens(index),
        vocabulary: index.surface_term_count(),
        languages,
        first_date: first.map(str::to_owned),
        last_date: last.map(str::to_owned),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::analysis::{indexed, normalize};
    use crate::engine::research::fixture;

    #[test]
    fn the_figures_are_those_of_the_texts() {
        let index = fixture::index();
        let s = summary(&index);
        let docs = fixture::docs();
        assert_eq!(s.documents as usize, docs.len());
        assert_eq!(s.sections as usize, docs.iter().map(|d| d.sections.len()).sum::<usize>());
        let mut words = 0;
        let mut vocabulary = std::collections::BTreeSet::new();
        for d in &docs {
            for sec in &d.sections {
                let text = &d.text[sec.range.clone()];
                indexed(text, sec.range.start, &d.aside, |a, b| {
                    words += 1;
                    vocabulary.insert(normalize(&text[a..b]));
                    true
                });
            }
        }
        assert_eq!(s.words, words);
        assert_eq!(s.vocabulary, vocabulary.len());
        assert_eq!(s.languages[0], LanguageCount { lang: "en".into(), documents: 3 });
        assert_eq!(s.languages.len(), 3);
        assert_eq!((s.first_date.as_deref(), s.last_date.as_deref()), (Some("2019-03-01"), Some("2020-06")));
    }
}
